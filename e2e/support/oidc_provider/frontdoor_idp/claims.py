"""Claims for django-oidc-provider's hooks (named in settings.py).

A user's roles are the names of their Django groups, so the data stays in Django's own tables."""
from django.utils.translation import gettext_lazy as _
from oidc_provider.lib.claims import ScopeClaims


def roles_of(user) -> list[str]:
    return list(user.groups.order_by("name").values_list("name", flat=True))


def userinfo(claims, user):
    """OIDC_USERINFO: fills the standard claims that the package hands out per scope."""
    claims["name"] = user.get_full_name()
    claims["given_name"] = user.first_name
    claims["family_name"] = user.last_name
    claims["preferred_username"] = user.username
    claims["email"] = user.email
    claims["email_verified"] = True
    return claims


class RolesScopeClaims(ScopeClaims):
    """OIDC_EXTRA_SCOPE_CLAIMS: a `roles` scope whose claim is `roles`."""

    info_roles = (_("Roles"), _("The roles you hold."))

    def scope_roles(self):
        return {"roles": roles_of(self.user)}


def add_roles_to_id_token(id_token, user, token, request, **kwargs):
    """OIDC_IDTOKEN_PROCESSING_HOOK: `roles` goes into every ID token, whatever the scopes."""
    id_token["roles"] = roles_of(user)
    return id_token
