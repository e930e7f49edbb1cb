import Foundation

/// The indicator counters a dossier contributes to, as a pure function of the dossier row and of the
/// procedure version it was received under. A transition's deltas are `contributions(after) -
/// contributions(before)`, so live counters and a rebuild from events agree by construction.
///
/// Every counter is keyed by (unit, procedure code, month `YYYY-MM` in the instance time zone, metric).
/// Which month and which unit depend on the metric's family (see ``Metric``); `docs/indicators.md`
/// lists every metric with the indicators that read it.
public enum CounterProjection {
    /// Metric names, stable (stored and exposed). Never rename one: add a new metric instead.
    ///
    /// Families, by the month and unit they are counted at:
    /// - `received*`, `with_fee`, `paid_*`, `supplement_requests`: the month of valid reception, at the
    ///   competent unit. The dossier's current row decides, so these move while it is processed (a
    ///   received dossier that finishes late moves from `received_open` to `received_late` of its
    ///   reception month): they describe the cohort received in a month, as it stands now.
    /// - `finished`, `early`, `on_time`, `late`, `late_apologised`, `refused`, `stopped`, `finished_*`,
    ///   `result_*`, `delivered_*`: the month processing ended (calendar.md), at the competent unit.
    /// - `withdrawn`: the month of withdrawal, at the competent unit.
    /// - `intake*`: the month of valid reception, at the *receiving* unit (reception figures by the
    ///   service centre or commune that received the dossier).
    public enum Metric: String, Sendable, CaseIterable {
        // MARK: Received cohort (month of reception, competent unit)
        /// Dossiers validly received.
        case received
        /// Received through the online channel.
        case receivedOnline = "received_online"
        /// Received at a counter (including assisted dossiers).
        case receivedCounter = "received_counter"
        /// Received by post.
        case receivedPost = "received_post"
        /// Filled at a digital point by an officer for the applicant.
        case receivedAssisted = "received_assisted"
        /// Every component is an electronic document (submitted electronically or scanned and checked).
        case receivedFullyElectronic = "received_digitised"
        /// At least one component taken from the applicant's vault, an earlier result or a registry.
        case receivedReused = "received_reused"
        /// Submitted online for a procedure offered as full online service, and the result delivered
        /// electronically or by post (so only once delivered). Needs the procedure version.
        case receivedFullOnline = "received_full_online"
        /// A non-zero fee is due (from the procedure, or assessed during processing).
        case withFee = "with_fee"
        /// The fee was paid online.
        case paidOnline = "paid_online"
        /// The fee was paid at a counter.
        case paidCounter = "paid_counter"
        /// The number of supplementation requests made during processing (a sum, not a dossier count).
        case supplementRequests = "supplement_requests"
        /// Dossiers with at least one supplementation request during processing.
        case receivedSupplemented = "received_supplemented"
        /// Dossiers with more than one supplementation request during processing (late by rule).
        case receivedMultipleSupplements = "received_multiple_supplements"
        /// Dossiers whose appointment was extended with an apology letter.
        case receivedExtended = "received_extended"
        /// Received dossiers that have finished early.
        case receivedEarly = "received_early"
        /// Received dossiers that have finished on time.
        case receivedOnTime = "received_on_time"
        /// Received dossiers that have finished late.
        case receivedLate = "received_late"
        /// Received dossiers that have finished late after an apology letter.
        case receivedLateApologised = "received_late_apologised"
        /// Received dossiers the applicant has withdrawn.
        case receivedWithdrawn = "received_withdrawn"
        /// Received dossiers still open (neither finished nor withdrawn).
        case receivedOpen = "received_open"

