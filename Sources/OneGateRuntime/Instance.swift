import Foundation
import Logging
import OneGateCore
import OneGateIdentity
import OneGatePostgres
import OneGateSQLite
import OneGateServer
import OneGateSigning

/// A running instance's parts, wired together. The one place (besides tests) that picks the
/// concrete adapters: SQLite for the store, the instance CA for signing, scrypt for passwords.
public struct Instance: Sendable {
    public let configuration: InstanceConfiguration
    public let folder: URL
    public let store: any OneGateStore
    public let signer: InstanceSigner
    public let service: DossierService
    public let dependencies: AppDependencies

    /// Opens the instance in `folder`: store (migrated), signer (CA created on first start),
    /// unit tree, services.
    public static func open(
        folder: URL, configuration: InstanceConfiguration, clock: Clock = .system, ids: IdentifierSource = .random,
        rootNotBefore: Date? = nil, passwords: any PasswordHasher = ScryptPasswordHasher()
    ) async throws -> Instance {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try await openStore(configuration, folder: folder)
        let signer = try await InstanceSigner.start(
            store: store, masterKey: try MasterKey(secret: configuration.secret),
            instanceName: configuration.instanceName,
            rootNotBefore: rootNotBefore, now: clock.now)
        let calendar = try await effectiveCalendar(configuration.calendar, store: store)
        let units = Snapshot(UnitTree(try await store.units(tenant: configuration.tenant)))
        var service = DossierService(
            tenant: configuration.tenant, store: store, signer: signer, calendar: calendar, clock: clock, ids: ids,
            codeFormat: configuration.codeFormat, units: units)
        let documents = DocumentFactory(
            store: store, signer: signer, calendars: service.calendars, units: units,
            instanceName: configuration.instanceName, publicURL: configuration.effectivePublicURL,
            tenant: configuration.tenant)
        service.documents = documents
        service.instanceName = configuration.instanceName
        var dependencies = AppDependencies(
            instanceName: configuration.instanceName, tenant: configuration.tenant, store: store, service: service,
            audit: SigningAuditAuthority(signer: signer, instanceName: configuration.instanceName),
            passwords: passwords,
            formKey: MasterKey.derivedKey(secret: configuration.secret, purpose: "web-form-tokens"))
        dependencies.documents = documents
        let log = TransparencyLog(
            store: store, signer: signer, tenant: configuration.tenant, instanceName: configuration.instanceName)
        dependencies.transparency = log
        dependencies.verifier = ResultVerifier(store: store, signer: signer, log: log, tenant: configuration.tenant)
        dependencies.shareKey = MasterKey.derivedKey(secret: configuration.secret, purpose: "vault-share-links")
        if let registry = configuration.registry {
            dependencies.registry = RegistryClient(
                configuration: RegistryClientConfiguration(
                    baseURL: registry.baseURL, clientID: registry.clientID, secret: registry.secret))
        }
        if let eid = configuration.eid {
            dependencies.identity = OIDCClient(
                configuration: OIDCClientConfiguration(
                    issuer: eid.issuer, clientID: eid.clientID, clientSecret: eid.clientSecret,
                    redirectURI: configuration.effectivePublicURL + "/sign-in/eid/callback"),
                now: clock.now)
        }
        dependencies.sharing = try await sharingAuthority(configuration, clock: clock)
        try await store.setSetting("instance.name", value: configuration.instanceName)
        return Instance(
            configuration: configuration, folder: folder, store: store, signer: signer, service: service,
            dependencies: dependencies)
    }

    /// The data-sharing API's clients and token keys. The key is derived from the instance secret,
    /// so that every server of the instance accepts the tokens of the others.
    static func sharingAuthority(_ configuration: InstanceConfiguration, clock: Clock) async throws -> SharingAuthority
    {
        var clients: [SharingClient] = []
        for client in configuration.sharingClients ?? [] {
            var scopes: Set<SharingScope> = []
            for name in client.scopes {
                guard let scope = SharingScope(rawValue: name) else {
                    throw OneGateError(
                        .badRequest, "invalid_sharing_client",
                        vi: "Cấu hình máy khách chia sẻ dữ liệu \(client.id) không hợp lệ.",
                        en: "The data-sharing client \(client.id) has an unknown scope \(name) (known: "
                            + SharingScope.allCases.map(\.rawValue).joined(separator: ", ") + ").")
                }
                scopes.insert(scope)
            }
            clients.append(
                SharingClient(id: client.id, agency: client.agency, secretHash: client.secretHash, scopes: scopes))
        }
        return try await SharingAuthority(
            issuer: configuration.instanceName,
            key: MasterKey.derivedKey(secret: configuration.secret, purpose: "sharing-tokens"), clients: clients,
            clock: clock)
    }

    /// The store the configuration names: `sqlite:PATH` (embedded, the default) or
    /// `postgres://user:password@host:port/database` (production, several servers).
    public static func openStore(_ configuration: InstanceConfiguration, folder: URL) async throws -> any OneGateStore {
        if configuration.store.hasPrefix("postgres://") || configuration.store.hasPrefix("postgresql://") {
            return try await PostgresStore.connect(url: configuration.store, logger: Logger(label: "onegate.store"))
        }
        return try SQLiteStore(path: try configuration.sqlitePath(in: folder))
    }

    /// The calendar of the configuration file with the yearly overrides an administrator saved in
    /// the store applied on top, so that those survive a restart.
    static func effectiveCalendar(
        _ configuration: CalendarConfiguration, store: any OneGateStore
    ) async throws -> WorkingCalendar {
        let stored = try InstanceSettings.calendarOverrides(
            from: try await store.setting(InstanceSettings.calendarOverridesKey))
        return try WorkingCalendar(configuration: configuration.applying(storedOverrides: stored))
    }

    /// Re-reads the unit tree after units were added or changed.
    public func reloadUnits() async throws {
        service.units.replace(UnitTree(try await store.units(tenant: configuration.tenant)))
    }
}
