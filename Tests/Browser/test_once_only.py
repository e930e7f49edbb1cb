"""Once-only, the whole journey of the issue: "a citizen signs in through the identity provider,
applies for residence registration reusing the birth certificate issued earlier, and sees the
officer's read in 'who used my data'" (docs/once-only.md).

1. Setup through the JSON API, no browser: congdan2 (Tạ Kim Ngân, a person of the demo population,
   so the simulated e-ID knows her) applies online for a birth registration (1.001193) at her ward,
   phường Bãi Cháy, whose officers accept, assign, appraise, submit for approval, approve and issue
   it. The issue delivers the signed birth certificate into her vault.
2. In the browser she signs in through the e-ID (her personal identifier and password, at the
   provider) and finds the birth certificate in /my/vault: its name, number, issuer, "Còn hiệu lực",
   and a valid signature, the download being the same PDF the API serves. She applies for permanent
   residence registration (DEMO.0018): her name and identifier are filled in and marked with where
   they came from, and under "Giấy khai sinh (khi đăng ký thường trú cho trẻ em)" the option group
   "Kết quả điện tử trong kho dữ liệu của bạn" offers the birth certificate. She picks it, answers
   the rest, uploads the proof of lawful accommodation and the form CT01, saves a draft (which keeps
   the choice, the uploads and the prefill marks), reviews and submits; the receipt lists the birth
   certificate as attached.
3. Through the API, the reception officer of the receiving unit opens the new dossier (a read that
   is logged in her access log) and sees the birth certificate attached by reference, flagged
   `reused`.
4. Back in the browser, /my/data-access names that officer, their unit, "Xem hồ sơ" and the dossier
   as the newest entry (her own read through the API is not there), and says the log is complete
   (the chain verifies).

/my/vault, the application form and /my/data-access are checked with axe-core (no serious or
critical violation, as in the other files) and photographed (`once-only-*`)."""

from __future__ import annotations

import hashlib
import shutil
import time
import urllib.request

import pytest
from selenium.webdriver.common.by import By

from onegate_browser import (
    BASE_URL, IDP_URL, AxeRecorder, Browser, api, minimal_pdf, pdf_file, temporary_folder, xpath_literal)

# A citizen with a password account (for the API) who is also a person of the demo population (for
# the e-ID): docs/demo-data.md, Sources/OneGateDemo/DemoProvinceData.swift. No other browser test
# uses her, so her vault and her access log hold only the demo history and this journey.
CITIZEN = "congdan2"
IDENTIFIER = "022199126450"
FULL_NAME = "Tạ Kim Ngân"
ADDRESS = "Số 120 đường Cao Thắng, phường Bãi Cháy, tỉnh Quảng Ninh"

# The birth registration is decided by her ward, phường Bãi Cháy, and its four officers.
BIRTH = "1.001193"
BIRTH_UNIT = "000.02.40.H40"
BIRTH_OFFICERS = {role: f"{role}.baichay" for role in ("tiepnhan", "chuyenvien", "lanhdao", "vanthu")}

# Permanent residence registration accepts the birth registration's result as the child's birth
# certificate (requirement `birth_certificate`, document type `result:1.001193`).
RESIDENCE = "DEMO.0018"
BIRTH_CERTIFICATE_REQUIREMENT = "birth_certificate"
BIRTH_CERTIFICATE_LEGEND = "Giấy khai sinh (khi đăng ký thường trú cho trẻ em)"
RESULTS_GROUP = "Kết quả điện tử trong kho dữ liệu của bạn"
PREFILLED_MARK = "Điền sẵn từ"

# Online applications name no unit, so they go to a competent unit the server picks: the reception
# officer who opens the dossier is the one of its receiving unit.
RECEPTION_AT = {"000.01.40.H40": "tiepnhan.halong", "000.02.40.H40": "tiepnhan.baichay"}

pytestmark = pytest.mark.skipif(
    not IDP_URL, reason="ONEGATE_IDP_URL is not set (run with scripts/browser-test.sh, which starts the e-ID)")


