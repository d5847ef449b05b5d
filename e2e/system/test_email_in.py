"""Email in, end to end: raw emails written with Python's email library are piped into
`frontdoor receive-email` as a mail server's pipe delivery would, next to a running
`frontdoor serve` whose background worker sends the acknowledgements through a real SMTP
server (e2e/support/smtp_sink.py). Proved here: a new email opens a case for the service its
address names and is acknowledged with the reference, threaded under the email it answers and
marked as an automatic reply (on SQLite and PostgreSQL); a reply to the acknowledgement joins
that case without being acknowledged again; the same message delivered twice is taken in once;
an out-of-office is kept and never answered; the exit statuses tell a mail server what to do;
and the inbound email webhook does the same over real HTTP, only for those who hold its key."""
import email
import email.policy
import email.utils
import hashlib
import json
import re
import sqlite3
import struct
import subprocess
import sys
import time
import uuid
import zlib
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

import pytest
import requests

from conftest import FRONTDOOR_BIN, CommandResult, base_env, forget_pid, free_port, remember_pid, start_server

SMTP_SINK = Path(__file__).resolve().parent.parent / "support" / "smtp_sink.py"
MAIL_FROM = "noreply@kingsmere.example"
INBOUND_EMAIL_KEY = "inbound-" + "k" * 32
REFERENCE = re.compile(r"FD-\d{4}-\d{6}")
SENDER_NAME = "Zoë Ångström"
SUBJECT = "Bin not collected on Ælfric Road — third week running"


def tiny_png() -> bytes:
    """A real 1x1 PNG (one red pixel), made here so the test needs no image files."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
            + chunk(b"IEND", b""))


PNG = tiny_png()


# --- The SMTP sink -------------------------------------------------------------------------

@dataclass
class SunkEmail:
    """One message the sink accepted: its envelope and the message as Python's parser reads it."""
    envelope_to: list
    message: email.message.EmailMessage

    @property
    def text(self) -> str:
        part = self.message.get_body(preferencelist=("plain",))
        return part.get_content().replace("\r\n", "\n") if part is not None else ""

    def describe(self) -> str:
        return f"{self.envelope_to} {self.message['Subject']!r}"


