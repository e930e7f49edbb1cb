import Foundation
import OneGateTestSupport
import Testing

@testable import OneGateCore

/// The counter projection: which (unit, procedure, month, metric) a dossier counts towards, at each
/// point of its life, and that the live deltas add up to the projection of the final row.
struct IndicatorCounterTests {
    typealias M = CounterProjection.Metric

    @Test func counterDossierFinishedEarlyCountsAtTheCompetentAndReceivingUnits() throws {
        var recorder = DossierRecorder(Fixtures.birthRegistration)
        try recorder.open(
            KPI.fresh(
                Fixtures.birthRegistration, receiving: Fixtures.centre,
                at: KPI.local("2026-03-02 10:00")))
        let opened = CounterProjection.contributions(
            of: try recorder.row, procedure: recorder.procedure,
            calendar: KPI.calendar)
        #expect(counter(opened, .receivedOpen, month: "2026-03") == 1)
        #expect(counter(opened, .finished, month: "2026-03") == 0)

        try recorder.processToResult(from: KPI.local("2026-03-02 10:00"))
        let rows = recorder.deltas
        for metric: M in [
            .received, .receivedCounter, .receivedFullyElectronic, .receivedEarly, .finished, .early,
            .finishedWithResult, .resultNative, .finishedFullyElectronic, .deliveredElectronic,
        ] {
            #expect(counter(rows, metric, month: "2026-03") == 1, "\(metric.rawValue)")
        }
        for metric: M in [
            .receivedOpen, .receivedOnline, .receivedFullOnline, .late, .receivedLate, .withFee,
            .resultDigitised, .finishedDissatisfied, .intake,
        ] {
            #expect(counter(rows, metric, month: "2026-03") == 0, "\(metric.rawValue)")
        }
        // Reception figures by receiving unit go to the service centre, not the commune.
        #expect(counter(rows, .intake, unit: Fixtures.centre, month: "2026-03") == 1)
        #expect(counter(rows, .intakeCounter, unit: Fixtures.centre, month: "2026-03") == 1)
        #expect(counter(rows, .intakeFullyElectronic, unit: Fixtures.centre, month: "2026-03") == 1)
        #expect(counter(rows, .received, unit: Fixtures.centre, month: "2026-03") == 0)
    }

    @Test func fullOnlineNeedsOnlineSubmissionFullProcedureAndElectronicOrPostalDelivery() throws {
        func fullOnline(_ procedure: Procedure, _ delivery: DeliveryChannel?, passProcedure: Bool = true) throws -> Int
        {
            var recorder = DossierRecorder(procedure)
            try recorder.open(KPI.fresh(procedure, channel: .online, at: KPI.local("2026-03-02 08:00")))
            try recorder.processToResult(from: KPI.local("2026-03-02 08:00"), deliver: delivery)
            let rows = CounterProjection.contributions(
                of: try recorder.row,
                procedure: passProcedure ? procedure : nil, calendar: KPI.calendar)
            return counter(rows, .receivedFullOnline, month: "2026-03")
        }
        #expect(try fullOnline(Fixtures.birthRegistration, .electronic) == 1)
        #expect(try fullOnline(Fixtures.birthRegistration, .post) == 1)
        #expect(try fullOnline(Fixtures.birthRegistration, .counter) == 0)
        #expect(try fullOnline(Fixtures.birthRegistration, nil) == 0, "not delivered yet")
        #expect(try fullOnline(Fixtures.birthRegistration, .electronic, passProcedure: false) == 0)
        var partial = Fixtures.birthRegistration
        partial.onlineLevel = .partial
        #expect(try fullOnline(partial, .electronic) == 0)
    }

