import Foundation
import Testing

@testable import OneGateCore

@Suite("Yearly overrides (government decisions)")
struct CalendarOverrideTests {
    typealias F = CalendarFixtures

    func calendar(_ overrides: YearOverrides...) throws -> WorkingCalendar {
        try WorkingCalendar(configuration: CalendarConfiguration(overrides: overrides))
    }

    @Test("An extra day off is listed, is not a working day, and moves a due date")
    func extraDayOff() throws {
        let extra = ExtraDayOff(date: F.day(2026, 3, 3), nameVi: "Nghỉ theo quyết định", nameEn: "Declared day off")
        let calendar = try calendar(YearOverrides(year: 2026, source: "test", extraDaysOff: [extra]))
        let listed = Holiday(
            date: F.day(2026, 3, 3), nameVi: "Nghỉ theo quyết định", nameEn: "Declared day off", kind: .extraDayOff)
        #expect(calendar.holidays(in: 2026).contains(listed))
        #expect(!calendar.isWorkingDay(F.day(2026, 3, 3)))
        #expect(calendar.nonWorkingReason(F.day(2026, 3, 3))?.text(in: .vi) == "Nghỉ theo quyết định")
        // Example 1 moves from Thursday to Friday.
        let due = calendar.due(for: TimeLimit(amount: 3, unit: .workingDays), from: F.vn(2026, 3, 2, 10))
        #expect(due.due == F.vn(2026, 3, 6, 17))
        #expect(due.skippedDays.map(\.reasonEn) == ["Declared day off"])
    }

    @Test("A cancelled day off becomes a working day again")
    func cancelled() throws {
        let calendar = try calendar(YearOverrides(year: 2026, cancelledDaysOff: [F.day(2026, 4, 27)]))
        #expect(calendar.isWorkingDay(F.day(2026, 4, 27)))
        #expect(!calendar.holidays(in: 2026).contains { $0.date == F.day(2026, 4, 27) })
        // Example 5 now ends on Monday.
        let due = calendar.due(for: TimeLimit(amount: 8, unit: .workingHours), from: F.vn(2026, 4, 24, 16))
        #expect(due.due == F.vn(2026, 4, 27, 16))
    }

    @Test("A make-up Saturday is a working day and counts")
    func makeUpSaturday() throws {
        let calendar = try calendar(YearOverrides(year: 2026, makeUpWorkingDays: [F.day(2026, 3, 7)]))
        #expect(calendar.isWorkingDay(F.day(2026, 3, 7)))
        #expect(calendar.nonWorkingReason(F.day(2026, 3, 7)) == nil)
        // Example 6 gains a day: Friday 13 instead of Monday 16.
        let due = calendar.due(for: TimeLimit(amount: 10, unit: .workingDays), from: F.vn(2026, 3, 2, 9))
        #expect(due.due == F.vn(2026, 3, 13, 17))
        #expect(calendar.officeMinutes(from: F.vn(2026, 3, 6, 16), to: F.vn(2026, 3, 9, 9)) == 60 + 480 + 60)
    }

    @Test("A swap of a weekday off against a make-up Saturday, as the government decides each year")
    func swap() throws {
        let bridge = ExtraDayOff(date: F.day(2027, 9, 1), nameVi: "Nghỉ hoán đổi", nameEn: "Swapped day off")
        let calendar = try calendar(
            YearOverrides(year: 2027, extraDaysOff: [bridge], makeUpWorkingDays: [F.day(2027, 9, 11)]))
        #expect(!calendar.isWorkingDay(F.day(2027, 9, 1)))
        #expect(calendar.isWorkingDay(F.day(2027, 9, 11)))
        #expect(calendar.nextWorkingDay(after: F.day(2027, 8, 31)) == F.day(2027, 9, 6))
    }

    @Test("A make-up day on a rule holiday wins over the rule")
    func makeUpOnHoliday() throws {
        let calendar = try calendar(YearOverrides(year: 2026, makeUpWorkingDays: [F.day(2026, 9, 1)]))
        #expect(calendar.isWorkingDay(F.day(2026, 9, 1)))
        #expect(!calendar.holidays(in: 2026).contains { $0.date == F.day(2026, 9, 1) })
    }

