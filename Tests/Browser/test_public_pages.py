"""The public pages and the sign-in page: each one used as a person would, checked with axe-core
(no serious or critical WCAG 2.1 A/AA violation) and photographed at phone and desktop widths."""

from __future__ import annotations

from selenium.webdriver.common.by import By

from onegate_browser import PROCEDURE, AxeRecorder, Browser


def assert_accessible(browser: Browser, name: str) -> None:
    violations = browser.axe(name)
    blocking = AxeRecorder.blocking(violations)
    assert not blocking, f"axe-core on {name} ({browser.path}):\n" + AxeRecorder.describe(blocking)


def switch_language(browser: Browser, to: str) -> None:
    """Clicks the language link in the header (it reads 'English' or 'Tiếng Việt')."""
    link = browser.find(By.CSS_SELECTOR, "header a.language-switch")
    assert link.get_attribute("hreflang") == to
    browser.click_and_wait(link)
    assert browser.find(By.TAG_NAME, "html").get_attribute("lang") == to


def test_axe_core_finds_what_it_should(browser, axe_recorder):
    """The harness itself: on a page with known faults, axe-core reports them as serious or critical."""
    browser.driver.get("data:text/html;charset=utf-8,<html><body><img src='x.png'>"
                       "<p style='color:%23bbb;background:%23fff'>pale text</p><input type=text></body></html>")
    found = {v["id"]: v["impact"] for v in axe_recorder.run(browser.driver, "self-check")}
    assert found.get("image-alt") == "critical", found
    assert found.get("color-contrast") == "serious", found
    assert found.get("label") == "critical", found
    assert "html-has-lang" in found, found


def test_home_page_in_vietnamese_and_english(browser):
    browser.open("/")
    browser.assert_page_ok()
    assert browser.find(By.TAG_NAME, "html").get_attribute("lang") == "vi"
    assert browser.by_id("q").get_attribute("type") == "search"
    topics = browser.find_all(By.CSS_SELECTOR, ".topic-list a")
    assert len(topics) >= 5, "the home page lists the topics of the catalogue"
    assert_accessible(browser, "home (vi)")
    browser.screenshot("home-vi")

    switch_language(browser, "en")
    assert browser.path == "/"
    assert browser.find(By.CSS_SELECTOR, "header a.language-switch").text.strip() == "Tiếng Việt"
    assert_accessible(browser, "home (en)")
    browser.screenshot("home-en")


def test_search_from_the_home_page_then_open_a_procedure(browser):
    browser.open("/")
    browser.type_into(browser.field("Tìm thủ tục"), "dang ky khai sinh")  # diacritics are optional
    browser.submit(browser.find(By.CSS_SELECTOR, "form.search-form"))
    assert browser.path.startswith("/procedures?q=")
    results = browser.find_all(By.CSS_SELECTOR, "ol.card-list h2 a")
    assert results, "a search for 'dang ky khai sinh' finds procedures"
    assert any("Đăng ký khai sinh" in link.text for link in results)
    assert_accessible(browser, "procedure search")
    browser.screenshot("procedures-search")

    browser.click_link(href=f"/procedures/{PROCEDURE}")
    assert browser.h1() == "Đăng ký khai sinh"
    assert PROCEDURE in browser.find(By.CSS_SELECTOR, "p.meta code").text
    # An anonymous visitor is offered to sign in to apply, with the way back to the application.
    apply = browser.find(By.CSS_SELECTOR, ".call-to-action a")
    assert apply.get_attribute("href").endswith(f"/sign-in?next=/apply/{PROCEDURE}")
    assert len(browser.find_all(By.CSS_SELECTOR, "ul.checklist li")) >= 3
    assert_accessible(browser, "procedure")
    browser.screenshot("procedure", full_page=True)


def test_browse_the_catalogue_by_level_and_page(browser):
    browser.open("/procedures")
    browser.choose(browser.by_id("level"), value="commune")
    browser.submit(browser.find(By.CSS_SELECTOR, "form.filter-form"))
    assert "level=commune" in browser.path
    count = browser.find(By.CSS_SELECTOR, "p.result-count").text
    assert count.split()[0].isdigit() and int(count.split()[0]) > 20, count
    browser.click_and_wait(browser.find(By.CSS_SELECTOR, "nav.pagination a[rel=next]"))
    assert "page=2" in browser.path
    assert browser.find_all(By.CSS_SELECTOR, "ol.card-list li")
    assert_accessible(browser, "procedure list, page 2")


