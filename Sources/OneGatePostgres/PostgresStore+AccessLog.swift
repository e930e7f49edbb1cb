import Foundation
import OneGateCore
import PostgresNIO

extension PostgresStore {
    public func appendAccess(_ record: AccessRecord, tenant: String) async throws {
        do {
            try await statement { connection in
                try await connection.run(
                    """
                    INSERT INTO access_log(tenant, subject, seq, at, actor, action, canonical, hash, signature,
                    certificate_serial) VALUES (\(tenant), \(record.subject), \(record.seq),
                    \(Self.millis(record.access.at)), \(record.access.actor), \(record.access.action.rawValue),
                    \(Data(record.canonical)), \(record.hash), \(Data(record.signature)), \(record.certificateSerial))
                    """, logger: self.logger)
            }
        } catch {
            if case .uniqueViolation = PostgresFailure(error) { throw OneGateError.versionConflict }
            throw error
        }
    }

    public func lastAccess(subject: String, tenant: String) async throws -> AccessRecord? {
        try await accessRows(
            """
            SELECT subject, seq, canonical, hash, signature, certificate_serial FROM access_log
            WHERE tenant = \(tenant) AND subject = \(subject) ORDER BY seq DESC LIMIT 1
            """
        ).first
    }

    public func accessRecords(
        subject: String, tenant: String, limit: Int, offset: Int
    ) async throws -> Page<
        AccessRecord
    > {
        let total =
            try await statement { connection in
                try await connection.first(
                    "SELECT COUNT(*)::bigint FROM access_log WHERE tenant = \(tenant) AND subject = \(subject)",
                    logger: self.logger)?.decode(Int.self)
            } ?? 0
        let items = try await accessRows(
            """
            SELECT subject, seq, canonical, hash, signature, certificate_serial FROM access_log
            WHERE tenant = \(tenant) AND subject = \(subject) ORDER BY seq DESC LIMIT \(limit) OFFSET \(offset)
            """)
        return Page(items: items, total: total, limit: limit, offset: offset)
    }

    public func accessChain(subject: String, tenant: String) async throws -> [AccessRecord] {
        try await accessRows(
            """
            SELECT subject, seq, canonical, hash, signature, certificate_serial FROM access_log
            WHERE tenant = \(tenant) AND subject = \(subject) ORDER BY seq
            """)
    }

    private func accessRows(_ query: PostgresQuery) async throws -> [AccessRecord] {
        let rows = try await statement { connection in
            try await connection.all(query, logger: self.logger).map {
                try $0.decode((String, Int, Data, String, Data, String).self)
            }
        }
        return try rows.map { subject, seq, canonical, hash, signature, serial in
            let parsed = try AccessRecordBytes.parse(Array(canonical))
            return AccessRecord(
                subject: subject, seq: seq, access: parsed.access, canonical: Array(canonical), hash: hash,
                prev: parsed.prev, signature: Array(signature), certificateSerial: serial)
        }
    }
}
