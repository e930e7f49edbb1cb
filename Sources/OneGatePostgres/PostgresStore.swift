import Foundation
import Logging
import OneGateCore
import PostgresNIO
import Synchronization

/// The production store on PostgreSQL: the same contract and the same meanings as the SQLite
/// store, shared by any number of OneGate servers. Each call is one transaction (or one
/// statement); no connection or transaction crosses the `OneGateStore` boundary.
///
/// ```swift
/// let store = try await PostgresStore.connect(url: "postgres://onegate@db:5432/onegate", logger: logger)
/// // ... serve ...
/// await store.shutdown()
/// ```
public final class PostgresStore: OneGateStore {
    let client: PostgresClient
    let logger: Logger
    let location: PostgresLocation
    /// How long a call waits for a pooled connection before answering `store_unavailable`.
    let leaseTimeout: Duration
    private let runner: Task<Void, Never>
    let encoder: JSONEncoder
    let decoder = JSONDecoder()

    private init(location: PostgresLocation, maximumConnections: Int, leaseTimeout: Duration, logger: Logger) {
        var configuration = location.clientConfiguration
        configuration.options.maximumConnections = maximumConnections
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.logger = logger
        self.location = location
        self.leaseTimeout = leaseTimeout
        // The client only hands out connections while `run()` is running; the store owns that task.
        runner = Self.startRunning(client)
        // Same encoding as the SQLite store (default date strategy, sorted keys), so that rows can
        // be copied between the two backends unchanged.
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
    }

    /// Connects to the database at `url` (`postgres://user:password@host:port/database`), starts
    /// the connection pool and applies pending migrations (safe when several servers start at once).
    ///
    /// - Parameters:
    ///   - maximumConnections: the size of this server's pool.
    ///   - leaseTimeout: how long a call may wait for a free connection before it fails with
    ///     `store_unavailable` (503) instead of queueing without end while the database is down.
    ///   - migrate: false to leave the schema alone (the caller runs `migrate()` itself).
    public static func connect(
        url: String, logger: Logger, maximumConnections: Int = 20, leaseTimeout: Duration = .seconds(10),
        migrate: Bool = true
    ) async throws -> PostgresStore {
        let store = PostgresStore(
            location: try PostgresLocation(url: url), maximumConnections: maximumConnections,
            leaseTimeout: leaseTimeout, logger: logger)
        guard migrate else { return store }
        do {
            try await store.migrate()
        } catch {
            await store.shutdown()
            throw error
        }
        return store
    }

