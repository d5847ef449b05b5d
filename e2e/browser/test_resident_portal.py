"""The resident portal end to end in a real browser, with mail through a real SMTP server and
on SQLite and PostgreSQL alike: a guest reports a missed bin through the link emailed to them
and gets the confirmation page and email; a resident registers, applies for a parking permit,
finds it in My Account, answers the officer's question, sees it resolved and rates it, while a
manager works the case in a second browser. Every page on the way is axe-clean. The guest
journey also works with JavaScript off; search finds a service by keyboard alone with a visible
focus; the portal's pages reflow at 320 px without sideways scrolling; and each page with its
CSS and JavaScript weighs under 100 KB."""
import re
from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import MailSink, click_and_wait_for_page, make_driver, quit_driver, start_server
from page_actions import assert_axe_clean, submit, press, follow, main_text, heading, type_into, tick

MAIL_FROM = "noreply@kingsmere.example"
PASSWORD = "correct horse battery staple"
REFERENCE = r"FD-\d{4}-\d{6}"
MISSED_BIN = "Report a missed bin collection"
PARKING_PERMIT = "Apply for a resident parking permit"
PAGE_WEIGHT_LIMIT = 100 * 1024


def no_audit(browser, what: str):
    """Stands in for the axe check where a journey runs without JavaScript (axe is a script)."""


def email_link(body: str, path_pattern: str) -> str:
    """The link in an email whose path matches `path_pattern`, standing on a line of its own."""
    for line in body.splitlines():
        if re.fullmatch(rf"https?://\S+{path_pattern}", line.strip()):
            return line.strip()
    raise AssertionError(f"no link to {path_pattern} on a line of its own in the email:\n{body}")


def reference_in(text: str) -> str:
    match = re.search(REFERENCE, text)
    assert match, f"no request reference in {text!r}"
    return match.group(0)


def path_of(browser) -> str:
    url = urlsplit(browser.current_url)
    return url.path + (f"?{url.query}" if url.query else "")


def error_summary(browser) -> str:
    summaries = browser.find_elements(By.CSS_SELECTOR, ".fd-error-summary")
    assert summaries, f"no error summary on {path_of(browser)}; the page says:\n{main_text(browser)}"
    return summaries[0].text


def banner(browser) -> str:
    banners = browser.find_elements(By.CSS_SELECTOR, ".fd-notification-banner")
    assert banners, f"no notification banner on {path_of(browser)}; the page says:\n{main_text(browser)}"
    return banners[0].text


def status_tag(browser) -> str:
    return browser.find_element(By.CSS_SELECTOR, "main strong.fd-tag").text


def choose(browser, name: str, value: str):
    """Ticks the radio called `name` with this value, by its label."""
    radios = browser.find_elements(By.CSS_SELECTOR, f"input[name='{name}'][value='{value}']")
    offered = [r.get_attribute("value") for r in browser.find_elements(By.CSS_SELECTOR, f"input[name='{name}']")]
    assert radios, f"no '{value}' among the {name} choices on {path_of(browser)}: {offered}"
    tick(browser, radios[0].get_attribute("id"))


def choose_willow_crescent(browser, field: str = "address"):
    """An address question without scripts or with them: finds KM2 4QT, picks 14 Willow Crescent."""
    type_into(browser, f"{field}-lookup", "KM2 4QT")
    press(browser, "Find address")
    assert "Addresses at KM2 4QT" in main_text(browser)
    choices = Select(browser.find_element(By.ID, f"{field}-uprn"))
    willow = [option.text for option in choices.options if option.text.startswith("14 Willow Crescent")]
    assert willow, f"14 Willow Crescent is not among {[option.text for option in choices.options]}"
    choices.select_by_visible_text(willow[0])


def assert_question(browser, server, question: str, service: str, field: str):
    """A question page of the resident portal: the one heading asks it, the service is the caption."""
    assert re.search(rf"/forms/[^/]+/{re.escape(field)}$", browser.current_url), \
        f"expected the '{field}' question, not {browser.current_url}"
    assert browser.current_url.startswith(server.base_url + "/forms/"), browser.current_url
    assert heading(browser) == question
    assert browser.find_element(By.CSS_SELECTOR, ".fd-caption-l").text == service
    assert not browser.find_elements(By.CSS_SELECTOR, ".fd-error-summary"), \
        f"'{question}' shows errors before anything was sent: {error_summary(browser)}"


def summary_rows(browser) -> dict:
    rows = {}
    for row in browser.find_elements(By.CSS_SELECTOR, "main .fd-summary-list .fd-summary-list__row"):
        rows[row.find_element(By.CSS_SELECTOR, ".fd-summary-list__key").text.strip()] = \
            row.find_element(By.CSS_SELECTOR, ".fd-summary-list__value").text.strip()
    return rows


