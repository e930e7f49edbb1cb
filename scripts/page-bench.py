#!/usr/bin/env python3
"""Server-side render times of the main web pages, read from the Server-Timing header.

Usage: python3 scripts/page-bench.py [BASE_URL] [REQUESTS_PER_PAGE]

Run it against the demo (`swift run -c release onegate demo`): it signs in as the demo's
people through the real sign-in form, opens each main page REQUESTS_PER_PAGE times (default 50)
one after another, and prints p50 / p95 / max of the server's own time per page.
"""
import http.client
import re
import statistics
import sys
import urllib.parse

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 50
PASSWORD = "demo1234"


class Browser:
    def __init__(self, base):
        parsed = urllib.parse.urlparse(base)
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.cookies = {}
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)

    def request(self, method, path, body=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        timing = response.getheader("Server-Timing") or ""
        match = re.search(r"dur=([0-9.]+)", timing)
        return response.status, text, float(match.group(1)) if match else None, response.getheader("Location")

    def sign_in(self, username):
        _, page, _, _ = self.request("GET", "/sign-in")
        token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({"_csrf": token, "username": username, "password": PASSWORD})
        status, _, _, location = self.request("POST", "/sign-in", body)
        if status != 303:
            raise SystemExit(f"sign-in of {username} failed: {status}")
        return location


def measure(browser, label, path):
    times = []
    status = None
    for _ in range(COUNT):
        status, _, duration, _ = browser.request("GET", path)
        if duration is not None:
            times.append(duration)
    times.sort()
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    print(f"{label:<44} {status}  p50 {statistics.median(times):7.2f} ms  p95 {p95:7.2f} ms  max {times[-1]:7.2f} ms")
    return times


def first_link(browser, path, pattern):
    _, text, _, _ = browser.request("GET", path)
    match = re.search(pattern, text)
    return match.group(1) if match else None


def main():
    print(f"{COUNT} requests per page against {BASE}; server time from Server-Timing\n")
    public = Browser(BASE)
    measure(public, "home", "/")
    measure(public, "search 'khai sinh'", "/procedures?q=khai%20sinh")
    measure(public, "procedure page", "/procedures/1.001193")
    citizen = Browser(BASE)
    citizen.sign_in("congdan1")
    measure(citizen, "my dossiers (congdan1)", "/my/dossiers")
    own = first_link(citizen, "/my/dossiers", r'href="(/my/dossiers/[^"?]+)"')
    if own:
        measure(citizen, "my dossier timeline", own)
    for username in ["tiepnhan1.ttpvhcc", "admin"]:
        officer = Browser(BASE)
        try:
            officer.sign_in(username)
        except SystemExit as failure:
            print(f"{username}: {failure}")
            continue
        measure(officer, f"inbox (/work) as {username}", "/work")
        measure(officer, f"inbox page 20 as {username}", "/work?page=20")
        workspace = first_link(officer, "/work", r'href="(/work/dossiers/[^"?]+)"')
        if workspace:
            measure(officer, f"dossier workspace as {username}", workspace)
        if username.startswith("tiepnhan"):
            measure(officer, "counter desk", "/counter")
        else:
            measure(officer, "dashboard, province, this month", "/dashboard")
            measure(officer, "ledger (form 07), province, this month", "/work/ledger")
    measure(public, "public statistics, province", "/statistics")


if __name__ == "__main__":
    main()
