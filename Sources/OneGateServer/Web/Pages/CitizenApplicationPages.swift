import Foundation
import Hummingbird
import OneGateCore

/// Applying online: fill the catalogue's form, attach documents (upload, or pick one uploaded
/// before), save a draft and come back, review, submit, and get the receipt.
struct CitizenApplicationPages {
    let web: Web

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("apply/{code}", use: start)
        router.post("apply/{code}", use: create)
        router.get("drafts/{id}", use: edit)
        router.post("drafts/{id}", use: update)
        router.get("drafts/{id}/review", use: review)
        router.post("drafts/{id}/submit", use: submit)
    }

    /// Uploads travel with the form: the limit covers every document a procedure asks for.
    private var formLimit: Int { web.dependencies.limits.maximumDocumentBytes + 1_048_576 }

    @Sendable func start(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let applicant = try web.requireApplicant(visitor)
        let procedure = try await onlineProcedure(try context.parameters.require("code"))
        var draft = Draft(
            id: "", tenant: web.dependencies.tenant, applicantID: applicant.id, procedureCode: procedure.code,
            createdAt: web.service.clock.now(), updatedAt: web.service.clock.now())
        var eidSession = false
        if let token = visitor.session {
            eidSession = try await web.dependencies.sessions.assurance(token: token) != nil
        }
        let prefill = await Prefill(web: web).values(for: procedure, applicant: applicant, eidSession: eidSession)
        draft.data = prefill.data
        draft.prefilled = prefill.sources
        return try await formPage(
            draft, procedure: procedure, visitor: visitor, action: "/apply/\(procedure.code)",
            notice: prefill.registryProblem.map { visitor.text($0) })
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let applicant = try web.requireApplicant(visitor)
        let form = try await web.readForm(request, visitor, limit: formLimit)
        let procedure = try await onlineProcedure(try context.parameters.require("code"))
        let now = web.service.clock.now()
        let draft = Draft(
            id: web.service.ids.id(), tenant: web.dependencies.tenant, applicantID: applicant.id,
            procedureCode: procedure.code, createdAt: now, updatedAt: now)
        return try await save(draft, form: form, procedure: procedure, applicant: applicant, visitor: visitor)
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let applicant = try web.requireApplicant(visitor)
        let draft = try await ownDraft(try context.parameters.require("id"), applicant: applicant)
        let procedure = try await web.service.currentProcedure(draft.procedureCode)
        var notice: String?
        if request.uri.queryParameters["done"] == "saved" { notice = visitor.text("apply_saved_notice") }
        return try await formPage(
            draft, procedure: procedure, visitor: visitor, action: "/drafts/\(draft.id)", notice: notice)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let applicant = try web.requireApplicant(visitor)
        let form = try await web.readForm(request, visitor, limit: formLimit)
        let draft = try await ownDraft(try context.parameters.require("id"), applicant: applicant)
        if form["intent"] == "delete" {
            try await web.store.deleteDraft(id: draft.id, tenant: web.dependencies.tenant)
            return web.redirect("/my/dossiers?done=draft_deleted")
        }
        let procedure = try await web.service.currentProcedure(draft.procedureCode)
        return try await save(draft, form: form, procedure: procedure, applicant: applicant, visitor: visitor)
    }

    /// Applies the submitted answers and files to the draft and stores it; then either comes
    /// back to the form (save) or goes on to the review (when nothing is missing).
    private func save(
        _ original: Draft, form: FormData, procedure: Procedure, applicant: Applicant, visitor: Visitor
    ) async throws -> Response {
        var draft = original
        let application = ApplicationForm(procedure: procedure, visitor: visitor)
        draft.data = application.values(from: form)
        if draft.prefilled == nil { draft.prefilled = Prefill.decode(form["prefilled"]) }
        var documentProblems: [String: String] = [:]
        var components = Dictionary(draft.components.map { ($0.requirement, $0) }, uniquingKeysWith: { $1 })
        for document in procedure.documents {
            if let file = form.file(ApplicationForm.uploadName(document)) {
                do {
                    let sha = try await web.storeUpload(file, owner: applicant.id)
                    components[document.id] = DossierComponent(requirement: document.id, document: sha)
                    draft.fileNames[document.id] = String(file.filename.suffix(120))
                } catch let failure as OneGateError {
                    documentProblems[document.id] = visitor.text(failure.message)
                }
            } else if let picked = form[ApplicationForm.pickName(document)], picked != components[document.id]?.document
            {
                guard
                    try await web.store.documentOwned(sha256: picked, by: applicant.id, tenant: web.dependencies.tenant)
                else { throw OneGateError.notFound("document") }
                // A revoked, superseded or expired result is not offered, and not accepted either.
                if let result = try await web.store.result(document: picked, tenant: web.dependencies.tenant),
                    result.standing(at: web.service.clock.now()) != .valid
                {
                    documentProblems[document.id] = visitor.text("vault_result_not_valid")
                    continue
                }
                components[document.id] = DossierComponent(requirement: document.id, document: picked, reused: true)
                draft.fileNames[document.id] = visitor.text("apply_reused_document")
            }
        }
        draft.components = procedure.documents.compactMap { components[$0.id] }
        draft.updatedAt = web.service.clock.now()
        try await web.store.saveDraft(draft)
        let wantsReview = form["intent"] == "review"
        if !wantsReview && documentProblems.isEmpty { return web.redirect("/drafts/\(draft.id)?done=saved") }
        var fieldProblems = wantsReview ? procedure.form.problems(in: draft.data) : []
        fieldProblems.removeAll { $0.code == "unknown_field" }
        if wantsReview {
            for document in procedure.documents where document.required && components[document.id] == nil {
                documentProblems[document.id] = documentProblems[document.id] ?? visitor.text("apply_document_missing")
            }
        }
        if fieldProblems.isEmpty && documentProblems.isEmpty { return web.redirect("/drafts/\(draft.id)/review") }
        return try await formPage(
            draft, procedure: procedure, visitor: visitor, action: "/drafts/\(draft.id)", problems: fieldProblems,
            documentProblems: documentProblems)
    }

    private func formPage(
        _ draft: Draft, procedure: Procedure, visitor: Visitor, action: String,
        problems: [FormDefinition.Problem] = [], documentProblems: [String: String] = [:], notice: String? = nil
    ) async throws -> Response {
        let application = ApplicationForm(procedure: procedure, visitor: visitor)
        let vault: [VaultEntry]
        if let applicant = try await web.store.applicant(id: draft.applicantID) {
            vault = try await Vault(web: web).entries(of: applicant, visitor: visitor)
        } else {
            vault = []
        }
        let fields = application.fields(values: draft.data, problems: problems, prefilled: draft.prefilled ?? [:])
        let documents = application.documents(
            components: draft.components, fileNames: draft.fileNames, vault: vault, problems: documentProblems,
            date: web.date)
        var errors: [[String: String]] = problems.map {
            [
                "field": "f_" + $0.field,
                "message": "\(fieldLabel($0.field, procedure, visitor)): \(visitor.text($0.message))",
            ]
        }
        for document in procedure.documents {
            if let message = documentProblems[document.id] {
                errors.append(["field": document.id, "message": "\(visitor.text(document.name)): \(message)"])
            }
        }
        return web.page(
            "citizen-apply", title: visitor.text(procedure.name), visitor: visitor,
            data: [
                "action": action, "procedureName": visitor.text(procedure.name), "procedureCode": procedure.code,
                "fields": fields, "documents": documents, "hasDocuments": !documents.isEmpty,
                "errors": errors, "hasErrors": !errors.isEmpty, "isDraft": !draft.id.isEmpty,
                "savedAt": draft.id.isEmpty ? "" : web.dateTime(draft.updatedAt), "notice": notice ?? "",
                "hasNotice": notice != nil, "retentionDays": Draft.retentionDays,
                "prefilled": Prefill.encode(draft.prefilled ?? [:]),
            ],
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    private func fieldLabel(_ name: String, _ procedure: Procedure, _ visitor: Visitor) -> String {
        procedure.form.fields.first { $0.name == name }.map { visitor.text($0.label) } ?? name
    }

    @Sendable func review(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let applicant = try web.requireApplicant(visitor)
        let draft = try await ownDraft(try context.parameters.require("id"), applicant: applicant)
        let procedure = try await web.service.currentProcedure(draft.procedureCode)
        return reviewPage(draft, procedure: procedure, visitor: visitor, errors: [])
    }

    private func reviewPage(
        _ draft: Draft, procedure: Procedure, visitor: Visitor, errors: [[String: String]]
    ) -> Response {
        let answers = procedure.form.fields.map { field -> [String: String] in
            let value = field.display(draft.data[field.name], language: visitor.language)
            return ["label": visitor.text(field.label), "value": value.isEmpty ? "—" : value]
        }
        let documents = procedure.documents.map { document -> [String: Any] in
            let attached = draft.components.first { $0.requirement == document.id && $0.document != nil }
            return [
                "name": visitor.text(document.name), "attached": attached != nil,
                "fileName": draft.fileNames[document.id] ?? "",
            ]
        }
        let fee = procedure.feeDue(channel: .online)
        return web.page(
            "citizen-review", title: visitor.text("apply_review_title"), visitor: visitor,
            data: [
                "draftId": draft.id, "procedureName": visitor.text(procedure.name), "answers": answers,
                "documents": documents, "timeLimit": procedure.timeLimit.text(in: visitor.language),
                "fee": fee == 0 ? visitor.text("free_of_charge") : "\(Web.money(fee)) \(visitor.text("currency_vnd"))",
                "errors": errors, "hasErrors": !errors.isEmpty,
                "fieldError_declaration": errors.first { $0["field"] == "declaration" }?["message"] ?? "",
            ],
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// Submits the draft. The draft's id is the idempotency key: pressing the button twice, or
    /// reloading the answer, gives the same dossier and the same receipt.
    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let applicant = try web.requireApplicant(visitor)
        let form = try await web.readForm(request, visitor, limit: 8192)
        let draftID = try context.parameters.require("id")
        let key = "web-draft-\(draftID)"
        if let replayed = try await web.store.idempotentResponse(principal: applicant.id, key: key) {
            return try await receipt(replayed.response, visitor: visitor)
        }
        let draft = try await ownDraft(draftID, applicant: applicant)
        let procedure = try await web.service.currentProcedure(draft.procedureCode)
        guard form["declaration"] == "true" else {
            return reviewPage(
                draft, procedure: procedure, visitor: visitor,
                errors: [["field": "declaration", "message": visitor.text("apply_declaration_missing")]])
        }
        let secret = web.service.ids.secret()
        let claim = IdempotencyClaim(
            principal: applicant.id, key: key, requestHash: web.service.signer.digest(Array(key.utf8)),
            respond: { dossier in
                StoredResponse(status: 201, body: try JSONBody.bytes(ReceiptRecord(id: dossier.id, secret: secret)))
            })
        let input = ApplicationInput(
            procedureCode: procedure.code, receivingUnit: nil, competentUnit: nil, secret: secret, data: draft.data,
            components: draft.components)
        let result: ServiceResult
        do {
            result = try await web.service.submitOnline(input, by: applicant, idempotency: claim)
        } catch let failure as OneGateError where failure.kind == .unprocessable {
            return reviewPage(
                draft, procedure: procedure, visitor: visitor,
                errors: [["field": "declaration", "message": visitor.text(failure.message)]])
        }
        try await web.store.deleteDraft(id: draft.id, tenant: web.dependencies.tenant)
        switch result {
        case .replayed(let stored), .fresh(_, let stored?): return try await receipt(stored, visitor: visitor)
        case .fresh(let dossier, nil):
            return try await receipt(
                StoredResponse(status: 201, body: try JSONBody.bytes(ReceiptRecord(id: dossier.id, secret: secret))),
                visitor: visitor)
        }
    }

    /// What a submission stores under its idempotency key, to show the same receipt again.
    struct ReceiptRecord: Codable {
        var id: String
        var secret: String
    }

    private func receipt(_ stored: StoredResponse, visitor: Visitor) async throws -> Response {
        let record = try JSONBody.decoder.decode(ReceiptRecord.self, from: Data(stored.body))
        guard let applicant = visitor.applicant else { throw OneGateError.forbidden }
        let dossier = try await web.service.readable(record.id, by: .applicant(applicant))
        let procedure = try await web.service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
        let presenter = DossierPresenter(web: web, visitor: visitor)
        return web.page(
            "citizen-receipt", title: visitor.text("receipt_online_title"), visitor: visitor,
            data: [
                "dossier": presenter.summary(dossier, procedure: procedure), "secret": record.secret,
                "applicantName": applicant.fullName,
                "components": procedure.documents.map { document in
                    [
                        "name": visitor.text(document.name),
                        "attached": dossier.components.contains { $0.requirement == document.id && $0.document != nil },
                    ] as [String: Any]
                },
            ],
            status: .created)
    }

    private func ownDraft(_ id: String, applicant: Applicant) async throws -> Draft {
        guard let draft = try await web.store.draft(id: id, tenant: web.dependencies.tenant),
            draft.applicantID == applicant.id
        else { throw OneGateError.notFound("draft") }
        if draft.isExpired(at: web.service.clock.now()) {
            try await web.store.deleteDraft(id: draft.id, tenant: web.dependencies.tenant)
            throw OneGateError.notFound("draft")
        }
        return draft
    }

    private func onlineProcedure(_ code: String) async throws -> Procedure {
        let procedure = try await web.service.currentProcedure(code)
        guard procedure.onlineLevel != .none else {
            throw OneGateError(
                .unprocessable, "not_offered_online", vi: "Thủ tục này không được cung cấp trực tuyến.",
                en: "This procedure is not offered online.")
        }
        return procedure
    }
}
