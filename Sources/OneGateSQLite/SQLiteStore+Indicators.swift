import Foundation
import GRDB
import OneGateCore

extension SQLiteStore {
    /// Sums over the cheapest rows that answer: the all-units roll-up when every unit is asked, the
    /// yearly roll-up for whole years, the monthly counters otherwise.
    public func counterSums(units: [String], periods: [String], tenant: String) async throws -> CounterSums {
        guard !units.isEmpty, !periods.isEmpty else { return CounterSums() }
        let (years, months) = Self.split(periods)
        return try await read { db in
            try Self.sums(db, by: nil, units: units, years: years, months: months, tenant: tenant)[""] ?? CounterSums()
        }
    }

    /// Counter sums by `group` (`unit`, `period`, or nothing: one group named ""), then procedure
    /// and metric. Rows that are already one per key are summed here rather than by a `GROUP BY`,
    /// which costs SQLite a temporary B-tree (most of the time of a province's breakdown).
    static func sums(
        _ db: Database, by group: String?, units: [String], years: [String], months: [String], tenant: String
    ) throws -> [String: CounterSums] {
        let groupColumn = group.map { "\($0), " } ?? "'' AS grouping, "
        let source = try counterRows(
            db, columns: groupColumn + "procedure, metric, value", units: units, years: years, months: months,
            tenant: tenant, allUnitsAllowed: group != "unit")
        let periods = years.count + months.count
        let unique: Bool
        switch source.table {
        case "counter_all_units": unique = group == "period" || periods == 1
        case "counters": unique = group == "unit" && months.count == 1
        case "counter_years": unique = group == "unit" && years.count == 1
        default: unique = false
        }
        let sql =
            unique
            ? source.sql
            : "SELECT \(group ?? "grouping"), procedure, metric, SUM(value) FROM (\(source.sql)) "
                + "GROUP BY \(group ?? "grouping"), procedure, metric"
        // Rows come in primary-key order, so one group's rows follow each other: they are summed
        // apart and stored once, without looking the group up per row.
        var sums: [String: CounterSums] = [:]
        var key: String?
        var current = CounterSums()
        func flush() {
            guard let key else { return }
            sums[key, default: CounterSums()].add(current)
        }
        let rows = try Row.fetchCursor(db, sql: sql, arguments: source.arguments)
        while let row = try rows.next() {
            let grouping: String = row[0]
            if grouping != key {
                flush()
                key = grouping
                current = CounterSums()
            }
            current.add(row[3], procedure: row[1], metric: row[2])
        }
        flush()
        return sums
    }

    /// Splits month keys (`YYYY-MM`) into whole years (all twelve months asked) and the other months.
    static func split(_ periods: [String]) -> (years: [String], months: [String]) {
        let byYear = Dictionary(grouping: Set(periods), by: { String($0.prefix(4)) })
        var years: [String] = []
        var months: [String] = []
        for (year, keys) in byYear.sorted(by: { $0.key < $1.key }) {
            let whole = Set((1...12).map { year + ($0 < 10 ? "-0\($0)" : "-\($0)") })
            if year.count == 4, Set(keys) == whole { years.append(year) } else { months += keys.sorted() }
        }
        return (years, months)
    }

    /// Whether `units` holds every unit of the tenant (then the all-units roll-up answers).
    static func coversEveryUnit(_ db: Database, _ units: [String], tenant: String) throws -> Bool {
        let all = try String.fetchAll(db, sql: "SELECT code FROM units WHERE tenant = ?", arguments: [tenant])
        return !all.isEmpty && Set(all).isSubset(of: Set(units))
    }

