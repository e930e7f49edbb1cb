import Foundation
import GRDB
import OneGateCore

extension SQLiteStore {
    @discardableResult
    public func putDocument(_ document: StoredDocument, owner: String, tenant: String) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO documents(tenant, sha256, content_type, size, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(tenant, sha256) DO NOTHING
                    """,
                arguments: [
                    tenant, document.sha256, document.contentType, document.bytes.count, Data(document.bytes),
                    Self.millis(document.createdAt),
                ])
            let created = db.changesCount > 0
            try db.execute(
                sql: "INSERT INTO document_owners(tenant, sha256, owner) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                arguments: [tenant, document.sha256, owner])
            return created
        }
    }

    public func document(sha256: String, tenant: String) async throws -> StoredDocument? {
        try await read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM documents WHERE tenant = ? AND sha256 = ?", arguments: [tenant, sha256])
            else { return nil }
            let bytes: Data = row["bytes"]
            return StoredDocument(
                sha256: row["sha256"], contentType: row["content_type"], bytes: Array(bytes),
                createdAt: Self.date(row["created_at"]))
        }
    }

    public func disownDocument(sha256: String, owner: String, tenant: String) async throws {
        try await write { db in
            try db.execute(
                sql: "DELETE FROM document_owners WHERE tenant = ? AND sha256 = ? AND owner = ?",
                arguments: [tenant, sha256, owner])
        }
    }

    public func documentOwned(sha256: String, by principal: String, tenant: String) async throws -> Bool {
        try await read {
            try Bool.fetchOne(
                $0, sql: "SELECT EXISTS(SELECT 1 FROM document_owners WHERE tenant = ? AND sha256 = ? AND owner = ?)",
                arguments: [tenant, sha256, principal]) ?? false
        }
    }
}
