public import Foundation

extension WorkingCalendar {
    /// The due moment of `limit` started at `start`, with the days skipped and the steps that led there.
    ///
    /// - `working_days` N: the reception day is not counted; due at the close of office hours of the Nth
    ///   working day after it.
    /// - `working_hours` N: N × 60 office minutes from `start` (from the next opening when outside office
    ///   hours); see ``adding(officeMinutes:to:)``.
    /// - `calendar_days` N: the close of office hours of the Nth day after the reception day, or of the
    ///   next working day when that day is not one.
    /// - `same_day`: the close of office hours of the reception day when it is a working day and the
    ///   reception is before the cut-off, otherwise of the next working day.
    ///
    /// Amounts below 1 (possible only in hand-built values; parsing rejects them) count as 0, which ends at
    /// the close of the reception day when it is a working day, or else of the next one.
    public func due(for limit: TimeLimit, from start: Date) -> DueExplanation {
        var work = DueComputation(calendar: self, start: start)
        switch limit.unit {
        case .workingDays:
            work.countWorkingDays(limit.boundedAmount)
        case .workingHours:
            work.countWorkingHours(limit.boundedAmount)
        case .calendarDays:
            work.countCalendarDays(limit.boundedAmount)
        case .sameDay:
            work.countSameDay()
        }
        let due = work.due ?? closeOfOffice(on: LocalDate(julianDay: work.startPosition.julianDay))
        return DueExplanation(
            limit: limit, start: start, due: due, timeZoneIdentifier: configuration.timeZoneIdentifier,
            startLocal: work.startLocal, dueLocal: localMoment(of: due), skippedDays: work.skipped,
            steps: work.stepsEn, stepsVi: work.stepsVi)
    }
}

/// The state of one due-date computation: the walk over days and the sentences that explain it.
private struct DueComputation {
    let calendar: WorkingCalendar
    let startPosition: LocalPosition
    let startLocal: LocalMoment
    var cursor: WorkingDayCursor
    var skipped: [SkippedDay] = []
    var stepsEn: [String] = []
    var stepsVi: [String] = []
    var due: Date?

    init(calendar: WorkingCalendar, start: Date) {
        self.calendar = calendar
        startPosition = calendar.position(of: start)
        startLocal = LocalMoment(
            date: LocalDate(julianDay: startPosition.julianDay), minute: Int(startPosition.second / 60))
        cursor = WorkingDayCursor(calendar)
    }

    private var closing: String {
        LocalMoment.clock(Int(calendar.closingSecond / 60))
    }

    mutating func step(_ en: String, _ vi: String) {
        stepsEn.append(en)
        stepsVi.append(vi)
    }

    /// Whether `julianDay` is a working day, recording it as skipped when it is not.
    mutating func visit(_ julianDay: Int) -> Bool {
        guard let reason = cursor.reason(julianDay) else { return true }
        skipped.append(SkippedDay(date: LocalDate(julianDay: julianDay), reason: reason))
        return false
    }

    /// From `julianDay` on, the first working day, skipping (and recording) the others.
    mutating func firstWorkingDay(from julianDay: Int) -> Int {
        var day = julianDay
        while !visit(day) {
            day += 1
        }
        return day
    }

    mutating func closeOn(_ julianDay: Int, en: String, vi: String) {
        let date = LocalDate(julianDay: julianDay)
        due = calendar.closeOfOffice(on: date)
        step(
            "Due at the close of office hours (\(closing)) \(en): \(CalendarText.date(date, .en)).",
            "Hạn là cuối giờ làm việc (\(closing)) \(vi): \(CalendarText.date(date, .vi)).")
    }

    mutating func noteReceptionNotCounted() {
        step(
            "Received \(CalendarText.moment(startLocal, .en)); the day of reception is not counted.",
            "Tiếp nhận lúc \(CalendarText.moment(startLocal, .vi)); không tính ngày tiếp nhận.")
    }

    mutating func noteSkipped() {
        guard !skipped.isEmpty else { return }
        step(
            "\(skipped.count) day(s) not counted because they are not working days (listed with reasons).",
            "Không tính \(skipped.count) ngày nghỉ (liệt kê kèm lý do).")
    }

