import Foundation
import OneGateCore
import PostgresNIO

extension PostgresStore {
    /// One `GROUP BY procedure, metric` over the counters' primary key (tenant, unit, period, …).
    public func counterSums(units: [String], periods: [String], tenant: String) async throws -> CounterSums {
        guard !units.isEmpty, !periods.isEmpty else { return CounterSums() }
        let rows = try await statement { connection in
            try await connection.all(
                """
                SELECT procedure, metric, SUM(value)::bigint FROM counters
                WHERE tenant = \(tenant) AND unit = ANY(\(units)) AND period = ANY(\(periods))
                GROUP BY procedure, metric
                """, logger: self.logger
            ).map { try $0.decode((String, String, Int64).self) }
        }
        var sums = CounterSums()
        for (procedure, metric, total) in rows { sums.add(Int(total), procedure: procedure, metric: metric) }
        return sums
    }

    /// A range over the partial index (tenant, competent unit, overdue_from) of open dossiers: the
    /// per-unit answer, added up.
    public func openPastDue(
        units: [String], received: Range<Date>, at: Date, procedure: String?, tenant: String
    ) async throws -> OpenPastDue {
        try await openPastDueByUnit(units: units, received: received, at: at, procedure: procedure, tenant: tenant)
            .values.reduce(.zero) { $0.adding($1) }
    }
}

extension PostgresStore {
    public func replaceCounters(_ rows: [CounterDelta], tenant: String) async throws {
        try await transaction { connection in
            try await connection.run("DELETE FROM counters WHERE tenant = \(tenant)", logger: self.logger)
            for row in rows where row.delta != 0 {
                try await connection.run(
                    """
                    INSERT INTO counters(tenant, unit, procedure, period, metric, value)
                    VALUES (\(tenant), \(row.unit), \(row.procedure), \(row.period), \(row.metric), \(Int64(row.delta)))
                    """, logger: self.logger)
            }
        }
    }
}

extension PostgresStore {
    public func counterSumsByUnit(
        units: [String], periods: [String], tenant: String
    ) async throws -> [String: CounterSums] {
        guard !units.isEmpty, !periods.isEmpty else { return [:] }
        let rows = try await statement { connection in
            try await connection.all(
                """
                SELECT unit, procedure, metric, SUM(value)::bigint FROM counters
                WHERE tenant = \(tenant) AND unit = ANY(\(units)) AND period = ANY(\(periods))
                GROUP BY unit, procedure, metric
                """, logger: self.logger
            ).map { try $0.decode((String, String, String, Int64).self) }
        }
        var sums: [String: CounterSums] = [:]
        for (unit, procedure, metric, total) in rows {
            sums[unit, default: CounterSums()].add(Int(total), procedure: procedure, metric: metric)
        }
        return sums
    }

    public func openPastDueByUnit(
        units: [String], received: Range<Date>, at: Date, procedure: String?, tenant: String
    ) async throws -> [String: OpenPastDue] {
        guard !units.isEmpty else { return [:] }
        let rows = try await statement { connection in
            try await connection.all(
                """
                SELECT competent_unit, COUNT(*)::bigint, COUNT(*) FILTER (WHERE extended)::bigint FROM dossiers
                WHERE tenant = \(tenant) AND competent_unit = ANY(\(units)) AND overdue_from IS NOT NULL
                AND overdue_from < \(Self.millis(at)) AND received_at >= \(Self.millis(received.lowerBound))
                AND received_at < \(Self.millis(received.upperBound))
                AND (\(procedure)::text IS NULL OR procedure_code = \(procedure))
                GROUP BY competent_unit
                """, logger: self.logger
            ).map { try $0.decode((String, Int64, Int64).self) }
        }
        var result: [String: OpenPastDue] = [:]
        for (unit, pastDue, apologised) in rows {
            result[unit] = OpenPastDue(pastDue: Int(pastDue), apologised: Int(apologised))
        }
        return result
    }
}

extension PostgresStore {
    public func counterSumsByPeriod(
        units: [String], periods: [String], tenant: String
    ) async throws -> [String: CounterSums] {
        guard !units.isEmpty, !periods.isEmpty else { return [:] }
        let rows = try await statement { connection in
            try await connection.all(
                """
                SELECT period, procedure, metric, SUM(value)::bigint FROM counters
                WHERE tenant = \(tenant) AND unit = ANY(\(units)) AND period = ANY(\(periods))
                GROUP BY period, procedure, metric
                """, logger: self.logger
            ).map { try $0.decode((String, String, String, Int64).self) }
        }
        var sums: [String: CounterSums] = [:]
        for (period, procedure, metric, total) in rows {
            sums[period, default: CounterSums()].add(Int(total), procedure: procedure, metric: metric)
        }
        return sums
    }
}
