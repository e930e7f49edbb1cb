import Foundation
import Logging
import OneGateCore
import OneGatePostgres
import OneGateTestSupport

/// A database of its own for one test, created through the admin URL of `ONEGATE_TEST_POSTGRES`
/// and dropped afterwards, so that tests running in parallel never see each other's rows.
struct PostgresTestDatabase: Sendable {
    let name: String
    let adminURL: String

    /// Warnings only: the unreachable-server test makes the pool log every refused connection.
    static let logger: Logger = {
        var logger = Logger(label: "onegate.tests.postgres")
        logger.logLevel = .warning
        return logger
    }()

    /// Small pools: many tests run at once against one server.
    static let maximumConnections = 6

    static var configured: Bool { StoreBackend.postgresURL != nil }

    /// Creates an empty database `og_<random>`.
    static func create(adminURL: String) async throws -> PostgresTestDatabase {
        let name = "og_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await PostgresAdmin.createDatabase(name, adminURL: adminURL, logger: logger)
        return PostgresTestDatabase(name: name, adminURL: adminURL)
    }

    /// The URL of this database: the admin URL with another database name.
    var url: String {
        get throws {
            guard var components = URLComponents(string: adminURL) else { throw TestFailure("bad admin URL") }
            components.path = "/" + name
            guard let url = components.string else { throw TestFailure("bad admin URL") }
            return url
        }
    }

    /// Connects a store (migrating the schema unless told not to).
    func connect(migrate: Bool = true) async throws -> PostgresStore {
        try await PostgresStore.connect(
            url: try url, logger: Self.logger, maximumConnections: Self.maximumConnections,
            leaseTimeout: .seconds(60), migrate: migrate)
    }

    func drop() async {
        do {
            try await PostgresAdmin.dropDatabase(name, adminURL: adminURL, logger: Self.logger)
        } catch {
            Self.logger.warning("could not drop the test database", metadata: ["database": "\(name)"])
        }
    }

    /// The opener `StoreFactory` uses for the PostgreSQL backend.
    static let opener: PostgresOpener = { adminURL in
        let database = try await create(adminURL: adminURL)
        do {
            let store = try await database.connect()
            return OpenedStore(store: store) {
                await store.shutdown()
                await database.drop()
            }
        } catch {
            await database.drop()
            throw error
        }
    }

    /// Runs `body` with a fresh database, dropped afterwards.
    static func with<T: Sendable>(_ body: (PostgresTestDatabase) async throws -> T) async throws -> T {
        guard let adminURL = StoreBackend.postgresURL else { throw TestFailure("ONEGATE_TEST_POSTGRES is not set") }
        let database = try await create(adminURL: adminURL)
        do {
            let result = try await body(database)
            await database.drop()
            return result
        } catch {
            await database.drop()
            throw error
        }
    }
}

/// Runs `body` with a fresh, seeded instance on `backend` (see `StoreFactory.withStore`).
func withStore<T: Sendable>(
    _ backend: StoreBackend, now: Date = TestInstance.monday, _ body: (StoreHarness) async throws -> T
) async throws -> T {
    try await StoreFactory.withStore(backend, postgres: PostgresTestDatabase.opener, now: now, body)
}