def assert_scripts_are_off(browser):
    browser.get("data:text/html,<p id='p'>scripts off</p><script>document.getElementById('p').textContent='on'</script>")
    assert browser.find_element(By.ID, "p").text == "scripts off", "this browser must really run without JavaScript"


# The guest's journey -------------------------------------------------------------------------

def ask_for_a_guest_link(browser, server, sink, email: str, audit=assert_axe_clean) -> str:
    """From the missed bin service's page, signed out: asks for the link (after one wrong
    address) and returns the link from the email."""
    browser.get(server.base_url + "/services/missed-bin")
    assert heading(browser) == MISSED_BIN
    page = main_text(browser)
    assert "Continue without an account" in page
    assert browser.find_elements(By.XPATH, "//main//a[normalize-space()='Sign in to start']"), "a resident may sign in instead"
    assert not browser.find_elements(By.XPATH, "//main//button[normalize-space()='Start now']"), \
        "signed out, nothing starts the form but the emailed link"
    audit(browser, "missed bin service page, signed out")

    type_into(browser, "guest-email", "not an email address")
    press(browser, "Email me a link")
    assert "Enter an email address in the correct format" in error_summary(browser)
    assert browser.title.startswith("Error: "), browser.title
    assert browser.find_element(By.ID, "guest-email").get_attribute("value") == "not an email address", "what was typed is kept"
    audit(browser, "missed bin service page with a wrong email address")

    type_into(browser, "guest-email", email)
    press(browser, "Email me a link")
    assert path_of(browser) == "/services/missed-bin/check-your-email", browser.current_url
    assert heading(browser) == "Check your email"
    assert MISSED_BIN in main_text(browser)
    audit(browser, "check your email (guest link)")

    message = sink.wait_for(email, "Your link to report a missed bin collection")
    assert message.sender == MAIL_FROM
    return email_link(message.body, r"/services/missed-bin/guest/[A-Za-z0-9_-]+")


def open_guest_link(browser, server, link: str, audit=assert_axe_clean) -> str:
    """Opens the emailed link and presses Continue; returns the form's draft id."""
    assert link.startswith(server.base_url + "/"), f"the link {link} points somewhere other than {server.base_url}"
    browser.get(link)
    assert heading(browser) == MISSED_BIN
    assert "Your email address is confirmed" in main_text(browser)
    assert not browser.find_elements(By.CSS_SELECTOR, "main .fd-caption-l"), "opening the link alone starts nothing"
    audit(browser, "guest link page")
    press(browser, "Continue")
    match = re.search(r"/forms/([^/]+)/bin$", browser.current_url)
    assert match, f"Continue should open the first question, not {browser.current_url}"
    return match.group(1)


def answer_the_missed_bin_questions(browser, server, audit=assert_axe_clean, errors: bool = True) -> str:
    """From the first question to check your answers; returns the collection day as the answers show it."""
    assert_question(browser, server, "Which bin was missed?", MISSED_BIN, "bin")
    audit(browser, "which bin question")
    if errors:
        submit(browser)
        assert "Select" in error_summary(browser)
        assert browser.title.startswith("Error: "), browser.title
        audit(browser, "which bin question with no answer")
    tick(browser, "bin-2")  # Recycling
    submit(browser)

    day = date.today() - timedelta(days=2)
    assert_question(browser, server, "When should it have been collected?", MISSED_BIN, "collection-day")
    audit(browser, "collection day question")
    type_into(browser, "collection-day", str(day.day))
    type_into(browser, "collection-day-month", str(day.month))
    type_into(browser, "collection-day-year", str(day.year))
    submit(browser)

    assert_question(browser, server, "Was the bin out by 7am on collection day?", MISSED_BIN, "out-by-7")
    audit(browser, "out by 7am question")
    tick(browser, "out-by-7")  # Yes
    submit(browser)

    assert_question(browser, server, "Where is the bin?", MISSED_BIN, "address")
    audit(browser, "address question, finding by postcode")
    choose_willow_crescent(browser)
    audit(browser, "address question, choosing from the list")
    press(browser, "Use this address")

    assert_question(browser, server, "Anything else we should know?", MISSED_BIN, "details")
    audit(browser, "anything else question")
    type_into(browser, "details", "The blue bin was left at the kerb; the black one was taken.")
    submit(browser)

    assert re.search(r"/forms/[^/?]+$", browser.current_url), browser.current_url
    assert heading(browser).startswith("Check your answers")
    audit(browser, "check your answers (missed bin)")
    answers = summary_rows(browser)
    assert answers["Which bin was missed?"] == "Recycling (blue bin)", answers
    assert answers["Was the bin out by 7am on collection day?"] == "Yes", answers
    assert answers["Where is the bin?"].startswith("14 Willow Crescent") and "KM2 4QT" in answers["Where is the bin?"], answers
    assert answers["Anything else we should know?"] == "The blue bin was left at the kerb; the black one was taken."
    return answers["When should it have been collected?"]


