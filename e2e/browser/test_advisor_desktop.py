"""The advisor's desktop in a real browser, with mail through a real SMTP server: a call rings
through the telephony webhook, the caller's record pops up on the advisor's screen over the
WebSocket and the advisor logs the contact (and, with JavaScript off, finds the same call on
"Your calls"); an advisor makes a request for a caller through the assisted-digital form and
the resident finds it in My Account; a duplicate record is merged, on SQLite and PostgreSQL;
and every page the desktop added is axe-clean with JavaScript on: the record with a flag, a
callback and guidance (and after a callback that could not be booked), the callbacks queue,
"Your calls", the merge's refusal and confirmation, and the manager's guidance page, whose
words the advisor then sees. The guidance beside the record switches without a reload."""
import re
from datetime import date, timedelta
from urllib.parse import quote

import pytest
import requests
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import base_env, click_and_wait_for_page, make_driver, quit_driver, run_frontdoor
from page_actions import assert_axe_clean, heading, main_text, press, submit, type_into
from test_resident_portal import (REFERENCE, assert_scripts_are_off, banner, choose, error_summary, no_audit, path_of,
                                  reference_in, register_and_sign_in, sign_in_as_manager, summary_rows)
# The resident portal's server (with its mail sink) is this file's too, so residents can register.
# The merge runs on a journey server of its own, on SQLite and PostgreSQL.
from test_resident_portal import database, journey_server, portal, portal_mail  # noqa: F401  (fixtures, used by name)

ADVISOR = "advisor@kingsmere.example"
MARGARET = "6f1c2a4e-0d1b-4c39-9a55-3b8e2f1a7e01"
MARGARET_PHONE = "01632 960 417"
OPEN_MARGARET = "Open Margaret Okafor\u2019s record"  # with the typographic apostrophe the page uses
MISSED_BIN = "Report a missed bin collection"
MISSED_BIN_GUIDANCE = "guidance-6f1c2a4e-0d1b-4c39-9a55-3b8e2f1a9001"


# Telephony -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def telephony_key(portal) -> str:
    """A key the telephony platform posts call events with, made by `frontdoor telephony-key`
    against the running server's data folder."""
    made = run_frontdoor(["telephony-key"], base_env(portal.data_dir))
    assert made.returncode == 0, f"telephony-key failed:\n{made.stderr}"
    key = made.stdout.strip().splitlines()[-1].strip()
    assert re.fullmatch(r"\S{20,}", key), f"the last line should be the key alone:\n{made.stdout}"
    return key


def report_call(server, key: str, call_id: str, caller: str, event: str = "ringing", agent: str = ADVISOR) -> dict:
    """Posts one call event as the telephony platform does; returns the JSON answer."""
    answer = requests.post(server.base_url + "/api/v1/telephony/call-events", timeout=10,
                           headers={"Authorization": f"Bearer {key}"},
                           json={"call_id": call_id, "event": event, "caller": caller, "queue": "council-tax", "agent": agent})
    assert answer.status_code == 200, f"the call event was refused ({answer.status_code}): {answer.text}"
    return answer.json()


