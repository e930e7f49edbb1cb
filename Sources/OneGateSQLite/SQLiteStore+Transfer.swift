import Foundation
import GRDB
import OneGateCore

/// Copying a whole store in and out (`onegate migrate-store`): every table in pages by primary key,
/// with its columns as `TransferTable` names them. An instance being copied away is read through
/// `openForExport(path:)`, which opens the file read-only, so the source cannot be written.
extension SQLiteStore: StoreExport, StoreImport {
    public func transferCount(_ table: TransferTable) async throws -> Int {
        try await SQLiteTransfer.count(table, in: pool)
    }

    public func exportBatch(
        _ table: TransferTable, after cursor: TransferCursor?, limit: Int
    ) async throws
        -> TransferBatch
    {
        try await SQLiteTransfer.export(table, after: cursor, limit: limit, in: pool)
    }

    public func events(ofDossiers ids: [String], tenant: String) async throws -> [SignedEvent] {
        try await SQLiteTransfer.events(ofDossiers: ids, tenant: tenant, in: pool)
    }

    public func transferProgress() async throws -> TransferProgress? {
        guard let text = try await setting(TransferProgress.settingKey) else { return nil }
        return try decode(TransferProgress.self, text)
    }

    public func saveTransferProgress(_ progress: TransferProgress?) async throws {
        let text = try progress.map { try encode($0) }
        try await write { db in try SQLiteTransfer.saveProgress(text, in: db) }
    }

    public func importBatch(_ table: TransferTable, records: [TransferRecord], progress: TransferProgress) async throws
    {
        let progressText = try encode(progress)
        // The catalogue's search rows are derived here, as `importProcedures` derives them.
        let searchTexts: [String?] = try records.map { record in
            guard table == .procedures, record["current"] == .integer(1), let body = record["body"].text else {
                return nil
            }
            return try decode(Procedure.self, body).searchText
        }
        try await write { db in
            let columns = SQLiteTransfer.importedColumns(table)
            let statement = try db.cachedStatement(
                sql: "INSERT INTO \(table.rawValue)(\(columns.map(\.name).joined(separator: ", "))) VALUES ("
                    + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")")
            for (record, searchText) in zip(records, searchTexts) {
                guard record.table == table, record.values.count == table.columns.count else {
                    throw SQLiteTransfer.malformed(table)
                }
                let values = columns.map { column -> DatabaseValue in
                    let value = record.values[column.index]
                    guard SQLiteTransfer.packedColumn(table, column.name) else { return value.databaseValue }
                    switch value {
                    case .text(let text): return StoredJSON.pack(Array(text.utf8), as: .dossier).databaseValue
                    case .bytes(let bytes): return StoredJSON.pack(bytes, as: .event).databaseValue
                    default: return value.databaseValue
                    }
                }
                try statement.execute(arguments: StatementArguments(values))
                if let searchText {
                    try db.execute(
                        sql: "INSERT INTO procedure_search(tenant, code, level, text) VALUES (?, ?, ?, ?)",
                        arguments: [record["tenant"].text, record["code"].text, record["level"].text, searchText])
                }
            }
            try SQLiteTransfer.saveProgress(progressText, in: db)
        }
    }

