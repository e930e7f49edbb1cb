import Foundation
import OneGateCore

/// Generates a province's history: dossiers over the last months, across channels, with realistic
/// outcomes, each one walked through the real lifecycle use cases with real signatures at the
/// moments the actions happened. Nothing is written that the lifecycle would not produce.
public struct DemoHistory: Sendable {
    public struct Summary: Sendable, CustomStringConvertible {
        public var dossiers = 0
        public var events = 0
        public var open = 0
        public var skippedSteps = 0

        public var description: String {
            "\(dossiers) dossiers, \(events) signed events, \(open) still open"
        }
    }

    let province: DemoProvince
    let store: any OneGateStore
    let signer: any EventSigner
    let calendar: WorkingCalendar
    let codeFormat: DossierCodeFormat
    let units: Snapshot<UnitTree>
    let officers: [Officer]
    let applicants: [Applicant]
    let now: Date
    /// Makes the signed PDFs of results, as the server does.
    public var documents: (any ResultDocumentMaker)?

    public init(
        province: DemoProvince, store: any OneGateStore, signer: any EventSigner, calendar: WorkingCalendar,
        codeFormat: DossierCodeFormat, units: Snapshot<UnitTree>, officers: [Officer], applicants: [Applicant],
        now: Date
    ) {
        self.province = province
        self.store = store
        self.signer = signer
        self.calendar = calendar
        self.codeFormat = codeFormat
        self.units = units
        self.officers = officers
        self.applicants = applicants
        self.now = now
    }

    /// Generates `count` dossiers submitted over the last `months` months, `concurrency` at a time
    /// (each worker has its own clock; group commit batches their writes).
    public func generate(count: Int, months: Int = 18, seed: UInt64 = 766, concurrency: Int = 8) async throws -> Summary
    {
        let sample = SamplePDF.bytes(title: "OneGate demo document")
        let sampleHash = signer.digest(sample)
        // The sample is stored once; every applicant (uploads) and officer (counter scans) owns it.
        for owner in applicants.map(\.id) + officers.map(\.id) {
            try await store.putDocument(
                StoredDocument(sha256: sampleHash, contentType: "application/pdf", bytes: sample, createdAt: now),
                owner: owner, tenant: province.tenant)
        }
        let context = Context(
            province: province, calendar: calendar, officers: OfficerIndex(officers), applicants: applicants,
            procedures: province.procedures, units: units.value, documentHash: sampleHash, now: now,
            start: now.addingTimeInterval(-Double(months) * 30.4 * 86_400))
        let workers = max(1, concurrency)
        return try await withThrowingTaskGroup(of: Summary.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var summary = Summary()
                    let clock = ManualClock(context.start)
                    var service = DossierService(
                        tenant: province.tenant, store: store, signer: signer, calendar: calendar, clock: clock.clock,
                        ids: .random, codeFormat: codeFormat, units: units)
                    service.documents = documents
                    service.instanceName = province.instanceName
                    var index = worker
                    while index < count {
                        var random = SeededGenerator(seed: seed &* 1_000_003 &+ UInt64(index))
                        let walk = DossierWalk(context: context, service: service, clock: clock)
                        try await walk.run(
                            position: Double(index) / Double(max(count, 1)), random: &random, into: &summary)
                        index += workers
                    }
                    return summary
                }
            }
            var total = Summary()
            for try await part in group {
                total.dossiers += part.dossiers
                total.events += part.events
                total.open += part.open
                total.skippedSteps += part.skippedSteps
            }
            return total
        }
    }

    struct Context: Sendable {
        let province: DemoProvince
        let calendar: WorkingCalendar
        let officers: OfficerIndex
        let applicants: [Applicant]
        let procedures: [Procedure]
        let units: UnitTree
        let documentHash: String
        let now: Date
        let start: Date
    }
}

/// Officers by (unit, role), for picking who does each step.
struct OfficerIndex: Sendable {
    private let byUnitRole: [String: [Officer]]

    init(_ officers: [Officer]) {
        var index: [String: [Officer]] = [:]
        for officer in officers {
            for assignment in officer.roles {
                index["\(assignment.unit)|\(assignment.role.rawValue)", default: []].append(officer)
            }
        }
        byUnitRole = index
    }

    func pick(_ role: Role, at unit: String, using random: inout SeededGenerator) -> Officer? {
        byUnitRole["\(unit)|\(role.rawValue)"]?.randomElement(using: &random)
    }
}