def send_and_check_the_guest_confirmation(browser, server, sink, email: str, collection_day: str, audit=assert_axe_clean):
    press(browser, "Accept and send")
    assert re.fullmatch(rf"/sent/{REFERENCE}", path_of(browser)), f"expected the confirmation page, not {browser.current_url}"
    panel = browser.find_element(By.CSS_SELECTOR, ".fd-panel--confirmation")
    assert panel.find_element(By.TAG_NAME, "h1").text == "Request sent"
    reference = reference_in(panel.text)
    assert path_of(browser) == "/sent/" + reference, "the page is the confirmation of the reference it shows"
    page = main_text(browser)
    assert f"We have sent a confirmation to {email}" in page, page
    sent = summary_rows(browser)
    assert sent["Which bin was missed?"] == "Recycling (blue bin)", sent
    assert sent["When should it have been collected?"] == collection_day, sent
    audit(browser, "guest confirmation page")

    confirmation = sink.wait_for(email, f"We have received your request {reference}")
    assert confirmation.sender == MAIL_FROM
    assert MISSED_BIN in confirmation.body and f"Your reference is {reference}" in confirmation.body, confirmation.body
    assert "/account/requests/" not in confirmation.body, "a guest has no account to follow the request in"
    return reference


# The resident's journey ----------------------------------------------------------------------

def register_and_sign_in(browser, server, sink, name: str, email: str, audit=assert_axe_clean):
    browser.get(server.base_url + "/")
    audit(browser, "home page, signed out")
    click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "create an account"))
    assert heading(browser) == "Create an account"
    audit(browser, "register page")
    type_into(browser, "name", name)
    type_into(browser, "email", email)
    type_into(browser, "password", PASSWORD)
    submit(browser)
    assert heading(browser) == "Check your email"
    audit(browser, "check your email (registration)")

    browser.get(email_link(sink.wait_for(email, "Confirm your email address").body, r"token=[A-Za-z0-9_-]+"))
    assert heading(browser) == "Confirm your email address"
    audit(browser, "confirm email page")
    submit(browser)
    assert "Your email address is confirmed" in banner(browser)
    audit(browser, "sign-in page after confirming")
    type_into(browser, "email", email)
    type_into(browser, "password", PASSWORD)
    submit(browser)
    assert path_of(browser) == "/account", browser.current_url
    assert name in main_text(browser)


def apply_for_a_parking_permit(browser, server, audit=assert_axe_clean) -> str:
    """Signed in: from the service's page through every question to the request page; returns the reference."""
    browser.get(server.base_url + "/services/parking-permit")
    assert heading(browser) == PARKING_PERMIT
    assert not browser.find_elements(By.ID, "guest-email"), "a service that needs an account offers no guest form"
    audit(browser, "parking permit service page, signed in")
    press(browser, "Start now")

    assert_question(browser, server, "What is your address?", PARKING_PERMIT, "address")
    audit(browser, "parking permit address question")
    choose_willow_crescent(browser)
    press(browser, "Use this address")

    assert_question(browser, server, "What is the vehicle's registration number?", PARKING_PERMIT, "registration")
    audit(browser, "registration number question")
    submit(browser)
    assert "Enter the registration number" in error_summary(browser)
    audit(browser, "registration number question with no answer")
    type_into(browser, "registration", "AB12 CDE")
    submit(browser)

    assert_question(browser, server, "What make and colour is the vehicle?", PARKING_PERMIT, "make")
    audit(browser, "make and colour question")
    type_into(browser, "make", "Blue Ford Fiesta")
    submit(browser)

    assert_question(browser, server, "Is the vehicle registered to you at this address?", PARKING_PERMIT, "keeper")
    audit(browser, "registered keeper question")
    tick(browser, "keeper")  # Yes: no logbook to upload
    submit(browser)

    assert heading(browser).startswith("Check your answers")
    audit(browser, "check your answers (parking permit)")
    answers = summary_rows(browser)
    assert answers["What is the vehicle's registration number?"] == "AB12 CDE", answers
    assert answers["What make and colour is the vehicle?"] == "Blue Ford Fiesta", answers
    assert answers["Is the vehicle registered to you at this address?"] == "Yes", answers
    assert "Upload the vehicle's V5C logbook or lease agreement" not in answers, "the upload is only asked when they are not the keeper"
    press(browser, "Accept and send")

    match = re.fullmatch(rf"/account/requests/({REFERENCE})\?sent=1", path_of(browser))
    assert match, f"expected the new request's page, not {browser.current_url}"
    reference = match.group(1)
    panel = browser.find_element(By.CSS_SELECTOR, ".fd-panel--confirmation")
    assert panel.find_element(By.TAG_NAME, "h1").text == "Request sent"
    assert reference in panel.text
    return reference


