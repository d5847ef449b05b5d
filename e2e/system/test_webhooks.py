"""Webhooks, end to end, as a council's back-office system meets them: a real `frontdoor serve`
(on SQLite, and for the core journey also on PostgreSQL) and a real HTTP receiver in this
process. An administrator signs in with two-factor (plain `requests`, the page's CSRF token)
and adds an endpoint on /staff/webhooks, reading its secret from the page; events are caused
only through the product's own interfaces (an Open311 report and its CLOSED update, a
resident's change of address in My Account). Proved here: each delivery is signed exactly as
the API guide says (checked here with `hmac` and `hashlib`, and a wrong secret or a changed
body fails), fresh, named the same in `FrontDoor-Event` and the body, parseable JSON with the
documented data, and the deliveries arrive in the order their events happened, only for the
events the endpoint asked for; the delivery log says so. A receiver that answers 500 twice gets
the same bytes and the same `FrontDoor-Delivery` id again (each attempt signed afresh) after
the queue's backoff, and the log shows the attempts and their answers. A redirect is an answer
(not delivered, not followed), and only an administrator may see or add endpoints."""
import hashlib
import hmac
import json
import re
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests

from conftest import RunningServer, base_env, run_frontdoor, start_server
from test_staff_sign_in import totp

COUNCIL = "kingsmere"
LAT, LONG = 52.212053, -0.991417  # inside Kingsmere, where the demo's reports are
ADMIN, PASSWORD = "admin@kingsmere.example", "frontdoor-demo"
SIGNATURE = re.compile(r"t=(\d+),v1=([0-9a-f]{64})")
REFERENCE = re.compile(r"FD-\d{4}-\d{6}")
CASE_DATA_KEYS = {"case_id", "channel", "customer_id", "received_at", "reference", "resolve_by", "service_id",
                  "standard_state", "status", "team_id", "updated_at", "ward"}
ADDRESS_KEYS = {"line1", "line2", "town", "postcode", "uprn"}


# --- A back-office system's receiver ----------------------------------------------------------

@dataclass
class Received:
    headers: dict  # header names in lower case
    body: bytes
    at: float
    path: str
    answered: int
    method: str = "POST"

    @property
    def event(self) -> str:
        return self.headers.get("frontdoor-event", "")

    @property
    def delivery(self) -> str:
        return self.headers.get("frontdoor-delivery", "")

    def json(self) -> dict:
        return json.loads(self.body)


class Receiver:
    """An HTTP server on a free loopback port that keeps every request (headers and raw body) and
    answers 200, or 500 to the first `failures` requests; a path in `redirects` is answered
    with that (status, Location) instead."""

    def __init__(self, failures: int = 0, redirects: dict | None = None):
        self.failures_left = failures
        self.redirects = redirects or {}
        self.received: list[Received] = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # so an `Expect: 100-continue` is answered, not waited out

            def do_POST(self):
                if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    body = b""
                    while True:
                        size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                        if size == 0:
                            self.rfile.readline()
                            break
                        body += self.rfile.read(size)
                        self.rfile.readline()
                else:
                    body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with receiver.lock:
                    status, location = receiver.redirects.get(self.path, (None, None))
                    if status is None:
                        status = 500 if receiver.failures_left > 0 else 200
                        if status == 500:
                            receiver.failures_left -= 1
                    receiver.received.append(Received({name.lower(): value for name, value in self.headers.items()},
                                                      body, time.time(), self.path, status, self.command))
                answer = b"{}" if status == 200 else b"try again later"
                self.send_response(status)
                if location:
                    self.send_header("Location", location)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            do_GET = do_PUT = do_POST

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return self.at("/frontdoor-events")

    def at(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def all(self) -> list:
        with self.lock:
            return list(self.received)

    def accepted(self) -> list:
        return [r for r in self.all() if r.answered == 200]

    def wait_for_accepted(self, count: int, timeout: float) -> list:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.accepted()) >= count:
                return self.accepted()
            time.sleep(0.2)
        raise AssertionError(f"{len(self.accepted())} of {count} deliveries accepted within {timeout}s; received: "
                             f"{[(r.event, r.answered) for r in self.all()]}")

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    running = Receiver()
    yield running
    running.stop()