    /// A `UNION ALL` of counter rows (`columns` from `procedure, metric, value` and `unit`) of the
    /// units over the years and months: the roll-ups where they apply, the counters otherwise.
    static func counterRows(
        _ db: Database, columns: String, units: [String], years: [String], months: [String], tenant: String,
        allUnitsAllowed: Bool = true
    ) throws -> (sql: String, arguments: StatementArguments, table: String?) {
        func marks(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ",") }
        if allUnitsAllowed, try coversEveryUnit(db, units, tenant: tenant) {
            return (
                "SELECT \(columns) FROM counter_all_units WHERE tenant = ? AND period IN (\(marks(years.count + months.count)))",
                StatementArguments([tenant]) + StatementArguments(years) + StatementArguments(months),
                "counter_all_units"
            )
        }
        var parts: [String] = []
        var arguments = StatementArguments()
        if !months.isEmpty {
            parts.append(
                "SELECT \(columns) FROM counters WHERE tenant = ? AND unit IN (\(marks(units.count))) "
                    + "AND period IN (\(marks(months.count)))")
            arguments += StatementArguments([tenant]) + StatementArguments(units) + StatementArguments(months)
        }
        if !years.isEmpty {
            parts.append(
                "SELECT \(columns) FROM counter_years WHERE tenant = ? AND unit IN (\(marks(units.count))) "
                    + "AND year IN (\(marks(years.count)))")
            arguments += StatementArguments([tenant]) + StatementArguments(units) + StatementArguments(years)
        }
        let table = parts.count == 1 ? (months.isEmpty ? "counter_years" : "counters") : nil
        return (parts.joined(separator: " UNION ALL "), arguments, table)
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
        let (years, months) = Self.split(periods)
        return try await inParallel(Self.lanes(units.sorted())) { store, part in
            try await store.read { db in
                try Self.sums(db, by: "unit", units: part, years: years, months: months, tenant: tenant)
            }
        }
    }

    /// The parts of a question over many units or months, asked at once on connections of the
    /// pool and merged (the parts do not overlap, so neither do their groups): a province's
    /// breakdown reads tens of thousands of counter rows, and every core can read some.
    func inParallel(
        _ parts: [[String]], _ ask: @escaping @Sendable (SQLiteStore, [String]) async throws -> [String: CounterSums]
    ) async throws -> [String: CounterSums] {
        guard parts.count > 1 else { return try await ask(self, parts.first ?? []) }
        return try await withThrowingTaskGroup(of: [String: CounterSums].self) { group in
            for part in parts { group.addTask { try await ask(self, part) } }
            var merged: [String: CounterSums] = [:]
            for try await answer in group { merged.merge(answer) { $0.adding($1) } }
            return merged
        }
    }

    /// Consecutive runs of `keys` (sorted, so each run is one range of the index), one per core;
    /// a short list stays whole.
    static func lanes(_ keys: [String]) -> [[String]] {
        let lanes = min(max(1, ProcessInfo.processInfo.activeProcessorCount), keys.count / 4)
        guard lanes > 1 else { return [keys] }
        let size = (keys.count + lanes - 1) / lanes
        return stride(from: 0, to: keys.count, by: size).map { Array(keys[$0..<min($0 + size, keys.count)]) }
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
            AND overdue_from < ? AND +received_at >= ? AND +received_at < ? \(procedureCondition)
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
    /// One range over the open-dossier index for the whole series, each row sorted into its
    /// window by reception instant, rather than one range per window: the windows of a series do
    /// not overlap, so each row belongs to one at most.
    public func openPastDue(
        units: [String], windows: [OpenPastDueWindow], procedure: String?, tenant: String
    ) async throws -> [OpenPastDue] {
        guard !units.isEmpty, !windows.isEmpty else { return windows.map { _ in .zero } }
        let order = windows.indices.sorted { windows[$0].received.lowerBound < windows[$1].received.lowerBound }
        let overlapping = zip(order, order.dropFirst()).contains {
            windows[$0].received.upperBound > windows[$1].received.lowerBound
        }
        if overlapping {
            var result: [OpenPastDue] = []
            for window in windows {
                result.append(
                    try await openPastDue(
                        units: units, received: window.received, at: window.at, procedure: procedure,
                        tenant: tenant))
            }
            return result
        }
        var cases: [String] = []
        var arguments = StatementArguments()
        for (index, window) in windows.enumerated() {
            cases.append("WHEN received_at >= ? AND received_at < ? AND overdue_from < ? THEN \(index)")
            arguments += [
                Self.millis(window.received.lowerBound), Self.millis(window.received.upperBound),
                Self.millis(window.at),
            ]
        }
        let unitMarks = Array(repeating: "?", count: units.count).joined(separator: ",")
        arguments += StatementArguments([tenant]) + StatementArguments(units)
        arguments += [
            Self.millis(windows.map(\.at).max()!), Self.millis(windows.map(\.received.lowerBound).min()!),
            Self.millis(windows.map(\.received.upperBound).max()!),
        ]
        var procedureCondition = ""
        if let procedure {
            procedureCondition = "AND procedure_code = ?"
            arguments += [procedure]
        }
        let sql = """
            SELECT slot, COUNT(*) AS past_due, COALESCE(SUM(extended), 0) AS apologised FROM (
                SELECT CASE \(cases.joined(separator: " ")) END AS slot, extended FROM dossiers
                WHERE tenant = ? AND competent_unit IN (\(unitMarks)) AND overdue_from IS NOT NULL
                AND overdue_from < ? AND +received_at >= ? AND +received_at < ? \(procedureCondition))
            WHERE slot IS NOT NULL GROUP BY slot
            """
        let bound = arguments
        return try await read { db in
            var result = [OpenPastDue](repeating: .zero, count: windows.count)
            for row in try Row.fetchAll(db, sql: sql, arguments: bound) {
                result[row["slot"]] = OpenPastDue(pastDue: row["past_due"], apologised: row["apologised"])
            }
            return result
        }
    }

    public func counterSumsByPeriod(
        units: [String], periods: [String], tenant: String
    ) async throws -> [String: CounterSums] {
        guard !units.isEmpty, !periods.isEmpty else { return [:] }
        let months = Array(Set(periods)).sorted()
        return try await inParallel(Self.lanes(months)) { store, part in
            try await store.read { db in
                try Self.sums(db, by: "period", units: units, years: [], months: part, tenant: tenant)
            }
        }
    }
}
