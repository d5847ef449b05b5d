"""Open311 GeoReport v2, end to end, as FixMyStreet meets it: a real `frontdoor serve` (on
SQLite with the demo council, and for the round trip also on PostgreSQL), API keys made with
`frontdoor api-key`, and every answer read with `requests`, `json` and ElementTree. Proved
here: discovery names the endpoint that then answers; the services list and a service's
definition say the same in JSON and XML, and a request built from the definition alone (each
required attribute answered by its datatype, a multivaluelist as repeated `attribute[code][]`)
is taken with 201, an id and a token; the request reads the same in both formats, is found by
its token, is closed by a CLOSED update and the update is listed with its status. Every
refusal (no key, a key without the open311 scope, an unknown service or jurisdiction, a
missing attribute, a bad date, a .csv, a JSON body, an oversized body) is in the
specification's error format with the right status in both formats, and creates nothing; no
answer is ever a 5xx. `/c/{slug}/open311/…` is the same API as `?jurisdiction_id={slug}`."""
import json
import re
import xml.etree.ElementTree as ElementTree
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests

from conftest import RunningServer, base_env, run_frontdoor, start_server

COUNCIL = "kingsmere"
# Inside Kingsmere, where the demo's own reports are, to the six decimal places FixMyStreet sends.
LAT, LONG = 52.212053, -0.991417
REFERENCE = re.compile(r"FD-\d{4}-\d{6}")
FORMATS = ["json", "xml"]
CONTENT_TYPES = {"json": "application/json", "xml": "text/xml"}


# --- A client that reads both formats and never accepts a 5xx -----------------------------

def never_a_server_error(response, *args, **kwargs):
    assert response.status_code < 500, \
        f"{response.request.method} {response.url} answered {response.status_code}:\n{response.text[:2000]}"


class Open311Client:
    """What FixMyStreet holds for one council: the server, and its Open311 key."""

    def __init__(self, server: RunningServer, api_key: str):
        self.server = server
        self.api_key = api_key
        self.session = requests.Session()
        self.session.hooks["response"].append(never_a_server_error)

    def get(self, path: str, params=None) -> requests.Response:
        return self.session.get(self.server.base_url + path, params=params, timeout=30)

    def post(self, path: str, **kwargs) -> requests.Response:
        return self.session.post(self.server.base_url + path, timeout=30, **kwargs)


def make_api_key(server: RunningServer, label: str, scopes: str | None = None) -> str:
    """`frontdoor api-key` against the server's own database: the key is its last line."""
    args = ["api-key", "--label", label, "--council", COUNCIL] + (["--scopes", scopes] if scopes else [])
    made = run_frontdoor(args, env=server.extra["env"], timeout=60)
    assert made.returncode == 0, f"api-key failed ({made.returncode}):\n{made.stdout}\n{made.stderr}"
    key = made.stdout.strip().splitlines()[-1].strip()
    assert re.fullmatch(r"\S{20,}", key), f"the last line of api-key's output is not a key:\n{made.stdout}"
    return key


def read(response: requests.Response, fmt: str, status: int = 200):
    """The body in its format (checked against the Content-Type): parsed JSON, or the XML root."""
    assert response.status_code == status, \
        f"{response.request.method} {response.url}: expected {status}, got {response.status_code}:\n{response.text[:2000]}"
    assert response.headers.get("Content-Type", "").startswith(CONTENT_TYPES[fmt]), \
        f"{response.url} answered {response.headers.get('Content-Type')!r} for .{fmt}"
    return response.json() if fmt == "json" else ElementTree.fromstring(response.content)


def xml_fields(element) -> dict:
    """An element's simple children as {tag: text} (empty text as "")."""
    return {child.tag: (child.text or "").strip() for child in element if len(child) == 0}


def xml_list(root, root_tag: str, item_tag: str) -> list:
    assert root.tag == root_tag, f"the XML root is <{root.tag}>, not <{root_tag}>"
    assert all(child.tag == item_tag for child in root), [child.tag for child in root]
    return [xml_fields(child) for child in root]


def as_list(response: requests.Response, fmt: str, root_tag: str, item_tag: str, status: int = 200) -> list:
    """A list document as a list of dicts, whichever the format (XML values are strings)."""
    body = read(response, fmt, status)
    if fmt == "json":
        assert isinstance(body, list), f"a JSON list document must be a bare array: {body!r}"
        return body
    return xml_list(body, root_tag, item_tag)


