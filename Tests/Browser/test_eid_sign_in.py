"""Signing in with the national e-ID (VNeID), through the simulated provider that `onegate demo
--idp-port` runs beside the portal (scripts/browser-test.sh exports its address as ONEGATE_IDP_URL):

* OneGate's sign-in page offers the e-ID button (checked with axe-core: no violation at all, and
  photographed at phone and desktop widths);
* a citizen clicks it, lands on the provider's page, types their personal identifier and password,
  and comes back signed in at /my/dossiers with their name in the header;
* a wrong password keeps the person at the provider (a 422 page with the error, the identifier kept),
  and the right one then goes through;
* the provider's cancel button brings the person back to OneGate's sign-in page, which says the
  sign-in was cancelled;
* the same sign-in with scripts off, returning to the page the person was going to (`next`).

The provider's own pages are a simulator, not part of OneGate: they are photographed but not
checked with axe-core."""

from __future__ import annotations

import os
import urllib.parse

import pytest
from selenium.webdriver.common.by import By

from onegate_browser import BASE_URL, PASSWORD, PROCEDURE, AxeRecorder, Browser, xpath_literal

IDP_URL = os.environ.get("ONEGATE_IDP_URL", "").rstrip("/")

# A person of the demo population (Sources/OneGateDemo/DemoProvinceData.swift, kind "person") who has
# no OneGate username, so only the e-ID signs them in, and whom no other browser test uses.
IDENTIFIER = "022072699926"
FULL_NAME = "Đặng Tiến Cường"

EID_BUTTON = "Đăng nhập bằng định danh điện tử (VNeID)"
PROVIDER_HEADING = "Đăng nhập bằng định danh điện tử (VNeID) — mô phỏng"
WRONG_CREDENTIALS = "Số định danh cá nhân hoặc mật khẩu không đúng."
CANCELLED = "Bạn đã hủy đăng nhập tại dịch vụ định danh điện tử."

pytestmark = pytest.mark.skipif(
    not IDP_URL, reason="ONEGATE_IDP_URL is not set (run with scripts/browser-test.sh, which starts the e-ID)")


def assert_no_violations(browser: Browser, name: str) -> None:
    """Stricter than the other pages' check: no axe-core violation of any impact."""
    violations = browser.axe(name)
    assert not violations, f"axe-core on {name} ({browser.path}):\n" + AxeRecorder.describe(violations)


def eid_button(browser: Browser):
    return browser.find(By.XPATH, f"//main//a[normalize-space(.)={xpath_literal(EID_BUTTON)}]")


def response_status(browser: Browser) -> int:
    """The HTTP status of the page the browser shows (Navigation Timing's responseStatus)."""
    return browser.driver.execute_script("return performance.getEntriesByType('navigation')[0].responseStatus")


def is_signed_in(browser: Browser) -> bool:
    return browser.exists(By.CSS_SELECTOR, 'header form[action="/sign-out"]')


def go_to_provider(browser: Browser, next_path: str | None = None) -> None:
    """From OneGate's sign-in page, clicks the e-ID button and checks the provider's page."""
    browser.open("/sign-in" + (f"?next={urllib.parse.quote(next_path)}" if next_path else ""))
    browser.assert_page_ok()
    browser.click_and_wait(eid_button(browser))
    assert browser.driver.current_url.startswith(IDP_URL + "/"), (
        f"the e-ID button led to {browser.driver.current_url}, not to the provider at {IDP_URL}")
    assert " ".join(browser.h1().split()).startswith(PROVIDER_HEADING), browser.h1()


def provider_form(browser: Browser):
    return browser.find(By.CSS_SELECTOR, 'main form[action$="/authorize"]')


def sign_in_at_provider(browser: Browser, identifier: str, password: str) -> None:
    browser.type_into(browser.by_id("identifier"), identifier)
    browser.type_into(browser.by_id("password"), password)
    browser.submit(provider_form(browser), text="Đăng nhập")


