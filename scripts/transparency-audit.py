#!/usr/bin/env python3
"""An auditor's check of a OneGate instance's transparency log, written from RFC 6962 / RFC 9162 with
nothing but the Python standard library and the openssl command:

1. every signed tree head's signature verifies with the certificate it names (openssl), and the signed
   bytes say the size and root the head claims;
2. each head is consistent with the next (the consistency proof of the API, checked here), so the
   instance never rewrote what an earlier head committed to;
3. the leaves, fetched one by one and hashed here, give the newest head's root;
4. with --state FILE, the newest head is also checked against the head seen on the previous run
   (kept in FILE), which is how an auditor catches a log that was rebuilt between visits.

    python3 scripts/transparency-audit.py http://127.0.0.1:8080 [--state audit-state.json]

Prints `N passed, M failed` and exits non-zero on any failure.
"""

import base64
import hashlib
import json
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

BASE = sys.argv[1].rstrip("/")
STATE = Path(sys.argv[sys.argv.index("--state") + 1]) if "--state" in sys.argv else None
results = []


def check(name, ok, detail=""):
    results.append(bool(ok))
    print(("PASS " if ok else "FAIL ") + name + ("" if ok else f": {detail}"))


def get(path):
    with urllib.request.urlopen(BASE + path, timeout=30) as response:
        return json.load(response)


def leaf_hash(entry):
    return hashlib.sha256(b"\x00" + entry).digest()


def node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def root(hashes):
    """MTH of RFC 6962 §2.1 over leaf hashes."""
    if not hashes:
        return hashlib.sha256(b"").digest()
    if len(hashes) == 1:
        return hashes[0]
    split = 1
    while split * 2 < len(hashes):
        split *= 2
    return node(root(hashes[:split]), root(hashes[split:]))


def verify_consistency(old_size, new_size, old_root, new_root, proof):
    """RFC 9162 §2.1.4.2."""
    if old_size == new_size:
        return not proof and old_root == new_root
    if old_size == 0 or old_size > new_size or not proof:
        return False
    if old_size & (old_size - 1) == 0:
        proof = [old_root] + proof
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node(c, fr)
            sr = node(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == old_root and sr == new_root


def verify_head(head, scratch):
    folder = Path(scratch)
    (folder / "head.pem").write_text(head["certificate"])
    (folder / "head.sig").write_bytes(base64.b64decode(head["signature"]))
    signed = base64.b64decode(head["signed"])
    (folder / "head.json").write_bytes(signed)
    key = subprocess.run(["openssl", "x509", "-in", "head.pem", "-pubkey", "-noout"], cwd=folder,
                         capture_output=True, text=True)
    (folder / "pub.pem").write_text(key.stdout)
    verified = subprocess.run(["openssl", "dgst", "-sha256", "-verify", "pub.pem", "-signature", "head.sig",
                               "head.json"], cwd=folder, capture_output=True, text=True)
    said = json.loads(signed)
    return (verified.returncode == 0 and said.get("treeSize") == head["treeSize"]
            and said.get("rootHash") == head["rootHash"])


heads = []
offset = 0
while True:
    page = get(f"/api/v1/transparency/heads?limit=200&offset={offset}")
    heads += page["items"]
    if len(page["items"]) < 200:
        break
    offset += 200
heads.sort(key=lambda head: head["treeSize"])
check(f"{len(heads)} signed tree heads published", heads)

with tempfile.TemporaryDirectory() as scratch:
    for head in heads:
        check(f"head of size {head['treeSize']}: signature and signed bytes", verify_head(head, scratch))

for older, newer in zip(heads, heads[1:]):
    if older["treeSize"] == 0:
        continue
    proof = get(f"/api/v1/transparency/proofs/consistency?from={older['treeSize']}&to={newer['treeSize']}")
    check(f"heads {older['treeSize']} → {newer['treeSize']} consistent",
          verify_consistency(older["treeSize"], newer["treeSize"], bytes.fromhex(older["rootHash"]),
                             bytes.fromhex(newer["rootHash"]), [bytes.fromhex(h) for h in proof["proof"]]))

if heads:
    newest = heads[-1]
    hashes = []
    for index in range(newest["treeSize"]):
        entry = get(f"/api/v1/transparency/entries/{index}")
        computed = leaf_hash(base64.b64decode(entry["entry"]))
        if computed.hex() != entry["leafHash"]:
            check(f"entry {index}: leaf hash", False, entry["leafHash"])
        hashes.append(computed)
    check(f"the {len(hashes)} entries hash to the newest head's root", root(hashes).hex() == newest["rootHash"])
    if STATE:
        if STATE.exists():
            seen = json.loads(STATE.read_text())
            if seen["treeSize"] > 0:
                proof = get(f"/api/v1/transparency/proofs/consistency?from={seen['treeSize']}&to={newest['treeSize']}")
                check(f"consistent with the head seen last time (size {seen['treeSize']})",
                      verify_consistency(seen["treeSize"], newest["treeSize"], bytes.fromhex(seen["rootHash"]),
                                         bytes.fromhex(newest["rootHash"]), [bytes.fromhex(h) for h in proof["proof"]]))
        STATE.write_text(json.dumps({"treeSize": newest["treeSize"], "rootHash": newest["rootHash"]}))

passed = sum(results)
print(f"{passed} passed, {len(results) - passed} failed")
sys.exit(0 if passed == len(results) else 1)
