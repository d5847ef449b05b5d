#!/usr/bin/env python3
"""Django's command line for the test OpenID provider (run from this folder; see
../oidc_provider_fixture.py, which is what the tests use)."""
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdoor_idp.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
