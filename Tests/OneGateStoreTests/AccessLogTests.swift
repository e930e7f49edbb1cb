import Foundation
import GRDB
import OneGateCore
import OneGateTestSupport
import Testing

/// The access log ("who used my data") on every backend: entries chained per person and signed,
/// concurrent reads all recorded without gaps, a tampered entry found.
struct AccessLogTests {
    static func access(_ test: StoreHarness, subject: String, officer: String, at offset: TimeInterval) -> DataAccess {
        DataAccess(
            subject: subject, actor: "officer:\(officer)", actorName: "Cán bộ \(officer)", unit: Fixtures.communeA,
            action: .dossierRead, resource: "000.01.40.H40-260302-0001", purpose: "000.01.40.H40-260302-0001",
            at: test.clock.now.addingTimeInterval(offset))
    }

    @Test(arguments: StoreBackend.available)
    func readsAreChainedSignedAndAllKeptUnderConcurrency(_ backend: StoreBackend) async throws {
        try await withStore(backend) { test in
            let log = AccessLog(store: test.store, signer: test.signer, tenant: Fixtures.tenant)
            let subject = test.citizen("an").id
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<12 {
                    group.addTask {
                        try await log.record(Self.access(test, subject: subject, officer: "o\(index)", at: 0))
                    }
                }
                try await group.waitForAll()
            }
            let chain = try await test.store.accessChain(subject: subject, tenant: Fixtures.tenant)
            #expect(chain.map(\.seq) == Array(1...12))
            #expect(Set(chain.map(\.access.actor)).count == 12)
            let verifier = test.signer
            let broken = try await log.firstBrokenLink(subject: subject) { record in
                verifier.isValid(
                    signature: record.signature, over: record.canonical, serial: record.certificateSerial,
                    at: record.access.at)
            }
            #expect(broken == nil)
            let page = try await test.store.accessRecords(
                subject: subject, tenant: Fixtures.tenant, limit: 5, offset: 0)
            #expect(page.total == 12 && page.items.first?.seq == 12 && page.items.count == 5)
            // Another person's log is separate.
            let other = try await test.store.accessChain(subject: test.citizen("binh").id, tenant: Fixtures.tenant)
            #expect(other.isEmpty)
        }
    }

    @Test func anEditedOrDeletedEntryIsFound() async throws {
        try await withStore(.sqlite) { test in
            let log = AccessLog(store: test.store, signer: test.signer, tenant: Fixtures.tenant)
            let subject = test.citizen("an").id
            for index in 0..<4 {
                try await log.record(Self.access(test, subject: subject, officer: "o\(index)", at: Double(index)))
            }
            let verifier = test.signer
            let check: (AccessRecord) -> Bool = { record in
                verifier.isValid(
                    signature: record.signature, over: record.canonical, serial: record.certificateSerial,
                    at: record.access.at)
            }
            let queue = try DatabaseQueue(path: try #require(test.sqlitePath))
            // Someone rewrites who read the data in entry 3 (the bytes and their hash, not the signature).
            try await queue.write { db in
                try db.execute(
                    sql: "UPDATE access_log SET canonical = replace(canonical, 'o2', 'o9') WHERE seq = 3")
            }
            #expect(try await log.firstBrokenLink(subject: subject, verifySignature: check) == 3)
            // Deleting it instead breaks the link of the entry after it.
            try await queue.write { db in try db.execute(sql: "DELETE FROM access_log WHERE seq = 3") }
            #expect(try await log.firstBrokenLink(subject: subject, verifySignature: check) == 3)
        }
    }
}
