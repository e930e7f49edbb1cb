import Foundation
import OneGateCore

/// One document of a person's vault: an electronic result issued to them (or a digitised paper
/// result), or a document they uploaded.
struct VaultEntry {
    enum Source { case result, digitised, upload }

    var sha256: String
    var source: Source
    /// The result's name (`Giấy khai sinh`) or the file's kind.
    var name: String
    var issuer: String
    var number: String?
    var date: Date
    var standing: ResultStanding?
    /// The procedure whose result this is: what `result:<code>` requirements it satisfies.
    var procedureCode: String?
    var dossierCode: String?
    var contentType: String
    var size: Int?

    /// Usable for a new application: uploads always; results only while they stand.
    var usable: Bool { standing == nil || standing == .valid }
}

/// The person's vault (once-only.md): their issued results, found through their dossiers, and
/// what they uploaded. Results are delivered into it when issued (the applicant becomes an owner of
/// the PDF), so they can be attached to another application by reference.
struct Vault {
    let web: Web

    /// The requirement's procedure when it asks for another procedure's result (`result:<code>`).
    static func resultProcedure(of requirement: RequiredDocument) -> String? {
        requirement.documentType.hasPrefix("result:") ? String(requirement.documentType.dropFirst(7)) : nil
    }

    func entries(of applicant: Applicant, visitor: Visitor) async throws -> [VaultEntry] {
        let tenant = web.dependencies.tenant
        let presenter = DossierPresenter(web: web, visitor: visitor)
        var query = DossierQuery(
            tenant: tenant, applicantID: applicant.id, states: [.processed, .returned], limit: 200, offset: 0)
        query.newestFirst = true
        let finished = try await web.store.dossiers(query)
        var entries: [VaultEntry] = []
        var resultFiles: Set<String> = []
        let now = web.service.clock.now()
        for dossier in finished.items {
            guard let result = try await web.store.result(dossierID: dossier.id, tenant: tenant) else { continue }
            resultFiles.insert(result.document)
            if let signature = result.detachedSignature { resultFiles.insert(signature) }
            let procedure = try? await web.service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
            entries.append(
                VaultEntry(
                    sha256: result.document, source: result.digitised ? .digitised : .result,
                    name: procedure.map { visitor.text($0.resultName) } ?? dossier.procedureCode,
                    issuer: presenter.unitName(result.unit), number: result.number, date: result.issuedAt,
                    standing: result.standing(at: now), procedureCode: dossier.procedureCode,
                    dossierCode: result.dossierCode, contentType: "application/pdf", size: nil))
        }
        for document in try await web.store.documents(ownedBy: applicant.id, tenant: tenant, limit: 200)
        where !resultFiles.contains(document.sha256) && DocumentInspector.acceptedTypes.contains(document.contentType) {
            entries.append(
                VaultEntry(
                    sha256: document.sha256, source: .upload, name: ApplicationForm.kind(document.contentType),
                    issuer: applicant.fullName, number: nil, date: document.createdAt, standing: nil,
                    procedureCode: nil, dossierCode: nil, contentType: document.contentType, size: document.size))
        }
        return entries
    }
}
