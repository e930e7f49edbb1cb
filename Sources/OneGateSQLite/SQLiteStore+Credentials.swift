import Foundation
import GRDB
import OneGateCore

extension SQLiteStore {
    public func allCredentials() async throws -> [StoredCredential] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM credentials ORDER BY not_before, serial").map { row in
                let certificate: Data = row["certificate"]
                let key: Data = row["private_key"]
                let revoked: Int64? = row["revoked_at"]
                return StoredCredential(
                    serial: row["serial"], subject: row["subject"], certificateDER: Array(certificate),
                    encryptedPrivateKey: Array(key), notBefore: Self.date(row["not_before"]),
                    notAfter: Self.date(row["not_after"]), revokedAt: revoked.map(Self.date))
            }
        }
    }

    public func saveCredential(_ credential: StoredCredential) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO credentials(serial, subject, certificate, private_key, not_before, not_after, revoked_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    credential.serial, credential.subject, Data(credential.certificateDER),
                    Data(credential.encryptedPrivateKey), Self.millis(credential.notBefore),
                    Self.millis(credential.notAfter), credential.revokedAt.map(Self.millis),
                ])
        }
    }

    public func revokeCredential(serial: String, at: Date) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE credentials SET revoked_at = ? WHERE serial = ? AND revoked_at IS NULL",
                arguments: [Self.millis(at), serial])
        }
    }
}