def login(username: str) -> dict:
    """The API's login answer: the token and who it is (`principal`: id, name, roles)."""
    return api("POST", "/api/v1/auth/login", {"username": username, "password": "demo1234"})


def api_bytes(path: str, token: str) -> bytes:
    request = urllib.request.Request(BASE_URL + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read()


def unit_name(code: str) -> str:
    return api("GET", f"/api/v1/units/{code}")["name"]["vi"]


def assert_accessible(browser: Browser, name: str) -> None:
    violations = browser.axe(name)
    blocking = AxeRecorder.blocking(violations)
    assert not blocking, f"axe-core on {name} ({browser.path}):\n" + AxeRecorder.describe(blocking)


@pytest.fixture(scope="module")
def files():
    folder = temporary_folder("onegate-once-only-")
    yield {
        "application": pdf_file(folder, "to-khai-ct01.pdf", "CT01 residence information form, signed"),
        "legal_residence": pdf_file(folder, "giay-chung-nhan-quyen-su-dung-dat.pdf",
                                    "Land use right certificate of the home"),
    }
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def birth_certificate() -> dict:
    """congdan2's birth registration, applied for and walked to its issue through the JSON API;
    returns what the vault should show: the result's number, the PDF's hash, the issuing unit."""
    citizen = login(CITIZEN)["token"]
    documents = {
        requirement: api("POST", "/api/v1/documents", minimal_pdf(f"Birth registration: {requirement}"),
                         token=citizen, content_type="application/pdf")["sha256"]
        for requirement in ("application", "birth_notice", "identity")}
    dossier = api("POST", "/api/v1/dossiers", {
        "procedureCode": BIRTH, "competentUnit": BIRTH_UNIT, "receivingUnit": BIRTH_UNIT,
        "data": {"child_full_name": "Lý Gia Hân", "child_date_of_birth": "2026-11-18", "child_gender": "female",
                 "place_of_birth": "Bệnh viện Bãi Cháy", "mother_personal_id": IDENTIFIER,
                 "father_full_name": "Lý Văn Toàn"},
        "components": [{"requirement": requirement, "document": sha} for requirement, sha in documents.items()],
    }, token=citizen)
    assert dossier["state"] == "submitted", dossier["state"]

    reception, leader, clerk = (login(BIRTH_OFFICERS[role])["token"] for role in ("tiepnhan", "lanhdao", "vanthu"))
    specialist = login(BIRTH_OFFICERS["chuyenvien"])

    def act(token: str, action: str, body: dict | None = None) -> dict:
        return api("POST", f"/api/v1/dossiers/{dossier['id']}/actions/{action}", body or {}, token=token)

    act(reception, "accept")
    act(reception, "assign", {"officerId": specialist["principal"]["id"]})
    act(specialist["token"], "appraise", {"note": "Đối chiếu giấy chứng sinh và căn cước của người mẹ: khớp."})
    act(specialist["token"], "submit_for_approval",
        {"outcome": "granted", "summary": "Đủ điều kiện; dự thảo giấy khai sinh kèm theo."})
    act(leader, "approve", {"comment": "Đồng ý."})
    number = f"{int(time.time() * 10) % 1_000_000}/2026/KS"
    issued = act(clerk, "issue", {"resultNumber": number})
    assert issued["state"] == "processed" and issued["resultNumber"] == number, issued
    # The signed PDF, as the applicant downloads it; documents are stored by their SHA-256.
    pdf = api_bytes(f"/api/v1/dossiers/{dossier['id']}/result.pdf", citizen)
    assert pdf.startswith(b"%PDF-"), "the result is a PDF"
    return {"number": number, "sha256": hashlib.sha256(pdf).hexdigest(), "code": issued["code"],
            "issuer": unit_name(BIRTH_UNIT)}


def vault_row(browser: Browser, number: str):
    """The vault's row of the result with this number."""
    rows = [row for row in browser.find_all(By.CSS_SELECTOR, "main table tbody tr") if f"số {number}" in row.text]
    assert len(rows) == 1, f"{len(rows)} rows of the vault show the result số {number}:\n{browser.main_text()[:2000]}"
    return rows[0]


def check_vault(browser: Browser, certificate: dict) -> None:
    assert browser.path == "/my/vault", browser.path
    assert browser.h1() == "Kho dữ liệu của tôi", browser.h1()
    row = vault_row(browser, certificate["number"])
    cells = {cell.get_attribute("data-label"): " ".join(cell.text.split())
             for cell in row.find_elements(By.TAG_NAME, "td")}
    assert cells["Giấy tờ"].startswith(f"Giấy khai sinh số {certificate['number']}"), cells
    assert "Kết quả điện tử" in cells["Giấy tờ"], cells
    assert certificate["sha256"][:12] in cells["Giấy tờ"], "the short hash is the PDF's"
    assert cells["Cơ quan cấp / người tải lên"] == certificate["issuer"], cells
    assert cells["Hiệu lực"] == "Còn hiệu lực", cells
    assert cells["Chữ ký số"] == "Hợp lệ, có trong sổ nhật ký minh bạch", cells
    download = row.find_element(By.CSS_SELECTOR, "a[download]")
    assert download.get_attribute("href") == f"{BASE_URL}/my/documents/{certificate['sha256']}"
    # A result issued by an agency cannot be deleted from the vault.
    assert not row.find_elements(By.CSS_SELECTOR, 'form[action$="/delete"]')


def birth_certificate_fieldset(browser: Browser):
    return browser.find(By.XPATH, f"//main//fieldset[starts-with(normalize-space(legend), "
                                  f"{xpath_literal(BIRTH_CERTIFICATE_LEGEND)})]")


def check_prefilled(browser: Browser, field: str, value: str) -> str:
    """The field holds `value` and is marked with where it came from; returns the mark."""
    element = browser.by_id(f"f_{field}")
    assert element.get_attribute("value") == value, f"{field}: {element.get_attribute('value')!r}, expected {value!r}"
    mark = browser.by_id(f"f_{field}-source").text.strip()
    assert mark.startswith(f"✔ {PREFILLED_MARK}"), f"{field} is marked {mark!r}"
    assert f"f_{field}-source" in (element.get_attribute("aria-describedby") or "").split(), (
        f"the mark of {field} is not tied to its input")
    return mark


def check_reuse_offered(browser: Browser, certificate: dict):
    """Under the birth certificate's requirement, the option group of the vault's results offers
    it; returns the select."""
    fieldset = birth_certificate_fieldset(browser)
    assert fieldset.get_attribute("id") == BIRTH_CERTIFICATE_REQUIREMENT
    select = fieldset.find_element(By.CSS_SELECTOR, f"select[name=pick_{BIRTH_CERTIFICATE_REQUIREMENT}]")
    groups = select.find_elements(By.TAG_NAME, "optgroup")
    assert [group.get_attribute("label") for group in groups] == [RESULTS_GROUP], (
        [group.get_attribute("label") for group in groups])
    options = groups[0].find_elements(By.CSS_SELECTOR, f'option[value="{certificate["sha256"]}"]')
    assert options, f"the group {RESULTS_GROUP!r} does not offer the birth certificate: {groups[0].text}"
    label = " ".join(options[0].text.split())
    assert label.startswith(f"Giấy khai sinh số {certificate['number']} — {certificate['issuer']}"), label
    # Results are offered first: after the empty choice, the group comes before the person's uploads.
    first = select.find_elements(By.TAG_NAME, "option")[1]
    assert first.find_element(By.XPATH, "..").tag_name == "optgroup", "the vault's results are not offered first"
    # Another requirement (the proof of lawful accommodation) is not offered the vault's results.
    other = browser.find_all(By.CSS_SELECTOR, "select[name=pick_legal_residence] optgroup")
    assert not other, "a result is offered for a requirement it does not satisfy"
    return select


def apply_form(browser: Browser):
    return browser.find(By.CSS_SELECTOR, 'main form[enctype="multipart/form-data"]')


def press(browser: Browser, intent: str) -> None:
    form = apply_form(browser)
    browser.click_and_wait(form.find_element(By.CSS_SELECTOR, f'button[name="intent"][value="{intent}"]'))
    browser.assert_page_ok()


def test_citizen_reuses_the_birth_certificate_and_sees_who_read_the_dossier(browser, birth_certificate, files):
    certificate = birth_certificate

    # --- 2. Signed in through the e-ID, the citizen finds the birth certificate in her vault.
    browser.sign_in_with_eid(IDENTIFIER, next_path="/my/vault")
    name = browser.find(By.CSS_SELECTOR, "header .user-name").text
    assert FULL_NAME in name, f"the header names {name!r}, not {FULL_NAME}"
    check_vault(browser, certificate)
    assert_accessible(browser, "my vault")
    browser.screenshot("once-only-vault", full_page=True)

    # She applies for permanent residence registration: what the registries and the e-ID know is
    # filled in and marked; the birth certificate is offered from the vault.
    browser.open(f"/apply/{RESIDENCE}")
    browser.assert_page_ok()
    assert browser.h1() == "Đăng ký thường trú", browser.h1()
    marks = {field: check_prefilled(browser, field, value)
             for field, value in (("full_name", FULL_NAME), ("personal_id", IDENTIFIER))}
    assert not browser.exists(By.CSS_SELECTOR, "main .notice"), (
        f"the registry could not be asked: {browser.find(By.CSS_SELECTOR, 'main .notice').text}")
    select = check_reuse_offered(browser, certificate)
    assert_accessible(browser, "apply with reuse (residence registration)")
    browser.screenshot("once-only-apply", full_page=True)

    browser.choose(select, value=certificate["sha256"])
    browser.type_into(browser.by_id("f_new_address"), ADDRESS)
    browser.choose(browser.by_id("f_housing_kind"), value="own_home")
    browser.by_id("doc_application").send_keys(files["application"])
    browser.by_id("doc_legal_residence").send_keys(files["legal_residence"])
    # The choice as the person sees it before saving (a headless screenshot does not show an open list).
    browser.screenshot("once-only-apply-birth-certificate", start_at=f"#{BIRTH_CERTIFICATE_REQUIREMENT}")

    # Saved as a draft: the choice, the uploads and the marks are kept.
    press(browser, "save")
    assert browser.path.startswith("/drafts/") and "done=saved" in browser.path, browser.path
    assert not browser.exists(By.CSS_SELECTOR, ".error-summary"), browser.find(By.CSS_SELECTOR, ".error-summary").text
    fieldset = birth_certificate_fieldset(browser)
    assert "Giấy tờ đã có" in fieldset.find_element(By.CSS_SELECTOR, "p.attached").text
    picked = fieldset.find_element(By.CSS_SELECTOR, f'select[name=pick_{BIRTH_CERTIFICATE_REQUIREMENT}]')
    assert picked.get_attribute("value") == certificate["sha256"], "the draft keeps the birth certificate picked"
    assert len(browser.find_all(By.CSS_SELECTOR, "main fieldset p.attached")) == 3, "two uploads and the reuse"
    # The marks are kept with the draft (docs/once-only.md). Checked at the end of the test, so that
    # the rest of the journey runs whatever happens here.
    kept_marks = {field: [e.text.strip() for e in browser.find_all(By.ID, f"f_{field}-source")] for field in marks}

    # The review, then the submission with the declaration ticked.
    press(browser, "review")
    assert browser.path.endswith("/review"), browser.path
    documents = browser.find(By.CSS_SELECTOR, "main ul.checklist").text
    assert f"{BIRTH_CERTIFICATE_LEGEND}: ✔ Giấy tờ đã có" in documents, documents
    answers = browser.find(By.CSS_SELECTOR, "main dl.facts").text
    assert FULL_NAME in answers and IDENTIFIER in answers and ADDRESS in answers, answers
    browser.by_id("declaration").click()
    browser.submit(browser.find(By.CSS_SELECTOR, 'main form[action$="/submit"]'), text="Nộp hồ sơ")
    browser.assert_page_ok()
    assert browser.h1() == "Đã nộp hồ sơ", browser.h1()
    receipt = browser.find(By.CSS_SELECTOR, "main section.receipt")
    reference = receipt.find_element(By.CSS_SELECTOR, "dd code").text.strip()
    assert reference, "the receipt gives the dossier's reference"
    assert f"{BIRTH_CERTIFICATE_LEGEND}: ✔" in receipt.text, receipt.text
    browser.screenshot("once-only-receipt", full_page=True)
    follow = browser.find(By.CSS_SELECTOR, 'main a[href^="/my/dossiers/"]')
    dossier_id = follow.get_attribute("href").rsplit("/", 1)[1]

    # --- 3. The reception officer of the receiving unit opens the dossier through the API.
    own = api("GET", f"/api/v1/dossiers/{dossier_id}", token=login(CITIZEN)["token"])
    assert own["procedure"]["code"] == RESIDENCE and own["state"] == "submitted", own
    assert reference in (own["reference"], own.get("code")), (reference, own["reference"])
    unit = own["receivingUnit"]
    assert unit in RECEPTION_AT, f"the dossier went to {unit}, whose reception officer this test does not know"
    officer = login(RECEPTION_AT[unit])
    read = api("GET", f"/api/v1/dossiers/{dossier_id}", token=officer["token"])
    reused = [c for c in read["components"] if c["requirement"] == BIRTH_CERTIFICATE_REQUIREMENT]
    assert reused and reused[0].get("document") == certificate["sha256"] and reused[0]["reused"] is True, (
        f"the officer does not see the birth certificate reused: {read['components']}")
    assert read["data"]["full_name"] == FULL_NAME and read["data"]["personal_id"] == IDENTIFIER, read["data"]

    # --- 4. "Who used my data" names the officer's read, and the log verifies.
    browser.click_link(href="/my/data-access")  # "Ai đã dùng dữ liệu của tôi", in the header
    assert browser.path == "/my/data-access", browser.path
    browser.assert_page_ok()
    verified = browser.find(By.CSS_SELECTOR, 'main .panel-success[role="status"]').text
    assert "Nhật ký đầy đủ" in verified, verified
    assert not browser.exists(By.CSS_SELECTOR, "main .panel-error")
    rows = []
    for row in browser.find_all(By.CSS_SELECTOR, "main table tbody tr"):
        rows.append({cell.get_attribute("data-label"): " ".join(cell.text.split())
                     for cell in row.find_elements(By.TAG_NAME, "td")})
    public_id = read.get("code") or read["reference"]
    officer_reads = [r for r in rows if r["Người truy cập"] == officer["principal"]["name"]
                     and r["Dữ liệu"].startswith("Xem hồ sơ") and r["Hồ sơ hoặc căn cứ"] == public_id]
    assert len(officer_reads) == 1, (
        f"{len(officer_reads)} entries say that {officer['principal']['name']} opened {public_id}:\n{rows[:10]}")
    assert officer_reads[0]["Đơn vị"] == unit_name(unit), officer_reads[0]
    assert rows[0] is officer_reads[0], f"the officer's read is not the newest entry: {rows[:3]}"
    # Her own read of the dossier (step 3, through the API) is not logged.
    assert not [r for r in rows if r["Người truy cập"] == FULL_NAME], f"the citizen's own read is logged: {rows[:3]}"
    assert_accessible(browser, "who used my data")
    browser.screenshot("once-only-data-access", full_page=True)

    lost = {field: kept_marks[field] for field, mark in marks.items() if kept_marks[field] != [mark]}
    assert not lost, (
        f"the saved draft lost the marks of the prefilled fields (before saving: {marks}; after: {lost})")
