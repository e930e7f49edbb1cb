import Foundation
import HTTPTypes
import Hummingbird
import OneGateCore

/// The person's vault: results issued to them (with their standing and signature status) and what
/// they uploaded; download, and delete what they uploaded (only that).
struct VaultPages {
    let web: Web

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("my/vault", use: list)
        router.post("my/vault/{sha256}/delete", use: delete)
        router.post("my/vault/{sha256}/share", use: share)
        router.get("shared/{token}", use: shared)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let applicant = try web.requireApplicant(visitor)
        let entries = try await Vault(web: web).entries(of: applicant, visitor: visitor)
        var rows: [[String: Any]] = []
        for entry in entries {
            var signature = visitor.text("vault_unsigned")
            if entry.source != .upload, let verifier = web.dependencies.verifier,
                let document = try await web.store.document(sha256: entry.sha256, tenant: web.dependencies.tenant)
            {
                let verification = try await verifier.verify(pdf: document.bytes, now: web.service.clock.now())
                signature = visitor.text(
                    verification.verdict == .authentic ? "vault_signed_valid" : "vault_signed_invalid")
            }
            rows.append([
                "sha256": entry.sha256, "shortHash": String(entry.sha256.prefix(12)), "name": entry.name,
                "issuer": entry.issuer, "number": entry.number ?? "", "hasNumber": entry.number != nil,
                "date": web.date(entry.date),
                "source": visitor.text(
                    entry.source == .upload
                        ? "vault_source_upload"
                        : entry.source == .digitised ? "vault_source_digitised" : "vault_source_result"),
                "standing": entry.standing.map { visitor.text("vault_standing_\($0.rawValue)") } ?? "",
                "usable": entry.usable, "signature": signature, "canDelete": entry.source == .upload,
                "canShare": entry.usable,
                "dossierCode": entry.dossierCode ?? "",
            ])
        }
        let done = QueryText(request)["done"]
        return web.page(
            "citizen-vault", title: visitor.text("vault_title"), visitor: visitor,
            data: [
                "rows": rows, "hasRows": !rows.isEmpty,
                "notice": done == "deleted" ? visitor.text("vault_deleted") : "",
                "hasNotice": done == "deleted",
            ])
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        _ = try await web.readForm(request, visitor, limit: 4096)
        let applicant = try web.requireApplicant(visitor)
        let sha = try context.parameters.require("sha256")
        guard sha.count == 64, sha.allSatisfy(\.isHexDigit),
            try await web.store.documentOwned(sha256: sha, by: applicant.id, tenant: web.dependencies.tenant)
        else { throw OneGateError.notFound("document") }
        // Only what the person uploaded: a result issued to them is a record of the administration.
        guard try await web.store.result(document: sha, tenant: web.dependencies.tenant) == nil else {
            throw OneGateError(
                .forbidden, "vault_result_kept", vi: "Kết quả do cơ quan cấp không thể xóa khỏi kho dữ liệu.",
                en: "A result issued by an agency cannot be deleted from the vault.")
        }
        try await web.store.disownDocument(sha256: sha, owner: applicant.id, tenant: web.dependencies.tenant)
        return web.redirect("/my/vault?done=deleted")
    }

    /// Makes a share link for one document of the vault, shown once on the answer page (never put
    /// in a URL of the person's own pages, where logs would keep it).
    @Sendable func share(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        _ = try await web.readForm(request, visitor, limit: 4096)
        let applicant = try web.requireApplicant(visitor)
        let sha = try context.parameters.require("sha256")
        guard sha.count == 64, sha.allSatisfy(\.isHexDigit),
            try await web.store.documentOwned(sha256: sha, by: applicant.id, tenant: web.dependencies.tenant)
        else { throw OneGateError.notFound("document") }
        let now = web.service.clock.now()
        if let result = try await web.store.result(document: sha, tenant: web.dependencies.tenant),
            result.standing(at: now) != .valid
        {
            throw OneGateError(
                .conflict, "result_not_valid", vi: "Kết quả này không còn hiệu lực, không chia sẻ được.",
                en: "This result no longer stands and cannot be shared.")
        }
        let link = VaultShareLink(
            sha256: sha, owner: applicant.id, expires: now.addingTimeInterval(VaultShareLink.lifetime))
        let url =
            (web.dependencies.documents?.publicURL ?? "") + "/shared/" + link.token(key: web.dependencies.shareKey)
        return web.page(
            "citizen-vault-share", title: visitor.text("vault_share_title"), visitor: visitor,
            data: ["url": url, "expires": web.dateTime(link.expires), "shortHash": String(sha.prefix(12))])
    }

    /// Whoever holds a share link downloads the document; the owner's access log records it.
    @Sendable func shared(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let now = web.service.clock.now()
        guard let link = VaultShareLink.verify(token, key: web.dependencies.shareKey, now: now),
            try await web.store.documentOwned(sha256: link.sha256, by: link.owner, tenant: web.dependencies.tenant),
            let document = try await web.store.document(sha256: link.sha256, tenant: web.dependencies.tenant)
        else { throw OneGateError.notFound("document") }
        if let result = try await web.store.result(document: link.sha256, tenant: web.dependencies.tenant),
            result.standing(at: now) != .valid
        {
            throw OneGateError.notFound("document")
        }
        try await DataAccessRecorder(dependencies: web.dependencies).log.record(
            DataAccess(
                subject: link.owner, actor: "link", actorName: "Người nhận đường dẫn chia sẻ", unit: nil,
                action: .sharedByLink, resource: link.sha256, purpose: "Đường dẫn chia sẻ từ kho dữ liệu", at: now))
        let suffix =
            document.contentType == "application/pdf" ? "pdf" : document.contentType == "image/png" ? "png" : "jpg"
        return Response(
            status: .ok,
            headers: [
                .contentType: document.contentType, .cacheControl: "private, no-store",
                .contentDisposition: "attachment; filename=\"tai-lieu-\(link.sha256.prefix(12)).\(suffix)\"",
                HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            ],
            body: .init(byteBuffer: .init(bytes: document.bytes)))
    }
}
