import Foundation

/// Counter values summed over a scope (units × months), kept per procedure so that the figures can be
/// broken down by procedure and the per-service components of the 766 index (3.2) can be computed.
public struct CounterSums: Sendable, Hashable {
    /// Procedure code → metric name → sum.
    public private(set) var byProcedure: [String: [String: Int]]

    /// Sums per procedure, as a store returns them (`GROUP BY procedure, metric`).
    public init(byProcedure: [String: [String: Int]] = [:]) {
        self.byProcedure = byProcedure
    }

    /// Totals whose procedures are unknown (such as `DossierStore.counters(units:periods:tenant:)`): every
    /// figure works except the per-procedure ones (766 component 3.2 and procedure breakdowns).
    public init(totals: [String: Int]) {
        self.byProcedure = totals.isEmpty ? [:] : [CounterSums.unknownProcedure: totals]
    }

    /// Sums counter rows (or deltas) that fall in `units` and `periods`; the in-memory equivalent of the
    /// store's query, for tests and rebuild checks.
    public init(rows: [CounterDelta], units: Set<String>, periods: Set<String>) {
        var sums: [String: [String: Int]] = [:]
        for row in rows where units.contains(row.unit) && periods.contains(row.period) {
            sums[row.procedure, default: [:]][row.metric, default: 0] += row.delta
        }
        self.byProcedure = sums
    }

    /// The key used by ``init(totals:)`` for sums whose procedure is unknown.
    public static let unknownProcedure = "*"

    /// Whether the sums are broken down by procedure (so that per-procedure figures are meaningful).
    public var hasProcedures: Bool { byProcedure[CounterSums.unknownProcedure] == nil }

    /// The total of a metric over every procedure.
    public subscript(metric: CounterProjection.Metric) -> Int {
        byProcedure.values.reduce(0) { $0 + ($1[metric.rawValue] ?? 0) }
    }

    /// The value of a metric for one procedure.
    public func value(_ metric: CounterProjection.Metric, procedure: String) -> Int {
        byProcedure[procedure]?[metric.rawValue] ?? 0
    }

    /// Every metric summed over every procedure.
    public var totals: [String: Int] {
        var result: [String: Int] = [:]
        for metrics in byProcedure.values {
            for (metric, value) in metrics { result[metric, default: 0] += value }
        }
        return result
    }

    /// The sums of one procedure only (for a procedure's own figures).
    public func only(procedure: String) -> CounterSums {
        CounterSums(byProcedure: byProcedure[procedure].map { [procedure: $0] } ?? [:])
    }

    /// Adds another scope's sums (months or units that do not overlap with these).
    public func adding(_ other: CounterSums) -> CounterSums {
        var result = byProcedure
        for (procedure, metrics) in other.byProcedure {
            for (metric, value) in metrics { result[procedure, default: [:]][metric, default: 0] += value }
        }
        return CounterSums(byProcedure: result)
    }
}