    /// Opens the database at `path` read-only, for copying it elsewhere. Nothing is created or
    /// migrated: its schema must already be the current one (the copy checks `appliedMigrations`).
    public static func openForExport(path: String) throws -> ExportSource {
        guard FileManager.default.fileExists(atPath: path) else {
            throw OneGateError(
                .notFound, "no_store", vi: "Không có cơ sở dữ liệu SQLite tại \(path).",
                en: "There is no SQLite database at \(path).")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        return ExportSource(queue: try DatabaseQueue(path: path, configuration: configuration))
    }

    /// A SQLite database opened read-only: what `openForExport(path:)` returns.
    public final class ExportSource: StoreExport {
        let queue: DatabaseQueue

        init(queue: DatabaseQueue) { self.queue = queue }

        public func appliedMigrations() async throws -> [String] {
            try await queue.read { db in
                // An empty file (no migration table) has no migration applied.
                guard try db.tableExists("grdb_migrations") else { return [] }
                return try Migrations.migrator.appliedMigrations(db)
            }
        }

        public func transferCount(_ table: TransferTable) async throws -> Int {
            try await SQLiteTransfer.count(table, in: queue)
        }

        public func exportBatch(
            _ table: TransferTable, after cursor: TransferCursor?, limit: Int
        ) async throws
            -> TransferBatch
        {
            try await SQLiteTransfer.export(table, after: cursor, limit: limit, in: queue)
        }

        public func events(ofDossiers ids: [String], tenant: String) async throws -> [SignedEvent] {
            try await SQLiteTransfer.events(ofDossiers: ids, tenant: tenant, in: queue)
        }
    }
}

/// The statements of a transfer, shared by the store and its read-only export source. Table and
/// column names come from `TransferTable` and the key lists below, never from input; every value
/// is a bound parameter.
enum SQLiteTransfer {
    /// The primary key of each table, in index order: pages are read in this order, and the last
    /// record's key is the cursor of the next page.
    static func key(_ table: TransferTable) -> [String] {
        switch table {
        case .settings: return ["key"]
        case .units: return ["tenant", "code"]
        case .officers, .applicants, .dossiers, .jobs, .drafts: return ["tenant", "id"]
        case .evaluations, .results: return ["tenant", "dossier_id"]
        case .transparencyLog: return ["tenant", "idx"]
        case .treeHeads: return ["tenant", "size"]
        case .accessLog: return ["tenant", "subject", "seq"]
        case .sessions: return ["token_hash"]
        case .credentials: return ["serial"]
        case .procedures: return ["tenant", "code", "version"]
        case .documents: return ["tenant", "sha256"]
        case .documentOwners: return ["tenant", "sha256", "owner"]
        case .events: return ["tenant", "dossier_id", "seq"]
        case .codeSequences: return ["tenant", "unit", "day"]
        case .idempotencyKeys: return ["principal", "key"]
        case .counters: return ["tenant", "unit", "period", "metric", "procedure"]
        }
    }

    /// The columns an import writes, with their positions in a record: all of them, except the
    /// tenant of idempotency keys, which this schema does not keep (principals are unique).
    static func importedColumns(_ table: TransferTable) -> [(name: String, index: Int)] {
        table.columns.enumerated()
            .filter { table != .idempotencyKeys || $0.element.name != "tenant" }
            .map { ($0.element.name, $0.offset) }
    }

    /// How a column is read. The tenant of an idempotency key is its principal's (an officer's or
    /// an applicant's); a principal that is neither can only belong to the store's one province.
    static func selection(_ table: TransferTable, _ column: String) -> String {
        guard table == .idempotencyKeys, column == "tenant" else { return column }
        return """
            COALESCE((SELECT o.tenant FROM officers o WHERE o.id = t.principal),
            (SELECT a.tenant FROM applicants a WHERE a.id = t.principal), (SELECT MIN(u.tenant) FROM units u), '')
            """
    }

    /// The settings row of a copy in progress is not one of the copied rows.
    static func exclusion(_ table: TransferTable) -> (sql: String, arguments: StatementArguments) {
        table == .settings ? ("key <> ?", [TransferProgress.settingKey]) : ("1 = 1", [])
    }

