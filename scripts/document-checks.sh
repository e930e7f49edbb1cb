#!/usr/bin/env bash
# Checks OneGate's signed PDFs with independent tools, as results.md and issue #6 ask:
# poppler's pdfsig, pdftotext, pdffonts and pdftoppm, pyHanko, OpenSSL and zxing-cpp.
#
#   scripts/document-checks.sh [ONEGATE_BINARY]    # default: .build/debug/onegate
#
# 1. Creates (or reuses) a venv in .build/documents-venv with Tests/Documents/requirements.txt.
# 2. Writes a signed receipt and a twice-signed result (`onegate documents samples`) to a temporary
#    folder, with the detached CMS signatures and the instance CA.
# 3. Runs scripts/document-checks.py on them; its last line is `N passed, M failed`.
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
trap 'rm -rf "$folder"' EXIT
"$binary" documents samples --out "$folder"
"$venv/bin/python" scripts/document-checks.py "$folder"