def wait_for_call_pop(browser, link_text: str, timeout: float = 10):
    """The screen pop (inside #call-screen) whose link says `link_text`, once the WebSocket has
    pushed it; returns the pop panel."""
    def pop_is_there(b):
        for panel in b.find_elements(By.CSS_SELECTOR, "#call-screen .fd-call-pop"):
            if panel.find_element(By.CSS_SELECTOR, "a").text == link_text:
                return panel
        return False

    return WebDriverWait(browser, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(
        pop_is_there, f"no screen pop saying '{link_text}' within {timeout}s; #call-screen shows: "
        f"{browser.find_element(By.ID, 'call-screen').text!r}")


def listed_calls(browser) -> list:
    """The calls on "Your calls" (the page's list, not the pushed screen), as (heading, detail, link text, href)."""
    return [(panel.find_element(By.CSS_SELECTOR, ".fd-call-pop__heading").text,
             panel.find_element(By.CSS_SELECTOR, "p.fd-body").text,
             panel.find_element(By.CSS_SELECTOR, "a").text,
             panel.find_element(By.CSS_SELECTOR, "a").get_attribute("href"))
            for panel in browser.find_elements(By.CSS_SELECTOR, "main .fd-grid-row .fd-call-pop")]


# The desk ------------------------------------------------------------------------------------

def sign_in_as(browser, server, email: str):
    browser.get(server.base_url + "/staff/sign-in")
    type_into(browser, "email", email)
    type_into(browser, "password", "frontdoor-demo")
    submit(browser)
    assert path_of(browser) == "/staff", f"{email} should be signed in, not at {browser.current_url}"


def is_record_of(browser, customer_id: str) -> bool:
    """Record links name the customer's id in capitals or not; either is the same record."""
    return path_of(browser).split("?")[0].lower() == f"/staff/customers/{customer_id}"


def open_record(browser, server, customer_id: str = MARGARET):
    browser.get(f"{server.base_url}/staff/customers/{customer_id}")
    assert is_record_of(browser, customer_id), browser.current_url


def table_with_caption(browser, caption: str) -> str:
    tables = browser.find_elements(By.XPATH, f"//main//table[caption[normalize-space()='{caption}']]")
    assert tables, f"no table captioned '{caption}' on {path_of(browser)}; the page says:\n{main_text(browser)}"
    return tables[0].text


def select_option_containing(browser, select_id: str, words: str) -> str:
    """Chooses the first option of the select whose text contains `words` (any case); returns its text."""
    select = Select(browser.find_element(By.ID, select_id))
    matching = [o.text for o in select.options if words.lower() in o.text.lower()]
    assert matching, f"no option with '{words}' in #{select_id}: {[o.text for o in select.options]}"
    select.select_by_visible_text(matching[0])
    return matching[0]


def log_a_contact(browser, service_words: str, outcome: str, demand: str, notes: str, minutes: str = "4"):
    choose(browser, "contact-channel", "phone")
    select_option_containing(browser, "contact-service", service_words)
    choose(browser, "contact-outcome", outcome)
    choose(browser, "contact-demand", demand)
    type_into(browser, "contact-duration", minutes)
    type_into(browser, "contact-notes", notes)
    press(browser, "Log the contact")


def book_a_callback(browser, day: date, opens: str, closes: str, reason: str):
    type_into(browser, "callback-date", str(day.day))
    type_into(browser, "callback-date-month", str(day.month))
    type_into(browser, "callback-date-year", str(day.year))
    type_into(browser, "callback-from", opens)
    type_into(browser, "callback-to", closes)
    type_into(browser, "callback-reason", reason)
    press(browser, "Book the callback")


def visible_guidance(browser) -> list:
    return [s.get_attribute("id") for s in browser.find_elements(By.CSS_SELECTOR, ".fd-guidance__section") if s.is_displayed()]


# 1. A call rings and the advisor logs it -----------------------------------------------------

def test_a_call_rings_the_customer_pops_up_and_the_advisor_logs_a_contact_resolved_first_time(portal, telephony_key):
    browser = make_driver()
    try:
        sign_in_as(browser, portal, ADVISOR)
        assert browser.find_element(By.ID, "call-screen").text == "", "nothing rings yet"
        browser.execute_script("window.stillTheSamePage = true")

        assert report_call(portal, telephony_key, "CA-desk-1", MARGARET_PHONE) == {"recorded": True, "screen_pop": True}
        pop = wait_for_call_pop(browser, OPEN_MARGARET)
        assert pop.find_element(By.CSS_SELECTOR, ".fd-call-pop__heading").text == "Incoming call"
        detail = pop.find_element(By.CSS_SELECTOR, "p.fd-body").text
        assert detail.startswith(f"From {MARGARET_PHONE}") and "queue: council-tax" in detail, detail
        assert browser.execute_script("return window.stillTheSamePage === true"), "the pop arrives without a reload"
        assert_axe_clean(browser, "staff home with a call popping up")

        click_and_wait_for_page(browser, pop.find_element(By.CSS_SELECTOR, "a"))
        assert is_record_of(browser, MARGARET), f"the pop should open Margaret's record, not {browser.current_url}"
        assert heading(browser) == "Margaret Okafor"

        notes = "Blue bin missed on Willow Crescent; crew due back this afternoon, told her so."
        log_a_contact(browser, "missed bin", "resolved-first-time", "value", notes)
        assert is_record_of(browser, MARGARET) and "logged=1" in browser.current_url, browser.current_url
        assert "The contact has been logged" in banner(browser)
        contacts = table_with_caption(browser, "Contacts")
        row = next((line for line in contacts.splitlines() if notes in line), contacts)
        for words in ("Phone", MISSED_BIN, "Resolved at first point of contact", "Value demand", "Sam Patel", notes):
            assert words in row, f"the logged contact should show '{words}':\n{contacts}"
        assert_axe_clean(browser, "Margaret's record after logging a contact")
    finally:
        quit_driver(browser)

    # Without JavaScript nothing pops up, and "Your calls" lists the same call.
    report_call(portal, telephony_key, "CA-desk-unknown", "01632 960 999")
    browser = make_driver(javascript=False)
    try:
        assert_scripts_are_off(browser)
        sign_in_as(browser, portal, ADVISOR)
        assert browser.find_element(By.ID, "call-screen").text == ""
        click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "a[href='/staff/calls']"))
        assert heading(browser) == "Your calls"
        calls = listed_calls(browser)
        assert calls and calls[0][2] == "No record matches this number: find the customer", f"newest first: {calls}"
        assert "q=01632" in calls[0][3], calls[0]
        margaret = [call for call in calls if call[2] == OPEN_MARGARET]
        assert margaret, f"Margaret's call should be listed: {calls}"
        assert margaret[0][0] == "Incoming call" and margaret[0][1].startswith(f"From {MARGARET_PHONE}"), margaret
        click_and_wait_for_page(browser, browser.find_element(By.XPATH, f"//main//a[normalize-space()='{OPEN_MARGARET}']"))
        assert is_record_of(browser, MARGARET) and heading(browser) == "Margaret Okafor"
        assert notes in table_with_caption(browser, "Contacts")
    finally:
        quit_driver(browser)


