import Foundation
import OneGateCore
import PostgresNIO

/// Where a PostgreSQL server is, parsed from a `postgres://user:password@host:port/database` URL.
///
/// The query may carry `sslmode=disable|prefer|require` (default `prefer`, as libpq). User and
/// password are percent-decoded, so a password with `@` or `/` is written `%40`, `%2F`.
public struct PostgresLocation: Sendable, Hashable {
    /// How the connection uses TLS.
    public enum TLSMode: String, Sendable, Hashable {
        case disable, prefer, require
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    public init(host: String, port: Int = 5432, username: String, password: String?, database: String, tls: TLSMode) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tls = tls
    }

    /// Parses `url`; throws `invalid_store_url` (without echoing the URL, which may hold a password).
    public init(url: String) throws {
        func invalid(_ reason: String) -> OneGateError {
            OneGateError(
                .badRequest, "invalid_store_url",
                vi: "Địa chỉ kho dữ liệu PostgreSQL không hợp lệ: \(reason).",
                en: "Invalid PostgreSQL store URL: \(reason).")
        }
        guard let components = URLComponents(string: url),
            let scheme = components.scheme, scheme == "postgres" || scheme == "postgresql"
        else { throw invalid("expected postgres://user:password@host:port/database") }
        guard let host = components.host, !host.isEmpty else { throw invalid("no host") }
        guard let username = components.user, !username.isEmpty else { throw invalid("no user") }
        let database = String(components.path.drop { $0 == "/" })
        var tls = TLSMode.prefer
        if let mode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value {
            guard let parsed = TLSMode(rawValue: mode) else {
                throw invalid("sslmode must be disable, prefer or require")
            }
            tls = parsed
        }
        self.init(
            host: host, port: components.port ?? 5432, username: username, password: components.password,
            database: database.isEmpty ? username : database, tls: tls)
    }

    /// The same server and credentials, another database (the admin connection of the tests).
    public func with(database: String) -> PostgresLocation {
        var copy = self
        copy.database = database
        return copy
    }

    /// The URL again, with the password left out (for logs and messages).
    public var redacted: String { "postgres://\(username)@\(host):\(port)/\(database)" }

    var clientConfiguration: PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: clientTLS)
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }

    private var clientTLS: PostgresClient.Configuration.TLS {
        switch tls {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }
}
