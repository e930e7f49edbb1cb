import Foundation

/// The formulas of kpi.md as pure functions of counter sums, the catalogue, and the one figure that is
/// not a counter (open dossiers past due). Every value carries its numerator and denominator; a zero
/// denominator gives `nil` (shown "—").
///
/// Which counters each indicator reads (M = counted in the month of reception, F = in the month
/// processing ended; both at the competent unit):
///
/// | indicator | numerator | denominator |
/// | --- | --- | --- |
/// | `dossiers_full_online` | `received_full_online` (M) | `received` (M) |
/// | `dossiers_online` | `received_online` (M) | `received` (M) |
/// | `digitised_at_reception` | `received_digitised` (M) | `received` (M) |
/// | `reused_data` | `received_reused` (M) | `received` (M) |
/// | `paid_online` | `paid_online` (M) | `with_fee` (M) |
/// | `processed_fully_electronic` | `finished_fully_electronic` (F) | `finished` (F) |
/// | `results_electronic` | `result_native` + `result_digitised` (F) | `finished_with_result` (F) |
/// | `satisfaction` | `finished` − `late` − `finished_dissatisfied` (F, not below 0) | `finished` (F) |
/// | `on_time` | `received_early` + `received_on_time` + `received_open` − P | `received` − `received_withdrawn` |
/// | `early` | `received_early` | as `on_time` |
/// | `late` | `received_late` + P | as `on_time` |
/// | `late_apologised` | `received_late_apologised` + P apologised | as `on_time` |
///
/// P is the number of open dossiers of the received cohort past due at the reference instant
/// (``OpenDossierIndex``): the period's end, or now while the period runs.
public enum IndicatorFormulas {
    /// The dossier-based indicators of a scope.
    /// - Parameters:
    ///   - sums: counters summed over the scope's units and the period's months.
    ///   - open: open dossiers of the period's received cohort past due at the reference instant.
    public static func dossierIndicators(_ sums: CounterSums, open: OpenPastDue) -> [IndicatorID: IndicatorValue] {
        typealias M = CounterProjection.Metric
        let received = sums[M.received]
        let finished = sums[M.finished]
        var values: [IndicatorID: IndicatorValue] = [:]
        func set(_ id: IndicatorID, _ numerator: Int, _ denominator: Int) {
            values[id] = IndicatorValue(id, numerator: numerator, denominator: denominator)
        }
        set(.dossiersFullOnline, sums[M.receivedFullOnline], received)
        set(.dossiersOnline, sums[M.receivedOnline], received)
        set(.digitisedAtReception, sums[M.receivedFullyElectronic], received)
        set(.reusedData, sums[M.receivedReused], received)
        set(.paidOnline, sums[M.paidOnline], sums[M.withFee])
        set(.processedFullyElectronic, sums[M.finishedFullyElectronic], finished)
        set(.resultsElectronic, sums[M.resultNative] + sums[M.resultDigitised], sums[M.finishedWithResult])
        set(.satisfaction, max(0, finished - sums[M.late] - sums[M.finishedDissatisfied]), finished)
        let timeliness = TimelinessParts(sums, open: open)
        set(.onTime, timeliness.inTime, timeliness.measured)
        set(.early, timeliness.early, timeliness.measured)
        set(.late, timeliness.late, timeliness.measured)
        set(.lateApologised, timeliness.lateApologised, timeliness.measured)
        return values
    }

    /// The received cohort split by timeliness at the reference instant: the parts of `on_time`.
    ///
    /// Every received dossier is exactly one of: finished early, finished on time, finished late,
    /// withdrawn, open (then in time or past due at the reference instant). Withdrawn dossiers have
    /// neither finished nor are open, so they are left out of the denominator rather than counted
    /// against the unit for the applicant's choice.
    public struct TimelinessParts: Sendable, Hashable {
        /// Dossiers received in the period.
        public var received: Int
        /// Of them, withdrawn by the applicant.
        public var withdrawn: Int
        /// Finished early.
        public var early: Int
        /// Finished on time.
        public var finishedOnTime: Int
        /// Finished late.
        public var finishedLate: Int
        /// Still open (neither finished nor withdrawn).
        public var open: Int
        /// Open and past due at the reference instant.
        public var openPastDue: Int
        /// Late (finished or open past due) after an apology letter.
        public var lateApologised: Int

        /// Splits the counters of a received cohort. Open past due is capped by the open count, so an
        /// index that is briefly ahead of the counters cannot make a share exceed 100%.
        public init(_ sums: CounterSums, open past: OpenPastDue) {
            typealias M = CounterProjection.Metric
            received = sums[M.received]
            withdrawn = sums[M.receivedWithdrawn]
            early = sums[M.receivedEarly]
            finishedOnTime = sums[M.receivedOnTime]
            finishedLate = sums[M.receivedLate]
            open = sums[M.receivedOpen]
            openPastDue = min(max(0, past.pastDue), open)
            lateApologised = sums[M.receivedLateApologised] + min(max(0, past.apologised), openPastDue)
        }

        /// The denominator: received dossiers, less those withdrawn.
        public var measured: Int { received - withdrawn }
        /// Finished early or on time, or open and not past due.
        public var inTime: Int { early + finishedOnTime + (open - openPastDue) }
        /// Finished late, or open and past due.
        public var late: Int { finishedLate + openPastDue }
    }

    /// `procedures_online` and `procedures_full_online` over the procedures in competence of a scope
    /// (see ``CatalogueScope``).
    public static func catalogueIndicators(_ procedures: [Procedure]) -> [IndicatorID: IndicatorValue] {
        var online = 0
        var eligible = 0
        var full = 0
        for procedure in procedures {
            if procedure.onlineLevel != .none { online += 1 }
            if procedure.fullOnlineEligible {
                eligible += 1
                if procedure.onlineLevel == .full { full += 1 }
            }
        }
        return [
            .proceduresOnline: IndicatorValue(.proceduresOnline, numerator: online, denominator: procedures.count),
            .proceduresFullOnline: IndicatorValue(.proceduresFullOnline, numerator: full, denominator: eligible),
        ]
    }

    /// The reception indicators by *receiving* unit (kpi.md: "reception indicators can also be shown by
    /// receiving unit"), from the `intake*` counters: `dossiers_online`, `digitised_at_reception`,
    /// `reused_data`.
    public static func receptionIndicators(_ sums: CounterSums) -> [IndicatorID: IndicatorValue] {
        typealias M = CounterProjection.Metric
        let intake = sums[M.intake]
        return [
            .dossiersOnline: IndicatorValue(.dossiersOnline, numerator: sums[M.intakeOnline], denominator: intake),
            .digitisedAtReception:
                IndicatorValue(.digitisedAtReception, numerator: sums[M.intakeFullyElectronic], denominator: intake),
            .reusedData: IndicatorValue(.reusedData, numerator: sums[M.intakeReused], denominator: intake),
        ]
    }

    /// The share of online services (procedures in competence offered full or partial online) that
    /// received at least one online dossier in the period: 766 component 3.2. `nil` when the sums are
    /// not broken down by procedure.
    public static func onlineServicesUsed(_ procedures: [Procedure], sums: CounterSums) -> Ratio? {
        guard sums.hasProcedures else { return nil }
        let services = Set(procedures.lazy.filter { $0.onlineLevel != .none }.map(\.code))
        let used = services.filter { sums.value(.receivedOnline, procedure: $0) > 0 }.count
        return Ratio(used, of: services.count)
    }
}