# 2. An advisor raises a case that the resident then follows ----------------------------------

def test_an_advisor_raises_a_case_for_a_caller_and_the_resident_sees_it_in_my_account(portal, portal_mail):
    name, email = "Dev Raman", "dev.raman@example.com"
    question = "Is the household waste site on Mill Lane open on bank holidays?"
    resident, advisor = make_driver(), make_driver()
    try:
        register_and_sign_in(resident, portal, portal_mail, name, email, audit=no_audit)

        sign_in_as(advisor, portal, ADVISOR)
        advisor.get(f"{portal.base_url}/staff/customers?q={quote(email)}")
        assert "1 customer matches" in main_text(advisor), main_text(advisor)
        click_and_wait_for_page(advisor, advisor.find_element(By.XPATH, f"//main//a[normalize-space()='{name}']"))
        assert heading(advisor) == name
        record = path_of(advisor)
        assert summary_rows(advisor)["Email address"].startswith(email), summary_rows(advisor)

        Select(advisor.find_element(By.ID, "service")).select_by_value("general-enquiry")
        choose(advisor, "channel", "phone")
        press(advisor, "Start the form")
        assert re.fullmatch(r"/staff/forms/[^/]+/question", path_of(advisor)), advisor.current_url
        assert advisor.find_element(By.CSS_SELECTOR, ".fd-caption-l").text == "Ask a question"
        assert heading(advisor) == "What would you like to ask?"
        assert_axe_clean(advisor, "assisted form: first question")
        type_into(advisor, "question", question)
        submit(advisor)

        assert re.fullmatch(r"/staff/forms/[^/]+/reply-by", path_of(advisor)), advisor.current_url
        choose(advisor, "reply-by", "email")
        submit(advisor)

        assert heading(advisor).startswith("Check your answers"), heading(advisor)
        assert f"You are sending this request for {name}, received by phone." in main_text(advisor)
        answers = summary_rows(advisor)
        assert answers["What would you like to ask?"] == question and answers["How should we reply?"] == "Email", answers
        assert_axe_clean(advisor, "assisted form: check your answers")
        press(advisor, "Accept and send")

        assert re.fullmatch(r"/staff/requests/[0-9a-f-]{36}", path_of(advisor)), advisor.current_url
        reference = reference_in(heading(advisor))
        assert heading(advisor) == f"{reference}: Ask a question for {name}"
        assert "by phone" in main_text(advisor) and question in main_text(advisor)
        assert_axe_clean(advisor, "assisted form: request sent")
        advisor.get(portal.base_url + record)
        requests_list = advisor.find_element(By.XPATH, "//main//h2[normalize-space()='Requests']/following-sibling::ul[1]").text
        assert reference in requests_list, f"the record should list the new request:\n{requests_list}"

        confirmation = portal_mail.wait_for(email, f"We have received your request {reference}")
        assert f"Your reference is {reference}" in confirmation.body, confirmation.body

        # The resident, still signed in, finds it in My Account and opens it.
        resident.get(portal.base_url + "/account")
        latest = resident.find_element(By.CSS_SELECTOR, "main table").text
        assert reference in latest and "Ask a question" in latest, f"My Account should list {reference}:\n{latest}"
        click_and_wait_for_page(resident, resident.find_element(By.XPATH, f"//main//a[normalize-space()='{reference}']"))
        assert path_of(resident) == f"/account/requests/{reference}", resident.current_url
        assert reference in main_text(resident) and question in main_text(resident)
        assert resident.find_element(By.CSS_SELECTOR, "main strong.fd-tag").text == "Received"
        assert_axe_clean(resident, "the resident's view of a request an advisor made for them")
    finally:
        quit_driver(resident)
        quit_driver(advisor)


