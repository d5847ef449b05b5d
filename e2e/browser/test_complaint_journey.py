"""A complaint end to end in a real browser, with mail through a real SMTP server, on SQLite and
PostgreSQL alike: a resident registers and complains online; the complaints officer records
the service it is about, acknowledges stage 1 with its officer and answers it (after sending
the response once with nothing in it); the resident, not happy, escalates from My Account
(after trying once with no reason); the officer takes stage 2, which may not go to stage 1's
officer, answers it and closes the case; a learning action is added, done and published, and
an anonymous visitor finds it on "You said, we did" and the complaint counted in the annual
complaints report; the resident's request shows the stage 2 response. Every page state on the
way is axe-clean.

A compliment, too: a resident pays one online, the complaints officer records the service it is
about (after once choosing none), which passes it to the team that runs that service, and the
annual report counts it against that service."""
import re
from datetime import date, timedelta

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import click_and_wait_for_page, make_driver, quit_driver
from page_actions import assert_axe_clean, heading, main_text, press, submit, type_into
from test_resident_portal import (REFERENCE, assert_question, banner, choose, error_summary, no_audit, path_of,
                                  register_and_sign_in, status_tag, summary_rows)
# A journey server of its own (with its mail sink), on SQLite and PostgreSQL.
from test_resident_portal import database, journey_server  # noqa: F401  (fixtures, used by name)

COMPLAINT = "Make a complaint"
COMPLIMENT = "Pay us a compliment"
COMPLIMENT_TEXT = "The crew came back the same afternoon for our bin and were kind about it. Thank you, Dan."
MISSED_BIN = "Report a missed bin collection"
COMPLAINTS_OFFICER = "complaints@kingsmere.example"
STAGE_ONE_OFFICER = "Jo Evans"
STAGE_TWO_OFFICER = "Priya Shah"

WHAT_WENT_WRONG = "Our green bin was missed on 3 and 17 November and nobody replied to my two emails."
PUT_RIGHT = "Collect it on the right day and answer my emails."
STAGE_ONE_ROOT_CAUSE = "The round's new driver was not given the cul-de-sac on his route sheet."
STAGE_ONE_RESPONSE = "We are sorry: the crew missed your road twice. The route sheet is corrected and your bin was emptied today."
ESCALATION_REASON = "It was missed again on 24 November, so the route sheet cannot have been corrected."
STAGE_TWO_ROOT_CAUSE = "The 24 November round ran with a relief crew on the old, printed route sheet."
STAGE_TWO_RESPONSE = "We have looked again: the relief crew used an old sheet, which is now destroyed. Stage 1's answer stands."
YOU_SAID = "Bins on a cul-de-sac were missed again and again after a route changed."
WE_DID = "Every crew, relief crews too, now works from the route sheet on the cab tablet, never a printed one."


# What the pages show -------------------------------------------------------------------------

def complaint_heading(browser) -> str:
    return browser.find_element(By.ID, "complaint-heading").text


def complaint_section(browser) -> str:
    return browser.find_element(By.CSS_SELECTOR, "main section.fd-complaint").text


def option_texts(browser, select_id: str) -> list:
    return [option.text for option in Select(browser.find_element(By.ID, select_id)).options]


def select_by_text(browser, select_id: str, text: str):
    offered = option_texts(browser, select_id)
    assert text in offered, f"'{text}' is not offered by #{select_id} on {path_of(browser)}: {offered}"
    Select(browser.find_element(By.ID, select_id)).select_by_visible_text(text)


def assert_no_errors(browser, what: str):
    assert not browser.find_elements(By.CSS_SELECTOR, ".fd-error-summary"), f"{what} was refused: {error_summary(browser)}"


def case_saved(browser, what: str):
    """After one of the case page's forms: back on the case page with its success banner."""
    assert_no_errors(browser, what)
    assert "The case has been updated" in banner(browser), f"{what}: no success banner"


