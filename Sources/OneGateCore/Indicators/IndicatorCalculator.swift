import Foundation

/// Answers indicator questions for one tenant: reads counters and the open-dossier index through their
/// ports, and computes with ``IndicatorReport/make(unit:period:asOf:sums:open:procedures:targets:tree:)``.
public struct IndicatorCalculator: Sendable {
    /// The province (tenant) key.
    public var tenant: String
    /// The unit tree, historical units included.
    public var tree: UnitTree
    /// The instance calendar (time zone of the months).
    public var calendar: WorkingCalendar
    /// Where counter sums come from (the store).
    public var counters: any CounterSource
    /// Where open-past-due counts come from (the store).
    public var openDossiers: any OpenDossierIndex
    /// The current version of every procedure.
    public var catalogue: [Procedure]
    /// The targets units have set (the national template applies anyway).
    public var targets: TargetBook
    /// Whether a unit's figure also covers the units its subtree succeeded (see ``RollUp``).
    public var includingPredecessors: Bool

    /// Makes a calculator over the given ports and reference data.
    public init(
        tenant: String, tree: UnitTree, calendar: WorkingCalendar, counters: any CounterSource,
        openDossiers: any OpenDossierIndex, catalogue: [Procedure], targets: TargetBook = TargetBook(),
        includingPredecessors: Bool = false
    ) {
        self.tenant = tenant
        self.tree = tree
        self.calendar = calendar
        self.counters = counters
        self.openDossiers = openDossiers
        self.catalogue = catalogue
        self.targets = targets
        self.includingPredecessors = includingPredecessors
    }

    /// Every indicator of `unit` (with its subtree) for `period`, as of `now`.
    /// - Throws: `not_found` for an unknown unit, `invalid_field` for an invalid period, or a port's error.
    public func report(unit: String, period: ReportPeriod, now: Date) async throws -> IndicatorReport {
        guard tree[unit] != nil else { throw OneGateError.notFound("unit") }
        let resolved = try period.resolve(in: calendar)
        let units = RollUp.units(of: unit, in: tree, includingPredecessors: includingPredecessors)
        let asOf = resolved.referenceInstant(now: now)
        // The two questions are independent: asked at once, the answer waits for the longer one only.
        async let counted = counters.counterSums(units: units, periods: resolved.periodKeys, tenant: tenant)
        let open = try await openPastDue(units: units, period: resolved, asOf: asOf, procedure: nil)
        let sums = try await counted
        return IndicatorReport.make(
            unit: unit, period: resolved, asOf: asOf, sums: sums, open: open,
            procedures: procedures(of: unit, asOf: asOf), targets: targets, tree: tree)
    }

    /// The reports of each child of `unit`: which sub-units pull the figure down.
    /// Two questions to the ports for all the children together (sums and open past due per
    /// unit), rolled up here: the same figures as ``report(unit:period:now:)`` of each child.
    public func reportsOfChildren(unit: String, period: ReportPeriod, now: Date) async throws -> [IndicatorReport] {
        guard tree[unit] != nil else { throw OneGateError.notFound("unit") }
        let resolved = try period.resolve(in: calendar)
        let asOf = resolved.referenceInstant(now: now)
        let groups = tree.children(of: unit).map { child in
            (child.code, RollUp.units(of: child.code, in: tree, includingPredecessors: includingPredecessors))
        }
        let all = Array(Set(groups.flatMap(\.1))).sorted()
        guard !all.isEmpty else { return [] }
        async let counted = counters.counterSumsByUnit(units: all, periods: resolved.periodKeys, tenant: tenant)
        let open: [String: OpenPastDue] =
            resolved.start < asOf
            ? try await openDossiers.openPastDueByUnit(
                units: all, received: resolved.receptionRange, at: asOf, procedure: nil, tenant: tenant) : [:]
        let sums = try await counted
        let scope = CatalogueScope.Index(catalogue)
        let day = referenceDay(asOf)
        let (unitTree, targetBook) = (tree, targets)
        // Each child's report is pure computation (formulas, score, targets): made on every core.
        return await Self.concurrentMap(groups) { code, units in
            var childSums = CounterSums()
            var childOpen = OpenPastDue.zero
            for unit in units {
                if let unitSums = sums[unit] { childSums.add(unitSums) }
                if let unitOpen = open[unit] { childOpen = childOpen.adding(unitOpen) }
            }
            return IndicatorReport.make(
                unit: code, period: resolved, asOf: asOf, sums: childSums, open: childOpen,
                procedures: scope.procedures(inCompetenceOf: RollUp.activeUnits(of: code, in: unitTree, on: day)),
                targets: targetBook, tree: unitTree)
        }
    }