# 3. Every new page, with JavaScript on -------------------------------------------------------

def test_the_record_with_a_flag_a_callback_and_guidance_and_the_callbacks_queue_are_accessible(portal):
    tomorrow = date.today() + timedelta(days=1)
    reason = "Wants to know when the assisted collection starts."
    browser = make_driver()
    try:
        sign_in_as(browser, portal, ADVISOR)
        open_record(browser, portal)

        choose(browser, "flag-kind", "accessibility")
        type_into(browser, "flag-detail", "Uses a wheelchair: meet at the ground-floor entrance.")
        press(browser, "Add the flag")
        assert "The flag has been added" in banner(browser)
        flags = browser.find_element(By.ID, "flags").text
        assert "Accessibility needs" in flags and "Uses a wheelchair" in flags, flags

        book_a_callback(browser, tomorrow, "14:00", "14:05", "")
        problems = error_summary(browser)
        assert "The window must close at least 15 minutes after it opens" in problems, problems
        assert "Enter what the callback is about" in problems, problems
        assert browser.title.startswith("Error: "), browser.title
        assert browser.find_element(By.ID, "callback-from").get_attribute("value") == "14:00", "what was typed is kept"
        assert_axe_clean(browser, "Margaret's record after a callback that could not be booked")

        book_a_callback(browser, tomorrow, "14:00", "16:00", reason)
        assert "The callback has been booked" in banner(browser)
        callbacks = table_with_caption(browser, "Callbacks")
        assert reason in callbacks and MARGARET_PHONE in callbacks and "Upcoming" in callbacks, callbacks

        # Choosing a service's guidance shows it at once, without a reload.
        address = browser.current_url
        assert visible_guidance(browser) == [], "no guidance is shown before a service is chosen"
        browser.execute_script("window.stillTheSamePage = true")
        select_option_containing(browser, "guidance", MISSED_BIN)
        WebDriverWait(browser, 5).until(lambda b: visible_guidance(b) == [MISSED_BIN_GUIDANCE],
                                        f"only the missed bin guidance should show: {visible_guidance(browser)}")
        assert "collection calendar" in browser.find_element(By.ID, MISSED_BIN_GUIDANCE).text
        assert browser.execute_script("return window.stillTheSamePage === true"), "the guidance switched by reloading"
        assert browser.current_url == address
        select_option_containing(browser, "guidance", "fly-tipping")
        WebDriverWait(browser, 5).until(lambda b: len(visible_guidance(b)) == 1 and visible_guidance(b) != [MISSED_BIN_GUIDANCE])
        assert "asbestos" in browser.find_element(By.CSS_SELECTOR, "aside.fd-guidance").text
        assert_axe_clean(browser, "Margaret's record with a flag, a callback and guidance")

        browser.get(portal.base_url + "/staff/callbacks")
        assert heading(browser) == "Callbacks"
        row = browser.find_element(By.XPATH, f"//main//tr[td[normalize-space()='{reason}']]")
        assert "Margaret Okafor" in row.text and MARGARET_PHONE in row.text and "Sam Patel" in row.text, row.text
        assert_axe_clean(browser, "the callbacks queue")
        click_and_wait_for_page(browser, row.find_element(By.XPATH, ".//button[starts-with(normalize-space(), 'Made')]"))
        assert "The callback has been marked as made" in banner(browser)
        assert reason not in main_text(browser), "a callback made leaves the queue"
        assert_axe_clean(browser, "the callbacks queue after one was made")
    finally:
        quit_driver(browser)


