"""The JSON integration API (/api/v1, described by /api/openapi.json) end to end, as a council's
back-office system meets it: a real `frontdoor serve` with the demo council (on SQLite, and
for the round trips also on a fresh PostgreSQL database), keys made with `frontdoor api-key`,
and every answer read with `requests` and `json`.

Proved here: a customer recorded through the API is read back by its id and found by its email
address (in any case), and an address already on a record is refused with that record's id; a
contact recorded for that customer is listed under them; a case opened through the API (its
answers checked by the service's form) is read back, belongs to the requester's record, and
its timeline begins with its receipt; a public update with `resolve` resolves it, and an update
written against a stale version is refused. A key is held to its scopes. A POST sent again
with its Idempotency-Key is answered exactly as before and makes nothing twice; the same key
with another body is refused. Bad input (malformed JSON, the wrong content type, an unknown
service, a missing answer, a body over 64 KB, …) is refused as JSON errors and changes
nothing. Lists walk every record exactly once in pages, ETags give 304s, and an unknown path
under /api/v1 is a JSON 404, not the website's page. No answer is ever a 5xx."""
import json
import re
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests

from conftest import RunningServer, base_env, run_frontdoor, start_server

COUNCIL = "kingsmere"
# Inside Kingsmere, where the demo's own reports are.
LAT, LONG = 52.212053, -0.991417
# A property in the demo council's gazetteer.
DEMO_UPRN = "100023336956"
REFERENCE = re.compile(r"FD-\d{4}-\d{6}")
ALL_SCOPES = "customers:read,customers:write,cases:read,cases:write,contacts:read,contacts:write,services:read"
KEY_LABEL = "Back office system"
# Far above what a test sends, so the key's rate limit never decides an answer here.
PER_MINUTE = 100_000


# --- A client that never accepts a 5xx or a page that is not JSON ------------------------------

def never_a_server_error(response, *args, **kwargs):
    assert response.status_code < 500, \
        f"{response.request.method} {response.url} answered {response.status_code}:\n{response.text[:2000]}"


class ApiClient:
    """A back-office system's view of one FrontDoor: the server, and its key."""

    def __init__(self, server: RunningServer, key: str | None, label: str = KEY_LABEL):
        self.server = server
        self.key = key
        self.label = label
        self.base = server.base_url + "/api/v1"
        self.session = requests.Session()
        self.session.hooks["response"].append(never_a_server_error)
        if key:
            self.session.headers["Authorization"] = "Bearer " + key

    def get(self, path: str, params=None, headers=None) -> requests.Response:
        return self.session.get(self.base + path, params=params, headers=headers, timeout=30)

    def post(self, path: str, body=None, *, raw: str | bytes | None = None, content_type: str = "application/json",
             idempotency_key: str | None = None) -> requests.Response:
        """POSTs `body` as JSON (or `raw` as it is), with an Idempotency-Key when given."""
        headers = {"Content-Type": content_type}
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        data = raw if raw is not None else json.dumps(body)
        return self.session.post(self.base + path, data=data, headers=headers, timeout=30)

    def read(self, path: str, params=None) -> dict:
        return read(self.get(path, params))

    def walk(self, path: str, params=None, limit: int = 200) -> list:
        """Every item of a list, following next_cursor to the last page."""
        return [item for page in self.pages(path, params, limit) for item in page]

    def pages(self, path: str, params=None, limit: int = 200) -> list:
        pages, cursor = [], None
        while True:
            body = self.read(path, {**(params or {}), "limit": limit, **({"cursor": cursor} if cursor else {})})
            assert isinstance(body["items"], list), body
            assert len(body["items"]) <= limit, f"{path}?limit={limit} gave {len(body['items'])} items"
            pages.append(body["items"])
            cursor = body.get("next_cursor")
            if cursor is None:
                return pages
            assert len(pages) < 1000, f"{path} is still giving pages after 1000 of them"

    def service_id(self, code: str) -> str:
        return self.read(f"/services/{code}")["id"]


def is_json(response: requests.Response) -> bool:
    return response.headers.get("Content-Type", "").split(";")[0].strip() == "application/json"


def read(response: requests.Response, status: int = 200):
    """The JSON body, after checking the status and that it is JSON at all."""
    assert response.status_code == status, \
        f"{response.request.method} {response.url}: expected {status}, got {response.status_code}:\n{response.text[:2000]}"
    assert is_json(response), f"{response.url} answered {response.headers.get('Content-Type')!r}:\n{response.text[:500]}"
    return response.json()


def refusal(response: requests.Response, status: int | tuple) -> list:
    """The API's errors `{"errors": [{"field", "message"}]}` of a refusal with `status` (or one of them)."""
    allowed = status if isinstance(status, tuple) else (status,)
    assert response.status_code in allowed, \
        f"{response.request.method} {response.url}: expected {status}, got {response.status_code}:\n{response.text[:2000]}"
    assert is_json(response), \
        f"{response.url} refused with {response.headers.get('Content-Type')!r}, not JSON:\n{response.text[:500]}"
    body = response.json()
    assert isinstance(body, dict) and set(body) == {"errors"}, f"not the API's error format: {body!r}"
    found = body["errors"]
    assert found, f"{response.url} answered {response.status_code} with no error in it"
    for error in found:
        assert isinstance(error.get("field"), str) and isinstance(error.get("message"), str) and error["message"].strip(), error
    return found


