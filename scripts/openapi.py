#!/usr/bin/env python3
"""Generates Sources/OneGateServer/API/OpenAPIDocument.swift, the OpenAPI 3.1 description of the API.

The document is written by hand here, next to nothing but the standard library, and must follow the
handlers in Sources/OneGateServer/API (routes, bodies, status codes) and the Codable shapes in
Sources/OneGateCore. The contract test, scripts/contract-test.sh (schemathesis), checks a running server against
it: `python3 scripts/openapi.py --json /tmp/openapi.json && CONTRACT_SCHEMA=/tmp/openapi.json
scripts/contract-test.sh PATH/TO/onegate` tests an edited document before the binary is rebuilt.

    python3 scripts/openapi.py            # rewrites the Swift file
    python3 scripts/openapi.py --json F   # also writes the bare JSON to F (for validators)
    python3 scripts/openapi.py --check    # fails when the Swift file is not up to date

Conventions that the schemas follow, because the server does:
- absent optional members are omitted, never written as null, so they are simply not `required`;
- instants are RFC 3339 strings in UTC with milliseconds (`2026-03-03T02:15:00.000Z`);
  requests may send any RFC 3339 instant, with or without fractional seconds;
- local days are `YYYY-MM-DD`; bilingual texts are `{"vi": ..., "en": ...}`;
- response objects are closed (`additionalProperties: false`) where their key list is fixed by the
  code; request objects stay open because the decoders ignore unknown members.
"""

import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SWIFT_FILE = ROOT / "Sources" / "OneGateServer" / "API" / "OpenAPIDocument.swift"

# MARK: - Helpers


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def string(description=None, **extra):
    schema = {"type": "string"}
    if description:
        schema["description"] = description
    schema.update(extra)
    return schema


def integer(description=None, **extra):
    schema = {"type": "integer"}
    if description:
        schema["description"] = description
    schema.update(extra)
    return schema


def boolean(description=None):
    schema = {"type": "boolean"}
    if description:
        schema["description"] = description
    return schema


def array(items, description=None, **extra):
    schema = {"type": "array", "items": items}
    if description:
        schema["description"] = description
    schema.update(extra)
    return schema


def described(schema, description):
    """A `$ref` (or any schema) with its own description; allowed next to `$ref` in JSON Schema 2020-12."""
    return {**schema, "description": description}


def obj(properties, required=(), closed=True, description=None):
    schema = {"type": "object"}
    if description:
        schema["description"] = description
    schema["properties"] = properties
    missing = [name for name in required if name not in properties]
    assert not missing, f"required members without a property: {missing}"
    if required:
        schema["required"] = list(required)
    if closed:
        schema["additionalProperties"] = False
    return schema


def enum(values, description=None):
    schema = {"type": "string", "enum": list(values)}
    if description:
        schema["description"] = description
    return schema


def json_content(schema, examples=None):
    content = {"schema": schema}
    if examples:
        content["examples"] = {name: {"value": value} for name, value in examples.items()}
    return {"application/json": content}


def error(status, description):
    """A reference to a shared error response, with an operation-specific description."""
    return {"$ref": f"#/components/responses/{ERROR_RESPONSES[status][0]}", "description": description}


def ok(description, schema, headers=None, links=None, examples=None):
    response = {"description": description, "content": json_content(schema, examples)}
    if headers:
        response["headers"] = headers
    if links:
        response["links"] = links
    return response


BEARER = [{"bearer": []}]

# MARK: - Enumerations (raw values of the Swift enums)

DOSSIER_STATES = ["draft", "submitted", "received", "refused", "in_progress", "supplement_requested",
    "awaiting_payment", "withdrawn", "stopped", "processed", "returned"]
PROCESSING_STEPS = ["assigned", "appraising", "awaiting_approval", "awaiting_issue", "at_other_agency"]
ALL_ACTIONS = ["submit", "receive_at_counter", "accept", "request_supplement", "refuse", "assign", "appraise",
    "submit_for_approval", "send_to_other_agency", "return_from_other_agency", "supplement", "assess_fee", "pay",
    "extend", "stop", "approve", "issue", "return_for_rework", "deliver", "withdraw"]
PATH_ACTIONS = [name for name in ALL_ACTIONS if name not in ("submit", "receive_at_counter")]
ROLES = ["citizen", "reception", "specialist", "leader", "clerk", "auditor", "admin", "unit_admin"]

STATE_ALTERNATIVES = "|".join(DOSSIER_STATES)

# MARK: - Schemas

SCHEMAS = {}

