"""Schemathesis hooks for scripts/contract-test.sh (loaded through SCHEMATHESIS_HOOKS).

They change nothing that the checks judge: they only let schemathesis send bodies it otherwise could not.
"""

import itertools

import schemathesis

# `POST /api/v1/documents` declares `application/pdf` (a string starting with `%PDF-`). Schemathesis has no
# serializer for that media type and would silently never send it; send the generated text as raw bytes, the
# way it already does for `application/octet-stream`. (JPEG and PNG need nothing here: their schemas say
# `format: binary`, for which schemathesis sends a real, tiny JPEG or PNG file in positive mode.)
schemathesis.serializer.alias("application/pdf", "application/octet-stream")

# The three dossier POSTs take an optional `Idempotency-Key`. Generated keys repeat often (`0`, `A`, ...), and a
# key reused by the same account for another request is refused with 422 `idempotency_key_reused`: correct and
# documented, but it would hide most of what those operations answer to valid requests. Each request gets a
# key of its own (the generated key plus a sequence number, still 1 to 128 visible ASCII characters).
_sequence = itertools.count(1)


@schemathesis.hook
def map_case(context, case):
    headers = case.headers or {}
    for name in list(headers):
        if name.lower() == "idempotency-key" and isinstance(headers[name], str):
            headers[name] = f"{headers[name][:100]}.{next(_sequence)}"
    return case
