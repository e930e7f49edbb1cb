public import Foundation

/// The deadline engine of one instance: which days are working days, and what due dates, pauses,
/// extensions and timeliness come to under calendar.md.
///
/// A value type made once from the configuration and shared freely across tasks. Making it checks the
/// configuration and precomputes the holidays of ``precomputedYears`` (with the overrides applied), so
/// every later question is arithmetic and dictionary lookups; other years are computed when asked.
///
/// Instants are `Date`s (UTC); local days and times are those of the configured time zone.
public struct WorkingCalendar: Sendable {
    /// The years whose holidays are computed when the calendar is made.
    public static let precomputedYears = 2000...2060

    /// The configuration this calendar was made from.
    public let configuration: CalendarConfiguration
    /// The instance's time zone.
    public let timeZone: TimeZone
    /// The rules used for years without a precomputed table.
    public let rules: HolidayRules

    let calendar: Calendar
    /// The zone's UTC offset and the instant from which it has not changed (no daylight saving, no
    /// change of standard offset), when that is so: conversions after it are plain arithmetic,
    /// which matters because every transition converts several instants.
    let fixedOffset: (since: TimeInterval, seconds: Int)?
    let periods: [OfficeSpan]
    let closingSecond: Double
    let cutoffSecond: Double
    private let years: [Int: HolidayYear]

    /// The offset of a zone that has kept one UTC offset since 1980 and has no daylight saving
    /// transition ahead (Asia/Ho_Chi_Minh: +07:00 since 1975), or `nil`.
    static func fixedOffset(of zone: TimeZone) -> (since: TimeInterval, seconds: Int)? {
        let since = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01
        guard zone.nextDaylightSavingTimeTransition(after: since) == nil else { return nil }
        let offset = zone.secondsFromGMT(for: since)
        // Standard-offset changes are not daylight saving transitions: sample the years as well.
        for year in stride(from: 0.0, through: 120.0, by: 0.5) {
            if zone.secondsFromGMT(for: since.addingTimeInterval(year * 365.2425 * 86_400)) != offset { return nil }
        }
        return (since.timeIntervalSince1970, offset)
    }

    /// Makes the calendar of an instance.
    /// - Throws: ``CalendarError/unknownTimeZone(_:)``, ``CalendarError/invalidOfficeHours``,
    ///   ``CalendarError/invalidSameDayCutoff(_:)``, ``CalendarError/invalidTimeLimit(_:)`` for the online
    ///   reception check, ``CalendarError/invalidDate(_:)`` or ``CalendarError/invalidOverride(_:)``.
    public init(configuration: CalendarConfiguration) throws {
        guard let zone = TimeZone(identifier: configuration.timeZoneIdentifier) else {
            throw CalendarError.unknownTimeZone(configuration.timeZoneIdentifier)
        }
        try Self.check(officeHours: configuration.officeHours)
        guard (0...1440).contains(configuration.sameDayCutoffMinute) else {
            throw CalendarError.invalidSameDayCutoff(configuration.sameDayCutoffMinute)
        }
        _ = try TimeLimit(parsing: configuration.onlineReceptionCheck.description)

        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let rules = HolidayRules()
        let overrides = try Self.gather(configuration.overrides)
        var years: [Int: HolidayYear] = [:]
        for year in Set(Self.precomputedYears).union(overrides.keys) {
            let ruleHolidays = rules.holidays(in: year)
            if let dayOverrides = overrides[year] {
                try Self.check(dayOverrides, against: ruleHolidays)
            }
            years[year] = HolidayYear(year: year, ruleHolidays: ruleHolidays, overrides: overrides[year])
        }

        self.configuration = configuration
        self.timeZone = zone
        self.rules = rules
        self.calendar = calendar
        self.fixedOffset = Self.fixedOffset(of: zone)
        self.periods = configuration.officeHours.map {
            OfficeSpan(start: Double($0.startMinute * 60), end: Double($0.endMinute * 60))
        }
        self.closingSecond = Double((configuration.officeHours.last?.endMinute ?? 0) * 60)
        self.cutoffSecond = Double(configuration.sameDayCutoffMinute * 60)
        self.years = years
    }

    /// The days off of Gregorian `year`, sorted by date, with the overrides applied (cancelled days removed,
    /// extra days added); weekends are not listed unless a holiday falls on one.
    public func holidays(in year: Int) -> [Holiday] {
        holidayYear(year).holidays
    }

    /// Whether `date` is a working day: Monday to Friday and not a day off, or a make-up working day.
    public func isWorkingDay(_ date: LocalDate) -> Bool {
        let julianDay = date.julianDay
        return holidayYear(LocalDate(julianDay: julianDay).year).isWorking(julianDay: julianDay)
    }

    /// Why `date` is not a working day, or `nil` when it is one (a make-up Saturday is one).
    public func nonWorkingReason(_ date: LocalDate) -> NonWorkingReason? {
        let julianDay = date.julianDay
        return holidayYear(LocalDate(julianDay: julianDay).year).reason(julianDay: julianDay)
    }