def test_the_show_guidance_button_goes_away_when_javascript_switches_the_guidance(portal):
    browser = make_driver()
    try:
        sign_in_as(browser, portal, ADVISOR)
        open_record(browser, portal)
        button = browser.find_element(By.XPATH, "//form[@data-guidance-form]//button")
        assert button.get_attribute("hidden") is not None, "the script should have hidden the button"
        assert not button.is_displayed(), "with JavaScript the Show guidance button is not needed, so it should not show"
    finally:
        quit_driver(browser)


def test_your_calls_is_accessible_with_a_call_on_it(portal, telephony_key):
    browser = make_driver()
    try:
        sign_in_as(browser, portal, ADVISOR)
        browser.get(portal.base_url + "/staff/calls")
        report_call(portal, telephony_key, "CA-desk-3", MARGARET_PHONE)
        wait_for_call_pop(browser, OPEN_MARGARET)
        browser.refresh()
        assert heading(browser) == "Your calls"
        assert any(call[2] == OPEN_MARGARET for call in listed_calls(browser)), listed_calls(browser)
        wait_for_call_pop(browser, OPEN_MARGARET)
        assert_axe_clean(browser, "your calls, with the call both listed and popped up")
    finally:
        quit_driver(browser)


def test_a_duplicate_record_is_merged_the_right_way_round(journey_server, mail_sink):
    """On a server of its own (the merge changes Margaret's record), on SQLite and PostgreSQL."""
    server, duplicate_email = journey_server, "m.okafor.new@example.com"
    resident, advisor = make_driver(), make_driver()
    try:
        # Margaret registers online with another address: a second record, with an account.
        register_and_sign_in(resident, server, mail_sink, "Margaret Okafor", duplicate_email, audit=no_audit)

        # Her old record has no account, so it cannot absorb the online one...
        sign_in_as(advisor, server, ADVISOR)
        open_record(advisor, server)
        type_into(advisor, "merge-duplicate", duplicate_email)
        press(advisor, "Find the duplicate")
        problems = error_summary(advisor)
        assert "The other record has an online account and this one does not" in problems, problems
        assert advisor.title.startswith("Error: "), advisor.title
        assert_axe_clean(advisor, "Margaret's record, merge refused")

        # ...but the online record can absorb the old one, after a look at both.
        advisor.get(f"{server.base_url}/staff/customers?q={quote(duplicate_email)}")
        click_and_wait_for_page(advisor, advisor.find_element(By.XPATH, "//main//a[normalize-space()='Margaret Okafor']"))
        online = path_of(advisor)
        assert not is_record_of(advisor, MARGARET) and heading(advisor) == "Margaret Okafor", advisor.current_url
        type_into(advisor, "merge-duplicate", MARGARET_PHONE)
        press(advisor, "Find the duplicate")
        assert heading(advisor) == "Merge these records?", main_text(advisor)
        kept = advisor.find_element(By.XPATH, "//main//h2[normalize-space()='The record you keep']/following-sibling::dl[1]").text
        duplicate = advisor.find_element(By.XPATH, "//main//h2[normalize-space()='The duplicate']/following-sibling::dl[1]").text
        assert duplicate_email in kept and "Has an online account" in kept, kept
        assert MARGARET_PHONE in duplicate and "No account" in duplicate, duplicate
        assert_axe_clean(advisor, "merge confirmation")

        click_and_wait_for_page(advisor, advisor.find_element(By.XPATH, "//main//a[normalize-space()='Cancel']"))
        assert path_of(advisor) == online, "Cancel goes back to the record and changes nothing"
        open_record(advisor, server)
        assert heading(advisor) == "Margaret Okafor", "the old record is still there after Cancel"
        her_requests = re.findall(REFERENCE, main_text(advisor))
        assert her_requests, "the demo gives Margaret's old record requests to move"

        advisor.get(server.base_url + online)
        type_into(advisor, "merge-duplicate", MARGARET_PHONE)
        press(advisor, "Find the duplicate")
        press(advisor, "Merge the records")
        assert path_of(advisor).split("?")[0] == online and "merged=1" in advisor.current_url, advisor.current_url
        assert "The duplicate record has been merged into this one" in banner(advisor)
        details = summary_rows(advisor)
        assert details["Email address"].startswith(duplicate_email) and details["Telephone"] == MARGARET_PHONE, details
        assert set(her_requests) <= set(re.findall(REFERENCE, main_text(advisor))), \
            f"the old record's requests {her_requests} should move to the one kept:\n{main_text(advisor)}"
        assert_axe_clean(advisor, "the record kept after a merge")

        advisor.get(f"{server.base_url}/staff/customers/{MARGARET}")
        assert path_of(advisor) == online, "a link to the merged record opens the one kept"
        advisor.get(f"{server.base_url}/staff/customers?q={quote(MARGARET_PHONE)}")
        assert "1 customer matches" in main_text(advisor), main_text(advisor)
    finally:
        quit_driver(resident)
        quit_driver(advisor)


