import Foundation
import GRDB
import OneGateCore

/// The embedded store: GRDB on the system SQLite, WAL, `synchronous=FULL`, group commit.
/// Reads run concurrently on the pool's readers; writes go through one group committer.
public final class SQLiteStore: OneGateStore {
    let pool: DatabasePool
    let committer: GroupCommitter
    let cache = DossierCache()
    let encoder: JSONEncoder
    let decoder = JSONDecoder()

    /// Opens (creating if needed) the database at `path` and runs pending migrations.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.maximumReaderCount = 8
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            // 32 MiB of pages per connection (the default is 2 MiB): the indicator questions read
            // tens of thousands of counter index entries, which otherwise come through read(2) each time.
            try db.execute(sql: "PRAGMA cache_size = -32768")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try Migrations.migrator.migrate(pool)
        committer = GroupCommitter(writer: pool)
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
    }

    /// The migrations that are applied, in order (for `onegate migrate` and tests).
    public func appliedMigrations() async throws -> [String] {
        try await pool.read { try Migrations.migrator.appliedMigrations($0) }
    }

    /// Nothing to release: the pool closes with the store.
    public func shutdown() async {}

    func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try decoder.decode(type, from: Data(text.utf8))
    }

    static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }

    static func date(_ millis: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(millis) / 1000) }

    /// Runs a write through the group committer.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await committer.submit(work)
    }

    func read<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.read(work)
    }

    public func setting(_ key: String) async throws -> String? {
        try await read { try String.fetchOne($0, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key]) }
    }

    public func setSetting(_ key: String, value: String) async throws {
        try await write {
            try $0.execute(
                sql:
                    "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [key, value])
        }
    }
}
