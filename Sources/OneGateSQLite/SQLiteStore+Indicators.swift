import Foundation
import GRDB
import OneGateCore

extension SQLiteStore {
    /// One `GROUP BY procedure, metric` over the counters' primary key (tenant, unit, period, …).
    public func counterSums(units: [String], periods: [String], tenant: String) async throws -> CounterSums {
        guard !units.isEmpty, !periods.isEmpty else { return CounterSums() }
        let unitMarks = Array(repeating: "?", count: units.count).joined(separator: ",")
        let periodMarks = Array(repeating: "?", count: periods.count).joined(separator: ",")
        let arguments = StatementArguments([tenant]) + StatementArguments(units) + StatementArguments(periods)
        return try await read { db in
            var sums: [String: [String: Int]] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT procedure, metric, SUM(value) AS total FROM counters
                    WHERE tenant = ? AND unit IN (\(unitMarks)) AND period IN (\(periodMarks))
                    GROUP BY procedure, metric
                    """, arguments: arguments)
            while let row = try rows.next() {
                sums[row["procedure"], default: [:]][row["metric"]] = row["total"]
            }
            return CounterSums(byProcedure: sums)
        }
    }

    /// A range over the partial index (tenant, competent unit, overdue_from) of open dossiers.
    public func openPastDue(
        units: [String], received: Range<Date>, at: Date, procedure: String?, tenant: String
    ) async throws -> OpenPastDue {
        guard !units.isEmpty else { return .zero }
        let unitMarks = Array(repeating: "?", count: units.count).joined(separator: ",")
        var arguments = StatementArguments([tenant]) + StatementArguments(units)
        arguments += [Self.millis(at), Self.millis(received.lowerBound), Self.millis(received.upperBound)]
        var procedureCondition = ""
        if let procedure {
            procedureCondition = "AND procedure_code = ?"
            arguments += [procedure]
        }
        let sql = """
            SELECT COUNT(*) AS past_due, COALESCE(SUM(extended), 0) AS apologised FROM dossiers
            WHERE tenant = ? AND competent_unit IN (\(unitMarks)) AND overdue_from IS NOT NULL
            AND overdue_from < ? AND received_at >= ? AND received_at < ? \(procedureCondition)
            """
        let bound = arguments
        return try await read { db in
            let row = try Row.fetchOne(
                db, sql: sql, arguments: bound)
            return OpenPastDue(pastDue: row?["past_due"] ?? 0, apologised: row?["apologised"] ?? 0)
        }
    }
}

extension SQLiteStore {
    public func replaceCounters(_ rows: [CounterDelta], tenant: String) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM counters WHERE tenant = ?", arguments: [tenant])
            let statement = try db.makeStatement(
                sql: "INSERT INTO counters(tenant, unit, procedure, period, metric, value) VALUES (?, ?, ?, ?, ?, ?)")
            for row in rows where row.delta != 0 {
                try statement.execute(arguments: [tenant, row.unit, row.procedure, row.period, row.metric, row.delta])
            }
        }
    }
}

extension SQLiteStore {
    public func counterSumsByUnit(
        units: [String], periods: [String], tenant: String
    ) async throws -> [String: CounterSums] {
        guard !units.isEmpty, !periods.isEmpty else { return [:] }
        let unitMarks = Array(repeating: "?", count: units.count).joined(separator: ",")
        let periodMarks = Array(repeating: "?", count: periods.count).joined(separator: ",")
        let arguments = StatementArguments([tenant]) + StatementArguments(units) + StatementArguments(periods)
        return try await read { db in
            var sums: [String: [String: [String: Int]]] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT unit, procedure, metric, SUM(value) AS total FROM counters
                    WHERE tenant = ? AND unit IN (\(unitMarks)) AND period IN (\(periodMarks))
                    GROUP BY unit, procedure, metric
                    """, arguments: arguments)
            while let row = try rows.next() {
                sums[row["unit"], default: [:]][row["procedure"], default: [:]][row["metric"]] = row["total"]
            }
            return sums.mapValues { CounterSums(byProcedure: $0) }
        }
    }

    public func openPastDueByUnit(
        units: [String], received: Range<Date>, at: Date, procedure: String?, tenant: String
    ) async throws -> [String: OpenPastDue] {
        guard !units.isEmpty else { return [:] }
        let unitMarks = Array(repeating: "?", count: units.count).joined(separator: ",")
        var arguments = StatementArguments([tenant]) + StatementArguments(units)
        arguments += [Self.millis(at), Self.millis(received.lowerBound), Self.millis(received.upperBound)]
        var procedureCondition = ""
        if let procedure {
            procedureCondition = "AND procedure_code = ?"
            arguments += [procedure]
        }
        let sql = """
            SELECT competent_unit, COUNT(*) AS past_due, COALESCE(SUM(extended), 0) AS apologised FROM dossiers
            WHERE tenant = ? AND competent_unit IN (\(unitMarks)) AND overdue_from IS NOT NULL
            AND overdue_from < ? AND received_at >= ? AND received_at < ? \(procedureCondition)
            GROUP BY competent_unit
            """
        let bound = arguments
        return try await read { db in
            var result: [String: OpenPastDue] = [:]
            for row in try Row.fetchAll(db, sql: sql, arguments: bound) {
                result[row["competent_unit"]] = OpenPastDue(pastDue: row["past_due"], apologised: row["apologised"])
            }
            return result
        }
    }
}

extension SQLiteStore {
    public func counterSumsByPeriod(
        units: [String], periods: [String], tenant: String
    ) async throws -> [String: CounterSums] {
        guard !units.isEmpty, !periods.isEmpty else { return [:] }
        let unitMarks = Array(repeating: "?", count: units.count).joined(separator: ",")
        let periodMarks = Array(repeating: "?", count: periods.count).joined(separator: ",")
        let arguments = StatementArguments([tenant]) + StatementArguments(units) + StatementArguments(periods)
        return try await read { db in
            var sums: [String: [String: [String: Int]]] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT period, procedure, metric, SUM(value) AS total FROM counters
                    WHERE tenant = ? AND unit IN (\(unitMarks)) AND period IN (\(periodMarks))
                    GROUP BY period, procedure, metric
                    """, arguments: arguments)
            while let row = try rows.next() {
                sums[row["period"], default: [:]][row["procedure"], default: [:]][row["metric"]] = row["total"]
            }
            return sums.mapValues { CounterSums(byProcedure: $0) }
        }
    }
}
