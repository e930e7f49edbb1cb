#!/usr/bin/env python3
"""The outside checks of signed documents (issue #6, results.md), run on the folder written by
`onegate documents samples --out DIR`:

- pdfsig (poppler) lists both signatures of the result as valid, and none of a one-byte-modified copy;
- pyHanko validates both signatures against the instance CA (ca.pem) and refuses the modified copy;
- `openssl cms -verify` accepts the detached signature over the whole PDF and each embedded CMS over
  the bytes its /ByteRange covers, and refuses the modified copy;
- pdftotext of the receipt has the dossier code, the applicant's name and the procedure name with
  their Vietnamese diacritics; pdffonts shows every font embedded and subset;
- zxing-cpp decodes the QR code of both documents, rendered by pdftoppm, to exactly what was encoded;
- a one-page receipt is under 200 KB.

Prints `N passed, M failed` and exits non-zero on any failure.

    python3 scripts/document-checks.py DIR
"""

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FOLDER = Path(sys.argv[1])
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(("PASS " if ok else "FAIL ") + name + ("" if ok else f": {detail}"))


def run(*args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, cwd=FOLDER, **kwargs)


result = (FOLDER / "result.pdf").read_bytes()
tampered = bytearray(result)
# A byte of page content, inside what both signatures cover.
middle = len(tampered) // 4
tampered[middle] ^= 0x01
(FOLDER / "tampered.pdf").write_bytes(bytes(tampered))

# pdfsig
out = run("pdfsig", "result.pdf").stdout
check("pdfsig: both signatures of the result valid", out.count("Signature Validation: Signature is Valid.") == 2, out)
check("pdfsig: the seal covers the whole file", "Total document signed" in out, out)
out = run("pdfsig", "tampered.pdf").stdout
check("pdfsig: no signature of a one-byte-modified copy valid",
      "Signature is Valid." not in out and out.count("Signature Validation:") == 2, out)
out = run("pdfsig", "receipt.pdf").stdout
check("pdfsig: the receipt's signature valid", out.count("Signature Validation: Signature is Valid.") == 1, out)

# pyHanko
from pyhanko.keys import load_cert_from_pemder  # noqa: E402
from pyhanko.pdf_utils.reader import PdfFileReader  # noqa: E402
from pyhanko.sign.validation import validate_pdf_signature  # noqa: E402
from pyhanko_certvalidator import ValidationContext  # noqa: E402


def pyhanko(path):
    context = ValidationContext(
        trust_roots=[load_cert_from_pemder(str(FOLDER / "ca.pem"))], allow_fetching=False,
        revocation_mode="soft-fail")
    with open(path, "rb") as handle:
        reader = PdfFileReader(handle)
        return [(s.field_name, validate_pdf_signature(s, context)) for s in reader.embedded_signatures]


statuses = pyhanko(FOLDER / "result.pdf")
check("pyHanko: two signatures, leader then seal", [n for n, _ in statuses] == ["leader", "seal"], statuses)
for name, status in statuses:
    check(f"pyHanko: {name} valid, intact and trusted against ca.pem",
          status.bottom_line and status.intact and status.trusted, status.pretty_print_details())
statuses = pyhanko(FOLDER / "tampered.pdf")
check("pyHanko: a one-byte-modified copy is not intact", all(not s.intact for _, s in statuses), statuses)

# OpenSSL
def cms(signature, content):
    return run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", signature, "-content", content,
               "-CAfile", "ca.pem", "-out", "/dev/null")


out = cms("result.p7s", "result.pdf")
check("openssl cms -verify: result.p7s over result.pdf", out.returncode == 0, out.stderr)
for n in (1, 2):
    out = cms(f"result.signature-{n}.p7s", f"result.signature-{n}.content")
    check(f"openssl cms -verify: embedded signature {n} over its byte ranges", out.returncode == 0, out.stderr)
out = cms("result.p7s", "tampered.pdf")
check("openssl cms -verify: refuses a one-byte-modified copy", out.returncode != 0, out.stderr)

# Text and fonts
text = run("pdftotext", "receipt.pdf", "-").stdout
for expected in ("000.00.12.H40-261128-0042", "Nguyễn Thị Hương Giang", "Gia hạn giấy phép xây dựng",
                 "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"):
    check(f"pdftotext: receipt contains {expected!r}", expected in text, text[:400])
for document in ("receipt.pdf", "result.pdf"):
    lines = run("pdffonts", document).stdout.splitlines()[2:]
    check(f"pdffonts: every font of {document} embedded and subset",
          bool(lines) and all(line.split()[-5:-3] == ["yes", "yes"] for line in lines), lines)

# QR codes
with tempfile.TemporaryDirectory() as scratch:
    for document in ("receipt", "result"):
        subprocess.run(["pdftoppm", "-r", "150", "-gray", "-f", "1", "-l", "1", str(FOLDER / f"{document}.pdf"),
                        f"{scratch}/{document}"], check=True)
        image = next(Path(scratch).glob(f"{document}*.pgm"))
        decoded = subprocess.run([sys.executable, str(HERE / "qr-decode.py"), str(image)], capture_output=True,
                                 text=True).stdout.strip()
        import json  # noqa: E402
        expected = (FOLDER / f"{document}.qr.txt").read_text()
        check(f"zxing-cpp: the QR code of {document}.pdf decodes to exactly what was encoded",
              json.loads(decoded or "null") == expected, decoded)

size = (FOLDER / "receipt.pdf").stat().st_size
check(f"size: one-page receipt {size} bytes < 200 KB", size < 200_000)

passed = sum(results)
failed = len(results) - passed
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