def assert_back_signed_in(browser: Browser, path: str) -> None:
    assert browser.driver.current_url.startswith(BASE_URL + "/"), browser.driver.current_url
    browser.assert_page_ok()
    assert browser.path == path, f"after the e-ID sign-in: {browser.path}, expected {path}"
    assert is_signed_in(browser), f"{FULL_NAME} is not signed in ({browser.path})"
    name = browser.find(By.CSS_SELECTOR, "header .user-name").text
    assert FULL_NAME in name, f"the header names {name!r}, not {FULL_NAME}"


def test_sign_in_page_offers_the_eid(browser):
    browser.open("/sign-in")
    browser.assert_page_ok()
    button = eid_button(browser)
    assert button.is_displayed()
    href = urllib.parse.urlsplit(button.get_attribute("href"))
    assert href.path == "/sign-in/eid", button.get_attribute("href")
    # The account form stays beside it, for officers and businesses.
    assert browser.exists(By.CSS_SELECTOR, 'main form[action="/sign-in"] #username')
    assert_no_violations(browser, "sign-in (with the e-ID)")
    browser.screenshot("sign-in-eid")


def test_citizen_signs_in_with_the_eid(browser):
    go_to_provider(browser)
    assert not is_signed_in(browser)
    # The simulator's page: photographed, not checked with axe-core (it is not OneGate's page).
    browser.screenshot("eid-provider")
    sign_in_at_provider(browser, IDENTIFIER, PASSWORD)
    assert_back_signed_in(browser, "/my/dossiers")
    assert browser.h1(), "the citizen's dossiers page has its heading"
    browser.screenshot("eid-signed-in-my-dossiers")


def test_wrong_password_stays_at_the_provider(browser):
    go_to_provider(browser)
    sign_in_at_provider(browser, IDENTIFIER, "not-the-password")
    assert browser.driver.current_url.startswith(IDP_URL + "/"), browser.driver.current_url
    status = response_status(browser)
    assert status == 422, f"the provider answered {status} to a wrong password"
    alert = browser.find(By.CSS_SELECTOR, "main [role=alert]")
    assert WRONG_CREDENTIALS in alert.text, alert.text
    identifier = browser.by_id("identifier")
    assert identifier.get_attribute("value") == IDENTIFIER, "the identifier typed is kept"
    assert identifier.get_attribute("aria-invalid") == "true"
    assert "sign-in-error" in identifier.get_attribute("aria-describedby").split()
    assert browser.by_id("password").get_attribute("value") == "", "the password is not sent back"
    assert not is_signed_in(browser)
    browser.screenshot("eid-provider-wrong-password")

    # The right password on the same page goes through.
    browser.type_into(browser.by_id("password"), PASSWORD)
    browser.submit(provider_form(browser), text="Đăng nhập")
    assert_back_signed_in(browser, "/my/dossiers")


def test_cancel_at_the_provider_returns_to_sign_in(browser):
    go_to_provider(browser)
    # "Hủy" skips the form's validation (formnovalidate): nothing needs to be typed.
    browser.submit(provider_form(browser), text="Hủy")
    assert browser.driver.current_url.startswith(BASE_URL + "/"), browser.driver.current_url
    assert browser.path.startswith("/sign-in"), browser.path
    assert browser.h1() == "Đăng nhập", browser.h1()
    alert = browser.find(By.CSS_SELECTOR, "main [role=alert]")
    assert CANCELLED in alert.text, alert.text
    assert not is_signed_in(browser)
    # The person can try again: the button and the account form are both there.
    assert eid_button(browser).is_displayed()
    assert browser.exists(By.CSS_SELECTOR, 'main form[action="/sign-in"] #username')
    assert_no_violations(browser, "sign-in (e-ID cancelled)")
    browser.screenshot("sign-in-eid-cancelled")


def test_eid_sign_in_without_javascript_returns_to_next(browser_without_javascript):
    browser = browser_without_javascript
    go_to_provider(browser, next_path=f"/apply/{PROCEDURE}")
    sign_in_at_provider(browser, IDENTIFIER, PASSWORD)
    assert_back_signed_in(browser, f"/apply/{PROCEDURE}")
