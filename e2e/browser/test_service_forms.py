"""Service forms in a real browser: an advisor fills in forms for a customer (assisted digital),
one question a page, through every kind of question: a location, dates, checkboxes, numbers,
yes or no with a follow-up question, a file upload, a postcode, an address lookup, an email.
Every page and every error state on the way is axe-clean; the journeys also work with
JavaScript turned off."""
import re

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait_for_page, make_driver, quit_driver, start_server
from page_actions import assert_axe_clean, submit, press, follow, main_text, heading, type_into, tick

MARGARET = "6f1c2a4e-0d1b-4c39-9a55-3b8e2f1a7e01"
# The eight bytes every PNG starts with, then the start of an IHDR chunk: enough for the file's
# first bytes to say PNG, whatever it is called.
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00" + bytes(range(64))


def assert_question(browser, server, question: str, service: str, field: str | None = None):
    """The page is a question page of this service's form: its question as the one heading,
    the service as the caption, a back link."""
    if field is not None:
        assert re.search(rf"/staff/forms/[^/]+/{re.escape(field)}(\?.*)?$", browser.current_url), browser.current_url
    assert browser.current_url.startswith(server.base_url + "/staff/forms/")
    assert heading(browser) == question
    assert browser.find_element(By.CSS_SELECTOR, ".fd-caption-l").text == service
    assert browser.find_element(By.CSS_SELECTOR, "a.fd-back-link").get_attribute("href")
    assert not browser.find_elements(By.CSS_SELECTOR, ".fd-error-summary"), \
        f"'{question}' shows errors before anything was sent: {browser.find_element(By.CSS_SELECTOR, '.fd-error-summary').text}"


def assert_error(browser, message: str, what: str, javascript: bool = True):
    """The page came back with this one error: in the summary at the top (linking to a field
    on the page), beside the field, and in the page title; and it is axe-clean."""
    summaries = browser.find_elements(By.CSS_SELECTOR, ".fd-error-summary")
    assert summaries, f"{what}: no error summary; the page says:\n{main_text(browser)}"
    summary = summaries[0]
    assert message in summary.text, f"{what}: the error summary says {summary.text!r}, expected {message!r}"
    links = summary.find_elements(By.CSS_SELECTOR, "a[href^='#']")
    assert links, f"{what}: the error summary links to nothing"
    target = links[0].get_attribute("href").split("#", 1)[1]
    assert browser.find_elements(By.ID, target), f"{what}: the error summary links to #{target}, which is not on the page"
    beside = " ".join(element.text for element in browser.find_elements(By.CSS_SELECTOR, ".fd-error-message"))
    assert message in beside, f"{what}: the message beside the field says {beside!r}, expected {message!r}"
    assert browser.title.startswith("Error: "), f"{what}: the title is {browser.title!r}"
    if javascript:
        assert_axe_clean(browser, what)


def summary_rows(browser) -> dict:
    """The summary list's rows, question to answer."""
    rows = {}
    for row in browser.find_elements(By.CSS_SELECTOR, ".fd-summary-list .fd-summary-list__row"):
        key = row.find_element(By.CSS_SELECTOR, ".fd-summary-list__key").text.strip()
        rows[key] = row.find_element(By.CSS_SELECTOR, ".fd-summary-list__value").text.strip()
    return rows


def sign_in_as_advisor(browser, server):
    browser.get(server.base_url + "/staff/sign-in")
    browser.find_element(By.ID, "email").send_keys("advisor@kingsmere.example")
    browser.find_element(By.ID, "password").send_keys("frontdoor-demo")
    submit(browser)
    assert browser.current_url == server.base_url + "/staff"


def start_request(browser, server, service_code: str, channel_id: str = "channel"):
    """From Margaret Okafor's record: chooses the service and the channel, starts the form."""
    browser.get(server.base_url + "/staff/customers/" + MARGARET)
    Select(browser.find_element(By.ID, "service")).select_by_value(service_code)
    tick(browser, channel_id)
    press(browser, "Start the form")


