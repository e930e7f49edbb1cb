import Foundation

/// The period a figure covers: a month, a quarter, a year or a date range, in the instance's time zone.
///
/// Counters are monthly, so every period resolves to whole months: a date range is widened to the whole
/// months it touches (10–20 March covers 1–31 March), and ``ResolvedPeriod/isWidened`` says so, with the
/// dates actually covered, so that a page never shows a widened figure under a narrower label.
public enum ReportPeriod: Sendable, Hashable, Codable {
    /// One month (1...12).
    case month(year: Int, month: Int)
    /// Quarter 1...4 of a year.
    case quarter(year: Int, quarter: Int)
    /// A calendar year.
    case year(Int)
    /// From one local day to another, both included.
    case range(from: LocalDate, to: LocalDate)

    /// The longest period answered in one query (ten years of months).
    public static let maximumMonths = 120

    /// The months this period covers, its bounds as instants, and whether a range was widened.
    /// - Throws: `invalid_field` (`period`) for an impossible month or quarter, a range that ends before
    ///   it starts, or one longer than ``maximumMonths``.
    public func resolve(in calendar: WorkingCalendar) throws(OneGateError) -> ResolvedPeriod {
        let first: MonthKey
        let last: MonthKey
        var widened = false
        var requested: (LocalDate, LocalDate)?
        switch self {
        case .month(let year, let month):
            guard (1...12).contains(month), (1...9999).contains(year) else { throw Self.invalid }
            first = MonthKey(year: year, month: month)
            last = first
        case .quarter(let year, let quarter):
            guard (1...4).contains(quarter), (1...9999).contains(year) else { throw Self.invalid }
            first = MonthKey(year: year, month: quarter * 3 - 2)
            last = first.adding(months: 2)
        case .year(let year):
            guard (1...9999).contains(year) else { throw Self.invalid }
            first = MonthKey(year: year, month: 1)
            last = MonthKey(year: year, month: 12)
        case .range(let from, let to):
            guard from.isValid, to.isValid, from <= to else { throw Self.invalid }
            first = MonthKey(from)
            last = MonthKey(to)
            widened = from != first.firstDay || to != last.lastDay
            requested = (from, to)
        }
        let count = (last.year - first.year) * 12 + last.month - first.month + 1
        guard count <= Self.maximumMonths else { throw Self.invalid }
        let months = (0..<count).map { first.adding(months: $0) }
        return ResolvedPeriod(
            period: self, months: months, firstDay: first.firstDay, lastDay: last.lastDay,
            start: first.start(in: calendar), end: last.adding(months: 1).start(in: calendar), isWidened: widened,
            requestedFrom: requested?.0, requestedTo: requested?.1)
    }

    /// The `count` periods of the same length just before this one, oldest first (for trends). A range
    /// is shifted by its length in whole months.
    public func preceding(_ count: Int) -> [ReportPeriod] {
        guard count > 0 else { return [] }
        return (1...count).reversed().map { shifted(by: -$0) }
    }

    /// The period `steps` periods later (earlier when negative).
    public func shifted(by steps: Int) -> ReportPeriod {
        switch self {
        case .month(let year, let month):
            let key = MonthKey(year: year, month: month).adding(months: steps)
            return .month(year: key.year, month: key.month)
        case .quarter(let year, let quarter):
            let index = year * 4 + (quarter - 1) + steps
            let newYear = index >= 0 ? index / 4 : (index - 3) / 4
            return .quarter(year: newYear, quarter: index - newYear * 4 + 1)
        case .year(let year):
            return .year(year + steps)
        case .range(let from, let to):
            let length = (to.year - from.year) * 12 + to.month - from.month + 1
            return .range(from: Self.shift(from, months: steps * length), to: Self.shift(to, months: steps * length))
        }
    }

    /// The same day `months` months away, clamped to the month's length (31 March − 1 month = 28/29 Feb).
    private static func shift(_ date: LocalDate, months: Int) -> LocalDate {
        let key = MonthKey(year: date.year, month: date.month).adding(months: months)
        return LocalDate(
            year: key.year, month: key.month,
            day: min(date.day, LocalDate.daysInMonth(year: key.year, month: key.month)))
    }

    private static let invalid = OneGateError.invalid(
        field: "period", vi: "Kỳ báo cáo không hợp lệ.", en: "The reporting period is not valid.")
}

/// A period resolved against the instance calendar: the month keys to sum and the instants that bound it.
public struct ResolvedPeriod: Sendable, Hashable {
    /// The period as asked.
    public var period: ReportPeriod
    /// The months covered, in order (`YYYY-MM`).
    public var months: [MonthKey]
    /// The first and last local days actually covered (whole months).
    public var firstDay: LocalDate
    /// The last local day covered.
    public var lastDay: LocalDate
    /// Local midnight starting ``firstDay``, and local midnight ending ``lastDay`` (exclusive).
    public var start: Date
    /// Local midnight after ``lastDay``: the exclusive end.
    public var end: Date
    /// True when a date range was widened to whole months.
    public var isWidened: Bool
    /// The dates asked for, when the period was a range.
    public var requestedFrom: LocalDate?
    /// The last date asked for, when the period was a range.
    public var requestedTo: LocalDate?

    /// The counter period keys.
    public var periodKeys: [String] { months.map(\.description) }

    /// The moment the period's "open and not past due" question is asked at: its end, or `now` while
    /// the period is not over.
    public func referenceInstant(now: Date) -> Date { min(end, now) }

    /// The range of reception instants of the period's received cohort.
    public var receptionRange: Range<Date> { start..<end }
}
