import Foundation
import OneGateCore
import OneGateDemo
import OneGateRuntime
import OneGateSQLite
import OneGateServer
import OneGateSigning

/// A complete instance on a fresh SQLite file in a temporary folder, seeded with `Fixtures`, with
/// a hand-set clock. Real store, real signer, real service: no doubles.
public struct TestInstance: Sendable {
    public let instance: Instance
    public let clock: ManualClock
    public let folder: URL

    public var store: SQLiteStore { instance.store as! SQLiteStore }
    public var service: DossierService { instance.service }
    public var signer: InstanceSigner { instance.signer }
    public var dependencies: AppDependencies { instance.dependencies }

    /// Monday 2 March 2026, 09:00 in Hà Nội (02:00 UTC): calendar.md's examples 1 and 6.
    public static let monday = Date(timeIntervalSince1970: 1_772_416_800)

    /// - Parameter configure: changes to the instance configuration (the e-ID provider, the public URL).
    public static func make(
        now: Date = monday, folder: URL? = nil, configure: (inout InstanceConfiguration) -> Void = { _ in }
    ) async throws -> TestInstance {
        let folder =
            folder
            ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("onegate-test-\(UUID().uuidString)", isDirectory: true)
        let clock = ManualClock(now)
        var configuration = InstanceConfiguration(
            instanceName: "Tỉnh Mẫu (test)", tenant: Fixtures.tenant, secret: "test secret that is long enough")
        configure(&configuration)
        let instance = try await Instance.open(
            folder: folder, configuration: configuration, clock: clock.clock,
            rootNotBefore: now.addingTimeInterval(-400 * 86_400), passwords: ScryptPasswordHasher(rounds: 1 << 10))
        let test = TestInstance(instance: instance, clock: clock, folder: folder)
        try await test.seed()
        return test
    }

    private func seed() async throws {
        try await store.saveUnits(Fixtures.units, tenant: Fixtures.tenant)
        let hash = try dependencies.passwords.hash(Fixtures.password)
        for officer in Fixtures.officers {
            try await store.saveOfficer(officer, passwordHash: hash, tenant: Fixtures.tenant)
        }
        for citizen in Fixtures.citizens {
            try await store.saveApplicant(citizen, passwordHash: hash, tenant: Fixtures.tenant)
        }
        _ = try await store.importProcedures(Fixtures.procedures, tenant: Fixtures.tenant)
        try await instance.reloadUnits()
    }

    public func officer(_ username: String) -> Officer {
        Fixtures.officers.first { $0.username == username }!
    }

    public func citizen(_ username: String) -> Applicant {
        Fixtures.citizens.first { $0.username == username }!
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

    /// Unwraps a fresh result.
    public static func dossier(_ result: ServiceResult) throws -> Dossier {
        guard case .fresh(let dossier, _) = result else { throw TestFailure("expected a fresh result, got a replay") }
        return dossier
    }

    /// Removes the temporary folder.
    public func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// A failure raised by test helpers.
public struct TestFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
