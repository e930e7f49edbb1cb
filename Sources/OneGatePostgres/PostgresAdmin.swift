import Logging
import OneGateCore
import PostgresNIO

/// Creating and dropping databases, through a connection to a maintenance database (for example
/// `postgres`) as a role allowed to. Used by the tests (one fresh database per test) and by
/// provisioning scripts.
public enum PostgresAdmin {
    /// Creates the database `name` (letters, digits and `_` only; it cannot be a bound parameter).
    public static func createDatabase(_ name: String, adminURL: String, logger: Logger) async throws {
        let identifier = try quoted(name)
        try await withClient(adminURL: adminURL, logger: logger) { client in
            _ = try await client.query("CREATE DATABASE \(unescaped: identifier)", logger: logger).collect()
        }
    }

    /// Drops the database `name` if it exists, closing the connections still open to it.
    public static func dropDatabase(_ name: String, adminURL: String, logger: Logger) async throws {
        let identifier = try quoted(name)
        try await withClient(adminURL: adminURL, logger: logger) { client in
            _ = try await client.query(
                "DROP DATABASE IF EXISTS \(unescaped: identifier) WITH (FORCE)", logger: logger
            ).collect()
        }
    }

    /// `name` as a quoted identifier, after checking it holds nothing that needs escaping.
    static func quoted(_ name: String) throws -> String {
        let allowed = name.unicodeScalars.allSatisfy {
            $0.isASCII
                && ($0.properties.isAlphabetic || $0 == "_"
                    || ("0"..."9").contains($0))
        }
        guard !name.isEmpty, name.count <= 63, allowed else {
            throw OneGateError(
                .badRequest, "invalid_database_name", vi: "Tên cơ sở dữ liệu không hợp lệ.",
                en: "A database name may hold only ASCII letters, digits and underscores (at most 63).")
        }
        return "\"\(name)\""
    }

    private static func withClient(
        adminURL: String, logger: Logger, _ work: @Sendable (PostgresClient) async throws -> Void
    ) async throws {
        var configuration = try PostgresLocation(url: adminURL).clientConfiguration
        configuration.options.maximumConnections = 1
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let runner = PostgresStore.startRunning(client)
        defer { runner.cancel() }
        try await work(client)
        runner.cancel()
        await runner.value
    }
}
