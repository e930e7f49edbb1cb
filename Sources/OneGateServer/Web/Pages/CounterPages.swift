import Foundation
import HTTPTypes
import Hummingbird
import OneGateCore

/// The one-stop counter: the reception officer's desk, receiving a paper dossier for the person
/// in front of them (receipt and appointment at once), and the assisted mode where the officer
/// fills the online form with and for a person who cannot.
struct CounterPages {
    let web: Web

    static let queueSize = 50

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("counter", use: desk)
        router.get("counter/receive", use: receiveForm)
        router.post("counter/receive", use: receive)
        router.get("counter/assist", use: assistForm)
        router.post("counter/assist", use: assist)
    }

    /// The signed-in reception officer and the units they receive for (403 for anyone else).
    private func requireReception(_ visitor: Visitor) throws -> (Officer, [String]) {
        let officer = try web.requireOfficer(visitor)
        let tree = web.service.units.value
        let today = web.service.calendar.localDate(of: web.service.clock.now())
        let units = officer.roles.filter { $0.role == .reception || $0.role == .admin }.map(\.unit)
            .filter { tree[$0]?.isActive(on: today) == true }
        guard officer.active, !units.isEmpty else { throw OneGateError.forbidden }
        var seen = Set<String>()
        return (officer, units.filter { seen.insert($0).inserted })
    }

    // MARK: - Desk

    @Sendable func desk(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let (_, units) = try requireReception(visitor)
        let tree = web.service.units.value
        let scope = Set(units.flatMap { tree.subtree(of: $0) }).sorted()
        let text = String((QueryText(request)["q"] ?? "").prefix(200)).trimmingCharacters(in: .whitespaces)
        var data: [String: Any] = ["q": text, "searched": !text.isEmpty]
        if !text.isEmpty {
            let found = try await web.store.searchProcedures(
                folded: TextFolding.fold(text), level: nil, tenant: web.dependencies.tenant, limit: 20, offset: 0)
            let procedures: [[String: Any]] = found.items.map { procedure in
                [
                    "code": procedure.code, "name": visitor.text(procedure.name),
                    "timeLimit": procedure.timeLimit.text(in: visitor.language),
                    "receiveHref": "/counter/receive?procedure=\(Web.queryEscape(procedure.code))",
                    "assistHref": "/counter/assist?procedure=\(Web.queryEscape(procedure.code))",
                ]
            }
            data["procedures"] = procedures
            data["hasProcedures"] = !procedures.isEmpty
        }
        let now = web.service.clock.now()
        let presenter = DossierPresenter(web: web, visitor: visitor)
        let waiting = try await web.store.dossiers(
            DossierQuery(
                tenant: web.dependencies.tenant, units: scope, states: [.submitted], limit: Self.queueSize))
        var queue: [[String: Any]] = []
        for dossier in waiting.items {
            let procedure = try? await web.service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
            var row = presenter.summary(dossier, procedure: procedure)
            row["href"] = "/work/dossiers/\(dossier.id)"
            row["applicant"] = (try? await web.store.applicant(id: dossier.applicantID))?.fullName ?? ""
            if let due = dossier.receptionDue {
                let calendar = web.service.calendar
                if due > now {
                    row["remaining"] =
                        "\(visitor.text("counter_remaining")) "
                        + OfficerPages.duration(calendar.officeMinutes(from: now, to: due), visitor)
                } else {
                    row["remaining"] =
                        "\(visitor.text("counter_overdue_by")) "
                        + OfficerPages.duration(calendar.officeMinutes(from: due, to: now), visitor)
                }
            }
            queue.append(row)
        }
        let processed = try await web.store.dossiers(
            DossierQuery(
                tenant: web.dependencies.tenant, units: scope, states: [.processed], limit: Self.queueSize))
        var ready: [[String: Any]] = []
        for dossier in processed.items {
            let procedure = try? await web.service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
            var row = presenter.summary(dossier, procedure: procedure)
            row["href"] = "/work/dossiers/\(dossier.id)"
            row["applicant"] = (try? await web.store.applicant(id: dossier.applicantID))?.fullName ?? ""
            ready.append(row)
        }
        data["queue"] = queue
        data["hasQueue"] = !queue.isEmpty
        data["queueTotal"] = waiting.total
        data["queueMore"] = waiting.total > queue.count
        data["ready"] = ready
        data["hasReady"] = !ready.isEmpty
        data["readyTotal"] = processed.total
        data["readyMore"] = processed.total > ready.count
        return web.page("counter-desk", title: visitor.text("counter_desk_title"), visitor: visitor, data: data)
    }

    // MARK: - Receiving a paper dossier

    @Sendable func receiveForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await blankForm(request, context: context, assisted: false)
    }

    @Sendable func assistForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await blankForm(request, context: context, assisted: true)
    }

    private func blankForm(_ request: Request, context: AppRequestContext, assisted: Bool) async throws -> Response {
        let visitor = web.visitor(request, context)
        let (_, units) = try requireReception(visitor)
        guard let code = QueryText(request)["procedure"], !code.isEmpty else { return web.redirect("/counter") }
        let procedure = try await web.service.currentProcedure(code)
        let competent = competentUnits(procedure)
        let application = CounterApplication.blank(procedure: procedure, units: units, competent: competent)
        return formPage(
            application, procedure: procedure, units: units, visitor: visitor, assisted: assisted, problems: [])
    }

    /// The most a reception form may carry: every component at the document limit, and the fields.
    private func bodyLimit(_ procedure: Procedure) -> Int {
        web.dependencies.limits.maximumDocumentBytes * max(1, procedure.documents.count) + 262_144
    }

    @Sendable func receive(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let (officer, units) = try requireReception(visitor)
        let procedure = try await web.service.currentProcedure(QueryText(request)["procedure"] ?? "")
        let form = try await web.readForm(request, visitor, limit: bodyLimit(procedure))
        let (application, problems) = try await CounterApplication.read(
            form, procedure: procedure, officer: officer, web: web)
        guard problems.isEmpty else {
            return formPage(
                application, procedure: procedure, units: units, visitor: visitor, assisted: false,
                problems: problems)
        }
        return try await open(
            application, procedure: procedure, officer: officer, units: units, visitor: visitor, assisted: false)
    }

    /// Assisted mode: fill in, review together, the person confirms, received with `assisted`.
    @Sendable func assist(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let (officer, units) = try requireReception(visitor)
        let procedure = try await web.service.currentProcedure(QueryText(request)["procedure"] ?? "")
        let form = try await web.readForm(request, visitor, limit: bodyLimit(procedure))
        let (typed, problems) = try await CounterApplication.read(
            form, procedure: procedure, officer: officer, web: web)
        var application = typed
        application.channel = .counter
        let step = form["step"] ?? "review"
        if step == "edit" || !problems.isEmpty {
            return formPage(
                application, procedure: procedure, units: units, visitor: visitor, assisted: true,
                problems: step == "edit" ? [] : problems)
        }
        guard step == "confirm" else {
            return reviewPage(application, procedure: procedure, visitor: visitor, confirmMissing: false)
        }
        guard form["confirmed"] == "yes" else {
            return reviewPage(application, procedure: procedure, visitor: visitor, confirmMissing: true)
        }
        return try await open(
            application, procedure: procedure, officer: officer, units: units, visitor: visitor, assisted: true)
    }

    /// What the idempotency record keeps of a reception: enough to print the receipt again.
    private struct ReceiptToken: Codable {
        var id: String
        var secret: String
    }

    /// Receives the dossier and answers with the printable receipt. The lookup secret is shown on
    /// this answer only (never in a URL); a repeated submit of the same form replays it.
    private func open(
        _ application: CounterApplication, procedure: Procedure, officer: Officer, units: [String],
        visitor: Visitor, assisted: Bool
    ) async throws -> Response {
        let secret = web.service.ids.secret()
        let claim = IdempotencyClaim(
            principal: officer.id, key: "web-counter:\(application.key)",
            requestHash: web.service.signer.digest(application.fingerprint(procedure: procedure, assisted: assisted)),
            respond: { dossier in
                StoredResponse(
                    status: 201, body: Array(try JSONEncoder().encode(ReceiptToken(id: dossier.id, secret: secret))))
            })
        let input = ApplicationInput(
            procedureCode: procedure.code, receivingUnit: application.receivingUnit,
            competentUnit: application.competentUnit.isEmpty ? nil : application.competentUnit, secret: secret,
            data: application.data, components: application.components)
        let result: ServiceResult
        do {
            result = try await web.service.receiveAtCounter(
                input, applicant: application.applicant, channel: application.channel, assisted: assisted,
                by: officer, idempotency: claim)
        } catch let refused as OneGateError where refused.kind != .internalFailure {
            var retry = application
            if refused.code == OneGateError.idempotencyKeyReused.code {
                // The form was sent before with other answers: this is a new reception.
                retry.key = IdentifierSource.randomToken(length: 24)
            }
            return formPage(
                retry, procedure: procedure, units: units, visitor: visitor, assisted: assisted,
                problems: CounterApplication.problems(from: refused), status: refused.kind.status)
        }
        let dossier: Dossier
        let shownSecret: String
        var replayed = false
        switch result {
        case .fresh(let fresh, _):
            dossier = fresh
            shownSecret = secret
        case .replayed(let stored):
            let token = try JSONDecoder().decode(ReceiptToken.self, from: Data(stored.body))
            guard let first = try await web.store.dossier(id: token.id, tenant: web.dependencies.tenant) else {
                throw OneGateError.notFound("dossier")
            }
            dossier = first
            shownSecret = token.secret
            replayed = true
        }
        let applicant = try await web.store.applicant(id: dossier.applicantID)
        var data = try await OfficerPrintForms.common(
            web: web, dossier: dossier, procedure: procedure, applicant: applicant, visitor: visitor)
        data["secret"] = shownSecret
        data["hasSecret"] = true
        data["officerName"] = officer.fullName
        data["replayed"] = replayed
        data["backHref"] = "/work/dossiers/\(dossier.id)"
        data["pdfHref"] = "/work/dossiers/\(dossier.id)/forms/01.pdf"
        data["againHref"] = "/counter/\(assisted ? "assist" : "receive")?procedure=\(Web.queryEscape(procedure.code))"
        return web.page("form-01-receipt", title: visitor.text("form_01_title"), visitor: visitor, data: data)
    }

    // MARK: - Rendering the form

    private func competentUnits(_ procedure: Procedure) -> [String] {
        let today = web.service.calendar.localDate(of: web.service.clock.now())
        return web.service.units.value.units.values
            .filter { procedure.isCompetent($0) && $0.isActive(on: today) }
            .map(\.code).sorted()
    }

    private func formPage(
        _ application: CounterApplication, procedure: Procedure, units: [String], visitor: Visitor, assisted: Bool,
        problems: [CounterProblem], status: HTTPResponse.Status = .unprocessableContent
    ) -> Response {
        let presenter = DossierPresenter(web: web, visitor: visitor)
        func error(_ field: String) -> String? {
            problems.first { $0.field == field }.map { visitor.text($0.message) }
        }
        var fields: [[String: Any]] = []
        for field in procedure.form.fields {
            let id = "f-\(field.name)"
            let value = application.answers[field.name] ?? ""
            var values: [String: Any] = [
                "id": id, "name": "f_\(field.name)", "label": visitor.text(field.label), "value": value,
                "required": field.required,
                "isTextarea": field.type == .multiline, "isSelect": field.type == .select,
                "isCheckbox": field.type == .boolean,
                "isInput": ![.multiline, .select, .boolean].contains(field.type),
                "checked": value == "true",
            ]
            switch field.type {
            case .number:
                values["type"] = "text"
                values["inputmode"] = "decimal"
            case .date: values["type"] = "date"
            case .email: values["type"] = "email"
            case .phone: values["type"] = "tel"
            case .personalID, .taxCode:
                values["type"] = "text"
                values["inputmode"] = "numeric"
                values["hint"] = visitor.text(
                    field.type == .personalID ? "counter_hint_personal_id" : "counter_hint_tax_code")
            default: values["type"] = "text"
            }
            if field.type == .date { values["hint"] = visitor.text("counter_hint_date") }
            if let maximum = field.maxLength { values["maxlength"] = maximum }
            values["options"] = (field.options ?? []).map {
                ["value": $0, "label": field.optionLabel($0, language: visitor.language), "selected": $0 == value]
            }
            if let message = error(id) { values["error"] = message }
            fields.append(values)
        }
        let documents: [[String: Any]] = procedure.documents.map { requirement in
            let id = "doc-\(requirement.id)"
            var values: [String: Any] = [
                "id": id, "name": "doc_\(requirement.id)", "label": visitor.text(requirement.name),
                "required": requirement.required,
            ]
            if let scan = application.scans[requirement.id] {
                values["scan"] = [
                    "sha256": scan.sha256, "filename": scan.filename, "short": String(scan.sha256.prefix(12)),
                ]
            }
            if let message = error(id) { values["error"] = message }
            return values
        }
        let competent = competentUnits(procedure)
        var data: [String: Any] = [
            "procedureCode": procedure.code, "procedureName": visitor.text(procedure.name),
            "timeLimit": procedure.timeLimit.text(in: visitor.language),
            "action": "/counter/\(assisted ? "assist" : "receive")?procedure=\(Web.queryEscape(procedure.code))",
            "assisted": assisted, "key": application.key,
            "receivingUnits": units.map {
                ["value": $0, "label": presenter.unitName($0), "selected": $0 == application.receivingUnit]
            },
            "singleReceivingUnit": units.count == 1, "receivingUnit": application.receivingUnit,
            "receivingUnitName": presenter.unitName(application.receivingUnit),
            "competentUnits": competent.map {
                ["value": $0, "label": presenter.unitName($0), "selected": $0 == application.competentUnit]
            },
            "channelCounter": application.channel == .counter, "channelPost": application.channel == .post,
            "kindPerson": application.kind == .person, "kindBusiness": application.kind == .business,
            "identifier": application.identifier, "fullName": application.fullName, "phone": application.phone,
            "address": application.address,
            "fields": fields, "hasFields": !fields.isEmpty, "documents": documents, "hasDocuments": !documents.isEmpty,
        ]
        for name in ["receivingUnit", "competentUnit", "identifier", "fullName", "phone", "address"] {
            if let message = error(name) { data["fieldError_\(name)"] = message }
        }
        if !problems.isEmpty {
            data["hasErrors"] = true
            data["errors"] = problems.map { ["field": $0.field, "message": visitor.text($0.message)] }
        }
        let title = visitor.text(assisted ? "counter_assist_title" : "counter_receive_title")
        return web.page(
            "counter-receive", title: title, visitor: visitor, data: data,
            status: problems.isEmpty ? .ok : status)
    }

    /// Everything typed, shown back for the person to check, with the values carried in hidden fields.
    private func reviewPage(
        _ application: CounterApplication, procedure: Procedure, visitor: Visitor, confirmMissing: Bool
    ) -> Response {
        let presenter = DossierPresenter(web: web, visitor: visitor)
        var hidden: [[String: String]] = [
            ["name": "_key", "value": application.key], ["name": "receivingUnit", "value": application.receivingUnit],
            ["name": "competentUnit", "value": application.competentUnit],
            ["name": "channel", "value": application.channel.rawValue],
            ["name": "kind", "value": application.kind.rawValue],
            ["name": "identifier", "value": application.identifier],
            ["name": "fullName", "value": application.fullName],
            ["name": "phone", "value": application.phone], ["name": "address", "value": application.address],
        ]
        var answers: [[String: Any]] = []
        for field in procedure.form.fields {
            let value = application.answers[field.name] ?? ""
            hidden.append(["name": "f_\(field.name)", "value": value])
            let shown =
                field.type == .boolean
                ? visitor.text(value == "true" ? "yes" : "no")
                : field.type == .select
                    ? field.optionLabel(value, language: visitor.language)
                    : application.data[field.name].map { OfficerPages.display($0, visitor: visitor) } ?? ""
            answers.append(["label": visitor.text(field.label), "value": shown])
        }
        var documents: [[String: Any]] = []
        for requirement in procedure.documents {
            let scan = application.scans[requirement.id]
            if let scan {
                hidden.append(["name": "doc_\(requirement.id)_sha", "value": scan.sha256])
                hidden.append(["name": "doc_\(requirement.id)_name", "value": scan.filename])
            }
            documents.append([
                "name": visitor.text(requirement.name), "attached": scan != nil, "filename": scan?.filename ?? "",
            ])
        }
        var data: [String: Any] = [
            "procedureName": visitor.text(procedure.name), "procedureCode": procedure.code,
            "action": "/counter/assist?procedure=\(Web.queryEscape(procedure.code))",
            "hidden": hidden, "answers": answers, "documents": documents,
            "receivingUnit": presenter.unitName(application.receivingUnit),
            "competentUnit": presenter.unitName(application.competentUnit),
            "kind": visitor.text(application.kind == .person ? "counter_kind_person" : "counter_kind_business"),
            "identifier": application.identifier, "fullName": application.fullName, "phone": application.phone,
            "address": application.address,
        ]
        if confirmMissing {
            let message = visitor.text("counter_confirm_missing")
            data["hasErrors"] = true
            data["errors"] = [["field": "confirmed", "message": message]]
            data["fieldError_confirmed"] = message
        }
        return web.page(
            "counter-assist-review", title: visitor.text("counter_review_title"), visitor: visitor, data: data,
            status: confirmMissing ? .unprocessableContent : .ok)
    }
}