@pytest.fixture(scope="module")
def forms_server(tmp_path_factory):
    """One FrontDoor with the demo council for this file's journeys (each sends its own requests)."""
    running = start_server(tmp_path_factory.mktemp("service-forms") / "data")
    yield running
    running.stop()


def test_an_advisor_sends_a_form_with_every_kind_of_question_and_every_page_is_accessible(forms_server, tmp_path):
    server = forms_server
    not_a_picture = tmp_path / "notes.png"
    not_a_picture.write_text("These are my notes about the rubbish, not a picture of it.\n")
    picture = tmp_path / "dumped-sofa.png"
    picture.write_bytes(PNG_BYTES)

    browser = make_driver()
    try:
        sign_in_as_advisor(browser, server)
        browser.get(server.base_url + "/staff/customers/" + MARGARET)
        assert "Margaret Okafor" in heading(browser)
        assert "Make a request for this customer" in main_text(browser)
        assert_axe_clean(browser, "Margaret Okafor's record")

        # Fly-tipping, reported by phone.
        service = "Report fly-tipping"
        start_request(browser, server, "fly-tipping", "channel")

        # A location: with JavaScript the device's location is offered as well as a description.
        assert_question(browser, server, "Where is the fly-tipping?", service, "location")
        location = browser.find_element(By.CSS_SELECTOR, "[data-module='fd-location']")
        buttons = location.find_elements(By.XPATH, ".//button[normalize-space()='Use my current location']")
        assert len(buttons) == 1, "with JavaScript the location question offers the device's location"
        assert buttons[0].get_attribute("type") == "button", "the location button must not send the form"
        assert_axe_clean(browser, "location question")
        submit(browser)
        assert_error(browser, "Show where on the map, or describe the location", "location question with no answer")
        type_into(browser, "location-description", "In the lay-by on Orchard Road, opposite the scout hut")
        submit(browser)

        # A date: empty, then with no month, then whole.
        assert_question(browser, server, "When did you see it?", service, "seen-on")
        assert_axe_clean(browser, "date question")
        submit(browser)
        assert_error(browser, "Enter the date you saw it", "date question with no answer")
        type_into(browser, "seen-on", "12")
        type_into(browser, "seen-on-year", "2026")
        submit(browser)
        assert_error(browser, "The date you saw it must include a month", "date question with no month")
        assert "fd-input--error" in browser.find_element(By.ID, "seen-on-month").get_attribute("class"), \
            "the month box is the one marked as wrong"
        assert browser.find_element(By.ID, "seen-on").get_attribute("value") == "12", "what was typed is kept"
        assert browser.find_element(By.ID, "seen-on-year").get_attribute("value") == "2026"
        type_into(browser, "seen-on-month", "3")
        submit(browser)

        # Checkboxes.
        assert_question(browser, server, "What has been dumped?", service, "waste")
        assert_axe_clean(browser, "checkboxes question")
        submit(browser)
        assert_error(browser, "Select what has been dumped", "checkboxes question with nothing ticked")
        tick(browser, "waste")  # Black bags
        tick(browser, "waste-2")  # Furniture or mattresses
        submit(browser)

        # A number: empty, then not a number.
        assert_question(browser, server, "About how many bags or items are there?", service, "bags")
        assert_axe_clean(browser, "number question")
        submit(browser)
        assert_error(browser, "Enter how many bags or items there are", "number question with no answer")
        type_into(browser, "bags", "abc")
        submit(browser)
        assert_error(browser, "How many bags or items there are must be a number", "number question with letters")
        type_into(browser, "bags", "4")
        submit(browser)

        # Yes or no; yes brings in the registration number question.
        assert_question(browser, server, "Did you see who dumped it?", service, "seen-dumping")
        assert_axe_clean(browser, "yes or no question")
        submit(browser)
        assert_error(browser, "Select if you saw who dumped it", "yes or no question with no answer")
        tick(browser, "seen-dumping")  # Yes
        submit(browser)

        # An optional short text with a pattern.
        assert_question(browser, server, "What was the vehicle's registration number?", service, "vehicle")
        assert_axe_clean(browser, "registration number question")
        type_into(browser, "vehicle", "AB12-CDE!")
        submit(browser)
        assert_error(browser, "Enter the registration number as it was on the number plate, like AB12 CDE",
                     "registration number question with a wrong number")
        type_into(browser, "vehicle", "AB12 CDE")
        submit(browser)

        # A file upload: the file's first bytes decide what it is, not its name.
        assert_question(browser, server, "Add a photo (optional)", service, "photo")
        form = browser.find_element(By.CSS_SELECTOR, "main form")
        assert form.get_attribute("enctype") == "multipart/form-data"
        assert_axe_clean(browser, "file upload question")
        browser.find_element(By.ID, "photo").send_keys(str(not_a_picture))
        submit(browser)
        assert_error(browser, "The selected file must be a", "file upload question with a text file called .png")
        assert "JPG" in browser.find_element(By.CSS_SELECTOR, ".fd-error-summary").text
        browser.find_element(By.ID, "photo").send_keys(str(picture))
        submit(browser)

        # Check your answers.
        assert re.search(r"/staff/forms/[^/?]+$", browser.current_url), browser.current_url
        assert heading(browser).startswith("Check your answers")
        assert "You are sending this request for Margaret Okafor, received by phone" in main_text(browser)
        assert_axe_clean(browser, "check your answers (fly-tipping)")
        answers = summary_rows(browser)
        assert answers["Where is the fly-tipping?"] == "In the lay-by on Orchard Road, opposite the scout hut"
        assert answers["When did you see it?"] == "12 March 2026"
        assert answers["What has been dumped?"] == "Black bags\nFurniture or mattresses"
        assert answers["About how many bags or items are there?"] == "4"
        assert answers["Did you see who dumped it?"] == "Yes"
        assert answers["What was the vehicle's registration number?"] == "AB12 CDE"
        assert answers["Add a photo (optional)"].startswith("dumped-sofa.png"), answers["Add a photo (optional)"]
        assert "notes.png" not in main_text(browser)

        # Change one answer and come straight back.
        change = browser.find_element(By.CSS_SELECTOR, ".fd-summary-list a[href$='/bags?change=1']")
        assert change.get_attribute("textContent").split() == "Change how many bags or items there are".split(), \
            "the change link says what it changes"
        click_and_wait_for_page(browser, change)
        assert_question(browser, server, "About how many bags or items are there?", service, "bags")
        assert browser.find_element(By.ID, "bags").get_attribute("value") == "4"
        back = browser.find_element(By.CSS_SELECTOR, "a.fd-back-link").get_attribute("href")
        assert re.search(r"/staff/forms/[^/?]+$", back), f"the back link goes to check your answers, not {back}"
        assert_axe_clean(browser, "number question, changing the answer")
        type_into(browser, "bags", "1001")
        submit(browser)
        assert_error(browser, "How many bags or items there are must be 1000 or less", "number question over its maximum")
        type_into(browser, "bags", "6")
        submit(browser)
        assert heading(browser).startswith("Check your answers")
        answers = summary_rows(browser)
        assert answers["About how many bags or items are there?"] == "6"
        assert answers["What was the vehicle's registration number?"] == "AB12 CDE", "other answers stand"

        press(browser, "Accept and send")
        assert re.search(r"/staff/requests/[0-9a-f-]{36}$", browser.current_url), browser.current_url
        assert re.fullmatch(r"FD-\d{4}-\d{6}: Report fly-tipping for Margaret Okafor", heading(browser)), heading(browser)
        assert "by phone" in main_text(browser)
        assert_axe_clean(browser, "request as sent (fly-tipping)")
        sent = summary_rows(browser)
        assert sent["Where is the fly-tipping?"] == "In the lay-by on Orchard Road, opposite the scout hut"
        assert sent["When did you see it?"] == "12 March 2026"
        assert sent["What has been dumped?"] == "Black bags\nFurniture or mattresses"
        assert sent["About how many bags or items are there?"] == "6"
        assert sent["Did you see who dumped it?"] == "Yes"
        assert sent["What was the vehicle's registration number?"] == "AB12 CDE"
        assert sent["Add a photo (optional)"].startswith("dumped-sofa.png")
        download = browser.find_element(By.XPATH, "//main//a[starts-with(normalize-space(), 'Download dumped-sofa.png')]")
        # The file comes back as it was sent, as a download, to the signed-in advisor only.
        cookies = {cookie["name"]: cookie["value"] for cookie in browser.get_cookies()}
        response = requests.get(download.get_attribute("href"), cookies=cookies, timeout=10)
        assert response.status_code == 200
        assert response.content == PNG_BYTES
        assert response.headers["Content-Type"] == "image/png"
        assert response.headers["Content-Disposition"].startswith("attachment")
        assert requests.get(download.get_attribute("href"), timeout=10, allow_redirects=False).status_code != 200

        reference = heading(browser).split(":")[0]
        click_and_wait_for_page(browser, browser.find_element(By.XPATH, f"//main//a[normalize-space()='Open the case {reference}']"))
        assert browser.current_url.endswith("/staff/cases/" + reference)
        assert_axe_clean(browser, "case page")
        assert "Request received: Report fly-tipping" in main_text(browser)
        submit_note = browser.find_element(By.XPATH, "//main//button[normalize-space()='Add the note']")
        click_and_wait_for_page(browser, submit_note)
        assert "Enter the note" in browser.find_element(By.CSS_SELECTOR, ".fd-error-summary").text
        assert_axe_clean(browser, "case page with an error")
        type_into(browser, "note", "Caller will send a second photo by email")
        click_and_wait_for_page(browser, browser.find_element(By.XPATH, "//main//button[normalize-space()='Add the note']"))
        assert "Caller will send a second photo by email" in main_text(browser)
        assert_axe_clean(browser, "case page with a note")

        browser.get(server.base_url + "/staff/customers/" + MARGARET)
        assert browser.find_elements(By.XPATH, f"//main//a[@href='/staff/cases/{reference}']"), \
            "the customer's record lists the case just made"

        browser.get(server.base_url + "/staff/queue")
        assert reference in main_text(browser)
        assert_axe_clean(browser, "work queue")
        browser.get(server.base_url + "/staff/queue?older-than=lots")
        assert "Enter the age in whole days" in browser.find_element(By.CSS_SELECTOR, ".fd-error-summary").text
        assert_axe_clean(browser, "work queue with a filter error")

        # Council Tax: moving home, by email.
        service = "Tell us you are moving home (Council Tax)"
        start_request(browser, server, "council-tax-move", "channel-3")

        assert_question(browser, server, "When are you moving?", service, "moving-date")
        assert_axe_clean(browser, "moving date question")
        submit(browser)
        assert_error(browser, "Enter the date you are moving", "moving date question with no answer")
        type_into(browser, "moving-date", "31")
        type_into(browser, "moving-date-month", "2")
        type_into(browser, "moving-date-year", "2026")
        submit(browser)
        assert_error(browser, "The date you are moving must be a real date", "moving date question with 31 February")
        type_into(browser, "moving-date", "28")
        submit(browser)

        assert_question(browser, server, "What is the postcode of the home you are leaving?", service, "old-postcode")
        assert_axe_clean(browser, "postcode question")
        submit(browser)
        assert_error(browser, "Enter the postcode of the home you are leaving", "postcode question with no answer")
        type_into(browser, "old-postcode", "not a postcode")
        submit(browser)
        assert_error(browser, "Enter a real postcode, like KM1 1AA", "postcode question with a wrong postcode")
        type_into(browser, "old-postcode", "km1 1aa")
        submit(browser)

        # The address: typed in first, then found by postcode instead.
        assert_question(browser, server, "What is your new address?", service, "new-address")
        assert browser.find_element(By.ID, "new-address-lookup").is_displayed()
        assert_axe_clean(browser, "address question, finding by postcode")
        follow(browser, "Enter the address manually")
        assert browser.current_url.endswith("/new-address?address=manual"), browser.current_url
        assert_question(browser, server, "What is your new address?", service)
        for box in ("new-address-line1", "new-address-line2", "new-address-town", "new-address-postcode"):
            assert browser.find_element(By.ID, box).is_displayed()
        assert_axe_clean(browser, "address question, typing it in")
        submit(browser)
        assert_error(browser, "Enter your new address", "address typed in, with nothing typed")
        type_into(browser, "new-address-line1", "3 Quarry Lane")
        submit(browser)
        assert_error(browser, "Enter town or city", "address typed in, with no town")
        follow(browser, "Find the address by postcode instead")
        assert_question(browser, server, "What is your new address?", service, "new-address")

        press(browser, "Find address")
        assert_error(browser, "Enter a postcode", "address lookup with no postcode")
        type_into(browser, "new-address-lookup", "KM2 QQQ")
        press(browser, "Find address")
        assert_error(browser, "Enter a real postcode, like KM1 1AA", "address lookup with a wrong postcode")
        type_into(browser, "new-address-lookup", "KM9 9ZZ")
        press(browser, "Find address")
        assert_error(browser, "We could not find any addresses at KM9 9ZZ", "address lookup finding nothing")
        type_into(browser, "new-address-lookup", "km2 4qt")
        press(browser, "Find address")
        assert "Addresses at KM2 4QT" in main_text(browser)
        choices = Select(browser.find_element(By.ID, "new-address-uprn"))
        names = [option.text for option in choices.options]
        assert any(name.startswith("14 Willow Crescent") for name in names), names
        assert_axe_clean(browser, "address lookup, choosing from the list")
        press(browser, "Use this address")
        assert_error(browser, "Select the address", "address lookup with nothing chosen")
        Select(browser.find_element(By.ID, "new-address-uprn")).select_by_visible_text(
            next(name for name in names if name.startswith("14 Willow Crescent")))
        press(browser, "Use this address")

        assert_question(browser, server, "How many adults (18 or over) will live at the new address?", service, "adults")
        assert_axe_clean(browser, "adults question")
        submit(browser)
        assert_error(browser, "Enter how many adults will live there", "adults question with no answer")
        type_into(browser, "adults", "0")
        submit(browser)
        assert_error(browser, "How many adults will live there must be 1 or more", "adults question with none")
        type_into(browser, "adults", "2")
        submit(browser)

        assert_question(browser, server, "Which email address should we send your new bill to?", service, "bill-email")
        assert_axe_clean(browser, "email question")
        submit(browser)
        assert_error(browser, "Enter the email address for your bill", "email question with no answer")
        type_into(browser, "bill-email", "margaret.okafor.example")
        submit(browser)
        assert_error(browser, "Enter an email address in the correct format, like name@example.com",
                     "email question with no @")
        type_into(browser, "bill-email", "Margaret.Okafor@example.com")
        submit(browser)

        assert heading(browser).startswith("Check your answers")
        assert "received by email" in main_text(browser)
        assert_axe_clean(browser, "check your answers (council tax)")
        answers = summary_rows(browser)
        assert answers["When are you moving?"] == "28 February 2026"
        assert answers["What is the postcode of the home you are leaving?"] == "KM1 1AA"
        assert answers["What is your new address?"].startswith("14 Willow Crescent"), answers
        assert "KM2 4QT" in answers["What is your new address?"]
        assert answers["How many adults (18 or over) will live at the new address?"] == "2"
        assert answers["Which email address should we send your new bill to?"] == "margaret.okafor@example.com"
        assert "change-of-address" not in main_text(browser), "a hidden field is never shown"

        # Changing the address reopens it on the list it was chosen from.
        click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, ".fd-summary-list a[href$='/new-address?change=1']"))
        assert_question(browser, server, "What is your new address?", service, "new-address")
        chosen = Select(browser.find_element(By.ID, "new-address-uprn")).first_selected_option.text
        assert chosen.startswith("14 Willow Crescent"), chosen
        assert_axe_clean(browser, "address question, changing the answer")
        press(browser, "Use this address")
        assert heading(browser).startswith("Check your answers")

        press(browser, "Accept and send")
        assert re.search(r"/staff/requests/[0-9a-f-]{36}$", browser.current_url), browser.current_url
        assert heading(browser).endswith(": Tell us you are moving home (Council Tax) for Margaret Okafor"), heading(browser)
        assert "by email" in main_text(browser)
        assert_axe_clean(browser, "request as sent (council tax)")
        sent = summary_rows(browser)
        assert sent["When are you moving?"] == "28 February 2026"
        assert sent["What is your new address?"].startswith("14 Willow Crescent")
        assert sent["How many adults (18 or over) will live at the new address?"] == "2"
        assert sent["Which email address should we send your new bill to?"] == "margaret.okafor@example.com"
        assert not browser.find_elements(By.XPATH, "//main//a[starts-with(normalize-space(), 'Download')]")
    finally:
        quit_driver(browser)


