import Foundation
import OneGateCore
import PostgresNIO

extension PostgresStore {
    /// Documents live in the database as `bytea`, so that any server of a deployment can serve any
    /// document without a shared file system.
    @discardableResult
    public func putDocument(_ document: StoredDocument, owner: String, tenant: String) async throws -> Bool {
        try await transaction { connection in
            let created =
                try await connection.first(
                    """
                    INSERT INTO documents(tenant, sha256, content_type, size, bytes, created_at)
                    VALUES (\(tenant), \(document.sha256), \(document.contentType), \(document.bytes.count),
                    \(Data(document.bytes)), \(Self.millis(document.createdAt)))
                    ON CONFLICT (tenant, sha256) DO NOTHING RETURNING 1
                    """, logger: self.logger) != nil
            try await connection.run(
                """
                INSERT INTO document_owners(tenant, sha256, owner) VALUES (\(tenant), \(document.sha256), \(owner))
                ON CONFLICT DO NOTHING
                """, logger: self.logger)
            return created
        }
    }

    public func document(sha256: String, tenant: String) async throws -> StoredDocument? {
        let row = try await statement { connection in
            try await connection.first(
                """
                SELECT sha256, content_type, bytes, created_at FROM documents
                WHERE tenant = \(tenant) AND sha256 = \(sha256)
                """, logger: self.logger
            )?.decode((String, String, Data, Int64).self)
        }
        guard let (hash, contentType, bytes, created) = row else { return nil }
        return StoredDocument(
            sha256: hash, contentType: contentType, bytes: Array(bytes), createdAt: Self.date(created))
    }

    public func disownDocument(sha256: String, owner: String, tenant: String) async throws {
        try await statement { connection in
            try await connection.run(
                """
                DELETE FROM document_owners WHERE tenant = \(tenant) AND sha256 = \(sha256) AND owner = \(owner)
                """, logger: self.logger)
        }
    }

    public func documentOwned(sha256: String, by principal: String, tenant: String) async throws -> Bool {
        try await statement { connection in
            try await connection.first(
                """
                SELECT EXISTS(SELECT 1 FROM document_owners
                WHERE tenant = \(tenant) AND sha256 = \(sha256) AND owner = \(principal))
                """, logger: self.logger
            )?.decode(Bool.self) ?? false
        }
    }
}