def signature_parts(received: Received) -> tuple[str, str]:
    header = received.headers.get("frontdoor-signature", "")
    match = SIGNATURE.fullmatch(header)
    assert match, f"FrontDoor-Signature is not t=<unix>,v1=<64 hex>: {header!r}"
    return match.group(1), match.group(2)


def signature_is_valid(received: Received, secret: str, body: bytes | None = None) -> bool:
    """The API guide's check, word for word: HMAC-SHA256 over `<t>.<body>`, lower-case hex,
    compared in constant time, and `t` within five minutes."""
    t, v1 = signature_parts(received)
    body = received.body if body is None else body
    expected = hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, v1) and abs(time.time() - int(t)) < 300


def assert_signed_and_named(received: Received, secret: str) -> dict:
    """Everything a receiver checks before it believes a delivery; the parsed body."""
    assert (received.method, received.path) == ("POST", "/frontdoor-events"), (received.method, received.path)
    assert received.headers.get("content-type", "").startswith("application/json"), received.headers
    t, _ = signature_parts(received)
    assert abs(received.at - int(t)) <= 5, f"signed at {t}, received at {received.at:.0f}: not signed when sent"
    assert signature_is_valid(received, secret), f"the signature of {received.event} does not verify:\n{received.headers}"
    assert not signature_is_valid(received, "whsec_" + "x" * 43), "a wrong secret verifies"
    assert not signature_is_valid(received, secret[:-1]), "a secret one character short verifies"
    assert not signature_is_valid(received, secret, body=received.body + b" "), "a changed body verifies"
    assert uuid.UUID(received.delivery), received.headers
    body = received.json()
    assert isinstance(body, dict), body
    assert body["event"] == received.event, f"FrontDoor-Event {received.event!r} but the body says {body['event']!r}"
    assert {"id", "event", "occurred_at", "council_id", "data"} <= body.keys(), body
    uuid.UUID(body["id"])
    uuid.UUID(body["council_id"])
    occurred = parse_time(body["occurred_at"])
    assert abs(occurred.timestamp() - time.time()) < 600, body["occurred_at"]
    return body


def parse_time(text: str) -> datetime:
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", text), f"not an ISO 8601 UTC time: {text!r}"
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)


# --- Reading pages as a browser would ---------------------------------------------------------