def sign_in_as_manager(browser, server, audit=assert_axe_clean):
    browser.get(server.base_url + "/staff/sign-in")
    audit(browser, "staff sign-in page")
    type_into(browser, "email", "manager@kingsmere.example")
    type_into(browser, "password", "frontdoor-demo")
    submit(browser)
    assert path_of(browser) == "/staff", f"the manager should be signed in, not at {browser.current_url}"
    audit(browser, "staff home page")


def update_the_case(browser, server, reference: str, next_step: str, message: str):
    browser.get(server.base_url + "/staff/cases/" + reference)
    choose(browser, "next", next_step)
    type_into(browser, "message", message)
    press(browser, "Update the case")
    assert not browser.find_elements(By.CSS_SELECTOR, ".fd-error-summary"), error_summary(browser)
    assert message in main_text(browser), f"the case's timeline should show the message; the page says:\n{main_text(browser)}"


# Servers -------------------------------------------------------------------------------------

@pytest.fixture(params=["sqlite", "postgres"])
def database(request) -> dict:
    """The store a journey's server runs on: its SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return {}
    return {"DATABASE_URL": request.getfixturevalue("postgres_url")}


@pytest.fixture
def journey_server(tmp_path, mail_sink, database):
    """A FrontDoor of its own for one journey, sending mail to the sink."""
    running = start_server(tmp_path / "data", SMTP_URL=mail_sink.url, MAIL_FROM=MAIL_FROM, **database)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def portal_mail():
    sink = MailSink()
    yield sink
    sink.stop()


@pytest.fixture(scope="module")
def portal(tmp_path_factory, portal_mail):
    """One FrontDoor on SQLite shared by this file's shorter tests; each uses its own email addresses."""
    running = start_server(tmp_path_factory.mktemp("resident-portal") / "data", SMTP_URL=portal_mail.url, MAIL_FROM=MAIL_FROM)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def resident(portal, portal_mail) -> dict:
    """A registered resident with a parking permit request: their session cookies and its reference."""
    browser = make_driver()
    try:
        register_and_sign_in(browser, portal, portal_mail, "Priya Shah", "priya.shah@example.com", audit=no_audit)
        reference = apply_for_a_parking_permit(browser, portal, audit=no_audit)
        return {"cookies": browser.get_cookies(), "reference": reference}
    finally:
        quit_driver(browser)


def sign_in_with_cookies(browser, server, resident: dict):
    browser.get(server.base_url + "/accessibility")
    for cookie in resident["cookies"]:
        browser.add_cookie({key: cookie[key] for key in ("name", "value", "path", "httpOnly", "secure") if key in cookie})
    browser.get(server.base_url + "/account")
    assert path_of(browser) == "/account", f"the resident's cookies should sign this browser in; it is at {browser.current_url}"


# The two journeys the portal is done when, on SQLite and PostgreSQL ---------------------------

def test_a_guest_reports_a_missed_bin_and_confirms_by_the_emailed_link(journey_server, mail_sink):
    server, email = journey_server, "sam.guest@example.com"
    browser = make_driver()
    try:
        link = ask_for_a_guest_link(browser, server, mail_sink, email)
        open_guest_link(browser, server, link)
        collection_day = answer_the_missed_bin_questions(browser, server)
        reference = send_and_check_the_guest_confirmation(browser, server, mail_sink, email, collection_day)

        browser.get(link)
        assert heading(browser) == "This link cannot be used", "a link that has sent its form opens nothing more"
        assert_axe_clean(browser, "used guest link")
        browser.delete_all_cookies()
        browser.get(server.base_url + "/sent/" + reference)
        assert heading(browser) != "Request sent" and reference not in main_text(browser), \
            "only the browser that sent it sees the confirmation"
    finally:
        quit_driver(browser)