    /// `transform` of each element, in order, the elements shared among as many tasks as there are
    /// cores.
    static func concurrentMap<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @escaping @Sendable (Element) -> Result
    ) async -> [Result] {
        let lanes = min(elements.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        guard lanes > 1 else { return elements.map(transform) }
        return await withTaskGroup(of: (Int, [Result]).self) { group in
            for lane in 0..<lanes {
                group.addTask {
                    (lane, stride(from: lane, to: elements.count, by: lanes).map { transform(elements[$0]) })
                }
            }
            var byLane = [[Result]](repeating: [], count: lanes)
            for await (lane, results) in group { byLane[lane] = results }
            return elements.indices.map { byLane[$0 % lanes][$0 / lanes] }
        }
    }

    /// The report of `unit` for each of `months`, with one question for all the counters and one for
    /// all the open dossiers: the same figures as ``report(unit:period:now:)`` month by month.
    public func monthlyReports(unit: String, months: [MonthKey], now: Date) async throws -> [IndicatorReport] {
        guard tree[unit] != nil else { throw OneGateError.notFound("unit") }
        let units = RollUp.units(of: unit, in: tree, includingPredecessors: includingPredecessors)
        let resolved = try months.map { month throws(OneGateError) in
            try ReportPeriod.month(year: month.year, month: month.month).resolve(in: calendar)
        }
        async let counted = counters.counterSumsByPeriod(
            units: units, periods: resolved.flatMap(\.periodKeys), tenant: tenant)
        let asOf = resolved.map { $0.referenceInstant(now: now) }
        // Periods that have not started have no received cohort to ask about.
        let asked = resolved.indices.filter { resolved[$0].start < asOf[$0] }
        let counts = try await openDossiers.openPastDue(
            units: units, windows: asked.map { OpenPastDueWindow(received: resolved[$0].receptionRange, at: asOf[$0]) },
            procedure: nil, tenant: tenant)
        var open = [OpenPastDue](repeating: .zero, count: resolved.count)
        for (index, count) in zip(asked, counts) { open[index] = count }
        let sums = try await counted
        let scope = CatalogueScope.Index(catalogue)
        // The units in competence rarely change from one month to the next.
        var last: (codes: [String], procedures: [Procedure])?
        var scopes: [[Procedure]] = []
        for index in resolved.indices {
            let active = RollUp.activeUnits(of: unit, in: tree, on: referenceDay(asOf[index]))
            let codes = active.map(\.code)
            if let last, last.codes == codes {
                scopes.append(last.procedures)
            } else {
                let procedures = scope.procedures(inCompetenceOf: active)
                scopes.append(procedures)
                last = (codes, procedures)
            }
        }
        let (unitTree, targetBook) = (tree, targets)
        let months = Array(zip(resolved, zip(asOf, zip(open, scopes))))
        return await Self.concurrentMap(months) { period, facts in
            let (asOf, (open, procedures)) = facts
            var monthSums = CounterSums()
            for key in period.periodKeys {
                if let keySums = sums[key] { monthSums.add(keySums) }
            }
            return IndicatorReport.make(
                unit: unit, period: period, asOf: asOf, sums: monthSums, open: open, procedures: procedures,
                targets: targetBook, tree: unitTree)
        }
    }

    /// The dossier indicators of `unit` for each procedure that has counters in the period: which
    /// procedures pull the figure down. Catalogue indicators and the score are left out (they describe
    /// a set of procedures, not one).
    public func figuresByProcedure(
        unit: String, period: ReportPeriod, now: Date
    ) async throws -> [String: [IndicatorID: IndicatorValue]] {
        guard tree[unit] != nil else { throw OneGateError.notFound("unit") }
        let resolved = try period.resolve(in: calendar)
        let units = RollUp.units(of: unit, in: tree, includingPredecessors: includingPredecessors)
        let asOf = resolved.referenceInstant(now: now)
        let sums = try await counters.counterSums(units: units, periods: resolved.periodKeys, tenant: tenant)
        var result: [String: [IndicatorID: IndicatorValue]] = [:]
        for procedure in sums.procedureCodes.sorted() where procedure != CounterSums.unknownProcedure {
            let open = try await openPastDue(units: units, period: resolved, asOf: asOf, procedure: procedure)
            result[procedure] = IndicatorFormulas.dossierIndicators(sums.only(procedure: procedure), open: open)
        }
        return result
    }

    /// The procedures in competence of the units of `unit`'s subtree that exist on the reference day.
    public func procedures(of unit: String, asOf: Date) -> [Procedure] {
        CatalogueScope.procedures(
            inCompetenceOf: RollUp.activeUnits(of: unit, in: tree, on: referenceDay(asOf)), from: catalogue)
    }

    /// The day whose units define the catalogue indicators: the last day before the reference instant.
    private func referenceDay(_ asOf: Date) -> LocalDate {
        calendar.localDate(of: asOf.addingTimeInterval(-1))
    }

    private func openPastDue(
        units: [String], period: ResolvedPeriod, asOf: Date, procedure: String?
    ) async throws -> OpenPastDue {
        // A period that has not started has no received cohort to ask about.
        guard period.start < asOf else { return .zero }
        return try await openDossiers.openPastDue(
            units: units, received: period.receptionRange, at: asOf, procedure: procedure, tenant: tenant)
    }
}
