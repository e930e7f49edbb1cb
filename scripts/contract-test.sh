#!/usr/bin/env bash
# Contract test: a live `onegate serve` against the OpenAPI document it publishes, with schemathesis.
#
#   scripts/contract-test.sh [ONEGATE_BINARY]        # default: .build/debug/onegate
#
# Builds a small demo instance in a temporary folder with a data-sharing client, serves it on 127.0.0.1
# (a free port), logs in a reception officer and a citizen, creates a few dossiers of its own (so that the
# generated requests can reach real dossiers, documents, certificates, a status lookup and, with the
# sharing client's token, an issued result and a vault document), then runs schemathesis against
# http://127.0.0.1:PORT/api/v1/openapi.json with valid (positive) requests only, and only the checks that
# the document promises for valid requests:
#   not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
#   response_headers_conformance.
# The last line is `N passed, M failed`, counting API operations (an operation fails when any of its test
# cases failed or errored). Exits non-zero on any failure. Bounded: a fixed number of examples per
# operation, a fixed seed and a hard time limit; about a minute on two cores (plus about 15 s to install
# schemathesis into a venv when the pinned version is not importable).
#
# Environment (all optional):
#   CONTRACT_MAX_EXAMPLES  examples per operation and phase (default 50)
#   CONTRACT_SEED          schemathesis seed (default fixed, so that CI runs are repeatable)
#   CONTRACT_SCHEMA        a JSON file to test instead of the served document, e.g. the output of
#                          `python3 scripts/openapi.py --json F` before the binary is rebuilt
#   CONTRACT_KEEP=1        keep the temporary folder (server log, reports) for inspection
#
# Operations left out, and why:
#   logout  (POST /api/v1/auth/logout) would end the session that every other request uses.
# Every other operation is tested. Document upload of JPEG and PNG is covered because those request
# schemas say `format: binary`, for which schemathesis sends a real (tiny) JPEG or PNG in positive mode;
# `application/pdf` bodies get a serializer in scripts/contract-hooks.py.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

SCHEMATHESIS_VERSION=4.32.5
MAX_EXAMPLES=${CONTRACT_MAX_EXAMPLES:-50}
SEED=${CONTRACT_SEED:-20261129}
RUN_TIMEOUT=240 # seconds for the schemathesis run itself; the whole script stays well under 5 minutes
CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance
EXCLUDED_OPERATIONS=(logout)

binary=${1:-.build/debug/onegate}
fail() {
    echo "contract-test: $*" >&2
    exit 1
}
[[ -x $binary ]] || fail "no onegate binary at $binary (build it first, or pass its path)"
command -v python3 >/dev/null || fail "python3 is needed"

