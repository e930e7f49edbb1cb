import Crypto
import Foundation
import OneGateCore
import OneGateSigning

/// Results issued on paper and scanned (results.md): the scan is stored as a digitised copy with
/// the scanning officer's detached signature, flagged as such, and appended to the transparency
/// log; it is never presented as a native electronic result.
struct DigitisedResults {
    let dependencies: AppDependencies

    func record(scan: [UInt8], number: String, dossier: Dossier, by officer: Officer) async throws -> IssuedResult {
        let service = dependencies.service
        let roles: Set<Role> = [.clerk, .reception, .leader]
        guard service.authorizer.officer(officer, has: roles, at: dossier.competentUnit) else {
            throw OneGateError.forbidden
        }
        guard dossier.state == .processed || dossier.state == .returned else {
            throw OneGateError(
                .conflict, "result_not_issued", vi: "Hồ sơ chưa có kết quả được ban hành.",
                en: "The dossier has no issued result yet.")
        }
        let trimmed = number.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 60, dossier.resultNumber == nil || dossier.resultNumber == trimmed
        else {
            throw OneGateError.invalid(
                field: "number", vi: "Số văn bản phải trùng với số kết quả của hồ sơ.",
                en: "The number must be the dossier's result number.")
        }
        if try await dependencies.store.result(dossierID: dossier.id, tenant: dependencies.tenant) != nil {
            throw OneGateError(
                .conflict, "result_exists", vi: "Hồ sơ đã có kết quả điện tử.",
                en: "The dossier already has an electronic result.")
        }
        let type = try DocumentInspector.check(
            scan, declared: nil, maximumBytes: dependencies.limits.maximumDocumentBytes)
        guard type == "application/pdf" else {
            throw OneGateError(
                .unsupportedMediaType, "not_a_pdf", vi: "Bản quét phải là tệp PDF.", en: "The scan must be a PDF file.")
        }
        guard let documents = dependencies.documents else {
            throw OneGateError(
                .unavailable, "documents_unavailable", vi: "Chức năng văn bản chưa sẵn sàng.",
                en: "Documents are not available.")
        }
        let now = Timestamp.truncate(service.clock.now())
        let signature = try await documents.pades.detachedSignature(
            digest: Array(SHA256.hash(data: scan)), as: .officer(id: officer.id, name: officer.fullName), at: now)
        let scanSHA = try await store(scan, type: "application/pdf", owner: officer.id, at: now)
        let signatureSHA = try await store(signature, type: "application/pkcs7-signature", owner: officer.id, at: now)
        var result = IssuedResult(
            dossierID: dossier.id, tenant: dependencies.tenant, dossierCode: dossier.publicIdentifier, number: trimmed,
            document: scanSHA, leaderDocument: scanSHA, unit: dossier.competentUnit,
            granted: (dossier.outcome ?? .granted) == .granted, issuedAt: now, validUntil: nil, digitised: true)
        result.detachedSignature = signatureSHA
        let entry = TransparencyEntries.issued(result, instance: dependencies.instanceName)
        _ = try await dependencies.store.saveDigitisedResult(
            result,
            entry: TransparencyEntry(
                entry: entry, leafHash: TransparencyEntries.leafHash(entry, digest: service.signer.digest), at: now))
        return try await dependencies.store.result(dossierID: dossier.id, tenant: dependencies.tenant) ?? result
    }

    private func store(_ bytes: [UInt8], type: String, owner: String, at now: Date) async throws -> String {
        let sha = dependencies.service.signer.digest(bytes)
        try await dependencies.store.putDocument(
            StoredDocument(sha256: sha, contentType: type, bytes: bytes, createdAt: now), owner: owner,
            tenant: dependencies.tenant)
        return sha
    }
}
