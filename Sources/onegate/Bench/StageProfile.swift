import Foundation
import OneGateCore
import OneGateDemo
import OneGateSigning

/// Where the time of one transition goes, stage by stage, in process (no HTTP, no store): the
/// numbers behind the choices in docs/benchmarks.md.
enum StageProfile {
    static func run(
        procedure: Procedure, calendar: WorkingCalendar, signer: InstanceSigner
    ) async throws -> [(String, Double)] {
        let now = Date()
        var random = SeededGenerator(seed: 7)
        let applicant = Applicant(id: "a", kind: .person, identifier: "022090001234", fullName: "Nguyễn Văn An")
        let data = DemoForms.sampleData(procedure, applicant: applicant, random: &random)
        var dossier = Dossier(
            id: UUID().uuidString, tenant: "T", reference: "SREF", secretHash: "h", procedure: procedure,
            applicantID: "a", channel: .counter, assisted: false, receivingUnit: "000.01.40.H40",
            competentUnit: "000.01.40.H40", data: data,
            components: procedure.documents.map {
                DossierComponent(requirement: $0.id, document: String(repeating: "a", count: 64), digitised: true)
            },
            submittedAt: now)
        let context = LifecycleContext(procedure: procedure, calendar: calendar, now: now, actorID: "x", newCode: "C-1")
        dossier = try Lifecycle.open(dossier, context: context).dossier
        dossier = try Lifecycle.apply(.assign(officerID: "s"), to: dossier, context: context).dossier
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = try encoder.encode(dossier)
        let decoder = JSONDecoder()
        let iterations = 5_000
        func time(_ name: String, _ work: () throws -> Void) rethrows -> (String, Double) {
            let start = monotonicSeconds()
            for _ in 0..<iterations { try work() }
            return (name, (monotonicSeconds() - start) / Double(iterations) * 1e6)
        }
        var results: [(String, Double)] = []
        results.append(try time("decode dossier row (JSON)") { _ = try decoder.decode(Dossier.self, from: body) })
        results.append(try time("encode dossier row (JSON)") { _ = try encoder.encode(dossier) })
        results.append(
            try time("lifecycle apply (appraise)") {
                _ = try Lifecycle.apply(.appraise(note: "ok"), to: dossier, context: context)
            })
        results.append(
            time("counter deltas") {
                _ = CounterProjection.deltas(from: dossier, to: dossier, procedure: procedure, calendar: calendar)
            })
        let envelope = EventEnvelope(
            dossier: "C-1", seq: 3, type: "appraise", at: now,
            actor: EventActor(id: "o", role: "specialist", unit: "U"),
            data: ["note": "Đã kiểm tra"], prev: EventEnvelope.genesis)
        results.append(time("canonical JSON (RFC 8785)") { _ = envelope.canonicalBytes })
        let bytes = envelope.canonicalBytes
        results.append(time("SHA-256 digest") { _ = signer.digest(bytes) })
        let identity = SignerIdentity.officer(id: "officer-profile", name: "Profile")
        _ = try await signer.sign(bytes, as: identity)
        let start = monotonicSeconds()
        for _ in 0..<iterations { _ = try await signer.sign(bytes, as: identity) }
        results.append(("ECDSA P-256 signature", (monotonicSeconds() - start) / Double(iterations) * 1e6))
        results.append(
            time("due date (10 working days, explained)") {
                _ = calendar.due(for: TimeLimit(amount: 10, unit: .workingDays), from: now)
            })
        return results
    }
}
