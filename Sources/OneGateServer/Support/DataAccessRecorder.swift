import Foundation
import OneGateCore

/// Records an officer's read of a person's data in the person's access log before the data is
/// shown; if the record cannot be written the read fails (nothing is shown unlogged).
struct DataAccessRecorder {
    let dependencies: AppDependencies

    var log: AccessLog {
        AccessLog(store: dependencies.store, signer: dependencies.service.signer, tenant: dependencies.tenant)
    }

    /// `officer` reads `dossier` (its answers) or one of its documents.
    func officer(
        _ officer: Officer, read action: DataAccess.Action, of dossier: Dossier, resource: String? = nil
    )
        async throws
    {
        let tree = dependencies.service.authorizer
        let unit =
            tree.officer(officer, has: Set(Role.allCases), at: dossier.competentUnit)
            ? dossier.competentUnit : dossier.receivingUnit
        try await log.record(
            DataAccess(
                subject: dossier.applicantID, actor: "officer:\(officer.id)", actorName: officer.fullName, unit: unit,
                action: action, resource: resource ?? dossier.publicIdentifier, purpose: dossier.publicIdentifier,
                at: dependencies.service.clock.now()))
    }
}
