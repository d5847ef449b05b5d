"""The integration API's OpenAPI document, as a running server serves it, is a valid
OpenAPI 3.1 document, checked by openapi-spec-validator (an independent implementation of
the specification's schema), and answers what it says it answers."""
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


def test_every_documented_path_answers_with_a_key_and_refuses_without(server):
    made = run_frontdoor(["api-key", "--label", "openapi-check", "--scopes", "services:read,cases:read"], base_env(server.data_dir))
    assert made.returncode == 0, made.stderr
    key = made.stdout.strip().splitlines()[-1]
    document = requests.get(server.base_url + "/api/openapi.json", timeout=10).json()
    base = server.base_url + document["servers"][0]["url"]
    examples = {"{code}": "street-light", "{reference}": None}
    cases = requests.get(base + "/cases?limit=1", headers={"Authorization": "Bearer " + key}, timeout=10).json()["items"]
    examples["{reference}"] = cases[0]["reference"]
    for path in document["paths"]:
        url = base + path
        for placeholder, value in examples.items():
            url = url.replace(placeholder, value)
        assert requests.get(url, headers={"Authorization": "Bearer " + key}, timeout=10).status_code == 200, path
        refused = requests.get(url, timeout=10)
        assert refused.status_code == 401 and refused.json()["errors"], path
