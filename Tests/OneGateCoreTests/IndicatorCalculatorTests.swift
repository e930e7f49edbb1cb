import Foundation
import OneGateTestSupport
import Testing

@testable import OneGateCore

/// End to end without a store: real dossiers through the lifecycle, their live counter deltas, the
/// in-memory ports, and the reports of units up the tree.
struct IndicatorCalculatorTests {
    /// The small province's March 2026 (and one dossier of the old district in 2025):
    /// - d1 commune A, counter, received Mon 2 Mar 10:00, result the same day: early.
    /// - d2 commune A, online, accepted Mon 2 Mar 09:00 (due Thu 5 Mar 17:00), still being appraised.
    /// - d3 commune B, received Mon 16 Mar 09:00 (due Thu 19 Mar), extended to 25 Mar, issued 23 Mar:
    ///   late, apologised.
    /// - d4 justice, received by the service centre Tue 10 Mar, two supplementation requests: late.
    /// - d5 old district, counter-only procedure, Mon 5 May 2025 09:00, done at 14:00: on time.
    /// - d6 commune A, received Sat 31 Jan 23:30: January, not February.
    static func province() throws -> (rows: [Dossier], deltas: [CounterDelta]) {
        var rows: [Dossier] = []
        var deltas: [CounterDelta] = []
        func keep(_ recorder: DossierRecorder) throws {
            rows.append(try recorder.row)
            deltas += recorder.deltas
        }
        let birth = Fixtures.birthRegistration

        var d1 = DossierRecorder(birth)
        try d1.open(KPI.fresh(birth, id: "d1", at: KPI.local("2026-03-02 10:00")))
        try d1.processToResult(from: KPI.local("2026-03-02 10:00"))
        try keep(d1)

        var d2 = DossierRecorder(birth)
        try d2.open(KPI.fresh(birth, channel: .online, id: "d2", at: KPI.local("2026-03-02 08:00")))
        try d2.apply(.accept, at: KPI.local("2026-03-02 09:00"))
        try d2.apply(.assign(officerID: "officer-specialist.a"), at: KPI.local("2026-03-02 10:00"))
        try d2.apply(.appraise(note: "Đang xác minh"), at: KPI.local("2026-03-03 10:00"))
        try keep(d2)

        var d3 = DossierRecorder(birth)
        try d3.open(KPI.fresh(birth, unit: Fixtures.communeB, id: "d3", at: KPI.local("2026-03-16 09:00")))
        try d3.apply(.assign(officerID: "officer-specialist.b"), at: KPI.local("2026-03-16 10:00"))
        try d3.apply(
            .extend(newDue: KPI.local("2026-03-25 17:00"), reason: "Xác minh"), at: KPI.local("2026-03-17 10:00"))
        try d3.processToResult(from: KPI.local("2026-03-23 08:00"))
        try keep(d3)

        let record = Fixtures.criminalRecord
        var d4 = DossierRecorder(record)
        try d4.open(
            KPI.fresh(
                record, unit: Fixtures.justice, receiving: Fixtures.centre, id: "d4",
                at: KPI.local("2026-03-10 09:00")))
        let item = SupplementItem(requirement: "application", description: "Ký lại tờ khai")
        try d4.apply(.assign(officerID: "officer-specialist.justice"), at: KPI.local("2026-03-10 10:00"))
        try d4.apply(.requestSupplement(items: [item], reason: "Chưa ký"), at: KPI.local("2026-03-10 11:00"))
        try d4.apply(.supplement(components: [], data: [:]), at: KPI.local("2026-03-10 14:00"))
        try d4.apply(.requestSupplement(items: [item], reason: "Ký sai"), at: KPI.local("2026-03-10 15:00"))
        try d4.apply(.supplement(components: [], data: [:]), at: KPI.local("2026-03-11 09:00"))
        try d4.processToResult(from: KPI.local("2026-03-11 09:00"), deliver: .counter)
        try keep(d4)

        var d5 = DossierRecorder(Fixtures.counterOnly)
        try d5.open(
            KPI.fresh(Fixtures.counterOnly, unit: Fixtures.oldDistrict, id: "d5", at: KPI.local("2025-05-05 09:00")))
        try d5.processToResult(from: KPI.local("2025-05-05 09:00"), step: 3600)
        try keep(d5)

        var d6 = DossierRecorder(birth)
        try d6.open(KPI.fresh(birth, id: "d6", at: KPI.local("2026-01-31 23:30")))
        try keep(d6)
        return (rows, deltas)
    }