class PageReader(HTMLParser):
    """The forms (action and the fields a browser would send) and the tables (caption and cell
    texts) of an HTML page, and the text of any `.fd-setup-key`."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self.tables: list[dict] = []
        self.setup_keys: list[str] = []
        self._form = None
        self._textarea = None
        self._select = None
        self._table = None
        self._cell = None
        self._caption = None
        self._key = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = {name: (value if value is not None else "") for name, value in attrs}
        classes = a.get("class", "").split()
        if "fd-setup-key" in classes:
            self._key = []
        if tag == "form":
            self._form = {"action": a.get("action", ""), "method": a.get("method", "get").lower(), "fields": []}
            self.forms.append(self._form)
        elif tag == "input" and self._form is not None and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._form["fields"].append((a["name"], a.get("value", "on")))
            elif kind not in ("submit", "button", "image", "file", "reset"):
                self._form["fields"].append((a["name"], a.get("value", "")))
        elif tag == "textarea" and self._form is not None:
            self._textarea = [a.get("name", ""), ""]
        elif tag == "select" and self._form is not None:
            self._select = {"name": a.get("name", ""), "first": None, "chosen": None}
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in a:
                self._select["chosen"] = value
        elif tag == "table":
            self._table = {"caption": "", "rows": []}
            self.tables.append(self._table)
        elif tag == "caption" and self._table is not None:
            self._caption = []
        elif tag == "tr" and self._table is not None:
            self._table["rows"].append([])
        elif tag in ("td", "th") and self._table is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None:
            self._form["fields"].append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            chosen = self._select["chosen"] if self._select["chosen"] is not None else self._select["first"]
            self._form["fields"].append((self._select["name"], chosen or ""))
            self._select = None
        elif tag == "caption" and self._caption is not None:
            self._table["caption"] = " ".join("".join(self._caption).split())
            self._caption = None
        elif tag in ("td", "th") and self._cell is not None:
            self._table["rows"][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table":
            self._table = None
        if self._key is not None and tag in ("code", "strong"):
            self.setup_keys.append("".join(self._key).strip())
            self._key = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data
        if self._caption is not None:
            self._caption.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._key is not None:
            self._key.append(data)

    def form_with(self, field: str) -> dict:
        found = [f for f in self.forms if f["method"] == "post" and any(name == field for name, _ in f["fields"])]
        assert found, f"no form on the page has a field {field!r}: {[f['action'] for f in self.forms]}"
        return found[0]

    def table(self, caption: str) -> list:
        """The body rows (header row left out) of the table with this caption; [] if there is none."""
        for table in self.tables:
            if table["caption"] == caption:
                return [row for row in table["rows"][1:] if row]
        return []


def page_text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def submit(session: requests.Session, page: requests.Response, field: str, changes: dict,
           drop: tuple = ()) -> requests.Response:
    """Fills in the page's form that has `field` (keeping what the page already holds, as a
    browser would), replacing each of `changes` (a list value sends the field repeatedly) and
    leaving out the fields named in `drop`; sends it and follows the redirect."""
    form = PageReader(page.text).form_with(field)
    fields = [(name, value) for name, value in form["fields"] if name not in changes and name not in drop]
    for name, value in changes.items():
        fields += [(name, v) for v in value] if isinstance(value, list) else [(name, value)]
    return session.post(urljoin(page.url, form["action"] or page.url), data=fields, timeout=30)


def staff_sign_in(base_url: str, email: str = ADMIN, password: str = PASSWORD) -> requests.Session:
    """Staff sign-in, as the browser does it: the password, then for an administrator (the
    first time) the authenticator set up from the page's key and its code."""
    session = requests.Session()
    page = session.get(base_url + "/staff/sign-in", timeout=30)
    assert page.status_code == 200, page.status_code
    page = submit(session, page, "password", {"email": email, "password": password})
    if page.url == base_url + "/staff":  # no second factor for this role
        assert page.status_code == 200 and "Signed in as" in page_text(page.text), (page.status_code, page.url)
        return session
    assert page.status_code == 200 and page.url.startswith(base_url + "/staff/two-factor"), \
        f"after the password: {page.status_code} {page.url}\n{page_text(page.text)[:1000]}"
    keys = PageReader(page.text).setup_keys
    assert keys, f"no setup key on the two-factor page:\n{page_text(page.text)[:1000]}"
    page = submit(session, page, "code", {"code": totp(keys[0].replace(" ", ""), time.time())})
    assert page.status_code == 200 and "Save your recovery codes" in page_text(page.text), \
        f"after the code: {page.status_code} {page.url}\n{page_text(page.text)[:1000]}"
    home = session.get(base_url + "/staff", timeout=30)
    assert home.status_code == 200 and home.url == base_url + "/staff" and "Signed in as" in page_text(home.text), \
        f"not signed in: {home.status_code} {home.url}"
    return session


# --- The administrator's Webhooks page ---------------------------------------------------------

def add_endpoint(session: requests.Session, base_url: str, url: str, events: list, description: str) -> str:
    """Adds an endpoint through the form on /staff/webhooks; the secret the page shows once."""
    page = session.get(base_url + "/staff/webhooks", timeout=30)
    assert page.status_code == 200, page.status_code
    added = submit(session, page, "url", {"url": url, "description": description, "events": events})
    assert added.status_code == 200, f"{added.status_code}\n{page_text(added.text)[:2000]}"
    assert "The endpoint has been added" in page_text(added.text)
    reader = PageReader(added.text)
    assert len(reader.setup_keys) == 1, reader.setup_keys
    secret = reader.setup_keys[0]
    assert re.fullmatch(r"whsec_[A-Za-z0-9_-]{20,}", secret), secret
    (row,) = [row for row in reader.table("Endpoints") if row[0].startswith(url)]
    assert row[1] == ", ".join(sorted(events)) and row[2] == "Live", row
    assert description in row[0], row
    again = session.get(base_url + "/staff/webhooks", timeout=30)
    assert secret not in again.text, "the signing secret is shown again"
    return secret


