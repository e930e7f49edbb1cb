import Testing

@testable import OneGateCore

@Suite("Public holidays and compensatory days")
struct CalendarHolidayTests {
    typealias F = CalendarFixtures

    @Test("holidays(in: 2026) lists Art. 112 days and the compensatory Monday after Hùng Kings' Sunday")
    func holidays2026() throws {
        let calendar = try F.vietnam()
        let listed = calendar.holidays(in: 2026).map { "\($0.date) \($0.kind.rawValue) \($0.nameVi)" }
        #expect(
            listed == [
                "2026-01-01 public_holiday Tết Dương lịch",
                "2026-02-16 public_holiday Tết Nguyên đán",
                "2026-02-17 public_holiday Tết Nguyên đán",
                "2026-02-18 public_holiday Tết Nguyên đán",
                "2026-02-19 public_holiday Tết Nguyên đán",
                "2026-02-20 public_holiday Tết Nguyên đán",
                "2026-04-26 public_holiday Giỗ Tổ Hùng Vương",
                "2026-04-27 compensatory Nghỉ bù Giỗ Tổ Hùng Vương",
                "2026-04-30 public_holiday Ngày Giải phóng miền Nam, thống nhất đất nước",
                "2026-05-01 public_holiday Ngày Quốc tế Lao động",
                "2026-09-01 public_holiday Quốc khánh",
                "2026-09-02 public_holiday Quốc khánh",
            ])
        let english = calendar.holidays(in: 2026).map(\.nameEn)
        #expect(english.contains("Hùng Kings' Commemoration Day"))
        #expect(english.contains("Compensatory day off for Hùng Kings' Commemoration Day"))
    }

    @Test("Compensatory day 2026-04-27 is not a working day, with its reason")
    func compensatory2026() throws {
        let calendar = try F.vietnam()
        #expect(!calendar.isWorkingDay(F.day(2026, 4, 27)))
        #expect(calendar.nonWorkingReason(F.day(2026, 4, 27))?.text(in: .vi) == "Nghỉ bù Giỗ Tổ Hùng Vương")
        #expect(calendar.nonWorkingReason(F.day(2026, 4, 26))?.text(in: .en) == "Hùng Kings' Commemoration Day")
        #expect(calendar.isWorkingDay(F.day(2026, 4, 28)))
        #expect(calendar.nonWorkingReason(F.day(2026, 4, 28)) == nil)
    }

    @Test("Weekends and ordinary days")
    func weekends() throws {
        let calendar = try F.vietnam()
        #expect(calendar.nonWorkingReason(F.day(2026, 3, 7)) == .weekend(.saturday))
        #expect(calendar.nonWorkingReason(F.day(2026, 3, 8))?.text(in: .vi) == "Nghỉ cuối tuần (Chủ nhật)")
        #expect(calendar.nonWorkingReason(F.day(2026, 3, 8))?.text(in: .en) == "Weekend (Sunday)")
        #expect(calendar.isWorkingDay(F.day(2026, 3, 9)))
        #expect(calendar.nextWorkingDay(after: F.day(2026, 2, 13)) == F.day(2026, 2, 23))
        #expect(calendar.previousWorkingDay(before: F.day(2026, 2, 23)) == F.day(2026, 2, 13))
    }

    @Test("A weekend day inside a block gives a compensatory day after the whole block")
    func blocks() throws {
        let calendar = try F.vietnam()
        func compensatory(_ year: Int) -> [String] {
            calendar.holidays(in: year).filter { $0.kind == .compensatory }.map { "\($0.date) \($0.nameVi)" }
        }
        // 2022: New Year on Saturday; Hùng Kings on Sunday; 30 Apr + 1 May on Saturday and Sunday.
        #expect(
            compensatory(2022) == [
                "2022-01-03 Nghỉ bù Tết Dương lịch",
                "2022-04-11 Nghỉ bù Giỗ Tổ Hùng Vương",
                "2022-05-02 Nghỉ bù Ngày Giải phóng miền Nam, thống nhất đất nước",
                "2022-05-03 Nghỉ bù Ngày Quốc tế Lao động",
            ])
        // 2024: Tết 9–13 Feb holds a Saturday and a Sunday, paid back after the block.
        #expect(compensatory(2024) == ["2024-02-14 Nghỉ bù Tết Nguyên đán", "2024-02-15 Nghỉ bù Tết Nguyên đán"])
        // 2023: 1 and 2 Sept are Friday and Saturday.
        #expect(compensatory(2023).contains("2023-09-04 Nghỉ bù Quốc khánh"))
    }

    @Test(
        "National Day: 3 Sept when 2 Sept is a Monday or Thursday, else 1 Sept",
        arguments: [(2024, 3), (2025, 1), (2026, 1), (2027, 3), (2028, 1), (2029, 1), (2030, 3), (2031, 1)])
    func nationalDay(year: Int, adjacent: Int) throws {
        let calendar = try F.vietnam()
        let days = calendar.holidays(in: year).filter { $0.nameVi == "Quốc khánh" }.map(\.date)
        #expect(days == [F.day(year, 9, min(2, adjacent)), F.day(year, 9, max(2, adjacent))])
    }

    @Test("Every year of 1990–2100 has 11 public-holiday days and a compensatory day per weekend holiday")
    func everyYear() throws {
        let rules = HolidayRules()
        for year in 1990...2100 {
            let days = rules.holidays(in: year)
            let statutory = days.filter { $0.kind == .publicHoliday }
            #expect(statutory.count == 11, "\(year)")
            let weekendDates = Set(statutory.filter { $0.date.weekday.isWeekend }.map(\.date))
            let compensatory = days.filter { $0.kind == .compensatory }
            #expect(compensatory.count == weekendDates.count, "\(year)")
            #expect(compensatory.allSatisfy { !$0.date.weekday.isWeekend }, "\(year)")
            #expect(Set(compensatory.map(\.date)).isDisjoint(with: statutory.map(\.date)), "\(year)")
        }
    }

    @Test("Years outside the precomputed range are computed on demand, with the same rules")
    func outsideRange() throws {
        let calendar = try F.vietnam()
        #expect(!WorkingCalendar.precomputedYears.contains(1985))
        #expect(calendar.holidays(in: 1985).contains { $0.date == F.day(1985, 1, 21) && $0.nameVi == "Tết Nguyên đán" })
        #expect(calendar.holidays(in: 2099) == HolidayRules().holidays(in: 2099))
        #expect(!calendar.isWorkingDay(F.day(2099, 1, 1)))
    }

    @Test("Weekday names carry Vietnamese diacritics")
    func weekdayNames() {
        #expect(
            Weekday.allCases.map { $0.name(in: .vi) } == [
                "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật",
            ])
        #expect(Weekday.saturday.shortName(in: .en) == "Sat")
        #expect(Weekday.sunday.shortName(in: .vi) == "CN")
    }
}