def test_a_manager_writes_guidance_that_the_advisor_then_sees(portal):
    prompt = "If the same crew missed it last week too, tell the waste team by email."
    manager, advisor = make_driver(), make_driver()
    try:
        sign_in_as_manager(manager, portal, audit=no_audit)
        manager.get(portal.base_url + "/staff/services/missed-bin/guidance")
        assert heading(manager) == f"Guidance for advisors: {MISSED_BIN}"
        assert "collection calendar" in manager.find_element(By.ID, "guidance").get_attribute("value")
        assert_axe_clean(manager, "the manager's guidance page")
        box = manager.find_element(By.ID, "guidance")
        box.send_keys("\n\n" + prompt)
        press(manager, "Save the guidance")
        assert path_of(manager) == "/staff/services/missed-bin/guidance?saved=1", manager.current_url
        assert "The guidance has been saved" in banner(manager)
        assert manager.find_element(By.ID, "guidance").get_attribute("value").endswith(prompt)
        assert_axe_clean(manager, "the manager's guidance page, saved")

        sign_in_as(advisor, portal, ADVISOR)
        open_record(advisor, portal)
        select_option_containing(advisor, "guidance", MISSED_BIN)
        WebDriverWait(advisor, 5).until(lambda b: visible_guidance(b) == [MISSED_BIN_GUIDANCE])
        assert prompt in advisor.find_element(By.ID, MISSED_BIN_GUIDANCE).text, "the new paragraph shows beside the record"
    finally:
        quit_driver(manager)
        quit_driver(advisor)
