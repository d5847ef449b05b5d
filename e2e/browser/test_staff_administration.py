"""Staff administration in a real browser, with the invitation sent through a real SMTP server:
an administrator adds a team, invites a member of staff, changes a role and the two-factor
switch; the invited person accepts. Every page on the way is axe-clean."""
import re

import pytest
from selenium.webdriver.common.by import By

from axe import audit, describe
from conftest import click_and_wait_for_page, make_driver, quit_driver, start_server
from page_actions import sign_in_first_time_as_administrator


def assert_axe_clean(driver, what: str):
    result = audit(driver)
    assert result["violations"] == [], f"{what}:\n{describe(result['violations'])}"


def submit(browser):
    click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "main form button.fd-button"))


@pytest.fixture
def mail_server(tmp_path, mail_sink):
    running = start_server(tmp_path / "data", SMTP_URL=mail_sink.url, MAIL_FROM="noreply@kingsmere.example")
    yield running
    running.stop()


def test_an_administrator_runs_the_staff_and_an_invited_person_joins(mail_server, mail_sink):
    browser = make_driver()
    try:
        base = mail_server.base_url
        sign_in_first_time_as_administrator(browser, base)
        click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "a.fd-button"))

        click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "Teams"))
        assert_axe_clean(browser, "teams page")
        submit(browser)
        assert "Enter a team name" in browser.find_element(By.CSS_SELECTOR, ".fd-error-summary").text
        assert_axe_clean(browser, "teams page with errors")
        browser.find_element(By.ID, "name").send_keys("Trading standards")
        submit(browser)
        assert "Trading standards" in browser.find_element(By.TAG_NAME, "main").text

        browser.get(base + "/staff")
        click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "Staff and invitations"))
        assert_axe_clean(browser, "staff list")
        click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "Invite someone"))
        assert_axe_clean(browser, "invite page")
        submit(browser)
        assert "Select their role" in browser.find_element(By.CSS_SELECTOR, ".fd-error-summary").text
        assert_axe_clean(browser, "invite page with errors")
        browser.find_element(By.ID, "name").send_keys("Priya Shah")
        browser.find_element(By.ID, "email").send_keys("priya.shah@kingsmere.example")
        browser.find_element(By.CSS_SELECTOR, "label[for='role-2']").click()  # Back-office officer
        browser.find_element(By.CSS_SELECTOR, "label[for='teams']").click()
        submit(browser)
        assert "Invitation sent" in browser.find_element(By.CSS_SELECTOR, ".fd-notification-banner").text
        assert_axe_clean(browser, "staff list with a pending invitation")

        click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "a[href^='/staff/people/'][href*='-']"))
        assert_axe_clean(browser, "change role page")
        browser.get(base + "/staff/settings")
        assert_axe_clean(browser, "council settings")
        browser.find_element(By.CSS_SELECTOR, "label[for='two_factor']").click()
        submit(browser)
        assert "Settings saved" in browser.find_element(By.CSS_SELECTOR, ".fd-notification-banner").text

        # Working days and case rules.
        browser.get(base + "/staff/calendar")
        assert_axe_clean(browser, "working days and case rules")
        cut_off = browser.find_element(By.ID, "cut-off")
        cut_off.clear()
        cut_off.send_keys("5pm")
        click_and_wait_for_page(browser, browser.find_element(By.XPATH, "//main//button[normalize-space()='Save the rules']"))
        assert "The cut-off must be a time of day" in browser.find_element(By.CSS_SELECTOR, ".fd-error-summary").text
        assert_axe_clean(browser, "case rules with an error")
        browser.find_element(By.ID, "closure").send_keys("29")
        browser.find_element(By.ID, "closure-month").send_keys("12")
        browser.find_element(By.ID, "closure-year").send_keys("2031")
        browser.find_element(By.ID, "reason").send_keys("Christmas closure")
        click_and_wait_for_page(browser, browser.find_element(By.XPATH, "//main//button[normalize-space()='Add the closure day']"))
        assert "Christmas closure" in browser.find_element(By.TAG_NAME, "main").text
        assert_axe_clean(browser, "working days with a closure day")

        # The complaints policy: a stage left without its days is refused; a three-stage policy is saved, with a warning.
        browser.get(base + "/staff/complaint-policy")
        assert_axe_clean(browser, "complaints policy")
        browser.find_element(By.ID, "corporate-stage-3-name").send_keys("Stage 3")
        click_and_wait_for_page(browser, browser.find_element(By.XPATH, "(//main//button[normalize-space()='Save the policy'])[1]"))
        assert "Enter stage 3's working days to respond" in browser.find_element(By.CSS_SELECTOR, ".fd-error-summary").text
        assert_axe_clean(browser, "complaints policy with an error")
        browser.find_element(By.ID, "corporate-stage-3-days").send_keys("25")
        click_and_wait_for_page(browser, browser.find_element(By.XPATH, "(//main//button[normalize-space()='Save the policy'])[1]"))
        assert "The policy has been saved" in browser.find_element(By.CSS_SELECTOR, ".fd-notification-banner").text
        assert "departs from the Ombudsmen's complaint handling code" in browser.find_element(By.TAG_NAME, "main").text
        assert_axe_clean(browser, "complaints policy departing from the code")

        # The invited person opens the link in a browser nobody is signed in to.
        browser.get(base + "/staff")
        click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "main form button.fd-button--secondary"))

        message = mail_sink.wait_for("priya.shah@kingsmere.example", "You have been invited")
        link = re.search(r"(https?://\S+?token=[A-Za-z0-9_-]+)", message.body).group(1)
        browser.get(link)
        assert browser.find_element(By.TAG_NAME, "h1").text == "Accept your invitation"
        assert "Back-office officer" in browser.find_element(By.TAG_NAME, "main").text
        assert_axe_clean(browser, "accept invitation page")
        browser.find_element(By.ID, "password").send_keys("priya's own passphrase")
        submit(browser)
        assert browser.current_url.startswith(base + "/staff/sign-in")
        assert "Your account is ready" in browser.find_element(By.CSS_SELECTOR, ".fd-notification-banner").text
    finally:
        quit_driver(browser)
