import Foundation
import Hummingbird
import OneGateCore

/// The person's vault: results issued to them (with their standing and signature status) and what
/// they uploaded; download, and delete what they uploaded (only that).
struct VaultPages {
    let web: Web

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("my/vault", use: list)
        router.post("my/vault/{sha256}/delete", use: delete)
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
}
