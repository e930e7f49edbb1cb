public import Foundation

/// A local day and the wall-clock seconds into it: the coordinates office-time arithmetic walks in.
///
/// Converting to and from `Date` only at the ends of a computation keeps it fast and makes office hours
/// wall-clock hours even in a zone with daylight saving.
struct LocalPosition: Hashable, Sendable {
    var julianDay: Int
    var second: Double
}

extension WorkingCalendar {
    /// The office time between two instants, in whole minutes (seconds are dropped); 0 when `to` is not
    /// after `from`. Only office hours of working days count.
    public func officeMinutes(from: Date, to: Date) -> Int {
        Int((officeSeconds(from: from, to: to) / 60).rounded(.down))
    }

    /// The instant `officeMinutes` of office time after `instant`.
    ///
    /// An instant outside office hours starts counting at the next opening. A result that lands exactly on
    /// the end of a period stays there (17:00, not the next 08:00), which is what makes "8 working hours
    /// from 08:00" end the same day. Zero or negative minutes give `instant` back unchanged.
    public func adding(officeMinutes: Int, to instant: Date) -> Date {
        adding(officeSeconds: Double(officeMinutes) * 60, to: instant)
    }

    /// The due moment after a pause of the clock (supplementation): `due` moved later by the office time
    /// that passed between `pausedFrom` and `resumedAt`, counted to the second.
    public func resumed(due: Date, pausedFrom: Date, resumedAt: Date) -> Date {
        adding(officeSeconds: officeSeconds(from: pausedFrom, to: resumedAt), to: due)
    }

    /// The last moment an extension (apology letter) may be issued for a dossier due at `due`: the same
    /// local time on the working day before the due moment's day.
    ///
    /// "One working day before" is read as whole working days, not 480 office minutes, so that a dossier
    /// due at 17:00 on Monday must be extended by 17:00 on the Friday before, not by Monday 08:00.
    public func latestExtensionMoment(forDue due: Date) -> Date {
        let position = position(of: due)
        let day = previousWorkingDay(before: LocalDate(julianDay: position.julianDay))
        return instant(of: LocalPosition(julianDay: day.julianDay, second: position.second))
    }

    func officeSeconds(from: Date, to: Date) -> Double {
        guard to > from else { return 0 }
        let start = position(of: from)
        let end = position(of: to)
        var cursor = WorkingDayCursor(self)
        func overlap(_ julianDay: Int, _ lower: Double, _ upper: Double) -> Double {
            guard cursor.isWorking(julianDay) else { return 0 }
            var total = 0.0
            for span in periods {
                total += max(0, min(upper, span.end) - max(lower, span.start))
            }
            return total
        }
        if start.julianDay == end.julianDay {
            return overlap(start.julianDay, start.second, end.second)
        }
        var total = overlap(start.julianDay, start.second, .infinity) + overlap(end.julianDay, 0, end.second)
        let fullDay = periods.reduce(0) { $0 + ($1.end - $1.start) }
        var julianDay = start.julianDay + 1
        while julianDay < end.julianDay {
            if cursor.isWorking(julianDay) {
                total += fullDay
            }
            julianDay += 1
        }
        return total
    }

    func adding(officeSeconds: Double, to instant: Date) -> Date {
        guard officeSeconds > 0 else { return instant }
        let start = position(of: instant)
        var cursor = WorkingDayCursor(self)
        var remaining = officeSeconds
        var julianDay = start.julianDay
        var from = start.second
        // Bounded so that an absurd amount cannot hang a request; 400 years is far past any pause.
        let horizon = julianDay + 146_097
        while julianDay < horizon {
            if cursor.isWorking(julianDay) {
                for span in periods where span.end > from {
                    let begin = max(from, span.start)
                    let available = span.end - begin
                    if remaining <= available {
                        return self.instant(of: LocalPosition(julianDay: julianDay, second: begin + remaining))
                    }
                    remaining -= available
                }
            }
            julianDay += 1
            from = 0
        }
        return self.instant(of: LocalPosition(julianDay: horizon, second: closingSecond))
    }

