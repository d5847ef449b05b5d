"""The durable job queue survives its worker being killed half way through a batch: after a
restart every job has run, and each exactly once (its work and its completion commit together,
and a dead worker's jobs pass to the next worker when the lease runs out). On PostgreSQL two
server processes share the queue, and one of them is killed."""
import signal
import sqlite3
import subprocess
import time
from urllib.parse import urlsplit

import pytest

from conftest import base_env, run_frontdoor, start_server

JOBS = 300
LEASE = "2"


def queue_batch(env: dict) -> str:
    result = run_frontdoor(["queue-check", "--jobs", str(JOBS), "--work-ms", "25", "--wait", "0"], env)
    assert result.returncode == 0, result.stderr
    return result.stdout.split("(batch ")[1].split(")")[0]


class SQLiteCounts:
    def __init__(self, data_dir):
        self.path = data_dir / "frontdoor.sqlite"

    def query(self, sql: str, *args):
        with sqlite3.connect(self.path, timeout=30) as connection:
            return connection.execute(sql, args).fetchall()


class PostgresCounts:
    def __init__(self, url: str):
        parts = urlsplit(url)
        self.psql = ["psql", "-h", parts.hostname, "-p", str(parts.port or 5432), "-U", parts.username or "postgres",
                     "-d", parts.path.lstrip("/"), "-At", "-F", "|", "-c"]

    def query(self, sql: str, *args):
        for arg in args:
            sql = sql.replace("?", "'" + str(arg).replace("'", "''") + "'", 1)
        out = subprocess.run(self.psql + [sql], capture_output=True, text=True, timeout=30, check=True).stdout
        return [tuple(int(v) if v.lstrip("-").isdigit() else v for v in line.split("|")) for line in out.splitlines() if line]


def marks(db, batch: str) -> int:
    return db.query("SELECT COUNT(*) FROM job_check_marks WHERE batch = ?", batch)[0][0]


def states(db) -> dict:
    return {state: count for state, count in db.query("SELECT state, COUNT(*) FROM jobs WHERE kind = 'queue-check' GROUP BY state")}


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def kill_mid_batch_and_finish(servers: list, restart, db, env: dict):
    batch = queue_batch(env)
    wait_for(lambda: marks(db, batch) >= JOBS // 5, 60, "the workers to get going")
    victim = servers[0]
    victim.process.send_signal(signal.SIGKILL)
    victim.process.wait(timeout=15)
    victim.stop()
    done_at_kill = marks(db, batch)
    assert done_at_kill < JOBS, "the batch must still be running when the worker dies"
    servers[0] = restart()
    wait_for(lambda: marks(db, batch) >= JOBS and states(db).get("succeeded", 0) >= JOBS, 120, "the batch to finish after the restart")
    # Exactly once: one mark per job (the mark's key is the job's id), one succeeded job per mark,
    # nothing left queued, running or dead.
    assert marks(db, batch) == JOBS
    assert states(db) == {"succeeded": JOBS}
    assert db.query("SELECT COUNT(DISTINCT job_id) FROM job_check_marks WHERE batch = ?", batch)[0][0] == JOBS
    # Some jobs were in the dead worker's hands and ran again elsewhere (attempt 2): proof the kill bit.
    assert db.query("SELECT COUNT(*) FROM jobs WHERE kind = 'queue-check' AND attempts > 1")[0][0] >= 1


def test_a_killed_worker_loses_nothing_and_repeats_nothing_on_sqlite(scratch):
    data = scratch / "data"
    servers = [start_server(data, JOB_LEASE_SECONDS=LEASE)]
    try:
        kill_mid_batch_and_finish(servers, lambda: start_server(data, JOB_LEASE_SECONDS=LEASE), SQLiteCounts(data),
                                  base_env(data))
    finally:
        for server in servers:
            server.stop()


def test_two_processes_share_the_queue_and_survive_one_being_killed_on_postgres(scratch, postgres_url):
    servers = [start_server(scratch / f"data-{n}", DATABASE_URL=postgres_url, JOB_LEASE_SECONDS=LEASE) for n in (1, 2)]
    try:
        db = PostgresCounts(postgres_url)
        kill_mid_batch_and_finish(
            servers, lambda: start_server(scratch / "data-1", DATABASE_URL=postgres_url, JOB_LEASE_SECONDS=LEASE), db,
            base_env(scratch / "data-1", DATABASE_URL=postgres_url))
        ran_on = db.query("SELECT COUNT(DISTINCT claimed_by) FROM jobs WHERE kind = 'queue-check'")[0][0]
        assert ran_on >= 2, "both processes' workers took jobs"
    finally:
        for server in servers:
            server.stop()