def test_the_address_lookup_and_location_work_without_javascript(forms_server):
    server = forms_server
    browser = make_driver(javascript=False)
    try:
        browser.get("data:text/html,<p id='p'>scripts off</p><script>document.getElementById('p').textContent='on'</script>")
        assert browser.find_element(By.ID, "p").text == "scripts off", "this browser must really run without JavaScript"
        sign_in_as_advisor(browser, server)

        # Fly-tipping, face to face: the location can only be described.
        service = "Report fly-tipping"
        start_request(browser, server, "fly-tipping", "channel-2")
        assert_question(browser, server, "Where is the fly-tipping?", service, "location")
        location = browser.find_element(By.CSS_SELECTOR, "[data-module='fd-location']")
        assert not browser.find_elements(By.XPATH, "//button[normalize-space()='Use my current location']"), \
            "without JavaScript there is no device location to offer"
        assert not location.find_elements(By.TAG_NAME, "button")
        submit(browser)
        assert_error(browser, "Show where on the map, or describe the location", "location question with no answer",
                     javascript=False)
        type_into(browser, "location-description", "Behind the garages at the end of Mill Lane")
        submit(browser)
        assert_question(browser, server, "When did you see it?", service, "seen-on")
        type_into(browser, "seen-on", "2")
        type_into(browser, "seen-on-month", "4")
        type_into(browser, "seen-on-year", "2026")
        submit(browser)
        assert_question(browser, server, "What has been dumped?", service, "waste")
        tick(browser, "waste-5")  # Something that may be asbestos
        submit(browser)
        type_into(browser, "bags", "1")
        submit(browser)
        assert_question(browser, server, "Did you see who dumped it?", service, "seen-dumping")
        tick(browser, "seen-dumping-2")  # No: the registration number is not asked
        submit(browser)
        assert_question(browser, server, "Add a photo (optional)", service, "photo")
        submit(browser)
        assert heading(browser).startswith("Check your answers")
        answers = summary_rows(browser)
        assert answers["Where is the fly-tipping?"] == "Behind the garages at the end of Mill Lane"
        assert answers["What has been dumped?"] == "Something that may be asbestos"
        assert answers["Did you see who dumped it?"] == "No"
        assert "What was the vehicle's registration number?" not in answers
        assert answers["Add a photo (optional)"] == "Not answered"
        press(browser, "Accept and send")
        assert re.search(r"/staff/requests/[0-9a-f-]{36}$", browser.current_url), browser.current_url
        sent = summary_rows(browser)
        assert sent["Where is the fly-tipping?"] == "Behind the garages at the end of Mill Lane"
        assert "by face to face" in main_text(browser)

        # A missed bin, by post: the address is found by postcode and chosen from the list.
        service = "Report a missed bin collection"
        start_request(browser, server, "missed-bin", "channel-4")
        assert_question(browser, server, "Which bin was missed?", service, "bin")
        tick(browser, "bin-2")  # Recycling
        submit(browser)
        assert_question(browser, server, "When should it have been collected?", service, "collection-day")
        type_into(browser, "collection-day", "23")
        type_into(browser, "collection-day-month", "3")
        type_into(browser, "collection-day-year", "2026")
        submit(browser)
        assert_question(browser, server, "Was the bin out by 7am on collection day?", service, "out-by-7")
        tick(browser, "out-by-7")
        submit(browser)

        assert_question(browser, server, "Where is the bin?", service, "address")
        type_into(browser, "address-lookup", "KM9 9ZZ")
        press(browser, "Find address")
        assert_error(browser, "We could not find any addresses at KM9 9ZZ", "address lookup finding nothing", javascript=False)
        type_into(browser, "address-lookup", "KM2 4QT")
        press(browser, "Find address")
        assert "Addresses at KM2 4QT" in main_text(browser)
        choices = Select(browser.find_element(By.ID, "address-uprn"))
        willow = next(option.text for option in choices.options if option.text.startswith("14 Willow Crescent"))
        choices.select_by_visible_text(willow)
        press(browser, "Use this address")

        assert_question(browser, server, "Anything else we should know?", service, "details")
        type_into(browser, "details", "The crew took the black bin but left the blue one.")
        submit(browser)
        assert heading(browser).startswith("Check your answers")
        answers = summary_rows(browser)
        assert answers["Which bin was missed?"] == "Recycling (blue bin)"
        assert answers["When should it have been collected?"] == "23 March 2026"
        assert answers["Was the bin out by 7am on collection day?"] == "Yes"
        assert answers["Where is the bin?"].startswith("14 Willow Crescent"), answers
        press(browser, "Accept and send")
        assert re.search(r"/staff/requests/[0-9a-f-]{36}$", browser.current_url), browser.current_url
        assert heading(browser).endswith(": Report a missed bin collection for Margaret Okafor"), heading(browser)
        assert "by post" in main_text(browser)
        sent = summary_rows(browser)
        assert sent["Where is the bin?"].startswith("14 Willow Crescent")
        assert "KM2 4QT" in sent["Where is the bin?"]
        assert sent["Anything else we should know?"] == "The crew took the black bin but left the blue one."
    finally:
        quit_driver(browser)