def errors(response: requests.Response, fmt: str, status: int) -> list:
    """The specification's errors, `[{"code", "description"}]` or `<errors><error>…`, as
    (code, description) pairs, each code the response's status."""
    found = [(int(item["code"]), item["description"]) for item in as_list(response, fmt, "errors", "error", status)]
    assert found, f"{response.url} answered {status} with no error in it"
    assert all(code == status for code, _ in found), f"error codes {found} differ from the status {status}"
    assert all(description.strip() for _, description in found), found
    return found


def definition_attributes(response: requests.Response, fmt: str) -> tuple:
    """A service definition as (service_code, attributes) with JSON's types, whichever the format."""
    body = read(response, fmt)
    if fmt == "json":
        return body["service_code"], body["attributes"]
    assert body.tag == "service_definition", body.tag
    attributes = []
    for element in body.find("attributes").findall("attribute"):
        fields = xml_fields(element)
        attributes.append({
            "variable": fields["variable"] == "true", "code": fields["code"], "datatype": fields["datatype"],
            "required": fields["required"] == "true", "datatype_description": fields["datatype_description"],
            "order": int(fields["order"]), "description": fields["description"],
            "values": [xml_fields(value) for value in element.find("values").findall("value")],
        })
    return body.findtext("service_code"), attributes


def valid_answers(attributes: list) -> list:
    """Form fields answering every required attribute by its datatype, as FixMyStreet builds
    them from a definition it knows nothing else about (a multivaluelist's first two keys, as
    repeated `attribute[code][]`)."""
    fields = []
    for attribute in attributes:
        if not attribute["required"]:
            continue
        code, datatype, keys = attribute["code"], attribute["datatype"], [v["key"] for v in attribute["values"]]
        if datatype == "multivaluelist":
            assert keys, f"{code} is a multivaluelist with no values"
            fields += [(f"attribute[{code}][]", key) for key in keys[:2]]
        elif datatype == "singlevaluelist":
            assert keys, f"{code} is a singlevaluelist with no values"
            fields.append((f"attribute[{code}]", keys[0]))
        elif datatype == "number":
            fields.append((f"attribute[{code}]", "3"))
        elif datatype == "datetime":
            fields.append((f"attribute[{code}]", "2026-11-20"))
        else:
            fields.append((f"attribute[{code}]", "Seen from the bus stop"))
    return fields


