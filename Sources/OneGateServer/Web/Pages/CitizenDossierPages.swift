import Foundation
import HTTPTypes
import Hummingbird
import OneGateCore

/// The applicant's dossiers: the list, one dossier's timeline with what is expected of them and
/// by when, and what they can do: supplement, withdraw, pay, download the result, evaluate.
struct CitizenDossierPages {
    let web: Web

    static let pageSize = 20

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("my/dossiers", use: list)
        router.get("my/dossiers/{id}", use: detail)
        router.post("my/dossiers/{id}/supplement", use: supplement)
        router.post("my/dossiers/{id}/withdraw", use: withdraw)
        router.get("my/dossiers/{id}/pay", use: payment)
        router.post("my/dossiers/{id}/pay", use: pay)
        router.post("my/dossiers/{id}/evaluate", use: evaluate)
        router.get("my/dossiers/{id}/result", use: result)
        router.get("my/dossiers/{id}/result/signed-record.zip", use: signedRecord)
        router.get("my/documents/{sha256}", use: document)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let applicant = try web.requireApplicant(visitor)
        let page = max(1, min(10_000, Int(request.uri.queryParameters["page"].map(String.init) ?? "1") ?? 1))
        let found = try await web.store.dossiers(
            {
                var query = DossierQuery(
                    tenant: web.dependencies.tenant, applicantID: applicant.id, limit: Self.pageSize,
                    offset: (page - 1) * Self.pageSize)
                query.newestFirst = true
                return query
            }())
        let presenter = DossierPresenter(web: web, visitor: visitor)
        var items: [[String: Any]] = []
        for dossier in found.items {
            let procedure = try? await web.service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
            items.append(presenter.summary(dossier, procedure: procedure))
        }
        var drafts: [[String: Any]] = []
        let now = web.service.clock.now()
        for draft in try await web.store.drafts(applicantID: applicant.id, tenant: web.dependencies.tenant) {
            // Drafts left alone longer than the retention period go, as the form page promises.
            if draft.isExpired(at: now) {
                try await web.store.deleteDraft(id: draft.id, tenant: web.dependencies.tenant)
                continue
            }
            let procedure = try? await web.service.currentProcedure(draft.procedureCode)
            drafts.append([
                "id": draft.id, "procedureName": procedure.map { visitor.text($0.name) } ?? draft.procedureCode,
                "updatedAt": web.dateTime(draft.updatedAt),
            ])
        }
        let done = request.uri.queryParameters["done"].map(String.init)
        return web.page(
            "citizen-dossiers", title: visitor.text("nav_my_dossiers"), visitor: visitor,
            data: [
                "items": items, "hasItems": !items.isEmpty, "drafts": drafts, "hasDrafts": !drafts.isEmpty,
                "total": found.total, "notice": done == "draft_deleted" ? visitor.text("apply_draft_deleted") : "",
                "hasNotice": done == "draft_deleted",
                "pagination": Pagination(page: page, pageSize: Self.pageSize, total: found.total, base: "/my/dossiers?")
                    .values(visitor),
            ])
    }

    @Sendable func detail(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let applicant = try web.requireApplicant(visitor)
        let dossier = try await web.service.readable(try context.parameters.require("id"), by: .applicant(applicant))
        let done = request.uri.queryParameters["done"].map(String.init)
        return try await detailPage(dossier, visitor: visitor, notice: done.map { "done_\($0)" })
    }

    private func detailPage(
        _ dossier: Dossier, visitor: Visitor, notice: String? = nil, errors: [[String: String]] = [],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let procedure = try await web.service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
        let presenter = DossierPresenter(web: web, visitor: visitor)
        let events = try await web.store.events(dossierID: dossier.id, tenant: web.dependencies.tenant)
        let evaluation = try await web.store.evaluation(dossierID: dossier.id, tenant: web.dependencies.tenant)
        let requested = Set(dossier.supplementItems.compactMap(\.requirement))
        let uploads = procedure.documents.filter { requested.isEmpty || requested.contains($0.id) }.map { document in
            [
                "id": document.id, "name": visitor.text(document.name),
                "uploadName": ApplicationForm.uploadName(document),
            ]
        }
        let documents = procedure.documents.map { document -> [String: Any] in
            let component = dossier.components.first { $0.requirement == document.id }
            return [
                "name": visitor.text(document.name), "sha256": component?.document ?? "",
                "attached": component?.document != nil,
            ]
        }
        let noticeKeys = [
            "done_supplemented", "done_withdrawn", "done_paid", "done_evaluated",
        ]
        let noticeText = notice.flatMap { noticeKeys.contains($0) ? visitor.text("citizen_\($0)") : nil }
        let issued = try await web.store.result(dossierID: dossier.id, tenant: web.dependencies.tenant)
        var resultPanel: [String: Any]?
        if let number = dossier.resultNumber, dossier.outcome == .granted || issued != nil {
            resultPanel = [
                "id": dossier.id, "number": number, "canOpen": dossier.outcome == .granted,
                "hasPDF": issued != nil, "pdfHref": "/my/dossiers/\(dossier.id)/result.pdf",
                "digitised": issued?.digitised ?? false,
                "standingNote": issued.map { result -> String in
                    let standing = result.standing(at: web.service.clock.now())
                    return standing == .valid ? "" : visitor.text("verify_standing_\(standing.rawValue)")
                } ?? "",
            ]
        }
        let expectation: String
        switch dossier.state {
        case .supplementRequested: expectation = visitor.text("citizen_expect_supplement")
        case .awaitingPayment: expectation = visitor.text("citizen_expect_payment")
        case .processed: expectation = visitor.text("citizen_expect_collect")
        case .submitted: expectation = visitor.text("citizen_expect_reception")
        case .received, .inProgress: expectation = visitor.text("citizen_expect_wait")
        default: expectation = ""
        }
        return web.page(
            "citizen-dossier", title: "\(visitor.text("dossier_code")) \(dossier.publicIdentifier)", visitor: visitor,
            data: [
                "dossier": presenter.summary(dossier, procedure: procedure),
                "timeline": presenter.timeline(events, showActors: false),
                "expectation": expectation, "hasExpectation": !expectation.isEmpty,
                "uploads": uploads, "documents": documents,
                "resultPanel": resultPanel ?? [:], "hasResultPanel": resultPanel != nil,
                "receiptHref": dossier.code != nil && dossier.receivedAt != nil
                    ? "/my/dossiers/\(dossier.id)/receipt.pdf" : "",
                "canWithdraw": !dossier.state.isTerminal && dossier.state != .processed,
                "canEvaluate": dossier.state.isTerminal, "evaluated": evaluation != nil,
                "rating": evaluation?.rating ?? 0,
                "ratings": (1...5).map { (value: Int) -> [String: Any] in
                    [
                        "value": value, "label": visitor.text("rating_\(value)"),
                        "checked": evaluation?.rating == value,
                    ]
                },
                "notice": noticeText ?? "", "hasNotice": noticeText != nil,
                "errors": errors, "hasErrors": !errors.isEmpty,
            ]
            .merging(SignInPages.fieldErrors(errors)) { $1 },
            status: status)
    }

    /// Performs an action for the applicant and comes back to the dossier; a refusal by the
    /// domain (a wrong state, a missing reason) is shown on the page, next to the form.
    private func act(
        _ action: DossierAction, on dossier: Dossier, applicant: Applicant, visitor: Visitor, done: String,
        field: String
    ) async throws -> Response {
        do {
            _ = try await web.service.perform(action, on: dossier.id, by: .applicant(applicant), idempotency: nil)
        } catch let failure as OneGateError where failure.kind != .internalFailure && failure.kind != .unavailable {
            let current = try await web.service.readable(dossier.id, by: .applicant(applicant))
            return try await detailPage(
                current, visitor: visitor, errors: [["field": field, "message": visitor.text(failure.message)]],
                status: failure.kind.status)
        }
        return web.redirect("/my/dossiers/\(dossier.id)?done=\(done)")
    }

    @Sendable func supplement(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let applicant = try web.requireApplicant(visitor)
        let form = try await web.readForm(
            request, visitor, limit: web.dependencies.limits.maximumDocumentBytes + 1_048_576)
        let dossier = try await web.service.readable(try context.parameters.require("id"), by: .applicant(applicant))
        let procedure = try await web.service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
        var components: [DossierComponent] = []
        for document in procedure.documents {
            guard let file = form.file(ApplicationForm.uploadName(document)) else { continue }
            do {
                let sha = try await web.storeUpload(file, owner: applicant.id)
                components.append(DossierComponent(requirement: document.id, document: sha))
            } catch let failure as OneGateError {
                return try await detailPage(
                    dossier, visitor: visitor,
                    errors: [
                        ["field": ApplicationForm.uploadName(document), "message": visitor.text(failure.message)]
                    ],
                    status: failure.kind.status)
            }
        }
        guard !components.isEmpty else {
            return try await detailPage(
                dossier, visitor: visitor,
                errors: [["field": "supplement", "message": visitor.text("citizen_supplement_missing")]],
                status: .unprocessableContent)
        }
        return try await act(
            .supplement(components: components, data: [:]), on: dossier, applicant: applicant, visitor: visitor,
            done: "supplemented", field: "supplement")
    }

    @Sendable func withdraw(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let applicant = try web.requireApplicant(visitor)
        let form = try await web.readForm(request, visitor)
        let dossier = try await web.service.readable(try context.parameters.require("id"), by: .applicant(applicant))
        guard let reason = form["reason"], reason.count <= 2000 else {
            return try await detailPage(
                dossier, visitor: visitor,
                errors: [["field": "reason", "message": visitor.text("citizen_withdraw_reason_missing")]],
                status: .unprocessableContent)
        }
        return try await act(
            .withdraw(reason: reason), on: dossier, applicant: applicant, visitor: visitor, done: "withdrawn",
            field: "reason")
    }

    /// The sandbox payment provider: it shows what a payment gateway would (amount, reference)
    /// and confirms at once. A real provider plugs in behind the same two routes.
    @Sendable func payment(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let applicant = try web.requireApplicant(visitor)
        let dossier = try await web.service.readable(try context.parameters.require("id"), by: .applicant(applicant))
        guard dossier.state == .awaitingPayment else { return web.redirect("/my/dossiers/\(dossier.id)") }
        return web.page(
            "citizen-pay", title: visitor.text("pay_title"), visitor: visitor,
            data: [
                "id": dossier.id, "code": dossier.publicIdentifier,
                "amount": "\(Web.money(dossier.feeAmount)) \(visitor.text("currency_vnd"))",
                "reference": dossier.paymentReference ?? "",
            ])
    }

    @Sendable func pay(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let applicant = try web.requireApplicant(visitor)
        _ = try await web.readForm(request, visitor)
        let dossier = try await web.service.readable(try context.parameters.require("id"), by: .applicant(applicant))
        let reference = "SANDBOX-" + IdentifierSource.randomToken(length: 12)
        return try await act(
            .pay(method: .online, reference: reference), on: dossier, applicant: applicant, visitor: visitor,
            done: "paid", field: "pay")
    }

    @Sendable func evaluate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let applicant = try web.requireApplicant(visitor)
        let form = try await web.readForm(request, visitor)
        let dossier = try await web.service.readable(try context.parameters.require("id"), by: .applicant(applicant))
        guard dossier.state.isTerminal else { throw OneGateError.forbidden }
        guard let rating = form["rating"].flatMap(Int.init), (1...5).contains(rating) else {
            return try await detailPage(
                dossier, visitor: visitor,
                errors: [["field": "rating", "message": visitor.text("citizen_rating_missing")]],
                status: .unprocessableContent)
        }
        try await web.store.saveEvaluation(
            ServiceEvaluation(
                dossierID: dossier.id, tenant: web.dependencies.tenant, applicantID: applicant.id, rating: rating,
                comment: String((form["comment"] ?? "").prefix(2000)), createdAt: web.service.clock.now()))
        return web.redirect("/my/dossiers/\(dossier.id)?done=evaluated")
    }

    /// The result notice: what was decided, its number, where to verify it, and the downloads: the
    /// signed PDF with the unit's detached signature, and the signed record of the dossier.
    @Sendable func result(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let applicant = try web.requireApplicant(visitor)
        let dossier = try await web.service.readable(try context.parameters.require("id"), by: .applicant(applicant))
        guard let number = dossier.resultNumber, dossier.outcome == .granted else {
            throw OneGateError.notFound("result")
        }
        let procedure = try await web.service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
        let events = try await web.store.events(dossierID: dossier.id, tenant: web.dependencies.tenant)
        let issuedAt = events.last { $0.type == ActionName.issue.rawValue }?.at
        let code = dossier.publicIdentifier
        let issued = try await web.store.result(dossierID: dossier.id, tenant: web.dependencies.tenant)
        let standing = issued?.standing(at: web.service.clock.now())
        return web.page(
            "citizen-result", title: visitor.text(procedure.resultName), visitor: visitor,
            data: [
                "id": dossier.id, "code": code, "resultNumber": number,
                "resultName": visitor.text(procedure.resultName), "procedureName": visitor.text(procedure.name),
                "applicantName": applicant.fullName,
                "unit": DossierPresenter(web: web, visitor: visitor).unitName(dossier.competentUnit),
                "issuedAt": web.dateTime(issuedAt),
                "verifyLink": "/verify?code=\(Web.queryEscape(code))&result=\(Web.queryEscape(number))",
                "hasPDF": issued != nil, "hasSignature": issued?.detachedSignature != nil,
                "digitised": issued?.digitised ?? false,
                "standingNote": standing.map { $0 == .valid ? "" : visitor.text("verify_standing_\($0.rawValue)") }
                    ?? "",
            ])
    }

    /// The dossier's signed events as the audit export of signatures.md (verifiable with OpenSSL).
    @Sendable func signedRecord(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let applicant = try web.requireApplicant(visitor)
        let dossier = try await web.service.readable(try context.parameters.require("id"), by: .applicant(applicant))
        guard dossier.resultNumber != nil else { throw OneGateError.notFound("result") }
        let events = try await web.store.events(dossierID: dossier.id, tenant: web.dependencies.tenant)
        let zip = try await web.dependencies.audit.exportZip(events: events, dossierCode: dossier.publicIdentifier)
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/zip", .cacheControl: "private, no-store",
                .contentDisposition: "attachment; filename=\"signed-record.zip\"",
            ],
            body: .init(byteBuffer: .init(bytes: zip)))
    }

    /// A document of one of the applicant's dossiers, or one they uploaded.
    @Sendable func document(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let applicant = try web.requireApplicant(visitor)
        let sha = try context.parameters.require("sha256")
        guard sha.count == 64, sha.allSatisfy(\.isHexDigit) else { throw OneGateError.notFound("document") }
        var allowed = try await web.store.documentOwned(sha256: sha, by: applicant.id, tenant: web.dependencies.tenant)
        if !allowed, let key = request.uri.queryParameters["dossier"].map(String.init) {
            let dossier = try await web.service.readable(key, by: .applicant(applicant))
            allowed = dossier.components.contains { $0.document == sha }
        }
        guard allowed, let stored = try await web.store.document(sha256: sha, tenant: web.dependencies.tenant) else {
            throw OneGateError.notFound("document")
        }
        return Response(
            status: .ok,
            headers: [.contentType: stored.contentType, .cacheControl: "private, no-store"],
            body: .init(byteBuffer: .init(bytes: stored.bytes)))
    }
}
