import Foundation
import Testing

@testable import OneGateCore

/// The eight worked examples of calendar.md, with their times in UTC+7.
@Suite("calendar.md worked examples")
struct CalendarWorkedExampleTests {
    typealias F = CalendarFixtures

    @Test("1: 3 working days from Mon 2026-03-02 10:00 → Thu 2026-03-05 17:00")
    func example1() throws {
        let calendar = try F.vietnam()
        let due = calendar.due(for: TimeLimit(amount: 3, unit: .workingDays), from: F.vn(2026, 3, 2, 10))
        #expect(due.due == F.vn(2026, 3, 5, 17))
        #expect(due.skippedDays.isEmpty)
    }

    @Test("2: 5 working days from Fri 2026-02-13 10:00 across Tết → Fri 2026-02-27 17:00")
    func example2() throws {
        let calendar = try F.vietnam()
        let due = calendar.due(for: try TimeLimit(parsing: "5 working_days"), from: F.vn(2026, 2, 13, 10))
        #expect(due.due == F.vn(2026, 2, 27, 17))
        #expect(due.dueLocal == LocalMoment(date: F.day(2026, 2, 27), minute: 17 * 60))
        #expect(due.startLocal == LocalMoment(date: F.day(2026, 2, 13), minute: 10 * 60))
        #expect(due.skippedDays.map(\.date) == (14...22).map { F.day(2026, 2, $0) })
    }

    @Test("2: the explanation names 14–22 Feb with their reasons, in both languages")
    func example2Explanation() throws {
        let calendar = try F.vietnam()
        let due = calendar.due(for: TimeLimit(amount: 5, unit: .workingDays), from: F.vn(2026, 2, 13, 10))
        let reasons = due.skippedDays.map(\.reasonVi)
        #expect(
            reasons == [
                "Nghỉ cuối tuần (Thứ Bảy)", "Nghỉ cuối tuần (Chủ nhật)", "Tết Nguyên đán", "Tết Nguyên đán",
                "Tết Nguyên đán", "Tết Nguyên đán", "Tết Nguyên đán", "Nghỉ cuối tuần (Thứ Bảy)",
                "Nghỉ cuối tuần (Chủ nhật)",
            ])
        #expect(due.skippedDays[0].reason == .weekend(.saturday))
        #expect(due.skippedDays[2].reasonEn == "Lunar New Year (Tết)")
        if case .holiday(let holiday) = due.skippedDays[4].reason {
            #expect(holiday.kind == .publicHoliday && holiday.date == F.day(2026, 2, 18))
        } else {
            Issue.record("18 Feb should be skipped as a holiday")
        }

        let vi = due.render(language: .vi)
        #expect(vi.contains("Thời hạn: 5 ngày làm việc"))
        #expect(vi.contains("- Thứ Bảy, 14/02/2026: Nghỉ cuối tuần (Thứ Bảy)"))
        #expect(vi.contains("- Thứ Hai, 16/02/2026: Tết Nguyên đán"))
        #expect(vi.contains("- Chủ nhật, 22/02/2026: Nghỉ cuối tuần (Chủ nhật)"))
        #expect(vi.contains("Hạn: 17:00 Thứ Sáu, 27/02/2026"))
        #expect(vi.contains("không tính ngày tiếp nhận"))

