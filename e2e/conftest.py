"""Fixtures shared by the system and browser suites: FrontDoor servers started as real
processes, fresh PostgreSQL databases, and a headless Chromium driven by Selenium."""
import os
import shutil
import signal
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import requests

FRONTDOOR_BIN = os.path.abspath(os.environ["FRONTDOOR_BIN"]) if os.environ.get("FRONTDOOR_BIN") else ""
# scripts/test points this at a folder where each running server leaves a pid file, so that
# servers are stopped even if pytest itself is killed.
RUN_DIR = os.environ.get("FRONTDOOR_TEST_RUN_DIR", "")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def base_env(data_dir: Path, **overrides: str) -> dict:
    """The environment FrontDoor runs with: a scratch data folder and nothing inherited that
    could change its behaviour."""
    env = {key: value for key, value in os.environ.items()
           if key not in {"DATABASE_URL", "PORT", "HOST", "BASE_URL", "DATA_DIR", "LOG_LEVEL", "LOG_FORMAT",
                          "SESSION_SECRET", "FRONTDOOR_ENV", "DATABASE_POOL_SIZE"}}
    env["DATA_DIR"] = str(data_dir)
    env.update(overrides)
    return env


@dataclass
class CommandResult:
    returncode: int
    stdout: str
    stderr: str

    @property
    def stderr_lines(self) -> list:
        return [line for line in self.stderr.splitlines() if line.strip()]


def run_frontdoor(args: list, env: dict, timeout: float = 120, input_text: str | None = None,
                  cwd: Path | None = None) -> CommandResult:
    """Runs one `frontdoor` command to completion and captures what it says."""
    assert FRONTDOOR_BIN, "FRONTDOOR_BIN must name the frontdoor binary (scripts/test sets it)"
    completed = subprocess.run([FRONTDOOR_BIN, *args], env=env, capture_output=True, text=True, cwd=cwd,
                               timeout=timeout, input=input_text if input_text is not None else "")
    return CommandResult(completed.returncode, completed.stdout, completed.stderr)


@dataclass
class RunningServer:
    process: subprocess.Popen
    base_url: str
    log_path: Path
    data_dir: Path
    extra: dict = field(default_factory=dict)

    def output(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self, timeout: float = 15, sig: int = signal.SIGTERM) -> int:
        try:
            if self.process.poll() is None:
                self.process.send_signal(sig)
                try:
                    self.process.wait(timeout=timeout)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()
                    raise AssertionError(f"FrontDoor did not stop within {timeout}s of {signal.Signals(sig).name}")
            return self.process.returncode
        finally:
            forget_pid(self.process.pid)


def pid_file(pid: int, kind: str) -> Path | None:
    return Path(RUN_DIR) / f"{kind}-{pid}.pid" if RUN_DIR else None


def remember_pid(pid: int, kind: str = "server") -> None:
    path = pid_file(pid, kind)
    if path is not None:
        path.write_text(str(pid))


def forget_pid(pid: int, kind: str = "server") -> None:
    path = pid_file(pid, kind)
    if path is not None:
        path.unlink(missing_ok=True)


def _interrupt_on_sigterm(signum, frame):
    # Turn SIGTERM into the same orderly stop as Ctrl+C, so fixtures tear down (servers get
    # SIGTERM, browsers quit) when scripts/test or CI stops pytest.
    raise KeyboardInterrupt(f"received {signal.Signals(signum).name}")


signal.signal(signal.SIGTERM, _interrupt_on_sigterm)


def start_server(data_dir: Path, args=("serve",), ready_timeout: float = 90, port: int | None = None,
                 **env_overrides: str) -> RunningServer:
    """Starts `frontdoor serve` on a free loopback port (or `port`) and waits until /health/ready answers 200."""
    assert FRONTDOOR_BIN, "FRONTDOOR_BIN must name the frontdoor binary (scripts/test sets it)"
    port = port or free_port()
    env = base_env(data_dir, PORT=str(port), HOST="127.0.0.1", BASE_URL=f"http://127.0.0.1:{port}", **env_overrides)
    data_dir.mkdir(parents=True, exist_ok=True)
    log_path = data_dir.parent / f"server-{port}.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen([FRONTDOOR_BIN, *args], env=env, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
    remember_pid(process.pid)
    server = RunningServer(process, f"http://127.0.0.1:{port}", log_path, data_dir)
    deadline = time.monotonic() + ready_timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            forget_pid(process.pid)
            raise AssertionError(f"FrontDoor exited with {process.returncode} before it was ready:\n{server.output()}")
        try:
            if requests.get(server.base_url + "/health/ready", timeout=2).status_code == 200:
                return server
        except requests.RequestException:
            pass
        time.sleep(0.25)
    server.stop()
    raise AssertionError(f"FrontDoor was not ready within {ready_timeout}s:\n{server.output()}")


