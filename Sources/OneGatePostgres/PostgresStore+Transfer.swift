import Foundation
import OneGateCore
import PostgresNIO

/// Copying a whole store in and out (`onegate migrate-store`): every table in pages by primary key,
/// with its columns as `TransferTable` names them. Table and column names come from `TransferTable`
/// and the key lists below, never from input; every value is a bound parameter.
extension PostgresStore: StoreExport, StoreImport {
    public func transferCount(_ table: TransferTable) async throws -> Int {
        let (condition, binds) = try Self.exclusion(table, from: 1)
        return try await statement { connection in
            try await connection.first(
                PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table.rawValue) WHERE \(condition)", binds: binds),
                logger: self.logger
            )?.decode(Int.self) ?? 0
        }
    }

    public func exportBatch(
        _ table: TransferTable, after cursor: TransferCursor?, limit: Int
    ) async throws
        -> TransferBatch
    {
        let key = Self.transferKey(table)
        let keyPositions = try key.map { name in
            guard let index = table.index(of: name) else { throw Self.malformed(table) }
            return index
        }
        var (exclusion, binds) = try Self.exclusion(table, from: 1)
        var conditions = [exclusion]
        if let cursor {
            guard cursor.key.count == key.count else { throw Self.malformed(table) }
            let first = binds.count + 1
            // A row comparison: PostgreSQL walks the primary key index from the cursor on.
            conditions.append(
                "(\(key.joined(separator: ", "))) > ("
                    + (0..<key.count).map { "$\(first + $0)" }.joined(separator: ", ") + ")")
            for value in cursor.key { try Self.bind(value, kind: .text, into: &binds) }
        }
        binds.append(Int64(max(limit, 1)))
        let columns = table.columns
        let sql = """
            SELECT \(columns.map(\.name).joined(separator: ", ")) FROM \(table.rawValue)
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(key.joined(separator: ", ")) LIMIT $\(binds.count)
            """
        let query = PostgresQuery(unsafeSQL: sql, binds: binds)
        let records = try await statement { connection in
            try await connection.all(query, logger: self.logger).map { row in
                var values: [TransferValue] = []
                values.reserveCapacity(columns.count)
                for (cell, column) in zip(row, columns) {
                    values.append(try Self.transferValue(cell, column, table))
                }
                return TransferRecord(table: table, values: values)
            }
        }
        let cursor = records.last.map { last in TransferCursor(key: keyPositions.map { last.values[$0] }) }
        return TransferBatch(records: records, cursor: cursor)
    }

    public func events(ofDossiers ids: [String], tenant: String) async throws -> [SignedEvent] {
        guard !ids.isEmpty else { return [] }
        return try await statement { connection in
            try await connection.all(
                """
                SELECT dossier_id, seq, type, at, actor_id, actor_role, actor_unit, canonical, signature,
                certificate_serial, hash FROM events WHERE tenant = \(tenant) AND dossier_id = ANY(\(ids))
                ORDER BY dossier_id, seq
                """, logger: self.logger
            ).map { row in
                let (dossierID, seq, type, at, actorID, role, unit, canonical, signature, serial, hash) =
                    try row
                    .decode((String, Int, String, Int64, String, String, String, Data, Data, String, String).self)
                return SignedEvent(
                    dossierID: dossierID, seq: seq, type: type, at: Self.date(at),
                    actor: EventActor(id: actorID, role: role, unit: unit), canonical: Array(canonical),
                    signature: Array(signature), certificateSerial: serial, hash: hash)
            }
        }
    }

    public func transferProgress() async throws -> TransferProgress? {
        guard let text = try await setting(TransferProgress.settingKey) else { return nil }
        return try decode(TransferProgress.self, text)
    }

    public func saveTransferProgress(_ progress: TransferProgress?) async throws {
        let text = try progress.map { try encode($0) }
        try await transaction { connection in
            try await self.saveProgress(text, on: connection)
        }
    }

    public func importBatch(_ table: TransferTable, records: [TransferRecord], progress: TransferProgress) async throws
    {
        let progressText = try encode(progress)
        let statements = try insertStatements(table, records)
        try await transaction { connection in
            for statement in statements { try await connection.run(statement, logger: self.logger) }
            try await self.saveProgress(progressText, on: connection)
        }
    }

    /// Multi-row inserts of `records`, each statement within PostgreSQL's 65 535 bound parameters.
    private func insertStatements(_ table: TransferTable, _ records: [TransferRecord]) throws -> [PostgresQuery] {
        let columns = table.columns
        // The catalogue's search text is derived here, as `importProcedures` derives it.
        let names = columns.map(\.name) + (table == .procedures ? ["search_text"] : [])
        let perStatement = max(1, 65_535 / names.count)
        var statements: [PostgresQuery] = []
        for start in stride(from: 0, to: records.count, by: perStatement) {
            var binds = PostgresBindings(capacity: names.count * perStatement)
            var rows: [String] = []
            for record in records[start..<min(start + perStatement, records.count)] {
                guard record.table == table, record.values.count == columns.count else { throw Self.malformed(table) }
                let first = binds.count + 1
                for (value, column) in zip(record.values, columns) {
                    try Self.bind(value, kind: column.kind, into: &binds)
                }
                if table == .procedures {
                    guard let body = record["body"].text else { throw Self.malformed(table) }
                    binds.append(Self.searchWords(try decode(Procedure.self, body).searchText))
                }
                rows.append("(" + (0..<names.count).map { "$\(first + $0)" }.joined(separator: ", ") + ")")
            }
            statements.append(
                PostgresQuery(
                    unsafeSQL: "INSERT INTO \(table.rawValue) (\(names.joined(separator: ", "))) VALUES "
                        + rows.joined(separator: ", "),
                    binds: binds))
        }
        return statements
    }

    private func saveProgress(_ text: String?, on connection: PostgresConnection) async throws {
        if let text {
            try await connection.run(
                """
                INSERT INTO settings(key, value) VALUES (\(TransferProgress.settingKey), \(text))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, logger: logger)
        } else {
            try await connection.run(
                "DELETE FROM settings WHERE key = \(TransferProgress.settingKey)", logger: logger)
        }
    }

    /// The primary key of each table, in index order: pages are read in this order, and the last
    /// record's key is the cursor of the next page.
    static func transferKey(_ table: TransferTable) -> [String] {
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
        case .idempotencyKeys: return ["tenant", "principal", "key"]
        case .counters: return ["tenant", "unit", "period", "metric", "procedure"]
        }
    }

    /// The settings row of a copy in progress is not one of the copied rows. Parameters are
    /// numbered from `first`.
    static func exclusion(_ table: TransferTable, from first: Int) throws -> (String, PostgresBindings) {
        var binds = PostgresBindings()
        guard table == .settings else { return ("true", binds) }
        binds.append(TransferProgress.settingKey)
        return ("key <> $\(first)", binds)
    }

    /// Binds `value` as the column's kind expects (flags as booleans).
    static func bind(_ value: TransferValue, kind: TransferColumn.Kind, into binds: inout PostgresBindings) throws {
        switch (value, kind) {
        case (.null, _): binds.appendNull()
        case (.integer(let number), .flag): binds.append(number != 0)
        case (.integer(let number), _): binds.append(number)
        case (.text(let text), _): binds.append(text)
        case (.bytes(let bytes), _): try binds.append(Data(bytes))
        }
    }

    static func transferValue(
        _ cell: PostgresCell, _ column: TransferColumn, _ table: TransferTable
    ) throws
        -> TransferValue
    {
        let value: TransferValue?
        switch column.kind {
        case .text: value = try cell.decode(String?.self).map { .text($0) }
        case .integer: value = try cell.decode(Int64?.self).map { .integer($0) }
        case .bytes: value = try cell.decode(Data?.self).map { .bytes(Array($0)) }
        case .flag: value = try cell.decode(Bool?.self).map { .integer($0 ? 1 : 0) }
        }
        guard let value else {
            guard column.optional else { throw malformed(table) }
            return .null
        }
        return value
    }

    static func malformed(_ table: TransferTable) -> OneGateError {
        OneGateError(
            .internalFailure, "transfer_malformed", vi: "Dữ liệu chuyển của bảng \(table.rawValue) không hợp lệ.",
            en: "A transferred row of \(table.rawValue) does not have the table's columns.",
            details: ["table": table.rawValue])
    }
}
