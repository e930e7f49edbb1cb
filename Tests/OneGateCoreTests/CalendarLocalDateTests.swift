import Foundation
import Testing

@testable import OneGateCore

@Suite("LocalDate")
struct CalendarLocalDateTests {
    typealias F = CalendarFixtures

    @Test("Parses YYYY-MM-DD and rejects anything else")
    func parsing() {
        #expect(LocalDate(string: "2026-02-13") == F.day(2026, 2, 13))
        #expect(LocalDate(string: "2024-02-29") == F.day(2024, 2, 29))
        for bad in [
            "2025-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-2-13", "20260213", "abcd-ef-gh",
            "2026-02-13T00:00", " 2026-02-13", "0000-01-01", "2026-04-31", "+026-02-13",
        ] {
            #expect(LocalDate(string: bad) == nil, "\(bad)")
        }
    }

    @Test("Prints, codes and orders")
    func printing() throws {
        let date = F.day(2026, 2, 13)
        #expect(date.description == "2026-02-13")
        #expect(F.day(987, 3, 4).description == "0987-03-04")
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-02-13"]"#)
        #expect(try JSONDecoder().decode([LocalDate].self, from: data) == [date])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LocalDate].self, from: Data(#"["2026-02-30"]"#.utf8))
        }
        #expect(F.day(2026, 2, 13) < F.day(2026, 2, 14))
        #expect(F.day(2025, 12, 31) < F.day(2026, 1, 1))
        #expect(!F.day(2026, 2, 30).isValid)
    }

    @Test("Day arithmetic through the Julian Day Number")
    func arithmetic() {
        #expect(F.day(2000, 1, 1).julianDay == 2_451_545)
        #expect(LocalDate(julianDay: 2_451_545) == F.day(2000, 1, 1))
        #expect(F.day(2026, 2, 27).adding(days: 3) == F.day(2026, 3, 2))
        #expect(F.day(2024, 2, 28).adding(days: 1) == F.day(2024, 2, 29))
        #expect(F.day(2026, 1, 1).adding(days: -1) == F.day(2025, 12, 31))
        #expect(F.day(2026, 2, 13).days(to: F.day(2026, 2, 27)) == 14)
        // Unchecked parts normalise like a calendar would.
        #expect(LocalDate(julianDay: F.day(2026, 2, 30).julianDay) == F.day(2026, 3, 2))
        #expect(LocalDate(julianDay: F.day(2026, 13, 1).julianDay) == F.day(2027, 1, 1))
        #expect(LocalDate(julianDay: F.day(2026, 0, 1).julianDay) == F.day(2025, 12, 1))
    }

    @Test("Weekdays agree with Foundation's Gregorian calendar for every day of 2020–2040")
    func weekdays() {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = CalendarFixtures.vietnamOffset
        let first = F.day(2020, 1, 1)
        for offset in 0..<(21 * 366) {
            let date = first.adding(days: offset)
            let foundation = gregorian.component(.weekday, from: F.vn(date.year, date.month, date.day, 12))
            // Foundation numbers Sunday 1 … Saturday 7.
            let expected: Weekday = [.sunday, .monday, .tuesday, .wednesday, .thursday, .friday, .saturday][
                foundation - 1]
            if date.weekday != expected {
                Issue.record("\(date): \(date.weekday) != \(expected)")
                return
            }
        }
        #expect(F.day(2026, 2, 13).weekday == .friday)
        #expect(F.day(2026, 4, 26).weekday == .sunday)
    }
}
