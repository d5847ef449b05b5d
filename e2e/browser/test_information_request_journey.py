"""A Freedom of Information request end to end in a real browser, on SQLite and PostgreSQL alike:
a resident asks for information online; the information requests officer asks them to clarify
it (the clock stops), and the resident replies from My Account, which restarts the clock; the
officer records what is withheld under a qualified
exemption (after leaving out the public interest test once), answers, and publishes the answer
on the disclosure log (after forgetting the redaction confirmation once); an anonymous visitor
reads it there, without the requester's name; the resident sees the answer and cannot reopen it.
Every page state on the way is axe-clean."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import make_driver, quit_driver
from page_actions import assert_axe_clean, heading, main_text, press, submit, type_into
from test_resident_portal import (REFERENCE, assert_question, banner, choose, error_summary, no_audit, path_of,
                                  register_and_sign_in, status_tag, summary_rows)
# A journey server of its own (with its mail sink), on SQLite and PostgreSQL.
from test_resident_portal import database, journey_server  # noqa: F401  (fixtures, used by name)

FOI = "Make a freedom of information request"
INFORMATION_OFFICER = "information@kingsmere.example"

ASKED_FOR = "Your contracts for grass cutting: who holds them and what they cost."
CLARIFICATION_QUESTION = "Which years do you want, and do you mean parks, verges or both?"
CLARIFICATION = "2024 and 2025, parks and verges both."
WITHHELD = "The contractor's hourly rates"
PUBLIC_INTEREST = "Publishing the rates mid-tender would harm the council's position; the totals are released."
RESPONSE = ("Grass cutting in parks and verges is done by Kingsmere Grounds Ltd. The contract cost £184,000 in 2024 "
            "and £191,500 in 2025. We have withheld the hourly rates under section 43(2).")
PUBLISHED_REQUEST = "Who holds the council's grass cutting contracts for parks and verges in 2024 and 2025, and what do they cost?"


def section(browser) -> str:
    return browser.find_element(By.CSS_SELECTOR, "main section.fd-information-request").text


def assert_no_errors(browser, what: str):
    assert not browser.find_elements(By.CSS_SELECTOR, ".fd-error-summary"), f"{what} was refused: {error_summary(browser)}"


def case_saved(browser, what: str):
    assert_no_errors(browser, what)
    assert "The case has been updated" in banner(browser), f"{what}: no success banner"


def open_details(browser, summary_text: str, first_field: str):
    """Opens one of the case page's folded forms, as a person does, and waits for its first box."""
    browser.find_element(By.XPATH, f"//main//details[.//summary[normalize-space()='{summary_text}']]/summary").click()
    WebDriverWait(browser, 5).until(lambda b: b.find_element(By.ID, first_field).is_displayed(),
                                    f"clicking '{summary_text}' should show its form")


# The resident ----------------------------------------------------------------------------------

def ask_for_information(browser, server) -> str:
    browser.get(server.base_url + "/services/foi-request")
    assert heading(browser) == FOI
    press(browser, "Start now")
    assert_question(browser, server, "What information do you want?", FOI, "information")
    assert_axe_clean(browser, "FOI question")
    type_into(browser, "information", ASKED_FOR)
    submit(browser)
    assert_question(browser, server, "How would you like to receive it?", FOI, "format")
    choose(browser, "format", "email")
    submit(browser)
    assert heading(browser).startswith("Check your answers"), heading(browser)
    press(browser, "Accept and send")
    match = re.fullmatch(rf"/account/requests/({REFERENCE})\?sent=1", path_of(browser))
    assert match, f"expected the new request's page, not {browser.current_url}"
    assert_axe_clean(browser, "FOI request sent")
    return match.group(1)


def reply_with_the_clarification(browser, server, reference: str):
    browser.get(f"{server.base_url}/account/requests/{reference}")
    assert status_tag(browser) == "Waiting for your reply"
    timeline = browser.find_element(By.CSS_SELECTOR, "main ol.fd-timeline").text
    assert CLARIFICATION_QUESTION in timeline and "start again from the day we hear from you" in timeline, timeline
    assert_axe_clean(browser, "FOI request waiting for clarification")
    type_into(browser, "reply", CLARIFICATION)
    press(browser, "Send your reply")
    assert "Your reply has been sent" in banner(browser)


# The information requests officer ----------------------------------------------------------------

def sign_in_as_information_officer(browser, server):
    browser.get(server.base_url + "/staff/sign-in")
    type_into(browser, "email", INFORMATION_OFFICER)
    type_into(browser, "password", "frontdoor-demo")
    submit(browser)
    assert path_of(browser).startswith("/staff") and not path_of(browser).startswith("/staff/sign-in"), browser.current_url


