"""Where FrontDoor keeps its data, how it starts on a prepared database, how it reports a
database that goes away, and how it stops."""
import signal
import subprocess
import time
from urllib.parse import urlsplit

import requests

from conftest import base_env, run_frontdoor, start_server


def test_without_data_dir_the_database_goes_in_a_data_folder_under_the_current_directory(scratch):
    env = base_env(scratch / "unused")
    del env["DATA_DIR"]
    result = run_frontdoor(["migrate"], env, cwd=scratch)
    assert result.returncode == 0, result.stderr
    assert (scratch / "data" / "frontdoor.sqlite").is_file()
    assert not (scratch / "unused").exists()


def test_a_sqlite_database_url_with_a_relative_path_puts_the_database_there(scratch):
    result = run_frontdoor(["migrate"], base_env(scratch / "data", DATABASE_URL="sqlite:elsewhere.sqlite"), cwd=scratch)
    assert result.returncode == 0, result.stderr
    assert (scratch / "elsewhere.sqlite").is_file()
    assert not (scratch / "data" / "frontdoor.sqlite").exists()


def test_a_sqlite_database_url_with_an_absolute_path_puts_the_database_there(scratch):
    target = scratch / "absolute" / "council.sqlite"
    target.parent.mkdir()
    result = run_frontdoor(["migrate"], base_env(scratch / "data", DATABASE_URL=f"sqlite://{target}"))
    assert result.returncode == 0, result.stderr
    assert target.is_file()


def test_migrate_then_serve_without_demo_shows_no_council_and_no_error(scratch):
    env_dir = scratch / "data"
    migrated = run_frontdoor(["migrate"], base_env(env_dir))
    assert migrated.returncode == 0, migrated.stderr
    running = start_server(env_dir, args=("serve", "--no-demo"))
    try:
        response = requests.get(running.base_url + "/", timeout=10)
        assert response.status_code < 500, response.text
        assert "Kingsmere" not in response.text
    finally:
        running.stop()
    assert "admin@kingsmere.example" not in running.output(), "no demo sign-ins without the demo"


def test_seeded_demo_data_is_kept_and_served_after_a_restart_without_demo(scratch):
    data_dir = scratch / "data"
    assert run_frontdoor(["seed-demo"], base_env(data_dir)).returncode == 0
    running = start_server(data_dir, args=("serve", "--no-demo"))
    try:
        assert "Kingsmere Borough Council" in requests.get(running.base_url + "/", timeout=10).text
    finally:
        running.stop()


def test_development_generates_a_session_secret_and_keeps_it_in_the_data_folder(server):
    secret_file = server.data_dir / "session-secret"
    assert secret_file.is_file()
    assert len(secret_file.read_text().strip()) >= 32


def test_the_session_secret_survives_a_restart(scratch):
    data_dir = scratch / "data"
    first = start_server(data_dir)
    first.stop()
    secret = (data_dir / "session-secret").read_text()
    second = start_server(data_dir)
    second.stop()
    assert (data_dir / "session-secret").read_text() == secret


def test_sigint_stops_the_server_gracefully(scratch):
    running = start_server(scratch / "data")
    started = time.monotonic()
    assert running.stop(timeout=15, sig=signal.SIGINT) == 0, running.output()
    assert time.monotonic() - started < 15


def test_readiness_fails_and_liveness_holds_when_the_database_goes_away(scratch, postgres_url):
    running = start_server(scratch / "data", DATABASE_URL=postgres_url)
    try:
        assert requests.get(running.base_url + "/health/ready", timeout=10).status_code == 200
        parts = urlsplit(postgres_url)
        dropped = subprocess.run(
            ["psql", "-h", parts.hostname, "-p", str(parts.port), "-U", parts.username, "-d", "postgres", "-q",
             "-c", f'DROP DATABASE "{parts.path.lstrip("/")}" WITH (FORCE)'],
            capture_output=True, text=True, timeout=60)
        assert dropped.returncode == 0, dropped.stderr
        deadline = time.monotonic() + 30
        ready = None
        while time.monotonic() < deadline:
            ready = requests.get(running.base_url + "/health/ready", timeout=10)
            if ready.status_code == 503:
                break
            time.sleep(0.5)
        assert ready is not None and ready.status_code == 503, f"/health/ready still says {ready.status_code}"
        assert ready.headers["Content-Type"].startswith("application/json")
        assert ready.json()["status"] != "ok"
        live = requests.get(running.base_url + "/health/live", timeout=10)
        assert live.status_code == 200 and live.json() == {"status": "ok"}
    finally:
        running.stop()


def test_request_ids_differ_between_requests_and_are_on_error_pages_too(server):
    first = requests.get(server.base_url + "/", timeout=10).headers.get("X-Request-Id")
    second = requests.get(server.base_url + "/", timeout=10).headers.get("X-Request-Id")
    missing = requests.get(server.base_url + "/no-such-page", timeout=10).headers.get("X-Request-Id")
    assert first and second and missing
    assert len({first, second, missing}) == 3