def test_a_resident_applies_for_a_permit_answers_the_officer_and_rates_the_outcome(journey_server, mail_sink):
    server, email = journey_server, "ann.jones@example.com"
    resident, manager = make_driver(), make_driver()
    try:
        register_and_sign_in(resident, server, mail_sink, "Ann Jones", email)
        assert_axe_clean(resident, "my account, no requests yet")
        reference = apply_for_a_parking_permit(resident, server)
        assert status_tag(resident) == "Received"
        assert resident.find_elements(By.XPATH, "//main//h2[normalize-space()='Withdraw this request']"), \
            "an open request can be withdrawn"
        assert not resident.find_elements(By.ID, "reply"), "nothing has been asked yet"
        assert_axe_clean(resident, "request page just sent")

        confirmation = mail_sink.wait_for(email, f"We have received your request {reference}")
        assert "Dear Ann Jones" in confirmation.body and PARKING_PERMIT in confirmation.body, confirmation.body
        follow_link = email_link(confirmation.body, rf"/account/requests/{reference}")
        assert follow_link == f"{server.base_url}/account/requests/{reference}"

        resident.get(server.base_url + "/account")
        latest = resident.find_element(By.CSS_SELECTOR, "main table").text
        assert reference in latest and PARKING_PERMIT in latest, f"My Account should list the request:\n{latest}"
        assert_axe_clean(resident, "my account with a request")
        resident.get(server.base_url + "/account/requests")
        table = resident.find_element(By.XPATH, "//main//table[caption[normalize-space()='Requests you made']]")
        row = table.find_element(By.XPATH, f".//tr[.//a[normalize-space()='{reference}']]").text
        assert PARKING_PERMIT in row and "Received" in row, row
        assert_axe_clean(resident, "your requests")

        # The officer asks a question.
        sign_in_as_manager(manager, server)
        manager.get(server.base_url + "/staff/cases/" + reference)
        assert "Ann Jones" in main_text(manager) and "AB12 CDE" in main_text(manager)
        assert_axe_clean(manager, "case page for the manager")
        question = "Which parking zone sign is nearest to your home?"
        update_the_case(manager, server, reference, "ask-customer", question)
        assert summary_rows(manager)["Status"] == "Waiting for your reply"

        # The resident answers it.
        resident.get(follow_link)
        assert status_tag(resident) == "Waiting for your reply"
        assert question in main_text(resident), "the officer's question is on the resident's timeline"
        assert resident.find_elements(By.XPATH, "//main//h2[normalize-space()='Reply to us']")
        assert_axe_clean(resident, "request page waiting for a reply")
        press(resident, "Send your reply")
        assert "Enter your reply" in error_summary(resident)
        assert_axe_clean(resident, "request page with an empty reply")
        answer = "The sign for zone K3 is on the corner of Willow Crescent."
        type_into(resident, "reply", answer)
        press(resident, "Send your reply")
        assert "Your reply has been sent" in banner(resident)
        assert status_tag(resident) == "In progress"
        assert answer in main_text(resident)
        assert not resident.find_elements(By.ID, "reply"), "the question has been answered"
        assert_axe_clean(resident, "request page after replying")

        # The officer sees the reply and resolves the case.
        manager.get(server.base_url + "/staff/cases/" + reference)
        assert answer in main_text(manager), "the resident's reply is on the case"
        assert summary_rows(manager)["Status"] == "In progress"
        outcome = "Your permit for zone K3 is approved and will arrive by post."
        update_the_case(manager, server, reference, "resolve", outcome)
        assert summary_rows(manager)["Status"] == "Resolved"

        # The resident sees it resolved and rates it, once.
        resident.get(follow_link)
        assert status_tag(resident) == "Resolved"
        assert outcome in main_text(resident)
        assert resident.find_elements(By.XPATH, "//main//h2[normalize-space()='How did we do?']")
        assert resident.find_elements(By.ID, "reopen-reason"), "a resolved request may be reopened"
        assert not resident.find_elements(By.XPATH, "//main//h2[normalize-space()='Withdraw this request']"), \
            "a resolved request cannot be withdrawn"
        assert_axe_clean(resident, "resolved request page")
        press(resident, "Send your rating")
        assert "Select how satisfied you are" in error_summary(resident)
        assert_axe_clean(resident, "rating with no score")
        choose(resident, "score", "4")
        type_into(resident, "rating-comment", "Quick, but I had to find the zone sign myself.")
        press(resident, "Send your rating")
        assert "Thank you for your rating" in banner(resident)
        assert "You rated this: Satisfied (4 out of 5)." in main_text(resident)
        assert not resident.find_elements(By.CSS_SELECTOR, "input[name='score']"), "a request is rated once"
        assert_axe_clean(resident, "request page after rating")

        resident.get(server.base_url + "/account/requests")
        row = resident.find_element(By.XPATH, f"//main//tr[.//a[normalize-space()='{reference}']]").text
        assert "Resolved" in row and "Finished" in row, row

        manager.get(server.base_url + "/staff/cases/" + reference)
        assert summary_rows(manager)["Customer's rating"] == \
            "4 out of 5, satisfied: Quick, but I had to find the zone sign myself."
    finally:
        quit_driver(resident)
        quit_driver(manager)


# Without JavaScript, by keyboard, on a small screen, and light -----------------------------

