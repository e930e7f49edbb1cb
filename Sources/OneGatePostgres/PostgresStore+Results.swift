import Foundation
import OneGateCore
import PostgresNIO

extension PostgresStore {
    /// Appends `entries` and stores `result` with the first entry's index. A transaction-scoped
    /// advisory lock per tenant serialises appends, so indexes are dense and never taken twice.
    func appendResult(
        _ result: IssuedResult?, entries: [TransparencyEntry], tenant: String, on connection: PostgresConnection
    ) async throws {
        var first: Int?
        for entry in entries {
            let index = try await appendLeaf(entry, tenant: tenant, on: connection)
            if first == nil { first = index }
        }
        guard var result else { return }
        result.logIndex = first
        try await saveResult(result, on: connection)
    }

    private func appendLeaf(
        _ entry: TransparencyEntry, tenant: String, on connection: PostgresConnection
    ) async throws
        -> Int
    {
        let lock = "transparency:" + tenant
        try await connection.run("SELECT pg_advisory_xact_lock(hashtext(\(lock)))", logger: logger)
        let index =
            try await connection.first(
                "SELECT COALESCE(MAX(idx) + 1, 0)::bigint FROM transparency_log WHERE tenant = \(tenant)",
                logger: logger
            )?.decode(Int.self) ?? 0
        try await connection.run(
            """
            INSERT INTO transparency_log(tenant, idx, entry, leaf_hash, at)
            VALUES (\(tenant), \(index), \(Data(entry.entry)), \(Data(entry.leafHash)), \(Self.millis(entry.at)))
            """, logger: logger)
        return index
    }

    private func saveResult(_ result: IssuedResult, on connection: PostgresConnection) async throws {
        let body = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        try await connection.run(
            """
            INSERT INTO results(tenant, dossier_id, dossier_code, number, document, issued_at, status, body)
            VALUES (\(result.tenant), \(result.dossierID), \(result.dossierCode), \(result.number), \(result.document),
            \(Self.millis(result.issuedAt)), \(result.status.rawValue), \(body))
            ON CONFLICT (tenant, dossier_id) DO UPDATE SET number = excluded.number, document = excluded.document,
            status = excluded.status, body = excluded.body
            """, logger: logger)
    }

    private func oneResult(_ query: PostgresQuery) async throws -> IssuedResult? {
        try await statement { connection in
            guard let row = try await connection.first(query, logger: self.logger) else { return nil }
            return try JSONDecoder().decode(IssuedResult.self, from: Data(try row.decode(String.self).utf8))
        }
    }

    public func result(dossierID: String, tenant: String) async throws -> IssuedResult? {
        try await oneResult("SELECT body FROM results WHERE tenant = \(tenant) AND dossier_id = \(dossierID)")
    }

    public func result(code: String, number: String, tenant: String) async throws -> IssuedResult? {
        try await oneResult(
            "SELECT body FROM results WHERE tenant = \(tenant) AND dossier_code = \(code) AND number = \(number)")
    }

    public func result(document: String, tenant: String) async throws -> IssuedResult? {
        try await oneResult("SELECT body FROM results WHERE tenant = \(tenant) AND document = \(document) LIMIT 1")
    }

    public func revokeResult(_ result: IssuedResult, entry: TransparencyEntry) async throws -> Int {
        try await transaction { connection in
            let index = try await self.appendLeaf(entry, tenant: result.tenant, on: connection)
            var revoked = result
            revoked.revocationLogIndex = index
            try await self.saveResult(revoked, on: connection)
            return index
        }
    }

    public func saveDigitisedResult(_ result: IssuedResult, entry: TransparencyEntry) async throws -> Int {
        try await transaction { connection in
            let index = try await self.appendLeaf(entry, tenant: result.tenant, on: connection)
            var stored = result
            stored.logIndex = index
            try await self.saveResult(stored, on: connection)
            return index
        }
    }

    public func transparencySize(tenant: String) async throws -> Int {
        try await statement { connection in
            try await connection.first(
                "SELECT COALESCE(MAX(idx) + 1, 0)::bigint FROM transparency_log WHERE tenant = \(tenant)",
                logger: self.logger)?.decode(Int.self) ?? 0
        }
    }

    public func transparencyLeaves(from index: Int, limit: Int, tenant: String) async throws -> [TransparencyLeaf] {
        try await statement { connection in
            try await connection.all(
                """
                SELECT idx, entry, leaf_hash, at FROM transparency_log WHERE tenant = \(tenant) AND idx >= \(index)
                ORDER BY idx LIMIT \(limit)
                """, logger: self.logger
            ).map { row in
                let (idx, entry, hash, at) = try row.decode((Int, Data, Data, Int64).self)
                return TransparencyLeaf(index: idx, entry: Array(entry), leafHash: Array(hash), at: Self.date(at))
            }
        }
    }

    public func saveTreeHead(_ head: TreeHead, tenant: String) async throws {
        try await statement { connection in
            try await connection.run(
                """
                INSERT INTO tree_heads(tenant, size, root, at, canonical, signature, certificate_serial)
                VALUES (\(tenant), \(head.size), \(head.root), \(Self.millis(head.at)), \(Data(head.canonical)),
                \(Data(head.signature)), \(head.certificateSerial)) ON CONFLICT (tenant, size) DO NOTHING
                """, logger: self.logger)
        }
    }

    public func latestTreeHead(tenant: String) async throws -> TreeHead? {
        try await treeHeads(limit: 1, offset: 0, tenant: tenant).first
    }

    public func treeHeads(limit: Int, offset: Int, tenant: String) async throws -> [TreeHead] {
        try await statement { connection in
            try await connection.all(
                """
                SELECT size, root, at, canonical, signature, certificate_serial FROM tree_heads
                WHERE tenant = \(tenant) ORDER BY size DESC LIMIT \(limit) OFFSET \(offset)
                """, logger: self.logger
            ).map { row in
                let (size, root, at, canonical, signature, serial) = try row.decode(
                    (Int, String, Int64, Data, Data, String).self)
                return TreeHead(
                    size: size, root: root, at: Self.date(at), canonical: Array(canonical),
                    signature: Array(signature), certificateSerial: serial)
            }
        }
    }
}
