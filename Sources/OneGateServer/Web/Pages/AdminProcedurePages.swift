import Foundation
import Hummingbird
import OneGateCore

/// The catalogue: current procedures, one version with the history, and an editor. Saving goes
/// through `importProcedures`, which stores changed content as the next version, so dossiers
/// received earlier keep the version (time limit, fee, documents) they were received under.
extension AdminPages {
    @Sendable func procedures(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        try scope.require(scope.managesCatalogue)
        let rows = try await web.store.currentProcedures(tenant: tenant).sorted { $0.code < $1.code }.map { procedure in
            [
                "code": procedure.code, "name": visitor.text(procedure.name), "version": procedure.version,
                "level": visitor.text(DossierPresenter.levelLabel(procedure.level)),
                "timeLimit": procedure.timeLimit.text(in: visitor.language),
                "onlineLevel": visitor.text(DossierPresenter.onlineLevelLabel(procedure.onlineLevel)),
            ] as [String: Any]
        }
        return adminPage(
            "admin-procedures", title: visitor.text("admin_procedures_title"), visitor: visitor, request: request,
            data: ["procedures": rows, "hasProcedures": !rows.isEmpty])
    }

    @Sendable func procedure(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        try scope.require(scope.managesCatalogue)
        let code = try context.parameters.require("code")
        let query = QueryText(request)
        guard let current = try await web.store.procedure(code: code, version: nil, tenant: tenant) else {
            throw OneGateError.notFound("procedure")
        }
        let version = try query.integer("version", default: current.version, in: 1...current.version)
        guard let shown = try await web.store.procedure(code: code, version: version, tenant: tenant) else {
            throw OneGateError.notFound("procedure")
        }
        var history: [[String: Any]] = []
        for number in stride(from: current.version, through: 1, by: -1) {
            guard let old = try await web.store.procedure(code: code, version: number, tenant: tenant) else { continue }
            history.append([
                "version": number, "name": visitor.text(old.name),
                "timeLimit": old.timeLimit.text(in: visitor.language), "fee": fee(old, visitor),
                "isShown": number == version, "isCurrent": number == current.version,
            ])
        }
        return adminPage(
            "admin-procedure", title: visitor.text(shown.name), visitor: visitor, request: request,
            data: [
                "code": shown.code, "version": shown.version, "isCurrent": shown.version == current.version,
                "currentVersion": current.version, "nameVi": shown.name.vi, "nameEn": shown.name.en,
                "topic": visitor.text(shown.topic), "level": visitor.text(DossierPresenter.levelLabel(shown.level)),
                "timeLimit": shown.timeLimit.text(in: visitor.language), "fee": fee(shown, visitor),
                "onlineLevel": visitor.text(DossierPresenter.onlineLevelLabel(shown.onlineLevel)),
                "resultName": visitor.text(shown.resultName), "legalBasis": shown.legalBasis,
                "documents": shown.documents.map { ["name": visitor.text($0.name), "required": $0.required] },
                "fields": shown.form.fields.map {
                    [
                        "name": $0.name, "label": visitor.text($0.label), "type": $0.type.rawValue,
                        "required": $0.required,
                    ]
                },
                "history": history,
            ])
    }

    private func fee(_ procedure: Procedure, _ visitor: Visitor) -> String {
        guard procedure.fee.amount > 0 else { return visitor.text("free_of_charge") }
        return "\(Web.money(procedure.fee.amount)) \(visitor.text("currency_vnd"))"
            + (procedure.fee.freeOnline ? " — \(visitor.text("procedure_free_online"))" : "")
    }

    @Sendable func editProcedure(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        try scope.require(scope.managesCatalogue)
        let code = try context.parameters.require("code")
        guard let current = try await web.store.procedure(code: code, version: nil, tenant: tenant) else {
            throw OneGateError.notFound("procedure")
        }
        return procedureForm(
            ProcedureDraft(current), baseVersion: current.version, visitor: visitor, request: request,
            errors: FormErrors())
    }

    @Sendable func saveProcedure(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        try scope.require(scope.managesCatalogue)
        let code = try context.parameters.require("code")
        guard let current = try await web.store.procedure(code: code, version: nil, tenant: tenant) else {
            throw OneGateError.notFound("procedure")
        }
        let form = try await web.readForm(request, visitor, limit: 262_144)
        var draft = ProcedureDraft(form)
        draft.code = code
        var errors = FormErrors()
        let baseVersion = Int(form["baseVersion"] ?? "") ?? 0
        if baseVersion != current.version {
            // Someone saved a version while this form was open: saving would silently undo it.
            errors.add("nameVi", visitor.text("admin_procedure_stale"))
        }
        let procedure = draft.procedure(basedOn: current, errors: &errors, visitor: visitor)
        if errors.isEmpty, let procedure {
            do {
                try procedure.validate()
            } catch {
                let field: String
                switch error.details["field"] {
                case "name.vi": field = "nameVi"
                case "documents": field = "documents"
                case "form": field = "formFields"
                case "onlineLevel": field = "onlineLevel"
                case "timeLimit": field = "timeLimit"
                default: field = "nameVi"
                }
                errors.add(field, visitor.text(error.message))
            }
        }
        guard errors.isEmpty, let procedure else {
            return procedureForm(draft, baseVersion: baseVersion, visitor: visitor, request: request, errors: errors)
        }
        let summary = try await web.store.importProcedures([procedure], tenant: tenant)
        web.dependencies.catalogue.invalidate()
        let notice = summary.newVersions > 0 ? "procedure_saved" : "procedure_unchanged"
        return web.redirect("/admin/procedures/\(Web.queryEscape(code))?notice=\(notice)")
    }

