"""Notification wording in a real browser: a manager previews a text message (with its length),
is told about a placeholder the message cannot use, saves, and goes back to the default. Every
state of the pages is axe-clean."""
import pytest
from selenium.webdriver.common.by import By

from axe import audit, describe
from conftest import click_and_wait_for_page, make_driver, quit_driver, start_server
from test_service_administration import sign_in_as_manager


def assert_axe_clean(driver, what: str):
    result = audit(driver)
    assert result["violations"] == [], f"{what}:\n{describe(result['violations'])}"


@pytest.fixture
def own_server(tmp_path):
    running = start_server(tmp_path / "data")
    yield running
    running.stop()


def press(browser, text: str):
    click_and_wait_for_page(browser, browser.find_element(By.XPATH, f"//main//button[normalize-space()='{text}']"))


def test_a_manager_changes_a_text_message_and_puts_it_back(own_server):
    browser = make_driver()
    try:
        sign_in_as_manager(browser, own_server)
        browser.get(own_server.base_url + "/staff")
        click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "Notifications"))
        assert_axe_clean(browser, "notifications list")
        click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "a[href='/staff/notifications/case-received/sms']"))
        main = browser.find_element(By.TAG_NAME, "main").text
        assert "This is the default wording." in main and "1 text message" in main
        assert_axe_clean(browser, "text message wording")

        body = browser.find_element(By.ID, "body")
        body.clear()
        body.send_keys("Hello ((name)), your ((pet)) is ready")
        press(browser, "Preview")
        assert "((pet)) is not available in this message" in browser.find_element(By.CSS_SELECTOR, ".fd-error-summary").text
        assert browser.title.startswith("Error: ")
        assert_axe_clean(browser, "text message wording with an error")

        body = browser.find_element(By.ID, "body")
        body.clear()
        body.send_keys("Hello ((name)): ((reference)) is with ((council)).")
        press(browser, "Preview")
        preview = browser.find_element(By.CSS_SELECTOR, ".fd-message-preview").text
        assert preview == "Hello Margaret Okafor: FD-2026-000123 is with Kingsmere Borough Council.", preview
        assert_axe_clean(browser, "text message preview")
        press(browser, "Save")
        assert "The message has been saved" in browser.find_element(By.CSS_SELECTOR, ".fd-notification-banner").text
        assert "Changed by Jo Evans." in browser.find_element(By.TAG_NAME, "main").text
        assert_axe_clean(browser, "text message wording saved")

        press(browser, "Use the default wording")
        assert "back to the default wording" in browser.find_element(By.CSS_SELECTOR, ".fd-notification-banner").text
        click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "All notifications"))
        click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "a[href='/staff/notifications/case-resolved/email']"))
        assert "Your request FD-2026-000123 is resolved" in browser.find_element(By.CSS_SELECTOR, ".fd-message-preview").text
        assert_axe_clean(browser, "email wording")
    finally:
        quit_driver(browser)
