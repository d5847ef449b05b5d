"""Every page in a real browser: no axe-core WCAG 2.2 AA violations, a skip link first,
visible focus, usable without JavaScript and on a 320 px wide screen."""
import re
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest
import requests
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from axe import axe_audit, describe
from conftest import make_driver, quit_driver

FIXED_PAGES = ["/", "/components", "/accessibility", "/no-such-page", "/services/fly-tipping", "/complaints-report", "/disclosure-log",
               "/our-performance"]
NOT_PAGES = ("/health", "/metrics", "/assets", "/brand.css")


def pages_linked_from_home(base_url: str) -> list:
    """Every same-site page linked from the home page (deduplicated, in order)."""
    found = []
    home = requests.get(base_url + "/", timeout=10).text
    for href in re.findall(r'href="([^"]+)"', home):
        url = urlsplit(urljoin(base_url + "/", unescape(href)))
        if url.scheme not in ("http", "https") or url.netloc != urlsplit(base_url).netloc:
            continue
        path = url.path + (f"?{url.query}" if url.query else "")
        if url.path.startswith(NOT_PAGES) or path in found:
            continue
        found.append(path)
    return found


def audit_failure(path: str, result: dict) -> str | None:
    """None when axe ran cleanly on the page; otherwise a readable account of what is wrong."""
    if "error" in result:
        return f"{path}: axe could not run: {result['error']}"
    if not result["version"].startswith("4."):
        return f"{path}: axe-core {result['version']} has no WCAG 2.2 rules"
    if result["violations"]:
        return f"{path}:\n{describe(result['violations'])}"
    return None


def press_tab(driver, times: int = 1):
    actions = ActionChains(driver)
    for _ in range(times):
        actions.send_keys(Keys.TAB)
    actions.perform()


