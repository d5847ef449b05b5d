"""Service alerts in a real browser, on a FrontDoor of this file's own (SQLite, mail to a real
SMTP server), so the alerts never reach the other browser suites' shared server: a manager
sends the empty "Publish an alert" form and is told what is missing, then publishes an alert
about missed bins in one ward until the end of today and finds it listed; the portal's home
and service pages show it in the "Service alerts" banner, in English and Welsh, with
JavaScript on and off; an advisor sees it on the staff pages; a resident chooses the services
they want alerts about in My Account and finds the choices kept; and once the manager
withdraws the alert the portal stops showing it. Every page on the way is axe-clean."""
import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import MailSink, click_and_wait_for_page, make_driver, quit_driver, start_server
from page_actions import assert_axe_clean, follow, heading, main_text, press, submit, tick, type_into
from test_resident_portal import MAIL_FROM, PASSWORD, assert_scripts_are_off, email_link, path_of

MANAGER = "manager@kingsmere.example"
ADVISOR = "advisor@kingsmere.example"
STAFF_PASSWORD = "frontdoor-demo"

MISSED_BIN = "Report a missed bin collection"
PARKING_PERMIT = "Apply for a resident parking permit"
WARD = "Riverside"
TITLE = "Bin collections delayed in Riverside ward"
MESSAGE = "A lorry has broken down. Leave your bin out and we will empty it by 6pm."
ABOUT = f"{MISSED_BIN}, {WARD} ward"
ALERT_BANNER = ".fd-notification-banner[aria-labelledby='service-alerts-title']"
OTHER_BANNERS = ".fd-notification-banner:not([aria-labelledby='service-alerts-title'])"  # a page's own (success) banner


# Servers ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def alerts_mail():
    sink = MailSink()
    yield sink
    sink.stop()


@pytest.fixture(scope="module")
def alerts_server(tmp_path_factory, alerts_mail):
    """A FrontDoor of this file's own with the demo council: the alerts published here would
    otherwise show on every page of the other suites."""
    running = start_server(tmp_path_factory.mktemp("service-alerts") / "data", SMTP_URL=alerts_mail.url, MAIL_FROM=MAIL_FROM)
    yield running
    running.stop()


# What a page shows -----------------------------------------------------------------------------

def alert_banner(browser):
    """The one "Service alerts" banner on the page (failing if there is none, or more than one)."""
    banners = browser.find_elements(By.CSS_SELECTOR, ALERT_BANNER)
    assert banners, f"no service alerts banner on {path_of(browser)}; the page says:\n{main_text(browser)[:600]}"
    assert len(banners) == 1, f"{path_of(browser)} has {len(banners)} service alerts banners; it should have one"
    return banners[0]


def assert_shows_the_alert(browser, what: str, title: str = "Service alerts"):
    """The page shows the alert in its banner: the banner's title, the alert's own title, what it
    is about and its message; the banner is a region named by its title, inside the main content."""
    shown = alert_banner(browser)
    assert shown.is_displayed(), f"{what}: the service alerts banner is hidden"
    assert shown.get_attribute("role") == "region", f"{what}: the banner's role is {shown.get_attribute('role')!r}"
    assert shown.find_element(By.CSS_SELECTOR, "#service-alerts-title").text == title, \
        f"{what}: the banner is titled {shown.find_element(By.CSS_SELECTOR, '#service-alerts-title').text!r}"
    assert browser.find_elements(By.CSS_SELECTOR, f"main {ALERT_BANNER}"), f"{what}: the banner is outside <main>"
    text = shown.text
    for part in (TITLE, ABOUT, MESSAGE):
        assert part in text, f"{what}: the banner should say {part!r}; it says:\n{text}"


def success_banner(browser, what: str) -> str:
    """The text of the page's own success banner (not the service alerts banner above it)."""
    banners = browser.find_elements(By.CSS_SELECTOR, OTHER_BANNERS)
    assert banners, f"{what}: no success banner on {path_of(browser)}; the page says:\n{main_text(browser)[:600]}"
    return banners[0].text


def error_summary(browser, what: str) -> str:
    summaries = browser.find_elements(By.CSS_SELECTOR, ".fd-error-summary")
    assert summaries, f"{what}: no error summary on {path_of(browser)}; the page says:\n{main_text(browser)[:600]}"
    return summaries[0].text


def alert_row(browser, title: str = TITLE):
    rows = browser.find_elements(By.XPATH, f"//main//table//tbody/tr[td[1]/strong[normalize-space()='{title}']]")
    assert rows, f"'{title}' is not listed on {path_of(browser)}; the page says:\n{main_text(browser)[:1000]}"
    return rows[0]