    /// Starts `client.run()`. Started immediately where possible: `run()` marks the client running
    /// before it first suspends, so the first lease (the migrations) never finds it not yet running,
    /// which PostgresNIO would log as a warning at every start.
    static func startRunning(_ client: PostgresClient) -> Task<Void, Never> {
        if #available(macOS 26.0, iOS 26.0, tvOS 26.0, watchOS 26.0, *) {
            return Task.immediate { await client.run() }
        }
        return Task { await client.run() }
    }

    /// Closes every connection. Calls made afterwards fail with `store_unavailable`.
    public func shutdown() async {
        runner.cancel()
        await runner.value
    }

    deinit {
        // A store dropped without `shutdown()` must not keep its pool running for ever.
        runner.cancel()
    }

    public func setting(_ key: String) async throws -> String? {
        try await statement { connection in
            try await connection.first(
                "SELECT value FROM settings WHERE key = \(key)", logger: self.logger
            )?.decode(String.self)
        }
    }

    public func setSetting(_ key: String, value: String) async throws {
        try await statement { connection in
            try await connection.run(
                """
                INSERT INTO settings(key, value) VALUES (\(key), \(value))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, logger: self.logger)
        }
    }

    // MARK: - Encoding

    func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try decoder.decode(type, from: Data(text.utf8))
    }

    /// Dates are stored as milliseconds since 1970, rounded down, exactly as in the SQLite store.
    static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }

    static func date(_ millis: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(millis) / 1000) }

    // MARK: - Connections and transactions

    /// Runs one statement (or several that need no common snapshot) on a leased connection.
    func statement<T: Sendable>(_ work: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await leased(work)
    }

    /// Runs `work` in one read-write transaction (READ COMMITTED: every write that depends on
    /// what it read locks or re-checks the row it read, so isolation alone is never relied upon).
    func transaction<T: Sendable>(
        _ work: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await leased { connection in
            try await Self.inTransaction(connection, begin: "BEGIN", logger: self.logger, work)
        }
    }

    /// Runs `work` in a read-only transaction on one snapshot (a count and its page agree).
    func snapshot<T: Sendable>(_ work: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await leased { connection in
            try await Self.inTransaction(
                connection, begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: self.logger, work)
        }
    }

    static func inTransaction<T: Sendable>(
        _ connection: PostgresConnection, begin: PostgresQuery, logger: Logger,
        _ work: @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await connection.run(begin, logger: logger)
        let value: T
        do {
            value = try await work(connection)
        } catch {
            // On a closed connection the server has already rolled back.
            guard !connection.isClosed else { throw error }
            do {
                try await connection.run("ROLLBACK", logger: logger)
            } catch {
                // A connection that cannot roll back must not go back to the pool mid-transaction.
                try? await connection.close()
            }
            throw error
        }
        // A connection closed since the last statement fails here: the server has rolled back.
        try await connection.run("COMMIT", logger: logger)
        return value
    }

    /// How many closed connections a call skips before it reports the store unavailable.
    static let staleConnectionRetries = 5

    /// Leases a connection for `work`, waiting at most `leaseTimeout` for one. Failures to obtain a
    /// connection, and connection losses while working, become `store_unavailable`.
    private func leased<T: Sendable>(
        _ work: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        let gate = LeaseGate()
        let client = self.client
        let timeout = leaseTimeout
        do {
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    // Right after the server closed a connection (restart, failover), the pool may
                    // still hand it out. postgres-nio 1.33.2 then loses a statement written to it and
                    // never answers, so such a connection is given back unused and another one taken.
                    for _ in 0..<Self.staleConnectionRetries {
                        do {
                            return try await client.withConnection { connection -> T in
                                guard !connection.isClosed else { throw StaleConnection() }
                                // Too late: the caller was already told the store is unavailable.
                                guard gate.start() else { throw LeaseTimeout() }
                                return try await work(connection)
                            }
                        } catch is StaleConnection {
                            try await Task.sleep(for: .milliseconds(20))
                        }
                    }
                    throw StaleConnection()
                }
                group.addTask {
                    // Only a wait for a connection is cut short; work that started runs to its end,
                    // so a commit is never reported as failed while it goes on to succeed. When the
                    // caller is cancelled, the pool ends a wait itself and started work completes.
                    try? await Task.sleep(for: timeout)
                    if !Task.isCancelled, gate.expire() { throw LeaseTimeout() }
                    return nil
                }
                while let result = try await group.next() {
                    if let value = result {
                        group.cancelAll()
                        return value
                    }
                }
                throw CancellationError()
            }
        } catch let error as OneGateError {
            throw error
        } catch {
            if Task.isCancelled { throw error }
            // An error from the work itself stays what it is, unless the connection was lost.
            guard !gate.started || PostgresFailure(error).isUnavailable else { throw error }
            // The type only: a PostgreSQL error's text may quote the statement's arguments.
            logger.warning(
                "PostgreSQL store unavailable",
                metadata: ["error": "\(String(reflecting: type(of: error)))", "database": "\(location.redacted)"])
            throw OneGateError.storeUnavailable
        }
    }
}

/// Decides, once, whether a call got its connection before its deadline.
private final class LeaseGate: Sendable {
    private enum State { case waiting, leased, timedOut }
    private let state = Mutex(State.waiting)

    /// Called with the connection in hand: false when the deadline has already passed.
    func start() -> Bool {
        state.withLock { state in
            guard state == .waiting else { return false }
            state = .leased
            return true
        }
    }

    /// Called at the deadline: true when no connection came in time.
    func expire() -> Bool {
        state.withLock { state in
            guard state == .waiting else { return false }
            state = .timedOut
            return true
        }
    }

    var started: Bool { state.withLock { $0 == .leased } }
}

extension PostgresConnection {
    /// All rows of `query`. Every statement of the store goes through here (see `StatementWatch`).
    func all(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        try await StatementWatch.shared.run(query, on: self, logger: logger)
    }

    /// The first row of `query`, if any.
    func first(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRow? {
        try await all(query, logger: logger).first
    }

    /// Runs `query`, discarding any rows.
    func run(_ query: PostgresQuery, logger: Logger) async throws {
        _ = try await all(query, logger: logger)
    }
}

/// Answers every statement, even on a connection that closes under it. postgres-nio 1.33.2 writes a
/// statement to its channel without a promise, so a statement that reaches a channel already closed
/// (the server restarted between two statements of a transaction, or between the check of a leased
/// connection and its first statement) is dropped and never answered: its call, and the server's
/// graceful shutdown with it, would wait for ever. Each statement therefore runs in a task of its
/// own, and its caller waits on a continuation that the statement's answer or the connection's close
/// resumes, whichever comes first: a statement still unanswered a second after its connection closed
/// fails with `LostConnection` (`store_unavailable`). One close callback per connection, not per
/// statement, so nothing piles up on a long-lived connection; a dropped statement leaves only its
/// own task behind.
final class StatementWatch: Sendable {
    static let shared = StatementWatch()

    private typealias Waiter = CheckedContinuation<[PostgresRow], any Error>
    private struct State {
        var next = 0
        /// Statements waiting for an answer, by connection.
        var waiting: [ObjectIdentifier: [Int: Waiter]] = [:]
        /// Connections whose close is watched: from their first statement until a second after they close.
        var watched: Set<ObjectIdentifier> = []
    }

    private let state = Mutex(State())

    func run(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws -> [PostgresRow] {
        guard !connection.isClosed else { throw LostConnection() }
        let key = ObjectIdentifier(connection)
        return try await withCheckedThrowingContinuation { (waiter: Waiter) in
            let (token, first) = state.withLock { state in
                state.next += 1
                state.waiting[key, default: [:]][state.next] = waiter
                return (state.next, state.watched.insert(key).inserted)
            }
            if first {
                // Runs at once when the connection has closed already. The closure holds the
                // connection, so no other connection takes its identifier while it is watched.
                connection.closeFuture.whenComplete { _ in self.closed(connection) }
            }
            Task {
                let result: Result<[PostgresRow], any Error>
                do {
                    result = .success(try await connection.query(query, logger: logger).collect())
                } catch {
                    result = .failure(error)
                }
                self.finish(key, token, result)
            }
        }
    }

    private func finish(_ key: ObjectIdentifier, _ token: Int, _ result: Result<[PostgresRow], any Error>) {
        let waiter = state.withLock { state -> Waiter? in
            let waiter = state.waiting[key]?.removeValue(forKey: token)
            if state.waiting[key]?.isEmpty == true { state.waiting[key] = nil }
            return waiter
        }
        waiter?.resume(with: result)
    }

    /// Fails what still waits a second after `connection` closed: a statement answered just before
    /// the close is on its way to its caller, and was not lost.
    private func closed(_ connection: PostgresConnection) {
        Task {
            try? await Task.sleep(for: .seconds(1))
            let key = ObjectIdentifier(connection)
            let waiters = state.withLock { state in
                state.watched.remove(key)
                return state.waiting.removeValue(forKey: key) ?? [:]
            }
            for waiter in waiters.values { waiter.resume(throwing: LostConnection()) }
        }
    }
}
