"""Staff sign-in in a real browser, with JavaScript as the user has it: every state of the
journey is axe-clean, and the journey itself works."""
import pytest
from selenium.webdriver.common.by import By

from axe import audit, describe
from conftest import make_driver


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

        browser.find_element(By.CSS_SELECTOR, "button.fd-button").click()
        summary = browser.find_element(By.CSS_SELECTOR, ".fd-error-summary")
        assert "Enter your email address" in summary.text
        assert "Enter your password" in summary.text
        assert browser.title.startswith("Error: ")
        if javascript:
            assert_axe_clean(browser, "sign-in page with errors")

        browser.find_element(By.ID, "email").send_keys("advisor@kingsmere.example")
        browser.find_element(By.ID, "password").send_keys("frontdoor-demo")
        browser.find_element(By.CSS_SELECTOR, "button.fd-button").click()
        assert browser.current_url == server.base_url + "/staff"
        assert "Signed in as Sam Patel" in browser.find_element(By.TAG_NAME, "h1").text
        if javascript:
            assert_axe_clean(browser, "staff home")

        browser.find_element(By.CSS_SELECTOR, "button.fd-button--secondary").click()
        assert "You have signed out" in browser.find_element(By.CSS_SELECTOR, ".fd-notification-banner").text
        if javascript:
            assert_axe_clean(browser, "signed-out page")
        browser.get(server.base_url + "/staff")
        assert browser.current_url.startswith(server.base_url + "/staff/sign-in")
    finally:
        browser.quit()


def test_the_error_summary_links_move_focus_to_the_field(server):
    browser = make_driver()
    try:
        browser.get(server.base_url + "/staff/sign-in")
        browser.find_element(By.CSS_SELECTOR, "button.fd-button").click()
        browser.find_element(By.CSS_SELECTOR, ".fd-error-summary a[href='#password']").click()
        assert browser.switch_to.active_element.get_attribute("id") == "password"
    finally:
        browser.quit()
