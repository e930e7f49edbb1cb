"""Whole journeys through the portal, each person in their own signed-in browser session:

* one dossier from the online application to the downloaded result: the citizen applies with an
  upload (saving a draft on the way), reception accepts and assigns, the specialist appraises and
  asks for a supplement, the citizen supplements, the specialist submits for approval, the leader
  approves and signs, the clerk issues, and the citizen downloads the signed record and verifies
  the result;
* a paper dossier received at the counter, with the printable receipt (form 01) whose code and
  secret then work on the public status page (this one runs with JavaScript off);
* a dossier refused at reception, with the reason the citizen then reads;
* the counter's assisted mode, a fee assessed and paid online, and a withdrawal followed by the
  citizen's evaluation (these three prepare their dossier through the JSON API).

Each main page on the way is checked with axe-core and photographed. A journey is skipped, naming
the pages, while any page it needs is not served yet (404)."""

from __future__ import annotations

import base64
import shutil
import time
import zipfile

import pytest
from selenium.webdriver.common.by import By

from onegate_browser import (
    COMMUNE, PROCEDURE, SCREENSHOTS, AxeRecorder, Browser, api, api_login, minimal_pdf, pdf_file, skip_unless_pages_exist,
    temporary_folder)

CITIZEN = "congdan1"
RECEPTION = "tiepnhan.halong"
SPECIALIST = "chuyenvien.halong"
SPECIALIST_ID = "officer-chuyenvien.halong"
LEADER = "lanhdao.halong"
CLERK = "vanthu.halong"

# The pages the journeys go through (an anonymous GET answers 404 only when the page is missing).
CITIZEN_PAGES = (f"/apply/{PROCEDURE}", "/drafts/x", "/drafts/x/review", "/my/dossiers", "/my/dossiers/x",
                 "/my/dossiers/x/result")
OFFICER_PAGES = ("/work", "/work/dossiers/x")
COUNTER_PAGES = ("/counter", f"/counter/receive?procedure={PROCEDURE}")


@pytest.fixture(scope="module")
def files():
    folder = temporary_folder("onegate-uploads-")
    yield {
        "application": pdf_file(folder, "to-khai-khai-sinh.pdf", "Birth registration form, signed"),
        "birth_notice_blurred": pdf_file(folder, "giay-chung-sinh-mo.pdf", "Birth notice (unreadable scan)"),
        "birth_notice": pdf_file(folder, "giay-chung-sinh.pdf", "Birth notice, clear scan"),
        "identity": pdf_file(folder, "cccd-me.pdf", "Identity card of the mother"),
    }
    shutil.rmtree(folder, ignore_errors=True)


def assert_accessible(browser: Browser, name: str) -> None:
    violations = browser.axe(name)
    blocking = AxeRecorder.blocking(violations)
    assert not blocking, f"axe-core on {name} ({browser.path}):\n" + AxeRecorder.describe(blocking)


def type_date(browser: Browser, element, iso: str) -> None:
    """Types a date as a person does into a date input (whose order of day and month depends on
    the browser's locale), or as text into a text input."""
    year, month, day = iso.split("-")
    if element.get_attribute("type") != "date":
        browser.type_into(element, f"{day}/{month}/{year}")
        return
    for typed in (month + day + year, day + month + year):
        element.clear()
        element.send_keys(typed)
        if element.get_property("value") == iso:
            return
    raise AssertionError(f"could not type the date {iso} into #{element.get_attribute('id')}")


def notice_text(browser: Browser) -> str:
    notices = browser.find_all(By.CSS_SELECTOR, "main .notice")
    return notices[0].text if notices else ""


def act(browser: Browser, action: str, fields: dict | None = None, selects: dict | None = None) -> None:
    """Fills the workspace's form for one action (`form#action-<action>`) and presses its button."""
    form = browser.find(By.ID, f"action-{action}")
    for name, value in (selects or {}).items():
        browser.choose(form.find_element(By.NAME, name), value=value)
    for name, value in (fields or {}).items():
        browser.type_into(form.find_element(By.NAME, name), value)
    browser.submit(form)
    browser.assert_page_ok()
    assert not browser.exists(By.CSS_SELECTOR, ".error-summary"), (
        f"{action} was refused: {browser.find(By.CSS_SELECTOR, '.error-summary').text}")
    assert f"done={action}" in browser.path, f"after {action}: {browser.path}"


