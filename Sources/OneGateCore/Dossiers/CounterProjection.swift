import Foundation

/// The indicator counters a dossier contributes to, as a pure function of the dossier row.
/// A transition's deltas are `contributions(after) - contributions(before)`, so live counters and a
/// rebuild from events agree by construction.
public enum CounterProjection {
    /// Metric names, stable (stored and exposed).
    public enum Metric: String, Sendable, CaseIterable {
        case received
        case receivedOnline = "received_online"
        case receivedCounter = "received_counter"
        case receivedPost = "received_post"
        case receivedFullyElectronic = "received_digitised"
        case receivedReused = "received_reused"
        case finished, early
        case onTime = "on_time"
        case late
        case lateApologised = "late_apologised"
        case refused, withdrawn, stopped
        case supplementRequests = "supplement_requests"
        case paidOnline = "paid_online"
        case withFee = "with_fee"
    }

    /// Every (unit, procedure, month, metric) a dossier in this state counts towards.
    public static func contributions(of dossier: Dossier?, calendar: WorkingCalendar) -> [CounterDelta] {
        guard let dossier else { return [] }
        var result: [CounterDelta] = []
        func add(_ metric: Metric, at instant: Date, _ value: Int = 1) {
            let day = calendar.localDate(of: instant)
            let period = "\(day.year)-\(day.month < 10 ? "0" : "")\(day.month)"
            result.append(CounterDelta(unit: dossier.competentUnit, procedure: dossier.procedureCode, period: period,
                metric: metric.rawValue, delta: value))
        }
        if let received = dossier.receivedAt {
            add(.received, at: received)
            switch dossier.channel {
            case .online: add(.receivedOnline, at: received)
            case .counter: add(.receivedCounter, at: received)
            case .post: add(.receivedPost, at: received)
            }
            if !dossier.components.isEmpty && dossier.components.allSatisfy(\.isElectronic) {
                add(.receivedFullyElectronic, at: received)
            }
            if dossier.components.contains(where: \.reused) { add(.receivedReused, at: received) }
            if dossier.feeAmount > 0 { add(.withFee, at: received) }
            if dossier.paymentState == .paidOnline { add(.paidOnline, at: received) }
            if dossier.supplementRequests > 0 { add(.supplementRequests, at: received, dossier.supplementRequests) }
        }
        if let finished = dossier.finishedAt {
            add(.finished, at: finished)
            switch dossier.timeliness {
            case .early: add(.early, at: finished)
            case .onTime: add(.onTime, at: finished)
            case .late:
                add(.late, at: finished)
                if dossier.extended { add(.lateApologised, at: finished) }
            case nil: break
            }
            if dossier.state == .refused { add(.refused, at: finished) }
            if dossier.state == .stopped { add(.stopped, at: finished) }
        }
        if dossier.state == .withdrawn { add(.withdrawn, at: dossier.updatedAt) }
        return result
    }

    /// The deltas that move the counters from `before` to `after`, with zero deltas dropped.
    public static func deltas(from before: Dossier?, to after: Dossier, calendar: WorkingCalendar) -> [CounterDelta] {
        struct Key: Hashable { let unit, procedure, period, metric: String }
        var sums: [Key: Int] = [:]
        for delta in contributions(of: after, calendar: calendar) {
            sums[Key(unit: delta.unit, procedure: delta.procedure, period: delta.period, metric: delta.metric),
                default: 0] += delta.delta
        }
        for delta in contributions(of: before, calendar: calendar) {
            sums[Key(unit: delta.unit, procedure: delta.procedure, period: delta.period, metric: delta.metric),
                default: 0] -= delta.delta
        }
        return sums.filter { $0.value != 0 }
            .map { CounterDelta(unit: $0.key.unit, procedure: $0.key.procedure, period: $0.key.period,
                metric: $0.key.metric, delta: $0.value) }
            .sorted { ($0.unit, $0.procedure, $0.period, $0.metric) < ($1.unit, $1.procedure, $1.period, $1.metric) }
    }
}
