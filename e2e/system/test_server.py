"""`frontdoor serve` as operators and residents meet it: start-up output, health, metrics,
logs, errors, graceful shutdown, and PostgreSQL."""
import json
import re
import time

import requests

from conftest import start_server


def test_serve_prints_the_address_and_the_demo_sign_ins(server):
    output = server.output()
    assert f"FrontDoor is running at {server.base_url}" in output
    assert "admin@kingsmere.example" in output
    assert "frontdoor-demo" in output


def test_health_endpoints_answer_in_json(server):
    live = requests.get(server.base_url + "/health/live", timeout=10)
    ready = requests.get(server.base_url + "/health/ready", timeout=10)
    assert live.status_code == 200 and live.json() == {"status": "ok"}
    assert ready.status_code == 200 and ready.json()["database"] == "ok"


def test_metrics_count_requests_by_route(server):
    requests.get(server.base_url + "/components", timeout=10)
    text = requests.get(server.base_url + "/metrics", timeout=10).text
    assert "# TYPE" in text
    assert re.search(r'http_route="/components"', text)
    assert "frontdoor_db_connections_in_use" in text


def test_every_response_has_a_request_id(server):
    response = requests.get(server.base_url + "/", timeout=10)
    assert re.fullmatch(r"[0-9a-f]{8,}", response.headers["X-Request-Id"])


def test_an_unknown_address_gets_a_404_page(server):
    response = requests.get(server.base_url + "/no-such-page", timeout=10)
    assert response.status_code == 404
    assert response.headers["Content-Type"].startswith("text/html")
    assert "Page not found" in response.text


def test_sigterm_stops_the_server_gracefully(scratch):
    running = start_server(scratch / "data")
    started = time.monotonic()
    assert running.stop(timeout=15) == 0, running.output()
    assert time.monotonic() - started < 15


def test_serve_without_demo_on_an_empty_database_says_it_is_not_set_up(scratch):
    running = start_server(scratch / "data", args=("serve", "--no-demo"))
    try:
        response = requests.get(running.base_url + "/", timeout=10)
        assert response.status_code == 200
        assert "not set up yet" in response.text
        assert "Kingsmere" not in response.text
    finally:
        running.stop()


def test_serve_on_postgresql_migrates_seeds_and_serves(scratch, postgres_url):
    running = start_server(scratch / "data", DATABASE_URL=postgres_url)
    try:
        page = requests.get(running.base_url + "/", timeout=10)
        assert page.status_code == 200
        assert "Kingsmere Borough Council" in page.text
        assert "frontdoor_db_pool_size{database=\"postgres\"}" in requests.get(running.base_url + "/metrics", timeout=10).text
    finally:
        running.stop()


def test_json_logs_are_one_object_per_line_with_the_request_id(scratch):
    running = start_server(scratch / "data", LOG_FORMAT="json")
    try:
        request_id = requests.get(running.base_url + "/components", timeout=10).headers["X-Request-Id"]
        time.sleep(0.5)
    finally:
        running.stop()
    lines = [line for line in running.output().splitlines() if line.strip()]
    objects = [json.loads(line) for line in lines]  # every line must parse
    assert any(o.get("metadata", {}).get("hb.request.id") == request_id for o in objects)
    assert all({"level", "message", "label", "timestamp"} <= o.keys() for o in objects)


def test_production_error_pages_show_no_internal_detail(scratch):
    running = start_server(scratch / "data", FRONTDOOR_ENV="production", SESSION_SECRET="x" * 40)
    try:
        response = requests.get(running.base_url + "/no-such-page", timeout=10)
        assert response.status_code == 404
        assert response.headers["Content-Type"].startswith("text/html")
        assert "Error(" not in response.text and "HTTPError" not in response.text
        assert not re.search(r"\.swift\b|Sources/|Fatal error|backtrace|stack trace", response.text, re.IGNORECASE)
        assert "Strict-Transport-Security" not in response.headers  # plain-http BASE_URL
    finally:
        running.stop()


def test_links_in_emails_come_from_base_url_never_from_the_host_header(scratch):
    """Password-reset poisoning: a request sent with a forged Host must not get links to that host
    into the email (here written to the log, as no SMTP_URL is set)."""
    running = start_server(scratch / "data")
    try:
        session = requests.Session()
        page = session.get(running.base_url + "/account/register", timeout=10).text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        # The cookie is sent by hand: a client's cookie jar matches it to the Host it was given.
        response = requests.post(running.base_url + "/account/register", timeout=30, allow_redirects=False,
                                 headers={"Host": "evil.example", "Cookie": "fd_csrf=" + session.cookies["fd_csrf"]},
                                 data={"csrf_token": token, "name": "Ann Jones", "email": "ann@example.com",
                                       "password": "correct horse battery staple"})
        assert response.status_code == 303, response.text[:500]
        deadline = time.monotonic() + 30
        while "confirm-email?token=" not in running.output() and time.monotonic() < deadline:
            time.sleep(0.2)
        output = running.output()
        assert running.base_url + "/account/confirm-email?token=" in output, output[-2000:]
        assert "evil.example" not in output.split("Email not sent")[-1]
    finally:
        running.stop()


def _raw_exchange(server, payload, timeout=10):
    """Sends bytes as they are (no HTTP library would send a bad request) and reads until the server closes."""
    import socket
    from urllib.parse import urlparse
    address = urlparse(server.base_url)
    with socket.create_connection((address.hostname, address.port), timeout=timeout) as connection:
        connection.sendall(payload)
        received = b""
        while True:
            chunk = connection.recv(4096)
            if not chunk:
                return received
            received += chunk


def test_a_request_the_http_parser_rejects_gets_400_and_the_connection_closes(server):
    """A control character in a header, or a request line that is not HTTP, once left the connection open and unanswered."""
    for payload in (b"GET /health/live HTTP/1.1\r\nHost: x\r\nX-Note: a\x01b\r\n\r\n", b"NOT HTTP AT ALL\r\n\r\n"):
        answer = _raw_exchange(server, payload)  # a socket timeout here means the server never answered
        assert answer.startswith(b"HTTP/1.1 400 "), (payload, answer[:100])
    assert requests.get(server.base_url + "/health/live", timeout=10).status_code == 200, "the server still answers others"
