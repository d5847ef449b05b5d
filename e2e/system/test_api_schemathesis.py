"""The integration API keeps to its own document under requests nobody wrote by hand.

Schemathesis (property-based testing from an OpenAPI document) reads the document a running
FrontDoor serves at /api/openapi.json, generates requests for every operation from its schemas
alone (valid ones, and invalid ones: wrong types, missing fields, strings that break a pattern,
bodies of another content type) and sends them with a key holding every scope. Every answer is
checked against the document: never a 5xx, only a documented status, a documented content
type, documented headers, and a body its schema accepts. The run is bounded (a fixed seed and a
few examples an operation) so that it takes minutes on a two-core machine and finds the same
things each time; its whole report is shown when it fails.

A run that passes could pass because nothing was really tested, so: the run's recorded traffic
must show the key was taken (every list answered 200 and records were made), and the same run
must fail against a copy of the document whose schema the real answers break, and against a
stub server that answers 500."""
import json
import os
import re
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests

from conftest import RunningServer, base_env, run_frontdoor, start_server

ALL_SCOPES = "customers:read,customers:write,cases:read,cases:write,contacts:read,contacts:write,services:read"
CHECKS = ",".join(["not_a_server_error", "status_code_conformance", "content_type_conformance",
                   "response_schema_conformance", "response_headers_conformance"])
SEED = 311
# Examples per operation in the fuzzing phase (the coverage phase adds its own, one for each
# boundary and each kind of invalid value the schemas allow).
MAX_EXAMPLES = 40
# Every operation must succeed at least once in a run (a key taken, a record made or found), or
# the run proved little about it; but createCase's answers must pass the service's form, whose
# rules the document cannot state, so generated bodies are refused (400), as they should be.
NEVER_SUCCEEDS_FROM_GENERATED_DATA = {"createCase"}


def schemathesis(location: str, base_url: str, key: str, workdir: Path, *extra: str, timeout: float = 1200):
    """`schemathesis run` with this suite's settings; its report (JUnit and HAR) in `workdir`."""
    command = [sys.executable, "-m", "schemathesis.cli", "run", location, "--url", base_url,
               "--header", f"Authorization: Bearer {key}", "--checks", CHECKS,
               "--phases", "examples,coverage,fuzzing,stateful", "--max-examples", str(MAX_EXAMPLES), "--seed", str(SEED),
               "--workers", "1", "--request-timeout", "30", "--generation-database", "none", "--no-color",
               "--report", "junit,har", "--report-dir", str(workdir / "report"), *extra]
    # Run in the scratch folder, so no schemathesis.toml of the checkout is read and nothing is written into it.
    # A wide terminal, so the report's lines (and reproducing curl commands) are not wrapped.
    return subprocess.run(command, cwd=workdir, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "COLUMNS": "160"})


def output(result: subprocess.CompletedProcess) -> str:
    return f"schemathesis exited with {result.returncode}:\n{result.stdout}\n{result.stderr}"


def traffic(workdir: Path, document: dict, base_url: str) -> dict:
    """The run's HAR as {operationId: [statuses]}."""
    (har,) = (workdir / "report").glob("har-*.json")
    entries = json.loads(har.read_text())["log"]["entries"]
    routes = []
    for path, operations in document["paths"].items():
        pattern = re.compile("^" + re.escape(base_url) + re.sub(r"\\\{[^}]+\\\}", "[^/?]+", re.escape(path)) + r"(\?.*)?$")
        for method, operation in operations.items():
            routes.append((method.upper(), pattern, operation["operationId"]))
    statuses: dict = {}
    for entry in entries:
        method, url = entry["request"]["method"], entry["request"]["url"]
        name = next((op for m, pattern, op in routes if m == method and pattern.match(url)), f"{method} {url}")
        statuses.setdefault(name, []).append(entry["response"]["status"])
    return statuses


def make_key(server: RunningServer, label: str) -> str:
    made = run_frontdoor(["api-key", "--label", label, "--council", "kingsmere", "--scopes", ALL_SCOPES,
                          "--per-minute", "100000"], env=server.extra["env"], timeout=60)
    assert made.returncode == 0, f"api-key failed:\n{made.stdout}\n{made.stderr}"
    return made.stdout.strip().splitlines()[-1].strip()


