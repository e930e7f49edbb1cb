"""The pages behind sign-in that the journeys do not pass through: the administration pages (read
only: nothing is changed here) and the workspace and printable forms of a counter dossier. Each is
checked with axe-core with scripts on, opened again with scripts off, and photographed."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from onegate_browser import COMMUNE, PROCEDURE, AxeRecorder, http_status

ADMIN_PAGES = [
    ("admin", "/admin"),
    ("admin-units", "/admin/units"),
    ("admin-unit", f"/admin/units/{COMMUNE}"),
    ("admin-officers", "/admin/officers"),
    ("admin-procedures", "/admin/procedures"),
    ("admin-procedure", f"/admin/procedures/{PROCEDURE}"),
    ("admin-calendar", "/admin/calendar"),
    ("admin-targets", "/admin/targets"),
]


def _check(browser, browser_without_javascript, username: str, name: str, path: str, full_page: bool = False):
    if http_status(path.split("?")[0]) == 404:
        pytest.skip(f"{path} is not there yet")
    browser.sign_in(username, next_path=path)
    assert browser.path == path, f"signing in as {username} for {path} led to {browser.path}"
    browser.assert_page_ok()
    assert browser.h1()
    violations = browser.axe(name)
    blocking = AxeRecorder.blocking(violations)
    browser.screenshot(name, full_page=full_page)
    # The same page without scripts: it opens and shows the same heading.
    heading = browser.h1()
    plain = browser_without_javascript
    plain.sign_in(username, next_path=path)
    plain.assert_page_ok()
    assert plain.h1() == heading
    assert not blocking, f"axe-core on {name} ({path}):\n" + AxeRecorder.describe(blocking)


@pytest.mark.parametrize("name,path", ADMIN_PAGES, ids=[name for name, _ in ADMIN_PAGES])
def test_administration_page(browser, browser_without_javascript, name, path):
    _check(browser, browser_without_javascript, "admin", name, path)


@pytest.mark.parametrize("suffix", ["", "/forms/01", "/forms/06"], ids=["workspace", "form-01", "form-06"])
def test_counter_dossier_pages(browser, browser_without_javascript, tracked_dossier, suffix):
    path = f"/work/dossiers/{tracked_dossier['id']}{suffix}"
    name = "workspace-received" if not suffix else f"form-{suffix.rsplit('/', 1)[1]}-reprint"
    _check(browser, browser_without_javascript, "tiepnhan.halong", name, path, full_page=True)
    if not suffix:
        # A received dossier: reception may assign it, or (being at the counter) take it back.
        assert browser.exists(By.ID, "action-assign")


# The main pages of each kind of visitor once more, in English.
ENGLISH_PAGES = {
    None: ["/", "/procedures?q=birth", f"/procedures/{PROCEDURE}", "/status", "/verify", "/sign-in"],
    "congdan1": ["/my/dossiers", f"/apply/{PROCEDURE}"],
    "tiepnhan.halong": ["/counter", f"/counter/receive?procedure={PROCEDURE}", "/work"],
    "admin": ["/admin", "/admin/officers"],
}


@pytest.mark.parametrize("username", list(ENGLISH_PAGES), ids=[u or "anonymous" for u in ENGLISH_PAGES])
def test_main_pages_in_english(browser, username):
    paths = [p for p in ENGLISH_PAGES[username] if http_status(p.split("?")[0]) != 404]
    if not paths:
        pytest.skip("none of these pages is there yet")
    if username:
        browser.sign_in(username, next_path=paths[0])
    else:
        browser.open(paths[0])
    browser.click_and_wait(browser.find(By.CSS_SELECTOR, "header a.language-switch"))
    problems = []
    for path in paths:
        browser.open(path)
        browser.assert_page_ok()
        assert browser.find(By.TAG_NAME, "html").get_attribute("lang") == "en", path
        blocking = AxeRecorder.blocking(browser.axe(f"{path} (en, {username or 'anonymous'})"))
        if blocking:
            problems.append(f"{path}:\n" + AxeRecorder.describe(blocking))
    assert not problems, "axe-core in English:\n" + "\n".join(problems)


def test_statistics_page(browser, browser_without_javascript):
    if http_status("/statistics") == 404:
        pytest.skip("/statistics is not there yet")
    browser.open("/statistics")
    browser.assert_page_ok()
    assert browser.h1()
    blocking = AxeRecorder.blocking(browser.axe("statistics"))
    browser.screenshot("statistics", full_page=True)
    browser_without_javascript.open("/statistics")
    browser_without_javascript.assert_page_ok()
    assert browser_without_javascript.h1() == browser.h1()
    assert not blocking, "axe-core on /statistics:\n" + AxeRecorder.describe(blocking)


def test_dashboard_and_its_drill_down(browser, browser_without_javascript):
    """A leader's dashboard, then one figure followed down to procedures and to the dossiers."""
    _check(browser, browser_without_javascript, "lanhdao.halong", "dashboard", "/dashboard", full_page=True)
    problems = []
    for prefix, name in (("/dashboard/procedures", "dashboard-procedures"), ("/dashboard/dossiers", "dashboard-dossiers")):
        links = browser.find_all(By.CSS_SELECTOR, f'main a[href^="{prefix}"]')
        if not links:
            continue
        browser.click_and_wait(links[0])
        browser.assert_page_ok()
        blocking = AxeRecorder.blocking(browser.axe(name))
        browser.screenshot(name)
        if blocking:
            problems.append(f"{browser.path}:\n" + AxeRecorder.describe(blocking))
    assert not problems, "axe-core on the drill-down:\n" + "\n".join(problems)
