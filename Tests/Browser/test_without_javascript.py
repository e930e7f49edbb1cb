"""Every page works without JavaScript: a second Chromium profile in which no script runs goes
through the public pages, the forms, the language switch and signing in and out."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from onegate_browser import PROCEDURE, http_status


def test_scripts_are_really_off(browser_without_javascript):
    driver = browser_without_javascript.driver
    driver.get("data:text/html,<title>off</title><script>document.title = 'on'</script>")
    assert driver.title == "off"


def test_public_pages_and_forms_without_javascript(browser_without_javascript, tracked_dossier, issued_result):
    browser = browser_without_javascript
    browser.open("/")
    browser.assert_page_ok()
    browser.type_into(browser.by_id("q"), "khai sinh")
    browser.submit(browser.find(By.CSS_SELECTOR, "form.search-form"))
    assert browser.find_all(By.CSS_SELECTOR, "ol.card-list li")
    browser.click_link(href=f"/procedures/{PROCEDURE}")
    assert browser.h1() == "Đăng ký khai sinh"

    browser.click_link(href="/status")
    browser.type_into(browser.by_id("code"), tracked_dossier["code"])
    browser.type_into(browser.by_id("secret"), tracked_dossier["secret"].lower())  # not case-sensitive
    browser.submit(browser.find(By.CSS_SELECTOR, 'main form[action="/status"]'))
    assert browser.by_id("status-heading").text.strip() == tracked_dossier["code"]

    browser.click_link(href="/verify")
    browser.type_into(browser.by_id("code"), issued_result["code"])
    browser.type_into(browser.by_id("result"), issued_result["resultNumber"])
    browser.submit(browser.find(By.CSS_SELECTOR, 'main form[action="/verify"]'))
    assert browser.exists(By.CSS_SELECTOR, ".panel-success")


def test_language_switch_without_javascript(browser_without_javascript):
    browser = browser_without_javascript
    browser.open("/procedures?q=khai+sinh")
    browser.click_and_wait(browser.find(By.CSS_SELECTOR, "header a.language-switch"))
    assert browser.find(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert browser.path == "/procedures?q=khai+sinh" or browser.path == "/procedures?q=khai%20sinh"
    assert browser.h1() == "Procedures"
    browser.click_and_wait(browser.find(By.CSS_SELECTOR, "header a.language-switch"))
    assert browser.find(By.TAG_NAME, "html").get_attribute("lang") == "vi"
    assert browser.h1() == "Thủ tục hành chính"


def test_sign_in_errors_and_sign_out_without_javascript(browser_without_javascript):
    browser = browser_without_javascript
    browser.open("/sign-in")
    browser.submit(browser.find(By.CSS_SELECTOR, 'main form[action="/sign-in"]'))
    # The form has `novalidate`: the server, not the browser, says what is missing.
    links = browser.find_all(By.CSS_SELECTOR, ".error-summary a")
    assert [a.get_attribute("href").split("#")[1] for a in links] == ["username", "password"]
    browser.sign_in("congdan1", next_path="/status")
    assert browser.path == "/status"
    browser.submit(browser.find(By.CSS_SELECTOR, 'header form[action="/sign-out"]'))
    assert browser.exists(By.CSS_SELECTOR, 'header a[href="/sign-in"]')


# The pages each kind of person starts from once signed in, opened without scripts.
SIGNED_IN_PAGES = [
    ("congdan1", "/my/dossiers"),
    ("congdan1", f"/apply/{PROCEDURE}"),
    ("tiepnhan.halong", "/counter"),
    ("tiepnhan.halong", f"/counter/receive?procedure={PROCEDURE}"),
    ("tiepnhan.halong", "/work"),
    ("chuyenvien.halong", "/work"),
    ("lanhdao.halong", "/work"),
    ("vanthu.halong", "/work"),
]


@pytest.mark.parametrize("username,path", SIGNED_IN_PAGES, ids=[f"{u} {p}" for u, p in SIGNED_IN_PAGES])
def test_signed_in_pages_without_javascript(browser_without_javascript, username, path):
    if http_status(path) == 404:
        pytest.skip(f"{path} is not there yet")
    browser = browser_without_javascript
    browser.sign_in(username, next_path=path)
    assert browser.path == path
    browser.assert_page_ok()
    assert browser.h1()


def test_print_buttons_stay_hidden_without_javascript(browser_without_javascript, tracked_dossier):
    """A print button only works with scripts, so without them it must not show (the page says to
    use the browser's Print command instead)."""
    path = f"/work/dossiers/{tracked_dossier['id']}/forms/01"
    if http_status(path) == 404:
        pytest.skip(f"{path} is not there yet")
    browser = browser_without_javascript
    browser.sign_in("tiepnhan.halong", next_path=path)
    assert browser.path == path
    browser.assert_page_ok()
    assert browser.find(By.CSS_SELECTOR, "main .form-tools .hint").is_displayed()
    buttons = browser.find_all(By.CSS_SELECTOR, "button[data-print]")
    assert buttons, "the receipt has a print button"
    shown = [b for b in buttons if b.is_displayed()]
    assert not shown, ("a print button (which needs scripts) shows without JavaScript: "
                       "a `display` rule of .button overrides its `hidden` attribute")
