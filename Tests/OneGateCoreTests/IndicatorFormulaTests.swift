import Foundation
import OneGateTestSupport
import Testing

@testable import OneGateCore

/// Every formula of kpi.md against small hand-computed cases.
struct IndicatorFormulaTests {
    typealias M = CounterProjection.Metric

    static func sums(_ metrics: [M: Int], procedure: String = "P") -> CounterSums {
        CounterSums(byProcedure: [
            procedure: Dictionary(uniqueKeysWithValues: metrics.map { ($0.key.rawValue, $0.value) })
        ])
    }

    /// Ten received (six online, three of them full online and delivered), one withdrawn, three still
    /// open of which one is past due; eight finished, two late, one with a complaint.
    static let handCase = sums([
        .received: 10, .receivedOnline: 6, .receivedFullOnline: 3, .receivedFullyElectronic: 9, .receivedReused: 4,
        .withFee: 5, .paidOnline: 2, .receivedEarly: 3, .receivedOnTime: 2, .receivedLate: 1,
        .receivedLateApologised: 1, .receivedWithdrawn: 1, .receivedOpen: 3,
        .finished: 8, .late: 2, .finishedFullyElectronic: 6, .finishedWithResult: 7, .resultNative: 7,
        .finishedDissatisfied: 1,
    ])