def table_rows(browser, caption: str) -> dict:
    """A table's body rows by their first cell: {first cell: [the other cells]}."""
    tables = browser.find_elements(By.XPATH, f"//main//table[caption[normalize-space()='{caption}']]")
    if not tables:
        return {}
    rows = {}
    for row in tables[0].find_elements(By.CSS_SELECTOR, "tbody tr"):
        cells = [cell.text.strip() for cell in row.find_elements(By.CSS_SELECTOR, "th, td")]
        rows[cells[0]] = cells[1:]
    return rows


def report_figures(browser, server) -> tuple:
    """The current year's complaints report: complaints received, and the missed bin service's
    row of "Complaints by service" (received, escalated, upheld, partly, not upheld), or zeros."""
    browser.get(server.base_url + "/complaints-report")
    assert heading(browser).startswith("Complaints report"), heading(browser)
    received = summary_rows(browser)["Complaints received"]
    assert re.fullmatch(r"\d+", received), received
    missed_bin = table_rows(browser, "Complaints by service").get(MISSED_BIN, ["0"] * 5)
    return int(received), [int(figure) for figure in missed_bin]


# The resident ----------------------------------------------------------------------------------

def make_a_complaint(browser, server) -> str:
    """Signed in: from the complaint service's page through both questions to the request page; returns the reference."""
    browser.get(server.base_url + "/services/complaint")
    assert heading(browser) == COMPLAINT
    assert_axe_clean(browser, "complaint service page, signed in")
    press(browser, "Start now")

    assert_question(browser, server, "What went wrong?", COMPLAINT, "about")
    assert_axe_clean(browser, "what went wrong question")
    type_into(browser, "about", WHAT_WENT_WRONG)
    submit(browser)

    assert_question(browser, server, "What would put it right for you?", COMPLAINT, "put-right")
    assert_axe_clean(browser, "what would put it right question")
    type_into(browser, "put-right", PUT_RIGHT)
    submit(browser)

    assert heading(browser).startswith("Check your answers"), heading(browser)
    answers = summary_rows(browser)
    assert answers["What went wrong?"] == WHAT_WENT_WRONG, answers
    assert answers["What would put it right for you?"] == PUT_RIGHT, answers
    assert_axe_clean(browser, "check your answers (complaint)")
    press(browser, "Accept and send")

    match = re.fullmatch(rf"/account/requests/({REFERENCE})\?sent=1", path_of(browser))
    assert match, f"expected the new complaint's page, not {browser.current_url}"
    reference = match.group(1)
    panel = browser.find_element(By.CSS_SELECTOR, ".fd-panel--confirmation")
    assert panel.find_element(By.TAG_NAME, "h1").text == "Request sent"
    assert reference in panel.text, panel.text
    assert_axe_clean(browser, "complaint sent")
    return reference


def escalate(browser, server, reference: str):
    """From the resolved complaint's page: escalates it, once with no reason and then with one."""
    browser.get(f"{server.base_url}/account/requests/{reference}")
    assert status_tag(browser) == "Resolved"
    assert STAGE_ONE_RESPONSE in browser.find_element(By.CSS_SELECTOR, "main ol.fd-timeline").text, \
        "stage 1's response is on the resident's timeline"
    assert browser.find_elements(By.XPATH, "//main//h2[normalize-space()='Not happy with our response?']"), \
        f"an answered complaint may be escalated; the page says:\n{main_text(browser)}"
    assert not browser.find_elements(By.ID, "reopen-reason"), "a complaint is escalated, not reopened"
    assert_axe_clean(browser, "resolved complaint, with the escalation form")

    press(browser, "Escalate my complaint")
    assert "Tell us why our response did not put things right" in error_summary(browser)
    assert browser.title.startswith("Error: "), browser.title
    assert_axe_clean(browser, "escalation with no reason")

    type_into(browser, "escalation-reason", ESCALATION_REASON)
    press(browser, "Escalate my complaint")
    assert path_of(browser) == f"/account/requests/{reference}?saved=escalated", browser.current_url
    assert "Your complaint has been escalated" in banner(browser)
    assert status_tag(browser) != "Resolved", "an escalated complaint is open again"
    assert ESCALATION_REASON in browser.find_element(By.CSS_SELECTOR, "main ol.fd-timeline").text
    assert not browser.find_elements(By.ID, "escalation-reason"), "stage 2 is under way: nothing more to escalate yet"
    assert_axe_clean(browser, "complaint escalated")