def test_a_guest_reports_a_missed_bin_with_javascript_turned_off(portal, portal_mail):
    email = "no.scripts@example.com"
    browser = make_driver(javascript=False)
    try:
        assert_scripts_are_off(browser)
        link = ask_for_a_guest_link(browser, portal, portal_mail, email, audit=no_audit)
        open_guest_link(browser, portal, link, audit=no_audit)
        collection_day = answer_the_missed_bin_questions(browser, portal, audit=no_audit)
        send_and_check_the_guest_confirmation(browser, portal, portal_mail, email, collection_day, audit=no_audit)
    finally:
        quit_driver(browser)


def tab_until(browser, is_there, what: str, limit: int = 40):
    """Presses Tab on whatever has focus until `is_there(focused element)`; returns that element."""
    for _ in range(limit):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        focused = browser.switch_to.active_element
        if is_there(focused):
            return focused
    raise AssertionError(f"{limit} presses of Tab never reached {what}")


def enter_and_wait(browser, path_pattern: str):
    """Presses Enter on the focused element and waits for a page whose path matches."""
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(browser, 15).until(lambda b: re.fullmatch(path_pattern, path_of(b))
                                     and b.execute_script("return document.readyState") == "complete")


def assert_focus_is_visible(browser, element, what: str):
    style = browser.execute_script(
        "const s = getComputedStyle(arguments[0]);"
        "return {outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor, shadow: s.boxShadow,"
        " background: s.backgroundColor};", element)
    outline = not style["outline"].startswith("none") and " 0px " not in style["outline"] \
        and "rgba(0, 0, 0, 0)" not in style["outline"] and "transparent" not in style["outline"]
    assert outline or style["shadow"] != "none", f"{what} shows no focus indicator: {style}"


def test_a_resident_finds_a_service_and_asks_for_a_link_with_the_keyboard_alone(portal, portal_mail):
    email = "keyboard.only@example.com"
    browser = make_driver()
    try:
        browser.get(portal.base_url + "/")
        assert browser.execute_script("return document.activeElement === document.body")
        box = tab_until(browser, lambda e: e.get_attribute("id") == "q", "the search box")
        assert box.get_attribute("type") == "search"
        box.send_keys("missed bin")
        enter_and_wait(browser, r"/search\?q=missed\+bin")
        assert "results for ‘missed bin’" in main_text(browser)

        first_result = browser.find_element(By.CSS_SELECTOR, "main .fd-service-list a")
        assert first_result.text == MISSED_BIN
        link = tab_until(browser, lambda e: e == first_result, "the first search result")
        assert_focus_is_visible(browser, link, "the focused search result")
        enter_and_wait(browser, r"/services/missed-bin")
        assert heading(browser) == MISSED_BIN

        box = tab_until(browser, lambda e: e.get_attribute("id") == "guest-email", "the guest's email box")
        box.send_keys(email)
        button = tab_until(browser, lambda e: e.tag_name == "button", "the Email me a link button")
        assert button.text == "Email me a link"
        assert_focus_is_visible(browser, button, "the focused button")
        enter_and_wait(browser, r"/services/missed-bin/check-your-email")
        assert heading(browser) == "Check your email"
        portal_mail.wait_for(email, "Your link to report a missed bin collection")
    finally:
        quit_driver(browser)


def narrow_driver():
    """A browser with a 320 CSS-pixel viewport: Chromium will not open a window that narrow, so
    the viewport is emulated on top of the narrowest window."""
    browser = make_driver(width=320)
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 320, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    return browser


def assert_no_sideways_scrolling(browser, what: str):
    width = browser.execute_script("return window.innerWidth")
    scroll_width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width == 320, f"{what}: the viewport should be 320px wide, not {width}px"
    assert scroll_width <= width, f"{what} ({path_of(browser)}) scrolls sideways at 320px: its content is {scroll_width}px wide"


def test_the_portal_reflows_at_320_pixels_without_sideways_scrolling(portal, resident):
    browser = narrow_driver()
    try:
        browser.get(portal.base_url + "/")
        assert_no_sideways_scrolling(browser, "home page")
        browser.get(portal.base_url + "/search?q=wheely+bins")
        assert MISSED_BIN in main_text(browser)
        assert_no_sideways_scrolling(browser, "search results")
        browser.get(portal.base_url + "/services/missed-bin")
        assert browser.find_element(By.ID, "guest-email").is_displayed()
        assert_no_sideways_scrolling(browser, "service page with the guest form")
        press(browser, "Email me a link")
        assert "Enter your email address" in error_summary(browser)
        assert_no_sideways_scrolling(browser, "service page with an error")

        sign_in_with_cookies(browser, portal, resident)
        browser.get(portal.base_url + "/services/parking-permit")
        press(browser, "Start now")
        assert re.search(r"/forms/[^/]+/address$", browser.current_url), browser.current_url
        assert_no_sideways_scrolling(browser, "address question")
        choose_willow_crescent(browser)
        assert_no_sideways_scrolling(browser, "address question, choosing from the list")
        browser.get(portal.base_url + "/account/requests/" + resident["reference"])
        assert resident["reference"] in main_text(browser)
        assert_no_sideways_scrolling(browser, "request page")
        browser.get(portal.base_url + "/account/requests")
        assert_no_sideways_scrolling(browser, "your requests")
    finally:
        quit_driver(browser)


