import Foundation
import OneGateTestSupport
import Testing

@testable import OneGateCore

/// Property: for random valid histories (random procedures, channels, components, actions with random
/// parameters, at increasing random times across month boundaries), the row rebuilt from the recorded
/// events equals the live row field by field, and the counters of the rebuilt rows equal the live
/// counters summed over every transition's deltas. A seeded loop, so a failure names its seed.
struct ReplayPropertyTests {
    static let histories = 600

    @Test func rebuiltRowsAndCountersEqualTheLiveOnes() throws {
        var allDeltas: [CounterDelta] = []
        var rebuiltRows: [Dossier] = []
        var procedures: [String: Procedure] = [:]
        var seen: Set<String> = []
        var states: Set<DossierState> = []
        for seed in 0..<UInt64(Self.histories) {
            var random = SplitMix64(seed: seed)
            let recorder = try RandomHistory.make(&random, id: "h\(seed)")
            let live = try recorder.row
            procedures[live.procedureCode] = recorder.procedure
            seen.formUnion(recorder.envelopes.map(\.type))
            states.insert(live.state)
            let rebuilt: Dossier
            do {
                rebuilt = try DossierReplay.rebuild(
                    events: recorder.envelopes, procedure: recorder.procedure,
                    calendar: KPI.calendar, seed: DossierReplay.Seed(row: live), digest: KPI.digest)
            } catch {
                Issue.record("seed \(seed): \(error) after \(recorder.envelopes.map(\.type))")
                continue
            }
            let differences = ReplayComparison.differences(live, rebuilt)
            #expect(differences.isEmpty && rebuilt == live, "seed \(seed): \(differences)")
            let rebuiltCounters = CounterProjection.totals(
                of: [rebuilt], procedure: { _ in recorder.procedure },
                calendar: KPI.calendar)
            #expect(rebuiltCounters == netCounters(recorder.deltas), "seed \(seed)")
            allDeltas += recorder.deltas
            rebuiltRows.append(rebuilt)
        }
        // The whole counter table: live (sum of every delta) against a rebuild from the rebuilt rows.
        let rebuiltTable = CounterProjection.totals(
            of: rebuiltRows, procedure: { procedures[$0.procedureCode] },
            calendar: KPI.calendar)
        #expect(rebuiltTable == netCounters(allDeltas))
        // The generator must actually exercise the lifecycle.
        #expect(
            seen == Set(ActionName.allCases.map(\.rawValue)),
            "never seen: \(Set(ActionName.allCases.map(\.rawValue)).subtracting(seen))")
        #expect(states.isSuperset(of: [.returned, .refused, .withdrawn, .stopped, .inProgress, .supplementRequested]))
        #expect(Set(netCounters(allDeltas).map(\.period)).count > 3, "histories cross month boundaries")
    }
}

/// A small, fast, seedable generator (SplitMix64), so every history can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random valid histories: at each step an action allowed by the transition table from the current
/// position, with random parameters; an action the lifecycle still refuses (an extension too late, a
/// form that would become invalid) is simply not recorded, as the service would record nothing.
enum RandomHistory {
    static let start = KPI.local("2025-12-15 08:00")

    static func make(_ random: inout SplitMix64, id: String) throws -> DossierRecorder {
        let procedure = Fixtures.procedures[Int.random(in: 0..<Fixtures.procedures.count, using: &random)]
        let channels: [Channel] = procedure.onlineLevel == .none ? [.counter, .post] : [.online, .counter, .post]
        let channel = channels[Int.random(in: 0..<channels.count, using: &random)]
        let unit =
            procedure.code == Fixtures.criminalRecord.code
            ? Fixtures.justice
            : [Fixtures.communeA, Fixtures.communeB][Int.random(in: 0...1, using: &random)]
        let receiving = Bool.random(using: &random) ? Fixtures.centre : unit
        var now = start.addingTimeInterval(Double(Int.random(in: 0...(110 * 24 * 60), using: &random)) * 60)
        let fresh = KPI.fresh(
            procedure, channel: channel, unit: unit, receiving: receiving,
            components: components(procedure, channel: channel, &random),
            assisted: channel == .counter && Bool.random(using: &random), id: id, at: now)
        var recorder = DossierRecorder(procedure)
        try recorder.open(fresh)
        for _ in 0..<Int.random(in: 0...24, using: &random) {
            let row = try recorder.row
            let position = LifecyclePosition(row.state, row.step)
            let allowed = ActionName.allCases.filter { TransitionTable.isAllowed($0, from: position) }
            guard let name = allowed.randomElement(using: &random) else { break }
            now = now.addingTimeInterval(step(&random))
            let action = self.action(name, row: row, procedure: procedure, now: now, &random)
            do {
                try recorder.apply(action, at: now)
            } catch is OneGateError {
                continue
            }
        }
        return recorder
    }

