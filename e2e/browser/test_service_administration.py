"""Service administration in a real browser: a manager adds a service to the catalogue and builds
its online form question by question (every kind of question, a condition, a hidden field),
changes, moves and removes questions, and is stopped, with a clear message, from moves and
removals that would break the form; then imports a catalogue file, first one with problems
(every problem listed, nothing changed), then a good one. Every page and every error state on
the way is axe-clean."""
import re

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait_for_page, make_driver, quit_driver, start_server
from page_actions import assert_axe_clean, press, follow, main_text, heading, type_into, tick

SERVICE_CODE = "pest-control"
SERVICE_NAME = "Report a pest problem"


def banner(browser) -> str:
    banners = browser.find_elements(By.CSS_SELECTOR, ".fd-notification-banner")
    assert banners, f"no notification banner on {browser.current_url}; the page says:\n{main_text(browser)}"
    return banners[0].text


def error_summary(browser, what: str) -> str:
    summaries = browser.find_elements(By.CSS_SELECTOR, ".fd-error-summary")
    assert summaries, f"{what}: no error summary on {browser.current_url}; the page says:\n{main_text(browser)}"
    return summaries[0].text


def assert_errors(browser, what: str, *messages: str):
    """The page came back with these errors in the summary at the top, each summary entry linking
    to something on the page, "Error:" in the title; and it is axe-clean."""
    summary = error_summary(browser, what)
    for message in messages:
        assert message in summary, f"{what}: the error summary says {summary!r}, expected {message!r}"
    for link in browser.find_elements(By.CSS_SELECTOR, ".fd-error-summary a[href^='#']"):
        target = link.get_attribute("href").split("#", 1)[1]
        assert browser.find_elements(By.ID, target), f"{what}: the error summary links to #{target}, which is not on the page"
    assert browser.title.startswith("Error: "), f"{what}: the title is {browser.title!r}"
    assert_axe_clean(browser, what)


def assert_no_errors(browser, what: str):
    assert not browser.find_elements(By.CSS_SELECTOR, ".fd-error-summary"), \
        f"{what}: unexpected errors: {browser.find_element(By.CSS_SELECTOR, '.fd-error-summary').text}"


def sign_in_as_manager(browser, server):
    browser.get(server.base_url + "/staff/sign-in")
    browser.find_element(By.ID, "email").send_keys("manager@kingsmere.example")
    browser.find_element(By.ID, "password").send_keys("frontdoor-demo")
    press(browser, "Sign in")
    assert browser.current_url == server.base_url + "/staff", browser.current_url


# The form editor.

def editor_url(server, code: str = SERVICE_CODE) -> str:
    return f"{server.base_url}/staff/services/{code}/form"


def question_ids(browser) -> list:
    """The editor's questions, in order, by id (each question's forms carry it)."""
    return [item.find_element(By.CSS_SELECTOR, "input[name='question']").get_attribute("value")
            for item in browser.find_elements(By.CSS_SELECTOR, "ol.fd-form-questions > li")]


def question_item(browser, question_id: str):
    return browser.find_element(
        By.XPATH, f"//ol[contains(@class, 'fd-form-questions')]/li[.//input[@name='question' and @value='{question_id}']]")


def move(browser, question_id: str, direction: str):
    item = question_item(browser, question_id)
    click_and_wait_for_page(browser, item.find_element(By.CSS_SELECTOR, f"button[name='direction'][value='{direction}']"))


def remove(browser, question_id: str):
    item = question_item(browser, question_id)
    click_and_wait_for_page(browser, item.find_element(By.XPATH, ".//button[starts-with(normalize-space(), 'Remove')]"))


def start_question(browser, server, kind: str):
    """From the editor: chooses the kind of question and opens its settings page."""
    assert browser.current_url.startswith(editor_url(server)), browser.current_url
    radio = browser.find_element(By.CSS_SELECTOR, f"input[name='kind'][value='{kind}']")
    tick(browser, radio.get_attribute("id"))
    press(browser, "Add the question")
    assert browser.current_url == f"{editor_url(server)}/questions/new?kind={kind}", browser.current_url
    assert heading(browser).startswith("Add a question: "), heading(browser)
    assert browser.find_element(By.CSS_SELECTOR, ".fd-caption-l").text == SERVICE_NAME
    assert_no_errors(browser, f"new {kind} question")