@pytest.fixture(params=["sqlite", "postgres"])
def fuzzed_server(request, tmp_path):
    """A FrontDoor of its own with the demo council (the run fills it with generated records),
    on SQLite or on a fresh PostgreSQL database, and a key with every scope and a rate limit
    the run never reaches."""
    overrides = {} if request.param == "sqlite" else {"DATABASE_URL": request.getfixturevalue("postgres_url")}
    running = start_server(tmp_path / "data", **overrides)
    running.extra["env"] = base_env(tmp_path / "data", BASE_URL=running.base_url, **overrides)
    try:
        yield running, make_key(running, "Schemathesis")
    finally:
        running.stop()


def test_every_answer_to_generated_requests_keeps_to_the_document(fuzzed_server, tmp_path):
    """Schemathesis's checks pass for every operation of the served document: no 5xx, and
    every status, content type, header and body as documented."""
    server, key = fuzzed_server
    document = requests.get(server.base_url + "/api/openapi.json", timeout=10).json()
    base_url = server.base_url + document["servers"][0]["url"]
    workdir = tmp_path / "schemathesis"
    workdir.mkdir()

    result = schemathesis(server.base_url + "/api/openapi.json", base_url, key, workdir)

    assert result.returncode == 0, output(result)
    operations = sum(len(operations) for operations in document["paths"].values())
    assert re.search(rf"Tested:\s+{operations}\b", result.stdout), f"not every one of the {operations} operations was tested:\n" + output(result)
    statuses = traffic(workdir, document, base_url)
    must_succeed = {operation["operationId"] for operations in document["paths"].values()
                    for operation in operations.values()} - NEVER_SUCCEEDS_FROM_GENERATED_DATA
    never_succeeded = sorted(name for name in must_succeed if not any(200 <= status < 300 for status in statuses.get(name, [])))
    assert not never_succeeded, f"no request to {never_succeeded} succeeded, so the run proved little about them: " \
                                f"{ {name: sorted(set(statuses.get(name, []))) for name in never_succeeded} }\n" + output(result)


class AlwaysFails(BaseHTTPRequestHandler):
    """A server that answers every request with a 500."""

    def do_GET(self):
        body = b'{"errors": [{"field": "server", "message": "broken"}]}'
        self.send_response(500)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.mark.parametrize("breakage", ["a-schema-the-answers-break", "a-server-that-answers-500"])
def test_the_run_fails_when_an_answer_breaks_the_document(server, tmp_path, breakage):
    """The check above could pass by accident only if schemathesis let bad answers through:
    listServices checked against a document saying a service's code is a number (which no
    real answer is), or sent to a server that answers 500, fails the run, naming why."""
    key = run_frontdoor(["api-key", "--label", "schemathesis-proof", "--scopes", "services:read", "--per-minute", "100000"],
                        base_env(server.data_dir)).stdout.strip().splitlines()[-1]
    document = requests.get(server.base_url + "/api/openapi.json", timeout=10).json()
    base_url = server.base_url + document["servers"][0]["url"]
    stub = None
    if breakage == "a-schema-the-answers-break":
        document["components"]["schemas"]["Service"]["properties"]["code"] = {"type": "integer"}
        expected = "Response violates schema"
    else:
        stub = ThreadingHTTPServer(("127.0.0.1", 0), AlwaysFails)
        threading.Thread(target=stub.serve_forever, daemon=True).start()
        base_url = f"http://127.0.0.1:{stub.server_address[1]}" + document["servers"][0]["url"]
        expected = "Server error"
    workdir = tmp_path / "schemathesis"
    workdir.mkdir()
    (workdir / "openapi.json").write_text(json.dumps(document))
    try:
        result = schemathesis(str(workdir / "openapi.json"), base_url, key, workdir, "--include-operation-id", "listServices",
                              "--max-examples", "5", timeout=300)
    finally:
        if stub:
            stub.shutdown()
            stub.server_close()

    assert result.returncode == 1, output(result)
    assert expected in result.stdout, output(result)
