import Foundation
import GRDB
import OneGateCore
import OneGateDemo
import OneGateRuntime
import OneGateSigning
import OneGateTestSupport
import Testing

@testable import OneGatePostgres
@testable import OneGateSQLite

/// `onegate migrate-store`: a demo instance with a signed history copied from SQLite into an empty
/// store (PostgreSQL when `ONEGATE_TEST_POSTGRES` is set, another SQLite file always), checked,
/// resumed after a failure, refused into a store that is not empty, continued on the copy, and
/// caught when the copy is tampered with.
struct MigrateStoreTests {
    /// A SQLite instance of the demo province with `dossiers` dossiers of history over four months,
    /// a session and an idempotent action, in a temporary folder.
    struct DemoSource {
        let folder: URL
        let configuration: InstanceConfiguration
        let dossiers: Int

        static func make(dossiers count: Int) async throws -> DemoSource {
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("onegate-migrate-\(UUID().uuidString)", isDirectory: true)
            let province = try DemoProvince.load()
            let configuration = InstanceConfiguration(
                instanceName: province.instanceName, tenant: province.tenant, secret: "test secret that is long enough")
            let instance = try await Instance.open(
                folder: folder, configuration: configuration, passwords: ScryptPasswordHasher(rounds: 1 << 10))
            let seeder = DemoSeeder(
                province: province, store: instance.store, passwords: instance.dependencies.passwords)
            let (officers, applicants) = try await seeder.seed()
            try await instance.reloadUnits()
            let history = DemoHistory(
                province: province, store: instance.store, signer: instance.signer, calendar: instance.service.calendar,
                codeFormat: configuration.codeFormat, units: instance.service.units, officers: officers,
                applicants: applicants, now: Date())
            let summary = try await history.generate(count: count, months: 4)
            try await instance.store.createSession(
                Session(
                    tokenHash: "migrated-session", principalKind: .officer, principalID: officers[0].id,
                    createdAt: Date(), expiresAt: Date().addingTimeInterval(3600)))
            // An action under an idempotency key, so that its stored answer travels too.
            let open = try await instance.store.dossiers(
                DossierQuery(
                    tenant: province.tenant, states: [.received, .inProgress, .supplementRequested], limit: 1))
            if let dossier = open.items.first,
                let applicant = try await instance.store.applicant(id: dossier.applicantID)
            {
                let claim = IdempotencyClaim(
                    principal: applicant.id, key: "withdraw-1", requestHash: "h1",
                    respond: { StoredResponse(status: 200, body: Array($0.id.utf8)) })
                _ = try await instance.service.perform(
                    .withdraw(reason: "Không còn nhu cầu."), on: dossier.id, by: .applicant(applicant),
                    idempotency: claim)
            }
            return DemoSource(folder: folder, configuration: configuration, dossiers: summary.dossiers)
        }

        var location: String { configuration.store }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// An empty target store on `backend`, and how to remove it.
    struct Target {
        let location: String
        let database: PostgresTestDatabase?
        let folder: URL

        static func make(_ backend: StoreBackend, beside source: DemoSource) async throws -> Target {
            switch backend {
            case .sqlite:
                return Target(
                    location: "sqlite:target-\(UUID().uuidString).sqlite", database: nil, folder: source.folder)
            case .postgres:
                guard let adminURL = StoreBackend.postgresURL else { throw TestFailure("no PostgreSQL") }
                let database = try await PostgresTestDatabase.create(adminURL: adminURL)
                return Target(location: try database.url, database: database, folder: source.folder)
            }
        }

        func remove() async { await database?.drop() }
    }

    static func migration(
        _ source: DemoSource, _ target: Target, batchSize: Int = 500
    ) async throws -> (StoreMigration, close: @Sendable () async -> Void) {
        let from = try await StoreMigration.openSource(source.location, folder: source.folder)
        let to = try await StoreMigration.openTarget(target.location, folder: target.folder)
        var migration = StoreMigration(
            source: from.store, sourceDescription: from.description, target: to.store,
            targetDescription: to.description, configuration: source.configuration)
        migration.batchSize = batchSize
        return (
            migration,
            {
                await from.close(); await to.close()
            }
        )
    }