def mentions(found: list, word: str) -> bool:
    return any(word in error["field"] or word in error["message"] for error in found)


def unique_email(who: str) -> str:
    return f"{who}.{uuid.uuid4().hex[:10]}@example.org"


# --- Servers and keys ----------------------------------------------------------------------------

def start_api_server(data_dir: Path, **overrides: str) -> RunningServer:
    running = start_server(data_dir, **overrides)
    running.extra["env"] = base_env(data_dir, BASE_URL=running.base_url, **overrides)
    return running


def make_api_key(server: RunningServer, label: str, scopes: str, per_minute: int = PER_MINUTE) -> str:
    """`frontdoor api-key` against the server's own database: the key is its last line."""
    made = run_frontdoor(["api-key", "--label", label, "--council", COUNCIL, "--scopes", scopes, "--per-minute", str(per_minute)],
                         env=server.extra["env"], timeout=60)
    assert made.returncode == 0, f"api-key failed ({made.returncode}):\n{made.stdout}\n{made.stderr}"
    key = made.stdout.strip().splitlines()[-1].strip()
    assert re.fullmatch(r"\S{20,}", key), f"the last line of api-key's output is not a key:\n{made.stdout}"
    return key


@pytest.fixture(scope="module")
def api_server(tmp_path_factory):
    """One FrontDoor on SQLite with the demo council (which `serve` seeds), for this module:
    other modules' tests do not add records to the lists counted here."""
    running = start_api_server(tmp_path_factory.mktemp("frontdoor") / "data")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def api(api_server) -> ApiClient:
    """The back office's client, with a key holding every scope of the API."""
    return ApiClient(api_server, make_api_key(api_server, KEY_LABEL, ALL_SCOPES))


@pytest.fixture(params=["sqlite", "postgres"])
def any_api(request, tmp_path):
    """The client above, or one for a FrontDoor of its own on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield request.getfixturevalue("api")
        return
    running = start_api_server(tmp_path / "data", DATABASE_URL=request.getfixturevalue("postgres_url"))
    try:
        yield ApiClient(running, make_api_key(running, KEY_LABEL, ALL_SCOPES))
    finally:
        running.stop()


# --- Records the tests start from -------------------------------------------------------------

def new_customer(**changes) -> dict:
    body = {"name": "Ada Okonkwo-Bright", "email": unique_email("ada"), "phone": "01604 496 0123",
            "address": {"line1": "14 Willow Park Road", "line2": "Kingsmere Green", "town": "Kingsmere", "postcode": "nn3 6ab"},
            "preferred_channel": "phone", "language": "Cymraeg"}
    body.update(changes)
    return {key: value for key, value in body.items() if value is not None}


def make_customer(api: ApiClient, **changes) -> dict:
    return read(api.post("/customers", new_customer(**changes)), 201)


def new_contact(customer_id: str | None = None, **changes) -> dict:
    body = {"customer_id": customer_id, "channel": "face-to-face", "service_code": "missed-bin", "outcome": "case-raised",
            "demand": "failure", "duration_minutes": 12, "notes": "Came to the town hall: the bin was missed again."}
    body.update(changes)
    return {key: value for key, value in body.items() if value is not None}


def street_light_case(requester_email: str | None = None, **changes) -> dict:
    """A street light that does not come on, at a place in Kingsmere, reported by phone."""
    body = {"service_code": "street-light", "answers": {"fault": "out", "column-number": "SL1234"},
            "latitude": LAT, "longitude": LONG, "channel": "phone"}
    if requester_email:
        body["requester"] = {"email": requester_email, "name": "Ada Okonkwo-Bright"}
    body.update(changes)
    return {key: value for key, value in body.items() if value is not None}


def general_enquiry_case(requester_email: str | None = None) -> dict:
    body = {"service_code": "general-enquiry",
            "answers": {"question": "When is the next bulky waste collection in Willow Park?", "reply-by": "email"}}
    if requester_email:
        body["requester"] = {"email": requester_email, "name": "Ada Okonkwo-Bright"}
    return body


def open_case(api: ApiClient, body: dict | None = None) -> dict:
    return read(api.post("/cases", body or general_enquiry_case(unique_email("enquirer"))), 201)


def counts(api: ApiClient) -> dict:
    """How many customers, contacts and cases the council has."""
    return {path: len(api.walk(path)) for path in ("/customers", "/contacts", "/cases")}


# --- 1. Each new operation's happy path ------------------------------------------------------------

def test_a_customer_recorded_is_read_back_by_id_and_found_by_email_in_any_case(any_api):
    """createCustomer answers 201 with the record (and its ETag); getCustomer gives the same
    record; listCustomers?email= finds exactly it, whatever the case of the address asked for."""
    api = any_api
    email = unique_email("Ada.Okonkwo")
    sent = new_customer(email=email)
    response = api.post("/customers", sent)
    made = read(response, 201)
    assert response.headers.get("ETag"), "a record made carries its ETag"

    assert uuid.UUID(made["id"])
    assert made["name"] == sent["name"]
    assert made["email"].lower() == email.lower(), made
    assert made["phone"] == sent["phone"]
    assert made["preferred_channel"] == "phone" and made["language"] == "Cymraeg", made
    assert made["has_account"] is False, "a customer recorded by another system has no account"
    address = made["address"]
    assert (address["line1"], address["line2"], address["town"]) == ("14 Willow Park Road", "Kingsmere Green", "Kingsmere"), address
    assert address["postcode"].replace(" ", "").upper() == "NN36AB", address

    assert api.read(f"/customers/{made['id']}") == made
    for asked in (email, email.upper(), email.lower()):
        assert api.read("/customers", {"email": asked})["items"] == [made], f"?email={asked}"
    assert api.read("/customers", {"email": unique_email("nobody")})["items"] == []


def test_an_address_without_a_uprn_leaves_the_uprn_out(api):
    """Address.uprn is optional in the document: a record whose address has no UPRN leaves it
    out wherever it is read (made, read by id, listed), never null or empty; one with a UPRN
    carries it."""
    made = make_customer(api)
    read_back = api.read(f"/customers/{made['id']}")
    (listed,) = api.read("/customers", {"email": made["email"]})["items"]
    for where, record in (("createCustomer", made), ("getCustomer", read_back), ("listCustomers", listed)):
        assert "uprn" not in record["address"], f"{where}: {record['address']}"
    with_uprn = make_customer(api, address={"line1": "1 Market Square", "town": "Kingsmere", "postcode": "NN1 1AA", "uprn": DEMO_UPRN})
    assert with_uprn["address"]["uprn"] == DEMO_UPRN, with_uprn


def test_a_contact_recorded_for_a_customer_is_listed_under_that_customer(any_api):
    """createContact records a contact another system handled (201), readable by getContact;
    listContacts?customer_id= lists it, and only that customer's contacts; who recorded it is
    the key's label when the body leaves it out."""
    api = any_api
    customer = make_customer(api)
    made = read(api.post("/contacts", new_contact(customer["id"])), 201)

    assert uuid.UUID(made["id"])
    assert made["customer_id"] == customer["id"]
    assert (made["channel"], made["outcome"], made["demand"]) == ("face-to-face", "case-raised", "failure"), made
    assert made["duration_minutes"] == 12
    assert made["notes"] == "Came to the town hall: the bin was missed again."
    assert made["service_id"] == api.service_id("missed-bin")
    assert made["recorded_by"] == api.label, "recorded_by is the key's label when it is left out"
    assert made["recorded_at"]

    assert api.read(f"/contacts/{made['id']}") == made
    anonymous = read(api.post("/contacts", new_contact(None, channel="phone", recorded_by="Sam at the contact centre")), 201)
    # customer_id is optional and nullable: left out or null both say "someone unknown".
    assert anonymous.get("customer_id") is None, anonymous
    assert api.walk("/contacts", {"customer_id": customer["id"]}) == [made]
    assert anonymous["id"] in {contact["id"] for contact in api.walk("/contacts")}


