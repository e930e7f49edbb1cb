import Foundation
import OneGateCore
import OneGateTestSupport
import Testing

/// The store contract, on every available backend: SQLite always, PostgreSQL when
/// `ONEGATE_TEST_POSTGRES` is set (docs/postgres.md).
struct StoreContractTests {
    @Test(arguments: StoreBackend.available)
    func catalogueVersionsOnChangeOnly(_ backend: StoreBackend) async throws {
        try await withStore(backend) { test in
            let store = test.store
            var changed = Fixtures.birthRegistration
            let again = try await store.importProcedures([changed], tenant: Fixtures.tenant)
            #expect(again == CatalogueImportSummary(created: 0, newVersions: 0, unchanged: 1))
            changed.timeLimit = TimeLimit(amount: 0, unit: .sameDay)
            let edited = try await store.importProcedures([changed], tenant: Fixtures.tenant)
            #expect(edited.newVersions == 1)
            let current = try #require(
                try await store.procedure(code: "1.001193", version: nil, tenant: Fixtures.tenant))
            #expect(current.version == 2 && current.timeLimit.unit == .sameDay)
            let first = try #require(try await store.procedure(code: "1.001193", version: 1, tenant: Fixtures.tenant))
            #expect(first.timeLimit == TimeLimit(amount: 3, unit: .workingDays))
            #expect(try await store.currentProcedures(tenant: Fixtures.tenant).count == 3)
        }
    }

    @Test(arguments: StoreBackend.available)
    func invalidProcedureIsRefusedWhole(_ backend: StoreBackend) async throws {
        // Spelled out: the only `try`s are inside macros, which closure inference does not see.
        try await withStore(backend) { (test) async throws in
            var broken = Fixtures.counterOnly
            broken.code = "NEW.1"
            broken.competentUnits = []
            await #expect(throws: OneGateError.self) {
                _ = try await test.store.importProcedures([Fixtures.criminalRecord, broken], tenant: Fixtures.tenant)
            }
            #expect(try await test.store.procedure(code: "NEW.1", version: nil, tenant: Fixtures.tenant) == nil)
        }
    }

    @Test(arguments: StoreBackend.available)
    func searchIgnoresDiacriticsAndCase(_ backend: StoreBackend) async throws {
        try await withStore(backend) { test in
            for query in ["dang ky khai sinh", "ĐĂNG KÝ KHAI", "khai sin", "1.001193", "birth"] {
                let page = try await test.store.searchProcedures(
                    folded: TextFolding.fold(query), level: nil, tenant: Fixtures.tenant, limit: 10, offset: 0)
                #expect(page.items.map(\.code) == ["1.001193"], "query \(query)")
            }
            let none = try await test.store.searchProcedures(
                folded: "xay dung", level: nil, tenant: Fixtures.tenant, limit: 10, offset: 0)
            #expect(none.total == 0)
            let hostile = try await test.store.searchProcedures(
                folded: TextFolding.fold("\" OR * NEAR( -- ;"), level: nil, tenant: Fixtures.tenant, limit: 10,
                offset: 0)
            #expect(hostile.total == 0)
            let byLevel = try await test.store.searchProcedures(
                folded: "", level: .department, tenant: Fixtures.tenant, limit: 10, offset: 0)
            #expect(byLevel.items.map(\.code) == ["DEMO.0002"])
        }
    }

    @Test(arguments: StoreBackend.available)
    func codeSequencesAreUniqueUnderConcurrency(_ backend: StoreBackend) async throws {
        try await withStore(backend) { test in
            let store = test.store
            let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<500 {
                    group.addTask {
                        try await store.nextCodeSequence(
                            unit: Fixtures.communeA, day: "2026-03-02", tenant: Fixtures.tenant)
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(Set(numbers).count == 500)
            #expect(numbers.max() == 500)
            let nextDay = try await store.nextCodeSequence(
                unit: Fixtures.communeA, day: "2026-03-03", tenant: Fixtures.tenant)
            #expect(nextDay == 1)
        }
    }

    @Test(arguments: StoreBackend.available)
    func documentsAreStoredOnceAndOwned(_ backend: StoreBackend) async throws {
        try await withStore(backend) { test in
            let first = try await test.upload(by: "applicant-an")
            let second = try await test.upload(by: "applicant-binh")
            #expect(first == second)
            #expect(try await test.store.documentOwned(sha256: first, by: "applicant-an", tenant: Fixtures.tenant))
            #expect(try await test.store.documentOwned(sha256: first, by: "applicant-binh", tenant: Fixtures.tenant))
            #expect(try await !test.store.documentOwned(sha256: first, by: "someone", tenant: Fixtures.tenant))
            let stored = try #require(try await test.store.document(sha256: first, tenant: Fixtures.tenant))
            #expect(test.signer.digest(stored.bytes) == first)
        }
    }

    @Test(arguments: StoreBackend.available)
    func sessionsRoundTripAndEnd(_ backend: StoreBackend) async throws {
        try await withStore(backend) { test in
            let session = Session(
                tokenHash: "h1", principalKind: .officer, principalID: "officer-admin",
                createdAt: test.clock.now, expiresAt: test.clock.now.addingTimeInterval(60))
            try await test.store.createSession(session)
            #expect(try await test.store.session(tokenHash: "h1") == session)
            try await test.store.deleteSession(tokenHash: "h1")
            #expect(try await test.store.session(tokenHash: "h1") == nil)
        }
    }

    /// PostgreSQL has its own version of this test (PostgresStoreTests), with concurrent migrators.
    @Test func sqliteMigrationsAreAppliedOnceAndReopenKeepsData() async throws {
        let test = try await TestInstance.make()
        defer { test.remove() }
        #expect(
            try await test.store.appliedMigrations() == [
                "0001_core", "0002_drafts", "0003_open_dossiers", "0004_period_columns", "0005_indicator_rollups",
                "0006_results_transparency", "0007_eid_sign_in", "0008_access_log",
            ])
        let reopened = try await TestInstance.make(folder: test.folder)
        #expect(try await reopened.store.units(tenant: Fixtures.tenant).count == Fixtures.units.count)
        #expect(
            try await reopened.store.appliedMigrations() == [
                "0001_core", "0002_drafts", "0003_open_dossiers", "0004_period_columns", "0005_indicator_rollups",
                "0006_results_transparency", "0007_eid_sign_in", "0008_access_log",
            ])
    }
}
