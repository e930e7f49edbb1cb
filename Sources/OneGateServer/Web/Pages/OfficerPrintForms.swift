import Foundation
import Hummingbird
import OneGateCore

/// The printable forms of the one-stop process (Thông tư 01/2018/TT-VPCP): 01 receipt and
/// appointment (reprinted without the lookup secret), 02 supplementation request, 03 refusal,
/// 04 apology and new appointment, 05 notice that processing stopped, 06 control sheet of the
/// process (numbered as lifecycle.md numbers them). Each is built from the
/// signed events, so what is printed is what was recorded.
struct OfficerPrintForms {
    let web: Web

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("work/dossiers/{id}/forms/{number}", use: form)
    }

    /// The forms that have something to say about this dossier.
    static func available(_ dossier: Dossier, events: [SignedEvent]) -> [String] {
        var numbers: [String] = []
        if dossier.code != nil, dossier.receivedAt != nil { numbers.append("01") }
        if events.contains(where: { $0.type == ActionName.requestSupplement.rawValue }) { numbers.append("02") }
        if refusal(events) != nil { numbers.append("03") }
        if events.contains(where: { $0.type == ActionName.extend.rawValue }) { numbers.append("04") }
        if events.contains(where: { $0.type == ActionName.stop.rawValue }) { numbers.append("05") }
        if dossier.receivedAt != nil, !dossier.steps.isEmpty { numbers.append("06") }
        return numbers
    }

    /// The event that refused the dossier: at reception, or a refusal decided after appraisal.
    static func refusal(_ events: [SignedEvent]) -> SignedEvent? {
        if let refused = events.last(where: { $0.type == ActionName.refuse.rawValue }) { return refused }
        guard events.contains(where: { $0.type == ActionName.issue.rawValue }) else { return nil }
        return events.last {
            $0.type == ActionName.submitForApproval.rawValue && data(of: $0)["outcome"]?.stringValue == "refusal"
        }
    }

    /// The `data` member of a signed event.
    static func data(of event: SignedEvent) -> [String: JSONValue] {
        (try? JSONDecoder().decode(JSONValue.self, from: Data(event.canonical)))?["data"]?.objectValue ?? [:]
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let officer = try OfficerPages.requireStaff(web, visitor)
        let dossier = try await web.service.readable(try context.parameters.require("id"), by: .officer(officer))
        let printed = try await Self.gather(
            try context.parameters.require("number"), dossier: dossier, web: web, visitor: visitor)
        var data = printed.data
        data["backHref"] = "/work/dossiers/\(dossier.id)"
        data["pdfHref"] = "/work/dossiers/\(dossier.id)/forms/\(printed.number).pdf"
        return web.page(
            printed.template, title: visitor.text("form_\(printed.number)_title"), visitor: visitor, data: data)
    }

    /// One printable form's content, shared by the HTML page and the signed PDF.
    struct PrintedForm {
        var number: String
        /// The Mustache template of the HTML version.
        var template: String
        /// The template's values.
        var data: [String: Any]
        /// The unit that issues the form (its head line), and the moment the form is dated.
        var unit: String
        var date: Date
    }

    /// What form `number` of `dossier` says, built from its signed events; 404 when the form
    /// has nothing to say about this dossier.
    static func gather(_ number: String, dossier: Dossier, web: Web, visitor: Visitor) async throws -> PrintedForm {
        let events = try await web.store.events(dossierID: dossier.id, tenant: web.dependencies.tenant)
        guard available(dossier, events: events).contains(number) else { throw OneGateError.notFound("form") }
        let procedure = try await web.service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
        let applicant = try await web.store.applicant(id: dossier.applicantID)
        var names = NameBook(web: web)
        var data = try await common(
            web: web, dossier: dossier, procedure: procedure, applicant: applicant, visitor: visitor)
        let presenter = DossierPresenter(web: web, visitor: visitor)
        func printed(_ template: String, unit: String, date: Date) -> PrintedForm {
            PrintedForm(number: number, template: template, data: data, unit: unit, date: date)
        }
        switch number {
        case "01":
            let reception = events.first {
                $0.type == ActionName.receiveAtCounter.rawValue || $0.type == ActionName.accept.rawValue
            }
            data["officerName"] = await names.officer(reception?.actor.id) ?? ""
            data["reprint"] = true
            return printed(
                "form-01-receipt", unit: dossier.receivingUnit, date: dossier.receivedAt ?? dossier.submittedAt)
        case "02":
            guard let event = events.last(where: { $0.type == ActionName.requestSupplement.rawValue }) else { break }
            let payload = Self.data(of: event)
            var list: [JSONValue] = []
            if case .array(let entries)? = payload["items"] { list = entries }
            let items: [[String: Any]] = list.map { item in
                let requirement = item["requirement"]?.stringValue.flatMap { id in
                    procedure.documents.first { $0.id == id }.map { visitor.text($0.name) }
                }
                return [
                    "description": item["description"]?.stringValue ?? "", "requirement": requirement ?? "",
                    "hasRequirement": requirement != nil,
                ]
            }
            data["items"] = items
            data["reason"] = payload["reason"]?.stringValue ?? ""
            data["signedAt"] = web.dateTime(event.at)
            data["place"] = Self.formDate(event.at, web: web, language: visitor.language)
            data["headUnit"] = presenter.unitName(event.actor.unit)
            data["officerName"] = await names.officer(event.actor.id) ?? ""
            data["atReception"] = event.actor.role == Role.reception.rawValue
            return printed("form-02-supplement", unit: event.actor.unit, date: event.at)
        case "03":
            guard let event = Self.refusal(events) else { break }
            let payload = Self.data(of: event)
            data["reason"] = payload["reason"]?.stringValue ?? payload["summary"]?.stringValue ?? ""
            data["redirect"] = payload["redirect"]?.stringValue ?? ""
            data["hasRedirect"] = payload["redirect"]?.stringValue != nil
            data["signedAt"] = web.dateTime(event.at)
            data["place"] = Self.formDate(event.at, web: web, language: visitor.language)
            data["headUnit"] = presenter.unitName(event.actor.unit)
            data["officerName"] = await names.officer(event.actor.id) ?? ""
            return printed("form-03-refusal", unit: event.actor.unit, date: event.at)
        case "04":
            guard let event = events.last(where: { $0.type == ActionName.extend.rawValue }) else { break }
            let payload = Self.data(of: event)
            data["previousDue"] = web.dateTime(payload["previousDue"]?.stringValue.flatMap(Self.instant))
            data["newDue"] = web.dateTime(payload["newDue"]?.stringValue.flatMap(Self.instant))
            data["reason"] = payload["reason"]?.stringValue ?? ""
            data["place"] = Self.formDate(event.at, web: web, language: visitor.language)
            data["headUnit"] = presenter.unitName(event.actor.unit)
            data["officerName"] = await names.officer(event.actor.id) ?? ""
            return printed("form-04-apology", unit: event.actor.unit, date: event.at)
        case "05":
            guard let event = events.last(where: { $0.type == ActionName.stop.rawValue }) else { break }
            let payload = Self.data(of: event)
            data["legalReason"] = payload["legalReason"]?.stringValue ?? ""
            data["stoppedAt"] = web.dateTime(event.at)
            data["place"] = Self.formDate(event.at, web: web, language: visitor.language)
            data["headUnit"] = presenter.unitName(event.actor.unit)
            data["officerName"] = await names.officer(event.actor.id) ?? ""
            return printed("form-05-stop", unit: event.actor.unit, date: event.at)
        case "06":
            var rows: [[String: Any]] = []
            let now = web.service.clock.now()
            for step in dossier.steps {
                let spent = web.service.calendar.officeMinutes(from: step.startedAt, to: step.endedAt ?? now)
                var timeliness = step.timeliness.map { visitor.text(DossierPresenter.timelinessLabel($0)) } ?? ""
                if step.endedAt == nil {
                    let late = step.due.map { $0 < now } ?? false
                    timeliness = visitor.text(late ? "officer_step_running_late" : "officer_step_running")
                }
                rows.append([
                    "name": OfficerPages.stepName(step.step, procedure: procedure, visitor: visitor),
                    "unit": presenter.unitName(step.unit),
                    "actor": await names.officer(step.actor) ?? "",
                    "startedAt": web.dateTime(step.startedAt), "endedAt": web.dateTime(step.endedAt),
                    "allotted": step.allottedMinutes.map { OfficerPages.duration($0, visitor) } ?? "",
                    "spent": OfficerPages.duration(spent, visitor), "timeliness": timeliness,
                ])
            }
            data["rows"] = rows
            data["place"] = Self.formDate(now, web: web, language: visitor.language)
            data["headUnit"] = presenter.unitName(dossier.competentUnit)
            return printed("form-06-control", unit: dossier.competentUnit, date: now)
        default:
            break
        }
        throw OneGateError.notFound("form")
    }

    /// What every form shows: unit, dossier, applicant, procedure, dates.
    static func common(
        web: Web, dossier: Dossier, procedure: Procedure, applicant: Applicant?, visitor: Visitor
    ) async throws -> [String: Any] {
        let presenter = DossierPresenter(web: web, visitor: visitor)
        let provided = Dictionary(dossier.components.map { ($0.requirement, $0) }, uniquingKeysWith: { $1 })
        let components: [[String: Any]] = procedure.documents.compactMap { requirement in
            guard let component = provided[requirement.id] else { return nil }
            return [
                "name": visitor.text(requirement.name), "digitised": component.digitised,
                "electronic": component.document != nil, "reused": component.reused,
            ]
        }
        return [
            "code": dossier.publicIdentifier, "headUnit": presenter.unitName(dossier.receivingUnit),
            "receivingUnit": presenter.unitName(dossier.receivingUnit),
            "competentUnit": presenter.unitName(dossier.competentUnit),
            "procedureName": visitor.text(procedure.name),
            "resultName": visitor.text(procedure.resultName),
            "applicantName": applicant?.fullName ?? "",
            "applicantIdentifier": applicant?.identifier ?? "",
            "applicantPhone": applicant?.phone ?? "", "hasPhone": !(applicant?.phone ?? "").isEmpty,
            "applicantAddress": applicant?.address ?? "", "hasAddress": !(applicant?.address ?? "").isEmpty,
            "components": components, "hasComponents": !components.isEmpty,
            "receivedAt": web.dateTime(dossier.receivedAt),
            "dueAt": web.dateTime(dossier.dueAt),
            "finishedAt": web.dateTime(dossier.finishedAt),
            "channel": visitor.text(DossierPresenter.channelLabel(dossier.channel)),
            "assisted": dossier.assisted,
            "fee": dossier.feeAmount > 0
                ? "\(Web.money(dossier.feeAmount)) \(visitor.text("currency_vnd"))" : visitor.text("free_of_charge"),
            "timeLimit": procedure.timeLimit.text(in: visitor.language),
            "place": formDate(dossier.receivedAt ?? dossier.submittedAt, web: web, language: visitor.language),
        ]
    }

    /// "ngày 02 tháng 03 năm 2026", the administrative way of dating a form ("2 March 2026" in English).
    static func formDate(_ date: Date, web: Web, language: Language) -> String {
        let local = web.service.calendar.localDate(of: date)
        if language == .vi {
            return String(format: "ngày %02d tháng %02d năm %04d", local.day, local.month, local.year)
        }
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return "\(local.day) \(months[max(0, min(11, local.month - 1))]) \(local.year)"
    }

    /// An instant written in signed data (`2026-03-03T02:15:00.000Z`).
    static func instant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