def test_a_case_opened_through_the_api_is_read_back_and_its_timeline_begins_with_its_receipt(any_api):
    """createCase opens a case (201) as the service's form would: it reads the same at
    /cases/{reference}, belongs to the customer whose email the requester gave, is submitted
    on the channel given, and its timeline's first entry is its receipt."""
    api = any_api
    customer = make_customer(api)
    response = api.post("/cases", street_light_case(customer["email"]))
    made = read(response, 201)

    assert REFERENCE.fullmatch(made["reference"]), made
    assert made["status"] == "submitted" and made["channel"] == "phone", made
    assert made["service_id"] == api.service_id("street-light")
    assert made["customer_id"] == customer["id"], "the requester's email finds their record"
    assert (round(made["latitude"], 6), round(made["longitude"], 6)) == (LAT, LONG), made
    assert isinstance(made["version"], int)

    assert api.read(f"/cases/{made['reference']}") == made
    assert made["reference"] in {case["reference"] for case in api.walk("/cases", {"status": "submitted"})}

    updates = api.read(f"/cases/{made['reference']}/updates")["items"]
    assert updates, "a new case's timeline is empty"
    first = updates[0]
    assert first["visibility"] == "public" and first["to_status"] == "submitted", first
    assert first["text"].startswith("Request received"), first


def test_a_case_from_someone_unknown_makes_their_customer_record(api):
    """An email address no record has makes a customer record, which the case belongs to."""
    email = unique_email("newcomer")
    made = open_case(api, street_light_case(email))
    (record,) = api.read("/customers", {"email": email})["items"]
    assert made["customer_id"] == record["id"]
    assert record["has_account"] is False


LOCATIONS = {
    "coordinates": {"latitude": LAT, "longitude": LONG},
    "address-string": {"address_string": "Outside 14 Willow Crescent, Kingsmere"},
    "uprn": {"uprn": DEMO_UPRN},
}


@pytest.mark.parametrize("given", list(LOCATIONS))
def test_a_case_needing_a_place_is_placed_by_coordinates_an_address_or_a_uprn(api, given):
    """A service whose form asks where (a street light) takes latitude and longitude, an
    address in words, or a UPRN from the gazetteer; a UPRN places the case at that property."""
    made = open_case(api, street_light_case(latitude=None, longitude=None) | LOCATIONS[given])
    assert api.read(f"/cases/{made['reference']}") == made
    if given == "uprn":
        assert made["latitude"] is not None and made["longitude"] is not None, "a UPRN's property has a place"