def w3c(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# --- Servers -------------------------------------------------------------------------------

def start_open311_server(data_dir: Path, **overrides: str) -> RunningServer:
    running = start_server(data_dir, **overrides)
    running.extra["env"] = base_env(data_dir, BASE_URL=running.base_url, **overrides)
    return running


@pytest.fixture(scope="module")
def open311_server(tmp_path_factory):
    """One FrontDoor on SQLite with the demo council (which `serve` seeds), for this module."""
    running = start_open311_server(tmp_path_factory.mktemp("frontdoor") / "data")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def fixmystreet(open311_server) -> Open311Client:
    return Open311Client(open311_server, make_api_key(open311_server, "FixMyStreet"))


@pytest.fixture(params=["sqlite", "postgres"])
def any_fixmystreet(request, tmp_path):
    """FixMyStreet's client for the SQLite server above, or for a FrontDoor of its own on a
    fresh PostgreSQL database (with a key made there)."""
    if request.param == "sqlite":
        yield request.getfixturevalue("fixmystreet")
        return
    running = start_open311_server(tmp_path / "data", DATABASE_URL=request.getfixturevalue("postgres_url"))
    try:
        yield Open311Client(running, make_api_key(running, "FixMyStreet"))
    finally:
        running.stop()


# --- Helpers for the tests -----------------------------------------------------------------

def discovered_endpoint(client: Open311Client, prefix: str = "") -> str:
    """Discovery in both formats, which must agree; the endpoint's path (on this server)."""
    urls = []
    for fmt in FORMATS:
        body = read(client.get(f"{prefix}/open311/discovery.{fmt}"), fmt)
        if fmt == "json":
            (endpoint,) = body["endpoints"]
        else:
            assert body.tag == "discovery", body.tag
            (element,) = body.find("endpoints").findall("endpoint")
            endpoint = xml_fields(element)
            endpoint["formats"] = [f.text for f in element.find("formats").findall("format")]
        assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2", endpoint
        assert {"text/xml", "application/json"} <= set(endpoint["formats"]), endpoint
        urls.append(endpoint["url"])
    assert urls[0] == urls[1], f"discovery names {urls[0]} in JSON but {urls[1]} in XML"
    assert urls[0].startswith(client.server.base_url + "/"), f"the endpoint {urls[0]} is not on {client.server.base_url}"
    return urls[0][len(client.server.base_url):]


def services_in_both_formats(client: Open311Client, path: str, params=None) -> list:
    """The services list, the same in JSON and XML (XML's metadata as its text)."""
    listed = as_list(client.get(path + "/services.json", params), "json", "services", "service")
    as_xml = as_list(client.get(path + "/services.xml", params), "xml", "services", "service")
    assert listed, "the demo council offers no service over Open311"
    for item in listed:
        assert {"service_code", "service_name", "metadata", "type", "group"} <= item.keys(), item
    assert [(s["service_code"], s["service_name"], str(s["metadata"]).lower(), s["type"], s["group"]) for s in listed] \
        == [(s["service_code"], s["service_name"], s["metadata"], s["type"], s["group"]) for s in as_xml], \
        "the services list differs between JSON and XML"
    return listed


def choose_service(client: Open311Client, path: str) -> tuple:
    """fly-tipping if it is offered, else the first service whose definition has both a
    multivaluelist and a datetime attribute; its code and attributes (the same in both formats)."""
    services = services_in_both_formats(client, path)
    codes = [s["service_code"] for s in services if s["metadata"] is True]
    codes.sort(key=lambda code: code != "fly-tipping")
    for code in codes:
        service_code, attributes = definition_attributes(client.get(f"{path}/services/{code}.json"), "json")
        assert service_code == code
        datatypes = {a["datatype"] for a in attributes}
        if {"multivaluelist", "datetime"} <= datatypes:
            xml_code, xml_attributes = definition_attributes(client.get(f"{path}/services/{code}.xml"), "xml")
            assert (xml_code, xml_attributes) == (service_code, attributes), \
                f"the definition of {code} differs between JSON and XML:\n{attributes}\n{xml_attributes}"
            return code, attributes
    raise AssertionError(f"no service among {codes} has a multivaluelist and a datetime attribute")


def new_report(client: Open311Client, service_code: str, attributes: list, changes: dict | None = None) -> list:
    """A FixMyStreet report's fields; each of `changes` replaces (or, as None, removes) a field."""
    fields = [("api_key", client.api_key), ("service_code", service_code), ("lat", str(LAT)), ("long", str(LONG)),
              ("email", "zoe.angstrom@example.org"), ("first_name", "Zoë"), ("last_name", "Ångström"),
              ("description", "A mattress and six black bags dumped by the gate of Willow Park."),
              ("media_url", "https://fixmystreet.example/photo/12345.full.jpeg")] + valid_answers(attributes)
    for name, value in (changes or {}).items():
        fields = [(n, v) for n, v in fields if n != name]
        if value is not None:
            fields.append((name, value))
    return fields


def request_count(client: Open311Client, path: str) -> int:
    return len(as_list(client.get(path + "/requests.json"), "json", "service_requests", "request"))


# --- 1. The round trip -----------------------------------------------------------------------

def test_a_fixmystreet_report_goes_round_in_json_and_xml(any_fixmystreet):
    """FixMyStreet's whole conversation, on SQLite and on PostgreSQL: discovery names the
    endpoint; the services list and a definition read the same in both formats; a report built
    from the definition alone is taken (201, an FD- id and a token); it reads the same in XML
    and JSON (open, its service, where it is); its token finds it; a CLOSED update closes it;
    and the updates since a minute ago list that update, closed, with its words."""
    client = any_fixmystreet
    path = discovered_endpoint(client)
    assert path == "/open311/v2", f"discovery names {path}"
    service_code, attributes = choose_service(client, path)
    before = request_count(client, path)

    created = as_list(client.post(path + "/requests.json", data=new_report(client, service_code, attributes)),
                      "json", "service_requests", "request", status=201)
    assert len(created) == 1, created
    request_id, token = created[0]["service_request_id"], created[0]["token"]
    assert REFERENCE.fullmatch(request_id), created
    assert token, created
    assert request_count(client, path) == before + 1

    as_json = as_list(client.get(f"{path}/requests/{request_id}.json"), "json", "service_requests", "request")
    as_xml = as_list(client.get(f"{path}/requests/{request_id}.xml"), "xml", "service_requests", "request")
    assert len(as_json) == len(as_xml) == 1, (as_json, as_xml)
    (j,), (x,) = as_json, as_xml
    for item in (j, x):
        assert item["service_request_id"] == request_id, item
        assert item["status"] == "open", item
        assert item["service_code"] == service_code, item
        # The place comes back as sent, to the six decimal places FixMyStreet sends (about 10 cm).
        assert (round(float(item["lat"]), 6), round(float(item["long"]), 6)) == (LAT, LONG), \
            f"sent lat/long {LAT}, {LONG}; {request_id} is at {item['lat']}, {item['long']}"
    assert set(j) == set(x), f"the fields differ between JSON and XML: {sorted(set(j) ^ set(x))}"
    assert {key: str(value) for key, value in j.items() if key not in ("lat", "long")} \
        == {key: value for key, value in x.items() if key not in ("lat", "long")}, (j, x)

    assert as_list(client.get(f"{path}/tokens/{token}.json"), "json", "service_requests", "request") \
        == [{"service_request_id": request_id, "token": token}]

    since = w3c(datetime.now(timezone.utc) - timedelta(minutes=1))
    closed = as_list(client.post(path + "/servicerequestupdates.xml", data={
        "api_key": client.api_key, "service_request_id": request_id, "status": "CLOSED",
        "description": "Cleared by the street scene team this morning.", "updated_datetime": w3c(datetime.now(timezone.utc)),
        "first_name": "Street", "last_name": "Scene"}), "xml", "service_request_updates", "request_update",
        status=200)
    assert len(closed) == 1 and closed[0]["update_id"], closed
    update_id = closed[0]["update_id"]

    (now,) = as_list(client.get(f"{path}/requests/{request_id}.json"), "json", "service_requests", "request")
    assert now["status"] == "closed", now

    for fmt in FORMATS:
        updates = as_list(client.get(f"{path}/servicerequestupdates.{fmt}", {"start_date": since}), fmt,
                          "service_request_updates", "request_update")
        ours = [u for u in updates if u["update_id"] == update_id]
        assert len(ours) == 1, f"update {update_id} is not among the updates since {since} ({fmt}): {updates}"
        assert ours[0]["service_request_id"] == request_id, ours
        assert ours[0]["status"] == "closed", ours
        assert ours[0]["description"] == "Cleared by the street scene team this morning.", ours
        assert ours[0]["updated_datetime"], ours


# --- 2. Errors -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fly_tipping(fixmystreet) -> tuple:
    return choose_service(fixmystreet, "/open311/v2")


@pytest.fixture(scope="module")
def reader_key(open311_server) -> str:
    """A real key for the council, but only for reading cases."""
    return make_api_key(open311_server, "Case reader", scopes="cases:read")


def first_required(attributes: list) -> str:
    return next(a["code"] for a in attributes if a["required"])


REFUSED_POSTS = {
    # name: (changes to a valid report, status, words the description must contain)
    "no-api-key": (lambda attrs, reader: dict(api_key=None), 403, "api_key"),
    "key-without-open311": (lambda attrs, reader: dict(api_key=reader), 403, "api_key"),
    "unknown-service": (lambda attrs, reader: dict(service_code="no-such-service"), 404, "service_code"),
    "missing-attribute": (lambda attrs, reader: {f"attribute[{first_required(attrs)}]": None}, 400, "attribute[{code}]"),
    "unknown-jurisdiction": (lambda attrs, reader: dict(jurisdiction_id="atlantis"), 404, "jurisdiction_id"),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", list(REFUSED_POSTS))
def test_a_refused_report_is_answered_in_the_specifications_error_format_and_makes_nothing(
        fixmystreet, fly_tipping, reader_key, case, fmt):
    """No key, a key without the open311 scope, an unknown service, a missing required
    attribute, an unknown jurisdiction: each refused with its status (403, 403, 404, 400, 404)
    as Open311 errors in the format asked for, naming what is wrong, and no request made."""
    client, (service_code, attributes) = fixmystreet, fly_tipping
    changes, status, words = REFUSED_POSTS[case]
    fields = new_report(client, service_code, attributes, changes(attributes, reader_key))
    words = words.format(code=first_required(attributes))
    before = request_count(client, "/open311/v2")

    found = errors(client.post(f"/open311/v2/requests.{fmt}", data=fields), fmt, status)

    assert any(words in description for _, description in found), f"no error names {words}: {found}"
    assert request_count(client, "/open311/v2") == before, f"a refused report ({case}) made a request"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("resource", ["requests", "servicerequestupdates"])
def test_a_bad_start_date_is_a_400(fixmystreet, resource, fmt):
    """A start_date that is not a W3C date and time is refused with 400, naming start_date."""
    found = errors(fixmystreet.get(f"/open311/v2/{resource}.{fmt}", {"start_date": "last tuesday"}), fmt, 400)
    assert any("start_date" in description for _, description in found), found


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("resource", ["services", "requests", "servicerequestupdates"])
def test_an_unknown_jurisdiction_is_a_404_for_reading_too(fixmystreet, resource, fmt):
    """Reading names the council too: a jurisdiction_id that is no council here is a 404."""
    found = errors(fixmystreet.get(f"/open311/v2/{resource}.{fmt}", {"jurisdiction_id": "atlantis"}), fmt, 404)
    assert any("jurisdiction_id" in description for _, description in found), found


def test_a_csv_is_a_404_in_json_and_makes_nothing(fixmystreet, fly_tipping):
    """Only .json and .xml exist: .csv is a 404 (in JSON, as there is no CSV error format),
    for reading and for posting, and a post to requests.csv makes nothing."""
    service_code, attributes = fly_tipping
    before = request_count(fixmystreet, "/open311/v2")
    errors(fixmystreet.get("/open311/v2/services.csv"), "json", 404)
    errors(fixmystreet.post("/open311/v2/requests.csv", data=new_report(fixmystreet, service_code, attributes)), "json", 404)
    assert request_count(fixmystreet, "/open311/v2") == before


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_json_body_is_a_415_and_makes_nothing(fixmystreet, fly_tipping, fmt):
    """Open311 posts are form data: the same report as a JSON body is refused with 415."""
    service_code, attributes = fly_tipping
    before = request_count(fixmystreet, "/open311/v2")
    body = json.dumps(dict(new_report(fixmystreet, service_code, attributes)))
    found = errors(fixmystreet.post(f"/open311/v2/requests.{fmt}", data=body, headers={"Content-Type": "application/json"}),
                   fmt, 415)
    assert any("x-www-form-urlencoded" in description for _, description in found), found
    assert request_count(fixmystreet, "/open311/v2") == before


# --- 3. A council's own path -------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_councils_path_is_the_same_api_as_its_jurisdiction_id(fixmystreet, fmt):
    """/c/kingsmere/open311/v2/services gives exactly what /open311/v2/services gives with
    jurisdiction_id=kingsmere, and discovery under /c/kingsmere names that path."""
    by_path = fixmystreet.get(f"/c/{COUNCIL}/open311/v2/services.{fmt}")
    by_id = fixmystreet.get(f"/open311/v2/services.{fmt}", {"jurisdiction_id": COUNCIL})
    assert as_list(by_path, fmt, "services", "service") == as_list(by_id, fmt, "services", "service")
    assert by_path.content == by_id.content
    assert discovered_endpoint(fixmystreet, prefix=f"/c/{COUNCIL}") == f"/c/{COUNCIL}/open311/v2"


# --- Last, as it fails while the product bug it shows is open -----------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_body_over_64_kb_is_a_413_in_the_specifications_format_and_makes_nothing(fixmystreet, fly_tipping, fmt):
    """A report whose form body is over 64 KB (a long description) is refused with 413 as
    Open311 errors in the format asked for, not the website's HTML page, and makes nothing."""
    service_code, attributes = fly_tipping
    before = request_count(fixmystreet, "/open311/v2")
    fields = new_report(fixmystreet, service_code, attributes, {"description": "Rubbish everywhere. " * 3500})
    found = errors(fixmystreet.post(f"/open311/v2/requests.{fmt}", data=fields), fmt, 413)
    assert any("64 KB" in description for _, description in found), found
    assert request_count(fixmystreet, "/open311/v2") == before
