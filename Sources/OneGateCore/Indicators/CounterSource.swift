import Foundation

/// The port the indicators read counters through: counter sums over units and months, per procedure
/// and metric. A store answers it with one `GROUP BY procedure, metric` over the counters table's
/// primary key (tenant, unit, period, metric, procedure).
public protocol CounterSource: Sendable {
    func counterSums(units: [String], periods: [String], tenant: String) async throws -> CounterSums
    /// The sums of each unit on its own (no roll-up), for many units in one question: the
    /// breakdown of a province by its departments and communes.
    func counterSumsByUnit(units: [String], periods: [String], tenant: String) async throws -> [String: CounterSums]
    /// The sums of the units for each month on its own, in one question: a monthly series.
    func counterSumsByPeriod(
        units: [String], periods: [String], tenant: String
    ) async throws -> [String: CounterSums]
}

extension CounterSource {
    /// One question per unit; stores answer with one `GROUP BY unit` instead.
    public func counterSumsByUnit(
        units: [String], periods: [String], tenant: String
    ) async throws -> [String: CounterSums] {
        var result: [String: CounterSums] = [:]
        for unit in Set(units) { result[unit] = try await counterSums(units: [unit], periods: periods, tenant: tenant) }
        return result
    }

    /// One question per month; stores answer with one `GROUP BY period` instead.
    public func counterSumsByPeriod(
        units: [String], periods: [String], tenant: String
    ) async throws -> [String: CounterSums] {
        var result: [String: CounterSums] = [:]
        for period in Set(periods) {
            result[period] = try await counterSums(units: units, periods: [period], tenant: tenant)
        }
        return result
    }
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
