"""Every page in a real browser: no axe-core WCAG 2.2 AA violations, a skip link first,
visible focus, usable without JavaScript and on a 320 px wide screen."""
import re
from urllib.parse import urljoin, urlsplit

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from axe import audit, describe
from conftest import make_driver

FIXED_PAGES = ["/", "/components", "/accessibility", "/no-such-page"]
NOT_PAGES = ("/health", "/metrics", "/assets", "/brand.css")


def pages_to_audit(base_url: str) -> list:
    """The fixed pages plus every same-site page linked from the home page."""
    found = list(FIXED_PAGES)
    home = requests.get(base_url + "/", timeout=10).text
    for href in re.findall(r'href="([^"#]+)', home):
        url = urlsplit(urljoin(base_url + "/", href))
        if url.netloc == urlsplit(base_url).netloc and not url.path.startswith(NOT_PAGES) and url.path not in found:
            found.append(url.path)
    return found


def test_the_audit_covers_the_known_pages(server):
    pages = pages_to_audit(server.base_url)
    for page in FIXED_PAGES:
        assert page in pages


@pytest.mark.parametrize("path", FIXED_PAGES + ["/c/kingsmere/components"])
def test_page_has_no_accessibility_violations(server, driver, path):
    driver.get(server.base_url + path)
    result = audit(driver)
    assert "error" not in result, result
    assert result["version"].startswith("4."), f"axe-core {result['version']} has no WCAG 2.2 rules"
    assert result["violations"] == [], f"{path}:\n{describe(result['violations'])}"


def test_every_linked_page_has_no_accessibility_violations(server, driver):
    failures = []
    for path in pages_to_audit(server.base_url):
        driver.get(server.base_url + path)
        result = audit(driver)
        if result.get("violations"):
            failures.append(f"{path}:\n{describe(result['violations'])}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("path", ["/", "/components", "/accessibility"])
def test_the_first_tab_reaches_the_skip_link(server, driver, path):
    driver.get(server.base_url + path)
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = driver.switch_to.active_element
    assert focused.get_attribute("href").endswith("#main-content")
    assert focused.is_displayed(), "the skip link must appear when focused"


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
        browser.get(server.base_url + "/components")
        assert browser.find_element(By.TAG_NAME, "h1").text == "Design system components"
        assert browser.find_elements(By.CSS_SELECTOR, ".fd-radios__input"), "the form controls render without scripts"
        start = browser.find_element(By.CSS_SELECTOR, "a.fd-button--start")
        assert start.is_displayed() and start.get_attribute("href")
    finally:
        browser.quit()


@pytest.mark.parametrize("path", ["/", "/components", "/accessibility"])
def test_pages_reflow_at_320_pixels_without_sideways_scrolling(server, path):
    browser = make_driver(width=320, height=800)
    try:
        browser.get(server.base_url + path)
        width = browser.execute_script("return document.documentElement.clientWidth")
        scroll_width = browser.execute_script("return document.documentElement.scrollWidth")
        assert scroll_width <= width + 1, f"{path} scrolls sideways at 320px ({scroll_width} > {width})"
    finally:
        browser.quit()


def test_axe_finds_violations_on_a_broken_page(driver):
    """The harness itself: a page with known faults must fail, or a green run means nothing."""
    driver.get("data:text/html,<html><body><img src='x.png'><input type='text'><a href='/x'></a></body></html>")
    ids = {violation["id"] for violation in audit(driver)["violations"]}
    assert {"html-has-lang", "image-alt", "label", "link-name"} <= ids