    func expect(
        _ values: [IndicatorID: IndicatorValue], _ id: IndicatorID, _ numerator: Int, _ denominator: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            values[id]?.numerator == numerator && values[id]?.denominator == denominator,
            "\(id.rawValue): \(String(describing: values[id]))", sourceLocation: sourceLocation)
    }

    @Test func handComputedCase() {
        let values = IndicatorFormulas.dossierIndicators(Self.handCase, open: OpenPastDue(pastDue: 1))
        expect(values, .dossiersFullOnline, 3, 10)
        expect(values, .dossiersOnline, 6, 10)
        expect(values, .digitisedAtReception, 9, 10)
        expect(values, .reusedData, 4, 10)
        expect(values, .paidOnline, 2, 5)
        expect(values, .processedFullyElectronic, 6, 8)
        expect(values, .resultsElectronic, 7, 7)
        expect(values, .satisfaction, 5, 8)  // 100% − (2/8 late + 1/8 complaint)
        // 10 received − 1 withdrawn = 9 measured; 3 early + 2 on time + (3 open − 1 past due) = 7 in time.
        expect(values, .onTime, 7, 9)
        expect(values, .early, 3, 9)
        expect(values, .late, 2, 9)
        expect(values, .lateApologised, 1, 9)
        #expect(values[.dossiersFullOnline]?.value == 0.3)
        #expect(values[.processedFullyElectronic]?.display == "75.0%")
        let parts = IndicatorFormulas.TimelinessParts(Self.handCase, open: OpenPastDue(pastDue: 1))
        #expect(parts.inTime + parts.late == parts.measured)
        #expect(
            parts.early + parts.finishedOnTime + parts.finishedLate + parts.withdrawn + parts.open == parts.received)
    }

    @Test func noDossiersGivesNoValueRatherThanADivisionByZero() {
        let values = IndicatorFormulas.dossierIndicators(CounterSums(), open: .zero)
        #expect(values.count == 12)
        for value in values.values {
            #expect(value.value == nil && value.display == "—", "\(value.indicator.rawValue)")
        }
        let catalogue = IndicatorFormulas.catalogueIndicators([])
        #expect(catalogue[.proceduresOnline]?.value == nil && catalogue[.proceduresFullOnline]?.value == nil)
        let score = Score766Formula.score(values.merging(catalogue) { $1 }, onlineServicesUsed: nil)
        #expect(score.points == 0 && score.scoredMaximum == 0)
        #expect(score.groups.flatMap(\.components).allSatisfy { $0.points == nil })
    }

    @Test func allLate() {
        let sums = Self.sums([.received: 4, .receivedLate: 3, .receivedOpen: 1, .finished: 3, .late: 3])
        let values = IndicatorFormulas.dossierIndicators(sums, open: OpenPastDue(pastDue: 1))
        expect(values, .onTime, 0, 4)
        expect(values, .late, 4, 4)
        expect(values, .early, 0, 4)
        expect(values, .satisfaction, 0, 3)
        #expect(values[.onTime]?.display == "0.0%" && values[.late]?.display == "100.0%")
    }

    @Test func openDossiersCountInTimeUntilPastDue() {
        let sums = Self.sums([.received: 2, .receivedOpen: 2])
        expect(IndicatorFormulas.dossierIndicators(sums, open: .zero), .onTime, 2, 2)
        expect(IndicatorFormulas.dossierIndicators(sums, open: OpenPastDue(pastDue: 1, apologised: 1)), .onTime, 1, 2)
        let apologised = IndicatorFormulas.dossierIndicators(sums, open: OpenPastDue(pastDue: 1, apologised: 1))
        expect(apologised, .lateApologised, 1, 2)
        // An index briefly ahead of the counters cannot push a share past 100%.
        expect(IndicatorFormulas.dossierIndicators(sums, open: OpenPastDue(pastDue: 5)), .late, 2, 2)
    }

    @Test func everyoneWithdrawnLeavesNothingToMeasure() {
        let values = IndicatorFormulas.dossierIndicators(Self.sums([.received: 2, .receivedWithdrawn: 2]), open: .zero)
        #expect(values[.onTime]?.value == nil)
        expect(values, .dossiersOnline, 0, 2)
    }

    @Test func satisfactionNeverGoesBelowZero() {
        let sums = Self.sums([.finished: 2, .late: 2, .finishedDissatisfied: 2])
        expect(IndicatorFormulas.dossierIndicators(sums, open: .zero), .satisfaction, 0, 2)
    }

    @Test func catalogueIndicatorsCountProceduresInCompetence() {
        let tree = KPI.tree
        let province = RollUp.activeUnits(of: Fixtures.tenant, in: tree, on: LocalDate(year: 2026, month: 3, day: 31))
        let all = CatalogueScope.procedures(inCompetenceOf: province, from: Fixtures.procedures)
        #expect(all.map(\.code) == Fixtures.procedures.map(\.code))
        let values = IndicatorFormulas.catalogueIndicators(all)
        expect(values, .proceduresOnline, 2, 3)  // full + partial, not the counter-only one
        expect(values, .proceduresFullOnline, 1, 2)  // two eligible, one offered full

        let justice = RollUp.activeUnits(of: Fixtures.justice, in: tree, on: LocalDate(year: 2026, month: 3, day: 31))
        let own = CatalogueScope.procedures(inCompetenceOf: justice, from: Fixtures.procedures)
        #expect(own.map(\.code) == [Fixtures.criminalRecord.code])
        // A historical district decides nothing today, so it brings in no procedures.
        let district = RollUp.activeUnits(
            of: Fixtures.oldDistrict, in: tree, on: LocalDate(year: 2026, month: 3, day: 31))
        #expect(district.isEmpty)
    }

    @Test func receptionIndicatorsByReceivingUnit() {
        let sums = Self.sums([.intake: 4, .intakeOnline: 1, .intakeFullyElectronic: 4, .intakeReused: 2, .received: 9])
        let values = IndicatorFormulas.receptionIndicators(sums)
        expect(values, .dossiersOnline, 1, 4)
        expect(values, .digitisedAtReception, 4, 4)
        expect(values, .reusedData, 2, 4)
    }

    @Test func onlineServicesUsedNeedsProcedures() {
        let byProcedure = CounterSums(byProcedure: [
            Fixtures.birthRegistration.code: [M.receivedOnline.rawValue: 2],
            Fixtures.counterOnly.code: [M.received.rawValue: 5],
        ])
        let used = IndicatorFormulas.onlineServicesUsed(Fixtures.procedures, sums: byProcedure)
        #expect(used == Ratio(1, of: 2))
        #expect(
            IndicatorFormulas.onlineServicesUsed(Fixtures.procedures, sums: CounterSums(totals: ["received": 1])) == nil
        )
        #expect(
            byProcedure[.received] == 5
                && byProcedure.value(.receivedOnline, procedure: Fixtures.birthRegistration.code) == 2)
    }

    @Test func pastDueRuleForOpenDossiers() throws {
        var recorder = DossierRecorder(Fixtures.birthRegistration)
        try recorder.open(KPI.fresh(Fixtures.birthRegistration, at: KPI.local("2026-03-02 09:00")))
        let due = KPI.local("2026-03-05 17:00")
        #expect(OpenDossierRule.overdueFrom(try recorder.row) == due)
        #expect(!OpenDossierRule.isPastDue(try recorder.row, at: due), "on time at the due moment itself")
        #expect(OpenDossierRule.isPastDue(try recorder.row, at: due.addingTimeInterval(1)))
        // Paused before the due moment: the clock stands still.
        try recorder.apply(.assign(officerID: "officer-specialist.a"), at: KPI.local("2026-03-02 10:00"))
        let item = SupplementItem(requirement: nil, description: "Thiếu")
        try recorder.apply(.requestSupplement(items: [item], reason: "Thiếu"), at: KPI.local("2026-03-03 10:00"))
        #expect(OpenDossierRule.overdueFrom(try recorder.row) == nil)
        // A second request makes it late whatever the dates.
        try recorder.apply(.supplement(components: [], data: [:]), at: KPI.local("2026-03-04 10:00"))
        try recorder.apply(.requestSupplement(items: [item], reason: "Vẫn thiếu"), at: KPI.local("2026-03-04 11:00"))
        #expect(OpenDossierRule.overdueFrom(try recorder.row) == KPI.local("2026-03-02 09:00"))
        // Finished: not open any more.
        try recorder.apply(.withdraw(reason: ""), at: KPI.local("2026-03-04 12:00"))
        #expect(OpenDossierRule.overdueFrom(try recorder.row) == nil)
    }
}
