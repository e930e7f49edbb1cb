import Foundation

/// The dossiers behind a figure (kpi.md: "every figure links to the list of dossiers behind it").
///
/// A counter is a sum of ``CounterProjection/contributions(of:procedure:calendar:)``, so the list behind
/// it is exactly the dossiers whose contributions hit the same (unit, month, metric): a store narrows the
/// candidates with its indexes (units, and reception or finishing instants within the period) and this
/// filter keeps the ones that count, so the list and the number can never disagree.
public enum DrillDown {
    /// The dossiers among `candidates` that count towards `metric` for `units` in `months`.
    public static func dossiers(
        _ candidates: [Dossier], metric: CounterProjection.Metric, units: Set<String>, months: Set<String>,
        procedure: (Dossier) -> Procedure?, calendar: WorkingCalendar
    ) -> [Dossier] {
        candidates.filter { dossier in
            CounterProjection.contributions(of: dossier, procedure: procedure(dossier), calendar: calendar)
                .contains { $0.metric == metric.rawValue && units.contains($0.unit) && months.contains($0.period) }
        }
    }

    /// The open dossiers among `candidates` received in `received` that are past due at `instant`: the
    /// list behind ``OpenPastDue``.
    public static func openPastDue(
        _ candidates: [Dossier], units: Set<String>, received: Range<Date>, at instant: Date
    ) -> [Dossier] {
        candidates.filter { dossier in
            guard let receivedAt = dossier.receivedAt else { return false }
            return units.contains(dossier.competentUnit) && received.contains(receivedAt)
                && OpenDossierRule.isPastDue(dossier, at: instant)
        }
    }
}
