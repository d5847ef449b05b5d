"""The Webhooks page in administration, in a real browser: an administrator finds it from the
staff home, is told what is wrong with an endpoint they cannot have, adds one and is shown
its signing secret once, sees the delivery of an event caused through Open311 (received by a
real HTTP server in this process, and signed with that secret), and disables it, after which
nothing more is sent. Every state of the page is axe-clean."""
import hashlib
import hmac
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from axe import audit, describe
from page_actions import sign_in_first_time_as_administrator
from conftest import base_env, click_and_wait_for_page, make_driver, quit_driver, run_frontdoor, start_server

LAT, LONG = 52.212053, -0.991417  # inside Kingsmere


def assert_axe_clean(driver, what: str):
    result = audit(driver)
    assert result["violations"] == [], f"{what}:\n{describe(result['violations'])}"


class Receiver:
    """A back-office system: keeps each POST's headers and raw body, answers 200."""

    def __init__(self):
        self.received = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with receiver.lock:
                    receiver.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/events"

    def all(self) -> list:
        with self.lock:
            return list(self.received)

    def wait_for(self, count: int, timeout: float = 30) -> list:
        deadline = time.monotonic() + timeout
        while len(self.all()) < count and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(self.all()) >= count, f"{len(self.all())} of {count} deliveries within {timeout}s"
        return self.all()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def open311_report(server, api_key: str) -> str:
    """A report through Open311 (fly-tipping if offered), each required attribute answered; its reference."""
    base = server.base_url
    services = requests.get(base + "/open311/v2/services.json", timeout=30).json()
    service = sorted(services, key=lambda s: s["service_code"] != "fly-tipping")[0]
    code = service["service_code"]
    attributes = requests.get(f"{base}/open311/v2/services/{code}.json", timeout=30).json()["attributes"] \
        if service["metadata"] else []
    fields = [("api_key", api_key), ("service_code", code), ("lat", str(LAT)), ("long", str(LONG)),
              ("email", "zoe.angstrom@example.org"), ("first_name", "Zoë"), ("last_name", "Ångström"),
              ("description", "A mattress dumped by the gate of Willow Park.")]
    for attribute in (a for a in attributes if a["required"]):
        keys, name, datatype = [v["key"] for v in attribute["values"]], f"attribute[{attribute['code']}]", attribute["datatype"]
        if datatype == "multivaluelist":
            fields += [(name + "[]", key) for key in keys[:2]]
        elif datatype == "singlevaluelist":
            fields.append((name, keys[0]))
        else:
            fields.append((name, {"number": "3", "datetime": "2026-11-20"}.get(datatype, "By the gate")))
    created = requests.post(base + "/open311/v2/requests.json", data=fields, timeout=30)
    assert created.status_code == 201, f"{created.status_code}: {created.text[:2000]}"
    return created.json()[0]["service_request_id"]


def make_api_key(server) -> str:
    made = run_frontdoor(["api-key", "--label", "Test", "--council", "kingsmere"],
                         base_env(server.data_dir, BASE_URL=server.base_url), timeout=60)
    assert made.returncode == 0, made.stdout + made.stderr
    return made.stdout.strip().splitlines()[-1].strip()


def main_text(browser) -> str:
    return browser.find_element(By.TAG_NAME, "main").text


def table_rows(browser, caption: str) -> list:
    """The cell texts of each body row of the table with this caption."""
    tables = [t for t in browser.find_elements(By.CSS_SELECTOR, "main table")
              if t.find_element(By.TAG_NAME, "caption").text == caption]
    if not tables:
        return []
    return [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
            for row in tables[0].find_elements(By.CSS_SELECTOR, "tbody tr")]


def add_button(browser):
    return browser.find_element(By.XPATH, "//main//form//button[normalize-space()='Add the endpoint']")


@pytest.fixture
def webhook_server(tmp_path):
    running = start_server(tmp_path / "data")
    yield running
    running.stop()