    mutating func countWorkingDays(_ amount: Int) {
        noteReceptionNotCounted()
        guard amount > 0 else {
            let day = firstWorkingDay(from: startPosition.julianDay)
            closeOn(day, en: "of the first working day from reception", vi: "của ngày làm việc đầu tiên")
            return
        }
        var counted: [LocalDate] = []
        var day = startPosition.julianDay
        while counted.count < amount {
            day += 1
            if visit(day) {
                counted.append(LocalDate(julianDay: day))
            }
        }
        step(
            "Working days counted (\(amount)): \(CalendarText.dates(counted, .en)).",
            "Các ngày làm việc được tính (\(amount)): \(CalendarText.dates(counted, .vi)).")
        noteSkipped()
        closeOn(day, en: "of working day \(amount)", vi: "của ngày làm việc thứ \(amount)")
    }

    mutating func countWorkingHours(_ amount: Int) {
        let first = calendar.firstOfficePosition(from: calendar.instant(of: startPosition))
        step("Started \(CalendarText.moment(startLocal, .en)).", "Bắt đầu lúc \(CalendarText.moment(startLocal, .vi)).")
        if first != startPosition {
            let opening = LocalMoment(date: LocalDate(julianDay: first.julianDay), minute: Int(first.second / 60))
            step(
                "Outside office hours, so counting starts at the next opening: \(CalendarText.moment(opening, .en)).",
                "Ngoài giờ làm việc, nên bắt đầu tính từ \(CalendarText.moment(opening, .vi)).")
        }
        let hours = CalendarText.officeHours(calendar.configuration.officeHours)
        step(
            "\(amount) working hour(s) = \(amount * 60) office minutes, counted in office hours (\(hours)) "
                + "of working days.",
            "\(amount) giờ làm việc = \(amount * 60) phút, tính trong giờ làm việc (\(hours)) của các ngày làm việc.")
        let dueInstant = amount > 0 ? calendar.adding(officeMinutes: amount * 60, to: calendar.instant(of: first))
            : calendar.instant(of: startPosition)
        let dueDay = calendar.position(of: dueInstant).julianDay
        var day = startPosition.julianDay
        while day < dueDay {
            _ = visit(day)
            day += 1
        }
        noteSkipped()
        let dueLocal = calendar.localMoment(of: dueInstant)
        step("Due: \(CalendarText.moment(dueLocal, .en)).", "Hạn: \(CalendarText.moment(dueLocal, .vi)).")
        due = dueInstant
    }

    mutating func countCalendarDays(_ amount: Int) {
        noteReceptionNotCounted()
        let nominal = startPosition.julianDay + amount
        let nominalDate = LocalDate(julianDay: nominal)
        step(
            "Calendar day \(amount) is \(CalendarText.date(nominalDate, .en)).",
            "Ngày thứ \(amount) là \(CalendarText.date(nominalDate, .vi)).")
        let day = firstWorkingDay(from: nominal)
        if day == nominal {
            closeOn(day, en: "of that day", vi: "của ngày đó")
        } else {
            step(
                "It is not a working day, so the limit ends on the next working day.",
                "Ngày đó không phải ngày làm việc, nên hạn chuyển sang ngày làm việc tiếp theo.")
            closeOn(day, en: "of the next working day", vi: "của ngày làm việc tiếp theo")
        }
    }

    mutating func countSameDay() {
        let received = "Received \(CalendarText.moment(startLocal, .en))"
        let receivedVi = "Tiếp nhận lúc \(CalendarText.moment(startLocal, .vi))"
        let cutoff = LocalMoment.clock(calendar.configuration.sameDayCutoffMinute)
        if !cursor.isWorking(startPosition.julianDay) {
            step(
                "\(received), on a day that is not a working day, so the limit moves to the next working day.",
                "\(receivedVi), vào ngày nghỉ, nên hạn chuyển sang ngày làm việc tiếp theo.")
        } else if startPosition.second >= calendar.cutoffSecond {
            step(
                "\(received), at or after the cut-off (\(cutoff)), so the limit moves to the next working day.",
                "\(receivedVi), từ giờ chốt (\(cutoff)) trở đi, nên hạn chuyển sang ngày làm việc tiếp theo.")
        } else {
            step(
                "\(received), before the cut-off (\(cutoff)) on a working day.",
                "\(receivedVi), trước giờ chốt (\(cutoff)) của ngày làm việc.")
            closeOn(startPosition.julianDay, en: "of the day of reception", vi: "của ngày tiếp nhận")
            return
        }
        _ = visit(startPosition.julianDay)
        let day = firstWorkingDay(from: startPosition.julianDay + 1)
        noteSkipped()
        closeOn(day, en: "of the next working day", vi: "của ngày làm việc tiếp theo")
    }
}