    /// The next working day strictly after `date`.
    public func nextWorkingDay(after date: LocalDate) -> LocalDate {
        var cursor = WorkingDayCursor(self)
        var julianDay = date.julianDay + 1
        while !cursor.isWorking(julianDay) {
            julianDay += 1
        }
        return LocalDate(julianDay: julianDay)
    }

    /// The last working day strictly before `date`.
    public func previousWorkingDay(before date: LocalDate) -> LocalDate {
        var cursor = WorkingDayCursor(self)
        var julianDay = date.julianDay - 1
        while !cursor.isWorking(julianDay) {
            julianDay -= 1
        }
        return LocalDate(julianDay: julianDay)
    }

    /// The local day of an instant in the instance's time zone.
    public func localDate(of instant: Date) -> LocalDate {
        LocalDate(julianDay: position(of: instant).julianDay)
    }

    /// The local day and minute of an instant (seconds dropped), for display.
    public func localMoment(of instant: Date) -> LocalMoment {
        let position = position(of: instant)
        return LocalMoment(date: LocalDate(julianDay: position.julianDay), minute: Int(position.second / 60))
    }

    /// The instant of a local day and minute of the day (1440 is the midnight that ends the day).
    public func instant(of moment: LocalMoment) -> Date {
        instant(of: LocalPosition(julianDay: moment.date.julianDay, second: Double(moment.minute * 60)))
    }

    /// The close of office hours on `date` (17:00 by default), whether or not it is a working day.
    public func closeOfOffice(on date: LocalDate) -> Date {
        instant(of: LocalPosition(julianDay: date.julianDay, second: closingSecond))
    }

    /// The table of `year`: precomputed, or computed now from the rules alone (every year that has overrides
    /// was precomputed when the calendar was made).
    func holidayYear(_ year: Int) -> HolidayYear {
        if let table = years[year] {
            return table
        }
        return HolidayYear(year: year, ruleHolidays: rules.holidays(in: year), overrides: nil)
    }

    private static func check(officeHours: [OfficePeriod]) throws {
        guard !officeHours.isEmpty else { throw CalendarError.invalidOfficeHours }
        var previousEnd = 0
        for period in officeHours {
            guard period.startMinute >= previousEnd, period.startMinute < period.endMinute,
                period.endMinute <= 1440
            else { throw CalendarError.invalidOfficeHours }
            previousEnd = period.endMinute
        }
    }

    /// Sorts every override date into the Gregorian year it falls in, rejecting impossible dates and days
    /// that are listed with two contradictory meanings.
    private static func gather(_ overrides: [YearOverrides]) throws -> [Int: DayOverrides] {
        var byYear: [Int: DayOverrides] = [:]
        func valid(_ date: LocalDate, _ decision: YearOverrides) throws -> LocalDate {
            guard date.isValid else {
                throw CalendarError.invalidDate("\(date) in the overrides of \(decision.year)")
            }
            return date
        }
        for decision in overrides {
            for extra in decision.extraDaysOff {
                let date = try valid(extra.date, decision)
                byYear[date.year, default: DayOverrides()].extraDaysOff.append(extra)
            }
            for date in decision.cancelledDaysOff {
                byYear[try valid(date, decision).year, default: DayOverrides()].cancelled.insert(date)
            }
            for date in decision.makeUpWorkingDays {
                byYear[try valid(date, decision).year, default: DayOverrides()].makeUp.insert(date)
            }
        }
        for overrides in byYear.values {
            let extraDays = Set(overrides.extraDaysOff.map(\.date))
            let clash = extraDays.intersection(overrides.cancelled)
                .union(extraDays.intersection(overrides.makeUp))
                .union(overrides.cancelled.intersection(overrides.makeUp))
            if let date = clash.min() {
                throw CalendarError.invalidOverride("\(date) is listed with two contradictory meanings")
            }
        }
        return byYear
    }

    /// Rejects overrides that would change nothing, which are almost always a mistyped date.
    private static func check(_ overrides: DayOverrides, against ruleHolidays: [Holiday]) throws {
        let ruleDays = Set(ruleHolidays.map(\.date))
        if let date = overrides.cancelled.subtracting(ruleDays).min() {
            throw CalendarError.invalidOverride("\(date) is cancelled but is not a day off under the rules")
        }
        if let date = overrides.makeUp.filter({ !$0.weekday.isWeekend && !ruleDays.contains($0) }).min() {
            throw CalendarError.invalidOverride("\(date) is a make-up working day but is a working day already")
        }
    }
}

extension WorkingCalendar: CustomStringConvertible {
    /// A one-line summary for logs; the holiday tables are left out on purpose (they run to thousands of lines).
    public var description: String {
        "WorkingCalendar(\(configuration.timeZoneIdentifier), office hours "
            + CalendarText.officeHours(configuration.officeHours)
            + ", cut-off \(LocalMoment.clock(configuration.sameDayCutoffMinute)), "
            + "\(configuration.overrides.count) yearly override(s))"
    }
}

/// A stretch of office time within a day, in seconds from local midnight.
struct OfficeSpan: Sendable {
    let start: Double
    let end: Double
}