def test_status_page_finds_a_dossier_by_code_and_secret(browser, tracked_dossier):
    browser.open("/status")
    browser.assert_page_ok()
    browser.screenshot("status-form")
    # Nothing typed: the error summary names both fields and links to them.
    browser.submit(browser.find(By.CSS_SELECTOR, 'main form[action="/status"]'))
    summary = browser.find(By.CSS_SELECTOR, ".error-summary")
    assert [a.get_attribute("href").split("#")[1] for a in summary.find_elements(By.TAG_NAME, "a")] == ["code", "secret"]
    assert browser.by_id("code").get_attribute("aria-invalid") == "true"
    assert_accessible(browser, "status (errors)")
    # The code and secret from the receipt.
    browser.type_into(browser.by_id("code"), tracked_dossier["code"])
    browser.type_into(browser.by_id("secret"), tracked_dossier["secret"])
    browser.submit(browser.find(By.CSS_SELECTOR, 'main form[action="/status"]'))
    assert browser.find(By.ID, "status-heading").text.strip() == tracked_dossier["code"]
    assert browser.find_all(By.CSS_SELECTOR, "ol.timeline li"), "the status page shows the timeline"
    assert_accessible(browser, "status (found)")
    browser.screenshot("status-found", full_page=True)


def test_status_page_refuses_a_wrong_secret(browser, tracked_dossier):
    browser.open("/status")
    browser.type_into(browser.by_id("code"), tracked_dossier["code"])
    browser.type_into(browser.by_id("secret"), "WRONG-SECRET")
    browser.submit(browser.find(By.CSS_SELECTOR, 'main form[action="/status"]'))
    assert browser.exists(By.CSS_SELECTOR, ".error-summary")
    assert not browser.exists(By.ID, "status-heading")


def test_verify_page_confirms_an_issued_result(browser, issued_result):
    browser.open("/verify")
    assert_accessible(browser, "verify (form)")
    browser.type_into(browser.field("Mã hồ sơ"), issued_result["code"])
    browser.type_into(browser.by_id("result"), issued_result["resultNumber"])
    browser.submit(browser.find(By.CSS_SELECTOR, 'main form[action="/verify"]'))
    verdict = browser.find(By.CSS_SELECTOR, ".panel-success #verdict")
    assert "✔" in verdict.text
    assert issued_result["resultNumber"] in browser.main_text()
    assert_accessible(browser, "verify (valid)")
    browser.screenshot("verify-valid", full_page=True)

    browser.type_into(browser.by_id("result"), "0000/NOT-ISSUED")
    browser.submit(browser.find(By.CSS_SELECTOR, 'main form[action="/verify"]'))
    assert browser.exists(By.CSS_SELECTOR, ".panel-error")
    assert_accessible(browser, "verify (not found)")


def test_sign_in_page_with_errors_then_success(browser):
    browser.open("/sign-in?next=/status")
    assert_accessible(browser, "sign-in")
    browser.screenshot("sign-in")
    browser.type_into(browser.by_id("username"), "congdan1")
    browser.type_into(browser.by_id("password"), "not-the-password")
    browser.submit(browser.find(By.CSS_SELECTOR, 'main form[action="/sign-in"]'))
    assert browser.exists(By.CSS_SELECTOR, ".error-summary")
    assert browser.by_id("username").get_attribute("value") == "congdan1"
    # With scripts, the error summary takes the focus so that it is read out first.
    assert browser.driver.switch_to.active_element.get_attribute("class") == "error-summary"
    assert_accessible(browser, "sign-in (errors)")
    browser.screenshot("sign-in-errors")
    browser.type_into(browser.by_id("password"), "demo1234")
    browser.submit(browser.find(By.CSS_SELECTOR, 'main form[action="/sign-in"]'))
    # Signed in: the header names the person and offers to sign out, which works.
    assert browser.path == "/status", "signing in returns to the page that asked for it"
    assert "Nguyễn Văn An" in browser.find(By.CSS_SELECTOR, "header .user-name").text
    browser.submit(browser.find(By.CSS_SELECTOR, 'header form[action="/sign-out"]'))
    assert browser.path == "/"
    assert browser.exists(By.CSS_SELECTOR, 'header a[href="/sign-in"]')


def test_error_page_for_an_unknown_address(browser):
    browser.open("/procedures/NO.SUCH.CODE")
    assert browser.error_page_code() == "not_found"
    assert_accessible(browser, "error (not found)")


def test_language_choice_is_remembered_across_pages(browser):
    browser.open(f"/procedures/{PROCEDURE}")
    switch_language(browser, "en")
    assert browser.path == f"/procedures/{PROCEDURE}", "the switch returns to the same page"
    assert browser.h1() == "Birth registration"
    browser.click_link(href="/status")
    assert browser.find(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert browser.h1() == "Track a dossier" or browser.find(By.CSS_SELECTOR, 'nav a[aria-current="page"]').text == "Track a dossier"
    switch_language(browser, "vi")
    assert browser.find(By.CSS_SELECTOR, 'nav a[href="/status"]').text == "Tra cứu hồ sơ"
