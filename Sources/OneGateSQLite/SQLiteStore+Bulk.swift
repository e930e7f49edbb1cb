import Foundation
import GRDB
import OneGateCore

extension SQLiteStore: BulkDossierLoad {
    /// One transaction for the batch: the rows (columns computed as by ``commit(_:)``), every event,
    /// the batch's counter deltas summed per key, and the code sequences raised. Statements are
    /// prepared once per connection and reused.
    public func bulkLoad(_ batch: BulkBatch) async throws {
        let tenant = batch.tenant
        guard batch.dossiers.allSatisfy({ $0.dossier.tenant == tenant }) else {
            throw OneGateError.invalid(
                field: "tenant", vi: "Hồ sơ thuộc tỉnh khác.", en: "A dossier of the batch belongs to another tenant.")
        }
        var rows: [StatementArguments] = []
        rows.reserveCapacity(batch.dossiers.count)
        var sums: [CounterKey: Int] = [:]
        for item in batch.dossiers {
            rows.append(
                Self.insertArguments(
                    item.dossier, columns: Self.rowColumns(item.dossier, body: try packedBody(item.dossier))))
            for delta in item.counters {
                sums[
                    CounterKey(
                        unit: delta.unit, procedure: delta.procedure, period: delta.period, metric: delta.metric),
                    default: 0] += delta.delta
            }
        }
        let events = batch.dossiers.flatMap(\.events).map { Self.eventArguments($0, tenant: tenant) }
        let counters = sums.filter { $0.value != 0 }.map { key, value -> StatementArguments in
            [tenant, key.unit, key.procedure, key.period, key.metric, value]
        }
        let sequences = batch.codeSequences
        let dossierRows = rows
        do {
            try await write { db in
                let insertDossier = try db.cachedStatement(sql: Self.insertDossierSQL)
                for row in dossierRows { try insertDossier.execute(arguments: row) }
                let insertEvent = try db.cachedStatement(sql: Self.insertEventSQL)
                for event in events { try insertEvent.execute(arguments: event) }
                let upsertCounter = try db.cachedStatement(sql: Self.upsertCounterSQL)
                for counter in counters { try upsertCounter.execute(arguments: counter) }
                let raise = try db.cachedStatement(
                    sql: """
                        INSERT INTO code_sequences(tenant, unit, day, last) VALUES (?, ?, ?, ?)
                        ON CONFLICT(tenant, unit, day) DO UPDATE SET last = MAX(last, excluded.last)
                        """)
                for mark in sequences { try raise.execute(arguments: [tenant, mark.unit, mark.day, mark.last]) }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw OneGateError.versionConflict
        }
    }

    private struct CounterKey: Hashable {
        let unit, procedure, period, metric: String
    }

    /// A larger page cache for the writer connection (bulk loads into large indexes), in MiB.
    public func setWriterCacheSize(mebibytes: Int) async throws {
        try await write { db in try db.execute(sql: "PRAGMA cache_size = \(-1024 * mebibytes)") }
    }
}

extension SQLiteStore {
    /// Rows in the large tables (benchmarks and reports).
    public func rowCounts() async throws -> [(table: String, rows: Int)] {
        try await read { db in
            try ["dossiers", "events", "counters", "credentials"].map { table in
                (table, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0)
            }
        }
    }

    /// Copies the write-ahead log into the database file and truncates it (before measuring size).
    public func checkpoint() async throws {
        try await pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }
}