def open_workspace(browser: Browser, code: str) -> None:
    """From the inbox, finds the dossier by its code (the search box goes straight to it)."""
    browser.click_link(href="/work")
    search = browser.find(By.CSS_SELECTOR, 'main form[action="/work"] input[name="q"]')
    browser.type_into(search, code)
    browser.submit(search.find_element(By.XPATH, "ancestor::form"))
    browser.assert_page_ok()
    assert browser.path.startswith("/work/dossiers/"), f"searching the inbox for {code} led to {browser.path}"
    assert code in browser.main_text()


def offered_actions(browser: Browser) -> set[str]:
    """The actions whose forms the workspace shows (each in `section#action-<name>`)."""
    return {section.get_attribute("id")[len("action-"):]
            for section in browser.find_all(By.CSS_SELECTOR, "section.action-form[id^=action-]")}


def workspace_code(browser: Browser) -> str:
    """The code in the workspace's heading: the reference until reception gives the dossier its code."""
    return browser.find(By.CSS_SELECTOR, "main h1 code").text.strip()


def state_text(browser: Browser) -> str:
    """The state line of a dossier page (the citizen's heading, or the workspace's line)."""
    return browser.find(By.CSS_SELECTOR, "#state-heading, main p.state").text


# --- the whole journey of one online dossier


def citizen_applies(browser: Browser, files: dict) -> tuple[str, str]:
    """congdan1 applies for a birth registration online; returns the dossier's id and code."""
    browser.open(f"/procedures/{PROCEDURE}")
    browser.click_and_wait(browser.find(By.CSS_SELECTOR, ".call-to-action a"))  # "sign in to apply online"
    browser.type_into(browser.by_id("username"), CITIZEN)
    browser.type_into(browser.by_id("password"), "demo1234")
    browser.submit(browser.find(By.CSS_SELECTOR, 'main form[action="/sign-in"]'))
    assert browser.path == f"/apply/{PROCEDURE}", "signing in returns to the application"
    browser.assert_page_ok()
    assert_accessible(browser, "apply (form)")

    # First sitting: some answers and two of the three required documents, saved as a draft.
    browser.type_into(browser.by_id("f_child_full_name"), "Nguyễn Minh Khang")
    type_date(browser, browser.by_id("f_child_date_of_birth"), "2026-11-20")
    browser.choose(browser.by_id("f_child_gender"), value="male")
    browser.type_into(browser.by_id("f_place_of_birth"), "Bệnh viện Sản Nhi Quảng Ninh")
    browser.by_id("doc_application").send_keys(files["application"])
    browser.by_id("doc_identity").send_keys(files["identity"])
    browser.screenshot("apply-form", full_page=True)
    form = browser.find(By.CSS_SELECTOR, 'main form[enctype="multipart/form-data"]')
    browser.click_and_wait(form.find_element(By.CSS_SELECTOR, 'button[name="intent"][value="save"]'))
    browser.assert_page_ok()
    assert browser.path.startswith("/drafts/") and "done=saved" in browser.path, browser.path
    assert notice_text(browser), "saving a draft says so"
    assert browser.by_id("f_child_full_name").get_attribute("value") == "Nguyễn Minh Khang"
    assert len(browser.find_all(By.CSS_SELECTOR, "fieldset p.attached")) == 2, "the two uploads are kept"

    # Continue to the review with something missing: the mother's ID and the birth notice.
    form = browser.find(By.CSS_SELECTOR, 'main form[enctype="multipart/form-data"]')
    browser.click_and_wait(form.find_element(By.CSS_SELECTOR, 'button[name="intent"][value="review"]'))
    summary = browser.find(By.CSS_SELECTOR, ".error-summary")
    targets = [a.get_attribute("href").split("#")[1] for a in summary.find_elements(By.TAG_NAME, "a")]
    assert "f_mother_personal_id" in targets and "birth_notice" in targets, targets
    assert browser.by_id("f_mother_personal_id").get_attribute("aria-invalid") == "true"
    assert_accessible(browser, "apply (errors)")
    browser.screenshot("apply-errors")

    browser.type_into(browser.by_id("f_mother_personal_id"), "022185004321")
    browser.by_id("doc_birth_notice").send_keys(files["birth_notice_blurred"])
    form = browser.find(By.CSS_SELECTOR, 'main form[enctype="multipart/form-data"]')
    browser.click_and_wait(form.find_element(By.CSS_SELECTOR, 'button[name="intent"][value="review"]'))
    assert browser.path.endswith("/review"), browser.path
    assert "Nguyễn Minh Khang" in browser.main_text()
    assert_accessible(browser, "apply (review)")
    browser.screenshot("apply-review", full_page=True)

    # Submitting needs the declaration ticked.
    submit_form = browser.find(By.CSS_SELECTOR, 'main form[action$="/submit"]')
    browser.submit(submit_form)
    assert browser.by_id("declaration").get_attribute("aria-invalid") == "true"
    browser.by_id("declaration").click()
    browser.submit(browser.find(By.CSS_SELECTOR, 'main form[action$="/submit"]'))
    browser.assert_page_ok()
    receipt = browser.find(By.CSS_SELECTOR, "section.receipt")
    code = receipt.find_element(By.CSS_SELECTOR, "code").text.strip()
    secret = receipt.find_element(By.CSS_SELECTOR, ".secret").text.strip()
    assert code and secret
    # Without scripts the print button stays hidden; here it shows.
    assert browser.find(By.CSS_SELECTOR, "button[data-print]").is_displayed()
    assert_accessible(browser, "online receipt")
    browser.screenshot("receipt-online", full_page=True)

    browser.click_and_wait(browser.find(By.CSS_SELECTOR, 'main a[href^="/my/dossiers/"]'))
    dossier_id = browser.path.split("/")[3].split("?")[0]
    assert code in browser.main_text()
    return dossier_id, code


