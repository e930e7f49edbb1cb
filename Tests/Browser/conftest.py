"""Fixtures of the browser tests: one Chromium with scripts and one without for the whole run, the
axe-core recorder, and a few dossiers made through the JSON API for the public pages to show."""

from __future__ import annotations

import os
import shutil

import pytest

from onegate_browser import (
    COMMUNE, PROCEDURE, REPORT, AxeRecorder, Browser, api, api_login, minimal_pdf, new_driver, temporary_folder)


@pytest.fixture(scope="session")
def axe_recorder():
    recorder = AxeRecorder()
    yield recorder
    recorder.write_report()


@pytest.fixture(scope="session")
def downloads():
    folder = temporary_folder("onegate-downloads-")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def _driver(downloads):
    driver = new_driver(javascript=True, downloads=downloads)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def _driver_without_javascript():
    driver = new_driver(javascript=False)
    yield driver
    driver.quit()


@pytest.fixture
def browser(_driver, axe_recorder, downloads, request):
    """A Chromium with scripts on, signed out, in Vietnamese (the default), at desktop size."""
    _driver.delete_all_cookies()
    result = Browser(_driver, axe=axe_recorder, downloads=downloads)
    request.node.onegate_browser = result
    return result


@pytest.fixture
def browser_without_javascript(_driver_without_javascript, request):
    """A second Chromium profile in which no script of any page runs."""
    _driver_without_javascript.delete_all_cookies()
    result = Browser(_driver_without_javascript)
    request.node.onegate_browser = result
    return result


@pytest.fixture(scope="session")
def tracked_dossier():
    """A dossier received at the counter of phường Hạ Long through the API: its code and secret
    are what a person finds on the receipt, for the public status page."""
    token = api_login("tiepnhan.halong")
    document = api("POST", "/api/v1/documents", minimal_pdf("OneGate browser test scan"), token=token,
                   content_type="application/pdf")["sha256"]
    dossier = api("POST", "/api/v1/counter/dossiers", {
        "procedureCode": PROCEDURE, "competentUnit": COMMUNE,
        "applicant": {"identifier": "022185009876", "fullName": "Lê Thị Hoa"},
        "data": {"child_full_name": "Lê Minh Châu", "child_date_of_birth": "2026-10-02", "child_gender": "female",
                 "place_of_birth": "Bệnh viện Bãi Cháy", "mother_personal_id": "022185009876"},
        "components": [{"requirement": name, "digitised": True, **({"document": document} if name == "application" else {})}
                       for name in ("application", "birth_notice", "identity")]}, token=token)
    return dossier


@pytest.fixture(scope="session")
def issued_result():
    """A granted dossier of the demo history with its result number, for the verification page."""
    token = api_login("lanhdao.ubndt")
    for state in ("returned", "processed"):
        for dossier in api("GET", f"/api/v1/dossiers?state={state}&limit=50", token=token)["items"]:
            if dossier.get("outcome") == "granted" and dossier.get("resultNumber"):
                return dossier
    pytest.skip("the demo history has no granted dossier")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failure, keeps what the browser showed: a screenshot and the HTML, in the report folder."""
    outcome = yield
    report = outcome.get_result()
    browser = getattr(item, "onegate_browser", None)
    if report.when == "call" and report.failed and browser is not None:
        REPORT.mkdir(parents=True, exist_ok=True)
        name = item.name.replace("/", "_").replace("[", "-").replace("]", "")
        try:
            browser.driver.save_screenshot(str(REPORT / f"failure-{name}.png"))
            (REPORT / f"failure-{name}.html").write_text(browser.driver.page_source, encoding="utf-8")
            report.sections.append(("browser", f"at {browser.driver.current_url}; see {REPORT}/failure-{name}.*"))
        except Exception as error:  # the browser itself may be what failed
            report.sections.append(("browser", f"no screenshot: {error}"))
    log = os.environ.get("ONEGATE_SERVER_LOG")
    if report.when == "call" and report.failed and log and os.path.isfile(log):
        with open(log, encoding="utf-8", errors="replace") as file:
            report.sections.append(("server log (last lines)", "".join(file.readlines()[-15:])))


def pytest_terminal_summary(terminalreporter):
    path = REPORT / "axe.txt"
    if path.is_file():
        terminalreporter.section("axe-core")
        terminalreporter.write_line(path.read_text(encoding="utf-8").rstrip())