def test_an_administrator_adds_watches_and_disables_a_webhook_endpoint(webhook_server):
    receiver = Receiver()
    browser = make_driver()
    try:
        base = webhook_server.base_url
        sign_in_first_time_as_administrator(browser, base)

        # The empty page, found from the staff home.
        browser.get(base + "/staff")
        click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "Webhooks"))
        assert browser.current_url == base + "/staff/webhooks"
        assert browser.find_element(By.TAG_NAME, "h1").text == "Webhooks"
        assert "No endpoints have been added." in main_text(browser)
        assert table_rows(browser, "Recent deliveries") == [] and not browser.find_elements(By.CSS_SELECTOR, ".fd-setup-key")
        assert_axe_clean(browser, "the empty Webhooks page")

        # An address that is not https (and not this machine), and no events.
        browser.find_element(By.ID, "url").send_keys("http://crm.kingsmere.example/frontdoor-events")
        click_and_wait_for_page(browser, add_button(browser))
        summary = browser.find_element(By.CSS_SELECTOR, ".fd-error-summary").text
        assert "The address must start with https://" in summary and "Select at least one event" in summary, summary
        assert browser.title.startswith("Error: "), browser.title
        assert browser.find_element(By.ID, "url").get_attribute("value") == "http://crm.kingsmere.example/frontdoor-events"
        assert "No endpoints have been added." in main_text(browser)
        assert_axe_clean(browser, "the Webhooks form with errors")
        browser.find_element(By.CSS_SELECTOR, ".fd-error-summary a[href='#url']").click()
        assert browser.switch_to.active_element.get_attribute("id") == "url"

        # The receiver in this process, for new cases.
        url_field = browser.find_element(By.ID, "url")
        url_field.clear()
        url_field.send_keys(receiver.url)
        browser.find_element(By.ID, "description").send_keys("Street scene system")
        checkbox = browser.find_element(By.CSS_SELECTOR, "input[name='events'][value='case.created']")
        browser.find_element(By.CSS_SELECTOR, f"label[for='{checkbox.get_attribute('id')}']").click()
        assert checkbox.is_selected()
        click_and_wait_for_page(browser, add_button(browser))
        assert "The endpoint has been added" in browser.find_element(By.CSS_SELECTOR, ".fd-notification-banner").text
        secret = browser.find_element(By.CSS_SELECTOR, "code.fd-setup-key").text
        assert re.fullmatch(r"whsec_[A-Za-z0-9_-]{20,}", secret), secret
        assert f"Signing secret for {receiver.url}" in main_text(browser)
        (endpoint,) = table_rows(browser, "Endpoints")
        assert endpoint[0] == receiver.url + "\nStreet scene system" and endpoint[1] == "case.created" \
            and endpoint[2] == "Live" and "by admin@kingsmere.example" in endpoint[3], endpoint
        assert not browser.find_elements(By.CSS_SELECTOR, ".fd-error-summary")
        assert_axe_clean(browser, "the Webhooks page with the new secret")

        # One event, through Open311: delivered, signed with the secret shown.
        reference = open311_report(webhook_server, make_api_key(webhook_server))
        ((headers, body),) = receiver.wait_for(1)
        assert headers["frontdoor-event"] == "case.created" and json.loads(body)["data"]["reference"] == reference
        t, v1 = re.fullmatch(r"t=(\d+),v1=([0-9a-f]{64})", headers["frontdoor-signature"]).groups()
        expected = hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
        assert hmac.compare_digest(expected, v1) and abs(time.time() - int(t)) < 300, headers
        browser.get(base + "/staff/webhooks")
        WebDriverWait(browser, 15).until(
            lambda b: any(row[2] == "Delivered" for row in table_rows(b, "Recent deliveries")) or b.refresh() or False)
        (delivery,) = table_rows(browser, "Recent deliveries")
        assert delivery[:5] == ["case.created", receiver.url, "Delivered", "1", "200"], delivery
        assert secret not in browser.page_source, "the signing secret is shown again"
        assert_axe_clean(browser, "the Webhooks page with a delivery")

        # Disabled: the log stays, nothing more is sent.
        click_and_wait_for_page(browser, browser.find_element(By.XPATH, "//main//button[starts-with(normalize-space(), 'Disable')]"))
        assert "The endpoint has been disabled" in browser.find_element(By.CSS_SELECTOR, ".fd-notification-banner").text
        (endpoint,) = table_rows(browser, "Endpoints")
        assert endpoint[2] == "Disabled", endpoint
        assert not browser.find_elements(By.XPATH, "//main//button[starts-with(normalize-space(), 'Disable')]")
        assert len(table_rows(browser, "Recent deliveries")) == 1
        assert_axe_clean(browser, "the Webhooks page with the endpoint disabled")
        open311_report(webhook_server, make_api_key(webhook_server))
        browser.refresh()
        assert len(table_rows(browser, "Recent deliveries")) == 1, "a delivery for a disabled endpoint"
        time.sleep(3)  # the queue polls every second
        assert len(receiver.all()) == 1, "an event was sent to a disabled endpoint"
    finally:
        quit_driver(browser)
        receiver.stop()
