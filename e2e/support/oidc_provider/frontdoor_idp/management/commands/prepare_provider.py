"""Makes a fresh provider database ready for one test run, in one process (each Django start-up
costs time): migrates, creates the RSA signing key with django-oidc-provider's own
`creatersakey` command, then the client and the users described in a JSON file:

  {"client": {"client_id": "...", "client_secret": "...", "redirect_uris": ["..."]},
   "users": [{"username": "...", "password": "...", "email": "...", "name": "First Last",
              "roles": ["..."]}]}
"""
import json

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from oidc_provider.models import Client, ResponseType, RSAKey


class Command(BaseCommand):
    help = "Migrate, create the signing key, the client and the users of the test provider."

    def add_arguments(self, parser):
        parser.add_argument("spec", help="JSON file describing the client and the users")

    def handle(self, *args, spec, **options):
        with open(spec) as f:
            spec = json.load(f)

        call_command("migrate", verbosity=0, interactive=False)
        call_command("creatersakey")
        # creatersakey reports its own failures on stdout and exits 0; check for the key instead.
        if not RSAKey.objects.exists():
            raise CommandError("creatersakey made no RSA key")

        wanted = spec["client"]
        client = Client.objects.create(
            name="FrontDoor (tests)",
            client_type="confidential",
            client_id=wanted["client_id"],
            client_secret=wanted["client_secret"],
            jwt_alg="RS256",
            # Straight from sign-in back to the client: no consent page, ever.
            require_consent=False,
            reuse_consent=False,
            _redirect_uris="\n".join(wanted["redirect_uris"]),
        )
        # Rows made by the package's migrations; only the authorization code flow is allowed.
        client.response_types.set([ResponseType.objects.get(value="code")])

        for wanted in spec["users"]:
            first, _, last = wanted["name"].partition(" ")
            user = User.objects.create_user(wanted["username"], wanted["email"], wanted["password"],
                                            first_name=first, last_name=last)
            user.groups.set([Group.objects.get_or_create(name=role)[0] for role in wanted["roles"]])

        self.stdout.write(f"client {client.client_id} and {len(spec['users'])} users ready")