def assert_saved(browser, server, version: int, what: str):
    """Back on the editor, with the new version announced."""
    assert browser.current_url == editor_url(server) + "?saved=1", \
        f"{what}: not saved, the page at {browser.current_url} says:\n{main_text(browser)}"
    assert f"The form has been saved as version {version}" in banner(browser), f"{what}: {banner(browser)!r}"
    assert_no_errors(browser, what)


# Each kind of question: its id, and how to fill in its settings page.
QUESTIONS = [
    # (kind, id, settings to type, radios/checkboxes to tick)
    ("short-text", "reference", {"label": "What is your reference number?", "hint": "It is on your letter, like AB1234",
                                 "error-name": "your reference number", "maximum-length": "6",
                                 "pattern": "[A-Z]{2}[0-9]{4}", "pattern-message": "Enter the reference like AB1234"}, ["required-2"]),
    ("long-text", "details", {"label": "Tell us about the pests", "minimum-length": "10", "maximum-length": "2000"}, []),
    ("number", "how-many", {"label": "How many have you seen?", "minimum": "1", "maximum": "500"}, []),
    ("email", "email", {"label": "What is your email address?"}, []),
    ("uk-phone", "phone", {"label": "What is your phone number?"}, ["required-2"]),
    ("uk-postcode", "postcode", {"label": "What is the postcode?"}, []),
    ("date", "first-seen", {"label": "When did you first see them?"}, []),
    ("single-choice", "pest", {"label": "What kind of pest is it?",
                               "options": "rats | Rats or mice\nwasps | Wasps\nBedbugs"}, []),
    ("multiple-choice", "rooms", {"label": "Where have you seen them?", "options": "Kitchen\nBedroom\nGarden"}, []),
    ("yes-no", "nest", {"label": "Can you see a wasps' nest?", "condition-value": "wasps"}, []),
    ("address", "address", {"label": "Where are the pests?"}, []),
    ("map-location", "location", {"label": "Where is the nest?"}, ["required-2"]),
    ("file-upload", "photo", {"label": "Add a photo (optional)", "maximum-megabytes": "5"}, ["required-2"]),
    ("hidden", "channel-code", {"fixed-value": "web"}, []),
]


@pytest.fixture
def admin_server(tmp_path):
    """A FrontDoor of its own with the demo council: these journeys change its catalogue."""
    running = start_server(tmp_path / "data")
    yield running
    running.stop()


