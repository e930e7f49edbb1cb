import Testing

@testable import OneGateCore

@Suite("Vietnamese lunar calendar")
struct CalendarLunarTests {
    let lunar = LunarCalendar()

    @Test("Tết 1985 is 21 January in Vietnam (UTC+7), not 20 February as in China (UTC+8)")
    func tet1985() {
        #expect(lunar.newYearsDay(ofLunarYear: 1985) == LocalDate(string: "1985-01-21"))
        #expect(LunarCalendar(utcOffsetHours: 8).newYearsDay(ofLunarYear: 1985) == LocalDate(string: "1985-02-20"))
    }

    @Test(
        "Tết 2020–2030",
        arguments: [
            (2020, "2020-01-25"), (2021, "2021-02-12"), (2022, "2022-02-01"), (2023, "2023-01-22"),
            (2024, "2024-02-10"), (2025, "2025-01-29"), (2026, "2026-02-17"), (2027, "2027-02-06"),
            (2028, "2028-01-26"), (2029, "2029-02-13"),
            // The new moon of 2 Feb 2030 is at 23:07 in Vietnam and 00:07 on 3 Feb in China.
            (2030, "2030-02-02"),
        ])
    func tet(year: Int, expected: String) {
        #expect(lunar.newYearsDay(ofLunarYear: year).description == expected)
    }

    @Test(
        "The years Vietnam's Tết comes a day before China's",
        arguments: [
            (1985, "1985-01-21", "1985-02-20"), (2007, "2007-02-17", "2007-02-18"),
            (2030, "2030-02-02", "2030-02-03"), (2053, "2053-02-18", "2053-02-19"),
        ])
    func tetDiffersFromChina(year: Int, vietnam: String, china: String) {
        #expect(lunar.newYearsDay(ofLunarYear: year).description == vietnam)
        #expect(LunarCalendar(utcOffsetHours: 8).newYearsDay(ofLunarYear: year).description == china)
    }

    @Test(
        "Hùng Kings' day (10th day of the 3rd lunar month)",
        arguments: [
            (2022, "2022-04-10"), (2023, "2023-04-29"), (2024, "2024-04-18"), (2025, "2025-04-07"),
            (2026, "2026-04-26"),
        ])
    func hungKings(year: Int, expected: String) {
        #expect(lunar.solarDate(of: LunarDate(year: year, month: 3, day: 10))?.description == expected)
    }

    @Test("Mid-Autumn (15/8) lands where Vietnamese calendars print it")
    func midAutumn() {
        #expect(lunar.solarDate(of: LunarDate(year: 2024, month: 8, day: 15)) == LocalDate(string: "2024-09-17"))
        #expect(lunar.solarDate(of: LunarDate(year: 2025, month: 8, day: 15)) == LocalDate(string: "2025-10-06"))
    }

    @Test("Leap months: 2/2023, 6/2025 and 4/2020 exist; a leap month a year lacks does not")
    func leapMonths() {
        #expect(
            lunar.solarDate(of: LunarDate(year: 2023, month: 2, day: 1, isLeapMonth: true))
                == LocalDate(string: "2023-03-22"))
        #expect(
            lunar.solarDate(of: LunarDate(year: 2025, month: 6, day: 1, isLeapMonth: true))
                == LocalDate(string: "2025-07-25"))
        #expect(
            lunar.solarDate(of: LunarDate(year: 2020, month: 4, day: 1, isLeapMonth: true))
                == LocalDate(string: "2020-05-23"))
        #expect(lunar.solarDate(of: LunarDate(year: 2026, month: 6, day: 1, isLeapMonth: true)) == nil)
        #expect(
            lunar.lunarDate(of: LocalDate(year: 2025, month: 8, day: 1))
                == LunarDate(
                    year: 2025, month: 6, day: 8, isLeapMonth: true))
    }

    @Test("Impossible lunar dates give nil")
    func impossible() {
        #expect(lunar.solarDate(of: LunarDate(year: 2026, month: 13, day: 1)) == nil)
        #expect(lunar.solarDate(of: LunarDate(year: 2026, month: 1, day: 0)) == nil)
        // Month 12 of lunar year 2025 has 29 days (Tết 2026 is 17 Feb, the day after 29/12).
        #expect(lunar.solarDate(of: LunarDate(year: 2025, month: 12, day: 30)) == nil)
        #expect(lunar.solarDate(of: LunarDate(year: 2025, month: 12, day: 29)) == LocalDate(string: "2026-02-16"))
    }

    @Test("Solar → lunar → solar round-trips every day of 1990–2060 (2054-05-07 once gave day 0)")
    func roundTrip() {
        let first = LocalDate(year: 1990, month: 1, day: 1)
        let count = first.days(to: LocalDate(year: 2060, month: 12, day: 31))
        var mismatches = 0
        for offset in stride(from: 0, through: count, by: 1) {
            let date = first.adding(days: offset)
            let back = lunar.lunarDate(of: date)
            if lunar.solarDate(of: back) != date || !(1...30).contains(back.day) {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }

    @Test("Tết always falls between 21 January and 20 February")
    func tetRange() {
        for year in 1990...2100 {
            let tet = lunar.newYearsDay(ofLunarYear: year)
            let lower = LocalDate(year: year, month: 1, day: 21)
            let upper = LocalDate(year: year, month: 2, day: 20)
            #expect(tet >= lower && tet <= upper, "Tết \(year) = \(tet)")
            #expect(lunar.lunarDate(of: tet) == LunarDate(year: year, month: 1, day: 1))
        }
    }
}