    /// The first moment at or after `instant` that is office time of a working day, or `instant` itself
    /// when it is one; the start of the count of a working-hours limit.
    func firstOfficePosition(from instant: Date) -> LocalPosition {
        let start = position(of: instant)
        var cursor = WorkingDayCursor(self)
        var julianDay = start.julianDay
        var from = start.second
        while true {
            if cursor.isWorking(julianDay), let span = periods.first(where: { $0.end > from }) {
                return LocalPosition(julianDay: julianDay, second: max(from, span.start))
            }
            julianDay += 1
            from = 0
        }
    }

    func position(of instant: Date) -> LocalPosition {
        if let fixed = fixedOffset, instant.timeIntervalSince1970 >= fixed.since {
            let local = instant.timeIntervalSince1970 + Double(fixed.seconds)
            let days = (local / 86_400).rounded(.down)
            return LocalPosition(julianDay: Int(days) + Self.unixEpochJulianDay, second: local - days * 86_400)
        }
        // Whole seconds go through Calendar (the authority on the zone's rules); the fraction is kept
        // apart so that sub-second instants survive the round trip exactly.
        let whole = instant.timeIntervalSinceReferenceDate.rounded(.down)
        let fraction = instant.timeIntervalSinceReferenceDate - whole
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSinceReferenceDate: whole))
        guard let year = parts.year, let month = parts.month, let day = parts.day, let hour = parts.hour,
            let minute = parts.minute, let second = parts.second
        else {
            return offsetPosition(of: instant)
        }
        let julianDay = LocalDate(year: year, month: month, day: day).julianDay
        return LocalPosition(julianDay: julianDay, second: Double(hour * 3600 + minute * 60 + second) + fraction)
    }

    func instant(of position: LocalPosition) -> Date {
        var julianDay = position.julianDay
        var seconds = position.second
        // 24:00 is a valid office closing time; Calendar wants it as 00:00 of the next day.
        while seconds >= 86_400 {
            julianDay += 1
            seconds -= 86_400
        }
        if let fixed = fixedOffset {
            let instant = Double(julianDay - Self.unixEpochJulianDay) * 86_400 + seconds - Double(fixed.seconds)
            if instant >= fixed.since { return Date(timeIntervalSince1970: instant) }
        }
        let whole = seconds.rounded(.down)
        let wholeSeconds = Int(whole)
        let date = LocalDate(julianDay: julianDay)
        let parts = DateComponents(
            year: date.year, month: date.month, day: date.day, hour: wholeSeconds / 3600,
            minute: wholeSeconds % 3600 / 60, second: wholeSeconds % 60)
        guard let found = calendar.date(from: parts) else {
            return offsetInstant(of: LocalPosition(julianDay: julianDay, second: seconds))
        }
        return found.addingTimeInterval(seconds - whole)
    }

    /// The Julian day of 1970-01-01, where `Date`'s Unix epoch falls.
    private static let unixEpochJulianDay = 2_440_588

    /// Fallbacks from the zone's UTC offset alone, should Calendar ever decline a conversion.
    private func offsetPosition(of instant: Date) -> LocalPosition {
        let local = instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))
        let days = (local / 86_400).rounded(.down)
        return LocalPosition(julianDay: Int(days) + Self.unixEpochJulianDay, second: local - days * 86_400)
    }

    private func offsetInstant(of position: LocalPosition) -> Date {
        let local = Double(position.julianDay - Self.unixEpochJulianDay) * 86_400 + position.second
        let guess = Date(timeIntervalSince1970: local)
        let firstOffset = Double(timeZone.secondsFromGMT(for: guess))
        let offset = timeZone.secondsFromGMT(for: guess.addingTimeInterval(-firstOffset))
        return Date(timeIntervalSince1970: local - Double(offset))
    }
}