def delivery_log(session: requests.Session, base_url: str) -> list:
    """The Recent deliveries table, newest first: [event, address, state, attempts, answer, raised]."""
    page = session.get(base_url + "/staff/webhooks", timeout=30)
    assert page.status_code == 200, page.status_code
    return PageReader(page.text).table("Recent deliveries")


# --- Causing events through the product's own interfaces ----------------------------------------

def make_api_key(server: RunningServer, label: str = "Test") -> str:
    made = run_frontdoor(["api-key", "--label", label, "--council", COUNCIL], env=server.extra["env"], timeout=60)
    assert made.returncode == 0, f"api-key failed ({made.returncode}):\n{made.stdout}\n{made.stderr}"
    key = made.stdout.strip().splitlines()[-1].strip()
    assert re.fullmatch(r"\S{20,}", key), made.stdout
    return key


def required_answers(attributes: list) -> list:
    """Each required attribute of a service definition answered by its datatype."""
    fields = []
    for attribute in attributes:
        if not attribute["required"]:
            continue
        code, datatype, keys = attribute["code"], attribute["datatype"], [v["key"] for v in attribute["values"]]
        if datatype == "multivaluelist":
            fields += [(f"attribute[{code}][]", key) for key in keys[:2]]
        elif datatype == "singlevaluelist":
            fields.append((f"attribute[{code}]", keys[0]))
        elif datatype == "number":
            fields.append((f"attribute[{code}]", "3"))
        elif datatype == "datetime":
            fields.append((f"attribute[{code}]", "2026-11-20"))
        else:
            fields.append((f"attribute[{code}]", "Seen from the bus stop"))
    return fields


def open311_report(base_url: str, api_key: str, email: str = "zoe.angstrom@example.org") -> str:
    """A FixMyStreet-style report (fly-tipping if offered), built from the service's definition;
    its reference."""
    services = requests.get(base_url + "/open311/v2/services.json", timeout=30).json()
    codes = sorted((s["service_code"] for s in services), key=lambda code: code != "fly-tipping")
    assert codes, "the demo council offers no service over Open311"
    code = codes[0]
    service = next(s for s in services if s["service_code"] == code)
    attributes = requests.get(f"{base_url}/open311/v2/services/{code}.json", timeout=30).json()["attributes"] \
        if service["metadata"] else []
    fields = [("api_key", api_key), ("service_code", code), ("lat", str(LAT)), ("long", str(LONG)), ("email", email),
              ("first_name", "Zoë"), ("last_name", "Ångström"),
              ("description", "A mattress and six black bags dumped by the gate of Willow Park.")] \
        + required_answers(attributes)
    created = requests.post(base_url + "/open311/v2/requests.json", data=fields, timeout=30)
    assert created.status_code == 201, f"{created.status_code}: {created.text[:2000]}"
    (request,) = created.json()
    assert REFERENCE.fullmatch(request["service_request_id"]), request
    return request["service_request_id"]


def open311_close(base_url: str, api_key: str, reference: str) -> None:
    closed = requests.post(base_url + "/open311/v2/servicerequestupdates.json", timeout=30, data={
        "api_key": api_key, "service_request_id": reference, "status": "CLOSED",
        "description": "Cleared by the street scene team this morning.",
        "updated_datetime": datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "first_name": "Street", "last_name": "Scene"})
    assert closed.status_code == 200, f"{closed.status_code}: {closed.text[:2000]}"
    (request,) = requests.get(f"{base_url}/open311/v2/requests/{reference}.json", timeout=30).json()
    assert request["status"] == "closed", request


