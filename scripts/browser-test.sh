#!/usr/bin/env bash
# Browser tests: Selenium drives Debian's headless Chromium through the web portal of a demo server
# that this script starts, checks every main page with axe-core and saves screenshots.
#
#   scripts/browser-test.sh [ONEGATE_BINARY] [PYTEST ARGS...]   # default binary: .build/debug/onegate
#
# 1. Creates (or reuses) a venv in .build/browser-venv with the pinned packages of
#    Tests/Browser/requirements.txt, and takes axe-core's axe.min.js out of a pinned wheel from PyPI
#    (axe-playwright-python, which ships axe-core 4.12; the wheel is only unpacked, never installed).
# 2. Starts `onegate demo` (a copy of the binary) on a free loopback port with a small province in a
#    temporary folder, and waits for /health.
# 3. Runs pytest on Tests/Browser with ONEGATE_BASE_URL set; screenshots go to .build/screenshots/
#    (phone 360x800 and desktop 1366x900), the axe findings to .build/browser-report/.
# 4. Stops the server on exit, whatever happened.
#
# Needs: python3 with venv, chromium and chromium-driver (Debian packages; .ci/run installs them).
# Environment (all optional):
#   BROWSER_TEST_KEEP=1   keep the temporary folder (server log, data) for inspection
# The last line pytest prints is its summary (`N passed, M skipped in T s`); exits non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

AXE_WHEEL=axe-playwright-python==0.1.8
AXE_WHEEL_SHA256=fdd263c998388f1a8e67cad02677e612d946248bd44d163be5e8650ea31f95f8
venv=$root/.build/browser-venv
screenshots=$root/.build/screenshots
report=$root/.build/browser-report

fail() {
    echo "browser-test: $*" >&2
    exit 1
}
binary=${1:-.build/debug/onegate}
[[ $# -gt 0 ]] && shift
[[ -x $binary ]] || fail "no onegate binary at $binary (build it first, or pass its path)"
command -v python3 >/dev/null || fail "python3 is needed"
chromium=$(command -v chromium || true)
chromedriver=$(command -v chromedriver || true)
[[ -n $chromium && -n $chromedriver ]] || fail "chromium and chromedriver are needed (apt-get install chromium chromium-driver)"

started=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/onegate-browser.XXXXXX")
server_pid=
cleanup() {
    local status=$?
    if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [[ ${BROWSER_TEST_KEEP:-} == 1 ]]; then
        echo "browser-test: kept $work" >&2
    else
        rm -rf "$work"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- the venv, reused while the pinned requirements and the axe wheel stay the same
stamp="$(sha256sum Tests/Browser/requirements.txt | cut -d' ' -f1) $AXE_WHEEL $AXE_WHEEL_SHA256"
if [[ ! -x $venv/bin/python || ! -f $venv/axe.min.js || "$(cat "$venv/.stamp" 2>/dev/null)" != "$stamp" ]]; then
    echo "browser-test: installing the pinned packages into $venv"
    rm -rf "$venv"
    python3 -m venv "$venv" || fail "python3 -m venv failed (Debian: apt-get install python3-venv)"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r Tests/Browser/requirements.txt \
        || fail "pip install -r Tests/Browser/requirements.txt failed"
    "$venv/bin/pip" download --quiet --disable-pip-version-check --no-deps --only-binary :all: \
        -d "$work/wheel" "$AXE_WHEEL" || fail "pip download $AXE_WHEEL failed"
    "$venv/bin/python" - "$work/wheel" "$venv/axe.min.js" "$AXE_WHEEL_SHA256" <<'PY' || fail "could not unpack axe.min.js"
import glob, hashlib, sys, zipfile

folder, target, expected = sys.argv[1:]
(wheel,) = glob.glob(folder + "/*.whl")
with open(wheel, "rb") as file:
    digest = hashlib.sha256(file.read()).hexdigest()
if digest != expected:
    raise SystemExit(f"{wheel}: sha256 {digest}, expected {expected}")
with zipfile.ZipFile(wheel) as archive:
    (name,) = [n for n in archive.namelist() if n.endswith("/axe.min.js")]
    with open(target, "wb") as out:
        out.write(archive.read(name))
PY
    echo "$stamp" >"$venv/.stamp"
fi

# --- a small demo province, served on a free loopback port (a private copy: the binary may be rebuilt)
cp "$binary" "$work/onegate"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
idp_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
registry_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
export ONEGATE_IDP_URL=http://127.0.0.1:$idp_port
"$work/onegate" demo --data "$work/data" --host 127.0.0.1 --port "$port" --idp-port "$idp_port" \
    --registry-port "$registry_port" --dossiers 300 \
    --months 3 >"$work/server.log" 2>&1 &
server_pid=$!
python3 - "$base" "$server_pid" <<'PY' || { tail -n 30 "$work/server.log" >&2; fail "the demo server did not start"; }
import os, sys, time, urllib.request

base, pid = sys.argv[1], int(sys.argv[2])
deadline = time.monotonic() + 180
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        raise SystemExit("the demo server exited")
    try:
        with urllib.request.urlopen(base + "/health", timeout=5) as response:
            if response.status == 200:
                raise SystemExit(0)
    except OSError:
        pass
    time.sleep(0.2)
raise SystemExit("no answer from /health within 180 s")
PY
echo "browser-test: demo server at $base (ready after $((SECONDS - started)) s); $("$chromium" --version 2>/dev/null)"

# --- the tests
rm -rf "$screenshots" "$report"
mkdir -p "$screenshots" "$report" "$work/tmp"
status=0
# TMPDIR: Chromium's profiles, the uploads and the downloads all go into the folder removed at exit.
TMPDIR=$work/tmp ONEGATE_BASE_URL=$base ONEGATE_SCREENSHOTS=$screenshots ONEGATE_BROWSER_REPORT=$report \
    ONEGATE_AXE_JS=$venv/axe.min.js ONEGATE_CHROMIUM=$chromium ONEGATE_CHROMEDRIVER=$chromedriver \
    ONEGATE_SERVER_LOG=$work/server.log PYTHONDONTWRITEBYTECODE=1 \
    "$venv/bin/python" -m pytest -p no:cacheprovider -c Tests/Browser/pytest.ini Tests/Browser \
    --junitxml "$report/junit.xml" "$@" || status=$?
if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "browser-test: the server died during the run; its log:" >&2
    tail -n 40 "$work/server.log" >&2
    status=1
fi
echo "browser-test: finished in $((SECONDS - started)) s; $(find "$screenshots" -name '*.png' | wc -l) screenshots in .build/screenshots"
exit "$status"
