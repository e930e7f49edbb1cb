import Foundation
import HTTPTypes
import Hummingbird
import OneGateCore

/// The handling officers' and leaders' pages: the inbox of their units, the dossier workspace
/// with one form per action they may take, document downloads and the printable forms.
struct OfficerPages {
    let web: Web

    static let pageSize = 50

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("work", use: inbox)
        router.get("work/dossiers/{id}", use: workspace)
        router.post("work/dossiers/{id}/actions/{action}", use: act)
        router.get("work/documents/{sha256}", use: document)
        OfficerPrintForms(web: web).addRoutes(to: router)
    }

    /// The signed-in officer, who must hold some officer role (a citizen gets 403).
    static func requireStaff(_ web: Web, _ visitor: Visitor) throws -> Officer {
        let officer = try web.requireOfficer(visitor)
        guard officer.active, officer.roles.contains(where: { $0.role != .citizen }) else {
            throw OneGateError.forbidden
        }
        return officer
    }

    // MARK: - Inbox

    /// The states an inbox shows unless asked otherwise: everything still open.
    static let openStates: [DossierState] = [
        .submitted, .received, .inProgress, .supplementRequested, .awaitingPayment, .processed,
    ]

    /// Dossiers of the officer's units, soonest due first. The store orders by due moment
    /// (the appointment, or the reception check for online submissions) and paginates, so a
    /// page costs the same with thousands of dossiers.
    @Sendable func inbox(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let officer = try Self.requireStaff(web, visitor)
        let query = QueryText(request)
        let code = String((query["q"] ?? "").prefix(60)).trimmingCharacters(in: .whitespaces)
        if !code.isEmpty {
            if let found = try await web.service.find(code),
                web.service.authorizer.canRead(found, principal: .officer(officer))
            {
                return web.redirect("/work/dossiers/\(found.id)")
            }
        }
        let stateFilter = query["state"] ?? ""
        let procedure = String((query["procedure"] ?? "").prefix(40)).trimmingCharacters(in: .whitespaces)
        let mine = query["mine"] == "1"
        let overdue = query["overdue"] == "1"
        let page = max(1, min(100_000, Int(query["page"] ?? "1") ?? 1))
        let tree = web.service.units.value
        let scope = Set(officer.roles.filter { $0.role != .citizen }.flatMap { tree.subtree(of: $0.unit) })
        var states: [DossierState]
        switch stateFilter {
        case "": states = Self.openStates
        case "all": states = DossierState.allCases.filter { $0 != .draft }
        default: states = DossierState(rawValue: stateFilter).map { [$0] } ?? Self.openStates
        }
        // An officer whose roles cover the whole province needs no unit filter: the store then
        // walks its due-date order instead of testing every row against a list of every unit.
        let everywhere = scope.count >= tree.units.count
        var dossierQuery = DossierQuery(
            tenant: web.dependencies.tenant, units: everywhere ? nil : scope.sorted(), states: states,
            procedureCode: procedure.isEmpty ? nil : procedure, limit: Self.pageSize,
            offset: (page - 1) * Self.pageSize)
        if mine { dossierQuery.assignee = officer.id }
        if overdue {
            // Overdue means the clock runs and the due moment has passed: open, not paused.
            dossierQuery.dueBefore = web.service.clock.now()
            let running: [DossierState] = [.submitted, .received, .inProgress, .awaitingPayment]
            dossierQuery.states = states.filter(running.contains)
        }
        let found = try await web.store.dossiers(dossierQuery)
        let presenter = DossierPresenter(web: web, visitor: visitor)
        var names = NameBook(web: web)
        var rows: [[String: Any]] = []
        for dossier in found.items {
            let procedure = try? await web.service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
            var row = presenter.summary(dossier, procedure: procedure)
            row["href"] = "/work/dossiers/\(dossier.id)"
            row["assignee"] = await names.officer(dossier.assignee)
            row["mine"] = dossier.assignee == officer.id
            row["hasStep"] = dossier.step != nil
            rows.append(row)
        }
        var filters: [String] = []
        if !stateFilter.isEmpty { filters.append("state=\(Web.queryEscape(stateFilter))") }
        if !procedure.isEmpty { filters.append("procedure=\(Web.queryEscape(procedure))") }
        if mine { filters.append("mine=1") }
        if overdue { filters.append("overdue=1") }
        let base = "/work?" + (filters.isEmpty ? "" : filters.joined(separator: "&") + "&")
        var stateOptions: [[String: Any]] = [
            ["value": "", "label": visitor.text("officer_state_open"), "selected": stateFilter.isEmpty],
            ["value": "all", "label": visitor.text("officer_state_all"), "selected": stateFilter == "all"],
        ]
        for state in DossierState.allCases where state != .draft {
            stateOptions.append([
                "value": state.rawValue, "label": visitor.text(state.label), "selected": stateFilter == state.rawValue,
            ])
        }
        var data: [String: Any] = [
            "rows": rows, "hasRows": !rows.isEmpty, "total": found.total,
            "states": stateOptions, "procedureFilter": procedure, "mine": mine, "overdue": overdue,
            "q": code,
            "pagination": Pagination(page: page, pageSize: Self.pageSize, total: found.total, base: base).values(
                visitor),
        ]
        if !code.isEmpty { data["codeNotFound"] = true }
        return web.page("officer-inbox", title: visitor.text("officer_inbox_title"), visitor: visitor, data: data)
    }

    // MARK: - Workspace

    @Sendable func workspace(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let officer = try Self.requireStaff(web, visitor)
        let dossier = try await web.service.readable(try context.parameters.require("id"), by: .officer(officer))
        try await DataAccessRecorder(dependencies: web.dependencies).officer(officer, read: .dossierRead, of: dossier)
        var notice: String?
        let done = QueryText(request)["done"]
        if let action = done.flatMap(ActionName.init(rawValue:)) {
            notice = visitor.text("officer_done") + " " + visitor.text(DossierPresenter.eventLabel(action.rawValue))
        } else if done == "result_revoked" {
            notice = visitor.text("officer_result_revoked")
        }
        return try await workspacePage(dossier, officer: officer, visitor: visitor, notice: notice, failure: nil)
    }

    /// What went wrong with one action form, to show next to it.
    struct ActionFailure {
        var action: ActionName
        var form: FormData
        var problems: [OfficerActionForms.FieldProblem]
        var general: LocalizedText?
        var status: HTTPResponse.Status
    }

    @Sendable func act(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let officer = try Self.requireStaff(web, visitor)
        let form = try await web.readForm(request, visitor)
        let dossier = try await web.service.readable(try context.parameters.require("id"), by: .officer(officer))
        guard let name = ActionName(rawValue: try context.parameters.require("action")),
            OfficerActionForms.order.contains(name)
        else { throw OneGateError.notFound("action") }
        let procedure = try await web.service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
        let failure: ActionFailure
        let (parsed, problems) = OfficerActionForms.action(
            name, from: form, procedure: procedure, calendar: web.service.calendar)
        if let action = parsed {
            do {
                _ = try await web.service.perform(action, on: dossier.id, by: .officer(officer), idempotency: nil)
                return web.redirect("/work/dossiers/\(dossier.id)?done=\(name.rawValue)", visitor: visitor)
            } catch let refused as OneGateError where refused.kind != .notFound && refused.kind != .internalFailure {
                var problems: [OfficerActionForms.FieldProblem] = []
                if let field = OfficerActionForms.field(of: refused),
                    OfficerActionForms.fields[name]?.contains(field) == true
                {
                    problems.append(.init(field: field, message: refused.message))
                }
                failure = ActionFailure(
                    action: name, form: form, problems: problems, general: problems.isEmpty ? refused.message : nil,
                    status: refused.kind.status)
            }
        } else {
            failure = ActionFailure(
                action: name, form: form, problems: problems, general: nil, status: .unprocessableContent)
        }
        // Re-read: a refusal may come from a change someone else just made.
        let current = try await web.service.readable(dossier.id, by: .officer(officer))
        return try await workspacePage(current, officer: officer, visitor: visitor, notice: nil, failure: failure)
    }

    /// The workspace, with the problems of the action form or the revocation form just sent.
    func workspacePage(
        _ dossier: Dossier, officer: Officer, visitor: Visitor, notice: String?, failure: ActionFailure?,
        revokeFailure: ResultPages.RevokeFailure? = nil
    ) async throws -> Response {
        let procedure = try await web.service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
        let events = try await web.store.events(dossierID: dossier.id, tenant: web.dependencies.tenant)
        let applicant = try await web.store.applicant(id: dossier.applicantID)
        var names = NameBook(web: web)
        var actorNames: [String: String] = [:]
        for id in Set(events.map(\.actor.id) + dossier.steps.compactMap(\.actor)) {
            if let name = await names.officer(id), !name.isEmpty { actorNames[id] = name }
        }
        if let applicant { actorNames[applicant.id] = applicant.fullName }
        let presenter = DossierPresenter(web: web, visitor: visitor)
        var summary = presenter.summary(dossier, procedure: procedure)
        summary["assignee"] = await names.officer(dossier.assignee) ?? ""
        summary["hasAssignee"] = dossier.assignee != nil
        summary["assisted"] = dossier.assisted
        summary["otherAgency"] = dossier.otherAgency.map(presenter.unitName) ?? ""
        summary["hasOtherAgency"] = dossier.otherAgency != nil
        summary["draftOutcome"] = dossier.draftOutcome.map { visitor.text(Self.outcomeLabel($0)) } ?? ""
        summary["hasDraftOutcome"] = dossier.draftOutcome != nil
        summary["reference"] = dossier.reference
        summary["hasStep"] = dossier.step != nil
        summary["supplementItems"] = dossier.supplementItems.map { item -> [String: Any] in
            let requirement = item.requirement.flatMap { id in
                procedure.documents.first { $0.id == id }.map { visitor.text($0.name) }
            }
            return [
                "description": item.description, "requirement": requirement ?? "", "hasRequirement": requirement != nil,
            ]
        }

        let report = DueDateReport(dossier: dossier, procedure: procedure, calendar: web.service.calendar)
        let explanation = visitor.text(report.explanation).split(separator: "\n").map { ["line": String($0)] }

        var data: [String: Any] = [
            "dossier": summary,
            "applicant": applicantValues(applicant, visitor: visitor),
            "answers": Self.answers(dossier, procedure: procedure, visitor: visitor),
            "documents": documentRows(
                dossier, procedure: procedure, visitor: visitor,
                origins: try await reusedOrigins(dossier, visitor: visitor)),
            "timeline": presenter.timeline(events, showActors: true, officers: actorNames).map { entry in
                var entry = entry
                entry["hasActor"] = !((entry["actor"] as? String) ?? "").isEmpty
                entry["hasNote"] = !((entry["note"] as? String) ?? "").isEmpty
                return entry
            },
            "explanation": explanation,
            "steps": stepRows(dossier, procedure: procedure, visitor: visitor, names: actorNames),
            "forms": printableForms(dossier, events: events, visitor: visitor),
        ]
        if let notice { data["notice"] = notice }
        if let result = try await ResultPages.officerSection(
            dossier, officer: officer, web: web, visitor: visitor, failure: revokeFailure)
        {
            data["result"] = result
        }
        let authorizer = web.service.authorizer
        var actions: [[String: Any]] = []
        for name in OfficerActionForms.order
        where OfficerActionForms.offers(name, on: dossier, to: officer, authorizer: authorizer)
            || failure?.action == name
        {
            actions.append(
                try await actionForm(
                    name, dossier: dossier, procedure: procedure, visitor: visitor,
                    failure: failure?.action == name ? failure : nil))
        }
        data["actions"] = actions
        data["hasActions"] = !actions.isEmpty
        var status: HTTPResponse.Status = .ok
        if let failure {
            status = failure.status
            var errors: [[String: String]] = failure.problems.map {
                ["field": "\(failure.action.rawValue)-\($0.field)", "message": visitor.text($0.message)]
            }
            if let general = failure.general {
                errors.append(["field": "action-\(failure.action.rawValue)", "message": visitor.text(general)])
            }
            data["errors"] = errors
            data["hasErrors"] = true
        }
        if let revokeFailure {
            status = revokeFailure.status
            data["errors"] = [
                [
                    "field": revokeFailure.field == "reason" ? "revoke-reason" : "result-title",
                    "message": visitor.text(revokeFailure.message),
                ]
            ]
            data["hasErrors"] = true
        }
        return web.page(
            "officer-dossier", title: "\(visitor.text("officer_dossier_title")) \(dossier.publicIdentifier)",
            visitor: visitor, data: data, status: status)
    }

    private func applicantValues(_ applicant: Applicant?, visitor: Visitor) -> [String: Any] {
        guard let applicant else { return ["name": "", "identifier": ""] }
        return [
            "name": applicant.fullName, "identifier": applicant.identifier,
            "kind": visitor.text(applicant.kind == .person ? "counter_kind_person" : "counter_kind_business"),
            "phone": applicant.phone ?? "", "hasPhone": !(applicant.phone ?? "").isEmpty,
            "email": applicant.email ?? "", "hasEmail": !(applicant.email ?? "").isEmpty,
            "address": applicant.address ?? "", "hasAddress": !(applicant.address ?? "").isEmpty,
        ]
    }

    /// The form answers with the procedure's labels, in the form's order (unknown keys last).
    static func answers(_ dossier: Dossier, procedure: Procedure, visitor: Visitor) -> [[String: Any]] {
        var rows: [[String: Any]] = []
        for field in procedure.form.fields {
            guard let value = dossier.data[field.name], value != .null else { continue }
            let shown =
                field.type == .select
                ? field.optionLabel(value.stringValue ?? "", language: visitor.language)
                : display(value, visitor: visitor)
            rows.append(["label": visitor.text(field.label), "value": shown])
        }
        let known = Set(procedure.form.fields.map(\.name))
        for key in dossier.data.keys.sorted() where !known.contains(key) {
            rows.append(["label": key, "value": display(dossier.data[key] ?? .null, visitor: visitor)])
        }
        return rows
    }

    static func display(_ value: JSONValue, visitor: Visitor) -> String {
        switch value {
        case .bool(let flag): return visitor.text(flag ? "yes" : "no")
        case .int(let number): return String(number)
        case .double(let number):
            return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .string(let text):
            if let date = LocalDate(string: text), date.isValid, text.count == 10 {
                return String(format: "%02d/%02d/%04d", date.day, date.month, date.year)
            }
            return text
        case .null: return ""
        default:
            return String(decoding: CanonicalJSON.encode(value), as: UTF8.self)
        }
    }

    /// The checklist beside what was provided: which requirement has which document.
    /// Where each reused document comes from, when it is an electronic result: its number, the
    /// dossier and unit that issued it, and whether its signatures and log entry verify now.
    private func reusedOrigins(_ dossier: Dossier, visitor: Visitor) async throws -> [String: String] {
        var origins: [String: String] = [:]
        for component in dossier.components where component.reused {
            guard let sha = component.document,
                let result = try await web.store.result(document: sha, tenant: web.dependencies.tenant)
            else { continue }
            var status = ""
            if let verifier = web.dependencies.verifier {
                let verification = try await verifier.verify(
                    code: result.dossierCode, number: result.number, now: web.service.clock.now())
                status = visitor.text(
                    verification.verdict == .authentic && verification.standing == .valid
                        ? "officer_reused_valid" : "officer_reused_invalid")
            }
            let presenter = DossierPresenter(web: web, visitor: visitor)
            origins[sha] =
                "\(visitor.text("officer_reused_from")) \(result.number) · \(result.dossierCode) · "
                + "\(presenter.unitName(result.unit)) — \(status)"
        }
        return origins
    }

    private func documentRows(
        _ dossier: Dossier, procedure: Procedure, visitor: Visitor, origins: [String: String] = [:]
    ) -> [[String: Any]] {
        let provided = Dictionary(dossier.components.map { ($0.requirement, $0) }, uniquingKeysWith: { $1 })
        return procedure.documents.map { requirement in
            let component = provided[requirement.id]
            var row: [String: Any] = [
                "name": visitor.text(requirement.name), "required": requirement.required,
                "provided": component != nil,
                "electronic": component?.document != nil,
                "paperOnly": component != nil && component?.document == nil,
                "digitised": component?.digitised == true, "reused": component?.reused == true,
            ]
            if let document = component?.document {
                row["href"] = "/work/documents/\(document)?dossier=\(dossier.id)"
                row["shortHash"] = String(document.prefix(12))
                row["origin"] = origins[document] ?? ""
            }
            return row
        }
    }

    /// Form 06's substance on screen: each step against its allotted time.
    private func stepRows(
        _ dossier: Dossier, procedure: Procedure, visitor: Visitor, names: [String: String]
    ) -> [[String: Any]] {
        let calendar = web.service.calendar
        let now = web.service.clock.now()
        let presenter = DossierPresenter(web: web, visitor: visitor)
        return dossier.steps.map { step in
            let spent = calendar.officeMinutes(from: step.startedAt, to: step.endedAt ?? now)
            let late = step.endedAt == nil && (step.due.map { $0 < now } ?? false)
            var timeliness = step.timeliness.map { visitor.text(DossierPresenter.timelinessLabel($0)) } ?? ""
            if step.endedAt == nil {
                timeliness = visitor.text(late ? "officer_step_running_late" : "officer_step_running")
            }
            return [
                "name": Self.stepName(step.step, procedure: procedure, visitor: visitor),
                "unit": presenter.unitName(step.unit),
                "actor": step.actor.flatMap { names[$0] } ?? "",
                "startedAt": web.dateTime(step.startedAt), "endedAt": web.dateTime(step.endedAt),
                "allotted": step.allottedMinutes.map { Self.duration($0, visitor) } ?? "",
                "spent": Self.duration(spent, visitor), "due": web.dateTime(step.due),
                "timeliness": timeliness, "late": step.timeliness == .late || late,
            ]
        }
    }

    static func stepName(_ id: String, procedure: Procedure, visitor: Visitor) -> String {
        if let step = procedure.process.first(where: { $0.id == id }) { return visitor.text(step.name) }
        let key = "officer_step_\(id)"
        return WebTexts.all[key] == nil ? id : visitor.text(key)
    }

    /// Office minutes as hours and minutes of working time.
    static func duration(_ minutes: Int, _ visitor: Visitor) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        if hours == 0 { return "\(rest) \(visitor.text("officer_minutes"))" }
        if rest == 0 { return "\(hours) \(visitor.text("officer_hours"))" }
        return "\(hours) \(visitor.text("officer_hours")) \(rest) \(visitor.text("officer_minutes"))"
    }

    static func outcomeLabel(_ outcome: Outcome) -> LocalizedText {
        switch outcome {
        case .granted: return .t("Giải quyết (cấp kết quả)", "Grant (issue the result)")
        case .refusal: return .t("Từ chối giải quyết (có lý do)", "Refuse (with reasons)")
        }
    }

    private func printableForms(_ dossier: Dossier, events: [SignedEvent], visitor: Visitor) -> [[String: Any]] {
        OfficerPrintForms.available(dossier, events: events).map { number in
            [
                "href": "/work/dossiers/\(dossier.id)/forms/\(number)",
                "pdfHref": "/work/dossiers/\(dossier.id)/forms/\(number).pdf",
                "label": visitor.text("form_\(number)_title"), "number": number,
            ]
        }
    }

    // MARK: - Action forms

    private func actionForm(
        _ name: ActionName, dossier: Dossier, procedure: Procedure, visitor: Visitor, failure: ActionFailure?
    ) async throws -> [String: Any] {
        let prefix = name.rawValue
        func value(_ field: String) -> String { failure?.form[field] ?? "" }
        func problem(_ field: String) -> String? {
            failure?.problems.first { $0.field == field }.map { visitor.text($0.message) }
        }
        func input(
            _ field: String, _ labelKey: String, type: String = "text", required: Bool = true, hintKey: String? = nil,
            textarea: Bool = false, fallback: String = ""
        ) -> [String: Any] {
            var values: [String: Any] = [
                "id": "\(prefix)-\(field)", "name": field, "label": visitor.text(labelKey), "type": type,
                "value": failure == nil ? fallback : value(field), "required": required,
                "isTextarea": textarea, "isInput": !textarea, "isSelect": false,
            ]
            if let hintKey { values["hint"] = visitor.text(hintKey) }
            if let message = problem(field) { values["error"] = message }
            return values
        }
        func select(
            _ field: String, _ labelKey: String, options: [(String, String)], selected: String
        ) -> [String: Any] {
            let chosen = failure == nil ? selected : value(field)
            var values: [String: Any] = [
                "id": "\(prefix)-\(field)", "name": field, "label": visitor.text(labelKey), "isSelect": true,
                "isInput": false, "isTextarea": false, "required": true,
                "options": options.map { ["value": $0.0, "label": $0.1, "selected": $0.0 == chosen] },
            ]
            if let message = problem(field) { values["error"] = message }
            return values
        }
        var fields: [[String: Any]] = []
        var lead: String?
        switch name {
        case .accept:
            lead = visitor.text("officer_accept_lead")
        case .requestSupplement:
            fields = [input("reason", "officer_field_supplement_reason", textarea: true)]
        case .refuse:
            fields = [
                input("reason", "officer_field_refuse_reason", textarea: true),
                input("redirect", "officer_field_redirect", required: false, hintKey: "officer_field_redirect_hint"),
            ]
        case .assign:
            let tree = web.service.units.value
            let specialists = try await web.store.officers(tenant: web.dependencies.tenant, unit: nil).filter {
                candidate in
                candidate.active
                    && candidate.roles.contains {
                        $0.role == .specialist && tree.isWithin(dossier.competentUnit, subtreeOf: $0.unit)
                    }
            }
            let options =
                [("", visitor.text("officer_choose"))]
                + specialists.map { ($0.id, $0.fullName + ($0.id == dossier.assignee ? " ✓" : "")) }
            fields = [select("officerId", "officer_field_assignee", options: options, selected: "")]
            lead = visitor.text(dossier.state == .received ? "officer_assign_lead" : "officer_reassign_lead")
        case .appraise:
            fields = [input("note", "officer_field_note", textarea: true)]
        case .submitForApproval:
            fields = [
                select(
                    "outcome", "officer_field_outcome",
                    options: Outcome.allCases.map { ($0.rawValue, visitor.text(Self.outcomeLabel($0))) },
                    selected: Outcome.granted.rawValue),
                input("summary", "officer_field_summary", textarea: true),
            ]
        case .sendToOtherAgency:
            let tree = web.service.units.value
            let today = web.service.calendar.localDate(of: web.service.clock.now())
            let units = tree.units.values
                .filter { $0.code != dossier.competentUnit && $0.isActive(on: today) }
                .sorted { $0.code < $1.code }
            fields = [
                select(
                    "unit", "officer_field_agency",
                    options: [("", visitor.text("officer_choose"))] + units.map { ($0.code, visitor.text($0.name)) },
                    selected: ""),
                input("note", "officer_field_note", required: false, textarea: true),
            ]
        case .returnFromOtherAgency:
            fields = [input("note", "officer_field_agency_result", required: false, textarea: true)]
        case .assessFee:
            fields = [
                input(
                    "amount", "officer_field_amount", hintKey: "officer_field_amount_hint",
                    fallback: dossier.feeAmount > 0 ? String(dossier.feeAmount) : ""),
                input("reference", "officer_field_fee_reference"),
            ]
        case .pay:
            lead =
                "\(visitor.text("officer_pay_lead")) \(Web.money(dossier.feeAmount)) \(visitor.text("currency_vnd"))."
            fields = [input("reference", "officer_field_payment_receipt")]
        case .extend:
            let latest = dossier.dueAt.map { web.service.calendar.latestExtensionMoment(forDue: $0) }
            lead =
                "\(visitor.text("officer_extend_lead")) \(web.dateTime(dossier.dueAt)). "
                + "\(visitor.text("officer_extend_latest")) \(web.dateTime(latest))."
            fields = [
                input("newDue", "officer_field_new_due", type: "date"),
                input("reason", "officer_field_extend_reason", textarea: true),
            ]
        case .stop:
            fields = [input("legalReason", "officer_field_legal_reason", textarea: true)]
        case .approve:
            lead = visitor.text("officer_approve_lead")
            fields = [input("comment", "officer_field_comment", required: false, textarea: true)]
        case .returnForRework:
            fields = [input("comment", "officer_field_rework", textarea: true)]
        case .issue:
            fields = [input("resultNumber", "officer_field_result_number", hintKey: "officer_field_result_hint")]
        case .deliver:
            let channels: [DeliveryChannel] = [.counter, .post, .electronic]
            fields = [
                select(
                    "channel", "officer_field_channel",
                    options: channels.map { ($0.rawValue, visitor.text("officer_delivery_\($0.rawValue)")) },
                    selected: DeliveryChannel.counter.rawValue)
            ]
        case .withdraw:
            lead = visitor.text("officer_withdraw_lead")
            fields = [input("reason", "officer_field_withdraw_reason", required: false, textarea: true)]
        case .submit, .receiveAtCounter, .supplement:
            break
        }
        var values: [String: Any] = [
            "action": prefix, "formId": "action-\(prefix)",
            "title": visitor.text(DossierPresenter.eventLabel(prefix)),
            "button": visitor.text("officer_button_\(prefix)"),
            "url": "/work/dossiers/\(dossier.id)/actions/\(prefix)",
            "fields": fields, "warning": OfficerActionForms.irreversible.contains(name),
            "confirm": visitor.text("officer_confirm_irreversible"),
            "isSupplement": name == .requestSupplement,
        ]
        if let lead { values["lead"] = lead }
        if let general = failure?.general { values["failure"] = visitor.text(general) }
        if name == .requestSupplement {
            let rowError = problem("item_description_1")
            values["rows"] = (1...OfficerActionForms.supplementRows(procedure)).map { row -> [String: Any] in
                let chosen = value("item_requirement_\(row)")
                var values: [String: Any] = [
                    "index": row, "description": value("item_description_\(row)"),
                    "requirements": [["value": "", "label": visitor.text("officer_item_other"), "selected": false]]
                        + procedure.documents.map {
                            ["value": $0.id, "label": visitor.text($0.name), "selected": $0.id == chosen]
                        },
                ]
                if row == 1, let rowError { values["error"] = rowError }
                return values
            }
        }
        return values
    }

    // MARK: - Documents

    /// A document of a dossier the officer may read (and only of that dossier).
    @Sendable func document(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let officer = try Self.requireStaff(web, visitor)
        let sha256 = try context.parameters.require("sha256")
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit), let key = QueryText(request)["dossier"] else {
            throw OneGateError.notFound("document")
        }
        let dossier = try await web.service.readable(key, by: .officer(officer))
        guard let component = dossier.components.first(where: { $0.document == sha256 }),
            let document = try await web.store.document(sha256: sha256, tenant: web.dependencies.tenant)
        else { throw OneGateError.notFound("document") }
        try await DataAccessRecorder(dependencies: web.dependencies).officer(
            officer, read: .documentRead, of: dossier, resource: "\(component.requirement):\(sha256)")
        let suffix: String
        switch document.contentType {
        case "application/pdf": suffix = "pdf"
        case "image/png": suffix = "png"
        default: suffix = "jpg"
        }
        let filename = "\(dossier.publicIdentifier)-\(component.requirement).\(suffix)"
            .filter { $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) }
        return Response(
            status: .ok,
            headers: [
                .contentType: document.contentType, .cacheControl: "private, no-store",
                .contentDisposition: "inline; filename=\"\(filename)\"",
                HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            ],
            body: .init(byteBuffer: .init(bytes: document.bytes)))
    }
}

/// Officer and applicant names looked up once per page.
struct NameBook {
    let web: Web
    private var officers: [String: String] = [:]

    init(web: Web) { self.web = web }

    /// The officer's full name, nil when there is no such officer (or no id).
    mutating func officer(_ id: String?) async -> String? {
        guard let id else { return nil }
        if let known = officers[id] { return known.isEmpty ? nil : known }
        let name = (try? await web.store.officer(id: id))?.fullName ?? ""
        officers[id] = name
        return name.isEmpty ? nil : name
    }
}
