import Foundation
import OneGateCore
import OneGateRuntime
import OneGateTestSupport
import Testing

/// `onegate kpi rebuild` on both backends: a clean history rebuilds to the stored counters; a
/// damaged counter is found and repaired.
struct CounterRebuildTests {
    @Test(arguments: StoreBackend.available)
    func rebuildFindsAndRepairsADamagedCounter(_ backend: StoreBackend) async throws {
        try await withStore(backend) { test in
            let service = test.service
            let reception = test.officer("reception.a")
            for index in 0..<6 {
                test.clock.set(test.clock.now.addingTimeInterval(3 * 3600))
                let opened = try await service.receiveAtCounter(
                    ApplicationInput(
                        procedureCode: "1.001193", receivingUnit: Fixtures.communeA,
                        competentUnit: Fixtures.communeA, secret: "SECRET2345", data: Fixtures.birthData,
                        components: [DossierComponent(requirement: "birth_notice", document: nil)]),
                    applicant: test.citizen("an"), channel: .counter, assisted: false, by: reception,
                    idempotency: nil)
                let id = try TestInstance.dossier(opened).id
                if index % 2 == 0 {
                    _ = try await service.perform(
                        .refuse(reason: "Sai thẩm quyền", redirect: nil), on: id, by: .officer(reception),
                        idempotency: nil)
                }
            }
            guard let store = test.store as? any OneGateStore & StoreExport else {
                throw TestFailure("the store does not export")
            }
            let rebuild = CounterRebuild(store: store, service: service)
            let clean = try await rebuild.run()
            #expect(clean.isClean, "\(clean.differences) \(clean.rowProblems)")
            #expect(clean.dossiers == 6 && clean.countersChecked > 0)

            // Damage: one counter off by one, one missing.
            var damaged = clean.rebuilt[Fixtures.tenant] ?? []
            let removed = damaged.removeLast()
            damaged[0].delta += 1
            try await test.store.replaceCounters(damaged, tenant: Fixtures.tenant)
            let found = try await rebuild.run()
            #expect(found.differences.count == 2)
            #expect(
                found.differences.contains {
                    $0.metric == removed.metric && $0.stored == 0 && $0.rebuilt == removed.delta
                })
            try await rebuild.repair(found)
            #expect(try await rebuild.run().isClean)
        }
    }
}
