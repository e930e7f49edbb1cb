/// A day of the Vietnamese lunisolar calendar (âm lịch).
public struct LunarDate: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The lunar year, named by the Gregorian year in which it begins (Tết 2026 starts lunar year 2026).
    public var year: Int
    /// The month, 1...12; a leap month repeats the number of the month before it.
    public var month: Int
    /// The day of the month, 1...30.
    public var day: Int
    /// Whether this is the leap (intercalary) copy of `month`.
    public var isLeapMonth: Bool

    /// Makes a lunar date from its parts without checking them; ``LunarCalendar/solarDate(of:)`` checks.
    public init(year: Int, month: Int, day: Int, isLeapMonth: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.isLeapMonth = isLeapMonth
    }

    /// `"10/3/2026"`, with `" (nhuận)"` after the month for a leap month, as written in Vietnam.
    public var description: String {
        "\(day)/\(month)\(isLeapMonth ? " (nhuận)" : "")/\(year)"
    }
}

/// Converts between Gregorian and Vietnamese lunar dates, computed astronomically (no tables), so that it
/// holds for any year an instance will ever see.
///
/// The offset is a parameter because the calendar is defined by local days: Vietnam's is computed at
/// UTC+7 whatever the instance's own time zone, which is the default.
public struct LunarCalendar: Hashable, Sendable {
    /// The offset from UTC, in hours, at which new moons and solar terms are placed on days.
    public var utcOffsetHours: Double

    /// A lunar calendar computed at `utcOffsetHours` (7 for Vietnam).
    public init(utcOffsetHours: Double = 7) {
        self.utcOffsetHours = utcOffsetHours
    }

    /// The lunar date of a Gregorian day.
    public func lunarDate(of date: LocalDate) -> LunarDate {
        let dayNumber = date.julianDay
        // The mean-month estimate can be one month off when the true new moon strays from the mean one
        // (2054-05-07 would otherwise be day 0), so settle on the last new moon on or before the day.
        var k = Int(((Double(dayNumber) - LunarAstronomy.epochNewMoon) / LunarAstronomy.synodicMonth).rounded(.down))
        var monthStart = newMoon(k + 1)
        while monthStart > dayNumber {
            k -= 1
            monthStart = newMoon(k + 1)
        }
        while newMoon(k + 2) <= dayNumber {
            k += 1
            monthStart = newMoon(k + 1)
        }
        var a11 = month11Start(date.year)
        var b11 = a11
        var lunarYear: Int
        if a11 >= monthStart {
            lunarYear = date.year
            a11 = month11Start(date.year - 1)
        } else {
            lunarYear = date.year + 1
            b11 = month11Start(date.year + 1)
        }
        let diff = (monthStart - a11) / 29
        var isLeap = false
        var lunarMonth = diff + 11
        if b11 - a11 > 365 {
            let leapOffset = LunarAstronomy.leapMonthOffset(month11Start: a11, utcOffsetHours: utcOffsetHours)
            if diff >= leapOffset {
                lunarMonth = diff + 10
                isLeap = diff == leapOffset
            }
        }
        if lunarMonth > 12 {
            lunarMonth -= 12
        }
        // Months 11 and 12 found near the start of the span belong to the lunar year before.
        if lunarMonth >= 11 && diff < 4 {
            lunarYear -= 1
        }
        return LunarDate(year: lunarYear, month: lunarMonth, day: dayNumber - monthStart + 1, isLeapMonth: isLeap)
    }

    /// The Gregorian day of a lunar date; `nil` when the date does not exist (a leap month that year does not
    /// have, or day 30 of a 29-day month).
    public func solarDate(of lunar: LunarDate) -> LocalDate? {
        guard (1...12).contains(lunar.month), (1...30).contains(lunar.day) else { return nil }
        let frame = LunarYearFrame(lunarYear: lunar.year, month: lunar.month, calendar: self)
        guard let offset = frame.monthOffset(month: lunar.month, isLeap: lunar.isLeapMonth) else { return nil }
        let start = newMoon(frame.k + offset)
        let nextStart = newMoon(frame.k + offset + 1)
        let dayNumber = start + lunar.day - 1
        guard dayNumber < nextStart else { return nil }
        return LocalDate(julianDay: dayNumber)
    }

    /// The Gregorian day of Tết (day 1 of month 1) of a lunar year.
    public func newYearsDay(ofLunarYear year: Int) -> LocalDate {
        LocalDate(julianDay: regularMonthStart(lunarYear: year, month: 1))
    }

    /// The local Julian day on which the ordinary (non-leap) `month` of `lunarYear` begins; an ordinary
    /// month always exists, which is what lets holiday rules avoid optionals.
    func regularMonthStart(lunarYear: Int, month: Int) -> Int {
        let frame = LunarYearFrame(lunarYear: lunarYear, month: month, calendar: self)
        return newMoon(frame.k + frame.regularMonthOffset(month: month))
    }

    func newMoon(_ k: Int) -> Int {
        LunarAstronomy.newMoonDay(k, utcOffsetHours: utcOffsetHours)
    }

    func month11Start(_ year: Int) -> Int {
        LunarAstronomy.month11Start(year: year, utcOffsetHours: utcOffsetHours)
    }
}

/// The span between two consecutive lunar months 11 that holds a given lunar month, with its leap month.
struct LunarYearFrame {
    /// The new-moon index of the month 11 that opens the span.
    let k: Int
    /// The offset of the leap month within the span, when the span has 13 months.
    let leapOffset: Int?

    init(lunarYear: Int, month: Int, calendar: LunarCalendar) {
        // Months 11 and 12 open the span that ends in the lunar year's own month 10.
        let a11 = calendar.month11Start(month < 11 ? lunarYear - 1 : lunarYear)
        let b11 = calendar.month11Start(month < 11 ? lunarYear : lunarYear + 1)
        k = Int((0.5 + (Double(a11) - LunarAstronomy.epochNewMoon) / LunarAstronomy.synodicMonth).rounded(.down))
        leapOffset =
            b11 - a11 > 365
            ? LunarAstronomy.leapMonthOffset(month11Start: a11, utcOffsetHours: calendar.utcOffsetHours)
            : nil
    }

    /// The offset in months from month 11 of the ordinary `month`.
    func regularMonthOffset(month: Int) -> Int {
        var offset = month - 11
        if offset < 0 {
            offset += 12
        }
        if let leapOffset, offset >= leapOffset {
            offset += 1
        }
        return offset
    }

    /// The offset of `month` (or of its leap copy), or `nil` when that leap month does not exist.
    func monthOffset(month: Int, isLeap: Bool) -> Int? {
        guard isLeap else { return regularMonthOffset(month: month) }
        guard let leapOffset else { return nil }
        var leapMonth = leapOffset - 2
        if leapMonth < 0 {
            leapMonth += 12
        }
        guard leapMonth == month else { return nil }
        var offset = month - 11
        if offset < 0 {
            offset += 12
        }
        return offset + 1
    }
}