    @Test(arguments: StoreBackend.available)
    func demoInstanceIsCopiedCheckedAndCarriesOn(_ backend: StoreBackend) async throws {
        let source = try await DemoSource.make(dossiers: 300)
        defer { source.remove() }
        let target = try await Target.make(backend, beside: source)
        do {
            let started = ContinuousClock.now
            let (migration, close) = try await Self.migration(source, target)
            let report = try await migration.run()
            #expect(report.ok, "\(report)")
            let elapsed = ContinuousClock.now - started
            print(
                "migrate-store \(backend): \(source.dossiers) dossiers, \(report.eventsVerified) events in \(elapsed)")
            #expect(report.tables.map(\.table) == TransferTable.allCases)
            #expect(report.tables.allSatisfy { $0.sourceRows == $0.targetRows && $0.sameContent })
            for table in [
                TransferTable.units, .officers, .applicants, .sessions, .credentials, .procedures, .documents,
                .documentOwners, .dossiers, .events, .codeSequences, .idempotencyKeys, .counters,
            ] {
                #expect(report.tables.first { $0.table == table }.map { $0.targetRows > 0 } == true, "\(table)")
            }
            #expect(report.dossiersChecked == source.dossiers && report.eventsVerified > 2 * source.dossiers)
            #expect(report.countersChecked > 0 && report.documentsChecked > 0)
            #expect(try await migration.target.transferProgress() == nil)
            // The copy went into an empty store; a second one is refused, and nothing was written.
            let eventsBefore = try await migration.target.transferCount(.events)
            do {
                try await migration.copy()
                Issue.record("a copy into a store that is not empty was not refused")
            } catch let error as OneGateError {
                #expect(error.code == "target_not_empty")
            }
            #expect(try await migration.target.transferCount(.events) == eventsBefore)
            #expect(try await migration.target.transferProgress() == nil)
            await close()

            try await carryOn(source, target)
        } catch {
            await target.remove()
            throw error
        }
        await target.remove()
    }

