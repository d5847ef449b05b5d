"""What a person does on a page, for the browser suites: press a button by its words, follow a
link, type into a box, tick by the label, read the page; and the axe check every page gets."""
from selenium.webdriver.common.by import By

import time

from axe import audit, describe
from conftest import click_and_wait_for_page
from test_staff_sign_in import totp


def assert_axe_clean(driver, what: str):
    result = audit(driver)
    assert result["violations"] == [], f"{what}:\n{describe(result['violations'])}"


def submit(browser):
    """Sends the page's form with its first submit button ("Continue"); a location question's
    "Use my current location" is a plain button inside the form, and sends nothing."""
    click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "main form button.fd-button:not([type='button'])"))


def press(browser, text: str):
    """Clicks the button in the page's main content with this text ("Find address", "Import")."""
    click_and_wait_for_page(browser, browser.find_element(By.XPATH, f"//main//form//button[normalize-space()='{text}']"))


def follow(browser, text: str):
    click_and_wait_for_page(browser, browser.find_element(By.XPATH, f"//main//a[normalize-space()='{text}']"))


def main_text(browser) -> str:
    return browser.find_element(By.TAG_NAME, "main").text


def heading(browser) -> str:
    return browser.find_element(By.TAG_NAME, "h1").text


def type_into(browser, element_id: str, text: str):
    box = browser.find_element(By.ID, element_id)
    box.clear()
    box.send_keys(text)


def tick(browser, element_id: str):
    """Selects a radio or checkbox the way a person does: by its label (the input itself is
    hidden under the GOV.UK-style control)."""
    browser.find_element(By.CSS_SELECTOR, f"label[for='{element_id}']").click()


def sign_in_first_time_as_administrator(browser, base: str):
    """The demo administrator's first sign-in on a fresh server: the password, then two-factor
    set up with the key the page shows (the recovery codes page is left showing)."""
    browser.get(base + "/staff/sign-in")
    browser.find_element(By.ID, "email").send_keys("admin@kingsmere.example")
    browser.find_element(By.ID, "password").send_keys("frontdoor-demo")
    click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "main form button.fd-button"))
    key = browser.find_element(By.CSS_SELECTOR, ".fd-setup-key").text.replace(" ", "")
    browser.find_element(By.ID, "code").send_keys(totp(key, time.time()))
    click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "main form button.fd-button"))