def test_a_manager_adds_a_service_and_builds_its_form_and_every_page_is_accessible(admin_server):
    server = admin_server
    browser = make_driver()
    try:
        sign_in_as_manager(browser, server)

        # The catalogue.
        browser.get(server.base_url + "/staff/services")
        assert heading(browser) == "Services"
        assert "Report a missed bin collection" in main_text(browser)
        link = browser.find_element(By.XPATH, "//main//a[normalize-space()='Report a missed bin collection']")
        assert link.get_attribute("href") == server.base_url + "/staff/services/missed-bin"
        for text, href in (("YAML", "/staff/catalogue/export.yaml"), ("JSON", "/staff/catalogue/export.json"),
                           ("import a catalogue file", "/staff/catalogue/import")):
            assert browser.find_element(By.XPATH, f"//main//a[normalize-space()='{text}']").get_attribute("href") \
                == server.base_url + href
        assert_axe_clean(browser, "the service catalogue")

        # Add a service: nothing filled in, then all of it.
        follow(browser, "Add a service")
        assert browser.current_url == server.base_url + "/staff/catalogue/new"
        assert heading(browser) == "Add a service"
        assert browser.find_element(By.ID, "settings").is_selected(), "a new service is active unless unticked"
        assert browser.find_element(By.ID, "standard-unit").is_selected(), "working days are the usual unit"
        assert_axe_clean(browser, "add a service")
        press(browser, "Add the service")
        assert_errors(browser, "add a service with nothing filled in",
                      "Enter a code for the service", "Enter the service's name", "Enter a description of the service",
                      "Select the service's group", "Select the kind of contact", "Enter the standard's target")
        assert len(browser.find_elements(By.CSS_SELECTOR, ".fd-error-summary li")) >= 6
        assert len(browser.find_elements(By.CSS_SELECTOR, ".fd-error-message")) >= 6, "each box says what is wrong with it"

        type_into(browser, "code", SERVICE_CODE)
        type_into(browser, "name", SERVICE_NAME)
        type_into(browser, "description", "Tell us about rats, mice, wasps or bedbugs in your home or garden. We charge for treatments.")
        Select(browser.find_element(By.ID, "group")).select_by_value("housing")
        type_into(browser, "keywords", "rats\nmice\nwasps\nvermin")
        Select(browser.find_element(By.ID, "team")).select_by_visible_text("Housing repairs")
        tick(browser, "contact-type")  # transaction
        tick(browser, "channels")  # online
        tick(browser, "channels-2")  # phone
        tick(browser, "settings-3")  # needs a location
        type_into(browser, "standard-target", "5")
        type_into(browser, "standard-statement", "We aim to visit within 5 working days")
        type_into(browser, "fee", "45.00")
        press(browser, "Add the service")
        assert browser.current_url == editor_url(server) + "?added=1", \
            f"the service was not added; the page at {browser.current_url} says:\n{main_text(browser)}"
        assert heading(browser) == "The form for " + SERVICE_NAME
        assert SERVICE_NAME + " has been added" in banner(browser)
        assert "This service has no online form yet" in main_text(browser)
        assert question_ids(browser) == []
        assert browser.find_element(By.CSS_SELECTOR, "input[name='kind'][value='short-text']").is_selected()
        kinds = [radio.get_attribute("value") for radio in browser.find_elements(By.CSS_SELECTOR, "input[name='kind']")]
        assert kinds == [kind for kind, *_ in QUESTIONS], kinds
        assert_axe_clean(browser, "the form editor of a new service")

        version = 0
        for kind, question_id, boxes, ticks in QUESTIONS:
            start_question(browser, server, kind)
            assert_axe_clean(browser, f"settings of a new {kind} question")

            if kind == "short-text":
                # Nothing filled in.
                press(browser, "Add the question")
                assert_errors(browser, "a short text question with nothing filled in",
                              "Enter an id for the question", "Enter the question")
                assert not browser.find_elements(By.ID, "condition-field"), "nothing to depend on before the first question"
                # A pattern that is not a regular expression.
                type_into(browser, "id", question_id)
                for box, text in boxes.items():
                    type_into(browser, box, text)
                type_into(browser, "pattern", "[A-")
                press(browser, "Add the question")
                assert_errors(browser, "a short text question with a broken pattern",
                              f'Field "{question_id}" has a pattern that is not a valid regular expression')
                assert "fd-input--error" in browser.find_element(By.ID, "pattern").get_attribute("class")
                assert browser.find_element(By.ID, "label").get_attribute("value") == boxes["label"], "what was typed is kept"
            if kind == "hidden":
                assert not browser.find_elements(By.ID, "label"), "a hidden field asks nothing"
                assert not browser.find_elements(By.ID, "required")
                type_into(browser, "id", question_id)
                press(browser, "Add the question")
                assert_errors(browser, "a hidden field with no value", "Enter the value the hidden field carries")
            if kind == "yes-no":
                # Asked only when the pest is wasps.
                condition = Select(browser.find_element(By.ID, "condition-field"))
                testable = [option.get_attribute("value") for option in condition.options]
                assert testable == ["", "reference", "pest", "rooms"], \
                    f"only earlier questions whose answers can be tested are offered: {testable}"
                condition.select_by_value("pest")
                type_into(browser, "id", question_id)
                type_into(browser, "label", boxes["label"])
                press(browser, "Add the question")
                assert_errors(browser, "a conditional question with no answer to depend on",
                              "Enter the answer that makes this question appear")
                assert Select(browser.find_element(By.ID, "condition-field")).first_selected_option.get_attribute("value") == "pest"

            type_into(browser, "id", question_id)
            for box, text in boxes.items():
                type_into(browser, box, text)
            for choice in ticks:
                tick(browser, choice)
            press(browser, "Add the question")
            version += 1
            assert_saved(browser, server, version, f"adding the {kind} question")
            assert question_ids(browser)[-1] == question_id

        expected = [question_id for _, question_id, *_ in QUESTIONS]
        assert question_ids(browser) == expected
        assert f"Version {version}." in main_text(browser)
        nest = question_item(browser, "nest").text
        assert 'Asked only when the answer to "What kind of pest is it?" is wasps.' in nest, nest
        assert "Hidden: channel-code" in question_item(browser, "channel-code").text
        assert "optional" in question_item(browser, "reference").text
        assert_axe_clean(browser, "the form editor with every kind of question")

        # A second question with an id already used.
        start_question(browser, server, "short-text")
        type_into(browser, "id", "email")
        type_into(browser, "label", "Any other notes?")
        press(browser, "Add the question")
        assert_errors(browser, "a question with an id already in the form", 'Two fields have the id "email"')
        type_into(browser, "id", "notes")
        tick(browser, "required-2")
        press(browser, "Add the question")
        version += 1
        assert_saved(browser, server, version, "adding the notes question")
        assert question_ids(browser) == expected + ["notes"]

        # Change a question through its Change link.
        change = question_item(browser, "details").find_element(By.XPATH, ".//a[starts-with(normalize-space(), 'Change')]")
        assert change.get_attribute("textContent").split() == "Change question 2".split()
        click_and_wait_for_page(browser, change)
        assert browser.current_url == editor_url(server) + "/questions/details"
        assert heading(browser) == "Change a question: long text"
        assert not browser.find_elements(By.ID, "id"), "an id never changes"
        assert "details" in main_text(browser)
        assert browser.find_element(By.ID, "label").get_attribute("value") == "Tell us about the pests"
        assert browser.find_element(By.ID, "minimum-length").get_attribute("value") == "10"
        assert_axe_clean(browser, "changing a long text question")
        type_into(browser, "label", "")
        press(browser, "Save the question")
        assert_errors(browser, "changing a question to have no question text", "Enter the question")
        type_into(browser, "label", "Tell us more about the pests")
        type_into(browser, "hint", "Include when you see them and how many")
        press(browser, "Save the question")
        version += 1
        assert_saved(browser, server, version, "changing the details question")
        assert "Tell us more about the pests" in question_item(browser, "details").text
        assert question_ids(browser) == expected + ["notes"], "a changed question keeps its place"

        # Move a question down and back up.
        move(browser, "details", "down")
        version += 1
        assert_saved(browser, server, version, "moving a question down")
        assert question_ids(browser)[:3] == ["reference", "how-many", "details"]
        move(browser, "details", "up")
        version += 1
        assert_saved(browser, server, version, "moving a question up")
        assert question_ids(browser) == expected + ["notes"]
        first = question_item(browser, "reference")
        assert not first.find_elements(By.CSS_SELECTOR, "button[value='up']"), "the first question cannot move up"
        last = question_item(browser, "notes")
        assert not last.find_elements(By.CSS_SELECTOR, "button[value='down']"), "the last question cannot move down"

        # A conditional question can move up to just below the question it depends on, but no higher...
        move(browser, "nest", "up")
        version += 1
        assert_saved(browser, server, version, "moving the conditional question up, still below its question")
        assert question_ids(browser)[7:10] == ["pest", "nest", "rooms"]
        move(browser, "nest", "up")
        assert browser.current_url == editor_url(server) + "/move", browser.current_url
        assert_errors(browser, "moving a conditional question above the question it depends on", "That move was not saved:")
        summary = error_summary(browser, "illegal move")
        assert '"nest"' in summary and '"pest"' in summary, summary
        assert question_ids(browser)[7:10] == ["pest", "nest", "rooms"], "nothing moved"
        browser.get(editor_url(server))
        move(browser, "nest", "down")
        version += 1
        assert_saved(browser, server, version, "moving the conditional question back down")
        assert question_ids(browser) == expected + ["notes"]
        # ...and a question others depend on cannot be removed.
        remove(browser, "pest")
        assert browser.current_url == editor_url(server) + "/remove", browser.current_url
        assert_errors(browser, "removing a question another depends on",
                      '"What kind of pest is it?" cannot be removed while "Can you see a wasps\' nest?" is asked depending on its answer')
        assert question_ids(browser) == expected + ["notes"], "nothing removed"

        # Remove a question.
        browser.get(editor_url(server))
        remove(browser, "notes")
        version += 1
        assert_saved(browser, server, version, "removing a question")
        assert question_ids(browser) == expected
        labels = [item.find_element(By.TAG_NAME, "h3").text
                  for item in browser.find_elements(By.CSS_SELECTOR, "ol.fd-form-questions > li")]
        assert labels == [
            "1. What is your reference number?", "2. Tell us more about the pests", "3. How many have you seen?",
            "4. What is your email address?", "5. What is your phone number?", "6. What is the postcode?",
            "7. When did you first see them?", "8. What kind of pest is it?", "9. Where have you seen them?",
            "10. Can you see a wasps' nest?", "11. Where are the pests?", "12. Where is the nest?",
            "13. Add a photo (optional)", "14. Hidden: channel-code",
        ], labels
        assert f"Version {version}." in main_text(browser)
        assert_axe_clean(browser, "the finished form")

        # The new service is in the catalogue.
        browser.get(server.base_url + "/staff/services")
        link = browser.find_element(By.XPATH, f"//main//a[normalize-space()='{SERVICE_NAME}']")
        assert link.get_attribute("href") == f"{server.base_url}/staff/services/{SERVICE_CODE}"
    finally:
        quit_driver(browser)