        // MARK: Finished (month processing ended, competent unit)
        /// Received dossiers whose processing has ended (processed, refused or stopped).
        case finished
        case early
        case onTime = "on_time"
        case late
        /// Finished late after an apology letter (extension).
        case lateApologised = "late_apologised"
        /// Refused, at reception or later (also counts refusals at the online reception check, which
        /// were never received and so are not `finished`).
        case refused
        case stopped
        /// Finished with an issued result (a numbered, signed decision, granted or refused).
        case finishedWithResult = "finished_with_result"
        /// The result is a native electronic result, signed in OneGate.
        case resultNative = "result_native"
        /// The result is a paper result digitised afterwards. No source yet: always 0 (see docs).
        case resultDigitised = "result_digitised"
        /// Every component electronic or digitised, every step signed in the system, native e-result.
        case finishedFullyElectronic = "finished_fully_electronic"
        /// The result was delivered electronically (vault and account).
        case deliveredElectronic = "delivered_electronic"
        /// The result was delivered by post.
        case deliveredPost = "delivered_post"
        /// The result was handed over at a counter.
        case deliveredCounter = "delivered_counter"
        /// Finished dossiers with a complaint. No source yet: always 0 (see docs).
        case finishedComplaint = "finished_complaint"
        /// Finished dossiers with a negative evaluation. No source yet: always 0 (see docs).
        case finishedNegativeEvaluation = "finished_negative_evaluation"
        /// Finished dossiers with a complaint or a negative evaluation (the union, for `satisfaction`).
        /// No source yet: always 0 (see docs).
        case finishedDissatisfied = "finished_dissatisfied"

        // MARK: Withdrawn (month of withdrawal, competent unit)
        case withdrawn

        // MARK: Intake (month of reception, receiving unit)
        /// Dossiers validly received by this unit (whatever the competent unit).
        case intake
        case intakeOnline = "intake_online"
        case intakeCounter = "intake_counter"
        case intakePost = "intake_post"
        case intakeAssisted = "intake_assisted"
        case intakeFullyElectronic = "intake_digitised"
        case intakeReused = "intake_reused"
    }

    /// Every (unit, procedure, month, metric) a dossier in this state counts towards.
    ///
    /// - Parameter procedure: the procedure version the dossier was received under. Only
    ///   `received_full_online` needs it (the online level is the procedure's, not the dossier's); with
    ///   `nil`, or a procedure of another code, that metric is not counted.
    public static func contributions(
        of dossier: Dossier?, procedure: Procedure?, calendar: WorkingCalendar
    ) -> [CounterDelta] {
        guard let dossier else { return [] }
        var result: [CounterDelta] = []
        func add(_ metric: Metric, at instant: Date, _ value: Int = 1, unit: String? = nil) {
            result.append(
                CounterDelta(
                    unit: unit ?? dossier.competentUnit, procedure: dossier.procedureCode,
                    period: MonthKey(of: instant, calendar: calendar).description, metric: metric.rawValue, delta: value
                ))
        }
        // Vacuously true for a procedure without documents: nothing of it is on paper.
        let allElectronic = dossier.components.allSatisfy(\.isElectronic)
        let reused = dossier.components.contains(where: \.reused)
        let resultNative = dossier.resultNumber != nil
        if let received = dossier.receivedAt {
            add(.received, at: received)
            switch dossier.channel {
            case .online: add(.receivedOnline, at: received)
            case .counter: add(.receivedCounter, at: received)
            case .post: add(.receivedPost, at: received)
            }
            if dossier.assisted { add(.receivedAssisted, at: received) }
            if allElectronic { add(.receivedFullyElectronic, at: received) }
            if reused { add(.receivedReused, at: received) }
            if let procedure, procedure.code == dossier.procedureCode, procedure.onlineLevel == .full,
                dossier.channel == .online, dossier.deliveryState == .electronic || dossier.deliveryState == .post
            {
                add(.receivedFullOnline, at: received)
            }
            if dossier.feeAmount > 0 { add(.withFee, at: received) }
            if dossier.paymentState == .paidOnline { add(.paidOnline, at: received) }
            if dossier.paymentState == .paidAtCounter { add(.paidCounter, at: received) }
            if dossier.supplementRequests > 0 {
                add(.supplementRequests, at: received, dossier.supplementRequests)
                add(.receivedSupplemented, at: received)
            }
            if dossier.supplementRequests > 1 { add(.receivedMultipleSupplements, at: received) }
            if dossier.extended { add(.receivedExtended, at: received) }
            if dossier.finishedAt != nil {
                switch dossier.timeliness {
                case .early: add(.receivedEarly, at: received)
                case .onTime: add(.receivedOnTime, at: received)
                case .late:
                    add(.receivedLate, at: received)
                    if dossier.extended { add(.receivedLateApologised, at: received) }
                case nil: break
                }
            } else if dossier.state == .withdrawn {
                add(.receivedWithdrawn, at: received)
            } else {
                add(.receivedOpen, at: received)
            }
            let desk = dossier.receivingUnit
            add(.intake, at: received, unit: desk)
            switch dossier.channel {
            case .online: add(.intakeOnline, at: received, unit: desk)
            case .counter: add(.intakeCounter, at: received, unit: desk)
            case .post: add(.intakePost, at: received, unit: desk)
            }
            if dossier.assisted { add(.intakeAssisted, at: received, unit: desk) }
            if allElectronic { add(.intakeFullyElectronic, at: received, unit: desk) }
            if reused { add(.intakeReused, at: received, unit: desk) }
        }
        if let finished = dossier.finishedAt {
            // A refusal at the online reception check ends a dossier that was never received: it is
            // counted as refused, but it is not a finished dossier of any indicator.
            if dossier.receivedAt != nil {
                add(.finished, at: finished)
                switch dossier.timeliness {
                case .early: add(.early, at: finished)
                case .onTime: add(.onTime, at: finished)
                case .late:
                    add(.late, at: finished)
                    if dossier.extended { add(.lateApologised, at: finished) }
                case nil: break
                }
                if dossier.resultNumber != nil { add(.finishedWithResult, at: finished) }
                // Results are numbered, signed and sealed in OneGate (issue event), so an issued result
                // is a native electronic one; `result_digitised` waits for a result-medium field.
                if resultNative { add(.resultNative, at: finished) }
                // "Every step signed in the system" holds by construction: each transition is a signed event.
                if allElectronic && resultNative { add(.finishedFullyElectronic, at: finished) }
                switch dossier.deliveryState {
                case .electronic: add(.deliveredElectronic, at: finished)
                case .post: add(.deliveredPost, at: finished)
                case .counter: add(.deliveredCounter, at: finished)
                case .pending: break
                }
            }
            if dossier.state == .refused { add(.refused, at: finished) }
            if dossier.state == .stopped { add(.stopped, at: finished) }
        }
        if dossier.state == .withdrawn { add(.withdrawn, at: dossier.updatedAt) }
        return result
    }