    private func procedureForm(
        _ draft: ProcedureDraft, baseVersion: Int, visitor: Visitor, request: Request, errors: FormErrors
    ) -> Response {
        func options<Value: RawRepresentable & CaseIterable>(
            _ all: Value.AllCases, selected: String, label: (Value) -> LocalizedText
        ) -> [[String: Any]] where Value.RawValue == String {
            all.map { ["value": $0.rawValue, "label": visitor.text(label($0)), "selected": $0.rawValue == selected] }
        }
        let fields = [
            AdminField(name: "nameVi", label: visitor.text("admin_procedure_name_vi"), value: draft.nameVi),
            AdminField(name: "nameEn", label: visitor.text("admin_procedure_name_en"), value: draft.nameEn),
            AdminField(name: "topicVi", label: visitor.text("admin_procedure_topic_vi"), value: draft.topicVi),
            AdminField(name: "topicEn", label: visitor.text("admin_procedure_topic_en"), value: draft.topicEn),
            AdminField(
                name: "level", label: visitor.text("procedure_level"),
                kind: .select(
                    options: options(ProcedureLevel.allCases, selected: draft.level) {
                        DossierPresenter.levelLabel($0)
                    })),
            AdminField(
                name: "timeLimit", label: visitor.text("procedure_time_limit"), value: draft.timeLimit,
                hint: visitor.text("admin_procedure_time_limit_hint")),
            AdminField(
                name: "fee", label: visitor.text("admin_procedure_fee"), value: draft.fee,
                kind: .input(type: "text"), hint: visitor.text("admin_procedure_fee_hint")),
            AdminField(
                name: "freeOnline", label: visitor.text("admin_procedure_free_online"),
                kind: .checkbox(checked: draft.freeOnline)),
            AdminField(
                name: "onlineLevel", label: visitor.text("procedure_online_level"),
                kind: .select(
                    options: options(OnlineLevel.allCases, selected: draft.onlineLevel) {
                        DossierPresenter.onlineLevelLabel($0)
                    })),
            AdminField(
                name: "fullOnlineEligible", label: visitor.text("admin_procedure_full_online_eligible"),
                kind: .checkbox(checked: draft.fullOnlineEligible)),
            AdminField(
                name: "resultNameVi", label: visitor.text("admin_procedure_result_vi"), value: draft.resultNameVi),
            AdminField(
                name: "resultNameEn", label: visitor.text("admin_procedure_result_en"), value: draft.resultNameEn),
            AdminField(
                name: "legalBasis", label: visitor.text("procedure_legal_basis"), value: draft.legalBasis,
                kind: .textarea(rows: 3)),
            AdminField(
                name: "documents", label: visitor.text("admin_procedure_documents"), value: draft.documents,
                kind: .textarea(rows: 14), hint: visitor.text("admin_procedure_documents_hint")),
            AdminField(
                name: "formFields", label: visitor.text("admin_procedure_form_fields"), value: draft.formFields,
                kind: .textarea(rows: 18), hint: visitor.text("admin_procedure_form_fields_hint")),
        ]
        return adminPage(
            "admin-procedure-form", title: visitor.text("admin_procedure_edit"), visitor: visitor, request: request,
            data: [
                "code": draft.code, "name": draft.nameVi, "baseVersion": baseVersion,
                "fields": fields.map { $0.values(errors) },
            ], errors: errors)
    }
}

/// The editable part of a procedure as the form holds it: plain text, so that a form with
/// mistakes comes back exactly as it was typed.
struct ProcedureDraft {
    var code = ""
    var nameVi = ""
    var nameEn = ""
    var topicVi = ""
    var topicEn = ""
    var level = ""
    var timeLimit = ""
    var fee = ""
    var freeOnline = false
    var onlineLevel = ""
    var fullOnlineEligible = false
    var resultNameVi = ""
    var resultNameEn = ""
    var legalBasis = ""
    var documents = ""
    var formFields = ""

