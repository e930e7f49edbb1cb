"""What the browser tests share: Chromium sessions, waits, forms, axe-core and screenshots.

Every test talks to the server that scripts/browser-test.sh started (ONEGATE_BASE_URL). Pages are
driven as a person would: links and buttons are clicked, fields are found by their id or their
label, files are chosen with the file input, and every wait is an explicit condition (no sleeps).
"""

from __future__ import annotations

import base64
import json
import os
import re
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import (
    NoSuchElementException, StaleElementReferenceException, TimeoutException, WebDriverException)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE_URL = os.environ.get("ONEGATE_BASE_URL", "http://127.0.0.1:8080").rstrip("/")
SCREENSHOTS = Path(os.environ.get("ONEGATE_SCREENSHOTS", ".build/screenshots"))
REPORT = Path(os.environ.get("ONEGATE_BROWSER_REPORT", ".build/browser-report"))
AXE_JS = os.environ.get("ONEGATE_AXE_JS", "")
CHROMIUM = os.environ.get("ONEGATE_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("ONEGATE_CHROMEDRIVER", "/usr/bin/chromedriver")
# The simulated national e-ID that `onegate demo --idp-port` runs beside the portal (empty when the
# tests run without it).
IDP_URL = os.environ.get("ONEGATE_IDP_URL", "").rstrip("/")

PASSWORD = "demo1234"
WAIT = 20  # seconds for any one condition; generous for a debug build on two cores
PHONE = {"width": 360, "height": 800, "deviceScaleFactor": 1, "mobile": True}
DESKTOP = {"width": 1366, "height": 900, "deviceScaleFactor": 1, "mobile": False}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = ("serious", "critical")
EID_BUTTON = "Đăng nhập bằng định danh điện tử (VNeID)"  # the sign-in page's link to the e-ID

# The procedure the journeys use: birth registration (national code 1.001193), online level
# "full", competent at every commune; phường Hạ Long has a reception officer, a specialist, a
# leader and a clerk (tiepnhan.halong, chuyenvien.halong, lanhdao.halong, vanthu.halong), and the
# citizen congdan1 lives there.
PROCEDURE = "1.001193"
COMMUNE = "000.01.40.H40"
COMMUNE_SUFFIX = "halong"


def minimal_pdf(text: str) -> bytes:
    """A small valid PDF (one page with one line of text), with a correct cross-reference table."""
    text = re.sub(r"[^A-Za-z0-9 .,:;_-]", "?", text)[:80]
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def pdf_file(folder: Path, name: str, text: str) -> str:
    """Writes a small PDF to `folder/name` and returns its absolute path (for a file input)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(minimal_pdf(text))
    return str(path.resolve())


# --- HTTP without a browser: route checks and test data through the JSON API


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def http_status(path: str) -> int:
    """The status of an anonymous GET, redirects not followed."""
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(BASE_URL + path, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def missing_routes(*paths: str) -> list[str]:
    """The paths among `paths` that the server does not know (404 to an anonymous GET). A page that
    exists answers 200, or redirects an anonymous visitor to the sign-in page."""
    return [path for path in paths if http_status(path) == 404]


def skip_unless_pages_exist(*paths: str) -> None:
    missing = missing_routes(*paths)
    if missing:
        pytest.skip("pages not there yet: " + ", ".join(missing))


def api(method: str, path: str, body=None, token: str | None = None, content_type="application/json"):
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE_URL + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=60) as response:
        text = response.read()
    return json.loads(text) if text else None


def api_login(username: str) -> str:
    return api("POST", "/api/v1/auth/login", {"username": username, "password": PASSWORD})["token"]


# --- Chromium


def new_driver(javascript: bool = True, downloads: Path | None = None) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        "--hide-scrollbars",
        "--lang=vi-VN",
        f"--window-size={DESKTOP['width']},{DESKTOP['height']}",
    ):
        options.add_argument(argument)
    prefs = {"intl.accept_languages": "vi-VN,vi"}
    if downloads is not None:
        prefs.update({
            "download.default_directory": str(downloads.resolve()),
            "download.prompt_for_download": False,
            "plugins.always_open_pdf_externally": True,
        })
    if not javascript:
        # Both the content setting and Blink's own switch: no script of the page ever runs.
        options.add_argument("--blink-settings=scriptEnabled=false")
        prefs["profile.managed_default_content_settings.javascript"] = 2
    options.add_experimental_option("prefs", prefs)
    # The portal asks before irreversible actions (window.confirm); a person says yes.
    options.set_capability("unhandledPromptBehavior", "accept")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(60)
    if downloads is not None:
        driver.execute_cdp_cmd("Browser.setDownloadBehavior", {
            "behavior": "allow", "downloadPath": str(downloads.resolve()), "eventsEnabled": True})
    return driver


class Browser:
    """One person's browser: a Chromium session with helpers for pages and forms."""

    def __init__(self, driver: webdriver.Chrome, axe: "AxeRecorder | None" = None, downloads: Path | None = None):
        self.driver = driver
        self.axe_recorder = axe
        self.downloads = downloads
        self.wait = WebDriverWait(driver, WAIT)

    # Navigation

    def open(self, path: str) -> None:
        self.driver.get(BASE_URL + path)
        self.wait_for_page()

    def until(self, condition, what: str):
        """Waits for `condition` (a function of the driver); fails saying `what` did not happen."""
        try:
            return self.wait.until(condition)
        except TimeoutException:
            raise AssertionError(f"{what} on {self.path} within {WAIT} s") from None

    def wait_for_page(self) -> None:
        self.until(lambda d: d.execute_script("return document.readyState") == "complete", "the page did not load")

    @property
    def path(self) -> str:
        parts = urllib.parse.urlsplit(self.driver.current_url)
        return parts.path + ("?" + parts.query if parts.query else "")

    def click_and_wait(self, element: WebElement) -> None:
        """Clicks a link or a submit button and waits until the next page has loaded."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()
        self.until(lambda _: is_gone(old), "no new page came after the click")
        self.wait_for_page()

    def click_link(self, text: str | None = None, href: str | None = None) -> None:
        if href is not None:
            link = self.find(By.CSS_SELECTOR, f'main a[href="{href}"], header a[href="{href}"]')
        else:
            link = self.find(By.XPATH, f"//a[normalize-space(.)={xpath_literal(text)}]")
        self.click_and_wait(link)

    # Finding things

    def find(self, by: str, value: str) -> WebElement:
        return self.until(EC.presence_of_element_located((by, value)), f"nothing matches {value!r}")

    def find_all(self, by: str, value: str) -> list[WebElement]:
        return self.driver.find_elements(by, value)

    def exists(self, by: str, value: str) -> bool:
        return bool(self.driver.find_elements(by, value))

    def by_id(self, element_id: str) -> WebElement:
        return self.find(By.ID, element_id)

    def field(self, label: str, within: WebElement | None = None) -> WebElement:
        """The control a <label> names (by the label's text, whole or a leading part)."""
        scope = within or self.driver
        for candidate in scope.find_elements(By.TAG_NAME, "label"):
            words = " ".join(candidate.text.split())
            if words == label or words.startswith(label):
                target = candidate.get_attribute("for")
                if target:
                    return self.driver.find_element(By.ID, target)
                return candidate.find_element(By.CSS_SELECTOR, "input, select, textarea")
        raise NoSuchElementException(f"no field labelled {label!r} on {self.path}")

    def h1(self) -> str:
        return self.find(By.TAG_NAME, "h1").text.strip()

    def main_text(self) -> str:
        return self.find(By.TAG_NAME, "main").text

    def error_page_code(self) -> str | None:
        """The error code when the current page is the portal's error page, else None."""
        for term in self.driver.find_elements(By.CSS_SELECTOR, "main dl.facts dt"):
            if term.text.strip() in ("Mã lỗi", "Error code"):
                return term.find_element(By.XPATH, "following-sibling::dd[1]").text.strip()
        return None

    def assert_page_ok(self) -> None:
        code = self.error_page_code()
        assert code is None, f"{self.path} shows the error page ({code}): {self.main_text()[:300]}"

    # Forms

    def type_into(self, element: WebElement, text: str) -> None:
        element.clear()
        element.send_keys(text)

    def choose(self, element: WebElement, value: str | None = None, text: str | None = None) -> None:
        select = Select(element)
        if value is not None:
            select.select_by_value(value)
        else:
            select.select_by_visible_text(text)

    def submit_button(self, form: WebElement, text: str | None = None) -> WebElement:
        buttons = form.find_elements(By.CSS_SELECTOR, "button[type=submit], button:not([type]), input[type=submit]")
        if text is not None:
            buttons = [b for b in buttons if text in (b.text or b.get_attribute("value") or "")]
        assert buttons, f"no submit button{' ' + repr(text) if text else ''} in the form on {self.path}"
        return buttons[0]

    def submit(self, form: WebElement, text: str | None = None) -> None:
        """Clicks the form's submit button (or the one whose text contains `text`) and waits."""
        self.click_and_wait(self.submit_button(form, text))

    def form(self, action_suffix: str) -> WebElement:
        """The form on the page whose action ends with `action_suffix`."""
        return self.find(By.CSS_SELECTOR, f'form[action$="{action_suffix}"]')

    # Signing in and out

    def sign_in(self, username: str, password: str = PASSWORD, next_path: str | None = None) -> None:
        """Signs in as a person would, in a browser that forgets any earlier session."""
        self.driver.delete_all_cookies()
        self.open("/sign-in" + (f"?next={urllib.parse.quote(next_path)}" if next_path else ""))
        self.type_into(self.by_id("username"), username)
        self.type_into(self.by_id("password"), password)
        self.submit(self.find(By.CSS_SELECTOR, 'main form[action="/sign-in"]'))
        self.assert_page_ok()
        assert self.exists(By.CSS_SELECTOR, 'form[action="/sign-out"]'), f"{username} is not signed in ({self.path})"

    def sign_in_with_eid(self, identifier: str, password: str = PASSWORD, next_path: str | None = None) -> None:
        """Signs a citizen in through the national e-ID as a person would, in a browser that forgets
        any earlier session: the sign-in page's e-ID button, the provider's form (IDP_URL: the
        simulated VNeID, which knows every person of the demo population), and back at OneGate,
        at `next_path` when given. test_eid_sign_in.py checks each step of this flow in detail."""
        assert IDP_URL, "ONEGATE_IDP_URL is not set (run the tests with scripts/browser-test.sh)"
        self.driver.delete_all_cookies()
        self.open("/sign-in" + (f"?next={urllib.parse.quote(next_path)}" if next_path else ""))
        self.click_and_wait(self.find(By.XPATH, f"//main//a[normalize-space(.)={xpath_literal(EID_BUTTON)}]"))
        assert self.driver.current_url.startswith(IDP_URL + "/"), (
            f"the e-ID button led to {self.driver.current_url}, not to the provider at {IDP_URL}")
        self.type_into(self.by_id("identifier"), identifier)
        self.type_into(self.by_id("password"), password)
        self.submit(self.find(By.CSS_SELECTOR, 'main form[action$="/authorize"]'), text="Đăng nhập")
        assert self.driver.current_url.startswith(BASE_URL + "/"), (
            f"the provider did not send {identifier} back to OneGate: {self.driver.current_url}")
        self.assert_page_ok()
        assert self.exists(By.CSS_SELECTOR, 'form[action="/sign-out"]'), f"{identifier} is not signed in ({self.path})"
        if next_path is not None:
            assert self.path == next_path, f"after the e-ID sign-in: {self.path}, expected {next_path}"

    # Accessibility and pictures

    def axe(self, name: str) -> list[dict]:
        assert self.axe_recorder is not None, "this browser has no axe recorder"
        return self.axe_recorder.check(self, name)

    def screenshot(self, name: str, full_page: bool = False, start_at: str | None = None,
                   sizes=(("phone", PHONE), ("desktop", DESKTOP))) -> None:
        save_screenshots(self.driver, name, full_page=full_page, sizes=sizes, start_at=start_at)


def is_gone(element: WebElement) -> bool:
    """Whether the page that held `element` has been replaced (the next page is loading or loaded).
    While a navigation is under way Chromium may answer with a DevTools error about the node instead
    of a stale-element error: both mean the old document is gone."""
    try:
        element.is_enabled()
        return False
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "node" in str(error).lower() or "stale" in str(error).lower():
            return True
        raise


def xpath_literal(text: str) -> str:
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    return "concat(" + ", \"'\", ".join(f"'{part}'" for part in text.split("'")) + ")"


def save_screenshots(driver, name: str, full_page: bool = False, sizes=(("phone", PHONE), ("desktop", DESKTOP)),
                     start_at: str | None = None):
    """Saves `name-phone.png` and `name-desktop.png`: the first screen of the page as a phone
    (360 x 800, a mobile viewport) and a desktop (1366 x 900) show it, or the screen that starts at
    the element `start_at` (a CSS selector) when given. With `full_page`, also `name-phone-full.png`
    and `name-desktop-full.png`: the whole page (at most 6000 pixels high). The browser is left at
    the desktop size."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        for label, metrics in sizes:
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
            WebDriverWait(driver, WAIT).until(
                lambda d: d.execute_script("return document.documentElement.clientWidth") == metrics["width"])
            driver.execute_script(
                "const target = arguments[0] && document.querySelector(arguments[0]);"
                "window.scrollTo(0, target ? Math.max(0, target.getBoundingClientRect().top + window.scrollY - 16) : 0)",
                start_at)
            shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
            (SCREENSHOTS / f"{name}-{label}.png").write_bytes(base64.b64decode(shot["data"]))
            if full_page:
                height = min(6000, driver.execute_script("return document.documentElement.scrollHeight"))
                shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
                    "format": "png", "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": 0, "width": metrics["width"], "height": height, "scale": 1}})
                (SCREENSHOTS / f"{name}-{label}-full.png").write_bytes(base64.b64decode(shot["data"]))
    finally:
        driver.execute_script("window.scrollTo(0, 0)")
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


class AxeRecorder:
    """Runs axe-core on pages and keeps every finding for the report at the end of the run."""

    def __init__(self):
        if not AXE_JS or not Path(AXE_JS).is_file():
            raise RuntimeError("ONEGATE_AXE_JS does not name axe.min.js (run the tests with scripts/browser-test.sh)")
        self.source = Path(AXE_JS).read_text(encoding="utf-8")
        self.version = re.search(r"axe v([0-9.]+)", self.source[:200]).group(1)
        self.results: list[dict] = []

    def check(self, browser: Browser, name: str) -> list[dict]:
        """All violations of WCAG 2.1 A and AA rules on the current page (every impact), recorded
        for the report."""
        violations = self.run(browser.driver, name)
        self.results.append({"page": name, "path": browser.path, "violations": violations})
        return violations

    def run(self, driver, name: str) -> list[dict]:
        """Runs axe-core on the page the driver shows."""
        if not driver.execute_script("return typeof window.axe === 'object'"):
            driver.execute_script(self.source)
        outcome = driver.execute_async_script(
            """
            const done = arguments[arguments.length - 1];
            window.axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
              .then(result => done({violations: result.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
                  nodes: v.nodes.map(n => ({target: n.target, html: n.html, summary: n.failureSummary}))}))}))
              .catch(error => done({error: String(error)}));
            """,
            AXE_TAGS,
        )
        assert "error" not in outcome, f"axe-core failed on {name}: {outcome['error']}"
        return outcome["violations"]

    @staticmethod
    def blocking(violations: list[dict]) -> list[dict]:
        return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]

    @staticmethod
    def describe(violations: list[dict]) -> str:
        lines = []
        for violation in violations:
            lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']} ({len(violation['nodes'])} elements)")
            for node in violation["nodes"][:3]:
                lines.append(f"      {' '.join(map(str, node['target']))}: {node['html'][:160]}")
        return "\n".join(lines)

    def write_report(self) -> str:
        REPORT.mkdir(parents=True, exist_ok=True)
        (REPORT / "axe.json").write_text(
            json.dumps({"axe": self.version, "tags": AXE_TAGS, "pages": self.results}, indent=2, ensure_ascii=False),
            encoding="utf-8")
        lines = [f"axe-core {self.version} ({', '.join(AXE_TAGS)}) on {len(self.results)} pages:"]
        for result in self.results:
            counts = {}
            for violation in result["violations"]:
                counts[violation["impact"]] = counts.get(violation["impact"], 0) + 1
            summary = ", ".join(f"{n} {impact}" for impact, n in sorted(counts.items())) or "no violations"
            lines.append(f"  {result['page']} ({result['path']}): {summary}")
            if result["violations"]:
                lines.append(self.describe(result["violations"]))
        text = "\n".join(lines)
        (REPORT / "axe.txt").write_text(text + "\n", encoding="utf-8")
        return text


def temporary_folder(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix))
