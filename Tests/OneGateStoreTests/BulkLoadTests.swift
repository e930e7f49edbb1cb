import Foundation
import OneGateCore
import OneGateRuntime
import OneGateSQLite
import OneGateTestSupport
import Testing

/// The bulk path (`BulkDossierLoad`) writes what the commit path writes: the same dossier rows
/// (every column), the same events and the same counters; and a rebuild from its events is clean.
struct BulkLoadTests {
    @Test
    func bulkRowsEqualCommittedRowsAndRebuildIsClean() async throws {
        let live = try await TestInstance.make()
        let bulk = try await TestInstance.make()
        defer {
            live.remove()
            bulk.remove()
        }
        let service = live.service
        let reception = live.officer("reception.a")
        for index in 0..<8 {
            live.clock.set(live.clock.now.addingTimeInterval(3 * 3600))
            let opened = try await service.receiveAtCounter(
                ApplicationInput(
                    procedureCode: "1.001193", receivingUnit: Fixtures.communeA, competentUnit: Fixtures.communeA,
                    secret: "SECRET2345", data: Fixtures.birthData,
                    components: [DossierComponent(requirement: "birth_notice", document: nil)]),
                applicant: live.citizen("an"), channel: .counter, assisted: false, by: reception, idempotency: nil)
            let id = try TestInstance.dossier(opened).id
            live.clock.set(live.clock.now.addingTimeInterval(3600))
            if index % 3 == 0 {
                _ = try await service.perform(
                    .refuse(reason: "Sai thẩm quyền", redirect: nil), on: id, by: .officer(reception),
                    idempotency: nil)
            } else if index % 3 == 1 {
                _ = try await service.perform(
                    .withdraw(reason: "Không còn nhu cầu"), on: id, by: .officer(reception), idempotency: nil)
            }
        }

        // The live rows, events and contributions, loaded into a second instance in one batch.
        let rows = try await records(.dossiers, live.store)
        var items: [BulkDossier] = []
        for record in rows {
            let body = try #require(record["body"].text)
            let dossier = try JSONDecoder().decode(Dossier.self, from: Data(body.utf8))
            let procedure = try await service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
            items.append(
                BulkDossier(
                    dossier: dossier,
                    events: try await live.store.events(dossierID: dossier.id, tenant: Fixtures.tenant),
                    counters: CounterProjection.contributions(
                        of: dossier, procedure: procedure, calendar: service.calendar)))
        }
        #expect(items.count == 8)
        try await bulk.store.bulkLoad(BulkBatch(tenant: Fixtures.tenant, dossiers: items))

        #expect(try await records(.dossiers, bulk.store) == rows)
        #expect(try await records(.events, bulk.store) == records(.events, live.store))
        let counters = try await records(.counters, live.store)
        #expect(!counters.isEmpty)
        #expect(try await records(.counters, bulk.store) == counters)

        let rebuild = CounterRebuild(store: bulk.store, service: bulk.service)
        let report = try await rebuild.run()
        #expect(report.isClean, "\(report.differences) \(report.rowProblems)")
        #expect(report.dossiers == 8 && report.events == items.map(\.events.count).reduce(0, +))

        // The roll-ups (all units; whole years) answer as the monthly counters do.
        let memory = InMemoryCounterSource(report.rebuilt[Fixtures.tenant] ?? [])
        let year = (1...12).map { $0 < 10 ? "2026-0\($0)" : "2026-\($0)" }
        let everyUnit = Fixtures.units.map(\.code)
        for units in [everyUnit, [Fixtures.communeA], everyUnit.filter { $0 != Fixtures.communeA }] {
            for periods in [year, ["2026-03"], year + ["2025-12"], Array(year.prefix(11))] {
                let stored = try await bulk.store.counterSums(units: units, periods: periods, tenant: Fixtures.tenant)
                let expected = try await memory.counterSums(units: units, periods: periods, tenant: Fixtures.tenant)
                #expect(stored.totals == expected.totals, "\(units) \(periods)")
                let byUnit = try await bulk.store.counterSumsByUnit(
                    units: units, periods: periods, tenant: Fixtures.tenant)
                #expect(
                    byUnit[Fixtures.communeA]?.totals == (units.contains(Fixtures.communeA) ? expected.totals : nil))
                let byPeriod = try await bulk.store.counterSumsByPeriod(
                    units: units, periods: periods, tenant: Fixtures.tenant)
                #expect((byPeriod["2026-03"]?.totals ?? [:]) == stored.totals || periods.count > 1)
            }
        }
        #expect(
            (try await live.store.counterSums(units: everyUnit, periods: year, tenant: Fixtures.tenant)).totals[
                "received"] == 8)

        // A second load of the same dossiers is refused as a whole.
        await #expect(throws: OneGateError.self) {
            try await bulk.store.bulkLoad(BulkBatch(tenant: Fixtures.tenant, dossiers: items))
        }
        #expect(try await records(.counters, bulk.store) == counters)
    }

    private func records(_ table: TransferTable, _ store: SQLiteStore) async throws -> [TransferRecord] {
        var all: [TransferRecord] = []
        var cursor: TransferCursor?
        while true {
            let batch = try await store.exportBatch(table, after: cursor, limit: 1000)
            guard !batch.records.isEmpty else { return all }
            all += batch.records
            cursor = batch.cursor
        }
    }
}
