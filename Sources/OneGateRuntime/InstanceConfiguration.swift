import Foundation
import OneGateCore

/// The configuration of one OneGate instance, kept as `onegate.json` in its data folder. Values
/// from the environment (`ONEGATE_STORE`, `ONEGATE_SECRET`, `ONEGATE_HOST`, `ONEGATE_PORT`) and
/// from command-line options win over the file.
public struct InstanceConfiguration: Codable, Sendable {
    public var instanceName: String
    /// The province (tenant) key written on every row.
    public var tenant: String
    /// `sqlite:PATH` (relative paths are inside the data folder) or `postgres://user:pass@host:port/db`.
    public var store: String
    /// The secret that encrypts private keys at rest. Generated at creation; keep it safe.
    public var secret: String
    public var host: String
    public var port: Int
    public var calendar: CalendarConfiguration
    public var codeFormat: DossierCodeFormat
    /// The address people reach the instance at (`https://dichvucong.example.gov.vn`), printed in
    /// the QR codes and verification links of documents; `http://host:port` when not set.
    public var publicURL: String?

    /// The national e-ID (OpenID Connect provider) citizens sign in with; absent when not connected.
    public var eid: EIDConfiguration?

    /// The population and business registries' gateway (docs/registry.md); absent when not connected.
    public var registry: RegistryConfiguration?

    /// Other agencies' systems allowed to use the data-sharing API (`onegate sharing-client add`);
    /// absent when there are none.
    public var sharingClients: [SharingClientConfiguration]?

    /// `publicURL`, or the address the server listens on.
    public var effectivePublicURL: String { publicURL ?? "http://\(host):\(port)" }

    public init(
        instanceName: String, tenant: String, store: String = "sqlite:onegate.sqlite", secret: String,
        host: String = "127.0.0.1", port: Int = 8080, calendar: CalendarConfiguration = .vietnam,
        codeFormat: DossierCodeFormat = .vietnam
    ) {
        self.instanceName = instanceName
        self.tenant = tenant
        self.store = store
        self.secret = secret
        self.host = host
        self.port = port
        self.calendar = calendar
        self.codeFormat = codeFormat
    }

    public static let fileName = "onegate.json"

    /// A new random secret (32 bytes, base64).
    public static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }).base64EncodedString()
    }

    /// Reads the configuration of `folder`, applying environment overrides.
    public static func load(
        from folder: URL, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        throws -> InstanceConfiguration
    {
        let url = folder.appendingPathComponent(fileName)
        guard let data = try? Data(contentsOf: url) else {
            throw OneGateError(
                .notFound, "no_instance", vi: "Thư mục dữ liệu chưa có cấu hình \(fileName).",
                en: "The data folder has no \(fileName); run `onegate init` or `onegate demo` first.")
        }
        var configuration = try JSONDecoder().decode(InstanceConfiguration.self, from: data)
        configuration.applyEnvironment(environment)
        return configuration
    }

    /// Writes the configuration to `folder` (owner-only permissions: it holds the secret).
    public func save(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let url = folder.appendingPathComponent(Self.fileName)
        try encoder.encode(self).write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }

    mutating func applyEnvironment(_ environment: [String: String]) {
        if let store = environment["ONEGATE_STORE"], !store.isEmpty { self.store = store }
        if let secret = environment["ONEGATE_SECRET"], !secret.isEmpty { self.secret = secret }
        if let host = environment["ONEGATE_HOST"], !host.isEmpty { self.host = host }
        if let port = environment["ONEGATE_PORT"].flatMap(Int.init) { self.port = port }
    }

    /// The SQLite file path of a `sqlite:` store location, resolved against `folder`.
    public func sqlitePath(in folder: URL) throws -> String {
        guard store.hasPrefix("sqlite:") else {
            throw OneGateError(
                .badRequest, "unsupported_store", vi: "Kho dữ liệu chưa được hỗ trợ: \(store).",
                en: "Unsupported store location: \(store) (expected sqlite:PATH or postgres://…).")
        }
        let path = String(store.dropFirst("sqlite:".count))
        return path.hasPrefix("/") ? path : folder.appendingPathComponent(path).path
    }
}

/// The connection to the national e-ID: the provider's issuer and OneGate's client registration.
/// The redirect URI is `<publicURL>/sign-in/eid/callback`, registered with the provider.
public struct EIDConfiguration: Codable, Sendable, Hashable {
    public var issuer: String
    public var clientID: String
    public var clientSecret: String?

    public init(issuer: String, clientID: String, clientSecret: String?) {
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
    }
}

/// A system of another agency allowed to use the data-sharing API with OAuth 2.0 client
/// credentials. Only the hash of its secret is kept; `onegate sharing-client add` prints the secret
/// once.
public struct SharingClientConfiguration: Codable, Sendable, Hashable {
    /// The `client_id`: 1 to 64 of `A-Z a-z 0-9 . _ -`.
    public var id: String
    /// The agency's name, shown to people on their "who used my data" page.
    public var agency: String
    /// Hex SHA-256 of the client secret.
    public var secretHash: String
    /// What the client may read: `results.read`, `documents.read`.
    public var scopes: [String]

    public init(id: String, agency: String, secretHash: String, scopes: [String]) {
        self.id = id
        self.agency = agency
        self.secretHash = secretHash
        self.scopes = scopes
    }
}

/// The connection to the registries' gateway: its address and OneGate's client id and secret.
public struct RegistryConfiguration: Codable, Sendable, Hashable {
    public var baseURL: String
    public var clientID: String
    public var secret: String

    public init(baseURL: String, clientID: String, secret: String) {
        self.baseURL = baseURL
        self.clientID = clientID
        self.secret = secret
    }
}