# A catalogue file with something wrong in every service: each problem must be listed.
BAD_CATALOGUE = """\
format: frontdoor-catalogue
formatVersion: 1
services:
  - code: pest-control
    name: Report a pest problem
    description: Tell us about rats, mice or wasps in your home or garden.
    group: rubbish
    contactType: chat
    channels: [online, fax]
    standard:
      statement: We aim to visit within 5 working days
  - code: Dog Fouling
    name: Report dog fouling
    description: Tell us where dogs have fouled a path or park.
    group: streets
    contactType: interaction
    channels: [online]
    standard:
      workingDays: 5
      statement: We aim to clean it up within 5 working days
  - code: pest-control
    name: Report a pest problem again
    description: The same code twice.
    group: housing
    contactType: transaction
    channels: [phone]
    standard:
      workingDays: 5
      statement: We aim to visit within 5 working days
    form:
      - id: pest
        kind: single-choice
        label: What kind of pest is it?
        options:
          - {value: rats, label: Rats or mice}
          - {value: wasps, label: Wasps}
      - id: pest
        kind: short-text
        label: What is your reference number?
      - id: nest
        kind: yes-no
        label: Can you see a wasps' nest?
        condition: {fieldID: colour, equals: yellow}
"""

# A good one: a new service, with a team the council does not have yet and a form.
GOOD_CATALOGUE = """\
format: frontdoor-catalogue
formatVersion: 1
services:
  - code: pest-control
    name: Report a pest problem
    description: Tell us about rats, mice or wasps in your home or garden. We charge for treatments.
    group: housing
    keywords: [rats, mice, wasps, vermin]
    team: Pest control
    contactType: transaction
    channels: [online, phone]
    standard:
      workingDays: 5
      statement: We aim to visit within 5 working days
    needsLocation: true
    feePence: 4500
    form:
      - id: pest
        kind: single-choice
        label: What kind of pest is it?
        options:
          - {value: rats, label: Rats or mice}
          - {value: wasps, label: Wasps}
      - id: nest
        kind: yes-no
        label: Can you see a wasps' nest?
        condition: {fieldID: pest, equals: wasps}
      - id: address
        kind: address
        label: Where are the pests?
      - id: channel-code
        kind: hidden
        fixedValue: web
"""