def test_a_manager_assigns_cases_from_the_work_queue(forms_server):
    """Runs after the journeys above, so the queue has their cases."""
    server = forms_server
    browser = make_driver()
    try:
        browser.get(server.base_url + "/staff/sign-in")
        browser.find_element(By.ID, "email").send_keys("manager@kingsmere.example")
        browser.find_element(By.ID, "password").send_keys("frontdoor-demo")
        submit(browser)
        browser.get(server.base_url + "/staff/queue")
        rows = browser.find_elements(By.CSS_SELECTOR, "main tbody tr")
        assert rows, "the journeys above made cases"
        assert_axe_clean(browser, "work queue with assignment")
        press(browser, "Assign the cases ticked")
        assert "Select at least one case to assign" in browser.find_element(By.CSS_SELECTOR, ".fd-error-summary").text
        assert_axe_clean(browser, "work queue with an assignment error")
        first = browser.find_element(By.CSS_SELECTOR, "main tbody tr input[name='case']")
        browser.find_element(By.CSS_SELECTOR, f"label[for='{first.get_attribute('id')}']").click()
        Select(browser.find_element(By.ID, "assign-to")).select_by_visible_text("Sam Patel")
        press(browser, "Assign the cases ticked")
        assert "1 case assigned" in browser.find_element(By.CSS_SELECTOR, ".fd-notification-banner").text
        assert "Sam Patel" in main_text(browser)

        # The case page as a manager sees it: what happens next, more time, notes.
        click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "main tbody tr th a"))
        assert_axe_clean(browser, "case page for a manager")
        press(browser, "Update the case")
        assert "Select what happens next" in browser.find_element(By.CSS_SELECTOR, ".fd-error-summary").text
        assert_axe_clean(browser, "case page with a status error")
        browser.find_element(By.CSS_SELECTOR, "summary.fd-details__summary").click()
        press(browser, "Extend the deadline")
        assert "Enter the extra working days" in browser.find_element(By.CSS_SELECTOR, ".fd-error-summary").text
        assert_axe_clean(browser, "case page with an extension error")
        type_into(browser, "extra-days", "3")
        type_into(browser, "extension-reason", "We need to order a part")
        press(browser, "Extend the deadline")
        assert "We need more time: We need to order a part" in main_text(browser)
    finally:
        quit_driver(browser)
