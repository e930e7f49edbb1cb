import Foundation
import OneGateCore
import PostgresNIO

extension PostgresStore {
    public func allCredentials() async throws -> [StoredCredential] {
        let rows = try await statement { connection in
            try await connection.all(
                """
                SELECT serial, subject, certificate, private_key, not_before, not_after, revoked_at
                FROM credentials ORDER BY not_before, serial
                """, logger: self.logger
            ).map { try $0.decode((String, String, Data, Data, Int64, Int64, Int64?).self) }
        }
        return rows.map { serial, subject, certificate, key, notBefore, notAfter, revoked in
            StoredCredential(
                serial: serial, subject: subject, certificateDER: Array(certificate), encryptedPrivateKey: Array(key),
                notBefore: Self.date(notBefore), notAfter: Self.date(notAfter), revokedAt: revoked.map(Self.date))
        }
    }

    public func saveCredential(_ credential: StoredCredential) async throws {
        try await statement { connection in
            try await connection.run(
                """
                INSERT INTO credentials(serial, subject, certificate, private_key, not_before, not_after, revoked_at)
                VALUES (\(credential.serial), \(credential.subject), \(Data(credential.certificateDER)),
                \(Data(credential.encryptedPrivateKey)), \(Self.millis(credential.notBefore)),
                \(Self.millis(credential.notAfter)), \(credential.revokedAt.map(Self.millis)))
                """, logger: self.logger)
        }
    }

    public func revokeCredential(serial: String, at: Date) async throws {
        try await statement { connection in
            try await connection.run(
                """
                UPDATE credentials SET revoked_at = \(Self.millis(at)) WHERE serial = \(serial) AND revoked_at IS NULL
                """, logger: self.logger)
        }
    }
}