class SmtpSink:
    """e2e/support/smtp_sink.py as a process of its own, keeping each message as .json + .eml."""

    def __init__(self, folder: Path):
        self.maildir = folder / "mail"
        self.port = free_port()
        self.log_path = folder / "smtp-sink.log"
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, str(SMTP_SINK), "--host", "127.0.0.1", "--port", str(self.port), "--maildir", str(self.maildir)],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        # Recorded with the servers (its folder is named frontdoor-…), so scripts/test stops it
        # even if pytest is killed.
        remember_pid(self.process.pid)
        deadline = time.monotonic() + 30
        while "listening" not in self.log_path.read_text(errors="replace"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise AssertionError(f"the SMTP sink did not start:\n{self.log_path.read_text(errors='replace')}")
            time.sleep(0.1)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def messages(self) -> list:
        """Every message accepted so far, oldest first (the .json is written last, so a .json
        found means its .eml is complete)."""
        found = []
        for record_path in sorted(self.maildir.glob("*.json")):
            record = json.loads(record_path.read_text())
            raw = (self.maildir / record["eml"]).read_bytes()
            found.append(SunkEmail(record["envelope_to"], email.message_from_bytes(raw, policy=email.policy.default)))
        return found

    def to(self, address: str) -> list:
        return [m for m in self.messages() if address in m.envelope_to]

    def wait_for(self, address: str, count: int = 1, timeout: float = 30) -> list:
        """The messages to `address`, once there are at least `count` of them."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            received = self.to(address)
            if len(received) >= count:
                return received
            time.sleep(0.2)
        raise AssertionError(f"expected {count} email(s) to {address} within {timeout}s; the sink has: "
                             f"{[m.describe() for m in self.messages()]}")

    def stop(self):
        try:
            if self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()
        finally:
            forget_pid(self.process.pid)


@pytest.fixture(scope="module")
def sink(tmp_path_factory):
    running = SmtpSink(tmp_path_factory.mktemp("frontdoor-smtp-sink"))
    yield running
    running.stop()


def start_mail_server(data_dir: Path, sink: SmtpSink, **overrides: str):
    """`frontdoor serve` sending mail to the sink and taking webhook posts; `extra["env"]` is
    the same environment for `frontdoor receive-email`, as the operator guide asks."""
    settings = dict(SMTP_URL=sink.url, MAIL_FROM=MAIL_FROM, INBOUND_EMAIL_KEY=INBOUND_EMAIL_KEY, **overrides)
    running = start_server(data_dir, **settings)
    running.extra["env"] = base_env(data_dir, BASE_URL=running.base_url, **settings)
    return running


@pytest.fixture(scope="module")
def mail_server(tmp_path_factory, sink):
    """One FrontDoor on SQLite with the demo council, shared by this module's tests (each uses
    senders of its own, so no test sees another's mail)."""
    running = start_mail_server(tmp_path_factory.mktemp("frontdoor") / "data", sink)
    yield running
    running.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def any_mail_server(request, sink, tmp_path):
    """The SQLite server above, or a FrontDoor of its own on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield request.getfixturevalue("mail_server")
        return
    running = start_mail_server(tmp_path / "data", sink, DATABASE_URL=request.getfixturevalue("postgres_url"))
    yield running
    running.stop()


# --- Helpers -------------------------------------------------------------------------------

def receive(raw: bytes, env: dict, timeout: float = 60) -> CommandResult:
    """Pipes raw bytes into `frontdoor receive-email`, as a mail server's pipe delivery does."""
    assert FRONTDOOR_BIN, "FRONTDOOR_BIN must name the frontdoor binary (scripts/test sets it)"
    completed = subprocess.run([FRONTDOOR_BIN, "receive-email"], env=env, input=raw, capture_output=True, timeout=timeout)
    return CommandResult(completed.returncode, completed.stdout.decode(errors="replace"), completed.stderr.decode(errors="replace"))


def said(result: CommandResult) -> str:
    """The one line receive-email prints, checked to be the only thing on standard output."""
    assert result.returncode == 0, f"exit {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}"
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, f"receive-email must print exactly one line, printed:\n{result.stdout}"
    return lines[0]


def new_sender(name: str = "zoe") -> str:
    # A fresh address per test: at most 5 acknowledgements an hour go to one sender.
    return f"{name}.{uuid.uuid4().hex[:8]}@example.org"


def resident_email(sender: str, to: str = "missed-bin@kingsmere.example", subject: str = SUBJECT,
                   text: str = "Hello,\n\nThe grey bin at 14 Ælfric Road was not emptied on Tuesday.\n\nThanks,\nZoë\n",
                   attachment: bool = True) -> EmailMessage:
    message = EmailMessage()
    message["From"] = email.utils.formataddr((SENDER_NAME, sender))
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = email.utils.formatdate(localtime=True)
    message["Message-ID"] = email.utils.make_msgid(domain="example.org")
    message.set_content(text)
    if attachment:
        message.add_attachment(PNG, maintype="image", subtype="png", filename="bin-on-the-kerb.png")
    return message


def bare_id(message_id: str) -> str:
    return message_id.strip().strip("<>")


def opened_reference(line: str) -> str:
    match = re.fullmatch(r"Opened (FD-\d{4}-\d{6}); acknowledgement queued\.", line)
    assert match, f"expected 'Opened FD-…; acknowledgement queued.', got: {line!r}"
    return match.group(1)


def assert_is_the_acknowledgement(ack: SunkEmail, sender: str, reference: str, original: EmailMessage):
    headers = ack.message
    assert ack.envelope_to == [sender], f"the acknowledgement went to {ack.envelope_to}, not only the sender"
    assert [address for _, address in email.utils.getaddresses([str(headers["To"])])] == [sender]
    assert email.utils.parseaddr(str(headers["From"]))[1] == MAIL_FROM
    assert reference in str(headers["Subject"]), f"the subject {headers['Subject']!r} does not carry {reference}"
    assert bare_id(str(headers["In-Reply-To"])) == bare_id(original["Message-ID"]), \
        f"In-Reply-To {headers['In-Reply-To']!r} is not the original's {original['Message-ID']!r}"
    assert bare_id(original["Message-ID"]) in str(headers["References"])
    assert str(headers["Auto-Submitted"]).strip() == "auto-replied", f"Auto-Submitted is {headers['Auto-Submitted']!r}"
    assert re.fullmatch(r"<[0-9a-f-]{36}@kingsmere\.example>", str(headers["Message-ID"]).strip()), \
        f"the acknowledgement's Message-ID is {headers['Message-ID']!r}"
    assert reference in ack.text
    assert f"Dear {SENDER_NAME}" in ack.text, f"the sender's name did not survive the round trip:\n{ack.text}"
    assert not ack.message.defects, f"the acknowledgement is malformed: {ack.message.defects}"


def reply_to(ack: SunkEmail, sender: str, words: str, subject: str, threaded: bool = True) -> EmailMessage:
    """What a mail program writes when the resident presses Reply: to the acknowledgement's
    sender, threaded under it (unless `threaded` is false, as some webmail sends it), with the
    acknowledgement quoted below an "On … wrote:" line."""
    reply = EmailMessage()
    reply["From"] = email.utils.formataddr((SENDER_NAME, sender))
    reply["To"] = str(ack.message["From"])
    reply["Subject"] = subject
    reply["Date"] = email.utils.formatdate(localtime=True)
    reply["Message-ID"] = email.utils.make_msgid(domain="example.org")
    if threaded:
        reply["In-Reply-To"] = str(ack.message["Message-ID"])
        reply["References"] = str(ack.message["Message-ID"])
    quoted = "\n".join("> " + line if line else ">" for line in ack.text.splitlines())
    reply.set_content(f"{words}\n\nOn {ack.message['Date']}, {ack.message['From']} wrote:\n{quoted}\n")
    return reply


class Database:
    """Reads the SQLite database the server and receive-email share."""

    def __init__(self, data_dir: Path):
        self.path = data_dir / "frontdoor.sqlite"

    def query(self, sql: str, *args):
        with sqlite3.connect(self.path, timeout=30) as connection:
            return connection.execute(sql, args).fetchall()


# --- The pipe delivery ---------------------------------------------------------------------

def test_a_new_email_opens_a_case_and_the_acknowledgement_threads_under_it(any_mail_server, sink):
    """A resident's email (non-ASCII name and subject, a photo attached) piped into
    receive-email opens a case and queues the acknowledgement; the server's worker sends it
    through SMTP to the sender, with the reference, threaded under the resident's email and
    marked as an automatic reply, on SQLite and on PostgreSQL."""
    sender = new_sender()
    original = resident_email(sender)
    reference = opened_reference(said(receive(original.as_bytes(), any_mail_server.extra["env"])))

    (ack,) = sink.wait_for(sender, timeout=30)
    assert_is_the_acknowledgement(ack, sender, reference, original)


def test_a_reply_joins_its_case_and_repeats_and_out_of_office_replies_are_never_answered(mail_server, sink):
    """The whole conversation on one case: the email opens it (for the service its address
    names, with the photo kept), the resident's replies to the acknowledgement join it (by
    In-Reply-To, or by the reference in the subject; their new words on the timeline, not the
    quoted acknowledgement) and are not acknowledged, the same first message delivered again
    is taken in once, and an out-of-office answering the acknowledgement is kept, noted, and
    never answered: one email ever goes to the resident."""
    env, db = mail_server.extra["env"], Database(mail_server.data_dir)
    sender = new_sender()
    original = resident_email(sender)
    reference = opened_reference(said(receive(original.as_bytes(), env)))
    (ack,) = sink.wait_for(sender, timeout=30)
    assert_is_the_acknowledgement(ack, sender, reference, original)

    assert db.query("SELECT s.code, c.channel FROM cases c JOIN services s ON s.id = c.service_id WHERE c.reference = ?",
                    reference) == [("missed-bin", "email")], "missed-bin@ names the missed-bin service"
    kept = db.query("SELECT a.file_name, a.content_type, a.byte_count, a.sha256 FROM attachments a "
                    "JOIN inbound_emails e ON a.inbound_email_id = e.id WHERE e.message_id = ?", bare_id(original["Message-ID"]))
    assert kept == [("bin-on-the-kerb.png", "image/png", len(PNG), hashlib.sha256(PNG).hexdigest())], \
        f"the photo was not kept as sent: {kept}"

    # Its subject names no reference (the resident kept their own), so only In-Reply-To can join it.
    reply = reply_to(ack, sender, "It was out by 7am, as usual. Ŵyn next door had the same problem.", subject="Re: " + SUBJECT)
    assert REFERENCE.search(str(reply["Subject"])) is None
    assert said(receive(reply.as_bytes(), env)) == f"Added to {reference}."
    # No threading headers, but the acknowledgement's subject with its reference.
    by_subject = reply_to(ack, sender, "Collected this morning, thank you.", subject="Re: " + str(ack.message["Subject"]),
                          threaded=False)
    assert said(receive(by_subject.as_bytes(), env)) == f"Added to {reference}."
    timeline = [text for (text,) in db.query(
        "SELECT e.text FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.reference = ? AND e.visibility = 'public'",
        reference)]
    joined = [text for text in timeline if "Ŵyn next door" in text or "Collected this morning" in text]
    assert len(joined) == 2, f"the replies' words are not on the case's timeline: {timeline}"
    assert all("We have received your request" not in text for text in joined), \
        f"the quoted acknowledgement came onto the timeline with a reply: {joined}"

    assert said(receive(original.as_bytes(), env)) == "Already received; nothing more done."

    out_of_office = EmailMessage()
    out_of_office["From"] = email.utils.formataddr((SENDER_NAME, sender))
    out_of_office["To"] = str(ack.message["From"])
    out_of_office["Subject"] = "Automatic reply: " + str(ack.message["Subject"])
    out_of_office["Message-ID"] = email.utils.make_msgid(domain="example.org")
    out_of_office["In-Reply-To"] = str(ack.message["Message-ID"])
    out_of_office["Auto-Submitted"] = "auto-replied"
    out_of_office.set_content("I am away until Monday and will read your email when I return.")
    assert said(receive(out_of_office.as_bytes(), env)) == \
        f"Kept, not answered: Auto-Submitted: auto-replied; noted on {reference}."

    # Nothing more was queued for the resident: the one acknowledgement is all there is...
    assert db.query("SELECT COUNT(*) FROM notifications WHERE recipient = ?", sender) == [(1,)]
    # ...and, once a later acknowledgement to someone else has gone through the same worker,
    # the sink still holds exactly one email to the resident.
    sentinel = new_sender("sentinel")
    opened_reference(said(receive(resident_email(sentinel, to="contact@kingsmere.example", attachment=False).as_bytes(), env)))
    sink.wait_for(sentinel, timeout=30)
    assert [m.describe() for m in sink.to(sender)] == [ack.describe()], "a reply or the out-of-office was answered"


def test_an_out_of_office_out_of_the_blue_opens_no_case(mail_server):
    """Automatic mail that answers nothing of ours is kept but opens no case and gets no answer."""
    db = Database(mail_server.data_dir)
    sender = new_sender("away")
    message = resident_email(sender, to="contact@kingsmere.example", subject="Out of office", attachment=False,
                             text="I am away until Monday.")
    message["Auto-Submitted"] = "auto-replied"
    assert said(receive(message.as_bytes(), mail_server.extra["env"])) == "Kept, not answered: Auto-Submitted: auto-replied."
    assert db.query("SELECT outcome, case_id FROM inbound_emails WHERE message_id = ?", bare_id(message["Message-ID"])) == \
        [("set-aside", None)]
    assert db.query("SELECT COUNT(*) FROM notifications WHERE recipient = ?", sender) == [(0,)]


@pytest.mark.parametrize("stdin, says", [
    (b"", "no email on standard input"),
    (b"Just a few words, and not an email at all.\n", "not an email with From and To headers"),
    (b"From: someone@example.org\r\nSubject: no recipient\r\n\r\nHello\r\n", "not an email with From and To headers"),
], ids=["empty", "plain-text", "no-to"])
def test_what_is_not_an_email_exits_65(mail_server, stdin, says):
    """Empty input and text that is not an email with From and To are refused with 65 (the mail
    server bounces them) and one line saying why."""
    result = receive(stdin, mail_server.extra["env"])
    assert result.returncode == 65, f"exit {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}"
    assert len(result.stderr_lines) == 1 and says in result.stderr, result.stderr
    assert result.stdout.strip() == ""


def test_an_email_for_a_domain_no_council_receives_at_exits_67_naming_the_address(mail_server):
    """Mail for an address no council here receives at is refused with 67 (bounce it), the
    address named, and nothing kept."""
    message = resident_email(new_sender(), to="someone@elsewhere.example", attachment=False)
    result = receive(message.as_bytes(), mail_server.extra["env"])
    assert result.returncode == 67, f"exit {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}"
    assert "someone@elsewhere.example" in result.stderr and len(result.stderr_lines) == 1, result.stderr
    assert Database(mail_server.data_dir).query("SELECT COUNT(*) FROM inbound_emails WHERE message_id = ?",
                                                bare_id(message["Message-ID"])) == [(0,)]


@pytest.mark.parametrize("setting, value, says", [
    ("DATABASE_URL", None, "DATABASE_URL"),
    ("MAIL_FROM", "not an address", "MAIL_FROM"),
], ids=["postgres-port-closed", "bad-mail-from"])
def test_when_the_database_is_out_of_reach_or_the_configuration_is_wrong_it_exits_75(scratch, setting, value, says):
    """A database that cannot be reached, or a setting that is wrong, is something to try again
    later: 75, so the mail server keeps the message and retries, with the reason on stderr."""
    if value is None:
        value = f"postgres://postgres@127.0.0.1:{free_port()}/frontdoor"  # nothing listens there
    env = base_env(scratch / "data", BASE_URL="http://127.0.0.1:9", **{setting: value})
    result = receive(resident_email(new_sender(), attachment=False).as_bytes(), env)
    assert result.returncode == 75, f"exit {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}"
    assert says in result.stderr, result.stderr
    # Mail servers put standard output into bounces: the logs go to standard error.
    assert result.stdout.strip() == "", result.stdout


def test_on_a_fresh_database_the_logs_stay_off_standard_output(scratch):
    """A first delivery migrates the database (which has no council yet, so the email is
    bounced with 67); the migration's log lines go to standard error, so standard output,
    which a mail server may quote back to the sender, carries nothing of ours."""
    env = base_env(scratch / "data", BASE_URL="http://127.0.0.1:9")
    result = receive(resident_email(new_sender(), attachment=False).as_bytes(), env)
    assert result.returncode == 67, result.stdout + result.stderr
    assert result.stdout == "", result.stdout
    assert "Applying migration" in result.stderr and "No council here receives email" in result.stderr, result.stderr


# --- The webhook ---------------------------------------------------------------------------

def webhook_fields(sender: str, message_id: str) -> dict:
    headers = "\r\n".join([
        f"From: {email.utils.formataddr((SENDER_NAME, sender))}",
        "To: contact@kingsmere.example",
        "Subject: =?utf-8?q?Question_about_the_caf=C3=A9_licence?=",
        f"Message-ID: {message_id}",
        "MIME-Version: 1.0",
    ])
    return {"from": f"{SENDER_NAME} <{sender}>", "to": "contact@kingsmere.example",
            "subject": "Question about the café licence", "text": "Do I need a licence for two tables outside?\n",
            "html": "<p>Do I need a licence for two tables outside?</p>", "headers": headers}


def test_the_webhook_opens_a_case_only_for_the_key_holder_and_takes_each_message_once(mail_server, sink):
    """Over real HTTP, multipart form data with a file and the key as the Basic password opens a
    case and is acknowledged; a wrong key is refused with 401 and changes nothing; the same
    message (its Message-ID in the header block) posted again, with the key as a bearer
    token, is recognised as already received."""
    url = mail_server.base_url + "/api/v1/inbound-email"
    db = Database(mail_server.data_dir)
    sender = new_sender("webhook")
    message_id = email.utils.make_msgid(domain="example.org")
    fields = webhook_fields(sender, message_id)
    files = {"attachment1": ("cafe-tables.png", PNG, "image/png")}

    refused = requests.post(url, data=fields, files=files, auth=("mail-service", "not-the-key-" + "x" * 20), timeout=30)
    assert refused.status_code == 401, refused.text
    assert refused.headers["WWW-Authenticate"].startswith("Basic")
    assert refused.json()["errors"][0]["field"] == "authorization"
    assert db.query("SELECT COUNT(*) FROM inbound_emails WHERE message_id = ?", bare_id(message_id)) == [(0,)], \
        "a refused post must change nothing"

    opened = requests.post(url, data=fields, files=files, auth=("mail-service", INBOUND_EMAIL_KEY), timeout=30)
    assert opened.status_code == 200, opened.text
    answer = opened.json()
    assert answer["outcome"] == "opened" and answer["acknowledged"] is True, answer
    reference = answer["reference"]
    assert REFERENCE.fullmatch(reference), answer
    assert db.query("SELECT s.code FROM cases c JOIN services s ON s.id = c.service_id WHERE c.reference = ?",
                    reference) == [("general-enquiry",)], "contact@ is a general enquiry"
    assert db.query("SELECT a.file_name, a.sha256 FROM attachments a JOIN inbound_emails e ON a.inbound_email_id = e.id "
                    "WHERE e.message_id = ?", bare_id(message_id)) == [("cafe-tables.png", hashlib.sha256(PNG).hexdigest())]
    (ack,) = sink.wait_for(sender, timeout=30)
    assert reference in str(ack.message["Subject"])
    assert bare_id(str(ack.message["In-Reply-To"])) == bare_id(message_id)

    again = requests.post(url, data=fields, files=files, headers={"Authorization": "Bearer " + INBOUND_EMAIL_KEY}, timeout=30)
    assert again.status_code == 200, again.text
    assert again.json()["outcome"] == "already-received", again.json()
    assert db.query("SELECT COUNT(*) FROM inbound_emails WHERE message_id = ?", bare_id(message_id)) == [(1,)]


@pytest.mark.parametrize("send, status, field", [
    (dict(json={"from": "a@example.org", "to": "contact@kingsmere.example"}), 415, "content-type"),
    (dict(data={"to": "contact@kingsmere.example", "text": "no sender"}), 422, "from"),
    (dict(data={"from": "a@example.org", "to": "someone@elsewhere.example", "text": "hi"}), 422, "to"),
], ids=["json", "no-sender", "no-council"])
def test_the_webhook_names_what_is_wrong_with_a_post(mail_server, send, status, field):
    """A post that is not form data, or names no sender, or no address a council receives at,
    is refused with the status the API guide gives and the field at fault."""
    response = requests.post(mail_server.base_url + "/api/v1/inbound-email", auth=("mail-service", INBOUND_EMAIL_KEY),
                             timeout=30, **send)
    assert response.status_code == status, response.text
    assert [problem["field"] for problem in response.json()["errors"]] == [field], response.text


def test_the_webhook_is_off_without_a_key(server):
    """Without INBOUND_EMAIL_KEY the webhook is not there: 404, with what to set."""
    response = requests.post(server.base_url + "/api/v1/inbound-email", timeout=30,
                             data={"from": "a@example.org", "to": "contact@kingsmere.example", "text": "hi"})
    assert response.status_code == 404, response.text
    assert "INBOUND_EMAIL_KEY" in response.text