    @Test func refusalAtTheOnlineCheckIsRefusedButNeitherReceivedNorFinished() throws {
        var recorder = DossierRecorder(Fixtures.birthRegistration)
        try recorder.open(KPI.fresh(Fixtures.birthRegistration, channel: .online, at: KPI.local("2026-03-02 08:00")))
        try recorder.apply(.refuse(reason: "Không thuộc thẩm quyền", redirect: nil), at: KPI.local("2026-03-02 09:00"))
        let rows = netCounters(recorder.deltas)
        #expect(counter(rows, .refused, month: "2026-03") == 1)
        #expect(counter(rows, .finished, month: "2026-03") == 0 && counter(rows, .received, month: "2026-03") == 0)
        #expect(rows.count == 1)
    }

    @Test func monthsAreLocalMonthsInUTCPlus7() throws {
        let lateJanuary = KPI.local("2026-01-31 23:30")
        #expect(Timestamp.format(lateJanuary) == "2026-01-31T16:30:00.000Z")
        #expect(MonthKey(of: lateJanuary, calendar: KPI.calendar).description == "2026-01")
        #expect(MonthKey(of: KPI.local("2026-02-01 00:10"), calendar: KPI.calendar).description == "2026-02")
        // 2025-12-31 17:30 UTC is already 1 January local.
        #expect(MonthKey(of: KPI.local("2026-01-01 00:30"), calendar: KPI.calendar).description == "2026-01")
        #expect(MonthKey(of: KPI.local("2025-12-31 23:30"), calendar: KPI.calendar).description == "2025-12")

        var recorder = DossierRecorder(Fixtures.birthRegistration)
        try recorder.open(KPI.fresh(Fixtures.birthRegistration, at: lateJanuary))
        #expect(counter(recorder.deltas, .received, month: "2026-01") == 1)
        #expect(counter(recorder.deltas, .received, month: "2026-02") == 0)
    }

    @Test func twoSupplementationRequestsMakeTheDossierLate() throws {
        var recorder = DossierRecorder(Fixtures.birthRegistration)
        try recorder.open(KPI.fresh(Fixtures.birthRegistration, at: KPI.local("2026-03-02 09:00")))
        let item = SupplementItem(requirement: "birth_notice", description: "Bản rõ hơn")
        try recorder.apply(.assign(officerID: "officer-specialist.a"), at: KPI.local("2026-03-02 10:00"))
        try recorder.apply(.requestSupplement(items: [item], reason: "Mờ"), at: KPI.local("2026-03-02 11:00"))
        try recorder.apply(.supplement(components: [], data: [:]), at: KPI.local("2026-03-02 14:00"))
        try recorder.apply(.requestSupplement(items: [item], reason: "Còn mờ"), at: KPI.local("2026-03-02 15:00"))
        try recorder.apply(.supplement(components: [], data: [:]), at: KPI.local("2026-03-02 16:00"))
        try recorder.processToResult(from: KPI.local("2026-03-03 08:00"), deliver: nil)
        let rows = recorder.deltas
        #expect(try recorder.row.timeliness == .late, "finished early by the clock, late by rule")
        #expect(counter(rows, .supplementRequests, month: "2026-03") == 2)
        #expect(counter(rows, .receivedSupplemented, month: "2026-03") == 1)
        #expect(counter(rows, .receivedMultipleSupplements, month: "2026-03") == 1)
        #expect(counter(rows, .receivedLate, month: "2026-03") == 1 && counter(rows, .late, month: "2026-03") == 1)
        #expect(counter(rows, .early, month: "2026-03") == 0)
    }

    @Test func extensionThenLateIsLateApologised() throws {
        var recorder = DossierRecorder(Fixtures.birthRegistration)
        try recorder.open(KPI.fresh(Fixtures.birthRegistration, at: KPI.local("2026-03-02 09:00")))
        #expect(try recorder.row.dueAt == KPI.local("2026-03-05 17:00"))
        try recorder.apply(.assign(officerID: "officer-specialist.a"), at: KPI.local("2026-03-02 10:00"))
        try recorder.apply(
            .extend(newDue: KPI.local("2026-03-10 17:00"), reason: "Xác minh"),
            at: KPI.local("2026-03-03 10:00"))
        try recorder.processToResult(from: KPI.local("2026-03-06 08:00"))
        let rows = recorder.deltas
        #expect(try recorder.row.timeliness == .late)
        #expect(counter(rows, .receivedExtended, month: "2026-03") == 1)
        #expect(counter(rows, .lateApologised, month: "2026-03") == 1)
        #expect(counter(rows, .receivedLateApologised, month: "2026-03") == 1)
    }