def ask_to_clarify(browser, server, reference: str) -> str:
    """Asks the question; returns when the answer was due before the clock stopped."""
    browser.get(f"{server.base_url}/staff/cases/{reference}")
    assert browser.find_element(By.ID, "information-request-heading").text == "Freedom of Information request"
    due = summary_rows(browser)["Answer"]
    assert due.startswith("By ") and due.endswith("(the twentieth working day)"), due
    assert not browser.find_elements(By.XPATH, "//main//label[normalize-space()='Resolve it']"), \
        "the ordinary form leaves answering to the information request section"
    assert_axe_clean(browser, "FOI case page, just received")

    open_details(browser, "Ask the requester to clarify (the clock stops)", "clarification-question")
    press(browser, "Ask for clarification")
    assert "Enter what the requester needs to clarify" in error_summary(browser)
    assert_axe_clean(browser, "FOI case page, empty clarification refused")
    type_into(browser, "clarification-question", CLARIFICATION_QUESTION)
    press(browser, "Ask for clarification")
    case_saved(browser, "asking for clarification")
    assert summary_rows(browser)["Answer"].startswith("Clock stopped: waiting for clarification"), summary_rows(browser)
    assert not browser.find_elements(By.ID, "information-response"), "no answer while the clock is stopped"
    assert_axe_clean(browser, "FOI case page, waiting for clarification")
    return due


def record_clarification_withheld_and_answer(browser, server, reference: str):
    browser.get(f"{server.base_url}/staff/cases/{reference}")
    assert CLARIFICATION in main_text(browser), "the resident's reply is on the case"
    # Their reply was the clarification: the clock runs again from today, with nothing for the officer to record.
    rows = summary_rows(browser)
    assert rows["Answer"].startswith("By ") and rows["Answer"].endswith("(the twentieth working day)"), rows
    assert ", answered " in rows["Clarification"], rows
    assert not browser.find_elements(By.ID, "clarified-on"), "the reply already recorded the clarification"
    assert_axe_clean(browser, "FOI case page, clock running again")

    open_details(browser, "Record withheld information", "withheld-description")
    type_into(browser, "withheld-description", WITHHELD)
    Select(browser.find_element(By.ID, "exemption")).select_by_value("s43(2)")
    press(browser, "Record withheld information")
    assert "Record the public interest test" in error_summary(browser)
    assert browser.find_element(By.ID, "withheld-description").get_attribute("value") == WITHHELD, "what was typed is kept"
    assert_axe_clean(browser, "FOI case page, public interest test missing")
    type_into(browser, "public-interest", PUBLIC_INTEREST)
    press(browser, "Record withheld information")
    case_saved(browser, "recording withheld information")
    withheld = section(browser)
    assert WITHHELD in withheld and "Section 43(2): commercial interests" in withheld and PUBLIC_INTEREST in withheld, withheld

    type_into(browser, "information-response", RESPONSE)
    press(browser, "Send the response")
    case_saved(browser, "answering")
    assert summary_rows(browser)["Status"] == "Resolved"
    assert summary_rows(browser)["Answered"].endswith("(on time)"), summary_rows(browser)
    assert_axe_clean(browser, "FOI case page, answered")


def publish_on_the_disclosure_log(browser, reference: str):
    open_details(browser, "Publish on the disclosure log", "disclosure-request")
    assert browser.find_element(By.ID, "disclosure-response").get_attribute("value") == RESPONSE, "the response starts as sent"
    type_into(browser, "disclosure-request", PUBLISHED_REQUEST)
    press(browser, "Publish on the disclosure log")
    assert "Confirm that personal data and withheld information have been removed" in error_summary(browser)
    assert_axe_clean(browser, "FOI case page, redaction not confirmed")
    choose(browser, "redaction-confirmed", "yes")
    press(browser, "Publish on the disclosure log")
    case_saved(browser, "publishing")
    assert summary_rows(browser)["Disclosure log"].startswith("Published"), summary_rows(browser)
    assert browser.find_elements(By.XPATH, "//main//form//button[normalize-space()='Take it off the disclosure log']")
    assert_axe_clean(browser, "FOI case page, published")


# The journey, on SQLite and PostgreSQL -----------------------------------------------------------

def test_a_resident_asks_for_information_clarifies_it_and_the_answer_is_published(journey_server, mail_sink):
    server, name, email = journey_server, "Nadia Haddad", "nadia.haddad@example.com"
    resident, officer, visitor = make_driver(), make_driver(), make_driver()
    try:
        register_and_sign_in(resident, server, mail_sink, name, email, audit=no_audit)
        reference = ask_for_information(resident, server)

        sign_in_as_information_officer(officer, server)
        ask_to_clarify(officer, server, reference)
        reply_with_the_clarification(resident, server, reference)
        record_clarification_withheld_and_answer(officer, server, reference)
        publish_on_the_disclosure_log(officer, reference)

        visitor.get(server.base_url + "/disclosure-log")
        assert heading(visitor) == "Freedom of information disclosure log"
        entry = visitor.find_element(By.XPATH, f"//main//div[contains(@class, 'fd-disclosure')][.//h2[@id='{reference.lower()}']]").text
        assert PUBLISHED_REQUEST in entry and RESPONSE in entry, entry
        assert "Section 43(2): commercial interests" in entry and PUBLIC_INTEREST not in entry, entry
        assert name not in main_text(visitor) and email not in main_text(visitor), "the log names no requester"
        assert_axe_clean(visitor, "disclosure log")

        resident.get(f"{server.base_url}/account/requests/{reference}")
        assert status_tag(resident) == "Resolved"
        assert RESPONSE in resident.find_element(By.CSS_SELECTOR, "main ol.fd-timeline").text
        assert not resident.find_elements(By.ID, "reopen-reason"), "an answered request keeps its answer"
        assert_axe_clean(resident, "answered FOI request, as the resident sees it")
    finally:
        quit_driver(resident)
        quit_driver(officer)
        quit_driver(visitor)