    /// The deltas that move the counters from `before` to `after`, with zero deltas dropped.
    ///
    /// - Parameter procedure: the procedure version the dossier was received under (see
    ///   ``contributions(of:procedure:calendar:)``); both rows share it, since a dossier never changes version.
    public static func deltas(
        from before: Dossier?, to after: Dossier, procedure: Procedure?, calendar: WorkingCalendar
    ) -> [CounterDelta] {
        var sums: [CounterKey: Int] = [:]
        for delta in contributions(of: after, procedure: procedure, calendar: calendar) {
            sums[CounterKey(delta), default: 0] += delta.delta
        }
        for delta in contributions(of: before, procedure: procedure, calendar: calendar) {
            sums[CounterKey(delta), default: 0] -= delta.delta
        }
        return CounterKey.deltas(sums)
    }

    /// The counters of many dossiers summed by key, zero sums dropped: what a rebuild from the dossier
    /// rows (or from their events, through ``DossierReplay``) writes into an empty counter table.
    public static func totals(
        of dossiers: [Dossier], procedure: (Dossier) -> Procedure?, calendar: WorkingCalendar
    ) -> [CounterDelta] {
        var sums: [CounterKey: Int] = [:]
        for dossier in dossiers {
            for delta in contributions(of: dossier, procedure: procedure(dossier), calendar: calendar) {
                sums[CounterKey(delta), default: 0] += delta.delta
            }
        }
        return CounterKey.deltas(sums)
    }
}

/// The identity of one counter row.
struct CounterKey: Hashable {
    let unit, procedure, period, metric: String

    init(_ delta: CounterDelta) {
        unit = delta.unit
        procedure = delta.procedure
        period = delta.period
        metric = delta.metric
    }

    /// Non-zero sums as deltas, in a stable order.
    static func deltas(_ sums: [CounterKey: Int]) -> [CounterDelta] {
        sums.filter { $0.value != 0 }
            .map {
                CounterDelta(
                    unit: $0.key.unit, procedure: $0.key.procedure, period: $0.key.period,
                    metric: $0.key.metric, delta: $0.value)
            }
            .sorted { ($0.unit, $0.procedure, $0.period, $0.metric) < ($1.unit, $1.procedure, $1.period, $1.metric) }
    }
}