work=$(mktemp -d "${TMPDIR:-/tmp}/onegate-contract.XXXXXX")
server_pid=
cleanup() {
    local status=$?
    if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [[ ${CONTRACT_KEEP:-} == 1 ]]; then
        echo "contract-test: kept $work" >&2
    else
        rm -rf "$work"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
started=$SECONDS

# A private copy: the binary at $1 may be rebuilt while the test runs.
cp "$binary" "$work/onegate"

# --- schemathesis, at the pinned version
python=python3
if ! python3 -c "import sys, schemathesis; sys.exit(schemathesis.__version__ != '$SCHEMATHESIS_VERSION')" 2>/dev/null
then
    echo "contract-test: installing schemathesis $SCHEMATHESIS_VERSION into $work/venv"
    python3 -m venv "$work/venv" || fail "python3 -m venv failed (Debian: apt-get install python3-venv)"
    "$work/venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" \
        || fail "pip install schemathesis==$SCHEMATHESIS_VERSION failed"
    python=$work/venv/bin/python
fi

# --- a small demo instance, served on a free loopback port
"$work/onegate" demo --data "$work/data" --dossiers 60 --no-serve >"$work/demo.log" 2>&1 \
    || { cat "$work/demo.log" >&2; fail "onegate demo failed"; }
# A data-sharing client, so that the sharing API is exercised past its 401 (the secret is printed once,
# indented, between the explanations).
sharing_secret=$("$work/onegate" sharing-client add --data "$work/data" --id contract --agency "Contract test" \
    --scope results.read --scope documents.read | awk '/^    [A-Za-z0-9_-]+$/ { print $1 }')
[[ -n $sharing_secret ]] || fail "onegate sharing-client add printed no secret"
export SHARING_SECRET=$sharing_secret
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
"$work/onegate" serve --data "$work/data" --host 127.0.0.1 --port "$port" >"$work/server.log" 2>&1 &
server_pid=$!

# --- wait for /health, log in, create the dossiers the generated requests will use, write the config
"$python" - "$base" "$work" <<'PY' || { tail -n 30 "$work/server.log" >&2; fail "setup against $base failed"; }
import base64, json, os, sys, time, urllib.error, urllib.request

base, work = sys.argv[1], sys.argv[2]

def call(method, path, body=None, token=None, content_type="application/json", expect=(200, 201)):
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, text = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read()
    if status not in expect:
        raise SystemExit(f"{method} {path}: {status} {text[:500]!r}")
    return json.loads(text) if text else None

deadline = time.monotonic() + 30
while True:
    try:
        if call("GET", "/health")["status"] == "ok":
            break
    except (OSError, SystemExit, ValueError):
        pass
    if time.monotonic() > deadline:
        raise SystemExit("the server did not answer /health within 30 s")
    time.sleep(0.2)

def login(username):
    return call("POST", "/api/v1/auth/login", {"username": username, "password": "demo1234"})["token"]

officer, citizen, admin = login("tiepnhan.halong"), login("congdan1"), login("tthc.admin")
officer_units = [role["unit"] for role in call("GET", "/api/v1/me", token=officer)["roles"]]

def upload(token, label):
    pdf = b"%PDF-1.4\n% OneGate contract test: " + label.encode() + b"\n%%EOF\n"
    return call("POST", "/api/v1/documents", pdf, token=token, content_type="application/pdf")["sha256"]

officer_document, citizen_document = upload(officer, "officer scan"), upload(citizen, "citizen upload")
birth = {"child_full_name": "Nguyễn Minh Khang", "child_date_of_birth": "2026-02-28", "child_gender": "male",
    "place_of_birth": "Bệnh viện Sản Nhi Quảng Ninh", "mother_personal_id": "022185004321"}
requirements = ["application", "birth_notice", "identity"]
# Dossiers in several states, so that reads and actions meet more than the demo's finished history.
specialist, leader, clerk = login("chuyenvien.halong"), login("lanhdao.halong"), login("vanthu.halong")
walks = [
    [],  # received (with the officer's own scan attached)
    [(officer, "assign", {"officerId": "officer-chuyenvien.halong"}), (specialist, "appraise", {"note": "Checked."})],
    [(officer, "assign", {"officerId": "officer-chuyenvien.halong"}),
        (specialist, "request_supplement", {"items": [{"requirement": "birth_notice", "description": "Unreadable."}],
            "reason": "Unreadable document."})],
    [(officer, "assign", {"officerId": "officer-chuyenvien.halong"}),
        (specialist, "assess_fee", {"amount": 8000, "reference": "FEE-1"})],
    [(officer, "assign", {"officerId": "officer-chuyenvien.halong"}),
        (specialist, "submit_for_approval", {"summary": "Eligible."}), (leader, "approve", {}),
        (clerk, "issue", {"resultNumber": "125/2026/KS"})],
]
created = []
for index, walk in enumerate(walks):
    components = [{"requirement": name, "digitised": True} for name in requirements]
    if index == 0:
        components[0]["document"] = officer_document
    dossier = call("POST", "/api/v1/counter/dossiers", {
        "procedureCode": "1.001193", "competentUnit": "000.01.40.H40",
        "applicant": {"identifier": f"02218500{4321 + index:04d}", "fullName": "Trần Thị Bình"},
        "data": birth, "components": components}, token=officer)
    for token, action, body in walk:
        call("POST", f"/api/v1/dossiers/{dossier['id']}/actions/{action}", body, token=token)
    created.append(dossier)
created.append(call("POST", "/api/v1/dossiers", {  # submitted online by the citizen
    "procedureCode": "1.001193", "competentUnit": "000.01.40.H40", "data": birth,
    "components": [{"requirement": name, "document": citizen_document} for name in requirements]}, token=citizen))

keys = []
for dossier in created + call("GET", "/api/v1/dossiers?limit=5", token=citizen)["items"]:
    keys += [dossier["id"], dossier["reference"]] + ([dossier["code"]] if "code" in dossier else [])
serials = sorted({event["certificateSerial"] for dossier in created
    for event in call("GET", f"/api/v1/dossiers/{dossier['id']}/events", token=officer)["events"]})
procedures = [item["code"] for item in call("GET", "/api/v1/procedures?limit=12")["items"]]
units = sorted({"000.01.40.H40", "000.00.12.H40", "000.00.01.H40", *officer_units})
lookup = created[0]

def toml(value):
    return json.dumps(value, ensure_ascii=False)  # JSON strings and arrays of strings are valid TOML

def operation(operation_id, parameters=None, headers=None):
    lines = ["", "[[operations]]", f"include-operation-id = {toml(operation_id)}"]
    if headers:
        lines.append("headers = { " + ", ".join(f"{toml(k)} = {toml(v)}" for k, v in headers.items()) + " }")
    if parameters:
        lines.append("[operations.parameters]")
        lines += [f"{toml(key)} = {{ dictionary = {toml(name)}, probability = {probability} }}"
            for key, (name, probability) in parameters.items()]
    return lines

# The data-sharing API: its own client credentials and access token; the issued result and the citizen's
# upload as references (congdan1 is Nguyễn Văn An, 022090001234).
sharing_basic = "Basic " + base64.b64encode(f"contract:{os.environ['SHARING_SECRET']}".encode()).decode()
request = urllib.request.Request(base + "/api/v1/sharing/token", data=b"grant_type=client_credentials",
    method="POST", headers={"Content-Type": "application/x-www-form-urlencoded", "Authorization": sharing_basic})
with urllib.request.urlopen(request, timeout=30) as response:
    sharing = {"Authorization": "Bearer " + json.loads(response.read())["access_token"]}

dossier_id = {"path.id": ("dossier_keys", 0.9)}
config = [
    "# Written by scripts/contract-test.sh for one run.",
    f"headers = {{ Authorization = {toml('Bearer ' + officer)} }}",
    "",
    "[dictionaries.dossier_keys]", f"values = {toml(keys)}",
    "[dictionaries.procedures]", f"values = {toml(procedures)}",
    "[dictionaries.units]", f"values = {toml(units)}",
    "[dictionaries.officer_units]", f"values = {toml(officer_units)}",
    "[dictionaries.serials]", f"values = {toml(serials)}",
    "[dictionaries.documents]", f"values = {toml([officer_document, citizen_document])}",
    "[dictionaries.officers]", f"values = {toml(['officer-chuyenvien.halong', 'officer-lanhdao.halong'])}",
    "[dictionaries.lookup_code]", f"values = {toml([lookup['code']])}",
    "[dictionaries.lookup_secret]", f"values = {toml([lookup['secret']])}",
    "[dictionaries.result_codes]", f"values = {toml([created[4]['code']])}",
    "[dictionaries.result_numbers]", f"values = {toml(['125/2026/KS'])}",
    "[dictionaries.subjects]", f"values = {toml(['022090001234'])}",
]
config += operation("getProcedure", {"path.code": ("procedures", 0.9)})
config += operation("getUnit", {"path.code": ("units", 0.9)})
config += operation("getCertificate", {"path.serial": ("serials", 0.9)})
config += operation("downloadDocument", {"path.sha256": ("documents", 0.9), "query.dossier": ("dossier_keys", 0.5)})
config += operation("listDossiers", {"query.procedure": ("procedures", 0.5), "query.unit": ("officer_units", 0.8)})
for operation_id in ["getDossier", "listDossierEvents", "getDossierDue", "verifyDossier", "exportDossierAudit"]:
    config += operation(operation_id, dossier_id)
config += operation("performAction", {**dossier_id, "body.officerId": ("officers", 0.8), "body.unit": ("units", 0.8),
    "body.components[*].document": ("documents", 0.8)})
# Online submission is for applicants; the catalogue import for the catalogue administrator.
config += operation("submitDossier", {"body.procedureCode": ("procedures", 0.9),
    "body.competentUnit": ("units", 0.7), "body.receivingUnit": ("units", 0.7),
    "body.components[*].document": ("documents", 0.8)}, headers={"Authorization": "Bearer " + citizen})
config += operation("receiveDossierAtCounter", {"body.procedureCode": ("procedures", 0.9),
    "body.competentUnit": ("units", 0.7), "body.receivingUnit": ("officer_units", 0.7),
    "body.components[*].document": ("documents", 0.8)})
config += operation("importCatalogue", headers={"Authorization": "Bearer " + admin})
config += operation("lookupPublicStatus", {"body.code": ("lookup_code", 0.9), "body.secret": ("lookup_secret", 0.9)})
config += operation("getSharingToken", headers={"Authorization": sharing_basic})
for operation_id in ["getSharedResult", "getSharedResultPDF"]:
    config += operation(operation_id, {"query.code": ("result_codes", 0.9), "query.number": ("result_numbers", 0.9)},
        headers=sharing)
config += operation("getSharedDocument", {"path.sha256": ("documents", 0.9), "query.subject": ("subjects", 0.9)},
    headers=sharing)
with open(f"{work}/schemathesis.toml", "w", encoding="utf-8") as file:
    file.write("\n".join(config) + "\n")
print(f"contract-test: server at {base}; {len(created)} dossiers created; {len(keys)} dossier keys")
PY

schema=$base/api/v1/openapi.json
if [[ -n ${CONTRACT_SCHEMA:-} ]]; then
    schema=$(cd "$(dirname "$CONTRACT_SCHEMA")" && pwd)/$(basename "$CONTRACT_SCHEMA")
    echo "contract-test: testing $schema instead of the served document"
fi

# --suppress-health-check: Hypothesis' generation health checks (slow or heavily filtered data, e.g. for the
# large catalogue import schema) would abort operations for reasons that say nothing about the server.
exclusions=()
for operation in "${EXCLUDED_OPERATIONS[@]}"; do exclusions+=(--exclude-operation-id "$operation"); done
command=("$python" -m schemathesis.cli --config-file "$work/schemathesis.toml" run "$schema" --url "$base"
    --checks "$CHECKS" --mode positive --phases examples,coverage,fuzzing,stateful
    --max-examples "$MAX_EXAMPLES" --seed "$SEED" --workers 2 --generation-database none
    --request-timeout 20 --no-color --suppress-health-check all
    --report junit --report-junit-path "$work/junit.xml" "${exclusions[@]}")
echo "contract-test: ${command[*]}" | sed "s|$work|\$TMP|g"
status=0
# Run from the temporary folder so that nothing (caches, reports) lands in the repository.
(cd "$work" && SCHEMATHESIS_HOOKS="$root/scripts/contract-hooks.py" timeout "$RUN_TIMEOUT" "${command[@]}") \
    || status=$?
if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "contract-test: the server died during the run; its log:" >&2
    tail -n 40 "$work/server.log" >&2
    status=1
fi
[[ $status -eq 124 ]] && echo "contract-test: schemathesis did not finish within $RUN_TIMEOUT s" >&2

# --- one line per operation, then the summary line the CI reads
counts=$(python3 - "$work/junit.xml" <<'PY'
import sys, xml.etree.ElementTree as tree

try:
    cases = tree.parse(sys.argv[1]).getroot().iter("testcase")
except (OSError, tree.ParseError):
    print("0 1")  # no report: schemathesis itself failed
    raise SystemExit
outcome = {}
for case in cases:
    failed = any(child.tag in ("failure", "error") for child in case)
    outcome[case.get("name")] = outcome.get(case.get("name"), False) or failed
for name, failed in sorted(outcome.items()):
    print(f"contract-test: {'FAIL' if failed else 'ok  '} {name}", file=sys.stderr)
# Operations are `METHOD /path`; the stateful phase (link chains across operations) is reported as one
# more entry, counted only when it failed, so that N + M is the number of operations tested.
operations = {name: failed for name, failed in outcome.items() if " /" in name}
failed = sum(operations.values()) + sum(failed for name, failed in outcome.items() if name not in operations)
print(len(operations) - sum(operations.values()), failed)
PY
)
read -r passed failed <<<"$counts"
echo "contract-test: finished in $((SECONDS - started)) s (schemathesis exit status $status)"
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi
echo "$passed passed, $failed failed"
[[ $status -eq 0 && $failed -eq 0 ]]