def page_weight(browser) -> tuple:
    """The bytes the page's HTML and the CSS and JavaScript it loads took, as the browser's
    Performance API saw them with its cache off (so nothing is counted as 0 because it was
    cached); and what was counted, for the message."""
    entries = browser.execute_script(
        "return [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]"
        ".map(e => ({name: e.name, type: e.initiatorType, transfer: e.transferSize, body: e.encodedBodySize}));")
    counted = [e for e in entries if e["type"] == "navigation" or re.search(r"\.(css|js)(\?|$)", urlsplit(e["name"]).path)
               or e["type"] in ("script", "link")]
    referenced = browser.execute_script(
        "return [...document.querySelectorAll('link[rel=stylesheet][href], script[src]')].map(e => e.href || e.src);")
    missing = set(referenced) - {e["name"] for e in counted}
    assert not missing, f"{path_of(browser)} loads files the Performance API did not report: {missing}"
    empty = [e["name"] for e in counted if e["transfer"] <= 0 or e["body"] <= 0]
    assert not empty, f"{path_of(browser)}: files reported with no size (cached?), so the weight cannot be trusted: {empty}"
    return sum(max(e["transfer"], e["body"]) for e in counted), counted


def assert_light(browser, what: str):
    total, counted = page_weight(browser)
    assert any(e["type"] == "navigation" for e in counted) and any(".css" in e["name"] for e in counted), counted
    assert total < PAGE_WEIGHT_LIMIT, f"{what} weighs {total} bytes with its CSS and JavaScript, over {PAGE_WEIGHT_LIMIT}: " + \
        ", ".join(f"{urlsplit(e['name']).path} {max(e['transfer'], e['body'])}" for e in counted)


def test_each_page_with_its_css_and_javascript_weighs_under_100_kb(portal, resident):
    browser = make_driver()
    try:
        browser.execute_cdp_cmd("Network.enable", {})
        browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        browser.get(portal.base_url + "/")
        assert_light(browser, "home page")
        browser.get(portal.base_url + "/search?q=wheely+bins")
        assert_light(browser, "search results")
        sign_in_with_cookies(browser, portal, resident)
        browser.get(portal.base_url + "/services/parking-permit")
        press(browser, "Start now")
        assert re.search(r"/forms/[^/]+/address$", browser.current_url), browser.current_url
        assert_light(browser, "question page")
        browser.get(portal.base_url + "/account/requests/" + resident["reference"])
        assert resident["reference"] in main_text(browser)
        assert_light(browser, "request page")
    finally:
        quit_driver(browser)


# Home, browse and search ---------------------------------------------------------------------

def test_the_home_page_browse_pages_and_search_are_accessible_and_search_forgives_typos(portal):
    browser = make_driver()
    try:
        browser.get(portal.base_url + "/")
        assert heading(browser) == "Kingsmere Borough Council"
        box = browser.find_element(By.ID, "q")
        assert box.get_attribute("type") == "search"
        assert box.find_element(By.XPATH, "ancestor::form").get_attribute("action") == portal.base_url + "/search"
        top_tasks = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "main .fd-top-tasks a")]
        assert top_tasks and top_tasks[0] == MISSED_BIN, f"the most used tasks come first: {top_tasks}"
        groups = {a.text: a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "main .fd-service-groups a")}
        assert groups.get("Waste") == portal.base_url + "/browse/waste", groups
        assert_axe_clean(browser, "home page")

        follow(browser, "Waste")
        assert path_of(browser) == "/browse/waste" and heading(browser) == "Waste"
        assert MISSED_BIN in [a.text for a in browser.find_elements(By.CSS_SELECTOR, "main .fd-service-list a")]
        assert_axe_clean(browser, "waste services")

        browser.get(portal.base_url + "/")
        follow(browser, "See all services")
        assert path_of(browser) == "/services" and heading(browser) == "All services"
        assert PARKING_PERMIT in main_text(browser)
        assert_axe_clean(browser, "all services")

        type_into(browser, "q", "wheely bins")
        press(browser, "Search")
        assert path_of(browser) == "/search?q=wheely+bins", browser.current_url
        results = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "main .fd-service-list a")]
        assert results and results[0] == MISSED_BIN, f"'wheely bins' should find the missed bin service first: {results}"
        instead = browser.find_element(By.XPATH, "//main//p[starts-with(normalize-space(), 'We searched for')]")
        assert instead.text == "We searched for wheelie bins instead."
        assert instead.find_element(By.TAG_NAME, "strong").text == "wheelie bins"
        assert browser.find_element(By.ID, "q").get_attribute("value") == "wheely bins", "the box keeps what was typed"
        assert_axe_clean(browser, "search results with a correction")

        type_into(browser, "q", "xyzzy plugh")
        press(browser, "Search")
        assert "0 results for ‘xyzzy plugh’" in main_text(browser)
        assert not browser.find_elements(By.CSS_SELECTOR, "main .fd-service-list a")
        assert_axe_clean(browser, "search with no results")
        follow(browser, "see all our services")
        assert path_of(browser) == "/services"
    finally:
        quit_driver(browser)


