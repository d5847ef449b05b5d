"""Staff single sign-on in a real browser against a real OpenID Connect provider
(django-oidc-provider, e2e/support/oidc_provider/): authorization code with PKCE, RS256 ID
tokens checked against the provider's JWKS, and the council's claim-to-role mapping."""
import pytest
from selenium.webdriver.common.by import By

from axe import audit, describe
from conftest import base_env, click_and_wait_for_page, free_port, make_driver, quit_driver, run_frontdoor, start_server
from support.oidc_provider_fixture import start_oidc_provider


def assert_axe_clean(driver, what: str):
    result = audit(driver)
    assert result["violations"] == [], f"{what}:\n{describe(result['violations'])}"


@pytest.fixture
def sso_server(tmp_path):
    """FrontDoor with the demo council, its staff signing in through a real provider."""
    port = free_port()
    provider = start_oidc_provider(tmp_path / "provider", [f"http://127.0.0.1:{port}/staff/sso/callback"])
    try:
        data_dir = tmp_path / "data"
        env = base_env(data_dir)
        assert run_frontdoor(["seed-demo"], env).returncode == 0
        configured = run_frontdoor(["configure-sso", "--display-name", "Kingsmere staff account", "--issuer", provider.issuer,
                                    "--client-id", provider.client_id, "--role-claim", "roles",
                                    "--map", "frontdoor-administrators=administrator", "--map", "frontdoor-advisors=advisor"],
                                   env, input_text=provider.client_secret + "\n")
        assert configured.returncode == 0, configured.stderr
        running = start_server(data_dir, port=port)
        try:
            yield running, provider
        finally:
            running.stop()
    finally:
        provider.stop()


def sign_in_through_provider(browser, base_url: str, provider, user: str):
    # A fresh browser state: the provider would otherwise remember who signed in last (cookies
    # on 127.0.0.1 are shared by every port).
    browser.get(base_url + "/staff/sign-in")
    browser.delete_all_cookies()
    browser.get(base_url + "/staff/sign-in")
    click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "Sign in with Kingsmere staff account"))
    username, password, _ = provider.users[user]
    browser.find_element(By.ID, "id_username").send_keys(username)
    browser.find_element(By.ID, "id_password").send_keys(password)
    click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "form [type=submit]"))


def test_staff_sign_in_through_the_councils_identity_provider(sso_server):
    running, provider = sso_server
    browser = make_driver()
    try:
        browser.get(running.base_url + "/staff/sign-in")
        assert_axe_clean(browser, "sign-in page with single sign-on")

        sign_in_through_provider(browser, running.base_url, provider, "advisor")
        assert browser.current_url == running.base_url + "/staff"
        main = browser.find_element(By.TAG_NAME, "main").text
        assert "Signed in as Robin Clarke" in main and "Advisor" in main
        click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "main form button.fd-button--secondary"))

        sign_in_through_provider(browser, running.base_url, provider, "nobody")
        assert "has not been given access to FrontDoor" in browser.find_element(By.TAG_NAME, "main").text
        assert_axe_clean(browser, "sign-in page after a refusal")

        sign_in_through_provider(browser, running.base_url, provider, "admin")
        assert browser.current_url == running.base_url + "/staff", "the provider stands in for FrontDoor's second factor"
        main = browser.find_element(By.TAG_NAME, "main").text
        assert "Signed in as Kim Wright" in main and "Administrator" in main
        click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "Audit trail"))
        trail = browser.find_element(By.TAG_NAME, "table").text
        assert "through Kingsmere staff account" in trail and "Staff account created" in trail
    finally:
        quit_driver(browser)