        let en = due.render(language: .en)
        #expect(en.contains("Time limit: 5 working days"))
        #expect(en.contains("- Fri 2026-02-20: Lunar New Year (Tết)"))
        #expect(en.contains("- Sat 2026-02-21: Weekend (Saturday)"))
        #expect(en.contains("Due: Fri 2026-02-27 17:00 (Asia/Ho_Chi_Minh)"))
        #expect(en.contains("Days not counted (9):"))
        #expect(due.steps.last == "Due at the close of office hours (17:00) of working day 5: Fri 2026-02-27.")
        #expect(due.steps(in: .vi) == due.stepsVi)
    }

    @Test("3: same day, received Wed 2026-03-04 14:30 → Wed 2026-03-04 17:00")
    func example3() throws {
        let calendar = try F.vietnam()
        let due = calendar.due(for: try TimeLimit(parsing: "same_day"), from: F.vn(2026, 3, 4, 14, 30))
        #expect(due.due == F.vn(2026, 3, 4, 17))
    }

    @Test("4: same day, received Wed 2026-03-04 15:30 (after the cut-off) → Thu 2026-03-05 17:00")
    func example4() throws {
        let calendar = try F.vietnam()
        let due = calendar.due(for: TimeLimit(amount: 1, unit: .sameDay), from: F.vn(2026, 3, 4, 15, 30))
        #expect(due.due == F.vn(2026, 3, 5, 17))
        #expect(due.steps.first?.contains("cut-off (15:00)") == true)
    }

    @Test("5: 8 working hours from Fri 2026-04-24 16:00, Mon 27 Apr off for Hùng Kings → Tue 2026-04-28 16:00")
    func example5() throws {
        let calendar = try F.vietnam()
        let submitted = F.vn(2026, 4, 24, 16)
        let due = calendar.due(for: try TimeLimit(parsing: "8 working_hours"), from: submitted)
        #expect(due.due == F.vn(2026, 4, 28, 16))
        #expect(due.skippedDays.map(\.date) == [F.day(2026, 4, 25), F.day(2026, 4, 26), F.day(2026, 4, 27)])
        #expect(
            due.skippedDays.map(\.reasonVi) == [
                "Nghỉ cuối tuần (Thứ Bảy)", "Giỗ Tổ Hùng Vương", "Nghỉ bù Giỗ Tổ Hùng Vương",
            ])
        // The online reception check is this very limit by default.
        let check = calendar.due(for: calendar.configuration.onlineReceptionCheck, from: submitted)
        #expect(check.due == F.vn(2026, 4, 28, 16))
    }

    @Test("6: 10 working days from Mon 2026-03-02 09:00 → Mon 2026-03-16 17:00")
    func example6() throws {
        let calendar = try F.vietnam()
        let due = calendar.due(for: TimeLimit(amount: 10, unit: .workingDays), from: F.vn(2026, 3, 2, 9))
        #expect(due.due == F.vn(2026, 3, 16, 17))
        #expect(due.skippedDays.count == 4)
    }

    @Test("7: example 6 paused Wed 03-04 11:00 → Mon 03-09 15:00 (1,620 office minutes) → Fri 2026-03-20 11:00")
    func example7() throws {
        let calendar = try F.vietnam()
        let due = calendar.due(for: TimeLimit(amount: 10, unit: .workingDays), from: F.vn(2026, 3, 2, 9)).due
        let pausedFrom = F.vn(2026, 3, 4, 11)
        let resumedAt = F.vn(2026, 3, 9, 15)
        #expect(calendar.officeMinutes(from: pausedFrom, to: resumedAt) == 1620)
        #expect(calendar.resumed(due: due, pausedFrom: pausedFrom, resumedAt: resumedAt) == F.vn(2026, 3, 20, 11))
    }

    @Test("8: 30 calendar days from Fri 2026-04-03 10:00, day 30 is Sun 3 May → Mon 2026-05-04 17:00")
    func example8() throws {
        let calendar = try F.vietnam()
        let due = calendar.due(for: try TimeLimit(parsing: "30 calendar_days"), from: F.vn(2026, 4, 3, 10))
        #expect(due.due == F.vn(2026, 5, 4, 17))
        #expect(due.skippedDays.map(\.date) == [F.day(2026, 5, 3)])
        #expect(due.steps.contains("Calendar day 30 is Sun 2026-05-03."))
        #expect(due.render(language: .vi).contains("Ngày thứ 30 là Chủ nhật, 03/05/2026."))
    }
}