@pytest.fixture
def narrow_viewport(driver):
    """The shared browser with a 320 CSS-pixel wide viewport (Chromium will not make a
    window that narrow, so the viewport is emulated), restored afterwards."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 320, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    try:
        yield driver
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_the_home_page_links_to_other_pages_to_audit(server):
    linked = pages_linked_from_home(server.base_url)
    assert "/accessibility" in linked, f"the footer links to the accessibility statement; found {linked}"


def test_every_link_on_the_home_page_leads_to_a_page_that_exists(server):
    broken = []
    for path in pages_linked_from_home(server.base_url):
        status = requests.get(server.base_url + path, timeout=10).status_code
        if status != 200:
            broken.append(f"{path} -> {status}")
    assert not broken, "links from the home page that do not work:\n" + "\n".join(broken)


@pytest.mark.parametrize("path", FIXED_PAGES + ["/c/kingsmere/components"])
def test_page_has_no_accessibility_violations(server, driver, path):
    driver.get(server.base_url + path)
    failure = audit_failure(path, axe_audit(driver))
    if failure:
        print(failure)
    assert failure is None, failure


def test_every_page_linked_from_the_home_page_has_no_accessibility_violations(server, driver):
    pages = pages_linked_from_home(server.base_url)
    assert pages, "the home page links to no pages at all"
    failures = []
    for path in pages:
        driver.get(server.base_url + path)
        failure = audit_failure(path, axe_audit(driver))
        if failure:
            failures.append(failure)
    if failures:
        print("\n".join(failures))
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("path", FIXED_PAGES)
def test_the_first_tab_reaches_a_visible_skip_link_to_the_main_content(server, driver, path):
    driver.get(server.base_url + path)
    assert driver.execute_script("return document.activeElement === document.body")
    press_tab(driver)
    focused = driver.switch_to.active_element
    assert (focused.get_attribute("href") or "").endswith("#main-content"), focused.get_attribute("outerHTML")
    assert focused.is_displayed(), "the skip link must appear when focused"
    assert driver.find_element(By.CSS_SELECTOR, "main#main-content"), "the skip link's target exists"


@pytest.mark.parametrize("path", FIXED_PAGES)
def test_every_page_has_the_council_header_a_main_region_and_a_footer_link_to_accessibility(server, driver, path):
    driver.get(server.base_url + path)
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang"), "the page declares its language"
    assert driver.title.strip(), "the page has a title"
    assert "Kingsmere Borough Council" in driver.find_element(By.TAG_NAME, "header").text
    assert driver.find_element(By.CSS_SELECTOR, "main#main-content").find_element(By.TAG_NAME, "h1").text.strip()
    footer_links = [a.get_attribute("href") or "" for a in driver.find_elements(By.CSS_SELECTOR, "footer a")]
    assert any(urlsplit(href).path.rstrip("/").endswith("/accessibility") for href in footer_links), footer_links


def test_tabbing_to_the_first_button_shows_a_visible_focus_indicator(server, driver):
    driver.get(server.base_url + "/components")
    first_button = driver.find_element(By.CSS_SELECTOR, "button:not([disabled])")
    for _ in range(300):
        press_tab(driver)
        if driver.switch_to.active_element == first_button:
            break
    else:
        pytest.fail("Tab never reached the first button on /components")
    style = driver.execute_script(
        "const s = getComputedStyle(arguments[0]);"
        "return {outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor,"
        " boxShadow: s.boxShadow};", first_button)
    outline = (style["outlineStyle"] != "none" and style["outlineWidth"] != "0px"
               and style["outlineColor"] not in ("transparent", "rgba(0, 0, 0, 0)"))
    assert outline or style["boxShadow"] != "none", f"the focused button shows no focus indicator: {style}"


def test_focus_is_visible_on_buttons_links_and_inputs(server, driver):
    driver.get(server.base_url + "/components")
    for selector in ("button.fd-button", "input#full-name", "a.fd-link", "input[type=radio]"):
        element = driver.find_element(By.CSS_SELECTOR, selector)
        driver.execute_script("arguments[0].focus()", element)
        style = driver.execute_script(
            "const s = getComputedStyle(arguments[0]);"
            "return {outline: s.outlineStyle + ' ' + s.outlineWidth, shadow: s.boxShadow, background: s.backgroundColor};",
            element)
        target = element
        if selector == "input[type=radio]":
            # The radio's ring is drawn on its label's ::before; the real input keeps focus.
            label = driver.find_element(By.CSS_SELECTOR, "label[for='%s']" % element.get_attribute("id"))
            style = driver.execute_script(
                "const s = getComputedStyle(arguments[0], '::before');"
                "return {outline: s.outlineStyle + ' ' + s.outlineWidth, shadow: s.boxShadow, background: s.backgroundColor};",
                label)
            target = label
        visible = (not style["outline"].startswith("none") and not style["outline"].endswith(" 0px")) or style["shadow"] != "none"
        assert visible, f"{selector} shows no focus indicator: {style} ({target.tag_name})"


def test_pages_work_with_javascript_turned_off(server):
    browser = make_driver(javascript=False)
    try:
        browser.get("data:text/html,<p id='p'>scripts off</p><script>document.getElementById('p').textContent='on'</script>")
        assert browser.find_element(By.ID, "p").text == "scripts off", "this browser must really run without JavaScript"
        browser.get(server.base_url + "/components")
        assert browser.find_element(By.TAG_NAME, "h1").text == "Design system components"
        assert browser.find_elements(By.CSS_SELECTOR, ".fd-radios__input"), "the form controls render without scripts"
        start = browser.find_element(By.CSS_SELECTOR, "a.fd-button--start")
        assert start.is_displayed() and start.get_attribute("href")
    finally:
        quit_driver(browser)


@pytest.mark.parametrize("path", FIXED_PAGES)
def test_pages_reflow_at_320_pixels_without_sideways_scrolling(server, narrow_viewport, path):
    narrow_viewport.get(server.base_url + path)
    width = narrow_viewport.execute_script("return window.innerWidth")
    scroll_width = narrow_viewport.execute_script("return document.documentElement.scrollWidth")
    assert width == 320, f"the viewport should be 320px wide, not {width}px"
    assert scroll_width <= 320 + 1, f"{path} scrolls sideways at 320px (content is {scroll_width}px wide)"


def test_axe_finds_violations_on_a_broken_page(driver):
    """The harness itself: a page with known faults must fail, or a green run means nothing."""
    driver.get("data:text/html,<html><body><img src='x.png'><input type='text'><a href='/x'></a></body></html>")
    result = axe_audit(driver)
    assert result["version"].startswith("4.")
    ids = {violation["id"] for violation in result["violations"]}
    assert {"html-has-lang", "image-alt", "label", "link-name"} <= ids


def test_axe_passes_a_clean_page(driver):
    """The harness itself: a well-formed page must pass, or a red run means nothing."""
    driver.get("data:text/html,<!doctype html><html lang='en'><head><title>Clean</title></head><body>"
               "<main><h1>Clean page</h1><p>Nothing wrong here.</p>"
               "<label for='n'>Name</label><input id='n' type='text'></main></body></html>")
    assert axe_audit(driver)["violations"] == []
