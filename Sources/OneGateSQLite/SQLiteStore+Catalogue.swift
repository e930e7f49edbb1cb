import Foundation
import GRDB
import OneGateCore

extension SQLiteStore {
    public func importProcedures(_ procedures: [Procedure], tenant: String) async throws -> CatalogueImportSummary {
        for procedure in procedures { try procedure.validate() }
        let encoder = self.encoder
        let decoder = self.decoder
        return try await write { db in
            var summary = CatalogueImportSummary()
            for incoming in procedures {
                let current = try String.fetchOne(
                    db, sql: "SELECT body FROM procedures WHERE tenant = ? AND code = ? AND current = 1",
                    arguments: [tenant, incoming.code]
                ).map { try decoder.decode(Procedure.self, from: Data($0.utf8)) }
                var stored = incoming
                if let current {
                    if current.sameContent(as: incoming) {
                        summary.unchanged += 1
                        continue
                    }
                    stored.version = current.version + 1
                    try db.execute(
                        sql: "UPDATE procedures SET current = 0 WHERE tenant = ? AND code = ?",
                        arguments: [tenant, incoming.code])
                    try db.execute(
                        sql: "DELETE FROM procedure_search WHERE tenant = ? AND code = ?",
                        arguments: [tenant, incoming.code])
                    summary.newVersions += 1
                } else {
                    summary.created += 1
                }
                let body = String(decoding: try encoder.encode(stored), as: UTF8.self)
                try db.execute(
                    sql:
                        "INSERT INTO procedures(tenant, code, version, current, level, body) VALUES (?, ?, ?, 1, ?, ?)",
                    arguments: [tenant, stored.code, stored.version, stored.level.rawValue, body])
                try db.execute(
                    sql: "INSERT INTO procedure_search(tenant, code, level, text) VALUES (?, ?, ?, ?)",
                    arguments: [tenant, stored.code, stored.level.rawValue, stored.searchText])
            }
            return summary
        }
    }

    public func procedure(code: String, version: Int?, tenant: String) async throws -> Procedure? {
        let body = try await read { db -> String? in
            if let version {
                return try String.fetchOne(
                    db, sql: "SELECT body FROM procedures WHERE tenant = ? AND code = ? AND version = ?",
                    arguments: [tenant, code, version])
            }
            return try String.fetchOne(
                db, sql: "SELECT body FROM procedures WHERE tenant = ? AND code = ? AND current = 1",
                arguments: [tenant, code])
        }
        return try body.map { try decode(Procedure.self, $0) }
    }

    public func currentProcedures(tenant: String) async throws -> [Procedure] {
        let bodies = try await read {
            try String.fetchAll(
                $0, sql: "SELECT body FROM procedures WHERE tenant = ? AND current = 1 ORDER BY code",
                arguments: [tenant])
        }
        return try bodies.map { try decode(Procedure.self, $0) }
    }

    public func searchProcedures(
        folded query: String, level: ProcedureLevel?, tenant: String, limit: Int, offset: Int
    ) async throws -> Page<Procedure> {
        // Each folded word becomes a quoted prefix term, so user input never reaches FTS syntax.
        let terms = query.split(separator: " ")
            .map { $0.filter { $0.isLetter || $0.isNumber || $0 == "." } }
            .filter { !$0.isEmpty }
            .prefix(12)
            .map { "\"\($0)\"*" }
        let match = terms.joined(separator: " AND ")
        let levelFilter = level?.rawValue
        let (total, bodies) = try await read { db -> (Int, [String]) in
            if match.isEmpty {
                let total =
                    try Int.fetchOne(
                        db,
                        sql:
                            "SELECT COUNT(*) FROM procedures WHERE tenant = ? AND current = 1 AND (? IS NULL OR level = ?)",
                        arguments: [tenant, levelFilter, levelFilter]) ?? 0
                let bodies = try String.fetchAll(
                    db,
                    sql: """
                        SELECT body FROM procedures WHERE tenant = ? AND current = 1 AND (? IS NULL OR level = ?)
                        ORDER BY code LIMIT ? OFFSET ?
                        """,
                    arguments: [tenant, levelFilter, levelFilter, limit, offset])
                return (total, bodies)
            }
            let total =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM procedure_search WHERE procedure_search MATCH ? AND tenant = ?
                        AND (? IS NULL OR level = ?)
                        """,
                    arguments: [match, tenant, levelFilter, levelFilter]) ?? 0
            let bodies = try String.fetchAll(
                db,
                sql: """
                    SELECT p.body FROM procedure_search s
                    JOIN procedures p ON p.tenant = s.tenant AND p.code = s.code AND p.current = 1
                    WHERE procedure_search MATCH ? AND s.tenant = ? AND (? IS NULL OR s.level = ?)
                    ORDER BY s.rank LIMIT ? OFFSET ?
                    """,
                arguments: [match, tenant, levelFilter, levelFilter, limit, offset])
            return (total, bodies)
        }
        return Page(
            items: try bodies.map { try decode(Procedure.self, $0) }, total: total, limit: limit, offset: offset)
    }
}
