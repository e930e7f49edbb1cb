import Foundation
import Testing

@testable import OneGateCore

/// Periods resolve to local months (UTC+7) and their bounds as instants.
struct IndicatorPeriodTests {
    let calendar = KPI.calendar

    @Test func aMonthStartsAtLocalMidnight() throws {
        let january = try ReportPeriod.month(year: 2026, month: 1).resolve(in: calendar)
        #expect(january.periodKeys == ["2026-01"])
        #expect(Timestamp.format(january.start) == "2025-12-31T17:00:00.000Z")
        #expect(Timestamp.format(january.end) == "2026-01-31T17:00:00.000Z")
        #expect(january.receptionRange.contains(KPI.local("2026-01-31 23:30")))
        #expect(!january.receptionRange.contains(KPI.local("2026-02-01 00:00")))
        #expect(!january.isWidened)
    }

    @Test func quartersAndYears() throws {
        #expect(
            try ReportPeriod.quarter(year: 2025, quarter: 4).resolve(in: calendar).periodKeys
                == ["2025-10", "2025-11", "2025-12"])
        let year = try ReportPeriod.year(2026).resolve(in: calendar)
        #expect(year.periodKeys.count == 12 && year.periodKeys.first == "2026-01" && year.periodKeys.last == "2026-12")
        #expect(year.firstDay == LocalDate(year: 2026, month: 1, day: 1))
        #expect(year.lastDay == LocalDate(year: 2026, month: 12, day: 31))
        // The year boundary: 23:30 on 31 December local is in the old year.
        #expect(!year.receptionRange.contains(KPI.local("2025-12-31 23:30")))
        #expect(year.receptionRange.contains(KPI.local("2026-01-01 00:00")))
    }

    @Test func rangesAreWidenedToWholeMonths() throws {
        let mid = try ReportPeriod.range(
            from: LocalDate(year: 2026, month: 3, day: 10),
            to: LocalDate(year: 2026, month: 3, day: 20)
        ).resolve(in: calendar)
        #expect(mid.periodKeys == ["2026-03"] && mid.isWidened)
        #expect(
            mid.firstDay == LocalDate(year: 2026, month: 3, day: 1)
                && mid.lastDay == LocalDate(year: 2026, month: 3, day: 31))
        #expect(mid.requestedFrom == LocalDate(year: 2026, month: 3, day: 10))
        let across = try ReportPeriod.range(
            from: LocalDate(year: 2025, month: 12, day: 31),
            to: LocalDate(year: 2026, month: 1, day: 1)
        ).resolve(in: calendar)
        #expect(across.periodKeys == ["2025-12", "2026-01"])
        let whole = try ReportPeriod.range(
            from: LocalDate(year: 2026, month: 2, day: 1),
            to: LocalDate(year: 2026, month: 2, day: 28)
        ).resolve(in: calendar)
        #expect(!whole.isWidened)
    }

    @Test func invalidPeriodsAreRefused() {
        let invalid: [ReportPeriod] = [
            .month(year: 2026, month: 13), .month(year: 2026, month: 0), .quarter(year: 2026, quarter: 5),
            .range(from: LocalDate(year: 2026, month: 3, day: 2), to: LocalDate(year: 2026, month: 3, day: 1)),
            .range(from: LocalDate(year: 2026, month: 2, day: 30), to: LocalDate(year: 2026, month: 3, day: 1)),
            .range(from: LocalDate(year: 2000, month: 1, day: 1), to: LocalDate(year: 2026, month: 1, day: 1)),
        ]
        for period in invalid {
            #expect(throws: OneGateError.self, "\(period)") { try period.resolve(in: calendar) }
        }
    }

    @Test func precedingPeriodsForTrends() {
        #expect(
            ReportPeriod.month(year: 2026, month: 1).preceding(2)
                == [.month(year: 2025, month: 11), .month(year: 2025, month: 12)])
        #expect(ReportPeriod.quarter(year: 2026, quarter: 1).preceding(1) == [.quarter(year: 2025, quarter: 4)])
        #expect(ReportPeriod.year(2026).preceding(1) == [.year(2025)])
        #expect(
            ReportPeriod.range(
                from: LocalDate(year: 2026, month: 3, day: 31), to: LocalDate(year: 2026, month: 4, day: 15)
            )
            .shifted(by: -1)
                == .range(
                    from: LocalDate(year: 2026, month: 1, day: 31),
                    to: LocalDate(year: 2026, month: 2, day: 15)))
        #expect(ReportPeriod.month(year: 2026, month: 1).preceding(0).isEmpty)
    }

    @Test func referenceInstantIsTheEndOrNow() throws {
        let march = try ReportPeriod.month(year: 2026, month: 3).resolve(in: calendar)
        let during = KPI.local("2026-03-15 10:00")
        #expect(march.referenceInstant(now: during) == during)
        #expect(march.referenceInstant(now: KPI.local("2026-05-01 10:00")) == KPI.local("2026-04-01 00:00"))
    }

    @Test func monthKeys() {
        #expect(MonthKey(string: "2026-01")?.adding(months: -1).description == "2025-12")
        #expect(MonthKey(string: "2026-13") == nil && MonthKey(string: "26-01") == nil)
        #expect(MonthKey(year: 2026, month: 14) == MonthKey(year: 2027, month: 2))
        #expect(MonthKey(year: 2026, month: 0) == MonthKey(year: 2025, month: 12))
    }
}
