import Foundation
import OneGateCore
import OneGateDemo

/// Walks an online birth registration of the fixture citizen `an` through the whole lifecycle to
/// an issued result (numbered `number`), half an hour between steps, on any backend: the result is
/// a signed PDF in the store and in `an`'s vault.
public func issueBirthRegistration(
    service: DossierService, clock: ManualClock, number: String, upload: (String) async throws -> String
) async throws -> Dossier {
    let an = Fixtures.citizens.first { $0.username == "an" }!
    let officer = { (username: String) in Fixtures.officers.first { $0.username == username }! }
    let input = ApplicationInput(
        procedureCode: "1.001193", receivingUnit: Fixtures.communeA, competentUnit: Fixtures.communeA,
        secret: "SECRET2345", data: Fixtures.birthData,
        components: [DossierComponent(requirement: "birth_notice", document: try await upload(an.id))])
    var dossier = try TestInstance.dossier(try await service.submitOnline(input, by: an, idempotency: nil))
    let steps: [(DossierAction, String)] = [
        (.accept, "reception.a"), (.assign(officerID: "officer-specialist.a"), "reception.a"),
        (.appraise(note: "Đủ điều kiện"), "specialist.a"),
        (.submitForApproval(outcome: .granted, summary: "Đề nghị cấp giấy khai sinh"), "specialist.a"),
        (.approve(comment: "Đồng ý"), "leader.a"), (.issue(resultNumber: number), "clerk.a"),
    ]
    for (action, username) in steps {
        clock.set(clock.now.addingTimeInterval(1800))
        dossier = try TestInstance.dossier(
            try await service.perform(action, on: dossier.id, by: .officer(officer(username)), idempotency: nil))
    }
    return dossier
}
