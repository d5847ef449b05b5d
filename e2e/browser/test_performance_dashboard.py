"""The manager dashboard and the public performance page in a real browser (the charts are drawn
on the server, so they are there before any script runs): a manager reads a period against the one before, chooses dates
(first wrong ones, shown with every problem), switches the breakdown, opens the contacts behind
a figure, downloads a table as CSV and measures channel shift against other baselines; an administrator sets the cost per contact; residents read
"Our performance"; a manager of a council in a shared service switches to the service's figures.
Every page and every state is axe-clean and reflows at 320 pixels."""
import datetime

import requests
from selenium.webdriver.common.by import By

from conftest import base_env, click_and_wait_for_page, make_driver, quit_driver, run_frontdoor, start_server
from page_actions import assert_axe_clean, follow, main_text, heading, press, type_into, sign_in_first_time_as_administrator


def sign_in(browser, base: str, who: str):
    browser.get(base + "/staff/sign-in")
    browser.find_element(By.ID, "email").send_keys(f"{who}@kingsmere.example")
    browser.find_element(By.ID, "password").send_keys("frontdoor-demo")
    press(browser, "Sign in")
    assert browser.current_url == base + "/staff", browser.current_url


def assert_no_sideways_scrolling(browser, what: str):
    wide = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert wide <= 0, f"{what}: the page scrolls sideways by {wide} pixels at 320 pixels wide"


def test_a_manager_reads_the_dashboard_chooses_dates_and_opens_the_contacts_behind_a_figure(tmp_path):
    server = start_server(tmp_path / "data")
    browser = make_driver()
    try:
        base = server.base_url
        sign_in(browser, base, "manager")
        follow(browser, "Performance")
        assert heading(browser) == "Performance"
        assert browser.find_elements(By.CSS_SELECTOR, "svg.fd-chart__svg[role='img']"), "no charts"
        served = requests.get(browser.current_url, cookies={c["name"]: c["value"] for c in browser.get_cookies()}, timeout=30).text
        assert "<svg" in served, "the charts are in the page as served, not drawn by a script"
        for caption in ("Key figures", "Contacts by channel", "Contacts over time", "Cost to serve"):
            assert caption in main_text(browser), f"no {caption!r} on the dashboard"
        assert_axe_clean(browser, "the dashboard, last month")

        follow(browser, "Last 12 months")
        assert "compared with" in main_text(browser)
        assert_axe_clean(browser, "the dashboard, the last 12 months")

        # Dates that are not a period: every problem shown, linked to its box, what was typed kept.
        browser.find_element(By.CSS_SELECTOR, "details.fd-details summary").click()
        type_into(browser, "from", "31")
        type_into(browser, "from-month", "2")
        type_into(browser, "from-year", "2026")
        type_into(browser, "to", "")
        type_into(browser, "to-month", "")
        type_into(browser, "to-year", "")
        press(browser, "Show these dates")
        summary = browser.find_element(By.CSS_SELECTOR, ".fd-error-summary").text
        assert "Enter a real date for the start of the period" in summary and "Enter a real date for the end of the period" in summary, summary
        assert browser.title.startswith("Error: "), browser.title
        assert browser.find_element(By.ID, "from").get_attribute("value") == "31"
        assert_axe_clean(browser, "the dashboard with wrong dates")

        this_month = datetime.date.today().replace(day=1)
        type_into(browser, "from", "1")
        type_into(browser, "from-month", str(this_month.month))
        type_into(browser, "from-year", str(this_month.year))
        type_into(browser, "to", str(datetime.date.today().day))
        type_into(browser, "to-month", str(this_month.month))
        type_into(browser, "to-year", str(this_month.year))
        press(browser, "Show these dates")
        assert not browser.find_elements(By.CSS_SELECTOR, ".fd-error-summary")
        assert "compared with" in main_text(browser)

        follow(browser, "By ward")
        assert "Contacts are not recorded against wards" in main_text(browser)
        assert_axe_clean(browser, "the dashboard by ward")
        follow(browser, "By channel")
        assert_axe_clean(browser, "the dashboard by channel")

        # The requests received this month, behind the channel breakdown's figures.
        links = browser.find_elements(By.CSS_SELECTOR, "a[href*='/staff/performance/contacts']")
        assert links, "no drill-down links for a manager"
        click_and_wait_for_page(browser, links[0])
        assert heading(browser) == "Contacts behind the figure"
        assert_axe_clean(browser, "the contacts behind a figure")

        # A table as CSV, with the manager's own session.
        browser.back()
        csv_link = browser.find_element(By.CSS_SELECTOR, "a[href*='/staff/performance.csv'][href*='table=channels']").get_attribute("href")
        cookies = {cookie["name"]: cookie["value"] for cookie in browser.get_cookies()}
        download = requests.get(csv_link, cookies=cookies, timeout=30)
        assert download.status_code == 200 and download.headers["content-type"].startswith("text/csv"), download.status_code
        assert download.text.startswith("Channel,"), download.text[:200]

        # Channel shift against another baseline: a ready-made one, then dates typed wrongly and rightly.
        open_baseline = "//summary[normalize-space()='Measure channel shift against another period']"
        browser.find_element(By.XPATH, open_baseline).click()
        follow(browser, "The same period a year before")
        assert "Channel shift is measured against the same period a year before" in main_text(browser)
        assert_axe_clean(browser, "the dashboard against the same period a year before")
        browser.find_element(By.XPATH, open_baseline).click()
        for box, value in [("base-from", "1"), ("base-from-month", "4"), ("base-from-year", "2025"),
                           ("base-to", "31"), ("base-to-month", "3"), ("base-to-year", "2024")]:
            type_into(browser, box, value)
        press(browser, "Use this baseline")
        summary = browser.find_element(By.CSS_SELECTOR, ".fd-error-summary").text
        assert "The end of the baseline must be the same as or after its start" in summary, summary
        assert_axe_clean(browser, "the dashboard with a baseline that ends before it starts")
        type_into(browser, "base-to-year", "2026")
        press(browser, "Use this baseline")
        assert not browser.find_elements(By.CSS_SELECTOR, ".fd-error-summary")
        assert "Channel shift is measured against 1 April 2025 to 31 March 2026." in main_text(browser)

        narrow = make_driver(width=320, height=800)
        try:
            sign_in(narrow, base, "manager")
            narrow.get(base + "/staff/performance")
            assert_no_sideways_scrolling(narrow, "the dashboard")
            assert_axe_clean(narrow, "the dashboard at 320 pixels")
        finally:
            quit_driver(narrow)
    finally:
        quit_driver(browser)
        server.stop()


