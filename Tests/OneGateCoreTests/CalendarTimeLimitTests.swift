import Foundation
import Testing

@testable import OneGateCore

@Suite("Time limits: parsing, text, coding, edge amounts")
struct CalendarTimeLimitTests {
    typealias F = CalendarFixtures

    @Test(
        "Valid texts parse and print back",
        arguments: [
            ("5 working_days", 5, TimeLimitUnit.workingDays, "5 working_days"),
            ("8 working_hours", 8, .workingHours, "8 working_hours"),
            ("30 calendar_days", 30, .calendarDays, "30 calendar_days"),
            ("same_day", 1, .sameDay, "same_day"),
            ("1 same_day", 1, .sameDay, "same_day"),
            ("  12 \t working_days \n", 12, .workingDays, "12 working_days"),
            ("10000 calendar_days", 10_000, .calendarDays, "10000 calendar_days"),
        ])
    func valid(text: String, amount: Int, unit: TimeLimitUnit, printed: String) throws {
        let limit = try TimeLimit(parsing: text)
        #expect(limit == TimeLimit(amount: amount, unit: unit))
        #expect(limit.description == printed)
        #expect(try TimeLimit(parsing: limit.description) == limit)
    }

    @Test(
        "Invalid texts throw invalidTimeLimit with the text",
        arguments: [
            "", "5", "working_days", "five working_days", "5 working_weeks", "0 working_days", "-1 working_days",
            "+5 working_days", "2 same_day", "0 same_day", "5 working_days extra", "10001 working_days",
            "５ working_days", "5 Working_Days", "5.5 working_hours", "99999999999999999999 working_days",
        ])
    func invalid(text: String) {
        #expect(throws: CalendarError.invalidTimeLimit(text)) {
            try TimeLimit(parsing: text)
        }
    }

    @Test("Texts for people")
    func texts() {
        #expect(TimeLimit(amount: 5, unit: .workingDays).text(in: .vi) == "5 ngày làm việc")
        #expect(TimeLimit(amount: 1, unit: .workingDays).text(in: .en) == "1 working day")
        #expect(TimeLimit(amount: 8, unit: .workingHours).text(in: .vi) == "8 giờ làm việc")
        #expect(TimeLimit(amount: 30, unit: .calendarDays).text(in: .en) == "30 calendar days")
        #expect(TimeLimit(amount: 1, unit: .sameDay).text(in: .vi) == "trong ngày")
        #expect(TimeLimit(amount: 7, unit: .sameDay) == TimeLimit(amount: 1, unit: .sameDay))
        #expect(
            TimeLimitUnit.allCases.map(\.rawValue) == ["working_days", "working_hours", "calendar_days", "same_day"])
    }

    @Test("Encodes as its text; decodes the text or an object, validating both")
    func coding() throws {
        let limit = TimeLimit(amount: 5, unit: .workingDays)
        let encoded = try JSONEncoder().encode([limit])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["5 working_days"]"#)
        #expect(try JSONDecoder().decode([TimeLimit].self, from: encoded) == [limit])
        let object = Data(#"{"amount": 8, "unit": "working_hours"}"#.utf8)
        #expect(try JSONDecoder().decode(TimeLimit.self, from: object) == TimeLimit(amount: 8, unit: .workingHours))
        #expect(throws: CalendarError.self) {
            try JSONDecoder().decode([TimeLimit].self, from: Data(#"["5 weeks"]"#.utf8))
        }
        #expect(throws: CalendarError.self) {
            try JSONDecoder().decode(TimeLimit.self, from: Data(#"{"amount": 0, "unit": "working_days"}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(TimeLimit.self, from: Data(#"{"amount": 3, "unit": "weeks"}"#.utf8))
        }
    }

    @Test("Hand-built amounts below 1 end on the reception day or the next working day")
    func zeroAmounts() throws {
        let calendar = try F.vietnam()
        let friday = F.vn(2026, 3, 6, 10)
        let saturday = F.vn(2026, 3, 7, 10)
        func due(_ amount: Int, _ unit: TimeLimitUnit, _ start: Date) -> Date {
            calendar.due(for: TimeLimit(amount: amount, unit: unit), from: start).due
        }
        #expect(due(0, .workingDays, friday) == F.vn(2026, 3, 6, 17))
        #expect(due(-3, .workingDays, saturday) == F.vn(2026, 3, 9, 17))
        #expect(due(0, .calendarDays, saturday) == F.vn(2026, 3, 9, 17))
        #expect(due(0, .workingHours, saturday) == saturday)
        // Received after closing: the reception day's close has passed, so the next working day's counts.
        #expect(due(0, .workingDays, F.vn(2026, 3, 5, 18)) == F.vn(2026, 3, 6, 17))
        #expect(due(0, .calendarDays, F.vn(2026, 3, 6, 18)) == F.vn(2026, 3, 9, 17))
    }

    @Test("Same day on a non-working day, and working hours from outside office hours")
    func otherEdges() throws {
        let calendar = try F.vietnam()
        let sameDay = calendar.due(for: TimeLimit(amount: 1, unit: .sameDay), from: F.vn(2026, 3, 7, 9))
        #expect(sameDay.due == F.vn(2026, 3, 9, 17))
        #expect(sameDay.skippedDays.map(\.date) == [F.day(2026, 3, 7), F.day(2026, 3, 8)])
        #expect(
            calendar.due(for: TimeLimit(amount: 1, unit: .sameDay), from: F.vn(2026, 3, 4, 15)).due
                == F.vn(2026, 3, 5, 17))
        #expect(
            calendar.due(for: TimeLimit(amount: 1, unit: .sameDay), from: F.vn(2026, 3, 4, 6)).due
                == F.vn(2026, 3, 4, 17))
        let hours = calendar.due(for: TimeLimit(amount: 2, unit: .workingHours), from: F.vn(2026, 3, 6, 18))
        #expect(hours.due == F.vn(2026, 3, 9, 10))
        #expect(
            hours.steps.dropFirst().first
                == "Outside office hours, so counting starts at the next opening: Mon 2026-03-09 08:00.")
        // A calendar-days limit whose last day is a working day ends that day.
        #expect(
            calendar.due(for: TimeLimit(amount: 3, unit: .calendarDays), from: F.vn(2026, 3, 2, 10)).due
                == F.vn(2026, 3, 5, 17))
        // Received late on a Sunday, working days count from Monday.
        #expect(
            calendar.due(for: TimeLimit(amount: 1, unit: .workingDays), from: F.vn(2026, 3, 8, 23)).due
                == F.vn(2026, 3, 9, 17))
    }

    @Test("Long limits summarise the counted days and still finish quickly")
    func longLimit() throws {
        let calendar = try F.vietnam()
        let due = calendar.due(for: TimeLimit(amount: 250, unit: .workingDays), from: F.vn(2026, 1, 2, 9))
        #expect(due.dueLocal.date.year == 2027)
        #expect(due.steps.contains { $0.hasPrefix("Working days counted (250): from Mon 2026-01-05 to ") })
        let start = F.vn(2026, 1, 2, 9)
        let huge = calendar.due(for: TimeLimit(amount: 1_000_000, unit: .workingDays), from: start)
        #expect(huge.due == calendar.due(for: TimeLimit(amount: 10_000, unit: .workingDays), from: start).due)
    }

    @Test("An explanation survives a JSON round trip")
    func explanationCoding() throws {
        let calendar = try F.vietnam()
        let due = calendar.due(for: TimeLimit(amount: 5, unit: .workingDays), from: F.vn(2026, 2, 13, 10))
        let data = try JSONEncoder().encode(due)
        #expect(try JSONDecoder().decode(DueExplanation.self, from: data) == due)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains(#""kind":"weekend""#) && json.contains(#""limit":"5 working_days""#))
    }
}
