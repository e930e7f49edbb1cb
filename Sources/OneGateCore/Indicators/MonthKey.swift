import Foundation

/// A calendar month in the instance's time zone, the grain of every counter (`YYYY-MM`).
public struct MonthKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The Gregorian year.
    public var year: Int
    /// 1...12.
    public var month: Int

    /// Makes a month; `month` outside 1...12 rolls into the neighbouring years.
    public init(year: Int, month: Int) {
        let index = year * 12 + (month - 1)
        let normalYear = index >= 0 ? index / 12 : (index - 11) / 12
        self.year = normalYear
        self.month = index - normalYear * 12 + 1
    }

    /// Parses `YYYY-MM`; `nil` for anything else.
    public init?(string: String) {
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        self.init(year: year, month: month)
    }

    /// The month of a local day.
    public init(_ date: LocalDate) {
        self.init(year: date.year, month: date.month)
    }

    /// The month an instant falls in, in the calendar's time zone: the period key of a counter.
    public init(of instant: Date, calendar: WorkingCalendar) {
        self.init(calendar.localDate(of: instant))
    }

    /// `2026-01`.
    public var description: String {
        let text = String(year)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text + (month < 10 ? "-0" : "-") + String(month)
    }

    /// The first day of the month.
    public var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1) }
    /// The last day of the month.
    public var lastDay: LocalDate {
        LocalDate(year: year, month: month, day: LocalDate.daysInMonth(year: year, month: month))
    }

    /// The month `count` months later (earlier when negative).
    public func adding(months count: Int) -> MonthKey { MonthKey(year: year, month: month + count) }

    /// Local midnight at the start of the month, as an instant.
    public func start(in calendar: WorkingCalendar) -> Date {
        calendar.instant(of: LocalMoment(date: firstDay, minute: 0))
    }

    /// Calendar order.
    public static func < (lhs: MonthKey, rhs: MonthKey) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    /// Decodes `YYYY-MM`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let key = MonthKey(string: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Expected YYYY-MM, got \"\(text)\"")
        }
        self = key
    }

    /// Encodes as `YYYY-MM`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