    init(_ procedure: Procedure) {
        code = procedure.code
        nameVi = procedure.name.vi
        nameEn = procedure.name.en
        topicVi = procedure.topic.vi
        topicEn = procedure.topic.en
        level = procedure.level.rawValue
        timeLimit = procedure.timeLimit.description
        fee = String(procedure.fee.amount)
        freeOnline = procedure.fee.freeOnline
        onlineLevel = procedure.onlineLevel.rawValue
        fullOnlineEligible = procedure.fullOnlineEligible
        resultNameVi = procedure.resultName.vi
        resultNameEn = procedure.resultName.en
        legalBasis = procedure.legalBasis
        documents = Self.json(procedure.documents)
        formFields = Self.json(procedure.form.fields)
    }

    init(_ form: FormData) {
        nameVi = form["nameVi"] ?? ""
        nameEn = form["nameEn"] ?? ""
        topicVi = form["topicVi"] ?? ""
        topicEn = form["topicEn"] ?? ""
        level = form["level"] ?? ""
        timeLimit = form["timeLimit"] ?? ""
        fee = form["fee"] ?? ""
        freeOnline = form["freeOnline"] == "true"
        onlineLevel = form["onlineLevel"] ?? ""
        fullOnlineEligible = form["fullOnlineEligible"] == "true"
        resultNameVi = form["resultNameVi"] ?? ""
        resultNameEn = form["resultNameEn"] ?? ""
        legalBasis = form["legalBasis"] ?? ""
        documents = form["documents"] ?? "[]"
        formFields = form["formFields"] ?? "[]"
    }

    static func json<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    /// The procedure this draft describes, on top of `current` (competent units and process are
    /// not edited here); nil with errors recorded when something cannot be read.
    func procedure(basedOn current: Procedure, errors: inout FormErrors, visitor: Visitor) -> Procedure? {
        var procedure = current
        if nameVi.isEmpty || nameVi.count > 500 { errors.add("nameVi", visitor.text("admin_procedure_name_missing")) }
        if topicVi.isEmpty || topicVi.count > 200 {
            errors.add("topicVi", visitor.text("admin_procedure_topic_missing"))
        }
        procedure.name = LocalizedText(vi: nameVi, en: String(nameEn.prefix(500)))
        procedure.topic = LocalizedText(vi: topicVi, en: String(topicEn.prefix(200)))
        if let level = ProcedureLevel(rawValue: level) {
            procedure.level = level
        } else {
            errors.add("level", visitor.text("admin_choose_one"))
        }
        do {
            procedure.timeLimit = try TimeLimit(parsing: timeLimit)
        } catch {
            errors.add("timeLimit", visitor.text("admin_procedure_time_limit_invalid"))
        }
        let digits = fee.filter { $0 != "." && $0 != " " && $0 != "," }
        if let amount = Int64(digits), amount >= 0, amount <= 1_000_000_000_000 {
            procedure.fee.amount = amount
        } else {
            errors.add("fee", visitor.text("admin_procedure_fee_invalid"))
        }
        procedure.fee.freeOnline = freeOnline
        if let online = OnlineLevel(rawValue: onlineLevel) {
            procedure.onlineLevel = online
        } else {
            errors.add("onlineLevel", visitor.text("admin_choose_one"))
        }
        procedure.fullOnlineEligible = fullOnlineEligible
        if resultNameVi.isEmpty { errors.add("resultNameVi", visitor.text("admin_procedure_result_missing")) }
        procedure.resultName = LocalizedText(vi: resultNameVi, en: resultNameEn)
        procedure.legalBasis = String(legalBasis.prefix(4000))
        if let documents = Self.decode([RequiredDocument].self, documents, field: "documents", errors: &errors, visitor)
        {
            if documents.contains(where: { $0.id.isEmpty || $0.name.vi.isEmpty || $0.documentType.isEmpty }) {
                errors.add("documents", visitor.text("admin_procedure_documents_incomplete"))
            }
            procedure.documents = documents
        }
        if let fields = Self.decode([FormField].self, formFields, field: "formFields", errors: &errors, visitor) {
            if fields.contains(where: {
                $0.name.isEmpty || $0.label.vi.isEmpty || ($0.type == .select && ($0.options ?? []).isEmpty)
            }) {
                errors.add("formFields", visitor.text("admin_procedure_fields_incomplete"))
            }
            procedure.form = FormDefinition(fields: fields)
        }
        return errors.isEmpty ? procedure : nil
    }

    /// JSON typed into a text area, with where it goes wrong when it does.
    static func decode<Value: Decodable>(
        _ type: Value.Type, _ text: String, field: String, errors: inout FormErrors, _ visitor: Visitor
    ) -> Value? {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch let error as DecodingError {
            var path: [any CodingKey] = []
            switch error {
            case .keyNotFound(let key, let context): path = context.codingPath + [key]
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                path = context.codingPath
            @unknown default: break
            }
            let location = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            errors.add(
                field, visitor.text("admin_json_invalid") + (location.isEmpty ? "" : " (\(location))"))
        } catch {
            errors.add(field, visitor.text("admin_json_invalid"))
        }
        return nil
    }
}
