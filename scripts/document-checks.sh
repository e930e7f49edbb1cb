#!/usr/bin/env bash
# Checks OneGate's signed PDFs with independent tools, as results.md and issue #6 ask:
# poppler's pdfsig, pdftotext, pdffonts and pdftoppm, pyHanko, OpenSSL and zxing-cpp.
#
#   scripts/document-checks.sh [ONEGATE_BINARY]    # default: .build/debug/onegate
#
# 1. Creates (or reuses) a venv in .build/documents-venv with Tests/Documents/requirements.txt.
# 2. Writes a signed receipt and a twice-signed result (`onegate documents samples`) to a temporary
#    folder, with the detached CMS signatures and the instance CA.
# 3. Runs scripts/document-checks.py on them.
# 4. Starts a small demo (its results are signed PDFs in a transparency log) on a free loopback port
#    and audits the log from outside with scripts/transparency-audit.py (openssl and the standard
#    library only). The last line is the combined `N passed, M failed`.
#
# Needs poppler-utils, openssl and python3 with venv (Debian packages; .ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/onegate}
[[ -x $binary ]] || { echo "document-checks: no onegate binary at $binary" >&2; exit 1; }
for tool in pdfsig pdftotext pdffonts pdftoppm openssl python3; do
    command -v "$tool" >/dev/null || { echo "document-checks: $tool is needed (poppler-utils, openssl)" >&2; exit 1; }
done
venv=.build/documents-venv
stamp=$venv/.requirements
if ! cmp -s Tests/Documents/requirements.txt "$stamp" 2>/dev/null; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r Tests/Documents/requirements.txt
    cp Tests/Documents/requirements.txt "$stamp"
fi
folder=$(mktemp -d)
server_pid=
cleanup() {
    [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$folder"
}
trap cleanup EXIT
"$binary" documents samples --out "$folder/samples"
set +e
"$venv/bin/python" scripts/document-checks.py "$folder/samples" | tee "$folder/documents.txt"
set -e

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$binary" demo --data "$folder/demo" --dossiers 60 --months 2 --host 127.0.0.1 --port "$port" --idp-port 0 --registry-port 0 >"$folder/demo.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 240); do
    curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$folder/demo.log" >&2; exit 1; }
    sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/api/v1/transparency/head" >/dev/null
set +e
python3 scripts/transparency-audit.py "http://127.0.0.1:$port" | tee "$folder/audit.txt"
set -e
# One summary line for both, as CI reads it.
python3 - "$folder/documents.txt" "$folder/audit.txt" <<'PY'
import re, sys
passed = failed = 0
for path in sys.argv[1:]:
    match = re.search(r"(\d+) passed, (\d+) failed", open(path).read())
    if not match:
        failed += 1
        continue
    passed += int(match.group(1))
    failed += int(match.group(2))
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