def test_online_dossier_from_application_to_downloaded_result(browser, files):
    skip_unless_pages_exist(*CITIZEN_PAGES, *OFFICER_PAGES)
    dossier_id, code = citizen_applies(browser, files)
    assert_accessible(browser, "my dossier (submitted)")

    # Reception accepts the online dossier and assigns it to the commune's specialist.
    browser.sign_in(RECEPTION, next_path="/work")
    assert_accessible(browser, "work inbox (reception)")
    browser.screenshot("work-inbox")
    open_workspace(browser, code)
    assert {"accept", "refuse", "request_supplement"} <= offered_actions(browser)
    assert_accessible(browser, "workspace (submitted)")
    browser.screenshot("workspace-submitted", full_page=True)
    act(browser, "accept")
    # Accepted: the dossier now has its code (until then it went by its reference).
    reference, code = code, workspace_code(browser)
    assert code != reference and code.startswith(COMMUNE), code
    act(browser, "assign", selects={"officerId": SPECIALIST_ID})

    # The specialist appraises, then asks for a readable birth notice.
    browser.sign_in(SPECIALIST, next_path="/work")
    open_workspace(browser, code)
    act(browser, "appraise", fields={"note": "Tờ khai đầy đủ; giấy chứng sinh bị mờ."})
    form = browser.find(By.ID, "action-request_supplement")
    browser.choose(form.find_element(By.NAME, "item_requirement_1"), value="birth_notice")
    browser.type_into(form.find_element(By.NAME, "item_description_1"), "Bản quét giấy chứng sinh bị mờ, không đọc được.")
    browser.type_into(form.find_element(By.NAME, "reason"), "Thành phần hồ sơ chưa hợp lệ.")
    browser.submit(form)
    assert "done=request_supplement" in browser.path, browser.path
    assert "không đọc được" in browser.main_text()
    assert_accessible(browser, "workspace (supplement requested)")
    # The printable supplementation request (form 02) for the applicant.
    workspace = browser.path.split("?")[0]
    browser.click_link(href=f"{workspace}/forms/02")
    browser.assert_page_ok()
    assert "không đọc được" in browser.main_text()
    assert_accessible(browser, "form 02 (supplementation request)")
    browser.screenshot("form-02-supplement", full_page=True)

    # The citizen sees what is asked and sends a clear scan.
    browser.sign_in(CITIZEN, next_path="/my/dossiers")
    assert_accessible(browser, "my dossiers")
    browser.screenshot("my-dossiers")
    row = browser.find(By.XPATH, f"//main//a[.//code[normalize-space(.)='{code}']]")
    browser.click_and_wait(row)
    assert "không đọc được" in browser.main_text(), "the citizen reads what to supplement"
    supplement = browser.find(By.ID, "supplement")
    assert_accessible(browser, "my dossier (supplement requested)")
    browser.screenshot("my-dossier-supplement", full_page=True)
    supplement.find_element(By.NAME, "doc_birth_notice").send_keys(files["birth_notice"])
    browser.submit(supplement)
    assert "done=supplemented" in browser.path, browser.path
    assert notice_text(browser)
    assert not browser.exists(By.ID, "supplement")

    # The specialist proposes to grant; the leader approves and signs; the clerk issues.
    browser.sign_in(SPECIALIST, next_path="/work")
    open_workspace(browser, code)
    act(browser, "submit_for_approval", selects={"outcome": "granted"},
        fields={"summary": "Hồ sơ đủ điều kiện; đề nghị đăng ký khai sinh."})
    browser.sign_in(LEADER, next_path="/work")
    open_workspace(browser, code)
    assert {"approve", "return_for_rework"} <= offered_actions(browser)
    assert_accessible(browser, "workspace (awaiting approval)")
    act(browser, "approve", fields={"comment": "Đồng ý."})
    browser.sign_in(CLERK, next_path="/work")
    open_workspace(browser, code)
    result_number = f"{int(time.time()) % 100000}/2026/KS"
    act(browser, "issue", fields={"resultNumber": result_number})
    assert_accessible(browser, "workspace (processed)")
    browser.screenshot("workspace-processed", full_page=True)
    # The control sheet (form 06): every step against its allotted time.
    browser.click_link(href=f"{browser.path.split('?')[0]}/forms/06")
    browser.assert_page_ok()
    assert_accessible(browser, "form 06 (control sheet)")
    browser.screenshot("form-06-control", full_page=True)

    # The citizen opens the result, downloads the signed record and verifies the result.
    browser.sign_in(CITIZEN, next_path=f"/my/dossiers/{dossier_id}")
    assert result_number in browser.find(By.ID, "result-heading").find_element(By.XPATH, "..").text
    assert_accessible(browser, "my dossier (result)")
    browser.screenshot("my-dossier-result", full_page=True, start_at="#state-heading")
    before = set(browser.downloads.iterdir())
    link = browser.find(By.CSS_SELECTOR, f'main a[href="/my/dossiers/{dossier_id}/result/signed-record.zip"]')
    link.click()
    downloaded = wait_for_download(browser, before)
    with zipfile.ZipFile(downloaded) as archive:
        assert archive.namelist(), "the signed record holds the dossier's signed events"
    browser.click_link(href=f"/my/dossiers/{dossier_id}/result")
    assert result_number in browser.main_text()
    assert_accessible(browser, "result")
    browser.screenshot("result", full_page=True)
    browser.click_and_wait(browser.find(By.CSS_SELECTOR, 'main a[href^="/verify?"]'))
    assert browser.exists(By.CSS_SELECTOR, ".panel-success"), "the result verifies"
    # Everything that happened is on the dossier's timeline.
    browser.open(f"/my/dossiers/{dossier_id}")
    timeline = browser.find(By.CSS_SELECTOR, "ol.timeline").text
    for label in ("Nộp hồ sơ trực tuyến", "Tiếp nhận hồ sơ", "Yêu cầu bổ sung hồ sơ", "Bổ sung hồ sơ",
                  "Lãnh đạo phê duyệt, ký số", "Ban hành kết quả"):
        assert label in timeline, f"{label!r} is missing from the timeline"


