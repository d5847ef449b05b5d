"""Background jobs in administration: the queue's states, and a dead job retried and then
discarded, in a real browser. Every state of the page is axe-clean."""
import sqlite3
import time
import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from axe import audit, describe
from page_actions import sign_in_first_time_as_administrator
from conftest import click_and_wait_for_page, make_driver, quit_driver, run_frontdoor, base_env, start_server


def assert_axe_clean(driver, what: str):
    result = audit(driver)
    assert result["violations"] == [], f"{what}:\n{describe(result['violations'])}"


@pytest.fixture
def jobs_server(tmp_path):
    running = start_server(tmp_path / "data")
    yield running
    running.stop()


def add_job_nobody_handles(data_dir):
    """A job of a kind no handler takes (as after rolling back to an older release): it dies at once."""
    with sqlite3.connect(data_dir / "frontdoor.sqlite", timeout=30) as db:
        now = time.time()
        db.execute("INSERT INTO jobs (id, kind, payload, state, attempts, max_attempts, run_at, created_at) "
                   "VALUES (?, 'retired-kind', '{}', 'queued', 0, 8, ?, ?)", (str(uuid.uuid4()).upper(), now, now))


def test_an_administrator_sees_the_queue_and_retries_then_discards_a_dead_job(jobs_server):
    check = run_frontdoor(["queue-check", "--jobs", "5", "--wait", "30"], base_env(jobs_server.data_dir))
    assert check.returncode == 0 and "All 5 ran, each once" in check.stdout, check.stdout + check.stderr
    add_job_nobody_handles(jobs_server.data_dir)
    browser = make_driver()
    try:
        base = jobs_server.base_url
        sign_in_first_time_as_administrator(browser, base)

        browser.get(base + "/staff")
        click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "Background jobs"))
        WebDriverWait(browser, 15).until(lambda b: "retired-kind" in b.find_element(By.TAG_NAME, "main").text
                                         or b.refresh() or False)
        main = browser.find_element(By.TAG_NAME, "main").text
        assert "Succeeded 5" in main and "Dead (needs attention) 1" in main, main
        assert "No handler for jobs of kind retired-kind" in main
        assert_axe_clean(browser, "background jobs with a dead job")

        click_and_wait_for_page(browser, browser.find_element(By.XPATH, "//button[starts-with(normalize-space(), 'Retry')]"))
        assert "The job will run again shortly" in browser.find_element(By.CSS_SELECTOR, ".fd-notification-banner").text
        assert_axe_clean(browser, "background jobs after a retry")
        # It dies again (still nobody handles it); then it is discarded for good.
        WebDriverWait(browser, 15).until(lambda b: b.refresh() or "retired-kind" in b.find_element(By.TAG_NAME, "main").text)
        click_and_wait_for_page(browser, browser.find_element(By.XPATH, "//button[starts-with(normalize-space(), 'Discard')]"))
        main = browser.find_element(By.TAG_NAME, "main").text
        assert "The job has been discarded" in main and "No jobs are dead." in main and "Discarded 1" in main, main
        assert_axe_clean(browser, "background jobs with none dead")
    finally:
        quit_driver(browser)
