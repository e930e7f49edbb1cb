import Foundation
import OneGateCore
import OneGateSigning

/// Revokes (or marks superseded) an issued result: only a leader of the competent unit, with a
/// reason; the revocation is appended to the transparency log in the same transaction.
struct ResultRevocation {
    let dependencies: AppDependencies

    func revoke(
        dossier: Dossier, by officer: Officer, reason: String, supersededBy: String?
    ) async throws
        -> IssuedResult
    {
        let service = dependencies.service
        guard service.authorizer.officer(officer, has: [.leader], at: dossier.competentUnit) else {
            throw OneGateError.forbidden
        }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 2000 else {
            throw OneGateError.invalid(
                field: "reason", vi: "Cần nêu lý do thu hồi (tối đa 2000 ký tự).",
                en: "A reason for the revocation is required (at most 2000 characters).")
        }
        let replacement = supersededBy?.trimmingCharacters(in: .whitespaces)
        guard var result = try await dependencies.store.result(dossierID: dossier.id, tenant: dependencies.tenant)
        else { throw OneGateError.notFound("result") }
        guard result.status == .valid else {
            throw OneGateError(
                .conflict, "result_already_revoked", vi: "Kết quả đã bị thu hồi hoặc thay thế.",
                en: "The result has already been revoked or superseded.")
        }
        let now = Timestamp.truncate(service.clock.now())
        result.status = (replacement?.isEmpty ?? true) ? .revoked : .superseded
        result.revokedAt = now
        result.revocationReason = trimmed
        result.supersededBy = (replacement?.isEmpty ?? true) ? nil : String(replacement!.prefix(60))
        let entry = TransparencyEntries.revoked(
            result, instance: dependencies.instanceName, by: officer.id, at: now)
        _ = try await dependencies.store.revokeResult(
            result,
            entry: TransparencyEntry(
                entry: entry, leafHash: TransparencyEntries.leafHash(entry, digest: service.signer.digest), at: now))
        return try await dependencies.store.result(dossierID: dossier.id, tenant: dependencies.tenant) ?? result
    }
}