def test_the_public_reports_page_is_accessible_and_filters_by_ward_without_javascript(portal):
    browser = make_driver(javascript=False)
    try:
        browser.get(portal.base_url + "/reports")
        assert heading(browser) == "Reported problems"
        map_drawing = browser.find_elements(By.CSS_SELECTOR, "main figure svg")
        rows = browser.find_elements(By.CSS_SELECTOR, "main table tbody tr")
        assert rows, "the demo starts with located reports, so the list has rows"
        assert map_drawing, "the map is drawn as SVG by the server, so it shows without JavaScript"
        ward = rows[0].find_elements(By.TAG_NAME, "td")[2].text.split(", ")[-1].removesuffix(" ward")
        Select(browser.find_element(By.ID, "ward")).select_by_visible_text(ward)
        press(browser, "Show reports")
        assert "ward=" in browser.current_url
        wheres = [row.find_elements(By.TAG_NAME, "td")[2].text for row in browser.find_elements(By.CSS_SELECTOR, "main table tbody tr")]
        assert wheres and all(where.endswith(ward + " ward") for where in wheres), wheres
    finally:
        quit_driver(browser)
    browser = make_driver()
    try:
        browser.get(portal.base_url + "/reports")
        assert_axe_clean(browser, "the public reports page with its map")
    finally:
        quit_driver(browser)


def test_is_this_page_useful_is_answered_with_a_comment_and_reported_to_managers(portal):
    browser = make_driver()
    try:
        browser.get(portal.base_url + "/search?q=parking")
        click_and_wait_for_page(browser, browser.find_element(By.XPATH, "//form[contains(@class, 'fd-page-feedback')]//button[normalize-space()='No']"))
        assert heading(browser) == "Thank you for your feedback"
        assert_axe_clean(browser, "thanks for page feedback, with the comment box")
        type_into(browser, "comment", "I could not tell which permit I need")
        press(browser, "Send")
        assert heading(browser) == "Thank you for your comment"
        assert not browser.find_elements(By.ID, "comment"), "one comment per answer"
        assert_axe_clean(browser, "thanks for the comment")

        sign_in_as_manager(browser, portal, audit=no_audit)
        browser.get(portal.base_url + "/staff/page-feedback")
        page = main_text(browser)
        assert "/search" in page and "I could not tell which permit I need" in page, page
        assert "?q=" not in page, "the query a resident typed is not kept"
        assert_axe_clean(browser, "managers' page feedback report")
    finally:
        quit_driver(browser)


def test_the_portal_in_welsh_is_accessible_and_remembered(portal, resident):
    browser = make_driver()
    try:
        browser.get(portal.base_url + "/")
        switch = browser.find_element(By.CSS_SELECTOR, "header a[hreflang='cy']")
        assert switch.text == "Cymraeg" and switch.get_attribute("lang") == "cy"
        click_and_wait_for_page(browser, switch)
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "cy"
        assert browser.find_element(By.ID, "q").get_attribute("type") == "search"
        assert "Y mwyaf poblogaidd" in main_text(browser)
        assert_axe_clean(browser, "home page in Welsh")
        for path, words, what in [
            ("/search?q=biniau", "canlyniad", "search in Welsh"),
            ("/reports", "Problemau y rhoddwyd gwybod amdanynt", "reports in Welsh"),
            ("/services/missed-bin", "Parhau heb gyfrif", "a service page in Welsh"),
            ("/account/register", "Creu cyfrif", "registration in Welsh"),
            ("/accessibility", "Datganiad hygyrchedd", "the accessibility statement in Welsh"),
        ]:
            browser.get(portal.base_url + path)
            assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "cy", f"{path} stays in Welsh"
            assert words in main_text(browser), f"{path}: {main_text(browser)[:300]}"
            assert_axe_clean(browser, what)
        sign_in_with_cookies(browser, portal, resident)
        browser.get(portal.base_url + "/account/requests/" + resident["reference"])
        assert "Beth sydd wedi digwydd" in main_text(browser)
        assert_axe_clean(browser, "a request in Welsh")
        click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "header a[hreflang='en']"))
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
        assert "What has happened" in main_text(browser)
    finally:
        quit_driver(browser)