def portal_shows_the_alert(server, path: str = "/") -> bool:
    """Whether the page, fetched without a browser (so without any script), carries the alert."""
    page = requests.get(server.base_url + path, timeout=10)
    assert page.status_code == 200, f"{path} answered {page.status_code}"
    return 'aria-labelledby="service-alerts-title"' in page.text and TITLE in page.text


# What a person does ----------------------------------------------------------------------------

def sign_in_as_staff(browser, server, email: str):
    browser.get(server.base_url + "/staff/sign-in")
    type_into(browser, "email", email)
    type_into(browser, "password", STAFF_PASSWORD)
    press(browser, "Sign in")
    assert path_of(browser) == "/staff", f"{email} should be signed in, not at {browser.current_url}"


def fill_in_the_alert(browser):
    type_into(browser, "title", TITLE)
    type_into(browser, "message", MESSAGE)
    Select(browser.find_element(By.ID, "service")).select_by_visible_text(MISSED_BIN)
    Select(browser.find_element(By.ID, "ward")).select_by_visible_text(f"{WARD} ward")
    today = browser.find_elements(By.XPATH, "//input[@name='duration'][@id = //label[normalize-space()='Until the end of today']/@for]")
    assert today, "no 'Until the end of today' choice among the durations"
    tick(browser, today[0].get_attribute("id"))


def send_the_form_outside_the_browser(browser, server, fields: dict) -> requests.Response:
    """Posts the publish form with the browser's session and the page's CSRF token, to see the
    status code a browser does not show."""
    token = browser.find_element(By.CSS_SELECTOR, "main form input[name='csrf_token']").get_attribute("value")
    cookies = {cookie["name"]: cookie["value"] for cookie in browser.get_cookies()}
    return requests.post(server.base_url + "/staff/alerts", data={"csrf_token": token, **fields}, cookies=cookies,
                         allow_redirects=False, timeout=10)


@pytest.fixture
def live_alert(alerts_server):
    """The missed bins alert, live: published by the first test, or here (the same way, in a
    browser) when a test runs on its own."""
    if not portal_shows_the_alert(alerts_server):
        browser = make_driver()
        try:
            sign_in_as_staff(browser, alerts_server, MANAGER)
            browser.get(alerts_server.base_url + "/staff/alerts")
            fill_in_the_alert(browser)
            press(browser, "Publish the alert")
            assert "The alert is live" in success_banner(browser, "publishing the alert")
        finally:
            quit_driver(browser)
    assert portal_shows_the_alert(alerts_server)
    return TITLE


# 1. A manager publishes an alert ---------------------------------------------------------------

def test_a_manager_is_told_what_is_missing_then_publishes_an_alert_for_missed_bins_in_one_ward(alerts_server):
    server = alerts_server
    browser = make_driver()
    try:
        sign_in_as_staff(browser, server, MANAGER)
        follow(browser, "Service alerts")
        assert path_of(browser) == "/staff/alerts", browser.current_url
        assert heading(browser) == "Service alerts"
        assert "No alerts have been published." in main_text(browser)
        assert not browser.find_elements(By.CSS_SELECTOR, ALERT_BANNER), "nothing is live yet, so no alerts banner"
        assert Select(browser.find_element(By.ID, "service")).first_selected_option.text == "All services"
        assert Select(browser.find_element(By.ID, "ward")).first_selected_option.text == "The whole area"
        durations = [browser.find_element(By.CSS_SELECTOR, f"label[for='{radio.get_attribute('id')}']").text
                     for radio in browser.find_elements(By.CSS_SELECTOR, "input[name='duration']")]
        assert durations == ["4 hours", "Until the end of today", "3 days", "1 week", "Until I withdraw it"], durations
        assert not browser.find_element(By.CSS_SELECTOR, "input[name='tell-subscribers']").is_selected(), \
            "sending the alert to subscribers is a choice, not the default"
        assert_axe_clean(browser, "service alerts page, no alerts yet")

        # The empty form: every problem at once, each linked to its field, what was chosen kept.
        press(browser, "Publish the alert")
        assert path_of(browser) == "/staff/alerts", browser.current_url
        summary = error_summary(browser, "the empty form")
        assert "Enter a short title" in summary, summary
        assert "Enter what residents need to know" in summary, summary
        for link in browser.find_elements(By.CSS_SELECTOR, ".fd-error-summary a[href^='#']"):
            target = link.get_attribute("href").split("#", 1)[1]
            assert browser.find_elements(By.ID, target), f"the error summary links to #{target}, which is not on the page"
        assert browser.title.startswith("Error: "), browser.title
        assert browser.find_element(By.CSS_SELECTOR, "#title").get_attribute("aria-describedby"), \
            "the title box should be described by its error message"
        assert_axe_clean(browser, "service alerts page with errors")
        # Sent with nothing in it, the form was not accepted, so nothing was published; the
        # same form sent outside the browser, as the manager, is answered 422, as is a ward
        # that is not in the gazetteer.
        assert not portal_shows_the_alert(server)
        assert send_the_form_outside_the_browser(browser, server, {}).status_code == 422
        made_up_ward = send_the_form_outside_the_browser(browser, server, {"title": TITLE, "message": MESSAGE, "ward": "Atlantis",
                                                                           "duration": "today"})
        assert made_up_ward.status_code == 422 and "Select a ward from the list" in made_up_ward.text, made_up_ward.status_code
        assert not portal_shows_the_alert(server)

        # The alert, about missed bins in Riverside ward, until the end of today.
        fill_in_the_alert(browser)
        press(browser, "Publish the alert")
        assert path_of(browser) == "/staff/alerts?published=0", browser.current_url
        assert not browser.find_elements(By.CSS_SELECTOR, ".fd-error-summary"), error_summary(browser, "publishing")
        assert "The alert is live" in success_banner(browser, "after publishing")
        row = alert_row(browser)
        cells = [cell.text for cell in row.find_elements(By.CSS_SELECTOR, "td")]
        assert MESSAGE in cells[0] and "By Jo Evans" in cells[0], cells
        assert cells[1] == ABOUT, cells
        assert cells[2] == "Live", cells
        assert "to" in cells[3] and "until withdrawn" not in cells[3], f"an alert until the end of today has an end: {cells}"
        assert cells[4] == "Not sent", cells
        withdraw = row.find_elements(By.XPATH, ".//button[starts-with(normalize-space(), 'Withdraw')]")
        assert withdraw, f"a live alert can be withdrawn: {cells}"
        # The staff page itself now carries the live alert too.
        assert_shows_the_alert(browser, "service alerts page after publishing")
        assert_axe_clean(browser, "service alerts page with a live alert")
    finally:
        quit_driver(browser)