def wait_for_download(browser: Browser, before: set):
    def finished(_):
        fresh = [p for p in browser.downloads.iterdir() if p not in before and not p.name.endswith(".crdownload")]
        return fresh[0] if fresh else None

    return browser.until(finished, f"nothing was downloaded into {browser.downloads}")


# --- a paper dossier at the counter, without JavaScript


def test_counter_reception_with_printed_receipt(browser_without_javascript, browser, files):
    skip_unless_pages_exist(*COUNTER_PAGES, *OFFICER_PAGES)
    # The accessibility of the counter pages is checked with scripts on (axe-core is a script).
    browser.sign_in(RECEPTION, next_path="/counter")
    assert_accessible(browser, "counter desk")
    browser.screenshot("counter-desk")
    browser.open(f"/counter/receive?procedure={PROCEDURE}")
    assert_accessible(browser, "counter reception form")

    person = browser_without_javascript
    person.sign_in(RECEPTION, next_path="/counter")
    search = person.find(By.CSS_SELECTOR, 'main form[action="/counter"] input[name="q"]')
    person.type_into(search, "khai sinh")
    person.submit(search.find_element(By.XPATH, "ancestor::form"))
    person.click_and_wait(person.find(By.CSS_SELECTOR, f'main a[href="/counter/receive?procedure={PROCEDURE}"]'))
    person.assert_page_ok()
    form = person.find(By.CSS_SELECTOR, 'main form[action^="/counter/receive"]')
    # The receiving and competent unit default to the officer's commune.
    person.type_into(form.find_element(By.NAME, "identifier"), "022190007777")
    person.type_into(form.find_element(By.NAME, "fullName"), "Phạm Thị Mai")
    person.type_into(form.find_element(By.NAME, "phone"), "0912345678")
    person.type_into(form.find_element(By.NAME, "f_child_full_name"), "Phạm Gia Bảo")
    type_date(person, form.find_element(By.NAME, "f_child_date_of_birth"), "2026-11-02")
    person.choose(form.find_element(By.NAME, "f_child_gender"), value="male")
    person.type_into(form.find_element(By.NAME, "f_place_of_birth"), "Trạm y tế phường Hạ Long")
    person.type_into(form.find_element(By.NAME, "f_mother_personal_id"), "022190007777")
    for requirement in ("application", "identity"):
        form.find_element(By.NAME, f"doc_{requirement}").send_keys(files[requirement])
    person.submit(form)
    # One scan is missing: the form says so and keeps what was typed and scanned.
    assert person.exists(By.CSS_SELECTOR, ".error-summary")
    assert person.find(By.NAME, "fullName").get_attribute("value") == "Phạm Thị Mai"
    form = person.find(By.CSS_SELECTOR, 'main form[action^="/counter/receive"]')
    form.find_element(By.NAME, "doc_birth_notice").send_keys(files["birth_notice"])
    person.submit(form)
    person.assert_page_ok()
    assert not person.exists(By.CSS_SELECTOR, ".error-summary"), person.find(By.CSS_SELECTOR, ".error-summary").text
    # The receipt (form 01): code, lookup secret and the appointment, ready to print.
    text = person.main_text()
    assert "Phạm Thị Mai" in text
    secret_element = person.find(By.CSS_SELECTOR, "main .secret")
    secret = secret_element.text.strip()
    code = next(c.text.strip() for c in person.find_all(By.CSS_SELECTOR, "main code") if "-" in c.text)
    assert code.startswith(COMMUNE), code
    person.screenshot("counter-receipt", full_page=True)
    # The same receipt as the printer gets it.
    pdf = base64.b64decode(person.driver.print_page())
    assert pdf.startswith(b"%PDF-"), "printing the receipt gives a PDF"
    (SCREENSHOTS / "counter-receipt-printed.pdf").write_bytes(pdf)

    # The person in front of the counter can follow the dossier with what the receipt says.
    browser.driver.delete_all_cookies()
    browser.open("/status")
    browser.type_into(browser.by_id("code"), code)
    browser.type_into(browser.by_id("secret"), secret)
    browser.submit(browser.find(By.CSS_SELECTOR, 'main form[action="/status"]'))
    assert browser.by_id("status-heading").text.strip() == code
    assert "Tiếp nhận hồ sơ tại quầy" in browser.find(By.CSS_SELECTOR, "ol.timeline").text