def test_a_case_at_a_gazetteer_property_is_opened_by_its_uprn(api):
    """A service asking for an address (a missed bin) takes the property's UPRN from the
    council's gazetteer instead."""
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    made = open_case(api, {"service_code": "missed-bin", "uprn": DEMO_UPRN,
                           "answers": {"bin": "recycling", "collection-day": yesterday, "out-by-7": "yes"}})
    assert made["service_id"] == api.service_id("missed-bin")
    assert api.read(f"/cases/{made['reference']}") == made


def test_a_public_update_with_resolve_resolves_the_case_and_a_stale_version_is_refused(any_api):
    """addCaseUpdate with action `resolve` (against the version read) moves the case from
    submitted to resolved and is on its timeline as public, by the key's label; an update
    written against the version read before that is refused (409) and adds nothing."""
    api = any_api
    case = open_case(api)
    reference, version = case["reference"], case["version"]

    update = read(api.post(f"/cases/{reference}/updates", {"text": "Answered by email: collections are on the 3rd Monday.",
                                                           "action": "resolve", "version": version}), 201)
    assert update["visibility"] == "public", "an update is public unless it says otherwise"
    assert (update["from_status"], update["to_status"]) == ("submitted", "resolved"), update
    assert update["by"] == api.label and update["text"].startswith("Answered by email"), update

    now = api.read(f"/cases/{reference}")
    assert now["status"] == "resolved" and now["resolved_at"], now
    assert now["version"] > version, "a change moves the case's version on"
    timeline = api.read(f"/cases/{reference}/updates")["items"]
    assert timeline[-1] == update

    stale = api.post(f"/cases/{reference}/updates", {"text": "Written against an old copy.", "version": version})
    assert mentions(refusal(stale, 409), "version"), stale.text
    assert api.read(f"/cases/{reference}/updates")["items"] == timeline, "a refused update was added"
    assert api.read(f"/cases/{reference}") == now


def test_an_internal_note_is_listed_as_internal_and_leaves_the_status_alone(api):
    """An update with visibility `internal` and no action is on the timeline, marked internal,
    and the case's status is as it was."""
    case = open_case(api)
    note = read(api.post(f"/cases/{case['reference']}/updates", {"text": "Check the depot's round sheet.", "visibility": "internal",
                                                                 "by": "Kim in Waste"}), 201)
    assert note["visibility"] == "internal", note
    assert note.get("to_status") is None, note
    assert api.read(f"/cases/{case['reference']}/updates")["items"][-1] == note
    assert api.read(f"/cases/{case['reference']}")["status"] == "submitted"


def test_who_handled_a_contact_or_wrote_an_update_is_named_with_the_system_that_said_so(api):
    """recorded_by and by name who handled it or wrote it, and the key's label is added (as the
    document says), so the record shows both the person and the system; left out, the label
    stands alone."""
    contact = read(api.post("/contacts", new_contact(recorded_by="Sam at the contact centre")), 201)
    expected = f"Sam at the contact centre, by {api.label}"
    assert contact["recorded_by"] == expected, contact
    assert api.read(f"/contacts/{contact['id']}")["recorded_by"] == expected
    reference = open_case(api)["reference"]
    update = read(api.post(f"/cases/{reference}/updates", {"text": "Looked at the round sheet.", "by": "Kim in Waste"}), 201)
    assert update["by"] == f"Kim in Waste, by {api.label}", update
    assert api.read(f"/cases/{reference}/updates")["items"][-1]["by"] == f"Kim in Waste, by {api.label}"
    unnamed = read(api.post(f"/cases/{reference}/updates", {"text": "Round sheet checked."}), 201)
    assert unnamed["by"] == api.label, unnamed


# --- 2. Scopes and keys -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def case_reader(api_server) -> ApiClient:
    """A real key of the council, but only for reading cases."""
    return ApiClient(api_server, make_api_key(api_server, "Case reader", "cases:read"), label="Case reader")


FORBIDDEN_TO_A_CASE_READER = [
    # (method, path, body, the scope the refusal must name)
    ("POST", "/cases", lambda: street_light_case(unique_email("forbidden")), "cases:write"),
    ("GET", "/customers", None, "customers:read"),
    ("POST", "/customers", lambda: new_customer(), "customers:write"),
    ("GET", "/customers/{customer}", None, "customers:read"),
    ("GET", "/contacts", None, "contacts:read"),
    ("POST", "/contacts", lambda: new_contact(), "contacts:write"),
    ("POST", "/cases/{reference}/updates", lambda: {"text": "Not mine to write."}, "cases:write"),
    ("GET", "/services", None, "services:read"),
]


@pytest.mark.parametrize("method, path, body, scope", FORBIDDEN_TO_A_CASE_READER,
                         ids=[f"{method} {path}" for method, path, _, _ in FORBIDDEN_TO_A_CASE_READER])
def test_a_key_with_only_cases_read_is_refused_everything_else_and_makes_nothing(api, case_reader, method, path, body, scope):
    """A key is held to its scopes: with only cases:read, every other call is a 403 in the
    API's error format naming the scope it needs, and a refused POST makes nothing; the same
    key still reads cases."""
    customer, case = make_customer(api), open_case(api)
    url = path.replace("{customer}", customer["id"]).replace("{reference}", case["reference"])
    before = counts(api)
    timeline = api.read(f"/cases/{case['reference']}/updates")["items"]

    response = case_reader.get(url) if method == "GET" else case_reader.post(url, body())

    found = refusal(response, 403)
    assert mentions(found, scope), f"the refusal does not name {scope}: {found}"
    assert counts(api) == before, f"a refused {method} {path} changed the records"
    assert api.read(f"/cases/{case['reference']}/updates")["items"] == timeline
    assert read(case_reader.get("/cases", {"limit": 1}))["items"], "the key's own scope still works"