    @Test func withdrawalLeavesTheOpenCohortAndCountsWhereItHappened() throws {
        var recorder = DossierRecorder(Fixtures.birthRegistration)
        try recorder.open(KPI.fresh(Fixtures.birthRegistration, at: KPI.local("2026-03-31 16:00")))
        try recorder.apply(.assign(officerID: "officer-specialist.a"), at: KPI.local("2026-03-31 16:30"))
        try recorder.apply(.withdraw(reason: "Không cần nữa"), at: KPI.local("2026-04-01 09:00"))
        let rows = netCounters(recorder.deltas)
        #expect(counter(rows, .receivedWithdrawn, month: "2026-03") == 1)
        #expect(counter(rows, .receivedOpen, month: "2026-03") == 0)
        #expect(counter(rows, .withdrawn, month: "2026-04") == 1)
    }

    @Test func feesAndPaymentsCountInTheMonthOfReception() throws {
        var recorder = DossierRecorder(Fixtures.criminalRecord)
        try recorder.open(
            KPI.fresh(
                Fixtures.criminalRecord, channel: .online, unit: Fixtures.justice,
                at: KPI.local("2026-03-02 08:00")))
        try recorder.apply(.accept, at: KPI.local("2026-03-02 09:00"))
        try recorder.apply(.assign(officerID: "officer-specialist.justice"), at: KPI.local("2026-03-02 10:00"))
        try recorder.apply(.assessFee(amount: 200_000, reference: "PHI-1"), at: KPI.local("2026-03-02 11:00"))
        #expect(counter(recorder.deltas, .paidOnline, unit: Fixtures.justice, month: "2026-03") == 0)
        try recorder.apply(.pay(method: .online, reference: "TT-1"), at: KPI.local("2026-04-01 09:00"))
        let rows = recorder.deltas
        #expect(counter(rows, .withFee, unit: Fixtures.justice, month: "2026-03") == 1)
        #expect(counter(rows, .paidOnline, unit: Fixtures.justice, month: "2026-03") == 1)
        #expect(counter(rows, .paidOnline, unit: Fixtures.justice, month: "2026-04") == 0)
        #expect(counter(rows, .intakeOnline, unit: Fixtures.justice, month: "2026-03") == 1)
    }

    @Test func liveDeltasAddUpToTheProjectionOfTheFinalRow() throws {
        var recorder = DossierRecorder(Fixtures.birthRegistration)
        try recorder.open(KPI.fresh(Fixtures.birthRegistration, channel: .online, at: KPI.local("2026-03-31 16:00")))
        try recorder.processToResult(from: KPI.local("2026-03-31 16:00"), step: 6 * 3600)
        let final = CounterProjection.contributions(
            of: try recorder.row, procedure: recorder.procedure,
            calendar: KPI.calendar)
        #expect(netCounters(recorder.deltas) == netCounters(final))
        #expect(
            CounterProjection.totals(
                of: [try recorder.row], procedure: { _ in Fixtures.birthRegistration },
                calendar: KPI.calendar) == netCounters(final))
    }

    @Test func everyMetricNameIsStableSnakeCaseAndUnique() {
        let names = M.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "_" || $0.isNumber } })
        // Names already stored by earlier versions must never change.
        for name in [
            "received", "received_online", "received_counter", "received_post", "received_digitised",
            "received_reused", "finished", "early", "on_time", "late", "late_apologised", "refused", "withdrawn",
            "stopped", "supplement_requests", "paid_online", "with_fee",
        ] {
            #expect(M(rawValue: name) != nil, "\(name)")
        }
    }
}