# --- a dossier refused at reception


def test_refused_dossier(browser, files):
    skip_unless_pages_exist(*OFFICER_PAGES, "/my/dossiers", "/my/dossiers/x")
    # congdan1 submits online (through the API, to keep this test about the refusal).
    token = api_login(CITIZEN)
    document = api("POST", "/api/v1/documents", minimal_pdf("Scan of something else"), token=token,
                   content_type="application/pdf")["sha256"]
    dossier = api("POST", "/api/v1/dossiers", {
        "procedureCode": PROCEDURE, "competentUnit": COMMUNE,
        "data": {"child_full_name": "Nguyễn Thu Hà", "child_date_of_birth": "2026-10-15", "child_gender": "female",
                 "place_of_birth": "Hà Nội", "mother_personal_id": "022185004321"},
        "components": [{"requirement": r, "document": document} for r in ("application", "birth_notice", "identity")],
    }, token=token)
    code = dossier.get("code") or dossier["reference"]  # an online dossier gets its code at reception

    browser.sign_in(RECEPTION, next_path="/work")
    open_workspace(browser, code)
    form = browser.find(By.ID, "action-refuse")
    # Refusing without a reason is not possible.
    browser.submit(form)
    assert browser.exists(By.CSS_SELECTOR, ".error-summary")
    assert_accessible(browser, "workspace (refusal error)")
    reason = "Nơi sinh ở Hà Nội: không thuộc thẩm quyền đăng ký của phường Hạ Long."
    form = browser.find(By.ID, "action-refuse")
    browser.type_into(form.find_element(By.NAME, "reason"), reason)
    browser.type_into(form.find_element(By.NAME, "redirect"), "UBND phường nơi cư trú của người mẹ")
    browser.submit(form)  # asks for confirmation; the browser says yes
    assert "done=refuse" in browser.path, browser.path
    assert not ({"accept", "assign"} & offered_actions(browser)), "nothing more to do on a refused dossier"
    # The printable refusal (form 03) with the reason and where to go instead.
    browser.click_link(href=f"{browser.path.split('?')[0]}/forms/03")
    browser.assert_page_ok()
    assert reason in browser.main_text()
    assert_accessible(browser, "form 03 (refusal)")
    browser.screenshot("form-03-refusal", full_page=True)

    browser.sign_in(CITIZEN, next_path=f"/my/dossiers/{dossier['id']}")
    assert "Không được tiếp nhận" in state_text(browser)
    assert reason in browser.find(By.CSS_SELECTOR, "ol.timeline").text, "the citizen reads why"
    assert not browser.exists(By.ID, "supplement")
    assert browser.exists(By.CSS_SELECTOR, 'form[action$="/evaluate"]'), "a finished dossier can be evaluated"
    assert_accessible(browser, "my dossier (refused)")
    browser.screenshot("my-dossier-refused", full_page=True)


