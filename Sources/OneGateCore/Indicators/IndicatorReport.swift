import Foundation

/// Every indicator of one unit (with its subtree) for one period, with the score and the targets.
public struct IndicatorReport: Sendable {
    /// The unit whose subtree the figures cover.
    public var unit: String
    /// The period, resolved to months.
    public var period: ResolvedPeriod
    /// The instant "open and not past due" was judged at: the period's end, or now while it runs.
    public var asOf: Date
    /// Every ratio indicator, by competent unit (the catalogue ones over the procedures in competence).
    public var values: [IndicatorID: IndicatorValue]
    /// The parts of `on_time`.
    public var timeliness: IndicatorFormulas.TimelinessParts
    /// The reception indicators by receiving unit (`dossiers_online`, `digitised_at_reception`, `reused_data`).
    public var reception: [IndicatorID: IndicatorValue]
    /// The Decision 766 score with its breakdown.
    public var score: Score766
    /// Each indicator that has a target, against it (the target year is the period's last month's year).
    public var targets: [IndicatorID: TargetComparison]
    /// The counters the figures were computed from.
    public var counters: CounterSums

    /// Computes a report from its inputs; no I/O.
    /// - Parameters:
    ///   - sums: counters over the unit's roll-up (``RollUp/units(of:in:includingPredecessors:)``) and the
    ///     period's months.
    ///   - open: open dossiers of the period's received cohort past due at `asOf`.
    ///   - procedures: the procedures in competence (``CatalogueScope``).
    public static func make(
        unit: String, period: ResolvedPeriod, asOf: Date, sums: CounterSums, open: OpenPastDue,
        procedures: [Procedure], targets book: TargetBook, tree: UnitTree
    ) -> IndicatorReport {
        var values = IndicatorFormulas.dossierIndicators(sums, open: open)
        values.merge(IndicatorFormulas.catalogueIndicators(procedures)) { _, catalogue in catalogue }
        let score = Score766Formula.score(
            values,
            onlineServicesUsed: IndicatorFormulas.onlineServicesUsed(procedures, sums: sums))
        let year = period.months.last?.year ?? period.lastDay.year
        let effective = book.effective(unit: unit, year: year, tree: tree)
        var comparisons: [IndicatorID: TargetComparison] = [:]
        for (id, value) in values {
            if let target = effective[id] { comparisons[id] = TargetComparison(value, target: target) }
        }
        return IndicatorReport(
            unit: unit, period: period, asOf: asOf, values: values,
            timeliness: IndicatorFormulas.TimelinessParts(sums, open: open),
            reception: IndicatorFormulas.receptionIndicators(sums), score: score, targets: comparisons,
            counters: sums)
    }

    /// One indicator's value.
    public subscript(id: IndicatorID) -> IndicatorValue? { values[id] }
}
