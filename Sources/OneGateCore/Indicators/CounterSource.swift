import Foundation

/// The port the indicators read counters through: counter sums over units and months, per procedure
/// and metric. A store answers it with one `GROUP BY procedure, metric` over the counters table's
/// primary key (tenant, unit, period, metric, procedure).
public protocol CounterSource: Sendable {
    func counterSums(units: [String], periods: [String], tenant: String) async throws -> CounterSums
}

/// ``CounterSource`` over counter rows in memory (tests, rebuild checks).
public struct InMemoryCounterSource: CounterSource {
    /// Counter rows (or deltas: rows with the same key are summed).
    public var rows: [CounterDelta]

    /// Counter rows of one tenant.
    public init(_ rows: [CounterDelta]) { self.rows = rows }

    /// Sums the rows of `units` and `periods` (the rows are one tenant's).
    public func counterSums(units: [String], periods: [String], tenant: String) async throws -> CounterSums {
        CounterSums(rows: rows, units: Set(units), periods: Set(periods))
    }
}