    static func count(_ table: TransferTable, in reader: any DatabaseReader) async throws -> Int {
        let (condition, arguments) = exclusion(table)
        return try await reader.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.rawValue) WHERE \(condition)", arguments: arguments)
                ?? 0
        }
    }

    static func export(
        _ table: TransferTable, after cursor: TransferCursor?, limit: Int, in reader: any DatabaseReader
    ) async throws -> TransferBatch {
        let key = key(table)
        let (exclusion, excluded) = exclusion(table)
        var conditions = [exclusion]
        var arguments = excluded
        if let cursor {
            guard cursor.key.count == key.count else { throw malformed(table) }
            // A row-value comparison: SQLite walks the primary key index from the cursor on.
            conditions.append("(\(key.joined(separator: ", "))) > (\(key.map { _ in "?" }.joined(separator: ", ")))")
            arguments += StatementArguments(cursor.key.map(\.databaseValue))
        }
        arguments += [max(limit, 1)]
        let columns = table.columns
        let keyPositions = try key.map { name in
            guard let index = table.index(of: name) else { throw malformed(table) }
            return index
        }
        let sql = """
            SELECT \(columns.map { selection(table, $0.name) }.joined(separator: ", "))
            FROM \(table.rawValue) AS t WHERE \(conditions.joined(separator: " AND "))
            ORDER BY \(key.joined(separator: ", ")) LIMIT ?
            """
        let sqlArguments = arguments
        return try await reader.read { db in
            var records: [TransferRecord] = []
            var last: [TransferValue]?
            let rows = try Row.fetchCursor(db, sql: sql, arguments: sqlArguments)
            while let row = try rows.next() {
                var values: [TransferValue] = []
                values.reserveCapacity(columns.count)
                for (index, column) in columns.enumerated() {
                    let stored: DatabaseValue = row[index]
                    let value = packedColumn(table, column.name) ? try StoredJSON.plain(stored) : stored
                    values.append(try transferValue(value, column, table))
                }
                records.append(TransferRecord(table: table, values: values))
                last = keyPositions.map { values[$0] }
            }
            return TransferBatch(records: records, cursor: last.map(TransferCursor.init(key:)))
        }
    }

    static func events(
        ofDossiers ids: [String], tenant: String, in reader: any DatabaseReader
    ) async throws
        -> [SignedEvent]
    {
        guard !ids.isEmpty else { return [] }
        return try await reader.read { db in
            var events: [SignedEvent] = []
            // Chunks keep the statement far below SQLite's limit on bound parameters.
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT dossier_id, seq, type, at, actor_id, actor_role, actor_unit, canonical, signature,
                        certificate_serial, hash FROM events WHERE tenant = ?
                        AND dossier_id IN (\(chunk.map { _ in "?" }.joined(separator: ", "))) ORDER BY dossier_id, seq
                        """,
                    arguments: StatementArguments([tenant] + chunk))
                while let row = try rows.next() {
                    let signature: Data = row["signature"]
                    events.append(
                        SignedEvent(
                            dossierID: row["dossier_id"], seq: row["seq"], type: row["type"],
                            at: SQLiteStore.date(row["at"]),
                            actor: EventActor(id: row["actor_id"], role: row["actor_role"], unit: row["actor_unit"]),
                            canonical: try StoredJSON.bytes(row["canonical"]), signature: Array(signature),
                            certificateSerial: row["certificate_serial"], hash: row["hash"]))
                }
            }
            return events
        }
    }

    static func saveProgress(_ text: String?, in db: Database) throws {
        if let text {
            try db.execute(
                sql:
                    "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [TransferProgress.settingKey, text])
        } else {
            try db.execute(sql: "DELETE FROM settings WHERE key = ?", arguments: [TransferProgress.settingKey])
        }
    }

    /// A stored value as the column's kind. SQLite's dynamic typing may hand back text where bytes
    /// were meant (or the reverse); both read as the kind the column is declared with.
    /// The columns ``StoredJSON`` packs: a copy carries their plain bytes, and an import packs
    /// them again. No other column is touched (a document's content may start with any byte).
    static func packedColumn(_ table: TransferTable, _ column: String) -> Bool {
        (table == .dossiers && column == "body") || (table == .events && column == "canonical")
    }

    static func transferValue(
        _ value: DatabaseValue, _ column: TransferColumn, _ table: TransferTable
    ) throws
        -> TransferValue
    {
        switch (value.storage, column.kind) {
        case (.null, _) where column.optional: return .null
        case (.string(let text), .text): return .text(text)
        case (.blob(let data), .text): return .text(String(decoding: data, as: UTF8.self))
        case (.int64(let number), .integer), (.int64(let number), .flag): return .integer(number)
        case (.blob(let data), .bytes): return .bytes(Array(data))
        case (.string(let text), .bytes): return .bytes(Array(text.utf8))
        default: throw malformed(table)
        }
    }

    static func malformed(_ table: TransferTable) -> OneGateError {
        OneGateError(
            .internalFailure, "transfer_malformed", vi: "Dữ liệu chuyển của bảng \(table.rawValue) không hợp lệ.",
            en: "A transferred row of \(table.rawValue) does not have the table's columns.",
            details: ["table": table.rawValue])
    }
}

extension TransferValue {
    /// The value as SQLite stores it.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let number): return number.databaseValue
        case .text(let text): return text.databaseValue
        case .bytes(let bytes): return Data(bytes).databaseValue
        }
    }
}