# --- the counter's assisted mode, a fee paid online, a withdrawal with an evaluation


def submit_online(data_overrides: dict | None = None) -> dict:
    """An online submission by congdan1 through the API (setup for the tests of later steps)."""
    token = api_login(CITIZEN)
    document = api("POST", "/api/v1/documents", minimal_pdf("OneGate browser test upload"), token=token,
                   content_type="application/pdf")["sha256"]
    data = {"child_full_name": "Nguyễn Gia Huy", "child_date_of_birth": "2026-11-01", "child_gender": "male",
            "place_of_birth": "Bệnh viện Bãi Cháy", "mother_personal_id": "022185004321"}
    data.update(data_overrides or {})
    return api("POST", "/api/v1/dossiers", {
        "procedureCode": PROCEDURE, "competentUnit": COMMUNE, "data": data,
        "components": [{"requirement": r, "document": document} for r in ("application", "birth_notice", "identity")],
    }, token=token)


def test_assisted_application_at_the_counter(browser, files):
    skip_unless_pages_exist("/counter", f"/counter/assist?procedure={PROCEDURE}", *OFFICER_PAGES)
    browser.sign_in(RECEPTION, next_path="/counter")
    search = browser.find(By.CSS_SELECTOR, 'main form[action="/counter"] input[name="q"]')
    browser.type_into(search, "khai sinh")
    browser.submit(search.find_element(By.XPATH, "ancestor::form"))
    browser.click_and_wait(browser.find(By.CSS_SELECTOR, f'main a[href="/counter/assist?procedure={PROCEDURE}"]'))
    form = browser.find(By.CSS_SELECTOR, 'main form[action^="/counter/assist"]')
    browser.type_into(form.find_element(By.NAME, "identifier"), "022195001111")
    browser.type_into(form.find_element(By.NAME, "fullName"), "Hoàng Văn Nam")
    browser.type_into(form.find_element(By.NAME, "f_child_full_name"), "Hoàng Minh Anh")
    type_date(browser, form.find_element(By.NAME, "f_child_date_of_birth"), "2026-11-10")
    browser.choose(form.find_element(By.NAME, "f_child_gender"), value="female")
    browser.type_into(form.find_element(By.NAME, "f_place_of_birth"), "Bệnh viện Đa khoa tỉnh Quảng Ninh")
    browser.type_into(form.find_element(By.NAME, "f_mother_personal_id"), "022195002222")
    for requirement in ("application", "birth_notice", "identity"):
        form.find_element(By.NAME, f"doc_{requirement}").send_keys(files[requirement])
    browser.submit(form)
    browser.assert_page_ok()
    # The review, read out together with the person; confirming needs their agreement ticked.
    assert "Hoàng Minh Anh" in browser.main_text()
    assert_accessible(browser, "counter assisted review")
    browser.screenshot("counter-assist-review", full_page=True)
    review = browser.find(By.CSS_SELECTOR, 'main form[action^="/counter/assist"]')
    browser.click_and_wait(review.find_element(By.CSS_SELECTOR, 'button[name="step"][value="confirm"]'))
    assert browser.by_id("confirmed").get_attribute("aria-invalid") == "true"
    browser.by_id("confirmed").click()
    review = browser.find(By.CSS_SELECTOR, 'main form[action^="/counter/assist"]')
    browser.click_and_wait(review.find_element(By.CSS_SELECTOR, 'button[name="step"][value="confirm"]'))
    browser.assert_page_ok()
    assert browser.find(By.CSS_SELECTOR, "main .secret").text.strip()
    assert "Hoàng Văn Nam" in browser.main_text()
    assert_accessible(browser, "counter receipt (assisted)")