def pay_a_compliment(browser, server) -> str:
    """Signed in: through the compliment form to the request page; returns the reference."""
    browser.get(server.base_url + "/services/compliment")
    assert heading(browser) == COMPLIMENT
    press(browser, "Start now")
    assert_question(browser, server, "What went well?", COMPLIMENT, "what")
    type_into(browser, "what", COMPLIMENT_TEXT)
    submit(browser)
    assert heading(browser).startswith("Check your answers"), heading(browser)
    press(browser, "Accept and send")
    match = re.fullmatch(rf"/account/requests/({REFERENCE})\?sent=1", path_of(browser))
    assert match, f"expected the new compliment's page, not {browser.current_url}"
    return match.group(1)


def compliments_counted(browser, server, service: str) -> int:
    """The current year's complaints report: the compliments counted against `service`."""
    browser.get(server.base_url + "/complaints-report")
    assert heading(browser).startswith("Complaints report"), heading(browser)
    return int(table_rows(browser, "Compliments").get(service, ["0"])[0])


# The complaints officer --------------------------------------------------------------------------

def sign_in_as_complaints_officer(browser, server):
    browser.get(server.base_url + "/staff/sign-in")
    type_into(browser, "email", COMPLAINTS_OFFICER)
    type_into(browser, "password", "frontdoor-demo")
    submit(browser)
    assert path_of(browser).startswith("/staff") and not path_of(browser).startswith("/staff/sign-in"), \
        f"the complaints officer should be signed in (no two-factor for the role), not at {browser.current_url}"


def acknowledge(browser, officer: str):
    select_by_text(browser, "complaint-officer", officer)
    press(browser, "Acknowledge the complaint")
    case_saved(browser, f"acknowledging with {officer}")
    assert not browser.find_elements(By.ID, "complaint-officer"), "an acknowledged stage is not acknowledged again"


def respond(browser, outcome: str, root_cause: str, text: str, remedies=()):
    choose(browser, "outcome", outcome)
    for remedy in remedies:
        choose(browser, "remedies", remedy)
    type_into(browser, "root-cause", root_cause)
    type_into(browser, "response-text", text)
    press(browser, "Send the response")
    case_saved(browser, f"the {outcome} response")


def answer_stage_one(browser, server, reference: str):
    browser.get(f"{server.base_url}/staff/cases/{reference}")
    assert complaint_heading(browser) == "Complaint: stage 1 of 2"
    assert WHAT_WENT_WRONG in main_text(browser), "what the resident wrote is on the case"
    assert summary_rows(browser)["About the service"] == "Not recorded yet"
    assert_axe_clean(browser, "complaint case page, stage 1 just received")

    select_by_text(browser, "about-service", MISSED_BIN)
    press(browser, "Save the service")
    case_saved(browser, "recording the service")
    assert summary_rows(browser)["About the service"] == MISSED_BIN

    acknowledge(browser, STAGE_ONE_OFFICER)
    assert summary_rows(browser)["Officer"] == STAGE_ONE_OFFICER, complaint_section(browser)

    press(browser, "Send the response")
    assert "Select the outcome" in error_summary(browser)
    assert browser.title.startswith("Error: "), browser.title
    assert_axe_clean(browser, "complaint case page, empty response refused")

    respond(browser, "partly-upheld", STAGE_ONE_ROOT_CAUSE, STAGE_ONE_RESPONSE, remedies=["apology"])
    assert summary_rows(browser)["Status"] == "Resolved"
    stage_one = complaint_section(browser)
    assert "Partly upheld" in stage_one and STAGE_ONE_RESPONSE in stage_one and STAGE_ONE_ROOT_CAUSE in stage_one, stage_one
    assert not browser.find_elements(By.ID, "response-text"), "an answered stage takes no second response"
    assert_axe_clean(browser, "complaint case page, stage 1 answered")