NEW_OPERATIONS = [("GET", "/customers"), ("POST", "/customers"), ("GET", "/customers/{customer}"), ("GET", "/contacts"),
                  ("POST", "/contacts"), ("GET", "/contacts/{contact}"), ("POST", "/cases"), ("GET", "/cases/{reference}/updates"),
                  ("POST", "/cases/{reference}/updates")]


@pytest.mark.parametrize("key", ["none", "unknown"])
@pytest.mark.parametrize("method, path", NEW_OPERATIONS, ids=[f"{method} {path}" for method, path in NEW_OPERATIONS])
def test_a_new_operation_without_a_known_key_is_a_json_401(api, method, path, key):
    """No key, or one this service never issued: 401 in the API's error format, never a page."""
    url = path
    if "{customer}" in url:
        url = url.replace("{customer}", make_customer(api)["id"])
    if "{contact}" in url:
        url = url.replace("{contact}", read(api.post("/contacts", new_contact()), 201)["id"])
    if "{reference}" in url:
        url = url.replace("{reference}", open_case(api)["reference"])
    stranger = ApiClient(api.server, None if key == "none" else "fdapi_" + uuid.uuid4().hex + uuid.uuid4().hex)
    response = stranger.get(url) if method == "GET" else stranger.post(url, {"text": "x"})
    refusal(response, 401)


# --- 3. Idempotency --------------------------------------------------------------------------------------

def customer_post(api):
    email = unique_email("idempotent")
    return "/customers", new_customer(email=email), new_customer(email=email, name="Somebody Else"), \
        lambda: len(api.walk("/customers"))


def contact_post(api):
    customer = make_customer(api)
    return "/contacts", new_contact(customer["id"]), new_contact(customer["id"], notes="A different visit."), \
        lambda: len(api.walk("/contacts"))


def case_post(api):
    email = unique_email("idempotent")
    return "/cases", street_light_case(email), street_light_case(email, answers={"fault": "day"}), \
        lambda: len(api.walk("/cases"))


def case_update_post(api):
    reference = open_case(api)["reference"]
    return f"/cases/{reference}/updates", {"text": "Passed to the team.", "action": "acknowledge"}, \
        {"text": "Passed to another team.", "action": "acknowledge"}, \
        lambda: len(api.read(f"/cases/{reference}/updates")["items"])


IDEMPOTENT_POSTS = {"createCustomer": customer_post, "createContact": contact_post, "createCase": case_post,
                    "addCaseUpdate": case_update_post}


@pytest.mark.parametrize("operation", list(IDEMPOTENT_POSTS))
def test_a_post_sent_again_with_its_idempotency_key_is_answered_as_before_and_makes_nothing_twice(any_api, operation):
    """A client that lost the answer sends the POST again with the same Idempotency-Key and the
    same body: it is given the first answer (status and body, byte for byte) and no second
    record is made. The same key with another body is refused (422) and makes nothing."""
    api = any_api
    path, body, other_body, count = IDEMPOTENT_POSTS[operation](api)
    key = str(uuid.uuid4())
    before = count()

    first = api.post(path, body, idempotency_key=key)
    read(first, 201)
    assert count() == before + 1

    again = api.post(path, body, idempotency_key=key)
    assert (again.status_code, again.content) == (first.status_code, first.content), \
        f"the replay differs:\nfirst {first.status_code} {first.text}\nagain {again.status_code} {again.text}"
    assert count() == before + 1, f"{operation} sent again with its Idempotency-Key made a second record"

    reused = api.post(path, other_body, idempotency_key=key)
    assert mentions(refusal(reused, 422), "dempotency"), reused.text
    assert count() == before + 1, f"{operation} with a reused Idempotency-Key made a record"


def test_without_an_idempotency_key_the_same_contact_twice_is_two_contacts(api):
    """The key is what makes a POST safe to repeat: without it, two identical contacts are two."""
    customer = make_customer(api)
    for _ in range(2):
        read(api.post("/contacts", new_contact(customer["id"])), 201)
    assert len(api.walk("/contacts", {"customer_id": customer["id"]})) == 2


def test_posts_racing_with_one_idempotency_key_make_one_record(any_api):
    """Several copies of one POST sent at once with the same key (a client retrying before the
    first answer came): one record is made; every answer is that record's 201, or a 409
    while the first is still being answered."""
    api = any_api
    email = unique_email("racing")
    body, key = new_customer(email=email), str(uuid.uuid4())
    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(lambda _: ApiClient(api.server, api.key).post("/customers", body, idempotency_key=key), range(6)))

    made = [answer for answer in answers if answer.status_code == 201]
    assert made, f"no copy was answered 201: {[(a.status_code, a.text) for a in answers]}"
    assert len({answer.content for answer in made}) == 1, "the 201s differ: " + " | ".join(a.text for a in made)
    for answer in answers:
        if answer.status_code != 201:
            assert mentions(refusal(answer, 409), "dempotency"), answer.text
    assert len(api.read("/customers", {"email": email})["items"]) == 1


# --- 4. Refusals ----------------------------------------------------------------------------------------------

def an_update_path(api) -> str:
    return f"/cases/{open_case(api)['reference']}/updates"