SCHEMAS["Timestamp"] = string(
    "An instant, RFC 3339 in UTC with exactly three fractional digits, e.g. `2026-03-03T02:15:00.000Z`.",
    format="date-time", pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$")
INT64_MAX = 9223372036854775807
INT64_MIN = -9223372036854775808
# Days the server parses (valid month and day; 29 February left out), in years 1900 to 2199 where the
# lunar holiday rules are tabulated.
DATE_PATTERN = (r"(19[0-9]{2}|2[01][0-9]{2})-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])"
    r"|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))")
RFC3339_PATTERN = (DATE_PATTERN + r"T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{3})?"
    r"(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])")
LOCAL_MOMENT_PATTERN = DATE_PATTERN + r"T([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?"
TIME_LIMIT_PATTERN = (r"^\s*(0*1\s+)?same_day\s*$|^\s*0*(10000|[1-9][0-9]{0,3})\s+"
    r"(working_days|working_hours|calendar_days)\s*$")
TEXT = {"pattern": r"\S", "maxLength": 4000}

SCHEMAS["InstantInput"] = string(
    "An RFC 3339 instant, with or without (three) fractional digits and with any offset, e.g. "
    "`2026-03-20T10:00:00+07:00`.", pattern=f"^{RFC3339_PATTERN}$")
SCHEMAS["LocalDate"] = string(
    "A local day in the instance's time zone, `YYYY-MM-DD`.", format="date", pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
SCHEMAS["LocalizedText"] = obj(
    {"vi": string("Vietnamese (never empty in stored data)."), "en": string("English (may be empty).")},
    required=["vi", "en"], closed=False, description="A text in both instance languages.")
SCHEMAS["LocalMoment"] = obj(
    {"date": ref("LocalDate"), "minute": integer("Minutes from local midnight, 0 to 1440.", minimum=0, maximum=1440)},
    required=["date", "minute"], description="A local day and minute of that day, in the instance's time zone.")
SCHEMAS["TimeLimitUnit"] = enum(["working_days", "working_hours", "calendar_days", "same_day"],
    "How a time limit is counted.")
SCHEMAS["TimeLimit"] = string(
    "A legal time limit written as text: an amount and a unit (`5 working_days`, `8 working_hours`, "
    "`30 calendar_days`) or `same_day`.",
    pattern=r"^(same_day|[0-9]+ (working_days|working_hours|calendar_days))$", examples=["5 working_days"])
SCHEMAS["TimeLimitText"] = string(
    "A time limit as text: an amount from 1 to 10000 and a unit (`5 working_days`, `8 working_hours`, "
    "`30 calendar_days`), or `same_day`.", pattern=TIME_LIMIT_PATTERN, examples=["5 working_days"])
SCHEMAS["TimeLimitInput"] = {
    "description": "A time limit as accepted on import: the text form, or `{\"amount\": 5, \"unit\": "
        "\"working_days\"}` (amount 1 to 10000, exactly 1 for `same_day`). Responses always use the text form.",
    "oneOf": [
        ref("TimeLimitText"),
        {"oneOf": [
            obj({"amount": integer(minimum=1, maximum=10000),
                "unit": enum(["working_days", "working_hours", "calendar_days"])},
                required=["amount", "unit"], closed=False),
            obj({"amount": {"const": 1}, "unit": {"const": "same_day"}}, required=["amount", "unit"], closed=False),
        ]},
    ],
}

SCHEMAS["Error"] = obj({
    "error": obj({
        "code": string("Stable machine-readable code, e.g. `illegal_transition` (see the error table in "
            "docs/api.md)."),
        "message": string("English message, safe to show."),
        "messageVi": string("Vietnamese message, safe to show."),
        "details": {"type": "object", "additionalProperties": {"type": "string"},
            "description": "Structured facts (field, state, action, limit, problems …); never personal data."},
        "requestId": string("The request id, also written to the server log for 5xx answers."),
    }, required=["code", "message", "messageVi", "details", "requestId"]),
}, required=["error"], description="Every error answer has this shape.")

# --- System

SCHEMAS["Health"] = obj({
    "status": enum(["ok"]),
    "instance": string("The instance name."),
    "time": ref("Timestamp"),
}, required=["status", "instance", "time"])

SCHEMAS["HolidayKind"] = enum(["public_holiday", "compensatory", "extra_day_off"])
SCHEMAS["Holiday"] = obj({
    "date": ref("LocalDate"),
    "nameVi": string(),
    "nameEn": string(),
    "kind": ref("HolidayKind"),
}, required=["date", "nameVi", "nameEn", "kind"], description="A day off with its name in both languages.")
SCHEMAS["HolidayList"] = obj({
    "year": integer(minimum=1900, maximum=2199),
    "holidays": array(ref("Holiday")),
}, required=["year", "holidays"])
SCHEMAS["Weekday"] = enum(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
SCHEMAS["NonWorkingReason"] = {
    "description": "Why a day was not counted: a weekly rest day, or a holiday.",
    "oneOf": [
        obj({"kind": {"const": "weekend"}, "weekday": ref("Weekday")}, required=["kind", "weekday"]),
        obj({"kind": {"const": "holiday"}, "holiday": ref("Holiday")}, required=["kind", "holiday"]),
    ],
}
SCHEMAS["SkippedDay"] = obj({
    "date": ref("LocalDate"),
    "reason": ref("NonWorkingReason"),
    "reasonVi": string(),
    "reasonEn": string(),
}, required=["date", "reason", "reasonVi", "reasonEn"])
SCHEMAS["DueExplanation"] = obj({
    "limit": ref("TimeLimit"),
    "start": described(ref("Timestamp"), "When the clock started."),
    "due": described(ref("Timestamp"), "The due moment."),
    "timeZoneIdentifier": string("IANA time zone of the local values, e.g. `Asia/Ho_Chi_Minh`."),
    "startLocal": ref("LocalMoment"),
    "dueLocal": ref("LocalMoment"),
    "skippedDays": array(ref("SkippedDay"), "Non-working days the count passed over, in order."),
    "steps": array(string(), "How the due moment was reached, one sentence per step (English)."),
    "stepsVi": array(string(), "The same steps in Vietnamese."),
}, required=["limit", "start", "due", "timeZoneIdentifier", "startLocal", "dueLocal", "skippedDays", "steps",
    "stepsVi"], description="A due moment with its reasons.")

# --- People and sessions

SCHEMAS["Role"] = enum(ROLES, "A role held at a unit (and the units below it).")
SCHEMAS["RoleAssignment"] = obj({"role": ref("Role"), "unit": string("Unit code.")}, required=["role", "unit"])
SCHEMAS["Principal"] = obj({
    "kind": enum(["officer", "citizen", "business", "system"]),
    "id": string(),
    "name": string("Full name."),
    "roles": array(ref("RoleAssignment"), "The officer's roles; empty for applicants."),
}, required=["kind", "id", "name", "roles"], description="Who is signed in.")
SCHEMAS["LoginRequest"] = obj({
    "username": string("Officer or applicant user name; trimmed and compared case-insensitively. Empty or "
        "longer than 100 characters is refused like a wrong password."),
    "password": string("At most 200 characters."),
}, required=["username", "password"], closed=False)
SCHEMAS["LoginResponse"] = obj({
    "token": string("Bearer token for `Authorization: Bearer <token>`; shown once, valid for 8 hours."),
    "expiresAt": ref("Timestamp"),
    "principal": ref("Principal"),
}, required=["token", "expiresAt", "principal"])

# --- Catalogue

SCHEMAS["ProcedureLevel"] = enum(["province", "department", "commune", "inter_agency"])
SCHEMAS["OnlineLevel"] = enum(["full", "partial", "none"])
SCHEMAS["ResultKind"] = enum(["certificate", "licence", "decision", "extract", "copy", "confirmation", "registration"])
SCHEMAS["FieldType"] = enum(["text", "multiline", "number", "date", "select", "boolean", "email", "phone",
    "personal_id", "tax_code"])
SCHEMAS["Fee"] = obj({
    "amount": integer("In đồng.", format="int64", minimum=0, maximum=INT64_MAX),
    "description": ref("LocalizedText"),
    "freeOnline": boolean("Waived for dossiers submitted online."),
}, required=["amount", "freeOnline"], closed=False)
SCHEMAS["RequiredDocument"] = obj({
    "id": string("Requirement id within the procedure (unique), used as `requirement` in dossier components."),
    "name": ref("LocalizedText"),
    "documentType": string(),
    "required": boolean(),
}, required=["id", "name", "documentType", "required"], closed=False)
SCHEMAS["FormField"] = obj({
    "name": string("Key of the value in a dossier's `data` (unique within the form)."),
    "label": ref("LocalizedText"),
    "type": ref("FieldType"),
    "required": boolean(),
    "maxLength": integer(minimum=INT64_MIN, maximum=INT64_MAX),
    "minimum": {"type": "number"},
    "maximum": {"type": "number"},
    "options": array(string(), "Allowed values of a `select` field."),
}, required=["name", "label", "type", "required"], closed=False)
SCHEMAS["FormDefinition"] = obj({"fields": array(ref("FormField"))}, required=["fields"], closed=False)
SCHEMAS["ProcessStep"] = obj({
    "id": string("Step id, e.g. `receive`, `transfer`, `appraise`, `approve`, `issue`, `inter_agency`."),
    "name": ref("LocalizedText"),
    "role": ref("Role"),
    "unit": string("The unit doing the step; absent means the dossier's competent unit."),
    "allottedMinutes": integer("Office minutes allotted to the step.", minimum=0, maximum=INT64_MAX),
    "interAgency": boolean(),
}, required=["id", "name", "role", "allottedMinutes", "interAgency"], closed=False)


def procedure_schema(input_form):
    properties = {
        "code": string("National procedure code, e.g. `1.001193`.",
            **({"minLength": 1, "maxLength": 40, "pattern": r"^\S+$"} if input_form else {})),
        "version": integer(
            "Version number. On import it is recomputed: a new code keeps it, changed content gets the next "
            "version, identical content is left alone." if input_form else "Version number, from 1.", minimum=1,
            maximum=INT64_MAX),
        "name": obj({"vi": string(minLength=1), "en": string()}, required=["vi", "en"], closed=False,
            description="Names; the Vietnamese one must not be empty.") if input_form else ref("LocalizedText"),
        "topic": ref("LocalizedText"),
        "level": ref("ProcedureLevel"),
        "competentUnits": array(string(),
            "Unit codes, or unit kinds written `kind:commune`, that may decide dossiers of this procedure.",
            **({"minItems": 1} if input_form else {})),
        "documents": array(ref("RequiredDocument")),
        "form": ref("FormDefinition"),
        "timeLimit": ref("TimeLimitInput" if input_form else "TimeLimit"),
        "fee": ref("Fee"),
        "onlineLevel": ref("OnlineLevel"),
        "fullOnlineEligible": boolean("Must be true when `onlineLevel` is `full`."),
        "process": array(ref("ProcessStep")),
        "resultKind": ref("ResultKind"),
        "resultName": ref("LocalizedText"),
        "legalBasis": string(),
        "effectiveFrom": ref("LocalDate"),
    }
    required = [name for name in properties if name != "effectiveFrom"]
    description = ("A procedure to import. Every member but `effectiveFrom` is required; `name.vi` must not be "
        "empty, document ids and form field names must be unique; violations answer 422 `invalid_procedure`."
        if input_form else "An administrative procedure of the catalogue, at one version.")
    schema = obj(properties, required=required, closed=not input_form, description=description)
    if input_form:
        schema["if"] = {"properties": {"onlineLevel": {"const": "full"}}, "required": ["onlineLevel"]}
        schema["then"] = {"properties": {"fullOnlineEligible": {"const": True}}}
    return schema


SCHEMAS["Procedure"] = procedure_schema(False)
SCHEMAS["ProcedureInput"] = procedure_schema(True)
SCHEMAS["ProcedurePage"] = obj({
    "items": array(ref("Procedure")),
    "total": integer("Number of matches.", minimum=0),
    "limit": integer("The page size applied.", minimum=1),
    "offset": integer(minimum=0),
}, required=["items", "total", "limit", "offset"])
SCHEMAS["Catalogue"] = obj({"procedures": array(ref("Procedure"))}, required=["procedures"],
    description="The current version of every procedure.")
SCHEMAS["CatalogueImport"] = obj({"procedures": array(ref("ProcedureInput"))}, required=["procedures"],
    closed=False, description="A catalogue to import (the same shape as the export).")
SCHEMAS["CatalogueImportSummary"] = obj({
    "created": integer(minimum=0),
    "newVersions": integer(minimum=0),
    "unchanged": integer(minimum=0),
}, required=["created", "newVersions", "unchanged"])
SCHEMAS["UnitKind"] = enum(["province", "ministry", "department", "commune", "district", "service_centre",
    "vertical_office"])
SCHEMAS["Unit"] = obj({
    "code": string("National unit code, e.g. `000.00.12.H40`."),
    "name": ref("LocalizedText"),
    "kind": ref("UnitKind"),
    "parent": string(),
    "effectiveFrom": ref("LocalDate"),
    "effectiveTo": described(ref("LocalDate"), "The last day a historical unit existed."),
    "successors": array(string()),
    "predecessors": array(string()),
}, required=["code", "name", "kind", "successors", "predecessors"], description="An administrative unit.")

# --- Documents

SCHEMAS["UploadedDocument"] = obj({
    "sha256": string("Hex SHA-256 of the bytes; the document's identifier.", pattern="^[0-9a-f]{64}$"),
    "contentType": enum(["application/pdf", "image/jpeg", "image/png"], "The type detected from the content."),
    "size": integer("Bytes.", minimum=1),
}, required=["sha256", "contentType", "size"])

# --- Dossiers

SCHEMAS["DossierState"] = enum(DOSSIER_STATES, "Business state (national status code in `nationalStatus`).")
SCHEMAS["ProcessingStep"] = enum(PROCESSING_STEPS, "Where an `in_progress` dossier is.")
SCHEMAS["Channel"] = enum(["online", "counter", "post"])
SCHEMAS["PaymentState"] = enum(["none", "pending", "paid_online", "paid_at_counter"])
SCHEMAS["DeliveryState"] = enum(["pending", "electronic", "counter", "post"])
SCHEMAS["SyncState"] = enum(["pending", "synced"])
SCHEMAS["Outcome"] = enum(["granted", "refusal"])
SCHEMAS["Timeliness"] = enum(["early", "on_time", "late"])
SCHEMAS["ActionName"] = enum(PATH_ACTIONS, "A lifecycle action on an existing dossier.")
SCHEMAS["EventType"] = enum(ALL_ACTIONS, "The action an event records.")
SCHEMAS["PaymentMethod"] = enum(["online", "counter"])
SCHEMAS["DeliveryChannel"] = enum(["electronic", "counter", "post"])
SCHEMAS["ApplicantKind"] = enum(["person", "business"])

SCHEMAS["DossierComponent"] = obj({
    "requirement": string("The procedure's requirement id."),
    "document": string("SHA-256 of the stored document, when there is an electronic copy."),
    "digitised": boolean("Scanned from paper at a counter."),
    "reused": boolean("Taken from the applicant's vault, an earlier result or a registry."),
}, required=["requirement", "digitised", "reused"])
SCHEMAS["SupplementItem"] = obj({
    "requirement": string(),
    "description": string(),
}, required=["description"])
SCHEMAS["StepRecord"] = obj({
    "step": string("Step id (`receive`, `transfer`, `appraise`, `inter_agency`, `approve`, `issue`)."),
    "actor": string("Who did (or is to do) the step."),
    "unit": string(),
    "startedAt": ref("Timestamp"),
    "endedAt": ref("Timestamp"),
    "allottedMinutes": integer(minimum=0),
    "due": ref("Timestamp"),
    "timeliness": ref("Timeliness"),
}, required=["step", "unit", "startedAt"], description="The time one process step took.")
SCHEMAS["ProcedureRef"] = obj({
    "code": string(),
    "version": integer(minimum=1),
    "name": described(ref("LocalizedText"), "Present in `GET /api/v1/dossiers/{id}` only."),
}, required=["code", "version"])
SCHEMAS["Dossier"] = obj({
    "id": string("Internal id (UUID)."),
    "code": string("Dossier code `<receiving unit>-<YYMMDD>-<NNNN>`, given at valid reception."),
    "reference": string("Submission reference (`S` + 11 characters), given at submission."),
    "secret": string("The status-lookup secret: only in the answer that created the dossier (and its "
        "idempotent replays). Only its hash is stored."),
    "procedure": ref("ProcedureRef"),
    "applicantId": string(),
    "channel": ref("Channel"),
    "nationalChannel": integer("National channel code: 1 counter, 2 online, 3 post.", minimum=1, maximum=3),
    "assisted": boolean("Filled in at a digital point by an officer for the person."),
    "receivingUnit": string(),
    "competentUnit": string(),
    "otherAgency": string("The unit an inter-agency step is at."),
    "state": ref("DossierState"),
    "stateLabel": ref("LocalizedText"),
    "nationalStatus": integer("National status code 1 to 10; absent for drafts.", minimum=1, maximum=10),
    "step": ref("ProcessingStep"),
    "paymentState": ref("PaymentState"),
    "feeAmount": integer("Fee due, in đồng.", format="int64"),
    "paymentReference": string(),
    "deliveryState": ref("DeliveryState"),
    "syncState": ref("SyncState"),
    "assignee": string("Officer id of the handling officer."),
    "data": {"type": "object", "description": "The application form's values, by field name."},
    "components": array(ref("DossierComponent")),
    "supplementItems": array(ref("SupplementItem"), "What the open supplementation request asks for."),
    "submittedAt": ref("Timestamp"),
    "receptionDue": described(ref("Timestamp"), "Deadline of the online reception check."),
    "receivedAt": ref("Timestamp"),
    "dueAt": described(ref("Timestamp"), "The appointment (moved by pauses and by an extension)."),
    "timelinessDue": described(ref("Timestamp"), "The due moment timeliness is measured against."),
    "pausedAt": ref("Timestamp"),
    "supplementRequests": integer(minimum=0),
    "extended": boolean(),
    "finishedAt": ref("Timestamp"),
    "timeliness": ref("Timeliness"),
    "draftOutcome": ref("Outcome"),
    "outcome": ref("Outcome"),
    "resultNumber": string(),
    "steps": array(ref("StepRecord")),
    "version": integer("Number of events so far.", minimum=0),
    "lastEventHash": string("Hex SHA-256 of the last event's canonical bytes.", pattern="^[0-9a-f]{64}$"),
    "updatedAt": ref("Timestamp"),
}, required=["id", "reference", "procedure", "applicantId", "channel", "nationalChannel", "assisted",
    "receivingUnit", "competentUnit", "state", "stateLabel", "paymentState", "feeAmount", "deliveryState",
    "syncState", "data", "components", "supplementItems", "submittedAt", "supplementRequests", "extended", "steps",
    "version", "lastEventHash", "updatedAt"], description="A dossier. Absent optional members are omitted.")
SCHEMAS["DossierPage"] = obj({
    "items": array(ref("Dossier")),
    "total": integer(minimum=0),
    "limit": integer(minimum=1),
    "offset": integer(minimum=0),
}, required=["items", "total", "limit", "offset"])

COMPONENT_INPUT = obj({
    "requirement": string("The procedure's requirement id (see `documents[].id` of the procedure)."),
    "document": string("SHA-256 of a document uploaded with `POST /api/v1/documents` by the caller."),
    "digitised": boolean("Scanned from paper (counter reception). Default false."),
}, required=["requirement"], closed=False)
SCHEMAS["ComponentInput"] = COMPONENT_INPUT


def application_properties():
    return {
        "procedureCode": string("Code of the procedure; its current version is used."),
        "receivingUnit": string("Receiving unit code; default: the competent unit."),
        "competentUnit": string("Competent unit code; default: the first competent, active unit by code."),
        "data": {"type": "object", "description": "Form values by field name (see the procedure's `form`)."},
        "components": array(ref("ComponentInput"), "One per document requirement."),
    }


SCHEMAS["ApplicationRequest"] = obj(application_properties(), required=["procedureCode"], closed=False,
    description="An online application. Online dossiers need an electronic document for every required "
        "requirement, each uploaded by the applicant.")
SCHEMAS["ApplicantInput"] = obj({
    "kind": described(ref("ApplicantKind"), "Default `person`."),
    "identifier": string("12-digit personal identification number (person), or a tax code of 10 or 13 digits, "
        "dashes allowed (business)."),
    "fullName": string("Not blank, at most 200 characters.", pattern=r"\S", maxLength=200),
    "phone": string(),
    "email": string(),
    "address": string(),
}, required=["identifier", "fullName"], closed=False)
SCHEMAS["ApplicantInput"]["if"] = {"properties": {"kind": {"const": "business"}}, "required": ["kind"]}
SCHEMAS["ApplicantInput"]["then"] = {"properties": {"identifier": {"pattern": r"^-*([0-9]-*){10}$|^-*([0-9]-*){13}$"}}}
SCHEMAS["ApplicantInput"]["else"] = {"properties": {"identifier": {"pattern": r"^[0-9]{12}$"}}}
SCHEMAS["CounterApplicationRequest"] = obj({
    **application_properties(),
    "applicant": described(ref("ApplicantInput"), "The person or business applying; matched by identifier."),
    "channel": described(ref("Channel"), "`counter` (default) or `post`; `online` is recorded as `counter`."),
    "assisted": boolean("Filled in by the officer at a digital point for the person. Default false."),
}, required=["procedureCode", "applicant"], closed=False, description="A dossier received at a one-stop counter.")

SCHEMAS["ActionRequest"] = obj({
    "items": array(obj({
        "requirement": string("The requirement concerned, if any."),
        "description": string("What is missing or must be corrected."),
    }, required=["description"], closed=False),
        "request_supplement: everything missing, in one go (required, non-empty).", minItems=1),
    "reason": string("request_supplement, refuse, extend: required (not blank, at most 4000 characters). "
        "withdraw: optional.", **TEXT),
    "redirect": string("refuse: optional, where to go instead."),
    "officerId": string("assign: required, id of a handling officer (specialist) of the competent unit; "
        "otherwise 422 `invalid_field` `officerId`.", **TEXT),
    "note": string("appraise: required. send_to_other_agency, return_from_other_agency: optional.", **TEXT),
    "outcome": described(ref("Outcome"), "submit_for_approval: the draft's outcome, default `granted`."),
    "summary": string("submit_for_approval: required.", **TEXT),
    "unit": string("send_to_other_agency: required, code of an existing unit other than the competent unit.", **TEXT),
    "components": array(ref("ComponentInput"),
        "supplement: optional; replaces components by requirement (documents must be uploaded by the caller)."),
    "data": {"type": "object", "description": "supplement: optional form values, merged into the dossier's data."},
    "amount": integer("assess_fee: required, positive, in đồng.", format="int64", minimum=1, maximum=INT64_MAX),
    "reference": string("assess_fee, pay: required payment reference.", **TEXT),
    "method": described(ref("PaymentMethod"), "pay: default `online`; applicants may only pay `online`."),
    "newDue": described(ref("InstantInput"), "extend: required, after the current appointment."),
    "legalReason": string("stop: required.", **TEXT),
    "comment": string("return_for_rework: required. approve: optional.", **TEXT),
    "resultNumber": string("issue: required.", **TEXT),
    "channel": described(ref("DeliveryChannel"), "deliver: default `electronic`."),
}, closed=False, description=(
    "One body for every action; each action reads the members it needs and answers 422 `invalid_field` "
    "(`details.field`) when a required one is missing or blank. Text members must contain a non-blank character "
    "and be at most 4000 characters. Members an action does not use are ignored. "
    "An empty body is the same as `{}`.\n\n"
    "| action | required | optional |\n| --- | --- | --- |\n"
    "| accept | — | — |\n"
    "| request_supplement | items, reason | — |\n"
    "| refuse | reason | redirect |\n"
    "| assign | officerId | — |\n"
    "| appraise | note | — |\n"
    "| submit_for_approval | summary | outcome |\n"
    "| send_to_other_agency | unit | note |\n"
    "| return_from_other_agency | — | note |\n"
    "| supplement | — | components, data |\n"
    "| assess_fee | amount, reference | — |\n"
    "| pay | reference | method |\n"
    "| extend | newDue, reason | — |\n"
    "| stop | legalReason | — |\n"
    "| approve | — | comment |\n"
    "| issue | resultNumber | — |\n"
    "| return_for_rework | comment | — |\n"
    "| deliver | — | channel |\n"
    "| withdraw | — | reason |"))

SCHEMAS["EventActor"] = obj({
    "id": string("Officer id, applicant id, or `reception-service`."),
    "role": enum(ROLES + ["system"], "The role acted in."),
    "unit": string(),
}, required=["id", "role", "unit"])
SCHEMAS["Event"] = obj({
    "seq": integer(minimum=1),
    "type": ref("EventType"),
    "at": ref("Timestamp"),
    "actor": ref("EventActor"),
    "canonical": string("The RFC 8785 canonical JSON that was hashed and signed, exactly."),
    "hash": string("Hex SHA-256 of `canonical`; the next event's `prev`.", pattern="^[0-9a-f]{64}$"),
    "signature": string("Base64 of the DER-encoded ECDSA P-256 signature.", contentEncoding="base64"),
    "certificateSerial": string("Hex serial of the signer's certificate (`GET /api/v1/certificates/{serial}`)."),
}, required=["seq", "type", "at", "actor", "canonical", "hash", "signature", "certificateSerial"],
    description="A signed event of a dossier's chain.")
SCHEMAS["EventList"] = obj({
    "dossier": string("The dossier's code, or its submission reference before it has one."),
    "events": array(ref("Event")),
}, required=["dossier", "events"])
SCHEMAS["Verification"] = obj({
    "dossier": string(),
    "events": integer("Number of events checked.", minimum=0),
    "valid": boolean("Chain links, signatures, certificate chains and signers all check."),
    "failure": string("The first failure; absent when valid."),
    "lastHash": string("Hash of the last event; absent when there are no events.", pattern="^[0-9a-f]{64}$"),
}, required=["dossier", "events", "valid"])
SCHEMAS["DueDateReport"] = obj({
    "timeLimit": ref("TimeLimit"),
    "receivedAt": ref("Timestamp"),
    "initial": described(ref("DueExplanation"), "How the first appointment was computed; absent before reception."),
    "dueAt": ref("Timestamp"),
    "timelinessDue": ref("Timestamp"),
    "pausedMinutes": integer("Office minutes the clock was paused for supplementation.", minimum=0),
    "extended": boolean(),
    "receptionDue": ref("Timestamp"),
    "timeliness": ref("Timeliness"),
    "steps": array(ref("StepRecord")),
    "explanation": described(ref("LocalizedText"), "The whole explanation as text for people."),
}, required=["timeLimit", "pausedMinutes", "extended", "steps", "explanation"])
SCHEMAS["PublicStatusRequest"] = obj({
    "code": string("Dossier code or submission reference."),
    "secret": string("The secret given when the dossier was created (case-insensitive)."),
}, required=["code", "secret"], closed=False)
SCHEMAS["PublicStatus"] = obj({
    "code": string("The dossier code, or the submission reference before reception."),
    "procedure": described(ref("LocalizedText"), "The procedure's name."),
    "state": ref("DossierState"),
    "stateLabel": ref("LocalizedText"),
    "nationalStatus": integer(minimum=1, maximum=10),
    "submittedAt": ref("Timestamp"),
    "receivedAt": ref("Timestamp"),
    "dueAt": ref("Timestamp"),
    "awaitsApplicant": boolean("The applicant must act (supplement or pay)."),
    "finishedAt": ref("Timestamp"),
}, required=["code", "procedure", "state", "stateLabel", "submittedAt", "awaitsApplicant"],
    description="The minimum public data: no names, identifiers or form data.")

# MARK: - Shared responses, parameters, headers

ERROR_RESPONSES = {
    400: ("BadRequest", "Bad request: `malformed_json` (body is not valid JSON for this endpoint; `details.field` "
        "names the offending member as a dotted path such as `applicant.identifier`, and is empty when the body is "
        "not JSON at all), `invalid_idempotency_key`, `empty_document`, `bad_request`."),
    401: ("Unauthenticated", "`unauthenticated` (login required), `invalid_token` (the bearer token sent, or on a "
        "GET the session cookie, is unknown or expired; answered on every route, public ones included), "
        "`invalid_credentials`."),
    403: ("Forbidden", "`forbidden`, `applicants_only`, `not_assignee`: signed in, but not allowed."),
    404: ("NotFound", "`not_found`; `details.resource` names what (dossier, procedure, unit, document, "
        "certificate, action, route). A dossier the caller may not read is reported as not found."),
    409: ("Conflict", "`illegal_transition` (the action is not allowed in the dossier's state; `details.state` and "
        "`details.action`), `concurrent_update` (someone else changed the dossier at the same time: reload and "
        "retry), `already_extended`."),
    413: ("PayloadTooLarge", "`payload_too_large` (`details.limit` in bytes) or `document_too_large`."),
    415: ("UnsupportedMediaType", "`unsupported_media_type` (a JSON endpoint got a Content-Type that is not "
        "application/json), "
        "`unsupported_document_type`, `content_type_mismatch`."),
    422: ("Unprocessable", "The request is well-formed but its content is refused: `invalid_field` "
        "(`details.field`), `invalid_submission` (`details.problems`), `invalid_procedure`, "
        "`idempotency_key_reused`, `unknown_document`, `not_offered_online`, `no_competent_unit`, "
        "`extension_too_late`."),
    500: ("InternalError", "`internal_error` (or another 5xx code): logged with the request id; retry later."),
}
RESPONSES = {name: {"description": description, "content": json_content(ref("Error"))}
    for name, description in ERROR_RESPONSES.values()}

PARAMETERS = {
    "IdempotencyKey": {
        "name": "Idempotency-Key", "in": "header", "required": False,
        "description": "Makes the request safe to retry: a repeat with the same key (per signed-in principal), "
            "method, path and body replays the first answer byte for byte, with `Idempotent-Replayed: true`, and "
            "changes nothing; the same key with a different request answers 422 `idempotency_key_reused`. "
            "1 to 128 visible ASCII characters (else 400 `invalid_idempotency_key`); a UUID is a good choice.",
        "schema": string(minLength=1, maxLength=128, pattern="^[!-~]+$"),
    },
    "DossierKey": {
        "name": "id", "in": "path", "required": True,
        "description": "The dossier's id, code (`000.00.12.H40-260302-0042`) or submission reference (`S…`). "
            "Used as sent (not percent-decoded).",
        "schema": string(minLength=1),
    },
    "Limit": {
        "name": "limit", "in": "query", "required": False,
        "description": "Page size, clamped to 1…200. Not a (64-bit) integer: 422 `invalid_field` `limit`.",
        "schema": integer(format="int64", minimum=INT64_MIN, maximum=INT64_MAX),
    },
    "Offset": {
        "name": "offset", "in": "query", "required": False,
        "description": "Items to skip, clamped to 0…2147483647 (a negative offset counts as 0). Not a (64-bit) "
            "integer: 422 `invalid_field` `offset`.",
        "schema": integer(format="int64", minimum=INT64_MIN, maximum=INT64_MAX, default=0),
    },
}

HEADERS = {
    "IdempotentReplayed": {
        "description": "`true` when this answer is the replay of an earlier request with the same Idempotency-Key.",
        "required": False,
        "schema": enum(["true"]),
    },
}

REPLAY_HEADERS = {"Idempotent-Replayed": {"$ref": "#/components/headers/IdempotentReplayed"}}


def param(name):
    return {"$ref": f"#/components/parameters/{name}"}


def query(name, schema, description, required=False):
    return {"name": name, "in": "query", "required": required, "description": description, "schema": schema}


def path_param(name, schema, description):
    return {"name": name, "in": "path", "required": True, "description": description, "schema": schema}


DOSSIER_LINKS = {
    "GetDossier": {"operationId": "getDossier", "parameters": {"id": "$response.body#/id"}},
    "ListDossierEvents": {"operationId": "listDossierEvents", "parameters": {"id": "$response.body#/id"}},
    "GetDossierDue": {"operationId": "getDossierDue", "parameters": {"id": "$response.body#/id"}},
    "VerifyDossier": {"operationId": "verifyDossier", "parameters": {"id": "$response.body#/id"}},
}

# MARK: - Operations


def operation(operation_id, tag, summary, description, responses, security=None, parameters=None,
        request_body=None):
    op = {"operationId": operation_id, "tags": [tag], "summary": summary, "description": description}
    if security is not None:
        op["security"] = security
    if parameters:
        op["parameters"] = parameters
    if request_body:
        op["requestBody"] = request_body
    statuses = sorted(responses, key=lambda status: int(status))
    op["responses"] = {str(status): responses[status] for status in statuses}
    return op


UNAUTHENTICATED_PUBLIC = ("Only when an unknown or expired bearer token (or, on a GET, session cookie) is sent: "
    "`invalid_token`.")
UNAUTHENTICATED = ("No token (`unauthenticated`; a session cookie counts only on GET), or an unknown or expired "
    "one (`invalid_token`).")
SERVER_ERROR = "Unexpected failure (`internal_error`)."


def health_operation(operation_id):
    return operation(operation_id, "system", "Health check",
        "Answers 200 when the server and its store respond. Public.",
        {200: ok("Healthy.", ref("Health")), 401: error(401, UNAUTHENTICATED_PUBLIC),
            500: error(500, "The store did not answer.")})


PATHS = {}

PATHS["/livez"] = {"get": operation("getLiveness", "system", "Liveness",
    "Answers `ok` without touching the store: for load balancers. Public.",
    {200: {"description": "The process is up.", "content": {"text/plain": {"schema": enum(["ok"])}}},
        401: error(401, UNAUTHENTICATED_PUBLIC), 500: error(500, SERVER_ERROR)})}
PATHS["/health"] = {"get": health_operation("getHealth")}
PATHS["/metrics"] = {"get": operation("getMetrics", "system", "Prometheus metrics",
    "Request counters by method and status and a latency histogram, in the Prometheus text format 0.0.4. Public.",
    {200: {"description": "Metrics.", "content": {"text/plain": {"schema": string()}}},
        401: error(401, UNAUTHENTICATED_PUBLIC), 500: error(500, SERVER_ERROR)})}
PATHS["/api/v1/health"] = {"get": health_operation("getApiHealth")}
PATHS["/api/v1/openapi.json"] = {"get": operation("getOpenAPIDocument", "system", "This document",
    "The OpenAPI 3.1 description of the API. Public.",
    {200: ok("The document.", {"type": "object"}), 401: error(401, UNAUTHENTICATED_PUBLIC),
        500: error(500, SERVER_ERROR)})}

PATHS["/api/v1/calendar/holidays/{year}"] = {"get": operation("listHolidays", "calendar", "Days off of a year",
    "Public holidays (lunar ones converted), compensatory days and declared extra days off of the instance's "
    "calendar. Public.",
    {200: ok("The year's days off, in date order.", ref("HolidayList")), 401: error(401, UNAUTHENTICATED_PUBLIC),
        422: error(422, "`invalid_field` `year`: not an integer from 1900 to 2199."), 500: error(500, SERVER_ERROR)},
    parameters=[path_param("year", integer(minimum=1900, maximum=2199), "Gregorian year, 1900 to 2199.")])}
PATHS["/api/v1/calendar/due"] = {"get": operation("computeDue", "calendar", "Compute a due moment",
    "The due moment of a time limit started at a given moment, with the days skipped and the reasoning, in the "
    "instance's working calendar. Public.",
    {200: ok("The due moment and how it was reached.", ref("DueExplanation")),
        401: error(401, UNAUTHENTICATED_PUBLIC),
        422: error(422, "`invalid_field`: `limit` (missing or not a time limit) or `from` (missing or not a "
            "moment)."), 500: error(500, SERVER_ERROR)},
    parameters=[
        query("limit", ref("TimeLimitText"), "The time limit, e.g. `5 working_days`, `8 working_hours`, "
            "`30 calendar_days`, `same_day`.", required=True),
        query("from", string(pattern=f"^({LOCAL_MOMENT_PATTERN}|{RFC3339_PATTERN})$",
            examples=["2026-02-13T10:00"]), "The start: an RFC 3339 instant, or a local "
            "`YYYY-MM-DDTHH:MM[:SS]` in the instance's time zone.", required=True),
    ])}
PATHS["/api/v1/certificates/ca.pem"] = {"get": operation("getTrustAnchor", "audit", "Trust anchor",
    "The instance's root CA certificate(s), PEM: the trust anchor for event signatures and audit exports. Public.",
    {200: {"description": "PEM certificates.", "content": {"application/x-pem-file": {"schema": string()}}},
        401: error(401, UNAUTHENTICATED_PUBLIC), 500: error(500, SERVER_ERROR)})}
PATHS["/api/v1/certificates/{serial}"] = {"get": operation("getCertificate", "audit", "A signer's certificate",
    "The certificate with this serial (as in `certificateSerial` of an event), PEM. Public.",
    {200: {"description": "PEM certificate.", "content": {"application/x-pem-file": {"schema": string()}}},
        401: error(401, UNAUTHENTICATED_PUBLIC),
        404: error(404, "No certificate with this serial (or the serial is not 1 to 64 hex digits)."),
        500: error(500, SERVER_ERROR)},
    parameters=[path_param("serial", string(pattern="^[0-9A-Fa-f]{1,64}$"), "Hex serial number.")])}

# --- Auth

PATHS["/api/v1/auth/login"] = {"post": operation("login", "auth", "Log in",
    "Password login for officers and applicants with a local account. Returns a bearer token valid for 8 hours. "
    "Wrong user name, wrong password and a deactivated officer all answer the same 401, in the same time.",
    {200: ok("Logged in.", ref("LoginResponse"), headers={"Set-Cookie": {
            "description": "The same session as the `onegate_session` cookie for the web pages (`HttpOnly; "
                "SameSite=Lax; Path=/` with an `Expires` at the session's end, and `Secure` behind TLS). Under "
                "`/api/` the cookie is taken for GET only.", "required": True,
            "schema": string(pattern=r"^onegate_session=[A-Za-z0-9_-]+(?=.*; ?HttpOnly(;|$))"
                r"(?=.*; ?SameSite=Lax(;|$))(?=.*; ?Path=/(;|$))")}}),
        400: error(400, "`malformed_json`: not a JSON object with string `username` and `password`."),
        401: error(401, "`invalid_credentials`; or `invalid_token` when a bad bearer token was sent as well."),
        413: error(413, "Body over 4096 bytes."),
        415: error(415, "`unsupported_media_type`: a Content-Type other than application/json."),
        500: error(500, SERVER_ERROR)},
    request_body={"required": True, "content": json_content(ref("LoginRequest"), {
        "reception": {"username": "tiepnhan.halong", "password": "demo1234"},
        "citizen": {"username": "congdan1", "password": "demo1234"}})})}
PATHS["/api/v1/auth/logout"] = {"post": operation("logout", "auth", "Log out",
    "Ends the session of the bearer token sent (the session cookie is not taken on a POST). Any signed-in "
    "principal.",
    {204: {"description": "Logged out.", "headers": {"Set-Cookie": {
            "description": "Clears the `onegate_session` cookie (empty value, `Max-Age=0`).", "required": True,
            "schema": string(pattern=r"^onegate_session=(?=;)(?=.*; ?Max-Age=0(;|$))")}}},
        401: error(401, UNAUTHENTICATED), 500: error(500, SERVER_ERROR)},
    security=BEARER)}
PATHS["/api/v1/me"] = {"get": operation("getMe", "auth", "Who am I",
    "The signed-in principal and, for officers, their roles. Any signed-in principal.",
    {200: ok("The principal.", ref("Principal")), 401: error(401, UNAUTHENTICATED), 500: error(500, SERVER_ERROR)},
    security=BEARER)}

# --- Catalogue

PATHS["/api/v1/procedures"] = {"get": operation("searchProcedures", "catalogue", "Search the catalogue",
    "Full-text search (diacritic- and case-insensitive prefix match on code, names and topic) over the current "
    "version of every procedure; without `q`, all procedures by code. Public.",
    {200: ok("A page of procedures.", ref("ProcedurePage")), 401: error(401, UNAUTHENTICATED_PUBLIC),
        422: error(422, "`invalid_field`: `level` not a procedure level, `limit` or `offset` not an integer."),
        500: error(500, SERVER_ERROR)},
    parameters=[
        query("q", string(), "Search words (first 200 characters), separated by spaces (`%20` or `+`)."),
        query("level", ref("ProcedureLevel"), "Only procedures of this level."),
        described(param("Limit"), "Page size, default 20, clamped to 1…200. Not a (64-bit) integer: 422 "
            "`invalid_field` `limit`."),
        param("Offset"),
    ])}
PATHS["/api/v1/procedures/{code}"] = {"get": operation("getProcedure", "catalogue", "A procedure",
    "A procedure at its current version, or at `version`. Public.",
    {200: ok("The procedure.", ref("Procedure")), 401: error(401, UNAUTHENTICATED_PUBLIC),
        404: error(404, "No such procedure (or version)."),
        422: error(422, "`invalid_field` `version`: not a positive integer."), 500: error(500, SERVER_ERROR)},
    parameters=[
        path_param("code", string(minLength=1), "Procedure code, e.g. `1.001193`."),
        query("version", integer(minimum=1, maximum=INT64_MAX), "A past or current version number."),
    ])}
PATHS["/api/v1/catalogue/export"] = {"get": operation("exportCatalogue", "catalogue", "Export the catalogue",
    "The current version of every procedure, by code, in the format `POST /api/v1/catalogue/import` reads. Public.",
    {200: ok("The catalogue.", ref("Catalogue")), 401: error(401, UNAUTHENTICATED_PUBLIC),
        500: error(500, SERVER_ERROR)})}
PATHS["/api/v1/catalogue/import"] = {"post": operation("importCatalogue", "catalogue", "Import the catalogue",
    "Creates new procedures and new versions of changed ones, in one transaction; identical content is left "
    "alone. Roles: `admin` or `unit_admin` held at the root unit (the province).",
    {200: ok("What the import did.", ref("CatalogueImportSummary")),
        400: error(400, "`malformed_json` (`details.field` names the first bad member)."),
        401: error(401, UNAUTHENTICATED),
        403: error(403, "`forbidden`: not an officer with admin or unit_admin at the root unit."),
        413: error(413, "Body over 16 MiB."),
        415: error(415, "`unsupported_media_type`: a Content-Type other than application/json."),
        422: error(422, "`invalid_procedure` (`details.procedure`, `details.field`)."),
        500: error(500, SERVER_ERROR)},
    security=BEARER, request_body={"required": True, "content": json_content(ref("CatalogueImport"))})}
PATHS["/api/v1/units"] = {"get": operation("listUnits", "catalogue", "Units",
    "Every administrative unit, historical ones included, by code. Public.",
    {200: ok("The units.", array(ref("Unit"))), 401: error(401, UNAUTHENTICATED_PUBLIC),
        500: error(500, SERVER_ERROR)})}
PATHS["/api/v1/units/{code}"] = {"get": operation("getUnit", "catalogue", "A unit", "One unit by code. Public.",
    {200: ok("The unit.", ref("Unit")), 401: error(401, UNAUTHENTICATED_PUBLIC), 404: error(404, "No such unit."),
        500: error(500, SERVER_ERROR)},
    parameters=[path_param("code", string(minLength=1), "Unit code, e.g. `000.00.12.H40`.")])}

# --- Documents

UPLOAD_TYPES = ["application/pdf", "image/jpeg", "image/png", "application/octet-stream"]
PATHS["/api/v1/documents"] = {"post": operation("uploadDocument", "documents", "Upload a document",
    "Stores a PDF, JPEG or PNG (at most 20 MiB) by its SHA-256 and records the caller as an owner, so that the "
    "hash can be used in dossier components. The type is detected from the content (PDF: starts with `%PDF-`; "
    "JPEG: bytes FF D8 FF; PNG: the 8-byte PNG signature); a declared Content-Type other than "
    "`application/octet-stream` must match it. Uploading the same bytes again is harmless (200). "
    "Any signed-in principal. No Idempotency-Key is needed: the upload is idempotent by content.",
    {200: ok("The document was already stored; the caller is now an owner too.", ref("UploadedDocument")),
        201: ok("The document was stored.", ref("UploadedDocument"), links={
            "DownloadDocument": {"operationId": "downloadDocument",
                "parameters": {"sha256": "$response.body#/sha256"}}}),
        400: error(400, "`empty_document`."), 401: error(401, UNAUTHENTICATED),
        413: error(413, "Over 20 MiB (`payload_too_large`)."),
        415: error(415, "`unsupported_document_type` (not PDF, JPEG or PNG) or `content_type_mismatch`."),
        500: error(500, SERVER_ERROR)},
    security=BEARER, request_body={"required": True, "description": "The raw bytes of the file.",
        "content": {media: {"schema": string(contentMediaType=media, minLength=1,
            **({"pattern": "^%PDF-"} if media in ("application/pdf", "application/octet-stream")
                else {"format": "binary"}))}
            for media in UPLOAD_TYPES}})}
PATHS["/api/v1/documents/{sha256}"] = {"get": operation("downloadDocument", "documents", "Download a document",
    "The stored bytes. Readable by whoever uploaded them, and by anyone who may read a dossier that references "
    "the document, named with `?dossier=`. Any signed-in principal.",
    {200: {"description": "The document.", "headers": {
            "Cache-Control": {"description": "`private, max-age=3600`.", "schema": string()}},
        "content": {media: {"schema": string(contentMediaType=media)} for media in UPLOAD_TYPES[:3]}},
        401: error(401, UNAUTHENTICATED),
        404: error(404, "Unknown, not readable by the caller, or the dossier named is not readable."),
        500: error(500, SERVER_ERROR)},
    security=BEARER, parameters=[
        path_param("sha256", string(pattern="^[0-9A-Fa-f]{64}$"), "Hex SHA-256 as returned by the upload."),
        query("dossier", string(), "Id, code or reference of a readable dossier whose components reference the "
            "document."),
    ])}

# --- Dossiers

CREATE_ERRORS = {
    400: error(400, "`malformed_json` (not valid JSON for the schema; `details.field` names the member, e.g. "
        "`procedureCode` or `applicant.identifier`), `invalid_idempotency_key`."),
    404: error(404, "No such procedure."),
    409: error(409, "`concurrent_update`: a conflicting write; retry with the same Idempotency-Key."),
    413: error(413, "Body over 1 MiB."),
    415: error(415, "`unsupported_media_type`: a Content-Type other than application/json."),
    500: error(500, SERVER_ERROR),
}
PATHS["/api/v1/dossiers"] = {
    "post": operation("submitDossier", "dossiers", "Submit online",
        "An applicant submits a dossier online. It starts `submitted` and waits for the reception check (8 "
        "working hours). The answer carries the status-lookup `secret`, shown only here. Role: an applicant "
        "(citizen or business account); officers use `POST /api/v1/counter/dossiers`. Send an Idempotency-Key "
        "to retry safely.",
        {201: ok("Submitted.", ref("Dossier"), headers=REPLAY_HEADERS, links=DOSSIER_LINKS), **CREATE_ERRORS,
            401: error(401, UNAUTHENTICATED),
            403: error(403, "`applicants_only`: officers cannot submit online."),
            422: error(422, "`invalid_submission` (`details.problems`: `field:code` entries such as "
                "`birth_date:required` or `documents.birth_notice:required`), `not_offered_online`, "
                "`unknown_document` (a component's document was not uploaded by the applicant), `invalid_field` "
                "(`competentUnit`, `receivingUnit`), `no_competent_unit`, `idempotency_key_reused`.")},
        security=BEARER, parameters=[param("IdempotencyKey")],
        request_body={"required": True, "content": json_content(ref("ApplicationRequest"))}),
    "get": operation("listDossiers", "dossiers", "List dossiers",
        "An applicant sees their own dossiers; an officer sees the dossiers whose receiving or competent unit lies "
        "in the subtrees of their roles. Ordered by what is due next (the appointment, or the reception-check "
        "deadline while `submitted`; earliest first, none last), then newest. Any signed-in principal.",
        {200: ok("A page of dossiers (without `procedure.name`).", ref("DossierPage")),
            401: error(401, UNAUTHENTICATED),
            403: error(403, "`forbidden`: `unit` is outside the officer's units."),
            422: error(422, "`invalid_field` (`details.field`): `state` names an unknown state, `limit` or `offset` "
                "is not an integer, `overdue` is not `true`, `false`, `1` or `0`, or (officers) `assignee` is not "
                "`me`."), 500: error(500, SERVER_ERROR)},
        security=BEARER, parameters=[
            described(param("Limit"), "Page size, default 50, clamped to 1…200. Not a (64-bit) integer: 422 "
                "`invalid_field` `limit`."),
            param("Offset"),
            query("state", string(pattern=f"^,*(({STATE_ALTERNATIVES})(,+({STATE_ALTERNATIVES}))*,*)?$"),
                "Comma-separated states, e.g. `received,in_progress`."),
            query("procedure", string(), "Only this procedure code."),
            query("unit", string(), "Officers: only this unit's subtree (must be within their units, else 403). "
                "Ignored for applicants."),
            query("assignee", enum(["me"]), "Officers: `me` for the dossiers assigned to them; any other value is "
                "refused with 422 `invalid_field` `assignee`. Ignored for applicants."),
            query("overdue", boolean(), "`true` (or `1`): only dossiers whose clock runs (`submitted`, `received`, "
                "`in_progress`, `awaiting_payment`; intersected with `state` when given) and whose appointment (or "
                "reception-check deadline while `submitted`) has passed. `false` (or `0`) or absent: no such "
                "filter. Any other value: 422 `invalid_field` `overdue`."),
        ]),
}
PATHS["/api/v1/counter/dossiers"] = {"post": operation("receiveDossierAtCounter", "dossiers", "Receive at a counter",
    "A reception officer receives a paper, postal or assisted dossier: it is `received` at once, with its code and "
    "appointment. The applicant is found by identifier or created. The answer carries the status-lookup `secret` "
    "to print on the receipt. Role: `reception` at the receiving unit (or `admin` above it). Attached electronic "
    "copies (`components[].document`) must be the officer's own uploads. Everything that can be refused "
    "(authorisation, documents, the form) is checked before anything is written. Send an Idempotency-Key to retry "
    "safely.",
    {201: ok("Received.", ref("Dossier"), headers=REPLAY_HEADERS, links=DOSSIER_LINKS), **CREATE_ERRORS,
        401: error(401, UNAUTHENTICATED),
        403: error(403, "`forbidden`: not an officer, or not reception at the receiving unit (the `receivingUnit` "
            "requested, or the one chosen)."),
        422: error(422, "`invalid_field` (`applicant`, `applicant.fullName`, `applicant.identifier`, "
            "`competentUnit`, `receivingUnit`), `unknown_document` (an attached document is not one the officer "
            "uploaded; `details.requirement`), `invalid_submission`, `no_competent_unit`, "
            "`idempotency_key_reused`.")},
    security=BEARER, parameters=[param("IdempotencyKey")],
    request_body={"required": True, "content": json_content(ref("CounterApplicationRequest"), {
        "birth_registration": {
            "procedureCode": "1.001193", "competentUnit": "000.01.40.H40",
            "applicant": {"kind": "person", "identifier": "022185004321", "fullName": "Trần Thị Bình",
                "phone": "0912345678"},
            "channel": "counter",
            "data": {"child_full_name": "Nguyễn Minh Khang", "child_date_of_birth": "2026-02-28",
                "child_gender": "male", "place_of_birth": "Bệnh viện Sản Nhi Quảng Ninh",
                "mother_personal_id": "022185004321"},
            "components": [{"requirement": "application", "digitised": True},
                {"requirement": "birth_notice", "digitised": True}, {"requirement": "identity", "digitised": True}],
        }})})}
PATHS["/api/v1/dossiers/{id}"] = {"get": operation("getDossier", "dossiers", "A dossier",
    "One dossier, with its procedure's name. Readable by its applicant, by officers of the receiving or competent "
    "unit's subtree (or of the agency it is at) and by auditors there.",
    {200: ok("The dossier.", ref("Dossier")), 401: error(401, UNAUTHENTICATED),
        404: error(404, "No such dossier, or not readable by the caller."), 500: error(500, SERVER_ERROR)},
    security=BEARER, parameters=[param("DossierKey")])}

ACTION_DESCRIPTION = (
    "Performs one lifecycle action. Every action is a signed, chained event. Roles are checked at the unit named "
    "(an `admin` holding a unit above it may always act); an applicant may only `supplement`, `pay` (online) and "
    "`withdraw` their own dossier.\n\n"
    "| action | from | to | who |\n| --- | --- | --- | --- |\n"
    "| accept | submitted | received | reception (receiving unit) |\n"
    "| request_supplement | submitted; in_progress (assigned, appraising, at_other_agency) | supplement_requested "
    "| reception (receiving unit) when submitted; else the assigned specialist (competent unit) |\n"
    "| refuse | submitted, received | refused | reception (receiving unit) |\n"
    "| assign | received; in_progress (assigned, appraising) | in_progress (assigned) | when received: reception "
    "or leader (receiving unit), or leader (competent unit) for the first assignment of a dossier another unit "
    "(e.g. a service centre) received; else leader (competent unit) |\n"
    "| appraise | in_progress (assigned, appraising) | in_progress (appraising) | assigned specialist |\n"
    "| submit_for_approval | in_progress (assigned, appraising) | in_progress (awaiting_approval) | assigned "
    "specialist |\n"
    "| send_to_other_agency | in_progress (assigned, appraising) | in_progress (at_other_agency) | assigned "
    "specialist |\n"
    "| return_from_other_agency | in_progress (at_other_agency) | in_progress (appraising) | specialist of the "
    "other agency |\n"
    "| supplement | supplement_requested | the state before the request | applicant, or reception (receiving "
    "unit) |\n"
    "| assess_fee | in_progress (assigned, appraising) | awaiting_payment | assigned specialist |\n"
    "| pay | awaiting_payment | in_progress | applicant (online), or reception (receiving unit) |\n"
    "| extend | in_progress (any step but awaiting_issue) | unchanged | leader (competent unit); once |\n"
    "| stop | in_progress (any step but awaiting_issue) | stopped | leader (competent unit) |\n"
    "| approve | in_progress (awaiting_approval) | in_progress (awaiting_issue) | leader (competent unit) |\n"
    "| return_for_rework | in_progress (awaiting_approval) | in_progress (appraising) | leader (competent unit) |\n"
    "| issue | in_progress (awaiting_issue) | processed | clerk (competent unit) |\n"
    "| deliver | processed | returned | reception (receiving unit) or clerk (competent unit) |\n"
    "| withdraw | submitted, received, supplement_requested, awaiting_payment, in_progress | withdrawn | "
    "applicant, or reception (receiving unit) |\n\n"
    "See `ActionRequest` for the body members each action needs. Send an Idempotency-Key to retry safely.")
PATHS["/api/v1/dossiers/{id}/actions/{action}"] = {"post": operation("performAction", "dossiers",
    "Perform a lifecycle action", ACTION_DESCRIPTION,
    {200: ok("The dossier after the action (without `procedure.name`).", ref("Dossier"), headers=REPLAY_HEADERS,
            links=DOSSIER_LINKS),
        400: error(400, "`malformed_json` (a member of the wrong type, e.g. `newDue` not an RFC 3339 instant; "
            "`details.field` names it), `invalid_idempotency_key`."),
        401: error(401, UNAUTHENTICATED),
        403: error(403, "`forbidden` (the caller's roles do not allow this action on this dossier), `not_assignee` "
            "(the dossier is assigned to another specialist)."),
        404: error(404, "No such dossier (or not readable by the caller), or an unknown action."),
        409: error(409, "`illegal_transition`, `already_extended`, `concurrent_update`."),
        413: error(413, "Body over 1 MiB."),
        415: error(415, "`unsupported_media_type`: a Content-Type other than application/json (even with an "
            "empty body)."),
        422: error(422, "`invalid_field` (a required member missing or blank, `officerId` not a specialist of the "
            "competent unit, an unknown `unit`, `amount` not positive, `newDue` not after the current "
            "appointment), `extension_too_late`, `invalid_submission` (supplement), `unknown_document`, "
            "`idempotency_key_reused`."),
        500: error(500, SERVER_ERROR)},
    security=BEARER,
    parameters=[param("DossierKey"), path_param("action", ref("ActionName"), "The action."),
        param("IdempotencyKey")],
    request_body={"required": False, "content": json_content(ref("ActionRequest"), {
        "accept": {},
        "request_supplement": {"items": [{"requirement": "birth_notice", "description": "The birth notice is "
            "missing."}], "reason": "Incomplete dossier."},
        "assign": {"officerId": "officer-chuyenvien.halong"},
        "extend": {"newDue": "2026-03-20T10:00:00.000Z", "reason": "Verification with another agency."},
        "deliver": {"channel": "electronic"},
        "issue": {"resultNumber": "125/2026/KS"},
    })})}
PATHS["/api/v1/dossiers/{id}/events"] = {"get": operation("listDossierEvents", "audit", "Signed events",
    "The dossier's signed event chain, in order, with canonical bytes, hashes and signatures. Same readers as the "
    "dossier.",
    {200: ok("The events.", ref("EventList")), 401: error(401, UNAUTHENTICATED),
        404: error(404, "No such dossier, or not readable by the caller."), 500: error(500, SERVER_ERROR)},
    security=BEARER, parameters=[param("DossierKey")])}
PATHS["/api/v1/dossiers/{id}/due"] = {"get": operation("getDossierDue", "dossiers", "Due-date explanation",
    "How the appointment was computed, what moved it (pauses, an extension) and how each step did against its "
    "allotted time. Same readers as the dossier.",
    {200: ok("The explanation.", ref("DueDateReport")), 401: error(401, UNAUTHENTICATED),
        404: error(404, "No such dossier, or not readable by the caller."), 500: error(500, SERVER_ERROR)},
    security=BEARER, parameters=[param("DossierKey")])}
PATHS["/api/v1/dossiers/{id}/verify"] = {"get": operation("verifyDossier", "audit", "Verify the event chain",
    "Checks every event: chain link, signature, certificate chain to the trust anchor at the signing time, and "
    "that the certificate belongs to the recorded actor. Same readers as the dossier.",
    {200: ok("The verification result (a failed check is still 200, with `valid: false`).", ref("Verification")),
        401: error(401, UNAUTHENTICATED), 404: error(404, "No such dossier, or not readable by the caller."),
        500: error(500, SERVER_ERROR)},
    security=BEARER, parameters=[param("DossierKey")])}
PATHS["/api/v1/dossiers/{id}/audit-export"] = {"get": operation("exportDossierAudit", "audit", "Audit export (ZIP)",
    "The dossier's events as a ZIP that OpenSSL can verify without OneGate: `manifest.json`, `ca.pem`, and for "
    "each event `events/NNNN.json` (canonical bytes), `.sig` (DER signature) and `.pem` (signer's certificate). "
    "The same bytes for the same chain. Same readers as the dossier (applicant, officers of its units, auditors).",
    {200: {"description": "The ZIP archive.", "headers": {"Content-Disposition": {
            "description": "`attachment; filename=\"audit-<dossier code>.zip\"`.", "schema": string()}},
        "content": {"application/zip": {"schema": string(contentMediaType="application/zip")}}},
        401: error(401, UNAUTHENTICATED), 404: error(404, "No such dossier, or not readable by the caller."),
        500: error(500, "`missing_certificate` or another failure.")},
    security=BEARER, parameters=[param("DossierKey")])}

PATHS["/api/v1/public/status"] = {"post": operation("lookupPublicStatus", "public", "Public status lookup",
    "Anyone holding a dossier's code (or submission reference) and its secret sees its status, without logging in. "
    "POST so that the secret never appears in a URL or a log. A wrong code and a wrong secret give the same 404.",
    {200: ok("The status.", ref("PublicStatus")),
        400: error(400, "`malformed_json`: not a JSON object with string `code` and `secret`."),
        401: error(401, UNAUTHENTICATED_PUBLIC),
        404: error(404, "Unknown code, or wrong secret."),
        413: error(413, "Body over 4096 bytes."),
        415: error(415, "`unsupported_media_type`: a Content-Type other than application/json."),
        500: error(500, SERVER_ERROR)},
    request_body={"required": True, "content": json_content(ref("PublicStatusRequest"), {
        "lookup": {"code": "000.01.40.H40-260302-0042", "secret": "K7QW3ZP9XM"}})})}

# --- Results and the transparency log

HEX64 = string(pattern="^[0-9a-f]{64}$")
SCHEMAS["Result"] = obj({
    "dossierCode": string("The dossier's code."), "number": string("The result's number."),
    "unit": string("The issuing unit's code."), "granted": boolean("A grant (true) or a reasoned refusal."),
    "digitised": boolean("A scanned paper result, never a native electronic one."),
    "issuedAt": string(format="date-time"), "validUntil": string(format="date-time"),
    "status": enum(["valid", "revoked", "superseded"]), "revokedAt": string(format="date-time"),
    "revocationReason": string(), "supersededBy": string(), "document": described(HEX64, "SHA-256 of the PDF."),
    "logIndex": integer(minimum=0), "revocationLogIndex": integer(minimum=0)},
    required=("dossierCode", "number", "unit", "granted", "digitised", "issuedAt", "status", "document"),
    description="An issued result, without personal data.")
SCHEMAS["ResultVerification"] = obj({
    "verdict": enum(["authentic", "not_authentic", "not_found"]),
    "reasons": array(enum(["modified_after_signing", "signature_invalid", "not_issued_here", "leader_revision_only",
        "no_signature", "not_in_log", "document_missing"])),
    "standing": enum(["valid", "revoked", "superseded", "expired"]),
    "result": ref("Result"),
    "signatures": array(obj({
        "signer": string("The name in the signer's certificate."),
        "kind": enum(["personal", "seal", "platform", "unknown"]),
        "signedAt": string(format="date-time"), "valid": boolean(),
        "coversWholeFile": boolean("No change was made to the file after this signature."),
        "problem": enum(["digest_mismatch", "bad_signature", "untrusted", "certificate_expired",
            "certificate_revoked", "unreadable"])},
        required=("signer", "kind", "valid", "coversWholeFile"))),
    "includedInLog": boolean("The result's entry is in the current signed tree head (inclusion proof checked)."),
    "treeSize": integer(minimum=0), "rootHash": HEX64, "instance": string()},
    required=("verdict", "reasons", "signatures", "instance"),
    description="What the public verification says about a result or an uploaded PDF.")
SCHEMAS["TreeHead"] = obj({
    "treeSize": integer(minimum=0), "rootHash": HEX64, "timestamp": string(format="date-time"),
    "signed": string("Base64 of the RFC 8785 JSON that was signed (instance, treeSize, rootHash, timestamp).",
        contentEncoding="base64"),
    "signature": string("Base64 of the DER ECDSA P-256 signature over `signed`.", contentEncoding="base64"),
    "certificate": string("The signer's certificate (the reception service seal), PEM.")},
    required=("treeSize", "rootHash", "timestamp", "signed", "signature", "certificate"),
    description="A signed tree head of the transparency log.")
SCHEMAS["TreeHeadList"] = obj({"items": array(ref("TreeHead")), "limit": integer(minimum=1),
    "offset": integer(minimum=0)}, required=("items", "limit", "offset"))
SCHEMAS["LogEntry"] = obj({
    "index": integer(minimum=0), "leafHash": described(HEX64, "SHA-256(0x00 ‖ entry) (RFC 6962)."),
    "entry": string("Base64 of the entry's canonical JSON bytes.", contentEncoding="base64"),
    "entryJSON": {"type": "object", "description": "The same entry, parsed."}, "at": string(format="date-time")},
    required=("index", "leafHash", "entry", "at"), description="One leaf of the transparency log.")
SCHEMAS["InclusionProof"] = obj({"index": integer(minimum=0), "treeSize": integer(minimum=1), "leafHash": HEX64,
    "auditPath": array(HEX64)}, required=("index", "treeSize", "leafHash", "auditPath"),
    description="RFC 6962 audit path, from the leaf's sibling up.")
SCHEMAS["ConsistencyProof"] = obj({"fromSize": integer(minimum=1), "toSize": integer(minimum=1),
    "fromRoot": HEX64, "toRoot": HEX64, "proof": array(HEX64)},
    required=("fromSize", "toSize", "fromRoot", "toRoot", "proof"), description="RFC 6962 consistency proof.")

PATHS["/api/v1/results/verify"] = {
    "get": operation("verifyResultByCode", "results", "Verify a result by its code and number",
        "The QR code's link leads here through the web page: authentic or not and why, who signed and when, whether "
        "the result still stands (revoked, superseded, expired) and whether the transparency log includes it. No "
        "personal data. Public.",
        {200: ok("The verification.", ref("ResultVerification")), 401: error(401, UNAUTHENTICATED_PUBLIC),
            404: {"description": "No result with this number for this dossier code (`verdict: not_found`).",
                "content": json_content(ref("ResultVerification"))},
            422: error(422, "`invalid_field`: `code` or `number` missing or over 60 characters."),
            500: error(500, SERVER_ERROR)},
        parameters=[query("code", string(maxLength=60), "The dossier code.", required=True),
            query("number", string(maxLength=60), "The result's number.", required=True)]),
    "post": operation("verifyResultUpload", "results", "Verify an uploaded PDF",
        "The PDF as the body: matched against every result issued by its SHA-256, and each of its signatures "
        "checked (byte ranges, message digest, signature, chain to the instance CA, revocation at the signing "
        "time). A one-byte change makes it `not_authentic` with `modified_after_signing`. Public.",
        {200: ok("The verification.", ref("ResultVerification")), 401: error(401, UNAUTHENTICATED_PUBLIC),
            413: error(413, "Over the document size limit."),
            415: error(415, "`not_a_pdf`: the body does not start with `%PDF-`."), 500: error(500, SERVER_ERROR)},
        request_body={"required": True, "content": {"application/pdf": {"schema": string(
            contentMediaType="application/pdf")}}}),
}
for suffix, operation_id, summary, media, what in (
        ("result.pdf", "getResultPDF", "The result's signed PDF", "application/pdf",
            "The final PDF: the leader's signature, then the unit's seal with the number (PAdES B-B, incremental)."),
        ("result.p7s", "getResultSignature", "The result's detached signature", "application/pkcs7-signature",
            "The unit's detached CMS signature over the whole PDF: `openssl cms -verify -binary -inform DER -in "
            "result.p7s -content result.pdf -CAfile ca.pem`.")):
    PATHS[f"/api/v1/dossiers/{{id}}/{suffix}"] = {"get": operation(operation_id, "results", summary,
        what + " Same readers as the dossier.",
        {200: {"description": "The file.", "headers": {"Content-Disposition": {
                "description": "`attachment`, with an ASCII file name.", "schema": string()}},
            "content": {media: {"schema": string(contentMediaType=media)}}},
            401: error(401, UNAUTHENTICATED), 404: error(404, "No such dossier or result, or not readable."),
            500: error(500, SERVER_ERROR)},
        security=BEARER, parameters=[param("DossierKey")])}
PATHS["/api/v1/dossiers/{id}/result/revoke"] = {"post": operation("revokeResult", "results", "Revoke a result",
    "A leader of the competent unit revokes the result (or marks it superseded by `supersededBy`), with a reason. "
    "The revocation is appended to the transparency log in the same transaction.",
    {200: ok("The result, revoked.", ref("Result")), 400: error(400, "`malformed_json`."),
        401: error(401, UNAUTHENTICATED), 403: error(403, "Not a leader of the competent unit."),
        404: error(404, "No such dossier or result."),
        409: error(409, "`result_already_revoked`."), 415: error(415, "Not application/json."),
        422: error(422, "`invalid_field`: no reason, or over 2000 characters."), 500: error(500, SERVER_ERROR)},
    security=BEARER, parameters=[param("DossierKey")],
    request_body={"required": True, "content": json_content(obj({"reason": string(maxLength=2000),
        "supersededBy": string(maxLength=60)}, required=("reason",), closed=False))})}
PATHS["/api/v1/dossiers/{id}/result/digitised"] = {"post": operation("recordDigitisedResult", "results",
    "Record a scanned paper result",
    "An officer (clerk, reception or leader) of the competent unit uploads the scan (PDF body) of a result issued "
    "on paper; it is stored as a digitised copy signed by that officer (detached CMS), flagged as such, and "
    "appended to the transparency log.",
    {201: ok("The digitised result.", ref("Result")), 400: error(400, "`empty_document`: no body."),
        401: error(401, UNAUTHENTICATED),
        403: error(403, "Not an officer of the competent unit."), 404: error(404, "No such dossier."),
        409: error(409, "`result_not_issued`, `result_exists`."), 413: error(413, "Over the size limit."),
        415: error(415, "`not_a_pdf`, `unsupported_document_type`."),
        422: error(422, "`invalid_field`: `number` missing or not the dossier's result number."),
        500: error(500, SERVER_ERROR)},
    security=BEARER, parameters=[param("DossierKey"),
        query("number", string(maxLength=60), "The number of the paper result.", required=True)],
    request_body={"required": True, "content": {"application/pdf": {"schema": string(
        contentMediaType="application/pdf")}}})}
PATHS["/api/v1/transparency/head"] = {"get": operation("getTreeHead", "results", "Current signed tree head",
    "The transparency log's size and RFC 6962 root, signed by the instance (a new head is signed when the log has "
    "grown). Public.",
    {200: ok("The head.", ref("TreeHead")), 401: error(401, UNAUTHENTICATED_PUBLIC), 500: error(500, SERVER_ERROR)})}
PATHS["/api/v1/transparency/heads"] = {"get": operation("listTreeHeads", "results", "Signed tree heads",
    "Every signed tree head, newest first, for auditors to check consistency between any two. Public.",
    {200: ok("The heads.", ref("TreeHeadList")), 401: error(401, UNAUTHENTICATED_PUBLIC),
        422: error(422, "`invalid_field`: `limit` or `offset` not an integer."), 500: error(500, SERVER_ERROR)},
    parameters=[query("limit", integer(minimum=1, maximum=200), "At most this many (default 50)."),
        query("offset", integer(minimum=0), "Skip this many.")])}
PATHS["/api/v1/transparency/entries/{index}"] = {"get": operation("getLogEntry", "results", "One log entry",
    "The entry at `index` (0-based) and its leaf hash. Public.",
    {200: ok("The entry.", ref("LogEntry")), 401: error(401, UNAUTHENTICATED_PUBLIC),
        404: error(404, "No entry at this index."), 422: error(422, "`invalid_field`: not a non-negative integer."),
        500: error(500, SERVER_ERROR)},
    parameters=[path_param("index", string(pattern="^[0-9]{1,9}$"), "0-based index.")])}
PATHS["/api/v1/transparency/proofs/inclusion"] = {"get": operation("getInclusionProof", "results",
    "Inclusion proof", "RFC 6962 PATH of the leaf at `index` in the tree of `size` leaves. Public.",
    {200: ok("The proof.", ref("InclusionProof")), 401: error(401, UNAUTHENTICATED_PUBLIC),
        422: error(422, "`invalid_field`: missing, not an integer, `index` ≥ `size`, or `size` over the log."),
        500: error(500, SERVER_ERROR)},
    parameters=[query("index", integer(minimum=0), "The leaf.", required=True),
        query("size", integer(minimum=1), "The tree size (that of a signed head).", required=True)])}
PATHS["/api/v1/transparency/proofs/consistency"] = {"get": operation("getConsistencyProof", "results",
    "Consistency proof", "RFC 6962 PROOF that the tree of `to` leaves extends the tree of `from` leaves. Public.",
    {200: ok("The proof.", ref("ConsistencyProof")), 401: error(401, UNAUTHENTICATED_PUBLIC),
        422: error(422, "`invalid_field`: missing, not an integer, `from` > `to`, or `to` over the log."),
        500: error(500, SERVER_ERROR)},
    parameters=[query("from", integer(minimum=1), "The older size.", required=True),
        query("to", integer(minimum=1), "The newer size.", required=True)])}

# --- The data-sharing API (other agencies' systems)

SHARING_SCOPES = {"results.read": "Issued results: their metadata and signed PDF.",
    "documents.read": "Documents in a person's vault."}
SCHEMAS["SharingTokenRequest"] = obj({
    "grant_type": enum(["client_credentials"]),
    "scope": string("Space-separated scopes, a subset of the client's (default: all of them).",
        examples=["results.read"]),
    "client_id": string("The client's id, when it does not authenticate with HTTP Basic."),
    "client_secret": string("The client's secret, when it does not authenticate with HTTP Basic."),
}, required=("grant_type",), closed=False, description="RFC 6749 §4.4.2, `application/x-www-form-urlencoded`.")
SCHEMAS["SharingToken"] = obj({
    "access_token": string("A JWT (HS256), sent back as `Authorization: Bearer <token>`."),
    "token_type": enum(["Bearer"]),
    "expires_in": integer("Seconds the token is valid: 600.", minimum=1),
    "scope": string("The scopes granted, space-separated."),
}, required=("access_token", "token_type", "expires_in", "scope"), description="RFC 6749 §5.1.")
SCHEMAS["OAuthError"] = obj({
    "error": enum(["invalid_request", "invalid_client", "invalid_scope", "unsupported_grant_type"]),
    "error_description": string("What went wrong, in English."),
}, required=("error", "error_description"), description="An error of the token endpoint (RFC 6749 §5.2).")


def oauth_error(description, www_authenticate=False):
    response = {"description": description, "content": json_content(ref("OAuthError"))}
    if www_authenticate:
        response["headers"] = {"WWW-Authenticate": {"description": "`Basic realm=\"OneGate data sharing\"`.",
            "schema": string()}}
    return response


SHARING_CHALLENGE = {"WWW-Authenticate": {"description": "The RFC 6750 challenge: `Bearer realm=\"OneGate data "
    "sharing\"`, with `error=\"invalid_token\"` or `error=\"insufficient_scope\", scope=\"…\"`.", "schema": string()}}


def sharing_error(status, description):
    """An error answer (the usual shape) with the RFC 6750 challenge header."""
    return {"description": description, "headers": SHARING_CHALLENGE, "content": json_content(ref("Error"))}


LEGAL_BASIS = {"name": "X-Legal-Basis", "in": "header", "required": True,
    "description": "The legal basis of the read, recorded in the person's access log and shown to them: 10 to 500 "
        "characters, UTF-8; percent-encoding is decoded (send `%` as `%25`), for HTTP libraries that send only "
        "ASCII headers. E.g. `Điều 5 Nghị định 47/2020/NĐ-CP`.",
    "schema": string(minLength=10, maxLength=500, pattern=r"\S")}
SHARING_AUTH = ("Needs an access token of `POST /api/v1/sharing/token` with the scope `{scope}` (session tokens "
    "and cookies do not count here) and the `X-Legal-Basis` header. Before answering, the read is appended to the "
    "person's access log (who: the client's agency; what: {what}; why: the legal basis); a read that cannot be "
    "logged fails. A refusal (401, 403, 404, 422) logs nothing.")
SHARING_READ_ERRORS = {
    401: sharing_error(401, "No token (`unauthenticated`), or one that is not a valid, unexpired data-sharing "
        "access token of this instance (`invalid_token`)."),
    403: sharing_error(403, "`insufficient_scope`: the token does not carry the scope (`details.scope`)."),
    422: error(422, "`legal_basis_required`: `X-Legal-Basis` missing, under 10 or over 500 characters, or with "
        "control characters; `invalid_field`: a query parameter missing or too long."),
    500: error(500, SERVER_ERROR),
}
RESULT_REFERENCE = [query("code", string(maxLength=60), "The dossier code.", required=True),
    query("number", string(maxLength=60), "The result's number (e.g. `15/KS`; encode the slash or not, as in any "
        "query string).", required=True), LEGAL_BASIS]

PATHS["/api/v1/sharing/token"] = {"post": operation("getSharingToken", "sharing", "Access token (client credentials)",
    "OAuth 2.0 client credentials grant (RFC 6749 §4.4) for other agencies' systems registered with `onegate "
    "sharing-client add`. The client authenticates with HTTP Basic (`client_secret_basic`) or `client_id` and "
    "`client_secret` in the form (`client_secret_post`), not both. The token is valid 10 minutes on every server of "
    "the instance. Errors are RFC 6749 §5.2 JSON (not the API's usual error shape).",
    {200: {**ok("The token.", ref("SharingToken")), "headers": {
            "Cache-Control": {"description": "`no-store`.", "schema": string()}}},
        400: oauth_error("`invalid_request` (not a form, over 16 KiB, a repeated parameter, `grant_type` missing, "
            "two authentication methods), `unsupported_grant_type`, `invalid_scope` (a scope the client does not "
            "have)."),
        401: oauth_error("`invalid_client`: unknown client, wrong secret, or no client authentication.",
            www_authenticate=True),
        500: error(500, SERVER_ERROR)},
    security=[{"sharingClient": []}, {}],
    request_body={"required": True, "content": {"application/x-www-form-urlencoded": {
        "schema": ref("SharingTokenRequest")}}})}
PATHS["/api/v1/sharing/results"] = {"get": operation("getSharedResult", "sharing", "An issued result's metadata",
    "The result issued for the dossier `code` with the number `number`: what the public verification shows of it "
    "(no personal data), including whether it still stands. "
    + SHARING_AUTH.format(scope="results.read", what="`<code> <number>`"),
    {200: ok("The result.", ref("Result")), **SHARING_READ_ERRORS,
        404: error(404, "No result with this number for this dossier code.")},
    security=[{"sharing": ["results.read"]}], parameters=RESULT_REFERENCE)}
PATHS["/api/v1/sharing/results/pdf"] = {"get": operation("getSharedResultPDF", "sharing", "An issued result's PDF",
    "The result's signed PDF (the leader's signature and the unit's seal), byte for byte what the applicant got. "
    + SHARING_AUTH.format(scope="results.read", what="`<code> <number>`"),
    {200: {"description": "The PDF.", "headers": {"Content-Disposition": {
            "description": "`attachment`, with an ASCII file name.", "schema": string()}},
        "content": {"application/pdf": {"schema": string(contentMediaType="application/pdf")}}},
        **SHARING_READ_ERRORS, 404: error(404, "No result with this number for this dossier code.")},
    security=[{"sharing": ["results.read"]}], parameters=RESULT_REFERENCE)}
PATHS["/api/v1/sharing/documents/{sha256}"] = {"get": operation("getSharedDocument", "sharing",
    "A document of a person's vault",
    "The document with this SHA-256 if the person with the personal identifier (or tax code) `subject` has it in "
    "their vault: uploaded by them, or a result issued to them. "
    + SHARING_AUTH.format(scope="documents.read", what="the document's hash"),
    {200: {"description": "The document.",
        "content": {media: {"schema": string(contentMediaType=media)} for media in UPLOAD_TYPES[:3]}},
        **SHARING_READ_ERRORS,
        404: error(404, "No such document in this person's vault, no such person, or not a SHA-256.")},
    security=[{"sharing": ["documents.read"]}],
    parameters=[path_param("sha256", string(pattern="^[0-9A-Fa-f]{64}$"), "Hex SHA-256 of the document."),
        query("subject", string(minLength=1, maxLength=20), "The personal identifier (12 digits) or tax code of "
            "the document's owner.", required=True), LEGAL_BASIS])}

# --- Indicators

INDICATOR_IDS = ["procedures_online", "procedures_full_online", "dossiers_full_online", "dossiers_online",
    "processed_fully_electronic", "digitised_at_reception", "results_electronic", "on_time", "early", "late",
    "late_apologised", "paid_online", "reused_data", "satisfaction", "score_766"]
DRILLABLE_IDS = [name for name in INDICATOR_IDS
    if name not in ("procedures_online", "procedures_full_online", "score_766")]
YEAR_PATTERN = "(19[0-9]{2}|2[01][0-9]{2})"
MONTH_PATTERN = f"{YEAR_PATTERN}-(0[1-9]|1[0-2])"
SCHEMAS["IndicatorId"] = enum(INDICATOR_IDS, "An indicator of docs/indicators.md.")
SCHEMAS["IndicatorUnit"] = obj({"code": string("Unit code."), "name": ref("LocalizedText")},
    required=["code", "name"])
SCHEMAS["IndicatorPeriod"] = obj({
    "key": string("The period as asked: `2026-03`, `2026-Q1` or `2026`."),
    "from": ref("LocalDate"), "to": ref("LocalDate"),
    "months": array(string(pattern=f"^{MONTH_PATTERN}$"), "The months covered (`YYYY-MM`)."),
}, required=["key", "from", "to", "months"], description="A period resolved to whole months.")
SCHEMAS["IndicatorTarget"] = obj({
    "value": {"type": "number", "minimum": 0, "maximum": 1, "description": "The share to reach."},
    "origin": enum(["national", "unit"], "The national template of the unit's category, or set on a unit."),
    "category": enum(["locality", "ministry_or_branch"], "For `national`: the template's category."),
    "unit": string("For `unit`: the unit it was set on (this one or an ancestor)."),
}, required=["value", "origin"])
SCHEMAS["IndicatorFigure"] = obj({
    "id": ref("IndicatorId"), "label": ref("LocalizedText"),
    "numerator": integer(minimum=0), "denominator": integer(minimum=0),
    "value": {"type": "number", "description": "numerator ÷ denominator, 0 to 1; absent when the denominator is 0."},
    "target": ref("IndicatorTarget"),
    "gap": {"type": "number", "description": "value − target (negative when below); absent without a value."},
    "status": enum(["met", "close", "behind", "no_data"], "Against the target: met; close (at most 10 points "
        "below); behind; no data."),
}, required=["id", "label", "numerator", "denominator"], description="One figure with its parts.")
SCHEMAS["IndicatorTimeliness"] = obj({name: integer(minimum=0) for name in ["received", "withdrawn", "early",
    "finishedOnTime", "finishedLate", "open", "openPastDue", "lateApologised"]},
    required=["received", "withdrawn", "early", "finishedOnTime", "finishedLate", "open", "openPastDue",
        "lateApologised"], description="The dossiers received in the period, by timeliness at the reference instant.")
NUMBER = {"type": "number"}
SCHEMAS["ScoreComponent"] = obj({
    "id": string(), "label": ref("LocalizedText"), "maximum": NUMBER, "formula": string(),
    "computable": boolean(), "share": NUMBER, "points": NUMBER, "note": string(),
}, required=["id", "label", "maximum", "formula", "computable"])
SCHEMAS["ScoreGroup"] = obj({
    "group": enum(["publicity", "progress", "online", "payment", "digitisation", "satisfaction"]),
    "label": ref("LocalizedText"), "maximum": NUMBER, "points": NUMBER, "scoredMaximum": NUMBER,
    "components": array(ref("ScoreComponent")),
}, required=["group", "label", "maximum", "points", "scoredMaximum", "components"])
SCHEMAS["Score766"] = obj({
    "points": NUMBER, "maximum": NUMBER, "computableMaximum": NUMBER, "scoredMaximum": NUMBER,
    "groups": array(ref("ScoreGroup")),
}, required=["points", "maximum", "computableMaximum", "scoredMaximum", "groups"],
    description="The Decision 766 service index, as far as one instance's data computes it.")
SCHEMAS["IndicatorReport"] = obj({
    "unit": ref("IndicatorUnit"), "period": ref("IndicatorPeriod"),
    "asOf": described(ref("Timestamp"), "When \"open and not past due\" was judged: the period's end, or now."),
    "indicators": array(ref("IndicatorFigure")), "timeliness": ref("IndicatorTimeliness"),
    "reception": array(ref("IndicatorFigure"), "The reception indicators by receiving unit."),
    "score": ref("Score766"),
}, required=["unit", "period", "asOf", "indicators", "timeliness", "reception", "score"])
SCHEMAS["IndicatorChildren"] = obj({
    "unit": ref("IndicatorUnit"), "period": ref("IndicatorPeriod"),
    "children": array(obj({"unit": ref("IndicatorUnit"), "indicators": array(ref("IndicatorFigure")),
        "score": NUMBER}, required=["unit", "indicators", "score"])),
}, required=["unit", "period", "children"])
SCHEMAS["IndicatorProcedures"] = obj({
    "unit": ref("IndicatorUnit"), "period": ref("IndicatorPeriod"),
    "procedures": array(obj({"code": string(), "name": ref("LocalizedText"),
        "indicators": array(ref("IndicatorFigure"))}, required=["code", "indicators"])),
}, required=["unit", "period", "procedures"])
SCHEMAS["IndicatorSeries"] = obj({
    "unit": ref("IndicatorUnit"), "from": string(), "to": string(),
    "months": array(obj({"month": string(pattern=f"^{MONTH_PATTERN}$"),
        "indicators": array(ref("IndicatorFigure"))}, required=["month", "indicators"])),
}, required=["unit", "from", "to", "months"])
SCHEMAS["IndicatorDossier"] = obj({
    "id": string(), "code": string("The dossier's code (or submission reference)."), "procedureCode": string(),
    "procedureName": ref("LocalizedText"), "competentUnit": string(), "receivingUnit": string(),
    "state": enum(DOSSIER_STATES), "receivedAt": ref("Timestamp"), "dueAt": ref("Timestamp"),
    "finishedAt": ref("Timestamp"), "timeliness": enum(["early", "on_time", "late"]),
}, required=["id", "code", "procedureCode", "competentUnit", "receivingUnit", "state"],
    description="A dossier behind a figure: no personal data.")
SCHEMAS["IndicatorDossiers"] = obj({
    "unit": ref("IndicatorUnit"), "period": ref("IndicatorPeriod"), "indicator": ref("IndicatorId"),
    "part": enum(["numerator", "denominator"]), "procedure": string(),
    "total": integer(minimum=0), "limit": integer(minimum=1), "offset": integer(minimum=0),
    "items": array(ref("IndicatorDossier")),
}, required=["unit", "period", "indicator", "part", "total", "limit", "offset", "items"])

INDICATOR_UNIT = query("unit", string(pattern=r"^[0-9A-Za-z.]{1,40}$", examples=["000.01.40.H40"]),
    "Unit code; the figures cover it and its whole subtree. Default: the caller's highest role unit.")
INDICATOR_PERIOD = query("period", string(pattern=f"^{YEAR_PATTERN}(-(0[1-9]|1[0-2]|Q[1-4]))?$",
    examples=["2026-03", "2026-Q1", "2026"]), "A month `YYYY-MM`, a quarter `YYYY-Qn` or a year `YYYY` "
    "(1900 to 2199), in the instance's time zone. Default: this month.")
INDICATOR_FORMAT = query("format", enum(["json", "csv"]), "`csv`: the same table as CSV (RFC 4180, UTF-8 with a "
    "byte order mark, CRLF, a header row, one row per figure). Default `json`.")
INDICATOR_LANG = query("lang", enum(["vi", "en"]), "Language of the names in CSV. Default `vi`.")
INDICATOR_AUTH = ("Officers (any role but citizen) read the units within the subtrees of their roles; a role at the "
    "province covers every unit. The session cookie is accepted (GET).")


def indicator_operation(operation_id, summary, description, schema, extra=(), unprocessable=""):
    csv = {"description": "The table as CSV (`format=csv`).", "headers": {"Content-Disposition": {
        "description": "`attachment; filename=\"….csv\"`.", "schema": string()}},
        "content": {"text/csv": {"schema": string()}}}
    response = ok("The figures (JSON), or the table as CSV with `format=csv`.", ref(schema))
    response["content"].update(csv["content"])
    response["headers"] = csv["headers"]
    return {"get": operation(operation_id, "indicators", summary, description + " " + INDICATOR_AUTH,
        {200: response, 401: error(401, UNAUTHENTICATED),
            403: error(403, "`forbidden`: a citizen or applicant, or an officer whose roles do not cover the unit."),
            404: error(404, "`not_found` `unit`: no such unit."),
            422: error(422, "`invalid_field`: `period`, `format`, `lang`" + unprocessable + "."),
            500: error(500, SERVER_ERROR)},
        security=BEARER, parameters=[INDICATOR_UNIT, *extra, INDICATOR_FORMAT, INDICATOR_LANG])}


PATHS["/api/v1/indicators"] = indicator_operation("getIndicators", "A unit's indicators",
    "Every indicator of the unit and its subtree for the period (docs/indicators.md): value with numerator and "
    "denominator, the target that applies with the gap and status, the timeliness parts, the reception indicators "
    "and the 766 score.", "IndicatorReport", extra=[INDICATOR_PERIOD])
PATHS["/api/v1/indicators/children"] = indicator_operation("getIndicatorsByChild", "Indicators by sub-unit",
    "The indicators of each child unit (with its own subtree): which sub-units pull the figure down.",
    "IndicatorChildren", extra=[INDICATOR_PERIOD])
PATHS["/api/v1/indicators/procedures"] = indicator_operation("getIndicatorsByProcedure", "Indicators by procedure",
    "The dossier indicators of the unit for each procedure that has dossiers in the period.",
    "IndicatorProcedures", extra=[INDICATOR_PERIOD])
PATHS["/api/v1/indicators/series"] = indicator_operation("getIndicatorSeries", "Monthly series",
    "Every indicator of the unit month by month, `from` to `to` (at most 36 months).", "IndicatorSeries",
    extra=[query("from", string(pattern=f"^{MONTH_PATTERN}$", examples=["2025-04"]),
            "First month. Default: eleven months before `to`."),
        query("to", string(pattern=f"^{MONTH_PATTERN}$", examples=["2026-03"]), "Last month. Default: this month.")],
    unprocessable=", `from` or `to` (not a month, `from` after `to`, or more than 36 months)")
PATHS["/api/v1/indicators/dossiers"] = indicator_operation("getIndicatorDossiers", "The dossiers behind a figure",
    "The dossiers counted in the numerator (or denominator) of a dossier indicator, found with the same projection "
    "that made the counters, so that the list adds up to the figure; oldest first. Supported: every indicator "
    "but `procedures_online`, `procedures_full_online` (they count procedures) and `score_766` (made of other "
    "figures), which answer 422 `drill_down_unsupported`. At most 10 000 candidate dossiers are read: a larger "
    "unit answers 422 `drill_down_too_large` (choose a sub-unit or a procedure).", "IndicatorDossiers",
    extra=[INDICATOR_PERIOD,
        query("indicator", ref("IndicatorId"), "The indicator.", required=True),
        query("part", enum(["numerator", "denominator"]), "Which side of the figure. Default `numerator`."),
        query("procedure", string(pattern=r"^[0-9A-Za-z.]{1,40}$"), "Only this procedure's dossiers."),
        query("limit", integer(minimum=1, maximum=200), "Page size (JSON), 1 to 200. Default 50."),
        query("offset", integer(minimum=0, maximum=2147483647), "Items to skip (JSON). Default 0.")],
    unprocessable=", `indicator`, `part`, `limit`, `offset`; `drill_down_unsupported`, `drill_down_too_large`")

# The session cookie set at login is accepted under /api/ for reads only (GET): every read that needs a
# login may use it instead of the header; every change needs `Authorization: Bearer`.
for item in PATHS.values():
    if item.get("get", {}).get("security") == BEARER:
        item["get"]["security"] = BEARER + [{"session": []}]

# MARK: - Document

DOCUMENT = {
    "openapi": "3.1.0",
    "info": {
        "title": "OneGate API",
        "version": "1",
        "summary": "The JSON API of OneGate, an electronic one-stop system for public services.",
        "description": (
            "Catalogue, dossiers and their signed lifecycle, documents, the working calendar and audit.\n\n"
            "- Authentication: `POST /api/v1/auth/login` gives a bearer token; send `Authorization: Bearer "
            "<token>`. Login also sets the session as the `onegate_session` cookie, which the API takes for GET "
            "requests only. An unknown or expired token is refused with 401 on every route, public ones included.\n"
            "- Query strings are read as browsers write them: `+` and `%20` are spaces. Malformed numbers and "
            "flags are refused with 422 `invalid_field`, never silently ignored.\n"
            "- JSON request bodies are `application/json`: a request that declares another Content-Type is "
            "refused with 415 `unsupported_media_type`.\n"
            "- Errors: every error is `{\"error\": {\"code\", \"message\", \"messageVi\", \"details\", "
            "\"requestId\"}}` with a stable `code`.\n"
            "- Instants are RFC 3339 in UTC with milliseconds; local days are `YYYY-MM-DD`; optional members "
            "that have no value are omitted (never `null`).\n"
            "- `POST` requests that create or change a dossier accept an `Idempotency-Key`.\n\n"
            "See docs/api.md for a guide with examples."),
    },
    "servers": [{"url": "/"}],
    "tags": [
        {"name": "system", "description": "Health, metrics and this document."},
        {"name": "auth", "description": "Login sessions."},
        {"name": "catalogue", "description": "Procedures and units (public)."},
        {"name": "documents", "description": "Uploaded files, stored by SHA-256."},
        {"name": "dossiers", "description": "Submission, reception and the lifecycle."},
        {"name": "public", "description": "Status lookup without an account."},
        {"name": "calendar", "description": "The working calendar (public)."},
        {"name": "audit", "description": "Signed events, verification, exports and certificates."},
        {"name": "indicators", "description": "Indicators, targets and the dossiers behind each figure."},
        {"name": "results", "description": "Signed results, public verification and the transparency log."},
        {"name": "sharing", "description": "The data-sharing API for other agencies' systems: client "
            "credentials, scopes, a legal basis, every read logged in the person's access log."},
    ],
    "paths": PATHS,
    "components": {
        "schemas": SCHEMAS,
        "responses": RESPONSES,
        "parameters": PARAMETERS,
        "headers": HEADERS,
        "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer",
                "description": "The token from `POST /api/v1/auth/login`, valid for 8 hours. Every operation that "
                    "changes something needs it in the `Authorization` header."},
            "sharing": {"type": "oauth2", "description": "Access tokens of the data-sharing API, for other "
                "agencies' systems (client credentials; clients are registered with `onegate sharing-client add`). "
                "Valid 10 minutes; sent as `Authorization: Bearer <token>`.",
                "flows": {"clientCredentials": {"tokenUrl": "/api/v1/sharing/token", "scopes": SHARING_SCOPES}}},
            "sharingClient": {"type": "http", "scheme": "basic",
                "description": "A data-sharing client's id and secret at the token endpoint (RFC 6749 §2.3.1)."},
            "session": {"type": "apiKey", "in": "cookie", "name": "onegate_session",
                "description": "The same session as a cookie (`HttpOnly; SameSite=Lax; Path=/`, `Secure` behind "
                    "TLS), set by `POST /api/v1/auth/login` for the web pages. Under `/api/` it is taken for GET "
                    "only, so a cross-site form can never change anything; on any other method it is "
                    "ignored (401 `unauthenticated` without the header). When both are sent, the header wins."},
        },
    },
}

# MARK: - Output


def render():
    text = json.dumps(DOCUMENT, indent=2, ensure_ascii=False)
    assert '"""#' not in text and "\\#" not in text, "the JSON must fit in a Swift raw string"
    body = "\n".join(("    " + line) if line else "" for line in text.split("\n"))
    swift = (
        "// swift-format-ignore-file\n"
        "/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`. Kept by hand next to\n"
        "/// the handlers; the contract test (scripts/contract-test.sh, schemathesis) checks it against the running\n"
        "/// server.\n"
        "/// Generated by scripts/openapi.py: edit the script and run `python3 scripts/openapi.py`.\n"
        "enum OpenAPIDocument {\n"
        "    static let json = #\"\"\"\n"
        f"{body}\n"
        "    \"\"\"#\n"
        "}\n")
    return text, swift


def main(arguments):
    text, swift = render()
    if "--check" in arguments:
        current = SWIFT_FILE.read_text(encoding="utf-8") if SWIFT_FILE.exists() else ""
        if current != swift:
            print(f"{SWIFT_FILE.relative_to(ROOT)} is out of date: run python3 scripts/openapi.py", file=sys.stderr)
            return 1
        return 0
    SWIFT_FILE.write_text(swift, encoding="utf-8")
    if "--json" in arguments:
        index = arguments.index("--json")
        pathlib.Path(arguments[index + 1]).write_text(text + "\n", encoding="utf-8")
    operations = sum(1 for item in PATHS.values() for method in item)
    print(f"wrote {SWIFT_FILE.relative_to(ROOT)}: {len(PATHS)} paths, {operations} operations, "
        f"{len(SCHEMAS)} schemas")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