def link_in(body: str) -> str:
    match = re.search(r"(https?://\S+?token=[A-Za-z0-9_-]+)", body)
    assert match, f"no link in the email:\n{body}"
    return match.group(1)


def resident_signed_in(base_url: str, mail_sink, name: str, email: str, password: str) -> requests.Session:
    """A resident registers, confirms the address from the email's link and signs in."""
    session = requests.Session()
    page = session.get(base_url + "/account/register", timeout=30)
    page = submit(session, page, "password", {"name": name, "email": email, "password": password})
    assert page.status_code == 200 and page.url.endswith("/account/check-your-email"), (page.status_code, page.url)
    page = session.get(link_in(mail_sink.wait_for(email, "Confirm your email address").body), timeout=30)
    page = submit(session, page, "token", {})
    assert page.status_code == 200 and "Your email address is confirmed" in page_text(page.text), \
        (page.status_code, page.url, page_text(page.text)[:1000])
    page = submit(session, page, "password", {"email": email, "password": password})
    assert page.status_code == 200 and page.url == base_url + "/account", (page.status_code, page.url)
    return session


def change_address(session: requests.Session, base_url: str, line1: str, town: str, postcode: str) -> None:
    """My Account's details form, as it stands, with a new address."""
    page = session.get(base_url + "/account/details", timeout=30)
    assert page.status_code == 200, page.status_code
    saved = submit(session, page, "address_line1", {"address_line1": line1, "address_line2": "", "address_town": town,
                                                     "address_postcode": postcode})
    assert saved.status_code == 200 and "Your details have been saved" in page_text(saved.text), \
        f"{saved.status_code} {saved.url}\n{page_text(saved.text)[:2000]}"


# --- Servers -----------------------------------------------------------------------------------

def start_webhook_server(data_dir: Path, **overrides: str) -> RunningServer:
    running = start_server(data_dir, **overrides)
    running.extra["env"] = base_env(data_dir, BASE_URL=running.base_url, **overrides)
    return running


@pytest.fixture(params=["sqlite", "postgres"])
def any_server(request, tmp_path, mail_sink):
    """A FrontDoor of its own (sending mail to the sink) on SQLite, or on a fresh PostgreSQL database."""
    overrides = {"SMTP_URL": mail_sink.url, "MAIL_FROM": "noreply@kingsmere.example"}
    if request.param == "postgres":
        overrides["DATABASE_URL"] = request.getfixturevalue("postgres_url")
    running = start_webhook_server(tmp_path / "data", **overrides)
    yield running
    running.stop()


@pytest.fixture
def sqlite_server(tmp_path):
    running = start_webhook_server(tmp_path / "data")
    yield running
    running.stop()


# --- 1. Signed deliveries, in order ------------------------------------------------------------

