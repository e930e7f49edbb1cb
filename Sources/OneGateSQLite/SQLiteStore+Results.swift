import Foundation
import GRDB
import OneGateCore

extension SQLiteStore {
    /// Appends `entries` to the log (the writer is alone, so the next index is the count) and stores
    /// `result` with the first entry's index.
    static func appendResult(
        _ result: IssuedResult?, entries: [TransparencyEntry], tenant: String, db: Database
    ) throws {
        var first: Int?
        for entry in entries {
            let index = try appendLeaf(entry, tenant: tenant, db: db)
            if first == nil { first = index }
        }
        guard var result else { return }
        result.logIndex = first
        try saveResult(result, db: db)
    }

    static func appendLeaf(_ entry: TransparencyEntry, tenant: String, db: Database) throws -> Int {
        let index =
            try Int.fetchOne(
                db, sql: "SELECT COALESCE(MAX(idx) + 1, 0) FROM transparency_log WHERE tenant = ?", arguments: [tenant])
            ?? 0
        try db.execute(
            sql: "INSERT INTO transparency_log(tenant, idx, entry, leaf_hash, at) VALUES (?, ?, ?, ?, ?)",
            arguments: [tenant, index, Data(entry.entry), Data(entry.leafHash), millis(entry.at)])
        return index
    }

    static func saveResult(_ result: IssuedResult, db: Database) throws {
        let body = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO results(tenant, dossier_id, dossier_code, number, document, issued_at, status, body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(tenant, dossier_id) DO UPDATE SET number = excluded.number, document = excluded.document,
                status = excluded.status, body = excluded.body
                """,
            arguments: [
                result.tenant, result.dossierID, result.dossierCode, result.number, result.document,
                millis(result.issuedAt), result.status.rawValue, body,
            ])
    }

    private static func decodeResult(_ row: Row?) throws -> IssuedResult? {
        guard let row else { return nil }
        let body: String = row["body"]
        return try JSONDecoder().decode(IssuedResult.self, from: Data(body.utf8))
    }

    public func result(dossierID: String, tenant: String) async throws -> IssuedResult? {
        try await read { db in
            try Self.decodeResult(
                try Row.fetchOne(
                    db, sql: "SELECT body FROM results WHERE tenant = ? AND dossier_id = ?",
                    arguments: [tenant, dossierID]
                ))
        }
    }

    public func result(code: String, number: String, tenant: String) async throws -> IssuedResult? {
        try await read { db in
            try Self.decodeResult(
                try Row.fetchOne(
                    db, sql: "SELECT body FROM results WHERE tenant = ? AND dossier_code = ? AND number = ?",
                    arguments: [tenant, code, number]))
        }
    }

    public func result(document: String, tenant: String) async throws -> IssuedResult? {
        try await read { db in
            try Self.decodeResult(
                try Row.fetchOne(
                    db, sql: "SELECT body FROM results WHERE tenant = ? AND document = ?",
                    arguments: [tenant, document]))
        }
    }

    public func revokeResult(_ result: IssuedResult, entry: TransparencyEntry) async throws -> Int {
        try await write { db in
            let index = try Self.appendLeaf(entry, tenant: result.tenant, db: db)
            var revoked = result
            revoked.revocationLogIndex = index
            try Self.saveResult(revoked, db: db)
            return index
        }
    }

    public func saveDigitisedResult(_ result: IssuedResult, entry: TransparencyEntry) async throws -> Int {
        try await write { db in
            let index = try Self.appendLeaf(entry, tenant: result.tenant, db: db)
            var stored = result
            stored.logIndex = index
            try Self.saveResult(stored, db: db)
            return index
        }
    }

    public func transparencySize(tenant: String) async throws -> Int {
        try await read { db in
            try Int.fetchOne(
                db, sql: "SELECT COALESCE(MAX(idx) + 1, 0) FROM transparency_log WHERE tenant = ?", arguments: [tenant])
                ?? 0
        }
    }

    public func transparencyLeaves(from index: Int, limit: Int, tenant: String) async throws -> [TransparencyLeaf] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT idx, entry, leaf_hash, at FROM transparency_log WHERE tenant = ? AND idx >= ?
                    ORDER BY idx LIMIT ?
                    """,
                arguments: [tenant, index, limit]
            ).map { row in
                let entry: Data = row["entry"]
                let hash: Data = row["leaf_hash"]
                return TransparencyLeaf(
                    index: row["idx"], entry: Array(entry), leafHash: Array(hash), at: Self.date(row["at"]))
            }
        }
    }

    public func saveTreeHead(_ head: TreeHead, tenant: String) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO tree_heads(tenant, size, root, at, canonical, signature, certificate_serial)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(tenant, size) DO NOTHING
                    """,
                arguments: [
                    tenant, head.size, head.root, Self.millis(head.at), Data(head.canonical), Data(head.signature),
                    head.certificateSerial,
                ])
        }
    }

    public func latestTreeHead(tenant: String) async throws -> TreeHead? {
        try await treeHeads(limit: 1, offset: 0, tenant: tenant).first
    }

    public func treeHeads(limit: Int, offset: Int, tenant: String) async throws -> [TreeHead] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT size, root, at, canonical, signature, certificate_serial FROM tree_heads
                    WHERE tenant = ? ORDER BY size DESC LIMIT ? OFFSET ?
                    """,
                arguments: [tenant, limit, offset]
            ).map { row in
                let canonical: Data = row["canonical"]
                let signature: Data = row["signature"]
                return TreeHead(
                    size: row["size"], root: row["root"], at: Self.date(row["at"]), canonical: Array(canonical),
                    signature: Array(signature), certificateSerial: row["certificate_serial"])
            }
        }
    }
}
