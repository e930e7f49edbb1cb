/// The default public holidays of Vietnam (Labour Code 2019, Art. 112) and the compensatory days they
/// give, for any year, before any yearly government decision is applied.
public struct HolidayRules: Hashable, Sendable {
    /// The lunar calendar used for Tết and Hùng Kings' day (Vietnam's, at UTC+7, by default).
    public var lunar: LunarCalendar

    /// Rules over the given lunar calendar.
    public init(lunar: LunarCalendar = LunarCalendar()) {
        self.lunar = lunar
    }

    /// The public holidays of Gregorian `year` and their compensatory days, sorted by date.
    ///
    /// Consecutive holidays form one block (all of Tết; 30 April with 1 May) and each of its days that falls
    /// on a Saturday or Sunday gives one compensatory day on the next free weekday after the whole block,
    /// so that the block stays one unbroken rest.
    public func holidays(in year: Int) -> [Holiday] {
        let statutory = publicHolidays(in: year)
        let taken = Set(statutory.map(\.date.julianDay))
        var compensatory: [Holiday] = []
        var given = Set<Int>()
        for block in Self.blocks(of: statutory) {
            guard var cursor = block.last?.date.julianDay else { continue }
            // Two holidays on one weekend day still take only one day of rest, so give back one day.
            var seen = Set<LocalDate>()
            for holiday in block where holiday.date.weekday.isWeekend && seen.insert(holiday.date).inserted {
                repeat {
                    cursor += 1
                } while Weekday(julianDay: cursor).isWeekend || taken.contains(cursor) || given.contains(cursor)
                given.insert(cursor)
                compensatory.append(
                    Holiday(
                        date: LocalDate(julianDay: cursor),
                        nameVi: "Nghỉ bù \(holiday.nameVi)",
                        nameEn: "Compensatory day off for \(holiday.nameEn)",
                        kind: .compensatory))
            }
        }
        return (statutory + compensatory).sorted(by: Self.precedes)
    }

    /// The statutory days of Art. 112 alone, sorted by date.
    func publicHolidays(in year: Int) -> [Holiday] {
        func holiday(_ date: LocalDate, _ vi: String, _ en: String) -> Holiday {
            Holiday(date: date, nameVi: vi, nameEn: en, kind: .publicHoliday)
        }
        var days: [Holiday] = []
        days.append(holiday(LocalDate(year: year, month: 1, day: 1), "Tết Dương lịch", "New Year's Day"))
        // Tết is the last day of the old lunar year and days 1–4 of the new one.
        let tet = lunar.regularMonthStart(lunarYear: year, month: 1)
        for offset in -1...3 {
            days.append(holiday(LocalDate(julianDay: tet + offset), "Tết Nguyên đán", "Lunar New Year (Tết)"))
        }
        let hungKings = LocalDate(julianDay: lunar.regularMonthStart(lunarYear: year, month: 3) + 9)
        days.append(holiday(hungKings, "Giỗ Tổ Hùng Vương", "Hùng Kings' Commemoration Day"))
        let reunification = LocalDate(year: year, month: 4, day: 30)
        days.append(holiday(reunification, "Ngày Giải phóng miền Nam, thống nhất đất nước", "Reunification Day"))
        days.append(
            holiday(LocalDate(year: year, month: 5, day: 1), "Ngày Quốc tế Lao động", "International Labour Day"))
        let nationalDay = LocalDate(year: year, month: 9, day: 2)
        // The adjacent day is chosen so that the two days touch a weekend and make a longer rest.
        let adjacentDay = [.monday, .thursday].contains(nationalDay.weekday) ? 3 : 1
        days.append(holiday(nationalDay, "Quốc khánh", "National Day"))
        days.append(holiday(LocalDate(year: year, month: 9, day: adjacentDay), "Quốc khánh", "National Day"))
        return days.sorted(by: Self.precedes)
    }

    /// Splits sorted holidays into runs of consecutive days; two holidays on one day stay in one run.
    static func blocks(of sorted: [Holiday]) -> [[Holiday]] {
        var blocks: [[Holiday]] = []
        for holiday in sorted {
            if let last = blocks.last?.last, holiday.date.julianDay - last.date.julianDay <= 1 {
                blocks[blocks.count - 1].append(holiday)
            } else {
                blocks.append([holiday])
            }
        }
        return blocks
    }

    static func precedes(_ lhs: Holiday, _ rhs: Holiday) -> Bool {
        if lhs.date != rhs.date {
            return lhs.date < rhs.date
        }
        return kindOrder(lhs.kind) < kindOrder(rhs.kind)
    }

    private static func kindOrder(_ kind: HolidayKind) -> Int {
        switch kind {
        case .publicHoliday: 0
        case .compensatory: 1
        case .extraDayOff: 2
        }
    }
}
