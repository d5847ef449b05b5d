"""Bad configuration stops FrontDoor with one clear line naming what to fix, a non-zero exit,
and nothing written."""
import re
import socket

import pytest

from conftest import base_env, free_port, run_frontdoor


def assert_refused_naming(result, variable: str):
    assert result.returncode != 0, result.stdout + result.stderr
    assert len(result.stderr_lines) == 1, f"expected one line, got: {result.stderr!r}"
    assert re.search(rf"(?<![A-Z_]){variable}(?![A-Z_])", result.stderr_lines[0]), result.stderr_lines[0]


@pytest.mark.parametrize("variable,value", [
    ("PORT", "eighty"),
    ("PORT", "70000"),
    ("LOG_FORMAT", "xml"),
    ("LOG_LEVEL", "loud"),
    ("FRONTDOOR_ENV", "staging"),
    ("DATABASE_URL", "mysql://db.internal/frontdoor"),
    ("BASE_URL", "not a url"),
    ("DATABASE_POOL_SIZE", "none"),
    ("DATABASE_POOL_SIZE", "0"),
    ("SESSION_SECRET", "too-short-to-sign-anything"),
    ("JOB_LEASE_SECONDS", "soon"),
])
def test_a_bad_setting_is_named_and_nothing_is_written(scratch, variable, value):
    data_dir = scratch / "data"
    result = run_frontdoor(["serve"], base_env(data_dir, **{variable: value}), timeout=60)
    assert_refused_naming(result, variable)
    assert not data_dir.exists(), "nothing may be written when the configuration is bad"


def test_production_without_a_session_secret_is_refused(scratch):
    data_dir = scratch / "data"
    result = run_frontdoor(["serve"], base_env(data_dir, FRONTDOOR_ENV="production"), timeout=60)
    assert_refused_naming(result, "SESSION_SECRET")
    assert not data_dir.exists(), "nothing may be written when the configuration is bad"


def test_an_unreachable_postgresql_is_named(scratch):
    result = run_frontdoor(["serve"], base_env(scratch / "data", DATABASE_URL=f"postgres://nobody@127.0.0.1:{free_port()}/frontdoor"))
    assert_refused_naming(result, "DATABASE_URL")
    assert "cannot connect" in result.stderr


def test_an_unwritable_data_folder_is_named(scratch):
    blocker = scratch / "a-file"
    blocker.write_text("not a folder")
    result = run_frontdoor(["serve"], base_env(blocker / "data"))
    assert_refused_naming(result, "DATA_DIR")


def test_a_port_in_use_is_named_and_the_database_is_left_untouched(scratch):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        data_dir = scratch / "data"
        result = run_frontdoor(["serve"], base_env(data_dir, PORT=str(port)))
    assert_refused_naming(result, "PORT")
    assert not (data_dir / "frontdoor.sqlite").exists(), "the port is checked before anything is migrated"


def test_migrate_against_an_unreachable_database_fails_cleanly(scratch):
    result = run_frontdoor(["migrate"], base_env(scratch / "data", DATABASE_URL=f"postgres://nobody@127.0.0.1:{free_port()}/x"))
    assert_refused_naming(result, "DATABASE_URL")