# 2. Residents' pages show it -------------------------------------------------------------------

def test_the_portal_shows_the_alert_in_english_and_welsh_and_without_javascript(alerts_server, live_alert):
    server = alerts_server
    browser = make_driver()
    try:
        for path, words, what in [("/", None, "home page"), ("/services", None, "services page"),
                                  ("/services/missed-bin", MISSED_BIN, "missed bin service page")]:
            browser.get(server.base_url + path)
            if words:
                assert heading(browser) == words
            assert_shows_the_alert(browser, what)
            assert_axe_clean(browser, f"{what} with a service alert")

        for path, what in [("/?lang=cy", "home page in Welsh"), ("/services/missed-bin?lang=cy", "missed bin service page in Welsh")]:
            browser.get(server.base_url + path)
            assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "cy", f"{path} should be in Welsh"
            assert_shows_the_alert(browser, what, title="Rhybuddion gwasanaeth")
            assert_axe_clean(browser, f"{what} with a service alert")
    finally:
        quit_driver(browser)

    # No scripts at all: the banner is in the page as served, not put there by JavaScript.
    assert portal_shows_the_alert(server, "/")
    assert portal_shows_the_alert(server, "/services/missed-bin")
    browser = make_driver(javascript=False)
    try:
        assert_scripts_are_off(browser)
        for path in ("/", "/services/missed-bin"):
            browser.get(server.base_url + path)
            assert_shows_the_alert(browser, f"{path} with JavaScript off")
    finally:
        quit_driver(browser)


# 3. Advisors see it ----------------------------------------------------------------------------

def test_an_advisor_sees_the_alert_on_the_staff_pages(alerts_server, live_alert):
    server = alerts_server
    browser = make_driver()
    try:
        sign_in_as_staff(browser, server, ADVISOR)
        assert_shows_the_alert(browser, "staff home page (advisor)")
        assert not browser.find_elements(By.XPATH, "//main//a[normalize-space()='Service alerts']"), \
            "an advisor cannot manage alerts, so is not offered the page"
        browser.get(server.base_url + "/staff/customers")
        assert path_of(browser) == "/staff/customers", browser.current_url
        assert_shows_the_alert(browser, "find a customer (advisor)")
        assert_axe_clean(browser, "find a customer with a service alert")
    finally:
        quit_driver(browser)


# 4. A resident chooses their alerts ------------------------------------------------------------

def service_boxes(browser) -> dict:
    """The services checkboxes by their labels: {label: input}."""
    boxes = {}
    for box in browser.find_elements(By.CSS_SELECTOR, "input[type='checkbox'][name='services']"):
        label = browser.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']").text.strip()
        boxes[label] = box
    return boxes


def ticked(browser) -> set:
    return {label for label, box in service_boxes(browser).items() if box.is_selected()}