def test_a_manager_switches_to_the_figures_of_a_shared_service(tmp_path):
    env = base_env(tmp_path / "data")
    assert run_frontdoor(["seed-demo"], env).returncode == 0
    assert run_frontdoor([
        "create-council", "--slug", "westbury", "--name", "Westbury District Council", "--nation", "england-and-wales",
        "--email", "contact@westbury.example", "--phone", "01632 960 700", "--address", "Market Place, Westbury",
        "--website", "https://westbury.example",
    ], env).returncode == 0
    made = run_frontdoor(["shared-service", "create", "--name", "Kingsmere and Westbury Customer Services",
                          "--council", "kingsmere", "--council", "westbury"], env)
    assert made.returncode == 0, made.stderr
    server = start_server(tmp_path / "data")
    browser = make_driver()
    try:
        # Two councils: each is reached under its own address.
        base = server.base_url + "/c/kingsmere"
        sign_in(browser, base, "manager")
        follow(browser, "Performance")
        follow(browser, "Kingsmere and Westbury Customer Services")
        assert browser.find_element(By.CSS_SELECTOR, ".fd-caption-l").text == "Kingsmere and Westbury Customer Services"
        assert "Councils: Kingsmere Borough Council, Westbury District Council." in main_text(browser)
        assert not browser.find_elements(By.CSS_SELECTOR, "a[href*='/staff/performance/contacts']"), "no records behind shared figures"
        assert_axe_clean(browser, "the dashboard of a shared service")

        follow(browser, "Last 12 months")
        assert browser.find_element(By.CSS_SELECTOR, ".fd-caption-l").text == "Kingsmere and Westbury Customer Services", \
            "a period link keeps the shared service"
        follow(browser, "By team")
        assert "(Kingsmere Borough Council)" in main_text(browser), "each team is named with its council"
        assert_axe_clean(browser, "the shared service's dashboard by team")

        follow(browser, "Kingsmere Borough Council")
        assert browser.find_element(By.CSS_SELECTOR, ".fd-caption-l").text == "Kingsmere Borough Council"
    finally:
        quit_driver(browser)
        server.stop()


def test_an_administrator_sets_the_cost_per_contact_and_residents_read_our_performance(tmp_path):
    server = start_server(tmp_path / "data")
    browser = make_driver()
    try:
        base = server.base_url
        browser.get(base + "/our-performance")
        assert heading(browser) == "Our performance"
        assert "Requests dealt with within our service standard" in main_text(browser)
        assert_axe_clean(browser, "Our performance")

        sign_in_first_time_as_administrator(browser, base)
        browser.get(base + "/staff/performance")
        follow(browser, "Change the cost per contact")
        assert heading(browser) == "Cost per contact"
        assert_axe_clean(browser, "the cost per contact form")
        type_into(browser, "cost-phone", "two pounds")
        press(browser, "Save the costs")
        assert "Enter the cost of a contact by phone in pounds and pence" in browser.find_element(By.CSS_SELECTOR, ".fd-error-summary").text
        assert_axe_clean(browser, "the cost per contact form with a problem")
        type_into(browser, "cost-phone", "3.10")
        press(browser, "Save the costs")
        assert "The costs have been saved" in main_text(browser)
        assert browser.find_element(By.ID, "cost-phone").get_attribute("value") == "3.10"
        assert_axe_clean(browser, "the cost per contact form, saved")
        press(browser, "Use the published benchmark for every channel")
        assert browser.find_element(By.ID, "cost-phone").get_attribute("value") == ""
    finally:
        quit_driver(browser)
        server.stop()
