import Foundation
import HTTPTypes
import Hummingbird
import OneGateCore
import OneGateSigning

/// Issued results on the web: the public verification (by dossier code and number, the QR code's
/// short link, or an uploaded PDF), and the revocation of a result by a leader of its unit.
struct ResultPages {
    let web: Web

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("verify", use: verify)
        router.post("verify", use: verifyUpload)
        router.get("v/{code}", use: shortLink)
        router.post("work/dossiers/{id}/result/revoke", use: revoke)
    }

    // MARK: - Verification by code and number

    /// The result with this number for the dossier with this code: its signed PDF checked by the
    /// verifier. A dossier issued before results became documents (no result row) is checked as
    /// before, by its signed history. The QR code on a result leads here through `/v/{code}`.
    @Sendable func verify(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let query = QueryText(request)
        let code = String((query["code"] ?? "").prefix(60)).trimmingCharacters(in: .whitespaces)
        let number = String((query["result"] ?? "").prefix(60)).trimmingCharacters(in: .whitespaces)
        var data = formValues(code: code, number: number)
        guard !code.isEmpty || !number.isEmpty else { return page(visitor, data: data) }
        if let verifier = web.dependencies.verifier,
            try await web.store.result(code: code, number: number, tenant: web.dependencies.tenant) != nil
        {
            let verification = try await verifier.verify(code: code, number: number, now: web.service.clock.now())
            data["verification"] = try await VerificationPresenter(web: web, visitor: visitor).values(verification)
            return page(visitor, data: data, status: verification.verdict == .notFound ? .notFound : .ok)
        }
        return try await verifyHistory(code: code, number: number, visitor: visitor, data: data)
    }

    /// Results issued before the signed PDFs: the number must be the dossier's and the dossier's
    /// signed history must verify.
    private func verifyHistory(
        code: String, number: String, visitor: Visitor, data: [String: Any]
    ) async throws -> Response {
        var data = data
        var verdict = "not_found"
        if let dossier = try await web.store.dossier(code: code, tenant: web.dependencies.tenant),
            let issued = dossier.resultNumber, issued == number, dossier.outcome == .granted
        {
            let events = try await web.store.events(dossierID: dossier.id, tenant: web.dependencies.tenant)
            let failure = try await web.dependencies.audit.verify(events: events)
            verdict = failure == nil ? "valid" : "tampered"
            let procedure = try? await web.service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
            let issuedAt = events.last { $0.type == ActionName.issue.rawValue }?.at
            data["facts"] = [
                "procedureName": procedure.map { visitor.text($0.name) } ?? dossier.procedureCode,
                "resultName": procedure.map { visitor.text($0.resultName) } ?? "",
                "unit": DossierPresenter(web: web, visitor: visitor).unitName(dossier.competentUnit),
                "issuedAt": web.dateTime(issuedAt), "resultNumber": issued, "events": events.count,
            ]
        }
        data["valid"] = verdict == "valid"
        data["tampered"] = verdict == "tampered"
        data["notFound"] = verdict == "not_found"
        return page(visitor, data: data, status: verdict == "not_found" ? .notFound : .ok)
    }

    // MARK: - Verification of an uploaded file

    /// A PDF someone holds: matched against the results issued and its signatures checked. The
    /// file is only read, never stored.
    @Sendable func verifyUpload(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let maximum = web.dependencies.limits.maximumDocumentBytes
        let data = formValues(code: "", number: "")
        func refused(_ key: String, status: HTTPResponse.Status) -> Response {
            let errors = [["field": "pdf", "message": visitor.text(key)]]
            return page(
                visitor,
                data: data.merging(["errors": errors, "hasErrors": true]) { $1 }.merging(
                    SignInPages.fieldErrors(errors)
                ) { $1 }, status: status)
        }
        let form: FormData
        do {
            form = try await web.readForm(request, visitor, limit: maximum + 65_536)
        } catch let failure as OneGateError where failure.kind == .payloadTooLarge {
            return refused("verify_upload_too_large", status: .contentTooLarge)
        }
        guard let file = form.file("pdf") else {
            return refused("verify_upload_missing", status: .unprocessableContent)
        }
        guard file.bytes.count <= maximum else { return refused("verify_upload_too_large", status: .contentTooLarge) }
        guard file.bytes.starts(with: Array("%PDF-".utf8)) else {
            return refused("verify_upload_not_pdf", status: .unprocessableContent)
        }
        guard let verifier = web.dependencies.verifier else {
            return refused("verify_unavailable", status: .serviceUnavailable)
        }
        let verification = try await verifier.verify(pdf: file.bytes, now: web.service.clock.now())
        let name = String(file.filename.prefix(120))
        var values = data
        values["verification"] = try await VerificationPresenter(web: web, visitor: visitor).values(
            verification, uploadedName: name.isEmpty ? "PDF" : name)
        return page(visitor, data: values)
    }

    // MARK: - The QR code's short link

    /// `/v/{code}`: to the verification of the dossier's result when one was issued, otherwise to
    /// the status page with the code filled in (the secret is never in a URL).
    @Sendable func shortLink(_ request: Request, context: AppRequestContext) async throws -> Response {
        let code = String(try context.parameters.require("code").prefix(60))
        if let dossier = try await web.store.dossier(code: code, tenant: web.dependencies.tenant),
            let result = try await web.store.result(dossierID: dossier.id, tenant: web.dependencies.tenant)
        {
            return web.redirect(
                "/verify?code=\(Web.queryEscape(result.dossierCode))&result=\(Web.queryEscape(result.number))")
        }
        return web.redirect("/status?code=\(Web.queryEscape(code))")
    }

    private func formValues(code: String, number: String) -> [String: Any] {
        let megabytes = max(1, web.dependencies.limits.maximumDocumentBytes / 1_048_576)
        return ["code": code, "result": number, "maximumSize": "\(megabytes) MB"]
    }

    private func page(_ visitor: Visitor, data: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        web.page("verify", title: visitor.text("verify_title"), visitor: visitor, data: data, status: status)
    }

    // MARK: - Revocation

    /// What went wrong with the revocation form, to show next to it.
    struct RevokeFailure {
        var reason: String
        var replacedBy: String
        /// The field the message belongs to (`reason`), or nil for the form as a whole.
        var field: String?
        var message: LocalizedText
        var status: HTTPResponse.Status
    }

    /// A leader of the competent unit revokes the result, or marks it replaced by another number;
    /// the revocation goes into the transparency log with it.
    @Sendable func revoke(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let officer = try OfficerPages.requireStaff(web, visitor)
        let form = try await web.readForm(request, visitor)
        let dossier = try await web.service.readable(try context.parameters.require("id"), by: .officer(officer))
        let reason = String((form["reason"] ?? "").prefix(4000))
        let replacedBy = String((form["replacedBy"] ?? "").prefix(60))
        do {
            _ = try await ResultRevocation(dependencies: web.dependencies).revoke(
                dossier: dossier, by: officer, reason: reason, supersededBy: replacedBy.isEmpty ? nil : replacedBy)
            return web.redirect("/work/dossiers/\(dossier.id)?done=result_revoked", visitor: visitor)
        } catch let refused as OneGateError
            where refused.kind != .internalFailure && refused.kind != .unavailable && refused.kind != .notFound
        {
            let failure = RevokeFailure(
                reason: reason, replacedBy: replacedBy,
                field: refused.details["field"] == "reason" ? "reason" : nil, message: refused.message,
                status: refused.kind.status)
            let current = try await web.service.readable(dossier.id, by: .officer(officer))
            return try await OfficerPages(web: web).workspacePage(
                current, officer: officer, visitor: visitor, notice: nil, failure: nil, revokeFailure: failure)
        }
    }

    /// The officer workspace's section on the issued result: number, standing, files, and the
    /// revocation form for a leader of the competent unit while the result stands.
    static func officerSection(
        _ dossier: Dossier, officer: Officer, web: Web, visitor: Visitor, failure: RevokeFailure?
    ) async throws -> [String: Any]? {
        guard let result = try await web.store.result(dossierID: dossier.id, tenant: web.dependencies.tenant) else {
            return nil
        }
        let standing = result.standing(at: web.service.clock.now())
        let leader = web.service.authorizer.officer(officer, has: [.leader], at: dossier.competentUnit)
        var values: [String: Any] = [
            "number": result.number, "issuedAt": web.dateTime(result.issuedAt),
            "digitised": result.digitised,
            "standing": VerificationPresenter.standing(standing, result, web, visitor),
            "pdfHref": "/work/dossiers/\(dossier.id)/result.pdf",
            "verifyHref":
                "/verify?code=\(Web.queryEscape(result.dossierCode))&result=\(Web.queryEscape(result.number))",
            "canRevoke": leader && result.status == .valid,
            "revokeHref": "/work/dossiers/\(dossier.id)/result/revoke",
            "revokeReason": failure?.reason ?? "", "revokeReplacedBy": failure?.replacedBy ?? "",
        ]
        if let failure {
            if failure.field == "reason" {
                values["revokeReasonError"] = visitor.text(failure.message)
            } else {
                values["revokeFailure"] = visitor.text(failure.message)
            }
        }
        return values
    }
}
