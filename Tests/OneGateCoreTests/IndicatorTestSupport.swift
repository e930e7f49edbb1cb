import Foundation
import OneGateTestSupport
import Testing

@testable import OneGateCore

/// Shared helpers of the indicator and replay tests: the Vietnamese calendar, local times, and a
/// recorder that drives the real lifecycle and records events and counter deltas exactly as
/// `DossierService.record` does (event data plus `formDigest`, chained `prev`, deltas after − before).
enum KPI {
    static let calendar = try! WorkingCalendar(configuration: .vietnam)
    static let tree = UnitTree(Fixtures.units)

    /// A local moment in the instance zone (UTC+7), e.g. `"2026-03-02 10:00"`.
    static func local(_ text: String) -> Date {
        let parts = text.split(separator: " ")
        let clock = parts.count > 1 ? parts[1].split(separator: ":").compactMap { Int($0) } : [0, 0]
        guard let date = LocalDate(string: String(parts[0])), clock.count == 2 else {
            Issue.record("bad local moment \(text)")
            return Date(timeIntervalSince1970: 0)
        }
        return calendar.instant(of: LocalMoment(date: date, minute: clock[0] * 60 + clock[1]))
    }

    /// A stand-in for SHA-256 hex (FNV-1a, four lanes): the replay only needs a deterministic function.
    static let digest: DossierReplay.Digest = { bytes in
        var lanes: [UInt64] = [
            0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4, 0x1234_5678_9abc_def0, 0x0fed_cba9_8765_4321,
        ]
        for (index, byte) in bytes.enumerated() {
            let lane = index % 4
            lanes[lane] = (lanes[lane] ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return lanes.map { String(format: "%016llx", $0) }.joined()
    }

    static let document = String(repeating: "b", count: 64)

    /// Valid form data for each fixture procedure.
    static func data(for procedure: Procedure) -> [String: JSONValue] {
        switch procedure.code {
        case Fixtures.criminalRecord.code:
            return ["full_name": "Nguyễn Văn An", "personal_id": "022090001234", "purpose": "work"]
        case Fixtures.counterOnly.code:
            return ["pages": 3]
        default:
            return Fixtures.birthData
        }
    }

    /// A new dossier of `procedure`, not yet opened.
    static func fresh(
        _ procedure: Procedure, channel: Channel = .counter, unit: String = Fixtures.communeA,
        receiving: String? = nil, components: [DossierComponent]? = nil, assisted: Bool = false,
        id: String = "d-1", at instant: Date
    ) -> Dossier {
        let parts =
            components
            ?? procedure.documents.filter(\.required).map {
                DossierComponent(requirement: $0.id, document: document)
            }
        return Dossier(
            id: id, tenant: Fixtures.tenant, reference: "S-\(id)", secretHash: "hash-\(id)", procedure: procedure,
            applicantID: "applicant-an", channel: channel, assisted: assisted, receivingUnit: receiving ?? unit,
            competentUnit: unit, data: data(for: procedure), components: parts, submittedAt: instant)
    }

    static func officer(_ id: String, _ role: Role = .specialist, unit: String = Fixtures.communeA) -> EventActor {
        EventActor(id: id, role: role.rawValue, unit: unit)
    }
}

/// Drives one dossier through the real lifecycle, recording what the service would store.
struct DossierRecorder {
    let procedure: Procedure
    let calendar: WorkingCalendar
    private(set) var dossier: Dossier?
    private(set) var envelopes: [EventEnvelope] = []
    private(set) var deltas: [CounterDelta] = []
    private var codes = 0

    init(_ procedure: Procedure, calendar: WorkingCalendar = KPI.calendar) {
        self.procedure = procedure
        self.calendar = calendar
    }

    /// The live row (after at least one event).
    var row: Dossier {
        get throws { try #require(dossier) }
    }

    /// Submits online or receives at a counter.
    mutating func open(_ fresh: Dossier, actor: EventActor? = nil) throws {
        let at = fresh.submittedAt
        let code = fresh.channel == .online ? nil : nextCode(fresh)
        let context = LifecycleContext(
            procedure: procedure, calendar: calendar, now: at,
            actorID: actor?.id ?? fresh.applicantID, newCode: code)
        let transition = try Lifecycle.open(fresh, context: context)
        let who =
            actor
            ?? (fresh.channel == .online
                ? EventActor(id: fresh.applicantID, role: Role.citizen.rawValue, unit: fresh.receivingUnit)
                : KPI.officer("officer-reception", .reception, unit: fresh.receivingUnit))
        record(transition, before: nil, actor: who, at: at)
    }

    /// Applies an action at `at`; a refused action changes nothing and rethrows.
    mutating func apply(_ action: DossierAction, at: Date, actor: EventActor? = nil) throws {
        let current = try row
        let code = action == .accept ? nextCode(current) : nil
        let who = actor ?? KPI.officer("officer-\(action.name.rawValue)", unit: current.competentUnit)
        let context = LifecycleContext(
            procedure: procedure, calendar: calendar, now: at, actorID: who.id,
            newCode: code)
        let transition = try Lifecycle.apply(action, to: current, context: context)
        record(transition, before: current, actor: who, at: at)
    }

    /// Receive → assign → appraise → submit → approve → issue (→ deliver), one step per `step` apart.
    mutating func processToResult(
        from start: Date, step: TimeInterval = 3600, deliver: DeliveryChannel? = .electronic
    ) throws {
        var now = start
        func next() -> Date {
            now = now.addingTimeInterval(step)
            return now
        }
        if try row.state == .submitted { try apply(.accept, at: next()) }
        try apply(.assign(officerID: "officer-specialist.a"), at: next())
        try apply(.appraise(note: "Đủ điều kiện"), at: next())
        try apply(.submitForApproval(outcome: .granted, summary: "Đề nghị cấp"), at: next())
        try apply(.approve(comment: "Đồng ý"), at: next())
        try apply(.issue(resultNumber: "1/KQ"), at: next())
        if let deliver { try apply(.deliver(channel: deliver), at: next()) }
    }

    private mutating func nextCode(_ dossier: Dossier) -> String {
        codes += 1
        return "\(dossier.receivingUnit)-\(dossier.id)-\(codes)"
    }

    private mutating func record(_ transition: LifecycleTransition, before: Dossier?, actor: EventActor, at: Date) {
        var after = transition.dossier
        var data = transition.eventData
        if before == nil || before?.data != after.data {
            data["formDigest"] = .string(KPI.digest(CanonicalJSON.encode(.object(after.data))))
        }
        let envelope = EventEnvelope(
            dossier: after.publicIdentifier, seq: after.version + 1,
            type: transition.eventType, at: at, actor: actor, data: .object(data), prev: after.lastEventHash)
        after.version += 1
        after.lastEventHash = KPI.digest(envelope.canonicalBytes)
        envelopes.append(envelope)
        deltas += CounterProjection.deltas(from: before, to: after, procedure: procedure, calendar: calendar)
        dossier = after
    }
}

/// Sums counter rows by key, zero sums dropped, in a stable order.
func netCounters(_ rows: [CounterDelta]) -> [CounterDelta] {
    CounterKey.deltas(rows.reduce(into: [:]) { $0[CounterKey($1), default: 0] += $1.delta })
}

/// The value of one metric in counter rows, for one unit and month.
func counter(
    _ rows: [CounterDelta], _ metric: CounterProjection.Metric, unit: String = Fixtures.communeA,
    month: String
) -> Int {
    rows.filter { $0.metric == metric.rawValue && $0.unit == unit && $0.period == month }.map(\.delta).reduce(0, +)
}