def register_and_sign_in(browser, server, sink, name: str, email: str):
    """As test_resident_portal's helper of the same name, but telling the page's own banner from
    the service alerts banner above it (a live alert is the first banner on every page here)."""
    browser.get(server.base_url + "/account/register")
    assert heading(browser) == "Create an account"
    type_into(browser, "name", name)
    type_into(browser, "email", email)
    type_into(browser, "password", PASSWORD)
    submit(browser)
    assert heading(browser) == "Check your email", main_text(browser)[:600]
    browser.get(email_link(sink.wait_for(email, "Confirm your email address").body, r"token=[A-Za-z0-9_-]+"))
    assert heading(browser) == "Confirm your email address"
    submit(browser)
    assert "Your email address is confirmed" in success_banner(browser, "after confirming the email address")
    type_into(browser, "email", email)
    type_into(browser, "password", PASSWORD)
    submit(browser)
    assert path_of(browser) == "/account", browser.current_url


def test_a_resident_chooses_the_services_they_want_alerts_about(alerts_server, alerts_mail):
    server = alerts_server
    browser = make_driver()
    try:
        register_and_sign_in(browser, server, alerts_mail, "Sam Patel", "sam.patel@example.com")
        assert path_of(browser) == "/account"
        follow(browser, "Choose the service alerts you get")
        assert path_of(browser) == "/account/alerts", browser.current_url
        assert heading(browser) == "Service alerts"
        boxes = service_boxes(browser)
        assert "All services" in boxes and MISSED_BIN in boxes and PARKING_PERMIT in boxes, sorted(boxes)
        assert ticked(browser) == set(), "nobody gets alerts they did not ask for"
        # Sam has no address on record, so alerts cannot be narrowed to their ward.
        assert not browser.find_elements(By.CSS_SELECTOR, "input[name='area']"), "no ward to offer without an address"
        assert "We send alerts for the whole area" in main_text(browser)
        assert_axe_clean(browser, "resident's service alerts page")

        tick(browser, boxes[MISSED_BIN].get_attribute("id"))
        tick(browser, boxes[PARKING_PERMIT].get_attribute("id"))
        press(browser, "Save your choices")
        assert path_of(browser) == "/account/alerts?saved=1", browser.current_url
        assert "Your alert choices have been saved" in success_banner(browser, "after saving the choices")
        assert ticked(browser) == {MISSED_BIN, PARKING_PERMIT}
        assert_axe_clean(browser, "resident's service alerts page after saving")

        browser.get(server.base_url + "/account/alerts")
        assert not browser.find_elements(By.CSS_SELECTOR, OTHER_BANNERS), \
            "the saved banner is for straight after saving"
        assert ticked(browser) == {MISSED_BIN, PARKING_PERMIT}, "the choices are kept"

        # Choosing nothing stops the alerts.
        boxes = service_boxes(browser)
        tick(browser, boxes[MISSED_BIN].get_attribute("id"))
        tick(browser, boxes[PARKING_PERMIT].get_attribute("id"))
        press(browser, "Save your choices")
        assert path_of(browser) == "/account/alerts?stopped=1", browser.current_url
        assert "You will not get service alerts" in success_banner(browser, "after choosing nothing")
        assert ticked(browser) == set()
    finally:
        quit_driver(browser)


# 5. The manager withdraws it -------------------------------------------------------------------

def test_a_manager_withdraws_the_alert_and_the_portal_stops_showing_it(alerts_server, live_alert):
    server = alerts_server
    browser = make_driver()
    try:
        sign_in_as_staff(browser, server, MANAGER)
        browser.get(server.base_url + "/staff/alerts")
        row = alert_row(browser)
        click_and_wait_for_page(browser, row.find_element(By.XPATH, ".//button[starts-with(normalize-space(), 'Withdraw')]"))
        assert path_of(browser) == "/staff/alerts?withdrawn=1", browser.current_url
        assert "The alert has been withdrawn" in success_banner(browser, "after withdrawing")
        row = alert_row(browser)
        assert row.find_elements(By.CSS_SELECTOR, "td")[2].text == "Withdrawn"
        assert not row.find_elements(By.XPATH, ".//button"), "a withdrawn alert cannot be withdrawn again"
        assert not browser.find_elements(By.CSS_SELECTOR, ALERT_BANNER), "the staff pages stop showing it at once"
        assert_axe_clean(browser, "service alerts page after withdrawing")

        for path in ("/", "/services/missed-bin"):
            browser.get(server.base_url + path)
            assert not browser.find_elements(By.CSS_SELECTOR, ALERT_BANNER), f"{path} still shows the withdrawn alert"
            assert TITLE not in browser.find_element(By.TAG_NAME, "body").text
        assert not portal_shows_the_alert(server, "/")
    finally:
        quit_driver(browser)
