/// One Gregorian year's days off with the yearly overrides applied, indexed for constant-time lookups.
///
/// Built once per year when a ``WorkingCalendar`` is made, so that the per-request work of a due date is
/// dictionary lookups and never lunar astronomy.
struct HolidayYear: Sendable {
    /// The days off, sorted; what ``WorkingCalendar/holidays(in:)`` returns.
    let holidays: [Holiday]
    /// The first holiday of each day off, by Julian day.
    let daysOff: [Int: Holiday]
    /// Julian days that are working days whatever the rules say.
    let makeUpDays: Set<Int>
    /// The Julian days of 1 January and 31 December, to tell cheaply whether a day belongs here.
    let firstDay: Int
    let lastDay: Int

    init(year: Int, ruleHolidays: [Holiday], overrides: DayOverrides?) {
        firstDay = LocalDate(year: year, month: 1, day: 1).julianDay
        lastDay = LocalDate(year: year, month: 12, day: 31).julianDay
        let cancelled = overrides?.cancelled ?? []
        let makeUp = overrides?.makeUp ?? []
        // A make-up working day also removes a rule holiday on that day: overrides win over rules.
        var kept = ruleHolidays.filter { !cancelled.contains($0.date) && !makeUp.contains($0.date) }
        let ruleDays = Set(kept.map(\.date))
        // An extra day off on a day the rules already give keeps the rule's (legal) name.
        for extra in overrides?.extraDaysOff ?? [] where !ruleDays.contains(extra.date) {
            kept.append(Holiday(date: extra.date, nameVi: extra.nameVi, nameEn: extra.nameEn, kind: .extraDayOff))
        }
        var seen = Set<LocalDate>()
        holidays = kept.sorted(by: HolidayRules.precedes).filter {
            $0.kind != .extraDayOff || seen.insert($0.date).inserted
        }
        var index: [Int: Holiday] = [:]
        for holiday in holidays where index[holiday.date.julianDay] == nil {
            index[holiday.date.julianDay] = holiday
        }
        daysOff = index
        makeUpDays = Set(makeUp.map(\.julianDay))
    }

    func contains(julianDay: Int) -> Bool {
        julianDay >= firstDay && julianDay <= lastDay
    }

    func reason(julianDay: Int) -> NonWorkingReason? {
        if makeUpDays.contains(julianDay) {
            return nil
        }
        if let holiday = daysOff[julianDay] {
            return .holiday(holiday)
        }
        let weekday = Weekday(julianDay: julianDay)
        return weekday.isWeekend ? .weekend(weekday) : nil
    }

    func isWorking(julianDay: Int) -> Bool {
        if makeUpDays.contains(julianDay) {
            return true
        }
        return !Weekday(julianDay: julianDay).isWeekend && daysOff[julianDay] == nil
    }
}

/// The overrides that fall in one Gregorian year, gathered from all ``YearOverrides`` entries.
struct DayOverrides: Sendable {
    var extraDaysOff: [ExtraDayOff] = []
    var cancelled: Set<LocalDate> = []
    var makeUp: Set<LocalDate> = []
}

/// Remembers the last year looked up during one computation, so that walking day by day costs one
/// dictionary lookup per year crossed rather than per day, and years outside the precomputed range are
/// computed once per computation instead of once per day.
struct WorkingDayCursor {
    let calendar: WorkingCalendar
    private var current: HolidayYear?

    init(_ calendar: WorkingCalendar) {
        self.calendar = calendar
    }

    mutating func year(containing julianDay: Int) -> HolidayYear {
        if let current, current.contains(julianDay: julianDay) {
            return current
        }
        let table = calendar.holidayYear(LocalDate(julianDay: julianDay).year)
        current = table
        return table
    }

    mutating func isWorking(_ julianDay: Int) -> Bool {
        year(containing: julianDay).isWorking(julianDay: julianDay)
    }

    mutating func reason(_ julianDay: Int) -> NonWorkingReason? {
        year(containing: julianDay).reason(julianDay: julianDay)
    }
}