def too_large(body: dict, field: str) -> dict:
    return {**body, field: "Lorem ipsum dolor sit amet. " * 2500}  # about 70 KB


BAD_POSTS = {
    # name: (path or a function of the client giving it, keyword arguments for post(), status, a word an error must name)
    "malformed-json-customer": ("/customers", dict(raw='{"name": "Ada", "email": '), 400, None),
    "malformed-json-case": ("/cases", dict(raw='{"service_code": "street-light", "answers": {'), 400, None),
    "json-array-contact": ("/contacts", dict(raw="[1, 2, 3]"), 400, None),
    "text-plain-customer": ("/customers", dict(raw=json.dumps(new_customer()), content_type="text/plain"), 415, None),
    "form-encoded-case": ("/cases", dict(raw="service_code=street-light&answers[fault]=out",
                                        content_type="application/x-www-form-urlencoded"), 415, None),
    "xml-update": (an_update_path, dict(raw="<update><text>Hello</text></update>", content_type="application/xml"), 415, None),
    "customer-without-name": ("/customers", dict(body=new_customer(name=None)), 400, "name"),
    "customer-bad-email": ("/customers", dict(body=new_customer(email="not an email address")), 400, "email"),
    "customer-unknown-field": ("/customers", dict(body={**new_customer(), "nickname": "Ada"}), 400, "nickname"),
    "contact-unknown-outcome": ("/contacts", dict(body=new_contact(outcome="shrugged")), 400, "outcome"),
    "contact-unknown-customer": ("/contacts", dict(body=new_contact(str(uuid.uuid4()))), 400, "customer_id"),
    "contact-unknown-service": ("/contacts", dict(body=new_contact(service_code="no-such-service")), 400, "service_code"),
    "case-unknown-service": ("/cases", dict(body=street_light_case(service_code="no-such-service")), 400, "service_code"),
    "case-missing-required-answer": ("/cases", dict(body=street_light_case(answers={"column-number": "SL1234"})), 400, "fault"),
    "case-answer-not-an-option": ("/cases", dict(body=street_light_case(answers={"fault": "exploded"})), 400, "fault"),
    "case-without-a-location": ("/cases", dict(body=street_light_case(latitude=None, longitude=None)), 400, None),
    "case-latitude-without-longitude": ("/cases", dict(body=street_light_case(longitude=None)), 400, "longitude"),
    "case-unknown-uprn": ("/cases", dict(body=street_light_case(latitude=None, longitude=None, uprn="999999999999")), 400, "uprn"),
    "case-without-answers": ("/cases", dict(body={"service_code": "general-enquiry"}), 400, "answers"),
    "update-without-text": (an_update_path, dict(body={"action": "acknowledge"}), 400, "text"),
    "update-unknown-action": (an_update_path, dict(body={"text": "Hello", "action": "teleport"}), 400, "action"),
    "customer-over-64-kb": ("/customers", dict(body=too_large(new_customer(), "name")), 413, None),
    "contact-over-64-kb": ("/contacts", dict(body=too_large(new_contact(), "notes")), 413, None),
    "case-over-64-kb": ("/cases", dict(body=too_large(street_light_case(), "address_string")), 413, None),
    "update-over-64-kb": (an_update_path, dict(body=too_large({"action": "acknowledge"}, "text")), 413, None),
}


@pytest.mark.parametrize("case", list(BAD_POSTS))
def test_bad_input_is_refused_as_json_errors_and_changes_nothing(api, case):
    """Malformed JSON, a body that is not JSON, a missing or unknown field, an answer the
    service's form refuses, an unknown service or customer, a body over 64 KB: each is refused
    with its status (400, 415 or 413, as the document lists) in the API's error format, naming
    what is wrong where it can, and no customer, contact, case or timeline entry is made."""
    path, arguments, status, word = BAD_POSTS[case]
    path = path(api) if callable(path) else path
    before = counts(api)
    timeline = api.read(path)["items"] if path.endswith("/updates") else None

    found = refusal(api.post(path, arguments.get("body"), **{k: v for k, v in arguments.items() if k != "body"}), status)

    if word:
        assert mentions(found, word), f"no error names {word}: {found}"
    assert counts(api) == before, f"the refused POST ({case}) changed the records"
    if timeline is not None:
        assert api.read(path)["items"] == timeline, f"the refused update ({case}) was added to the timeline"


def test_json_with_a_charset_parameter_is_json(api):
    """`application/json; charset=utf-8` (what many HTTP clients send) is JSON: it is taken."""
    made = read(api.post("/customers", new_customer(), content_type="application/json; charset=utf-8"), 201)
    assert api.read(f"/customers/{made['id']}") == made


def test_a_chunked_body_over_64_kb_is_a_413_and_makes_nothing(api):
    """A body sent in chunks, with no Content-Length to refuse it by, is still cut off at 64 KB."""
    def chunks():
        yield b'{"name": "'
        for _ in range(80):
            yield b"x" * 1000
        yield b'"}'
    before = counts(api)
    response = api.session.post(api.base + "/customers", data=chunks(), headers={"Content-Type": "application/json"}, timeout=30)
    refusal(response, 413)
    assert counts(api) == before


