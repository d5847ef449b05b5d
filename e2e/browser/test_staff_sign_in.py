"""Staff sign-in in a real browser, with JavaScript as the user has it: every state of the
journey is axe-clean, and the journey itself works."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from axe import audit, describe
from conftest import click_and_wait_for_page, make_driver, quit_driver, start_server


def assert_axe_clean(driver, what: str):
    result = audit(driver)
    assert result["violations"] == [], f"{what}:\n{describe(result['violations'])}"


@pytest.mark.parametrize("javascript", [True, False])
def test_staff_sign_in_journey_is_accessible_and_works(server, javascript):
    browser = make_driver(javascript=javascript)
    try:
        browser.get(server.base_url + "/staff")
        assert browser.current_url.startswith(server.base_url + "/staff/sign-in")
        if javascript:
            assert_axe_clean(browser, "sign-in page")

        click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "button.fd-button"))
        summary = browser.find_element(By.CSS_SELECTOR, ".fd-error-summary")
        assert "Enter your email address" in summary.text
        assert "Enter your password" in summary.text
        assert browser.title.startswith("Error: ")
        if javascript:
            assert_axe_clean(browser, "sign-in page with errors")

        browser.find_element(By.ID, "email").send_keys("advisor@kingsmere.example")
        browser.find_element(By.ID, "password").send_keys("frontdoor-demo")
        click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "button.fd-button"))
        assert browser.current_url == server.base_url + "/staff"
        assert "Signed in as Sam Patel" in browser.find_element(By.TAG_NAME, "h1").text
        if javascript:
            assert_axe_clean(browser, "staff home")

        click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "button.fd-button--secondary"))
        assert "You have signed out" in browser.find_element(By.CSS_SELECTOR, ".fd-notification-banner").text
        if javascript:
            assert_axe_clean(browser, "signed-out page")
        browser.get(server.base_url + "/staff")
        assert browser.current_url.startswith(server.base_url + "/staff/sign-in")
    finally:
        quit_driver(browser)


def test_the_error_summary_links_move_focus_to_the_field(server):
    browser = make_driver()
    try:
        browser.get(server.base_url + "/staff/sign-in")
        click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "button.fd-button"))
        browser.find_element(By.CSS_SELECTOR, ".fd-error-summary a[href='#password']").click()
        assert browser.switch_to.active_element.get_attribute("id") == "password"
    finally:
        quit_driver(browser)


def totp(secret: str, at: float) -> str:
    """RFC 6238 as an authenticator app computes it (HMAC-SHA1, 30 s, 6 digits). FrontDoor's
    setup key is used as the key's bytes, exactly as the otpauth link hands it to the app."""
    import hashlib
    import hmac
    import struct

    digest = hmac.new(secret.encode("ascii"), struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def test_an_administrator_sets_up_two_factor_sign_in_and_reads_the_audit_trail(tmp_path):
    import time

    running = start_server(tmp_path / "data")  # a server of its own: enrolment changes the demo admin
    browser = make_driver()
    try:
        browser.get(running.base_url + "/staff/sign-in")
        browser.find_element(By.ID, "email").send_keys("admin@kingsmere.example")
        browser.find_element(By.ID, "password").send_keys("frontdoor-demo")
        click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "button.fd-button"))
        assert browser.find_element(By.TAG_NAME, "h1").text == "Set up two-factor sign-in"
        assert_axe_clean(browser, "two-factor setup page")

        key = browser.find_element(By.CSS_SELECTOR, ".fd-setup-key").text.replace(" ", "")
        browser.find_element(By.ID, "code").send_keys(totp(key, time.time()))
        click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "button.fd-button"))
        assert browser.find_element(By.TAG_NAME, "h1").text == "Save your recovery codes"
        assert len(browser.find_elements(By.CSS_SELECTOR, ".fd-recovery-codes code")) == 10
        assert_axe_clean(browser, "recovery codes page")

        click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "a.fd-button"))
        assert "Signed in as Alex Morgan" in browser.find_element(By.TAG_NAME, "h1").text

        click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "Audit trail"))
        assert "Two-factor sign-in set up" in browser.find_element(By.TAG_NAME, "table").text
        assert_axe_clean(browser, "audit trail")
    finally:
        quit_driver(browser)
        running.stop()


def sign_in_as_advisor(browser, server):
    browser.get(server.base_url + "/staff/sign-in")
    browser.find_element(By.ID, "email").send_keys("advisor@kingsmere.example")
    browser.find_element(By.ID, "password").send_keys("frontdoor-demo")
    click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "main form button.fd-button"))


def test_an_advisor_finds_a_customer_and_reads_their_record_without_javascript(server):
    """axe needs JavaScript, so these pages are audited by the live-search test below."""
    browser = make_driver(javascript=False)
    try:
        sign_in_as_advisor(browser, server)
        click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "Find a customer"))
        browser.find_element(By.ID, "q").send_keys("01632 960 417")
        click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "main form button.fd-button"))
        assert "1 customer matches" in browser.find_element(By.TAG_NAME, "main").text
        click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "Margaret Okafor"))
        assert browser.find_element(By.TAG_NAME, "h1").text == "Margaret Okafor"
        assert "Large print" in browser.find_element(By.CSS_SELECTOR, ".fd-inset-text").text
        browser.get(server.base_url + "/staff")
        click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "Services"))
        assert "Report a missed bin collection" in browser.find_element(By.TAG_NAME, "main").text
    finally:
        quit_driver(browser)


def test_results_appear_as_the_advisor_types(server):
    browser = make_driver()
    try:
        sign_in_as_advisor(browser, server)
        browser.get(server.base_url + "/staff/customers")
        assert_axe_clean(browser, "find a customer")
        box = browser.find_element(By.ID, "q")
        for key in "okaf":
            box.send_keys(key)
        # Each pause in typing may fetch; the last word typed is the one that stays.
        WebDriverWait(browser, 10).until(
            lambda b: "Margaret Okafor" in b.find_element(By.ID, "customer-results").text
            and b.current_url.endswith("/staff/customers?q=okaf"),
            "results for what was typed should appear without pressing Find, and the address should follow")
        assert browser.find_element(By.ID, "q").get_attribute("value") == "okaf", "what was typed stays in the box"
        assert_axe_clean(browser, "find a customer, results as you type")
        click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "Margaret Okafor"))
        assert browser.find_element(By.TAG_NAME, "h1").text == "Margaret Okafor"
        assert_axe_clean(browser, "customer record")
        browser.get(server.base_url + "/staff/contacts")
        assert_axe_clean(browser, "unknown callers")
        click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "main form button.fd-button"))
        assert "Select how the contact ended" in browser.find_element(By.TAG_NAME, "main").text
        assert_axe_clean(browser, "unknown callers, with errors")
        browser.get(server.base_url + "/staff/services")
        assert_axe_clean(browser, "service catalogue")
    finally:
        quit_driver(browser)