def test_fee_assessed_then_paid_online(browser):
    skip_unless_pages_exist(*OFFICER_PAGES, "/my/dossiers/x", "/my/dossiers/x/pay")
    dossier = submit_online()
    reception = api_login(RECEPTION)
    api("POST", f"/api/v1/dossiers/{dossier['id']}/actions/accept", {}, token=reception)
    api("POST", f"/api/v1/dossiers/{dossier['id']}/actions/assign", {"officerId": SPECIALIST_ID}, token=reception)
    code = api("GET", f"/api/v1/dossiers/{dossier['id']}", token=reception)["code"]

    browser.sign_in(SPECIALIST, next_path="/work")
    open_workspace(browser, code)
    act(browser, "assess_fee", fields={"amount": "50.000", "reference": "PHI-BROWSER-1"})
    assert "50.000" in browser.main_text()

    browser.sign_in(CITIZEN, next_path=f"/my/dossiers/{dossier['id']}")
    assert browser.exists(By.ID, "pay-heading")
    browser.click_link(href=f"/my/dossiers/{dossier['id']}/pay")
    assert "50.000" in browser.main_text()
    assert_accessible(browser, "payment")
    browser.screenshot("pay")
    browser.submit(browser.find(By.CSS_SELECTOR, f'main form[action="/my/dossiers/{dossier["id"]}/pay"]'))
    assert "done=paid" in browser.path, browser.path
    assert notice_text(browser)
    assert not browser.exists(By.ID, "pay-heading")
    assert "Đã thanh toán" in browser.find(By.CSS_SELECTOR, "ol.timeline").text


def test_withdrawal_then_evaluation(browser):
    skip_unless_pages_exist("/my/dossiers/x")
    dossier = submit_online({"child_full_name": "Nguyễn Bảo Ngọc"})
    browser.sign_in(CITIZEN, next_path=f"/my/dossiers/{dossier['id']}")
    # The withdrawal form is folded away; a person opens it, says why and confirms.
    details = browser.find(By.CSS_SELECTOR, "main details")
    details.find_element(By.TAG_NAME, "summary").click()
    form = browser.find(By.CSS_SELECTOR, 'main form[action$="/withdraw"]')
    browser.type_into(form.find_element(By.ID, "reason"), "Nộp nhầm, sẽ nộp lại hồ sơ khác.")
    browser.submit(form)  # the page asks "are you sure?"; the browser says yes
    assert "done=withdrawn" in browser.path, browser.path
    assert "Nộp nhầm" in browser.find(By.CSS_SELECTOR, "ol.timeline").text
    # A finished dossier can be evaluated; a rating is needed.
    form = browser.find(By.CSS_SELECTOR, 'main form[action$="/evaluate"]')
    browser.submit(form)
    assert browser.exists(By.CSS_SELECTOR, ".error-summary")
    assert_accessible(browser, "evaluation (error)")
    form = browser.find(By.CSS_SELECTOR, 'main form[action$="/evaluate"]')
    form.find_element(By.ID, "rating-5").click()
    browser.type_into(form.find_element(By.ID, "comment"), "Hướng dẫn rõ ràng.")
    browser.submit(form)
    assert "done=evaluated" in browser.path, browser.path
    assert notice_text(browser)
    assert browser.find(By.ID, "rating-5").is_selected()