NUL_POSTS = {
    # name: (path or a function of the client giving it, body, how to find what was stored from the answer)
    "customer-name": ("/customers", lambda: new_customer(name="Ada\u0000Lovelace"), "name"),
    "customer-email": ("/customers", lambda: new_customer(email="ada\u0000" + unique_email("nul")), "email"),
    "contact-notes": ("/contacts", lambda: new_contact(notes="Rang twice\u0000then hung up"), "notes"),
    "update-text": (an_update_path, lambda: {"text": "Passed on\u0000to the depot", "visibility": "internal"}, "text"),
    "requester-name": ("/cases", lambda: general_enquiry_case(unique_email("nul")) | {"requester": {
        "email": unique_email("nul"), "name": "Ada\u0000Lovelace"}}, None),
}


@pytest.mark.parametrize("field", list(NUL_POSTS))
def test_a_nul_character_in_a_string_is_refused_or_kept_never_a_5xx_or_cut_short(any_api, field):
    """JSON allows U+0000 in a string; neither database stores it as it is. The API must
    either refuse it (400, naming the field) or keep the string whole: never a 5xx, and never
    a record quietly cut at the NUL (an email address cut short is no longer the one sent)."""
    api = any_api
    path, body, stored = NUL_POSTS[field]
    path = path(api) if callable(path) else path
    body = body()
    before = counts(api)

    response = api.post(path, body)

    if response.status_code == 400:
        refusal(response, 400)
        assert counts(api) == before
        return
    made = read(response, 201)
    if stored is None:  # the requester's name is on the customer record the case made
        sent = body["requester"]["name"]
        (made,) = api.read("/customers", {"email": body["requester"]["email"]})["items"]
        stored = "name"
    else:
        sent = body[stored]
    assert made[stored].lower() == sent.lower(), f"sent {sent!r}, the answer says {made[stored]!r}"
    if path in ("/customers", "/cases"):
        again = api.read(f"/customers/{made['id']}")[stored]
        assert again.lower() == sent.lower(), f"sent {sent!r}, the record read back says {again!r}"


QUERY_PARAMETERS = [("/customers", "limit", "ten"), ("/customers", "updated_since", "yesterday"), ("/contacts", "since", "last week"),
                    ("/contacts", "customer_id", "not-an-id"), ("/cases", "status", "lost"), ("/cases", "updated_since", "2026-13-45"),
                    ("/services", "limit", "1.5")]


@pytest.mark.parametrize("path, name, value", QUERY_PARAMETERS, ids=[f"{p}?{n}" for p, n, _ in QUERY_PARAMETERS])
def test_a_query_parameter_of_the_wrong_kind_is_a_400_that_names_it(api, path, name, value):
    """A list asked for with a parameter that is not of its kind (a word for a number or a
    time, a value not in its list) is refused with 400, and the error names that parameter:
    these requests have no body, so an error about the body sends the reader the wrong way."""
    found = refusal(api.get(path, {name: value}), 400)
    assert any(error["field"] == name for error in found), f"no error names {name}: {found}"


def test_another_keys_idempotency_key_is_its_own(api_server, api):
    """Two back-office systems may pick the same Idempotency-Key: each is answered for its own
    requests, and neither is given the other's record."""
    other = ApiClient(api_server, make_api_key(api_server, "Another system", ALL_SCOPES), label="Another system")
    customer, key = make_customer(api), str(uuid.uuid4())
    body = new_contact(customer["id"])
    mine = read(api.post("/contacts", body, idempotency_key=key), 201)
    theirs = read(other.post("/contacts", body, idempotency_key=key), 201)
    assert theirs["id"] != mine["id"] and theirs["recorded_by"] == "Another system", theirs
    assert {c["id"] for c in api.walk("/contacts", {"customer_id": customer["id"]})} == {mine["id"], theirs["id"]}


def test_a_post_past_the_keys_rate_limit_is_a_429_with_retry_after_and_makes_nothing(api_server, api):
    """A key's requests a minute include its POSTs: past the limit the answer is 429 (JSON,
    with Retry-After in seconds) and the record is not made."""
    limited = ApiClient(api_server, make_api_key(api_server, "Slow system", ALL_SCOPES, per_minute=2), label="Slow system")
    email = unique_email("limited")
    for _ in range(2):
        limited.get("/services", {"limit": 1})
    response = limited.post("/customers", new_customer(email=email))
    refusal(response, 429)
    assert re.fullmatch(r"\d+", response.headers.get("Retry-After", "")), response.headers
    assert api.read("/customers", {"email": email})["items"] == []


def test_a_move_the_lifecycle_forbids_is_refused_and_changes_nothing(api):
    """Closing a case that was never resolved is refused (as a wrong parameter, or a conflict
    with the case's state) and neither the case nor its timeline changes."""
    case = open_case(api)
    path = f"/cases/{case['reference']}/updates"
    timeline = api.read(path)["items"]
    refusal(api.post(path, {"text": "Closing it.", "action": "close"}), (400, 409))
    assert api.read(path)["items"] == timeline
    assert api.read(f"/cases/{case['reference']}") == case


def test_an_update_to_a_case_that_does_not_exist_is_a_json_404(api):
    """A reference no case has: 404 as JSON, for reading its timeline and for writing to it."""
    before = counts(api)
    refusal(api.post("/cases/FD-1999-999999/updates", {"text": "Hello?"}), 404)
    refusal(api.get("/cases/FD-1999-999999/updates"), 404)
    assert counts(api) == before


