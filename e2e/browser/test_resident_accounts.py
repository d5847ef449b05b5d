"""A resident's account in a real browser, with mail through a real SMTP server: register,
confirm the address from the email, sign in, keep their details, reset a forgotten password.
Every page on the way is axe-clean, and the journey works with JavaScript on and off."""
import re

import pytest
from selenium.webdriver.common.by import By

from axe import audit, describe
from conftest import click_and_wait_for_page, make_driver, quit_driver, start_server


def assert_axe_clean(driver, what: str):
    result = audit(driver)
    assert result["violations"] == [], f"{what}:\n{describe(result['violations'])}"


def link_in(body: str) -> str:
    match = re.search(r"(https?://\S+?token=[A-Za-z0-9_-]+)", body)
    assert match, f"no link in the email:\n{body}"
    return match.group(1)


def submit(browser):
    click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "main form button.fd-button"))


def fill(browser, **fields):
    for field_id, value in fields.items():
        element = browser.find_element(By.ID, field_id)
        element.clear()
        element.send_keys(value)


@pytest.fixture
def mail_server(tmp_path, mail_sink):
    """A FrontDoor of its own on SQLite, sending mail to the sink."""
    running = start_server(tmp_path / "data", SMTP_URL=mail_sink.url, MAIL_FROM="noreply@kingsmere.example")
    yield running
    running.stop()


@pytest.mark.parametrize("javascript", [True, False])
def test_register_confirm_sign_in_and_keep_details(mail_server, mail_sink, javascript):
    email = f"ann.{'js' if javascript else 'nojs'}@example.com"
    browser = make_driver(javascript=javascript)
    try:
        browser.get(mail_server.base_url + "/")
        click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "create an account"))
        assert browser.find_element(By.TAG_NAME, "h1").text == "Create an account"
        if javascript:
            assert_axe_clean(browser, "register page")

        submit(browser)
        summary = browser.find_element(By.CSS_SELECTOR, ".fd-error-summary").text
        assert "Enter your full name" in summary and "Enter a password" in summary
        if javascript:
            assert_axe_clean(browser, "register page with errors")

        fill(browser, name="Ann Jones", email=email, password="correct horse battery staple")
        browser.find_element(By.CSS_SELECTOR, "label[for='consents']").click()
        submit(browser)
        assert browser.find_element(By.TAG_NAME, "h1").text == "Check your email"
        if javascript:
            assert_axe_clean(browser, "check your email")

        message = mail_sink.wait_for(email, "Confirm your email address")
        assert message.sender == "noreply@kingsmere.example"
        assert "Hello Ann Jones" in message.body
        browser.get(link_in(message.body))
        assert browser.find_element(By.TAG_NAME, "h1").text == "Confirm your email address"
        if javascript:
            assert_axe_clean(browser, "confirm link page")
        submit(browser)
        assert "Your email address is confirmed" in browser.find_element(By.CSS_SELECTOR, ".fd-notification-banner").text
        if javascript:
            assert_axe_clean(browser, "sign-in page after confirming")

        fill(browser, email=email, password="correct horse battery staple")
        submit(browser)
        assert browser.current_url == mail_server.base_url + "/account"
        assert "Ann Jones" in browser.find_element(By.CSS_SELECTOR, ".fd-summary-list").text
        if javascript:
            assert_axe_clean(browser, "my account")

        click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "a[href='/account/details#address_line1']"))
        fill(browser, address_line1="1 High Street", address_town="Kingsmere", address_postcode="KM1")
        browser.find_element(By.CSS_SELECTOR, "label[for='preferred_channel-4']").click()  # Letter
        submit(browser)
        assert "Enter a real postcode" in browser.find_element(By.CSS_SELECTOR, ".fd-error-summary").text
        if javascript:
            assert_axe_clean(browser, "details page with errors")
        fill(browser, address_postcode="km1 1aa")
        browser.find_element(By.CSS_SELECTOR, "label[for='needs-3']").click()  # Large print
        submit(browser)
        page = browser.find_element(By.TAG_NAME, "main").text
        assert "Your details have been saved" in page and "KM1 1AA" in page and "Large print" in page and "Letter" in page
        if javascript:
            assert_axe_clean(browser, "my account after saving")

        click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "main form button.fd-button--secondary"))
        assert "You have signed out" in browser.find_element(By.CSS_SELECTOR, ".fd-notification-banner").text
    finally:
        quit_driver(browser)


def test_forgotten_password_through_a_real_email(mail_server, mail_sink):
    browser = make_driver()
    try:
        email = "bob@example.com"
        browser.get(mail_server.base_url + "/account/register")
        fill(browser, name="Bob Smith", email=email, password="first good password")
        submit(browser)
        browser.get(link_in(mail_sink.wait_for(email, "Confirm your email address").body))
        submit(browser)

        browser.get(mail_server.base_url + "/account/sign-in")
        click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "I have forgotten my password"))
        assert_axe_clean(browser, "forgotten password page")
        fill(browser, email=email)
        submit(browser)
        assert browser.find_element(By.TAG_NAME, "h1").text == "Check your email"

        link = link_in(mail_sink.wait_for(email, "Reset your password").body)
        browser.get(link)
        assert_axe_clean(browser, "choose a new password")
        fill(browser, password="second good password")
        submit(browser)
        assert "Your password has been changed" in browser.find_element(By.CSS_SELECTOR, ".fd-notification-banner").text
        mail_sink.wait_for(email, "Your password has changed")

        browser.get(link)
        assert browser.find_element(By.TAG_NAME, "h1").text == "This link has already been used"
        assert_axe_clean(browser, "used link page")

        browser.get(mail_server.base_url + "/account/sign-in")
        fill(browser, email=email, password="second good password")
        submit(browser)
        assert browser.current_url == mail_server.base_url + "/account"
    finally:
        quit_driver(browser)
