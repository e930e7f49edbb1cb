import Foundation
import GRDB
import OneGateCore

extension SQLiteStore {
    public func appendAccess(_ record: AccessRecord, tenant: String) async throws {
        do {
            try await write { db in
                try db.execute(
                    sql: """
                        INSERT INTO access_log(tenant, subject, seq, at, actor, action, canonical, hash, signature,
                        certificate_serial) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        tenant, record.subject, record.seq, Self.millis(record.access.at), record.access.actor,
                        record.access.action.rawValue, Data(record.canonical), record.hash, Data(record.signature),
                        record.certificateSerial,
                    ])
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw OneGateError.versionConflict
        }
    }

    public func lastAccess(subject: String, tenant: String) async throws -> AccessRecord? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM access_log WHERE tenant = ? AND subject = ? ORDER BY seq DESC LIMIT 1",
                arguments: [tenant, subject]
            ).map(Self.accessRecord)
        }
    }

    public func accessRecords(
        subject: String, tenant: String, limit: Int, offset: Int
    ) async throws -> Page<
        AccessRecord
    > {
        try await read { db in
            let total =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM access_log WHERE tenant = ? AND subject = ?",
                    arguments: [tenant, subject]) ?? 0
            let items = try Row.fetchAll(
                db,
                sql: "SELECT * FROM access_log WHERE tenant = ? AND subject = ? ORDER BY seq DESC LIMIT ? OFFSET ?",
                arguments: [tenant, subject, limit, offset]
            ).map(Self.accessRecord)
            return Page(items: items, total: total, limit: limit, offset: offset)
        }
    }

    public func accessChain(subject: String, tenant: String) async throws -> [AccessRecord] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM access_log WHERE tenant = ? AND subject = ? ORDER BY seq",
                arguments: [tenant, subject]
            ).map(Self.accessRecord)
        }
    }

    /// The record from its row: the access is read back from the signed bytes, so what is shown is
    /// what was signed.
    static func accessRecord(_ row: Row) throws -> AccessRecord {
        let canonical: Data = row["canonical"]
        let signature: Data = row["signature"]
        let parsed = try AccessRecordBytes.parse(Array(canonical))
        return AccessRecord(
            subject: row["subject"], seq: row["seq"], access: parsed.access, canonical: Array(canonical),
            hash: row["hash"], prev: parsed.prev, signature: Array(signature),
            certificateSerial: row["certificate_serial"])
    }
}
