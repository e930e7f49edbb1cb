/// A day of the proleptic Gregorian calendar, without time of day or time zone.
///
/// Working days and holidays are facts about local days, not instants; keeping them in their own type
/// stops the classic bug of a holiday starting at midnight UTC instead of local midnight. Day arithmetic
/// goes through the Julian Day Number, which is pure integer work and needs no `Calendar`.
///
/// Encodes as an ISO 8601 string, `"2026-02-13"`.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, 1...9999 for a valid date.
    public var year: Int
    /// The month, 1...12 for a valid date.
    public var month: Int
    /// The day of the month, 1...28/29/30/31 for a valid date.
    public var day: Int

    /// Makes a date from its parts without checking them; see ``isValid`` (day arithmetic normalises
    /// out-of-range parts, so `2026-02-30` behaves as `2026-03-02`).
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `"YYYY-MM-DD"` (exactly four, two and two digits); `nil` for anything else or an
    /// impossible date such as `"2026-02-30"`.
    public init?(string: String) {
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
        guard isValid else { return nil }
    }

    /// Whether the parts name a real day between 0001-01-01 and 9999-12-31.
    public var isValid: Bool {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        return day <= LocalDate.daysInMonth(year: year, month: month)
    }

    /// The number of days of a month in the Gregorian calendar.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    /// `"2026-02-13"`.
    public var description: String {
        LocalDate.pad(year, 4) + "-" + LocalDate.pad(month, 2) + "-" + LocalDate.pad(day, 2)
    }

    /// The day of the week.
    public var weekday: Weekday {
        Weekday(julianDay: julianDay)
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> LocalDate {
        LocalDate(julianDay: julianDay + days)
    }

    /// The number of days from this date to `other` (negative when `other` is earlier).
    public func days(to other: LocalDate) -> Int {
        other.julianDay - julianDay
    }

    /// Compares in calendar order.
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The Julian Day Number (the day count that astronomical lunar formulas are written in).
    var julianDay: Int {
        // Months outside 1...12 roll into neighbouring years first, so unchecked dates still normalise.
        let monthIndex = year * 12 + month - 1
        let normalYear = LocalDate.floorDiv(monthIndex, 12)
        let normalMonth = monthIndex - normalYear * 12 + 1
        // Counting years from March puts the leap day last, which makes month lengths a linear formula.
        let a = (14 - normalMonth) / 12
        let y = normalYear + 4800 - a
        let m = normalMonth + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + LocalDate.floorDiv(y, 4) - LocalDate.floorDiv(y, 100)
            + LocalDate.floorDiv(y, 400) - 32045
    }

    /// The date of a Julian Day Number.
    init(julianDay: Int) {
        let a = julianDay + 32044
        let b = LocalDate.floorDiv(4 * a + 3, 146097)
        let c = a - LocalDate.floorDiv(146097 * b, 4)
        let d = LocalDate.floorDiv(4 * c + 3, 1461)
        let e = c - LocalDate.floorDiv(1461 * d, 4)
        let m = (5 * e + 2) / 153
        self.init(year: b * 100 + d - 4800 + m / 10, month: m + 3 - 12 * (m / 10), day: e - (153 * m + 2) / 5 + 1)
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return value < 0 ? "-" + padded : padded
    }
}

extension LocalDate: Codable {
    /// Decodes `"YYYY-MM-DD"`; anything else is a data-corruption error naming the bad value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(string: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Expected a date as YYYY-MM-DD, got \"\(text)\"")
        }
        self = date
    }

    /// Encodes as `"YYYY-MM-DD"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