    @Test("An extra day off on a rule holiday keeps the rule's name")
    func extraOnHoliday() throws {
        let extra = ExtraDayOff(date: F.day(2026, 2, 17), nameVi: "Nghỉ Tết", nameEn: "Tết break")
        let calendar = try calendar(YearOverrides(year: 2026, extraDaysOff: [extra, extra]))
        #expect(calendar.holidays(in: 2026) == HolidayRules().holidays(in: 2026))
    }

    @Test("Overrides for a year outside the precomputed range apply too, and dates apply on their own year")
    func farYearAndCrossYear() throws {
        let extra = ExtraDayOff(date: F.day(2070, 3, 4), nameVi: "Nghỉ", nameEn: "Off")
        let newYearEve = ExtraDayOff(date: F.day(2026, 12, 31), nameVi: "Nghỉ Tết Dương lịch", nameEn: "New Year break")
        let calendar = try calendar(
            YearOverrides(year: 2070, extraDaysOff: [extra]), YearOverrides(year: 2027, extraDaysOff: [newYearEve]))
        #expect(!calendar.isWorkingDay(F.day(2070, 3, 4)))
        #expect(!calendar.isWorkingDay(F.day(2026, 12, 31)))
        #expect(calendar.holidays(in: 2026).last?.nameEn == "New Year break")
    }

    @Test("Contradictory or pointless overrides are refused when the calendar is made")
    func invalid() {
        let extra = ExtraDayOff(date: F.day(2026, 3, 3), nameVi: "Nghỉ", nameEn: "Off")
        #expect(throws: CalendarError.invalidOverride("2026-03-04 is cancelled but is not a day off under the rules")) {
            try calendar(YearOverrides(year: 2026, cancelledDaysOff: [F.day(2026, 3, 4)]))
        }
        let pointless = "2026-03-04 is a make-up working day but is a working day already"
        #expect(throws: CalendarError.invalidOverride(pointless)) {
            try calendar(YearOverrides(year: 2026, makeUpWorkingDays: [F.day(2026, 3, 4)]))
        }
        #expect(throws: CalendarError.invalidOverride("2026-03-03 is listed with two contradictory meanings")) {
            try calendar(
                YearOverrides(year: 2026, extraDaysOff: [extra]),
                YearOverrides(year: 2026, makeUpWorkingDays: [F.day(2026, 3, 3)]))
        }
        #expect(throws: CalendarError.invalidDate("2026-02-30 in the overrides of 2026")) {
            try calendar(YearOverrides(year: 2026, makeUpWorkingDays: [F.day(2026, 2, 30)]))
        }
    }

    @Test("The documented JSON example decodes, with omitted keys defaulted, and changes the result")
    func json() throws {
        let text = """
            {
              "overrides": [
                {
                  "year": 2027,
                  "source": "Ví dụ: thông báo của Bộ Nội vụ về lịch nghỉ Tết 2027",
                  "extraDaysOff": [
                    { "date": "2027-02-12", "nameVi": "Nghỉ Tết Nguyên đán (hoán đổi)",
                      "nameEn": "Lunar New Year break (swapped)" }
                  ],
                  "makeUpWorkingDays": ["2027-02-20"]
                }
              ]
            }
            """
        let configuration = try JSONDecoder().decode(CalendarConfiguration.self, from: Data(text.utf8))
        #expect(configuration.timeZoneIdentifier == "Asia/Ho_Chi_Minh")
        #expect(configuration.officeHours == CalendarConfiguration.defaultOfficeHours)
        #expect(configuration.overrides.first?.cancelledDaysOff == [])
        let calendar = try WorkingCalendar(configuration: configuration)
        let plain = try F.vietnam()
        let start = F.vn(2027, 2, 1, 9)
        let limit = TimeLimit(amount: 5, unit: .workingDays)
        // Tết 2027 is 5–9 Feb with a Saturday and a Sunday, paid back on 10 and 11 Feb; the example adds
        // Fri 12 Feb, so the fifth working day moves from Mon 15 to Tue 16 Feb.
        #expect(plain.due(for: limit, from: start).due == F.vn(2027, 2, 15, 17))
        #expect(calendar.due(for: limit, from: start).due == F.vn(2027, 2, 16, 17))
        #expect(calendar.isWorkingDay(F.day(2027, 2, 20)))
        #expect(calendar.due(for: TimeLimit(amount: 9, unit: .workingDays), from: start).due == F.vn(2027, 2, 20, 17))
    }
}