    static func calculator(
        rows: [Dossier], deltas: [CounterDelta], targets: TargetBook = TargetBook()
    )
        -> IndicatorCalculator
    {
        IndicatorCalculator(
            tenant: Fixtures.tenant, tree: KPI.tree, calendar: KPI.calendar, counters: InMemoryCounterSource(deltas),
            openDossiers: InMemoryOpenDossierIndex(rows), catalogue: Fixtures.procedures, targets: targets)
    }

    static let march = ReportPeriod.month(year: 2026, month: 3)
    static let april10 = KPI.local("2026-04-10 09:00")

    @Test func provinceFigureRollsUpItsSubtree() async throws {
        let (rows, deltas) = try Self.province()
        let calculator = Self.calculator(rows: rows, deltas: deltas)
        let report = try await calculator.report(unit: Fixtures.tenant, period: Self.march, now: Self.april10)
        #expect(report.asOf == KPI.local("2026-04-01 00:00"))
        #expect(report.counters[.received] == 4)
        // d1 early; d2 open and past due at the end of March; d3 and d4 late.
        #expect(report[.onTime]?.ratio == Ratio(1, of: 4))
        #expect(report[.early]?.ratio == Ratio(1, of: 4))
        #expect(report[.late]?.ratio == Ratio(3, of: 4))
        #expect(report[.lateApologised]?.ratio == Ratio(1, of: 4))
        #expect(report.timeliness.openPastDue == 1 && report.timeliness.open == 1)
        #expect(report[.dossiersOnline]?.ratio == Ratio(1, of: 4))
        #expect(report[.dossiersFullOnline]?.ratio == Ratio(0, of: 4), "d2 is online but not delivered yet")
        #expect(report[.resultsElectronic]?.ratio == Ratio(3, of: 3))
        #expect(report[.processedFullyElectronic]?.ratio == Ratio(3, of: 3))
        #expect(report[.satisfaction]?.ratio == Ratio(1, of: 3), "two of three finished were late")
        #expect(report[.paidOnline]?.ratio == Ratio(0, of: 1), "d4's fee was not paid online")
        #expect(report[.proceduresOnline]?.ratio == Ratio(2, of: 3))
        #expect(report[.proceduresFullOnline]?.ratio == Ratio(1, of: 2))
        #expect(report.score.component("online.3.2")?.ratio == Ratio(1, of: 2))

        // The province's figure is the sum of its children's.
        let children = try await calculator.reportsOfChildren(
            unit: Fixtures.tenant, period: Self.march, now: Self.april10)
        #expect(children.map(\.unit) == KPI.tree.children(of: Fixtures.tenant).map(\.code))
        #expect(children.map { $0.counters[.received] }.reduce(0, +) == 4)
        #expect(children.map { $0.timeliness.inTime }.reduce(0, +) == 1)
        // A monthly series asked at once is the same as month by month.
        let months = [MonthKey(year: 2026, month: 2), MonthKey(year: 2026, month: 3), MonthKey(year: 2026, month: 4)]
        let series = try await calculator.monthlyReports(unit: Fixtures.tenant, months: months, now: Self.april10)
        for (month, together) in zip(months, series) {
            let alone = try await calculator.report(
                unit: Fixtures.tenant, period: .month(year: month.year, month: month.month), now: Self.april10)
            #expect(together.values == alone.values && together.counters == alone.counters, "\(month)")
        }
        // Asked together, the children's reports are the ones each gets asked alone.
        for child in children {
            let alone = try await calculator.report(unit: child.unit, period: Self.march, now: Self.april10)
            #expect(child.values == alone.values && child.reception == alone.reception, "\(child.unit)")
            #expect(child.counters == alone.counters && child.timeliness == alone.timeliness, "\(child.unit)")
        }
    }