    /// From a minute to three days, mostly hours, in whole seconds.
    static func step(_ random: inout SplitMix64) -> TimeInterval {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return Double(Int.random(in: 60...600, using: &random))
        case 1...6: return Double(Int.random(in: 600...(8 * 3600), using: &random))
        default: return Double(Int.random(in: (8 * 3600)...(3 * 86_400), using: &random))
        }
    }

    static func components(_ procedure: Procedure, channel: Channel, _ random: inout SplitMix64) -> [DossierComponent] {
        procedure.documents.compactMap { requirement in
            guard requirement.required || Bool.random(using: &random) else { return nil }
            // Paper at a counter stays paper half the time; online everything is electronic.
            let electronic = channel == .online || Bool.random(using: &random)
            return DossierComponent(
                requirement: requirement.id,
                document: electronic
                    ? String(repeating: "a", count: 63) + String(Int.random(in: 0...9, using: &random)) : nil,
                digitised: electronic && channel != .online, reused: Bool.random(using: &random))
        }
    }

    static func formChange(_ procedure: Procedure, _ random: inout SplitMix64) -> [String: JSONValue] {
        guard Bool.random(using: &random) else { return [:] }
        switch procedure.code {
        case Fixtures.criminalRecord.code:
            return ["purpose": .string(["work", "study", "other"][Int.random(in: 0...2, using: &random)])]
        case Fixtures.counterOnly.code:
            return ["pages": .int(Int64(Int.random(in: 1...20, using: &random)))]
        default:
            return ["copies": .int(Int64(Int.random(in: 0...10, using: &random)))]
        }
    }

    static func action(
        _ name: ActionName, row: Dossier, procedure: Procedure, now: Date, _ random: inout SplitMix64
    ) -> DossierAction {
        let pick = Int.random(in: 0..<1000, using: &random)
        let item = SupplementItem(
            requirement: pick % 2 == 0 ? procedure.documents.first?.id : nil,
            description: "Bổ sung \(pick)")
        switch name {
        case .submit, .receiveAtCounter, .accept:
            return .accept
        case .requestSupplement:
            return .requestSupplement(items: Array(repeating: item, count: 1 + pick % 2), reason: "Lý do \(pick)")
        case .refuse:
            return .refuse(reason: "Không đủ điều kiện", redirect: pick % 3 == 0 ? "Sở Tư pháp" : nil)
        case .assign:
            return .assign(officerID: "officer-\(pick % 3)")
        case .appraise:
            return .appraise(note: "Ghi chú \(pick)")
        case .submitForApproval:
            return .submitForApproval(outcome: pick % 4 == 0 ? .refusal : .granted, summary: "Tóm tắt \(pick)")
        case .sendToOtherAgency:
            return .sendToOtherAgency(
                unit: row.competentUnit == Fixtures.police ? Fixtures.justice : Fixtures.police,
                note: pick % 2 == 0 ? "" : "Xác minh")
        case .returnFromOtherAgency:
            return .returnFromOtherAgency(note: "Đã xác minh")
        case .supplement:
            return .supplement(
                components: components(procedure, channel: row.channel, &random).filter { _ in
                    Bool.random(using: &random)
                }, data: formChange(procedure, &random))
        case .assessFee:
            return .assessFee(amount: Int64(1_000 * (1 + pick)), reference: "PHI-\(pick)")
        case .pay:
            return .pay(method: pick % 2 == 0 ? .online : .counter, reference: "TT-\(pick)")
        case .extend:
            let due = row.dueAt ?? now
            return .extend(
                newDue: Timestamp.truncate(due.addingTimeInterval(Double(1 + pick % 10) * 86_400)),
                reason: "Gia hạn")
        case .stop:
            return .stop(legalReason: "Căn cứ \(pick)")
        case .approve:
            return .approve(comment: pick % 2 == 0 ? "" : "Đồng ý")
        case .returnForRework:
            return .returnForRework(comment: "Sửa lại")
        case .issue:
            return .issue(resultNumber: "\(pick)/KQ")
        case .deliver:
            return .deliver(channel: [.electronic, .counter, .post][pick % 3])
        case .withdraw:
            return .withdraw(reason: pick % 2 == 0 ? "" : "Không cần nữa")
        }
    }
}
