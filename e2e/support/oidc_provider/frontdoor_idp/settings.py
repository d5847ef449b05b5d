"""Settings of the test OpenID provider: django-oidc-provider on a throwaway SQLite database.

Read from the environment (oidc_provider_fixture.py sets them):
  FRONTDOOR_IDP_DATA_DIR    folder for the SQLite database
  FRONTDOOR_IDP_SITE_URL    e.g. http://127.0.0.1:8123; the issuer is this + "/openid"
  FRONTDOOR_IDP_SECRET_KEY  Django's secret key (sessions, CSRF)

This provider exists only for tests: it serves plain HTTP on loopback and is never deployed.
"""
import os
import secrets
from pathlib import Path

DATA_DIR = Path(os.environ["FRONTDOOR_IDP_DATA_DIR"])
SECRET_KEY = os.environ.get("FRONTDOOR_IDP_SECRET_KEY") or secrets.token_hex(32)
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

# django-oidc-provider builds the issuer (and every endpoint in discovery) from SITE_URL when it
# is set, and from the request's Host header otherwise. Pinning it keeps `iss` identical to the
# URL the client was told, whatever host name the client happens to use.
SITE_URL = os.environ.get("FRONTDOOR_IDP_SITE_URL") or None

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "oidc_provider",
    "frontdoor_idp",  # the login template, the claim hooks and the prepare_provider command
]

MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]

ROOT_URLCONF = "frontdoor_idp.urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
}]

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": DATA_DIR / "provider.sqlite3"}}
# What django-oidc-provider's migrations were made with (silences its W042 warnings).
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
USE_TZ = True
TIME_ZONE = "UTC"

LOGIN_URL = "/accounts/login/"
# Browsers keep cookies per host, not per port: FrontDoor under test also runs on 127.0.0.1, so
# the provider's cookies get names of their own that cannot collide with FrontDoor's.
SESSION_COOKIE_NAME = "oidc_provider_session"
CSRF_COOKIE_NAME = "oidc_provider_csrftoken"
# A fast hasher: the users are test fixtures, and PBKDF2 would cost ~1 s per sign-in on 2 cores.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# --- django-oidc-provider (https://django-oidc-provider.readthedocs.io/en/master/sections/settings.html)
# Put the standard claims of the granted scopes (profile -> name, email -> email) in the ID token,
# not only in userinfo.
OIDC_IDTOKEN_INCLUDE_CLAIMS = True
OIDC_USERINFO = "frontdoor_idp.claims.userinfo"
# `roles` in userinfo (and, with OIDC_IDTOKEN_INCLUDE_CLAIMS, the ID token) for the `roles` scope ...
OIDC_EXTRA_SCOPE_CLAIMS = "frontdoor_idp.claims.RolesScopeClaims"
# ... and in every ID token whatever the scopes, as identity providers usually send group/role claims.
OIDC_IDTOKEN_PROCESSING_HOOK = "frontdoor_idp.claims.add_roles_to_id_token"

# The test log says why the provider refused a request (django-oidc-provider logs its reasons at
# DEBUG); runserver's request lines go there too.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "loggers": {"oidc_provider": {"handlers": ["stderr"], "level": "DEBUG"}},
}
