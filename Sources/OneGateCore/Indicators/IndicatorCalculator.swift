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
        let sums = try await counters.counterSums(units: units, periods: resolved.periodKeys, tenant: tenant)
        let open = try await openPastDue(units: units, period: resolved, asOf: asOf, procedure: nil)
        return IndicatorReport.make(
            unit: unit, period: resolved, asOf: asOf, sums: sums, open: open,
            procedures: procedures(of: unit, asOf: asOf), targets: targets, tree: tree)
    }

    /// The reports of each child of `unit`: which sub-units pull the figure down.
    public func reportsOfChildren(unit: String, period: ReportPeriod, now: Date) async throws -> [IndicatorReport] {
        var reports: [IndicatorReport] = []
        for child in tree.children(of: unit) {
            reports.append(try await report(unit: child.code, period: period, now: now))
        }
        return reports
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
        for procedure in sums.byProcedure.keys.sorted() where procedure != CounterSums.unknownProcedure {
            let open = try await openPastDue(units: units, period: resolved, asOf: asOf, procedure: procedure)
            result[procedure] = IndicatorFormulas.dossierIndicators(sums.only(procedure: procedure), open: open)
        }
        return result
    }

    /// The procedures in competence of the units of `unit`'s subtree that exist on the reference day.
    public func procedures(of unit: String, asOf: Date) -> [Procedure] {
        let day = calendar.localDate(of: asOf.addingTimeInterval(-1))
        return CatalogueScope.procedures(
            inCompetenceOf: RollUp.activeUnits(of: unit, in: tree, on: day), from: catalogue)
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
