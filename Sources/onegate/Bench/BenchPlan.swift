import Foundation
import NIOHTTP1
import OneGateCore
import OneGateDemo
import OneGateRuntime
import Synchronization

/// What the load phases use: tokens of one commune's officers and of a citizen, a submission body,
/// and dossiers already received at the counter, ready for their transitions.
struct BenchPlan: Sendable {
    struct Officers: Sendable {
        var reception: String
        var specialist: String
        var leader: String
        var clerk: String
        var specialistID: String
    }

    let tokens: Officers
    let citizenToken: String
    let submission: [UInt8]
    let dossierIDs: [String]

    static func prepare(
        instance: Instance, province: DemoProvince, officers: [Officer], applicants: [Applicant], dossiers: Int,
        port: Int
    ) async throws -> BenchPlan {
        let tree = instance.service.units.value
        func officer(_ role: Role, _ unit: String) -> Officer? {
            officers.first { $0.roles.contains(RoleAssignment(role: role, unit: unit)) }
        }
        guard
            let commune = tree.units.values.sorted(by: { $0.code < $1.code }).first(where: { unit in
                unit.kind == .commune && unit.effectiveTo == nil
                    && [Role.reception, .specialist, .leader, .clerk].allSatisfy { officer($0, unit.code) != nil }
            }),
            let procedure = province.procedures.first(where: {
                $0.competentUnits.contains("kind:commune") && $0.onlineLevel != .none && $0.fee.amount == 0
            }),
            let citizen = applicants.first(where: { $0.username != nil && $0.kind == .person })
        else { throw BenchError.noSetup }
        let staff = [Role.reception, .specialist, .leader, .clerk].compactMap { officer($0, commune.code) }
        let logins = try await LoadConnection.with(host: "127.0.0.1", port: port) { connection in
            var tokens: [String] = []
            for username in staff.map(\.username) + [citizen.username ?? ""] {
                let body = try JSONEncoder().encode(["username": username, "password": DemoProvince.password])
                let answer = try await connection.send(.POST, "/api/v1/auth/login", json: Array(body))
                guard answer.status == 200,
                    let token = (try JSONDecoder().decode(JSONValue.self, from: Data(answer.body)))["token"]?
                        .stringValue
                else { throw BenchError.login(username) }
                tokens.append(token)
            }
            return tokens
        }
        let tokens = Officers(
            reception: logins[0], specialist: logins[1], leader: logins[2], clerk: logins[3], specialistID: staff[1].id)
        let citizenToken = logins[4]

        let pdf = SamplePDF.bytes(title: "Bench document")
        let sha = instance.signer.digest(pdf)
        for owner in [citizen.id, staff[0].id] {
            try await instance.store.putDocument(
                StoredDocument(sha256: sha, contentType: "application/pdf", bytes: pdf, createdAt: Date()),
                owner: owner, tenant: province.tenant)
        }
        var random = SeededGenerator(seed: 42)
        let data = DemoForms.sampleData(procedure, applicant: citizen, random: &random)
        let components = procedure.documents.filter(\.required).map {
            DossierComponent(requirement: $0.id, document: sha)
        }
        struct Submission: Encodable {
            var procedureCode: String
            var receivingUnit: String
            var competentUnit: String
            var data: [String: JSONValue]
            var components: [DossierComponent]
        }
        let submission = try JSONEncoder().encode(
            Submission(
                procedureCode: procedure.code, receivingUnit: commune.code, competentUnit: commune.code, data: data,
                components: components))

        let reception = staff[0]
        let service = instance.service
        let ids = try await withThrowingTaskGroup(of: [String].self) { group in
            let workers = 32
            for worker in 0..<workers {
                group.addTask {
                    var made: [String] = []
                    var index = worker
                    while index < dossiers {
                        let input = ApplicationInput(
                            procedureCode: procedure.code, receivingUnit: commune.code, competentUnit: commune.code,
                            secret: IdentifierSource.randomToken(length: 10), data: data, components: components)
                        let result = try await service.receiveAtCounter(
                            input, applicant: citizen, channel: .counter, assisted: false, by: reception,
                            idempotency: nil)
                        if case .fresh(let dossier, _) = result { made.append(dossier.id) }
                        index += workers
                    }
                    return made
                }
            }
            return try await group.reduce(into: [String]()) { $0 += $1 }
        }
        print(
            "Prepared \(ids.count) received dossiers at \(commune.code) (\(procedure.code)); "
                + "each takes 6 signed transitions.\n")
        return BenchPlan(
            tokens: tokens, citizenToken: citizenToken, submission: Array(submission), dossierIDs: ids)
    }

    enum BenchError: Error {
        case noSetup
        case login(String)
    }
}

/// Walks prepared dossiers through assign → appraise → submit for approval → approve → issue →
/// deliver; each connection owns its own dossiers, so that its transitions never conflict.
final class TransitionWalker: Sendable {
    private let plan: BenchPlan
    private let connections: Int
    private let positions: Mutex<[Int: (dossier: Int, step: Int)]> = Mutex([:])

    init(plan: BenchPlan, connections: Int) {
        self.plan = plan
        self.connections = connections
    }

    /// Performs the next transition for `worker`; returns the status, or 0 when its dossiers are done.
    func next(worker: Int, on connection: LoadConnection) async throws -> Int {
        let (dossierIndex, step) = positions.withLock { positions -> (Int, Int) in
            var position = positions[worker] ?? (worker, 0)
            if position.step == 6 { position = (position.dossier + connections, 0) }
            positions[worker] = (position.dossier, position.step + 1)
            return position
        }
        guard dossierIndex < plan.dossierIDs.count else { return 0 }
        let id = plan.dossierIDs[dossierIndex]
        let tokens = plan.tokens
        let (action, token, body): (String, String, String) =
            switch step {
            case 0: ("assign", tokens.reception, #"{"officerId":"\#(tokens.specialistID)"}"#)
            case 1: ("appraise", tokens.specialist, #"{"note":"Đủ điều kiện"}"#)
            case 2: ("submit_for_approval", tokens.specialist, #"{"summary":"Đề nghị giải quyết"}"#)
            case 3: ("approve", tokens.leader, #"{"comment":"Đồng ý"}"#)
            case 4: ("issue", tokens.clerk, #"{"resultNumber":"\#(dossierIndex)/KQ"}"#)
            default: ("deliver", tokens.clerk, #"{"channel":"electronic"}"#)
            }
        return try await connection.send(
            .POST, "/api/v1/dossiers/\(id)/actions/\(action)", token: token,
            json: Array(body.utf8)
        ).status
    }
}
