"""The integration API's OpenAPI document, as a running server serves it, is a valid
OpenAPI 3.1 document, checked by openapi-spec-validator (an independent implementation of
the specification's schema), and answers what it says it answers."""
import re

import requests
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from conftest import base_env, run_frontdoor


def test_the_served_document_is_valid_openapi_3_1(server):
    document = requests.get(server.base_url + "/api/openapi.json", timeout=10).json()
    assert document["openapi"].startswith("3.1")
    validate(document)  # raises with the first problem if the document is not valid


def test_the_validator_catches_a_broken_document(server):
    """The check above could pass by accident only if the validator accepted anything."""
    document = requests.get(server.base_url + "/api/openapi.json", timeout=10).json()
    document["paths"]["/cases"]["get"]["responses"] = "not a responses object"
    try:
        validate(document)
    except OpenAPIValidationError:
        return
    raise AssertionError("a broken document was accepted")


def make_key(server, label: str, scopes: str) -> str:
    made = run_frontdoor(["api-key", "--label", label, "--scopes", scopes], base_env(server.data_dir))
    assert made.returncode == 0, made.stderr
    return made.stdout.strip().splitlines()[-1]


def test_every_documented_path_answers_with_a_key_and_refuses_without(server):
    """Each GET the document lists answers 200 with a key holding every read scope, and 401 as
    the API's JSON errors without a key. A path's placeholder is filled with a real record of
    the collection before it (a service code, a case reference, a customer's or a contact's
    id); a contact is recorded first if the demo council has none."""
    key = make_key(server, "openapi-check", "services:read,cases:read,customers:read,contacts:read")
    auth = {"Authorization": "Bearer " + key}
    document = requests.get(server.base_url + "/api/openapi.json", timeout=10).json()
    base = server.base_url + document["servers"][0]["url"]

    def first(collection: str) -> dict:
        items = requests.get(f"{base}/{collection}?limit=1", headers=auth, timeout=10).json()["items"]
        return items[0] if items else None

    if first("contacts") is None:
        writer = make_key(server, "openapi-check-writer", "contacts:write")
        recorded = requests.post(base + "/contacts", headers={"Authorization": "Bearer " + writer}, timeout=10,
                                 json={"channel": "phone", "outcome": "signposted", "demand": "value"})
        assert recorded.status_code == 201, recorded.text
    records = {"services": "street-light", "cases": first("cases")["reference"], "customers": first("customers")["id"],
               "contacts": first("contacts")["id"]}

    probed = 0
    for path, operations in document["paths"].items():
        if "get" not in operations:
            continue
        url = base + re.sub(r"/([a-z-]+)/\{[a-z_]+\}", lambda match: f"/{match[1]}/{records[match[1]]}", path)
        assert "{" not in url, f"no record to fill {path} with"
        answered = requests.get(url, headers=auth, timeout=10)
        assert answered.status_code == 200, f"GET {path} ({url}): {answered.status_code} {answered.text[:500]}"
        refused = requests.get(url, timeout=10)
        assert refused.status_code == 401 and refused.json()["errors"], f"GET {path} without a key: {refused.status_code}"
        probed += 1
    assert probed >= 9, f"only {probed} GET operations are documented"