def choose_file(browser, path):
    browser.find_element(By.ID, "catalogue").send_keys(str(path))


def test_a_manager_imports_a_catalogue_file_and_sees_every_problem_in_a_bad_one(admin_server, tmp_path):
    server = admin_server
    bad = tmp_path / "bad-catalogue.yaml"
    bad.write_text(BAD_CATALOGUE)
    unreadable = tmp_path / "unreadable.yml"
    unreadable.write_text("format: frontdoor-catalogue\nformatVersion: 1\nservices:\n  - code: pest-control\n    channels: online\n")
    not_a_catalogue = tmp_path / "catalogue.txt"
    not_a_catalogue.write_text(GOOD_CATALOGUE)
    good = tmp_path / "pest-control.yaml"
    good.write_text(GOOD_CATALOGUE)

    browser = make_driver()
    try:
        sign_in_as_manager(browser, server)
        browser.get(server.base_url + "/staff/services")
        services_before = main_text(browser)
        assert SERVICE_NAME not in services_before
        follow(browser, "import a catalogue file")
        assert browser.current_url == server.base_url + "/staff/catalogue/import"
        assert heading(browser) == "Catalogue file"
        form = browser.find_element(By.CSS_SELECTOR, "main form")
        assert form.get_attribute("enctype") == "multipart/form-data"
        assert browser.find_element(By.ID, "catalogue").get_attribute("type") == "file"
        assert_axe_clean(browser, "import a catalogue")

        # No file.
        press(browser, "Import")
        assert_errors(browser, "importing with no file chosen", "Select a catalogue file to import")

        # A file that is not YAML or JSON by its name.
        choose_file(browser, not_a_catalogue)
        press(browser, "Import")
        assert_errors(browser, "importing a .txt file", "The selected file must be a .yaml, .yml or .json catalogue file")

        # A YAML file that does not have the shape of a catalogue.
        choose_file(browser, unreadable)
        press(browser, "Import")
        summary = error_summary(browser, "importing a file of the wrong shape")
        assert "The catalogue was not imported, and nothing changed" in summary, summary
        assert "services[0]" in summary, f"the problem says where it is: {summary}"

        # A catalogue with a problem in every service: all of them listed at once.
        choose_file(browser, bad)
        press(browser, "Import")
        assert_errors(browser, "importing a catalogue with problems",
                      "The catalogue was not imported, and nothing changed",
                      'service 1 (pest-control): group "rubbish" is not one of',
                      'service 1 (pest-control): contactType "chat" is not one of',
                      'service 1 (pest-control): channel "fax" is not one of',
                      "service 1 (pest-control): the standard needs either workingDays or hours",
                      'service 2 (Dog Fouling): the code "Dog Fouling" must be lower-case letters, digits and single hyphens',
                      "service 3 (pest-control): another service in the file has the same code",
                      'service 3 (pest-control): form: two fields have the id "pest"',
                      'service 3 (pest-control): form: field "nest" is shown depending on "colour"')
        problems = browser.find_elements(By.CSS_SELECTOR, ".fd-error-summary li")
        assert len(problems) >= 8, [problem.text for problem in problems]
        for problem in problems:
            assert problem.find_element(By.TAG_NAME, "a").get_attribute("href").endswith("#catalogue"), \
                "each problem leads to the file box"
        beside = browser.find_element(By.CSS_SELECTOR, ".fd-error-message").text
        assert f"The file has {len(problems)} problems" in beside, beside

        browser.get(server.base_url + "/staff/services")
        assert main_text(browser) == services_before, "a refused file changes nothing"
        assert not browser.find_elements(By.CSS_SELECTOR, ".fd-notification-banner")

        # A good file.
        follow(browser, "import a catalogue file")
        choose_file(browser, good)
        press(browser, "Import")
        assert browser.current_url.startswith(server.base_url + "/staff/services?imported="), \
            f"not imported; the page at {browser.current_url} says:\n{main_text(browser)}"
        imported = banner(browser)
        assert "Catalogue imported" in imported, imported
        assert "1 added, 0 updated" in imported and "1 new form versions" in imported, imported
        assert_axe_clean(browser, "the catalogue after an import")
        link = browser.find_element(By.XPATH, f"//main//a[normalize-space()='{SERVICE_NAME}']")
        assert link.get_attribute("href") == f"{server.base_url}/staff/services/{SERVICE_CODE}"

        # Its form came with it.
        browser.get(editor_url(server))
        assert heading(browser) == "The form for " + SERVICE_NAME
        assert question_ids(browser) == ["pest", "nest", "address", "channel-code"]
        assert "Version 1." in main_text(browser)
        assert 'Asked only when the answer to "What kind of pest is it?" is wasps.' in question_item(browser, "nest").text

        # The catalogue downloaded from this council imports back with nothing to change.
        cookies = "; ".join(f"{cookie['name']}={cookie['value']}" for cookie in browser.get_cookies())
        export = requests.get(server.base_url + "/staff/catalogue/export.yaml", headers={"Cookie": cookies}, timeout=30)
        assert export.status_code == 200, export.text[:500]
        assert "format: frontdoor-catalogue" in export.text
        assert "code: pest-control" in export.text and "team: Pest control" in export.text
        exported = tmp_path / "kingsmere-catalogue.yaml"
        exported.write_bytes(export.content)
        browser.get(server.base_url + "/staff/catalogue/import")
        choose_file(browser, exported)
        press(browser, "Import")
        again = banner(browser)
        assert "Catalogue imported" in again, again
        assert re.search(r"0 added, 0 updated, \d+ unchanged, 0 new form versions", again), again
    finally:
        quit_driver(browser)