@pytest.mark.parametrize("asked", ["same", "other-case"])
def test_an_email_already_on_a_record_is_refused_with_that_records_id(api, asked):
    """createCustomer with an email address a record already has (however it is cased) is a
    409 that names the existing record's id, and no second record is made."""
    existing = make_customer(api)
    email = existing["email"] if asked == "same" else existing["email"].upper()
    before = len(api.walk("/customers"))

    response = api.post("/customers", new_customer(email=email, name="Ada Again"))

    refusal(response, 409)
    assert existing["id"] in response.text, f"the 409 does not name the record {existing['id']}: {response.text}"
    assert len(api.walk("/customers")) == before
    assert api.read("/customers", {"email": existing["email"]})["items"] == [existing]


# --- 5. Lists, ETags, and unknown paths ---------------------------------------------------------------

PAGED_LISTS = {"/customers": "updated_at", "/contacts": "recorded_at", "/cases": "updated_at"}


@pytest.mark.parametrize("path", list(PAGED_LISTS))
def test_walking_a_list_two_at_a_time_meets_every_record_exactly_once_oldest_first(any_api, path):
    """Following next_cursor with limit=2 gives pages of at most two, every record of the list
    exactly once (the same records as pages of 200), in the documented order (oldest change
    first), and the last page has no next_cursor."""
    api = any_api
    for _ in range(5):
        customer = make_customer(api)
        read(api.post("/contacts", new_contact(customer["id"])), 201)
    read(api.post("/cases", street_light_case(unique_email("paged"))), 201)
    # The demo's year of contacts (thousands, all before this month) would take thousands of
    # pages of two: the contacts are walked from the start of this month.
    month_start = datetime.now(timezone.utc).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    params = {"since": month_start.isoformat().replace("+00:00", "Z")} if path == "/contacts" else None

    pages = api.pages(path, params, limit=2)
    walked = [item for page in pages for item in page]
    ids = [item["id"] for item in walked]
    assert len(ids) >= 5, f"{path} gave only {len(ids)} records"
    assert len(ids) == len(set(ids)), f"records met twice: {sorted({i for i in ids if ids.count(i) > 1})}"
    assert all(len(page) == 2 for page in pages[:-1]), f"a page before the last is not full: {[len(p) for p in pages]}"
    assert set(ids) == {item["id"] for item in api.walk(path, params)}, "the walk with limit=2 missed records"
    times = [item[PAGED_LISTS[path]] for item in walked]
    assert times == sorted(times, key=parse_time), f"{path} is not oldest change first"


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.mark.parametrize("path", list(PAGED_LISTS))
def test_a_cursor_this_api_never_gave_or_a_limit_out_of_range_is_a_json_400(api, path):
    """A made-up cursor, or a limit outside 1 to 200, is refused with 400 naming it."""
    assert mentions(refusal(api.get(path, {"cursor": "bm90IGEgY3Vyc29y"}), 400), "cursor")
    for limit in (0, 201):
        assert mentions(refusal(api.get(path, {"limit": limit}), 400), "limit")


@pytest.mark.parametrize("path, since", [("/customers", "updated_since"), ("/contacts", "since")])
def test_a_list_since_a_time_has_what_changed_at_or_after_it(api, path, since):
    """The way a copy is kept in step: asking for changes since a record's own time includes
    that record; a second later it does not."""
    customer = make_customer(api)
    made = customer if path == "/customers" else read(api.post("/contacts", new_contact(customer["id"])), 201)
    at = made["updated_at" if path == "/customers" else "recorded_at"]
    assert made["id"] in {item["id"] for item in api.walk(path, {since: at})}
    later = (parse_time(at) + timedelta(seconds=1)).isoformat().replace("+00:00", "Z")
    assert made["id"] not in {item["id"] for item in api.walk(path, {since: later})}


def test_a_customer_unchanged_since_its_etag_is_answered_304(api):
    """getCustomer's ETag (the same as createCustomer's) sent back as If-None-Match is
    answered 304 with no body; any other tag gets the record."""
    created = api.post("/customers", new_customer())
    made = read(created, 201)
    response = api.get(f"/customers/{made['id']}")
    read(response)
    tag = response.headers.get("ETag")
    assert tag, "getCustomer gives no ETag"
    assert created.headers.get("ETag") == tag, "the ETag of the record made differs from the record read"

    unchanged = api.get(f"/customers/{made['id']}", headers={"If-None-Match": tag})
    assert unchanged.status_code == 304 and unchanged.content == b"", (unchanged.status_code, unchanged.text)
    other = api.get(f"/customers/{made['id']}", headers={"If-None-Match": '"not-this-one"'})
    assert read(other) == made


@pytest.mark.parametrize("path", ["/customers/{random}", "/contacts/{random}", "/cases/FD-1999-999999"])
def test_a_record_that_does_not_exist_is_a_json_404(api, path):
    """An id or reference the council has no record of: 404 in the API's error format."""
    refusal(api.get(path.replace("{random}", str(uuid.uuid4()))), 404)


@pytest.mark.parametrize("method, path", [("GET", "/nothing"), ("GET", "/customers/{random}/nothing"), ("POST", "/nothing"),
                                          ("GET", "/")])
def test_an_unknown_path_under_api_v1_is_a_json_404_not_the_websites_page(api, method, path):
    """A back-office system that calls a path the API does not have is told so in JSON."""
    url = path.replace("{random}", str(uuid.uuid4()))
    response = api.get(url) if method == "GET" else api.post(url, {"name": "Ada"})
    refusal(response, 404)
