import Foundation
import OneGateCore
import OneGateTestSupport
import Testing

@testable import OneGatePostgres

/// What only the PostgreSQL store has: the advisory-locked migrator, the job queue, the mapping of
/// a lost database to `store_unavailable`, URL parsing and the search query builder. The tests that
/// need a server run when `ONEGATE_TEST_POSTGRES` is set.
struct PostgresStoreTests {
    @Test(.enabled(if: PostgresTestDatabase.configured))
    func migratorsStartingTogetherApplyOnceAndReopenKeepsData() async throws {
        try await PostgresTestDatabase.with { database in
            // Four servers starting at the same moment on an empty database.
            let stores = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
                for _ in 0..<4 { group.addTask { try await database.connect(migrate: false) } }
                return try await group.reduce(into: [PostgresStore]()) { $0.append($1) }
            }
            let applied = try await withThrowingTaskGroup(of: [String].self) { group in
                for store in stores { group.addTask { try await store.migrate() } }
                return try await group.reduce(into: [String]()) { $0 += $1 }
            }
            #expect(
                applied == [
                    "0001_core", "0002_drafts", "0003_open_dossiers", "0004_period_columns", "0005_indicator_rollups",
                    "0006_results_transparency", "0007_eid_sign_in", "0008_access_log",
                ])
            for store in stores {
                #expect(
                    try await store.appliedMigrations() == [
                        "0001_core", "0002_drafts", "0003_open_dossiers", "0004_period_columns",
                        "0005_indicator_rollups", "0006_results_transparency", "0007_eid_sign_in", "0008_access_log",
                    ])
            }
            try await stores[0].saveUnits(Fixtures.units, tenant: Fixtures.tenant)
            for store in stores { await store.shutdown() }

            let reopened = try await database.connect()
            #expect(
                try await reopened.appliedMigrations() == [
                    "0001_core", "0002_drafts", "0003_open_dossiers", "0004_period_columns", "0005_indicator_rollups",
                    "0006_results_transparency", "0007_eid_sign_in", "0008_access_log",
                ])
            #expect(try await reopened.migrate().isEmpty)
            #expect(try await reopened.units(tenant: Fixtures.tenant).count == Fixtures.units.count)
            await reopened.shutdown()
        }
    }

    @Test(.enabled(if: PostgresTestDatabase.configured))
    func concurrentClaimersNeverGetTheSameJob() async throws {
        try await PostgresTestDatabase.with { database in
            let store = try await database.connect()
            let now = TestInstance.monday
            for index in 0..<240 {
                let tenant = index % 3 == 0 ? "T2" : Fixtures.tenant
                try await store.enqueueJob(
                    PostgresStore.Job(
                        tenant: tenant, id: "job-\(index)", kind: "notify", payload: "{\"n\":\(index)}",
                        runAt: now.addingTimeInterval(Double(index % 17) - 20)))
            }
            // Not due yet, and another kind: never claimed here.
            try await store.enqueueJob(
                PostgresStore.Job(
                    tenant: Fixtures.tenant, id: "later", kind: "notify", payload: "{}",
                    runAt: now.addingTimeInterval(60)))
            try await store.enqueueJob(
                PostgresStore.Job(
                    tenant: Fixtures.tenant, id: "other", kind: "sync", payload: "{}", runAt: now))
            #expect(
                try await !store.enqueueJob(
                    PostgresStore.Job(
                        tenant: Fixtures.tenant, id: "job-1", kind: "notify", payload: "{}", runAt: now)))

            let claims = try await withThrowingTaskGroup(of: (String, [PostgresStore.Job]).self) { group in
                for index in 0..<6 {
                    group.addTask {
                        let worker = "w\(index)"
                        var mine: [PostgresStore.Job] = []
                        while true {
                            let batch = try await store.claimJobs(kind: "notify", limit: 7, worker: worker, now: now)
                            if batch.isEmpty { return (worker, mine) }
                            mine += batch
                        }
                    }
                }
                return try await group.reduce(into: [String: [PostgresStore.Job]]()) { $0[$1.0] = $1.1 }
            }
            let jobs = claims.values.flatMap { $0 }
            let ids = jobs.map { "\($0.tenant)/\($0.id)" }
            #expect(ids.count == 240)
            #expect(Set(ids).count == 240, "a job was handed to two claimers")
            #expect(jobs.allSatisfy { $0.attempts == 1 && $0.kind == "notify" })

            // Only the holder of a claim completes it; a lapsed claim is due again.
            let (holder, held) = try #require(claims.first { $0.value.contains { $0.tenant == Fixtures.tenant } })
            let job = try #require(held.first { $0.tenant == Fixtures.tenant })
            #expect(try await !store.completeJob(tenant: job.tenant, id: job.id, worker: "intruder", now: now))
            #expect(try await store.completeJob(tenant: job.tenant, id: job.id, worker: holder, now: now))
            #expect(try await !store.completeJob(tenant: job.tenant, id: job.id, worker: holder, now: now))
            #expect(try await store.claimJobs(kind: "notify", limit: 500, worker: "late", now: now).isEmpty)
            let reclaimed = try await store.claimJobs(
                kind: "notify", limit: 500, worker: "late", now: now.addingTimeInterval(301), tenant: "T2")
            #expect(reclaimed.count == 80 && reclaimed.allSatisfy { $0.attempts == 2 && $0.tenant == "T2" })
            let rest = try await store.claimJobs(
                kind: "notify", limit: 500, worker: "late", now: now.addingTimeInterval(301))
            // The 159 lapsed claims of the other tenant, and "later", now due; never the completed one.
            #expect(rest.count == 160 && !rest.contains { $0.id == job.id } && rest.contains { $0.id == "later" })
            await store.shutdown()
        }
    }

    @Test(.enabled(if: PostgresTestDatabase.configured))
    func datesAndBytesRoundTripExactly() async throws {
        try await withStore(.postgres) { test in
            let created = Date(timeIntervalSince1970: 1_772_416_800.123)
            let session = Session(
                tokenHash: "h-ms", principalKind: .applicant, principalID: "applicant-an", createdAt: created,
                expiresAt: created.addingTimeInterval(0.001))
            try await test.store.createSession(session)
            let stored = try #require(try await test.store.session(tokenHash: "h-ms"))
            #expect(PostgresStore.millis(stored.createdAt) == 1_772_416_800_123)
            #expect(PostgresStore.millis(stored.expiresAt) == 1_772_416_800_124)
            let bytes = (0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let document = StoredDocument(
                sha256: "all-bytes", contentType: "application/octet-stream", bytes: bytes,
                createdAt: created)
            #expect(try await test.store.putDocument(document, owner: "applicant-an", tenant: Fixtures.tenant))
            #expect(try await !test.store.putDocument(document, owner: "applicant-an", tenant: Fixtures.tenant))
            let read = try #require(try await test.store.document(sha256: "all-bytes", tenant: Fixtures.tenant))
            #expect(read.bytes == bytes && read.contentType == document.contentType)
        }
    }

    @Test func unreachableDatabaseIsStoreUnavailable() async throws {
        let started = ContinuousClock.now
        // Port 9 (discard) on loopback: nothing listens there, the connection is refused.
        await #expect(throws: OneGateError.storeUnavailable) {
            _ = try await PostgresStore.connect(
                url: "postgres://onegate@127.0.0.1:9/onegate?sslmode=disable", logger: PostgresTestDatabase.logger,
                leaseTimeout: .seconds(1))
        }
        // It gives up instead of waiting for ever (a loose bound: the machine may be busy).
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test(.enabled(if: PostgresTestDatabase.configured))
    func lostConnectionsAreUnavailableThenRecover() async throws {
        try await PostgresTestDatabase.with { database in
            let store = try await database.connect()
            try await store.setSetting("probe", value: "1")
            // What a database restart or failover does to a running server: every session is killed.
            let admin = try await PostgresStore.connect(
                url: database.adminURL, logger: PostgresTestDatabase.logger, maximumConnections: 1, migrate: false)
            try await admin.statement { connection in
                try await connection.run(
                    """
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE datname = \(database.name) AND pid <> pg_backend_pid()
                    """, logger: admin.logger)
            }
            await admin.shutdown()
            var outcomes: [String] = []
            for _ in 0..<10 {
                do {
                    outcomes.append(try await store.setting("probe") ?? "missing")
                } catch let error as OneGateError {
                    outcomes.append(error.code)
                }
            }
            // Nothing but a clear 503 while the pool notices, then the same answers as before.
            #expect(outcomes.allSatisfy { $0 == "1" || $0 == "store_unavailable" }, "\(outcomes)")
            #expect(outcomes.last == "1")
            await store.shutdown()
        }
    }

    @Test func urlsAreParsedWithoutLeakingPasswords() throws {
        let location = try PostgresLocation(url: "postgres://og%40user:p%2Fss@db.example:6543/onegate?sslmode=require")
        #expect(location.username == "og@user" && location.password == "p/ss")
        #expect(location.host == "db.example" && location.port == 6543 && location.database == "onegate")
        #expect(location.tls == .require)
        #expect(!location.redacted.contains("p/ss"))
        let defaults = try PostgresLocation(url: "postgresql://postgres@127.0.0.1")
        #expect(defaults.port == 5432 && defaults.database == "postgres" && defaults.tls == .prefer)
        for bad in ["mysql://a@b/c", "postgres://host/db", "postgres://u@h/d?sslmode=sometimes", "not a url"] {
            #expect(throws: OneGateError.self, "\(bad)") { _ = try PostgresLocation(url: bad) }
        }
    }

    @Test func searchQueriesAreBuiltFromWordsOnly() {
        #expect(PostgresStore.prefixQuery(folded: "dang ky khai") == .query("dang:* & ky:* & khai:*"))
        #expect(PostgresStore.prefixQuery(folded: "1.001193") == .query("1 <-> 001193:*"))
        #expect(PostgresStore.prefixQuery(folded: "\" or * near( -- ;") == .query("or:* & near:*"))
        #expect(PostgresStore.prefixQuery(folded: "a:*|b & !c") == .query("ab:* & c:*"))
        #expect(PostgresStore.prefixQuery(folded: "  ") == .everything)
        #expect(PostgresStore.prefixQuery(folded: "-- ;") == .everything)
        #expect(PostgresStore.prefixQuery(folded: "khai ...") == .nothing)
        #expect(PostgresStore.searchWords("1.001193 nghi dinh 61/2018/nd-cp") == "1 001193 nghi dinh 61 2018 nd cp")
    }

    @Test func databaseNamesAreCheckedBeforeTheyReachSQL() throws {
        #expect(try PostgresAdmin.quoted("og_0123abc") == "\"og_0123abc\"")
        for bad in ["", "og\"; DROP DATABASE x; --", "og-1", "ÿ", String(repeating: "a", count: 64)] {
            #expect(throws: OneGateError.self) { _ = try PostgresAdmin.quoted(bad) }
        }
    }
}
