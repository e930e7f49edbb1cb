import Foundation
import OneGateCore
import OneGateDemo
import OneGateSigning

/// A store backend the contract suite runs against: SQLite always, PostgreSQL when the environment
/// variable `ONEGATE_TEST_POSTGRES` holds an admin URL (see `scripts/postgres-test-cluster.sh`).
public enum StoreBackend: String, Sendable, Hashable, CustomStringConvertible {
    case sqlite, postgres

    /// The environment variable holding the PostgreSQL admin URL.
    public static let postgresVariable = "ONEGATE_TEST_POSTGRES"

    /// The admin URL of the test PostgreSQL server, if one is configured.
    public static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment[postgresVariable], !url.isEmpty else { return nil }
        return url
    }

    /// The backends to test in this run, for `@Test(arguments:)`.
    public static var available: [StoreBackend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    public var description: String { rawValue }
}

/// A fresh PostgreSQL store for one test, and how to get rid of it (drop its database).
///
/// The test target that links `OneGatePostgres` supplies it, because this support module is kept
/// free of the PostgreSQL driver (Package.swift does not link it here).
public struct OpenedStore: Sendable {
    public var store: any OneGateStore
    public var close: @Sendable () async -> Void

    public init(store: any OneGateStore, close: @escaping @Sendable () async -> Void) {
        self.store = store
        self.close = close
    }
}

/// Opens an empty, migrated PostgreSQL store on a database of its own, given the admin URL.
public typealias PostgresOpener = @Sendable (_ adminURL: String) async throws -> OpenedStore

/// One test's instance on one backend: the store, a real signer and a real `DossierService` over
/// it, seeded with `Fixtures`, with a hand-set clock. The same members as `TestInstance`, so the
/// contract tests read the same on every backend.
public struct StoreHarness: Sendable {
    public let backend: StoreBackend
    public let store: any OneGateStore
    public let service: DossierService
    public let signer: InstanceSigner
    public let clock: ManualClock
    let close: @Sendable () async -> Void
    /// The SQLite file, for tests that play an intruder editing it behind the store's back.
    public var sqlitePath: String?

    public func officer(_ username: String) -> Officer {
        guard let officer = Fixtures.officers.first(where: { $0.username == username }) else {
            preconditionFailure("no fixture officer \(username)")
        }
        return officer
    }

    public func citizen(_ username: String) -> Applicant {
        guard let citizen = Fixtures.citizens.first(where: { $0.username == username }) else {
            preconditionFailure("no fixture citizen \(username)")
        }
        return citizen
    }

    /// Stores a small PDF as uploaded by `owner`; returns its hash.
    public func upload(by owner: String, title: String = "Giay chung sinh") async throws -> String {
        let bytes = SamplePDF.bytes(title: title)
        let hash = signer.digest(bytes)
        try await store.putDocument(
            StoredDocument(sha256: hash, contentType: "application/pdf", bytes: bytes, createdAt: clock.now),
            owner: owner, tenant: Fixtures.tenant)
        return hash
    }
}

/// Builds a `StoreHarness` on any backend.
public enum StoreFactory {
    /// Runs `body` with a fresh, seeded instance on `backend`, and removes it afterwards (the
    /// temporary folder of SQLite, the database of PostgreSQL), whether `body` throws or not.
    public static func withStore<T: Sendable>(
        _ backend: StoreBackend, postgres: PostgresOpener, now: Date = TestInstance.monday,
        _ body: (StoreHarness) async throws -> T
    ) async throws -> T {
        let harness = try await make(backend, postgres: postgres, now: now)
        do {
            let result = try await body(harness)
            await harness.close()
            return result
        } catch {
            await harness.close()
            throw error
        }
    }

    /// A fresh, seeded instance on `backend`; call `close` on it when done (prefer `withStore`).
    static func make(_ backend: StoreBackend, postgres: PostgresOpener, now: Date) async throws -> StoreHarness {
        switch backend {
        case .sqlite:
            let test = try await TestInstance.make(now: now)
            return StoreHarness(
                backend: .sqlite, store: test.store, service: test.service, signer: test.signer, clock: test.clock,
                close: { test.remove() }, sqlitePath: test.folder.appendingPathComponent("onegate.sqlite").path)
        case .postgres:
            guard let url = StoreBackend.postgresURL else {
                throw TestFailure("\(StoreBackend.postgresVariable) is not set")
            }
            let opened = try await postgres(url)
            do {
                return try await assemble(opened, now: now)
            } catch {
                await opened.close()
                throw error
            }
        }
    }

    /// Wires signer and service over `opened` the way `Instance.open` does over SQLite, and seeds it
    /// as `TestInstance` does.
    static func assemble(_ opened: OpenedStore, now: Date) async throws -> StoreHarness {
        let store = opened.store
        let clock = ManualClock(now)
        let configuration = InstanceConfigurationForTests.self
        let signer = try await InstanceSigner.start(
            store: store, masterKey: try MasterKey(secret: configuration.secret),
            instanceName: configuration.instanceName, rootNotBefore: now.addingTimeInterval(-400 * 86_400),
            now: clock.clock.now)
        try await store.saveUnits(Fixtures.units, tenant: Fixtures.tenant)
        let hash = try ScryptPasswordHasher(rounds: 1 << 10).hash(Fixtures.password)
        for officer in Fixtures.officers {
            try await store.saveOfficer(officer, passwordHash: hash, tenant: Fixtures.tenant)
        }
        for citizen in Fixtures.citizens {
            try await store.saveApplicant(citizen, passwordHash: hash, tenant: Fixtures.tenant)
        }
        _ = try await store.importProcedures(Fixtures.procedures, tenant: Fixtures.tenant)
        var service = DossierService(
            tenant: Fixtures.tenant, store: store, signer: signer,
            calendar: try WorkingCalendar(configuration: .vietnam), clock: clock.clock, ids: .random,
            codeFormat: .vietnam, units: Snapshot(UnitTree(try await store.units(tenant: Fixtures.tenant))))
        service.documents = DocumentFactory(
            store: store, signer: signer, calendars: service.calendars, units: service.units,
            instanceName: configuration.instanceName, publicURL: "http://127.0.0.1:8080", tenant: Fixtures.tenant)
        service.instanceName = configuration.instanceName
        try await store.setSetting("instance.name", value: configuration.instanceName)
        return StoreHarness(
            backend: .postgres, store: store, service: service, signer: signer, clock: clock, close: opened.close)
    }
}

/// The instance settings `TestInstance` uses, repeated for instances assembled without `Instance.open`.
private enum InstanceConfigurationForTests {
    static let instanceName = "Tỉnh Mẫu (test)"
    static let secret = "test secret that is long enough"
}