def test_events_reach_the_endpoint_signed_and_in_the_order_they_happened(any_server, receiver, mail_sink):
    """An Open311 report, its closing, and a resident's two changes of address reach an endpoint
    that asked for case.created, case.closed and customer.address_changed: four deliveries, in
    that order, each verified as the API guide says, with the documented data; nothing for the
    events it did not ask for, nor for saving the same address again; the delivery log shows
    each delivered at the first attempt."""
    base = any_server.base_url
    admin = staff_sign_in(base)
    events = ["case.created", "case.closed", "customer.address_changed"]
    secret = add_endpoint(admin, base, receiver.url, events, "Kingsmere CRM (test)")
    assert delivery_log(admin, base) == [], "a delivery before any event"

    key = make_api_key(any_server, "Test")
    reference = open311_report(base, key)
    open311_close(base, key, reference)
    email = f"sian.{uuid.uuid4().hex[:8]}@example.com"
    resident = resident_signed_in(base, mail_sink, "Siân Öztürk", email, "correct horse battery staple")
    change_address(resident, base, "1 High Street", "Kingsmere", "km1 1aa")
    change_address(resident, base, "Flat 2, 14 Mill Lane", "Kingsmere", "KM2 3BB")
    change_address(resident, base, "Flat 2, 14 Mill Lane", "Kingsmere", "km2 3bb")  # the same place: no event

    receiver.wait_for_accepted(4, timeout=60)
    time.sleep(2)  # anything else that was coming (there should be nothing) comes within a poll or two
    arrived = receiver.all()
    assert [r.event for r in arrived] == ["case.created", "case.closed", "customer.address_changed",
                                          "customer.address_changed"], \
        f"deliveries arrived as {[(r.event, r.answered) for r in arrived]}"
    assert all(r.answered == 200 for r in arrived)
    bodies = [assert_signed_and_named(r, secret) for r in arrived]
    assert len({r.delivery for r in arrived}) == 4, "two deliveries share a FrontDoor-Delivery id"
    assert len({b["id"] for b in bodies}) == 4, "two events share an id"
    assert len({b["council_id"] for b in bodies}) == 1, bodies
    occurred = [parse_time(b["occurred_at"]) for b in bodies]
    assert occurred == sorted(occurred), f"occurred_at out of order: {[b['occurred_at'] for b in bodies]}"

    created, closed, first_move, second_move = bodies
    for body in (created, closed):
        assert CASE_DATA_KEYS <= body["data"].keys(), f"{body['event']} lacks {CASE_DATA_KEYS - body['data'].keys()}"
        assert body["data"]["reference"] == reference, body
    assert created["data"]["case_id"] == closed["data"]["case_id"], (created, closed)
    assert created["data"]["status"] == "submitted", created
    assert closed["data"]["status"] in ("resolved", "closed"), closed

    for body in (first_move, second_move):
        assert {"customer_id", "name", "previous_address", "address"} <= body["data"].keys(), body
        assert body["data"]["name"] == "Siân Öztürk", body
    assert first_move["data"]["customer_id"] == second_move["data"]["customer_id"]
    assert first_move["data"]["previous_address"] is None, first_move
    moved_in, moved_to = first_move["data"]["address"], second_move["data"]["address"]
    assert ADDRESS_KEYS <= moved_in.keys() and ADDRESS_KEYS <= moved_to.keys(), (moved_in, moved_to)
    assert (moved_in["line1"], moved_in["town"], moved_in["postcode"]) == ("1 High Street", "Kingsmere", "KM1 1AA"), moved_in
    assert second_move["data"]["previous_address"] == moved_in, second_move
    assert (moved_to["line1"], moved_to["line2"], moved_to["town"], moved_to["postcode"]) \
        == ("Flat 2, 14 Mill Lane", "", "Kingsmere", "KM2 3BB"), moved_to

    log = delivery_log(admin, base)
    assert [row[0] for row in log] == ["customer.address_changed", "customer.address_changed", "case.closed",
                                       "case.created"], log  # newest first
    for event, address, state, attempts, answer, _raised in log:
        assert (address, state, attempts, answer) == (receiver.url, "Delivered", "1", "200"), log


# --- 2. Retries --------------------------------------------------------------------------------

