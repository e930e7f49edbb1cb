import Foundation
import OneGateCore
import OneGateDemo
import OneGateTestSupport
import Testing

/// The two indicator ports on every backend, against their in-memory reference implementations,
/// over dossiers taken through random histories by the real service.
struct IndicatorStoreTests {
    @Test(arguments: StoreBackend.available)
    func countersAndOpenPastDueMatchTheReference(_ backend: StoreBackend) async throws {
        try await withStore(backend) { test in
            var random = SeededGenerator(seed: 766)
            let service = test.service
            let reception = test.officer("reception.a")
            let specialist = test.officer("specialist.a")
            let leader = test.officer("leader.a")
            let clerk = test.officer("clerk.a")
            let start = test.clock.now
            var ids: [String] = []
            for _ in 0..<24 {
                test.clock.set(test.clock.now.addingTimeInterval(Double(Int.random(in: 1...20, using: &random)) * 3600))
                let opened = try await service.receiveAtCounter(
                    ApplicationInput(
                        procedureCode: "1.001193", receivingUnit: Fixtures.communeA,
                        competentUnit: Fixtures.communeA, secret: "SECRET2345", data: Fixtures.birthData,
                        components: [DossierComponent(requirement: "birth_notice", document: nil)]),
                    applicant: test.citizen("an"), channel: .counter, assisted: random.chance(0.3), by: reception,
                    idempotency: nil)
                let id = try TestInstance.dossier(opened).id
                ids.append(id)
                func act(_ action: DossierAction, _ officer: Officer) async throws {
                    test.clock.set(
                        test.clock.now.addingTimeInterval(Double(Int.random(in: 1...30, using: &random)) * 3600))
                    _ = try await service.perform(action, on: id, by: .officer(officer), idempotency: nil)
                }
                let depth = Int.random(in: 0...6, using: &random)
                if depth >= 1 { try await act(.assign(officerID: specialist.id), reception) }
                if depth >= 2 { try await act(.appraise(note: "Đã xem"), specialist) }
                if depth >= 3, random.chance(0.5) {
                    for _ in 0..<Int.random(in: 1...2, using: &random) {
                        try await act(
                            .requestSupplement(
                                items: [SupplementItem(requirement: "parent_id", description: "CCCD")], reason: "Thiếu"),
                            specialist)
                        if random.chance(0.8) {
                            try await act(.supplement(components: [], data: [:]), reception)
                        } else {
                            break
                        }
                    }
                }
                guard try await test.store.dossier(id: id, tenant: Fixtures.tenant)?.state == .inProgress else {
                    continue
                }
                if depth >= 4, random.chance(0.3),
                    let due = try await test.store.dossier(id: id, tenant: Fixtures.tenant)?.dueAt
                {
                    try await act(.extend(newDue: due.addingTimeInterval(5 * 86_400), reason: "Xác minh"), leader)
                }
                if depth >= 4 { try await act(.submitForApproval(outcome: .granted, summary: "Đề nghị"), specialist) }
                if depth >= 5 { try await act(.approve(comment: ""), leader) }
                if depth >= 6 { try await act(.issue(resultNumber: "\(ids.count)/KS"), clerk) }
            }
            let all = try await test.store.dossiers(DossierQuery(tenant: Fixtures.tenant, limit: 500)).items
            #expect(all.count == ids.count)
            #expect(all.contains { OpenDossierRule.overdueFrom($0) != nil })

            var rows: [CounterDelta] = []
            for dossier in all {
                let procedure = try await service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
                rows += CounterProjection.contributions(of: dossier, procedure: procedure, calendar: service.calendar)
            }
            let periods = Set(rows.map(\.period)).sorted()
            let units = [Fixtures.communeA, Fixtures.communeB]
            let expected = try await InMemoryCounterSource(rows).counterSums(
                units: units, periods: periods, tenant: Fixtures.tenant)
            let stored = try await test.store.counterSums(units: units, periods: periods, tenant: Fixtures.tenant)
            #expect(stored == expected)
            #expect(!stored.byProcedure.isEmpty)

            let reference = InMemoryOpenDossierIndex(all)
            let end = test.clock.now
            var sawPastDue = false
            for fraction in [0.25, 0.5, 0.75, 1.0, 1.5] {
                let at = start.addingTimeInterval(end.timeIntervalSince(start) * fraction)
                for received in [start..<end.addingTimeInterval(1), start..<at] {
                    for procedure in [nil, "1.001193", "DEMO.0002"] as [String?] {
                        let want = reference.count(
                            units: units, received: received, at: at, procedure: procedure, tenant: Fixtures.tenant)
                        let got = try await test.store.openPastDue(
                            units: units, received: received, at: at, procedure: procedure, tenant: Fixtures.tenant)
                        #expect(got == want, "at \(fraction), procedure \(procedure ?? "all")")
                        sawPastDue = sawPastDue || want.pastDue > 0
                    }
                }
            }
            #expect(sawPastDue)
            // The per-unit answers equal one question per unit.
            let byUnit = try await test.store.counterSumsByUnit(units: units, periods: periods, tenant: Fixtures.tenant)
            for unit in units {
                let alone = try await test.store.counterSums(units: [unit], periods: periods, tenant: Fixtures.tenant)
                #expect((byUnit[unit] ?? CounterSums()) == alone, "\(unit)")
            }
            let byPeriod = try await test.store.counterSumsByPeriod(
                units: units, periods: periods, tenant: Fixtures.tenant)
            for period in periods {
                let alone = try await test.store.counterSums(units: units, periods: [period], tenant: Fixtures.tenant)
                #expect((byPeriod[period] ?? CounterSums()) == alone, "\(period)")
            }
            let openByUnit = try await test.store.openPastDueByUnit(
                units: units, received: start..<end, at: end, procedure: nil, tenant: Fixtures.tenant)
            for unit in units {
                let alone = try await test.store.openPastDue(
                    units: [unit], received: start..<end, at: end, procedure: nil, tenant: Fixtures.tenant)
                #expect((openByUnit[unit] ?? .zero) == alone, "\(unit)")
            }
            #expect(
                try await test.store.openPastDue(
                    units: [Fixtures.communeB], received: start..<end, at: end, procedure: nil, tenant: Fixtures.tenant)
                    == .zero)
            // A series in one question equals one question per window, whether the windows are
            // disjoint (a monthly series) or not.
            let span = end.timeIntervalSince(start) + 1
            func instant(_ sixths: Double) -> Date { start.addingTimeInterval(span * sixths / 6) }
            let series = (0..<6).map { step -> OpenPastDueWindow in
                let first = Double(step)
                return OpenPastDueWindow(received: instant(first)..<instant(first + 1), at: instant(first + 2.5))
            }
            var sawSeriesPastDue = false
            let overlapping = [series[2], OpenPastDueWindow(received: start..<end, at: end)]
            let questions: [[OpenPastDueWindow]] = [series, Array(series.reversed()), overlapping]
            for windows in questions {
                for procedure in [nil, "1.001193"] as [String?] {
                    let want = windows.map {
                        reference.count(
                            units: units, received: $0.received, at: $0.at, procedure: procedure,
                            tenant: Fixtures.tenant)
                    }
                    let got = try await test.store.openPastDue(
                        units: units, windows: windows, procedure: procedure, tenant: Fixtures.tenant)
                    #expect(got == want, "procedure \(procedure ?? "all")")
                    sawSeriesPastDue = sawSeriesPastDue || want.dropLast().contains { $0.pastDue > 0 }
                }
            }
            #expect(sawSeriesPastDue)
        }
    }
}
