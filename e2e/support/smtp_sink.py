#!/usr/bin/env python3
"""A catch-all SMTP server for FrontDoor's tests: it delivers nothing, it keeps everything.

Each accepted message becomes two files in --maildir, named after the time and a random id:
  NAME.eml   the message data exactly as received (after the SMTP dot-unstuffing)
  NAME.json  the envelope and what Python's email parser makes of the message:
             {"envelope_from", "envelope_to", "auth_user", "eml",
              "message_id", "from", "to", "subject", "body", "html", "content_type", "defects"}
             "body" is the decoded text with "\n" line ends, as a mail reader would show it;
             "defects" lists what the parser found wrong with the message (empty when well formed).
Both are written before the server answers 250, so a client that got its 250 finds them.

Flags that make the server behave like a stricter relay:
  --auth-user U --auth-password P   offer AUTH PLAIN (and LOGIN) without TLS and accept only U/P
  --require-auth                    refuse MAIL FROM with 530 until the client has authenticated
  --reject-rcpt ADDRESS             answer RCPT TO:<ADDRESS> with 550 (repeatable, case-insensitive)

Needs aiosmtpd (pip install aiosmtpd). Stops on SIGINT or SIGTERM.
"""

import argparse
import asyncio
import email
import email.policy
import json
import logging
import os
import signal
import time
import uuid

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

# aiosmtpd logs this on every successful AUTH, because it still sets the attribute it deprecates itself.
logging.getLogger("mail.log").addFilter(lambda record: "login_data is deprecated" not in record.getMessage())


class Sink:
    def __init__(self, maildir, reject):
        self.maildir = maildir
        self.reject = {address.lower() for address in reject}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.reject:
            return f"550 5.1.1 <{address}>: no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        body_part = message.get_body(preferencelist=("plain",))
        body = body_part.get_content() if body_part is not None else None
        html_part = message.get_body(preferencelist=("html",))
        html = html_part.get_content() if html_part is not None and html_part.get_content_type() == "text/html" else None
        record = {
            "envelope_from": envelope.mail_from,
            "envelope_to": envelope.rcpt_tos,
            "auth_user": session.auth_data.decode() if isinstance(session.auth_data, bytes) else None,
            "message_id": message["Message-ID"],
            "from": message["From"],
            "to": message["To"],
            "subject": message["Subject"],
            "body": body.replace("\r\n", "\n") if body is not None else None,
            "html": html.replace("\r\n", "\n") if html is not None else None,
            "content_type": message.get_content_type(),
            "defects": [repr(defect) for defect in message.defects],
        }
        name = f"{time.time_ns()}-{uuid.uuid4().hex}"
        record["eml"] = name + ".eml"
        self._write(name + ".eml", raw)
        # The JSON goes last: a test that finds it can rely on the .eml being there too.
        self._write(name + ".json", json.dumps(record, ensure_ascii=False, indent=2).encode())
        return "250 2.0.0 OK: kept as " + name

    def _write(self, filename, data):
        # Write-then-rename, so a reader polling the folder never sees half a file.
        temporary = os.path.join(self.maildir, "." + filename + ".tmp")
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, os.path.join(self.maildir, filename))


def make_authenticator(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        accepted = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == user.encode()
            and auth_data.password == password.encode()
        )
        if not accepted:
            # handled=False makes aiosmtpd answer 535 itself; True would leave the client waiting.
            return AuthResult(success=False, handled=False)
        return AuthResult(success=True, auth_data=auth_data.login)

    return authenticate


async def serve(args):
    sink = Sink(args.maildir, args.reject_rcpt)
    authenticating = args.auth_user is not None

    def make_protocol():
        return SMTP(
            sink,
            hostname="smtp-sink.localdomain",
            authenticator=make_authenticator(args.auth_user, args.auth_password) if authenticating else None,
            # The sink has no TLS, so AUTH would never be offered without this.
            auth_require_tls=not authenticating,
            auth_required=args.require_auth,
        )

    loop = asyncio.get_running_loop()
    server = await loop.create_server(make_protocol, host=args.host, port=args.port)
    stop = asyncio.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    print(f"smtp_sink listening on {args.host}:{args.port}, writing to {args.maildir}", flush=True)
    await stop.wait()
    server.close()
    await server.wait_closed()


def main():
    parser = argparse.ArgumentParser(description="Catch-all SMTP server that writes each message to a folder.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--maildir", required=True, help="folder for the received messages (created if missing)")
    parser.add_argument("--auth-user")
    parser.add_argument("--auth-password")
    parser.add_argument("--require-auth", action="store_true")
    parser.add_argument("--reject-rcpt", action="append", default=[], metavar="ADDRESS")
    args = parser.parse_args()
    if (args.auth_user is None) != (args.auth_password is None):
        parser.error("--auth-user and --auth-password go together")
    if args.require_auth and args.auth_user is None:
        parser.error("--require-auth needs --auth-user and --auth-password")
    os.makedirs(args.maildir, exist_ok=True)
    asyncio.run(serve(args))


if __name__ == "__main__":
    main()