def test_a_refused_delivery_is_retried_with_the_same_body_until_accepted(sqlite_server):
    """A receiver that answers 500 twice gets the same bytes, with the same FrontDoor-Delivery
    id, after about 10 s and then 20 s more, each attempt signed afresh; the third is accepted.
    The delivery log shows the attempts and the last answer as they happen."""
    receiver = Receiver(failures=2)
    try:
        base = sqlite_server.base_url
        admin = staff_sign_in(base)
        secret = add_endpoint(admin, base, receiver.url, ["case.created"], "")
        reference = open311_report(base, make_api_key(sqlite_server))

        deadline = time.monotonic() + 20
        while not receiver.all() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert receiver.all(), "no first attempt within 20s"
        first_log = None
        while time.monotonic() < deadline:  # the failure is written just after the 500 is read
            first_log = delivery_log(admin, base)
            if first_log and first_log[0][3] == "1":
                break
            time.sleep(0.3)
        assert first_log and first_log[0][:5] == ["case.created", receiver.url, "Pending", "1", "500"], first_log

        (accepted,) = receiver.wait_for_accepted(1, timeout=60)
        attempts = receiver.all()
        assert [r.answered for r in attempts] == [500, 500, 200], [(r.event, r.answered) for r in attempts]
        assert len({r.body for r in attempts}) == 1, "a retry sent different bytes"
        assert len({r.delivery for r in attempts}) == 1, f"a retry has another id: {[r.delivery for r in attempts]}"
        for attempt in attempts:
            body = assert_signed_and_named(attempt, secret)
            assert body["event"] == "case.created" and body["data"]["reference"] == reference, body
        gaps = [later.at - earlier.at for earlier, later in zip(attempts, attempts[1:])]
        assert 8 <= gaps[0] <= 20 and 18 <= gaps[1] <= 35, f"attempts {gaps} seconds apart (backoff 10 s, then 20 s)"
        stamps = [int(signature_parts(r)[0]) for r in attempts]
        assert stamps == sorted(stamps) and stamps[-1] - stamps[0] >= 25, f"each attempt is signed when sent: {stamps}"

        log = delivery_log(admin, base)
        assert len(log) == 1 and log[0][:5] == ["case.created", receiver.url, "Delivered", "3", "200"], log
    finally:
        receiver.stop()


# --- 3. Redirects are answers, not directions ----------------------------------------------------

def test_an_endpoint_that_answers_with_a_redirect_is_not_delivered_and_not_followed(sqlite_server):
    """The guide: any 2xx means delivered, anything else is retried. A 307 or a 302 is not a
    2xx: the delivery stays pending with that answer (to be retried), and FrontDoor does not
    follow the Location (which would also let an https-only endpoint send events, or an empty
    POST or a GET in their place, anywhere else)."""
    receiver = Receiver(redirects={"/temporary": (307, "/moved"), "/found": (302, "/moved")})
    try:
        base = sqlite_server.base_url
        admin = staff_sign_in(base)
        for path in ("/temporary", "/found"):
            add_endpoint(admin, base, receiver.at(path), ["case.created"], f"answers {path} with a redirect")
        open311_report(base, make_api_key(sqlite_server))

        deadline = time.monotonic() + 20
        log = []
        while time.monotonic() < deadline:
            log = delivery_log(admin, base)
            if len(log) == 2 and all(row[3] != "0" for row in log):
                break
            time.sleep(0.3)
        time.sleep(1)
        log = delivery_log(admin, base)
        received = receiver.all()
        followed = [(r.method, r.path, len(r.body)) for r in received if r.path == "/moved"]
        assert sorted(r.path for r in received if r.path != "/moved") == ["/found", "/temporary"], \
            [(r.method, r.path) for r in received]
        by_address = {row[1]: row for row in log}
        assert not followed and by_address[receiver.at("/temporary")][2:5] == ["Pending", "1", "307"] \
            and by_address[receiver.at("/found")][2:5] == ["Pending", "1", "302"], \
            f"the redirect was followed to /moved as {followed}; the delivery log says {log}"
    finally:
        receiver.stop()


# --- 4. Only administrators ------------------------------------------------------------------------

def test_only_an_administrator_sees_or_adds_webhook_endpoints(sqlite_server, receiver):
    """An advisor is refused the page and the form (403), and adds nothing."""
    base = sqlite_server.base_url
    advisor = staff_sign_in(base, "advisor@kingsmere.example")
    assert advisor.get(base + "/staff/webhooks", timeout=30).status_code == 403
    home = advisor.get(base + "/staff", timeout=30)
    token = dict(PageReader(home.text).form_with("csrf_token")["fields"])["csrf_token"]  # the sign-out form's
    refused = advisor.post(base + "/staff/webhooks", timeout=30, allow_redirects=False, data=[
        ("csrf_token", token), ("url", receiver.url), ("description", ""), ("events", "case.created")])
    assert refused.status_code == 403, refused.status_code
    admin = staff_sign_in(base)
    page = admin.get(base + "/staff/webhooks", timeout=30)
    assert "No endpoints have been added." in page_text(page.text) and receiver.url not in page.text
