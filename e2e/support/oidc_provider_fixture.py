"""A real OpenID Connect provider for FrontDoor's tests: django-oidc-provider (the Django project
in ./oidc_provider/) started as a subprocess on a free loopback port.

    provider = start_oidc_provider(folder, ["http://127.0.0.1:8080/auth/callback"])
    try:
        provider.issuer, provider.client_id, provider.client_secret, provider.users["advisor"]
    finally:
        provider.stop()

(or `with start_oidc_provider(...) as provider:`). Plain functions, no pytest: fixtures wrap this.

What the provider does, as django-oidc-provider 0.9.0 does it:
- issuer: http://127.0.0.1:PORT/openid; discovery at {issuer}/.well-known/openid-configuration.
- one confidential client; the token endpoint takes client_secret_post and client_secret_basic
  (the secret is hex: the package does not URL-decode Basic credentials).
- the token request must carry a redirect_uri registered for the client.
- ID tokens are RS256, kid = the JWKS key's kid, valid 10 minutes. They hold `roles` always,
  `name`, `given_name`, `family_name`, `nickname`, `preferred_username` with the `profile` scope
  and `email`, `email_verified` with the `email` scope.
- PKCE: a code_challenge needs code_challenge_method (S256 or plain); a code issued with one is
  only exchanged with the matching code_verifier. Discovery does not advertise
  code_challenge_methods_supported, and codes issued without a challenge need no verifier.
- no consent page: sign-in leads straight back to the client.
"""
import ctypes
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

PROJECT_DIR = Path(__file__).resolve().parent / "oidc_provider"
CLIENT_ID = "frontdoor-tests"

# name -> (username, password, email, display name, roles)
USERS = {
    "advisor": ("sso.advisor@kingsmere.example", "provider-pass-1", "sso.advisor@kingsmere.example",
                "Robin Clarke", ["frontdoor-advisors"]),
    "admin": ("sso.admin@kingsmere.example", "provider-pass-2", "sso.admin@kingsmere.example",
              "Kim Wright", ["frontdoor-administrators", "staff"]),
    "nobody": ("sso.visitor@kingsmere.example", "provider-pass-3", "sso.visitor@kingsmere.example",
               "Pat Jones", ["staff"]),
}


@dataclass
class OidcProvider:
    issuer: str
    client_id: str
    client_secret: str
    # name -> (username, password, email)
    users: dict
    # name -> {"name": ..., "roles": [...]}: what the ID token should say besides the email
    profiles: dict
    process: subprocess.Popen = field(repr=False)
    log_path: Path = field(repr=False)

    @property
    def discovery_url(self) -> str:
        return self.issuer + "/.well-known/openid-configuration"

    def log(self) -> str:
        """Everything the provider printed: set-up, request lines and its reasons for refusals."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self, timeout: float = 10) -> None:
        """Stops the server and anything it started: it leads its own process group, and the
        group is signalled while the leader is still alive (so the group id cannot be reused)."""
        if self.process.poll() is None:
            _signal_group(self.process, signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                _signal_group(self.process, signal.SIGKILL)
                self.process.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def start_oidc_provider(folder: Path, redirect_uris: list[str], ready_timeout: float = 60) -> OidcProvider:
    """Prepares a fresh provider database in `folder` (created if missing; must not hold one
    already) and starts the provider; returns once its discovery document answers."""
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    site_url = f"http://127.0.0.1:{port}"
    client_secret = secrets.token_hex(24)
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(FRONTDOOR_IDP_DATA_DIR=str(folder), FRONTDOOR_IDP_SITE_URL=site_url,
               FRONTDOOR_IDP_SECRET_KEY=secrets.token_hex(32), PYTHONUNBUFFERED="1",
               DJANGO_SETTINGS_MODULE="frontdoor_idp.settings")
    manage = [sys.executable, str(PROJECT_DIR / "manage.py")]
    log_path = folder / "provider.log"

    spec_path = folder / "provider-spec.json"
    spec_path.write_text(json.dumps({
        "client": {"client_id": CLIENT_ID, "client_secret": client_secret, "redirect_uris": list(redirect_uris)},
        "users": [{"username": u, "password": p, "email": e, "name": n, "roles": r}
                  for u, p, e, n, r in USERS.values()],
    }))
    with open(log_path, "w") as log:
        prepared = subprocess.run([*manage, "prepare_provider", str(spec_path)], cwd=PROJECT_DIR, env=env,
                                  stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, timeout=120)
    if prepared.returncode != 0:
        raise RuntimeError(f"preparing the OpenID provider failed:\n{log_path.read_text(errors='replace')}")

    with open(log_path, "a") as log:
        # runserver without the autoreloader is a single process; --skip-checks saves start-up time.
        process = subprocess.Popen([*manage, "runserver", "--noreload", "--skip-checks", f"127.0.0.1:{port}"],
                                   cwd=PROJECT_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True,
                                   preexec_fn=_die_with_parent)
    provider = OidcProvider(
        issuer=site_url + "/openid", client_id=CLIENT_ID, client_secret=client_secret,
        users={name: (u, p, e) for name, (u, p, e, _, _) in USERS.items()},
        profiles={name: {"name": n, "roles": list(r)} for name, (_, _, _, n, r) in USERS.items()},
        process=process, log_path=log_path)

    deadline = time.monotonic() + ready_timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"the OpenID provider exited with {process.returncode}:\n{provider.log()}")
        try:
            answer = requests.get(provider.discovery_url, timeout=2)
            if answer.status_code == 200:
                if answer.json().get("issuer") != provider.issuer:
                    provider.stop()
                    raise RuntimeError(f"discovery names issuer {answer.json().get('issuer')!r}, "
                                       f"expected {provider.issuer!r}")
                return provider
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            provider.stop()
            raise RuntimeError(f"the OpenID provider did not answer within {ready_timeout}s:\n{provider.log()}")
        time.sleep(0.2)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _signal_group(process: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(process.pid, sig)  # the group that start_new_session gave the server
    except ProcessLookupError:
        pass


def _die_with_parent() -> None:
    """Runs in the child before exec: on Linux, the kernel sends it SIGTERM when the process that
    started it dies, so a killed pytest leaves no provider behind (stop() is the normal way)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