def answer_stage_two_and_close(browser, server, reference: str):
    browser.get(f"{server.base_url}/staff/cases/{reference}")
    assert complaint_heading(browser) == "Complaint: stage 2 of 2"
    assert ESCALATION_REASON in complaint_section(browser), "why the resident escalated is on the case"
    officers = option_texts(browser, "complaint-officer")
    assert STAGE_ONE_OFFICER not in officers, f"stage 2 must go to someone other than stage 1's officer: {officers}"
    assert STAGE_TWO_OFFICER in officers, officers
    assert_axe_clean(browser, "complaint case page, stage 2 just escalated")

    acknowledge(browser, STAGE_TWO_OFFICER)
    respond(browser, "not-upheld", STAGE_TWO_ROOT_CAUSE, STAGE_TWO_RESPONSE)
    assert summary_rows(browser)["Status"] == "Resolved"
    assert STAGE_TWO_RESPONSE in complaint_section(browser)
    assert_axe_clean(browser, "complaint case page, stage 2 answered")

    choose(browser, "next", "close")
    press(browser, "Update the case")
    case_saved(browser, "closing the case")
    assert summary_rows(browser)["Status"] == "Closed"
    assert_axe_clean(browser, "complaint case page, closed")


def add_and_publish_a_learning_action(browser, server, reference: str):
    browser.get(f"{server.base_url}/staff/cases/{reference}")
    summary = browser.find_element(By.XPATH, "//main//details[.//summary[normalize-space()='Add a learning action']]/summary")
    summary.click()
    WebDriverWait(browser, 5).until(lambda b: b.find_element(By.ID, "you-said").is_displayed(),
                                    "clicking 'Add a learning action' should show its form")
    assert_axe_clean(browser, "complaint case page, learning action form open")

    due = date.today() + timedelta(days=60)
    type_into(browser, "you-said", YOU_SAID)
    type_into(browser, "we-did", WE_DID)
    select_by_text(browser, "learning-owner", STAGE_TWO_OFFICER)
    type_into(browser, "learning-due", str(due.day))
    type_into(browser, "learning-due-month", str(due.month))
    type_into(browser, "learning-due-year", str(due.year))
    press(browser, "Add the learning action")
    case_saved(browser, "adding the learning action")
    learning = summary_rows(browser)
    assert learning["You said"] == YOU_SAID and learning["We will do"] == WE_DID, learning
    assert learning["Owner"] == STAGE_TWO_OFFICER and learning["Progress"] == "Not done yet", learning
    assert_axe_clean(browser, "complaint case page with a learning action")

    press(browser, "Mark as done")
    case_saved(browser, "marking the learning action done")
    assert summary_rows(browser)["Progress"].startswith("Done"), summary_rows(browser)
    publish = browser.find_elements(By.XPATH, "//main//form//button[starts-with(normalize-space(), 'Publish on')]")
    assert publish, f"a done learning action may be published; the complaint section says:\n{complaint_section(browser)}"
    click_and_wait_for_page(browser, publish[0])
    case_saved(browser, "publishing the learning action")
    assert summary_rows(browser)["Progress"].endswith(", published"), summary_rows(browser)
    assert browser.find_elements(By.XPATH, "//main//form//button[normalize-space()='Stop publishing']")
    assert_axe_clean(browser, "complaint case page with a published learning action")


# The journey, on SQLite and PostgreSQL -----------------------------------------------------------