@pytest.fixture
def scratch(tmp_path) -> Path:
    return tmp_path


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """One FrontDoor on SQLite with the demo council, shared by the tests that only read."""
    folder = tmp_path_factory.mktemp("frontdoor")
    running = start_server(folder / "data")
    yield running
    running.stop()


@pytest.fixture
def postgres_url():
    """A fresh, empty PostgreSQL database on the test server, dropped afterwards."""
    admin_url = os.environ.get("FRONTDOOR_TEST_POSTGRES_URL")
    if not admin_url:
        pytest.skip("FRONTDOOR_TEST_POSTGRES_URL is not set (scripts/test always sets it)")
    name = "fd_system_" + uuid.uuid4().hex[:12]
    parts = urlsplit(admin_url)
    psql = ["psql", "-h", parts.hostname, "-p", str(parts.port or 5432), "-U", parts.username or "postgres", "-d",
            parts.path.lstrip("/") or "postgres", "-q", "-c"]
    created = subprocess.run(psql + [f"CREATE DATABASE {name}"], capture_output=True, text=True, timeout=60)
    if created.returncode != 0:
        pytest.fail(f"could not create a test database on {admin_url}: {created.stderr.strip()}")
    yield urlunsplit((parts.scheme, parts.netloc, "/" + name, "", ""))
    subprocess.run(psql + [f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], capture_output=True)


def make_driver(javascript: bool = True, width: int = 1280, height: int = 900):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never try to download a browser
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", "--lang=en-GB"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    # chromedriver (and the Chromium it starts) gets a process group of its own, recorded in
    # RUN_DIR, so scripts/test can stop the whole browser even if pytest is killed.
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver",
                      popen_kw={"start_new_session": True})
    browser = webdriver.Chrome(service=service, options=options)
    browser.set_script_timeout(60)
    remember_pid(service.process.pid, kind="browser")
    return browser


def quit_driver(browser) -> None:
    pid = browser.service.process.pid
    try:
        browser.quit()
    finally:
        forget_pid(pid, kind="browser")


def click_and_wait_for_page(browser, element, timeout: float = 15) -> None:
    """Clicks something that loads a new page (a link, a form's submit button) and waits until
    the new page has replaced the old one: Selenium's click does not always wait for a form
    submission to finish, so reading the page straight after it races the server."""
    from selenium.webdriver.common.by import By
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    old_page = browser.find_element(By.TAG_NAME, "html")

    def old_page_is_gone(_):
        try:
            old_page.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            # Mid-navigation Chromium may report the old document's node this way instead of
            # as a stale element; it means the same thing.
            if "does not belong to the document" in str(error):
                return True
            raise

    def new_page_is_loaded(driver):
        try:
            return driver.execute_script("return document.readyState") == "complete"
        except WebDriverException:
            return False  # still navigating

    element.click()
    WebDriverWait(browser, timeout).until(old_page_is_gone)
    WebDriverWait(browser, timeout).until(new_page_is_loaded)


@pytest.fixture(scope="session")
def driver():
    """One headless Chromium (1280x900) shared by the browser suite."""
    browser = make_driver()
    yield browser
    quit_driver(browser)


@dataclass
class ReceivedEmail:
    sender: str
    recipients: list
    subject: str
    body: str


class MailSink:
    """A real SMTP server (aiosmtpd) on a free loopback port, keeping every message it is sent."""

    def __init__(self):
        import threading

        from aiosmtpd.controller import Controller

        self.received: list = []
        self._lock = threading.Lock()
        self.port = free_port()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's handler hook
        import email
        import email.policy

        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",))
        with self._lock:
            self.received.append(ReceivedEmail(envelope.mail_from, list(envelope.rcpt_tos), str(message["subject"]),
                                               body.get_content() if body else ""))
        return "250 Message accepted for delivery"

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def wait_for(self, recipient: str, subject_part: str, timeout: float = 30) -> ReceivedEmail:
        """The newest message to `recipient` whose subject contains `subject_part`, waiting for it to arrive."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                matches = [m for m in self.received if recipient in m.recipients and subject_part in m.subject]
            if matches:
                return matches[-1]
            time.sleep(0.2)
        raise AssertionError(f"no email to {recipient} about '{subject_part}' within {timeout}s; received: "
                             f"{[(m.recipients, m.subject) for m in self.received]}")

    def stop(self):
        self._controller.stop()


@pytest.fixture
def mail_sink():
    sink = MailSink()
    yield sink
    sink.stop()