    /// Opens an instance on the copy, continues a migrated dossier's lifecycle, checks the copy on its
    /// own, then tampers with an event and a counter and checks that both are caught.
    func carryOn(_ source: DemoSource, _ target: Target) async throws {
        var configuration = source.configuration
        configuration.store = target.location
        let instance = try await Instance.open(
            folder: target.folder, configuration: configuration, passwords: ScryptPasswordHasher(rounds: 1 << 10))
        let open = try await instance.store.dossiers(
            DossierQuery(
                tenant: configuration.tenant, states: [.received, .inProgress, .supplementRequested], limit: 5))
        let migrated = try #require(open.items.first { $0.code != nil })
        let applicant = try #require(try await instance.store.applicant(id: migrated.applicantID))
        let withdrawn = try TestInstance.dossier(
            try await instance.service.perform(
                .withdraw(reason: "Đã nộp nhầm thủ tục."), on: migrated.id, by: .applicant(applicant), idempotency: nil)
        )
        #expect(withdrawn.state == .withdrawn && withdrawn.version == migrated.version + 1)
        let events = try await instance.store.events(dossierID: migrated.id, tenant: configuration.tenant)
        let verification = try instance.signer.verifier().verify(events)
        #expect(verification.ok && verification.checkedEvents == withdrawn.version, "\(verification)")
        await instance.store.shutdown()

        // The copy on its own (its own source): the new event verifies, the counters moved with it.
        let opened = try await StoreMigration.openTarget(target.location, folder: target.folder)
        let check = StoreMigration(
            source: opened.store, sourceDescription: "self", target: opened.store,
            targetDescription: opened.description,
            configuration: source.configuration)
        let clean = try await check.verify()
        #expect(clean.ok, "\(clean)")

        // Someone rewrites who acted on an event, and bumps one counter.
        let some = try await opened.store.dossiers(DossierQuery(tenant: configuration.tenant, limit: 5))
        let victim = try #require(some.items.first { $0.id != migrated.id && $0.code != nil })
        try await tamper(target, dossier: victim.id, tenant: configuration.tenant)
        let tampered = try await check.verify()
        #expect(tampered.problemCount == 2, "\(tampered)")
        #expect(
            tampered.problems.contains {
                $0.contains("dossier \(victim.code ?? "")") && $0.contains("record_mismatch")
            },
            "\(tampered)")
        #expect(
            tampered.problems.contains { $0.hasPrefix("counter received of ") && $0.contains("rebuilt") }, "\(tampered)"
        )
        await opened.close()
    }

    /// Edits the target behind the store's back, as an intruder with database access would.
    func tamper(_ target: Target, dossier: String, tenant: String) async throws {
        if let database = target.database {
            let store = try await database.connect()
            try await store.statement { connection in
                try await connection.run(
                    """
                    UPDATE events SET actor_id = 'officer-intruder'
                    WHERE tenant = \(tenant) AND dossier_id = \(dossier) AND seq = 1
                    """, logger: store.logger)
                try await connection.run(
                    """
                    UPDATE counters SET value = value + 1 WHERE (tenant, unit, period, metric, procedure) =
                    (SELECT tenant, unit, period, metric, procedure FROM counters
                     WHERE tenant = \(tenant) AND metric = 'received' ORDER BY unit, period, procedure LIMIT 1)
                    """, logger: store.logger)
            }
            await store.shutdown()
        } else {
            let path = try InstanceConfiguration(
                instanceName: "", tenant: "", store: target.location, secret: ""
            ).sqlitePath(in: target.folder)
            let store = try SQLiteStore(path: path)
            try await store.write { db in
                try db.execute(
                    sql:
                        "UPDATE events SET actor_id = 'officer-intruder' WHERE tenant = ? AND dossier_id = ? AND seq = 1",
                    arguments: [tenant, dossier])
                try db.execute(
                    sql: """
                        UPDATE counters SET value = value + 1 WHERE rowid = (SELECT rowid FROM counters
                        WHERE tenant = ? AND metric = 'received' ORDER BY unit, period, procedure LIMIT 1)
                        """,
                    arguments: [tenant])
            }
        }
    }

    @Test(arguments: StoreBackend.available)
    func interruptedCopyResumesFromItsLastPage(_ backend: StoreBackend) async throws {
        let source = try await DemoSource.make(dossiers: 60)
        defer { source.remove() }
        let target = try await Target.make(backend, beside: source)
        do {
            let (migration, close) = try await Self.migration(source, target, batchSize: 40)
            // The source is lost on the third page of events: after every earlier table, in the middle of one.
            var failing = StoreMigration(
                source: FlakySource(source: migration.source, table: .events, page: 3),
                sourceDescription: migration.sourceDescription, target: migration.target,
                targetDescription: migration.targetDescription, configuration: source.configuration)
            failing.batchSize = 40
            await #expect(throws: FlakySource.Failure.self) { _ = try await failing.run() }
            let stopped = try #require(try await migration.target.transferProgress())
            #expect(stopped.table == .events && stopped.cursor != nil && stopped.copied["events"] == 80)
            #expect(try await migration.target.transferCount(.events) == 80)

            // Another source may not take over the half-done target; the same one resumes it.
            let other = StoreMigration(
                source: migration.source, sourceDescription: "sqlite:/elsewhere.sqlite", target: migration.target,
                targetDescription: migration.targetDescription, configuration: source.configuration)
            do {
                _ = try await other.run()
                Issue.record("a copy of another source was resumed")
            } catch let error as OneGateError {
                #expect(error.code == "other_copy_in_progress")
            }
            let report = try await migration.run()
            #expect(report.ok, "\(report)")
            #expect(try await migration.target.transferProgress() == nil)
            await close()
        } catch {
            await target.remove()
            throw error
        }
        await target.remove()
    }

    @Test(.enabled(if: PostgresTestDatabase.configured))
    func postgresCopiesBackToSQLiteWithItsJobs() async throws {
        let source = try await DemoSource.make(dossiers: 40)
        defer { source.remove() }
        let middle = try await Target.make(.postgres, beside: source)
        do {
            let (there, closeThere) = try await Self.migration(source, middle)
            #expect(try await there.run().ok)
            await closeThere()
            let store = try await middle.database!.connect()
            _ = try await store.enqueueJob(
                PostgresStore.Job(
                    tenant: source.configuration.tenant, id: "notify-1", kind: "notify", payload: "{}", runAt: Date()))
            await store.shutdown()

            var onPostgres = source.configuration
            onPostgres.store = middle.location
            let back = DemoSource(folder: source.folder, configuration: onPostgres, dossiers: source.dossiers)
            let final = try await Target.make(.sqlite, beside: back)
            let (home, closeHome) = try await Self.migration(back, final)
            let report = try await home.run()
            #expect(report.ok, "\(report)")
            #expect(report.tables.first { $0.table == .jobs }?.targetRows == 1)
            await closeHome()
        } catch {
            await middle.remove()
            throw error
        }
        await middle.remove()
    }
}

/// A source that fails on one page of one table, as a source lost in the middle of a copy.
actor FlakySource: StoreExport {
    struct Failure: Error {}

    let source: any StoreExport
    let table: TransferTable
    let page: Int
    private var served = 0

    init(source: any StoreExport, table: TransferTable, page: Int) {
        self.source = source
        self.table = table
        self.page = page
    }

    func appliedMigrations() async throws -> [String] { try await source.appliedMigrations() }

    func transferCount(_ table: TransferTable) async throws -> Int { try await source.transferCount(table) }

    func exportBatch(_ table: TransferTable, after cursor: TransferCursor?, limit: Int) async throws -> TransferBatch {
        if table == self.table {
            served += 1
            if served == page { throw Failure() }
        }
        return try await source.exportBatch(table, after: cursor, limit: limit)
    }

    func events(ofDossiers ids: [String], tenant: String) async throws -> [SignedEvent] {
        try await source.events(ofDossiers: ids, tenant: tenant)
    }
}