    @Test func aCommuneSeesOnlyItsOwnDossiers() async throws {
        let (rows, deltas) = try Self.province()
        let calculator = Self.calculator(rows: rows, deltas: deltas)
        let commune = try await calculator.report(unit: Fixtures.communeA, period: Self.march, now: Self.april10)
        #expect(commune[.onTime]?.ratio == Ratio(1, of: 2))
        #expect(commune[.dossiersOnline]?.ratio == Ratio(1, of: 2))
        let justice = try await calculator.report(unit: Fixtures.justice, period: Self.march, now: Self.april10)
        #expect(justice[.late]?.ratio == Ratio(1, of: 1))
        #expect(justice[.proceduresOnline]?.ratio == Ratio(1, of: 1))
        #expect(justice[.resultsElectronic]?.ratio == Ratio(1, of: 1))
        // Reception by receiving unit: the centre received d4 for the department.
        #expect(justice.reception[.dossiersOnline]?.value == nil)
        let centre = try await calculator.report(unit: Fixtures.centre, period: Self.march, now: Self.april10)
        #expect(centre.reception[.digitisedAtReception]?.ratio == Ratio(1, of: 1))
        #expect(centre[.onTime]?.value == nil, "the centre decides nothing itself")
    }

    @Test func theSameOpenDossierIsInTimeWhileThePeriodRuns() async throws {
        let open = try Self.province().rows.filter { $0.id == "d2" }
        let calculator = Self.calculator(
            rows: open,
            deltas: CounterProjection.totals(
                of: open,
                procedure: { _ in Fixtures.birthRegistration }, calendar: KPI.calendar))
        let during = try await calculator.report(
            unit: Fixtures.communeA, period: Self.march,
            now: KPI.local("2026-03-04 12:00"))
        #expect(during[.onTime]?.ratio == Ratio(1, of: 1))
        let atDue = try await calculator.report(
            unit: Fixtures.communeA, period: Self.march,
            now: KPI.local("2026-03-05 17:00"))
        #expect(atDue[.onTime]?.ratio == Ratio(1, of: 1), "not past due at the due moment itself")
        let after = try await calculator.report(unit: Fixtures.communeA, period: Self.march, now: Self.april10)
        #expect(after[.onTime]?.ratio == Ratio(0, of: 1) && after[.late]?.ratio == Ratio(1, of: 1))
    }

    @Test func historicalUnitsCountForPastPeriods() async throws {
        let (rows, deltas) = try Self.province()
        let calculator = Self.calculator(rows: rows, deltas: deltas)
        let year2025 = try await calculator.report(unit: Fixtures.tenant, period: .year(2025), now: Self.april10)
        #expect(year2025.counters[.received] == 1 && year2025[.onTime]?.ratio == Ratio(1, of: 1))
        #expect(RollUp.units(of: Fixtures.tenant, in: KPI.tree).contains(Fixtures.oldDistrict))
        // The successor commune shows the district's history only when asked to.
        let communeAlone = try await calculator.report(unit: Fixtures.communeA, period: .year(2025), now: Self.april10)
        #expect(communeAlone.counters[.received] == 0)
        var withHistory = calculator
        withHistory.includingPredecessors = true
        let communeWithHistory = try await withHistory.report(
            unit: Fixtures.communeA, period: .year(2025),
            now: Self.april10)
        #expect(communeWithHistory.counters[.received] == 1)
    }

    @Test func monthBoundaryInUTCPlus7() async throws {
        let (rows, deltas) = try Self.province()
        let calculator = Self.calculator(rows: rows, deltas: deltas)
        let january = try await calculator.report(
            unit: Fixtures.communeA, period: .month(year: 2026, month: 1),
            now: Self.april10)
        let february = try await calculator.report(
            unit: Fixtures.communeA, period: .month(year: 2026, month: 2),
            now: Self.april10)
        #expect(january.counters[.received] == 1 && february.counters[.received] == 0)
        // Still open on 10 April, but at the end of January (due 3 working days after the Saturday
        // reception, in February) it was not past due: in time for January, late for the quarter.
        #expect(january[.onTime]?.ratio == Ratio(1, of: 1))
        let quarter = try await calculator.report(
            unit: Fixtures.communeA, period: .quarter(year: 2026, quarter: 1),
            now: Self.april10)
        #expect(quarter.counters[.received] == 3)
        #expect(quarter[.late]?.ratio == Ratio(2, of: 3), "d2 and d6 are open and past due on 1 April")
    }