def test_a_resident_complains_escalates_and_the_council_publishes_what_it_learned(journey_server, mail_sink):
    server, name, email = journey_server, "Grace Adeyemi", "grace.adeyemi@example.com"
    resident, officer, visitor = make_driver(), make_driver(), make_driver()
    try:
        received_before, missed_bin_before = report_figures(visitor, server)

        # 1. The resident complains online.
        register_and_sign_in(resident, server, mail_sink, name, email, audit=no_audit)
        reference = make_a_complaint(resident, server)
        assert status_tag(resident) == "Received"

        # 2. The complaints officer answers stage 1.
        sign_in_as_complaints_officer(officer, server)
        answer_stage_one(officer, server, reference)

        # 3. The resident is not happy with it and escalates.
        escalate(resident, server, reference)

        # 4. Stage 2, by another officer; then the case is closed.
        answer_stage_two_and_close(officer, server, reference)

        # 5. What was learned is published, and the complaint is counted.
        add_and_publish_a_learning_action(officer, server, reference)

        visitor.get(server.base_url + "/you-said-we-did")
        assert heading(visitor) == "You said, we did"
        changes = [change.text for change in visitor.find_elements(By.CSS_SELECTOR, "main .fd-you-said")]
        ours = [change for change in changes if WE_DID in change]
        assert ours, f"the published learning action should be listed: {changes}"
        assert ours[0].startswith(MISSED_BIN) and YOU_SAID in ours[0], ours[0]
        assert name not in main_text(visitor) and reference not in main_text(visitor), "the page names nobody who complained"
        assert_axe_clean(visitor, "you said, we did")

        received_after, missed_bin_after = report_figures(visitor, server)
        assert received_after == received_before + 1, f"complaints received: {received_before} before, {received_after} after"
        assert missed_bin_after[:2] == [missed_bin_before[0] + 1, missed_bin_before[1] + 1], \
            f"the missed bin row (received, escalated, ...) should count it once, escalated: {missed_bin_before} -> {missed_bin_after}"
        assert_axe_clean(visitor, "complaints report")

        # 6. The resident sees stage 2's answer, and may not escalate any further.
        resident.get(f"{server.base_url}/account/requests/{reference}")
        assert status_tag(resident) == "Closed"
        timeline = resident.find_element(By.CSS_SELECTOR, "main ol.fd-timeline").text
        assert STAGE_TWO_RESPONSE in timeline, f"stage 2's response should be on the timeline:\n{timeline}"
        assert not resident.find_elements(By.ID, "escalation-reason"), "there is no stage 3 to escalate to"
        assert STAGE_TWO_ROOT_CAUSE not in main_text(resident), "the root cause is for the council, not the resident's page"
        assert_axe_clean(resident, "closed complaint, as the resident sees it")
    finally:
        quit_driver(resident)
        quit_driver(officer)
        quit_driver(visitor)


def test_a_compliment_reaches_the_team_it_is_about(journey_server, mail_sink):
    server = journey_server
    resident, officer, visitor = make_driver(), make_driver(), make_driver()
    try:
        before = compliments_counted(visitor, server, MISSED_BIN)
        register_and_sign_in(resident, server, mail_sink, "Dev Mistry", "dev.mistry@example.com", audit=no_audit)
        reference = pay_a_compliment(resident, server)

        sign_in_as_complaints_officer(officer, server)
        officer.get(f"{server.base_url}/staff/cases/{reference}")
        assert officer.find_element(By.ID, "feedback-heading").text == "Compliment"
        assert COMPLIMENT_TEXT in main_text(officer), "what the resident wrote is on the case"
        rows = summary_rows(officer)
        assert rows["About the service"] == "Not recorded yet" and rows["With the team"] == "Customer services", rows
        assert COMPLAINT not in option_texts(officer, "feedback-service"), "feedback is about ordinary services"
        assert_axe_clean(officer, "compliment case page")

        press(officer, "Pass it to the service team")
        assert "Select the service it is about" in error_summary(officer)
        assert officer.title.startswith("Error: "), officer.title
        assert_axe_clean(officer, "compliment case page, no service chosen")

        select_by_text(officer, "feedback-service", MISSED_BIN)
        press(officer, "Pass it to the service team")
        case_saved(officer, "passing the compliment on")
        rows = summary_rows(officer)
        assert rows["About the service"] == MISSED_BIN and rows["With the team"] == "Waste and recycling", rows
        timeline = officer.find_element(By.CSS_SELECTOR, "main ol.fd-timeline").text
        assert f"About {MISSED_BIN}: passed to Waste and recycling" in timeline, timeline
        assert_axe_clean(officer, "compliment case page, passed on")

        assert compliments_counted(visitor, server, MISSED_BIN) == before + 1, "the report counts it against the service it is about"
        resident.get(f"{server.base_url}/account/requests/{reference}")
        assert "Waste and recycling" not in main_text(resident), "the team it went to is the council's business"
    finally:
        quit_driver(resident)
        quit_driver(officer)
        quit_driver(visitor)