    @Test func yearBoundaryInUTCPlus7() async throws {
        var recorder = DossierRecorder(Fixtures.birthRegistration)
        // 16:30 UTC on 31 December: still the old year in Vietnam.
        try recorder.open(KPI.fresh(Fixtures.birthRegistration, at: KPI.local("2025-12-31 23:30")))
        let calculator = Self.calculator(rows: [try recorder.row], deltas: recorder.deltas)
        let old = try await calculator.report(unit: Fixtures.tenant, period: .year(2025), now: Self.april10)
        let new = try await calculator.report(unit: Fixtures.tenant, period: .year(2026), now: Self.april10)
        #expect(old.counters[.received] == 1 && new.counters[.received] == 0)
    }

    @Test func targetsAndStatusesInTheReport() async throws {
        let (rows, deltas) = try Self.province()
        var book = TargetBook()
        try book.set(Target(unit: Fixtures.tenant, year: 2026, indicator: .onTime, value: 0.95), tree: KPI.tree)
        let calculator = Self.calculator(rows: rows, deltas: deltas, targets: book)
        let report = try await calculator.report(unit: Fixtures.communeA, period: Self.march, now: Self.april10)
        #expect(report.targets[.onTime]?.target == ResolvedTarget(value: 0.95, origin: .unit(Fixtures.tenant)))
        #expect(report.targets[.onTime]?.status == .behind)
        #expect(report.targets[.dossiersFullOnline]?.target.value == 0.70)
        #expect(report.targets[.dossiersFullOnline]?.status == .behind)
        #expect(report.targets[.proceduresFullOnline]?.status == .met, "birth registration is offered full online")
        #expect(report.targets[.paidOnline] == nil)
        #expect(report.targets[.processedFullyElectronic]?.status == .met)
    }

    @Test func figuresByProcedure() async throws {
        let (rows, deltas) = try Self.province()
        let calculator = Self.calculator(rows: rows, deltas: deltas)
        let byProcedure = try await calculator.figuresByProcedure(
            unit: Fixtures.tenant, period: Self.march,
            now: Self.april10)
        #expect(Set(byProcedure.keys) == [Fixtures.birthRegistration.code, Fixtures.criminalRecord.code])
        #expect(byProcedure[Fixtures.birthRegistration.code]?[.onTime]?.ratio == Ratio(1, of: 3))
        #expect(byProcedure[Fixtures.criminalRecord.code]?[.onTime]?.ratio == Ratio(0, of: 1))
    }

    @Test func everyFigureHasTheListOfDossiersBehindIt() async throws {
        let (rows, deltas) = try Self.province()
        let report = try await Self.calculator(rows: rows, deltas: deltas)
            .report(unit: Fixtures.tenant, period: Self.march, now: Self.april10)
        let units = Set(RollUp.units(of: Fixtures.tenant, in: KPI.tree))
        let procedures = Dictionary(uniqueKeysWithValues: Fixtures.procedures.map { ($0.code, $0) })
        let finishedLate = DrillDown.dossiers(
            rows, metric: .receivedLate, units: units, months: ["2026-03"], procedure: { procedures[$0.procedureCode] },
            calendar: KPI.calendar)
        let openLate = DrillDown.openPastDue(
            rows, units: units, received: report.period.receptionRange, at: report.asOf)
        #expect(finishedLate.map(\.id) == ["d3", "d4"] && openLate.map(\.id) == ["d2"])
        #expect(finishedLate.count + openLate.count == report[.late]?.numerator)
        let received = DrillDown.dossiers(
            rows, metric: .received, units: units, months: ["2026-03"], procedure: { procedures[$0.procedureCode] },
            calendar: KPI.calendar)
        #expect(received.count == report[.late]?.denominator)
    }

    @Test func unknownUnitsAndFuturePeriods() async throws {
        let calculator = Self.calculator(rows: [], deltas: [])
        await #expect(throws: OneGateError.self) {
            _ = try await calculator.report(unit: "nowhere", period: Self.march, now: Self.april10)
        }
        let future = try await calculator.report(unit: Fixtures.tenant, period: .year(2030), now: Self.april10)
        #expect(future[.onTime]?.value == nil && future.score.points > 0, "catalogue components still score")
    }
}
