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
    /// Amounts below 1 (possible only in hand-built values; parsing rejects them) count as 0: zero days end
    /// at the first close of office of a working day that is not before `start`; zero hours end at `start`.
    public func due(for limit: TimeLimit, from start: Date) -> DueExplanation {
        let work = compute(limit, from: start, explain: true)
        let due = work.due ?? closeOfOffice(on: LocalDate(julianDay: work.startPosition.julianDay))
        return DueExplanation(
            limit: limit, start: start, due: due, timeZoneIdentifier: configuration.timeZoneIdentifier,
            startLocal: work.startLocal, dueLocal: localMoment(of: due), skippedDays: work.skipped,
            steps: work.stepsEn, stepsVi: work.stepsVi)
    }

    /// The due moment alone, the same as `due(for:from:).due` without writing the explanation; for lists and
    /// reports that compute many due dates at once.
    public func dueDate(for limit: TimeLimit, from start: Date) -> Date {
        let work = compute(limit, from: start, explain: false)
        return work.due ?? closeOfOffice(on: LocalDate(julianDay: work.startPosition.julianDay))
    }

    private func compute(_ limit: TimeLimit, from start: Date, explain: Bool) -> DueComputation {
        var work = DueComputation(calendar: self, start: start, explain: explain)
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
        return work
    }
}

/// The state of one due-date computation: the walk over days and, when asked, the sentences that explain
/// it (writing them is most of the cost, so a bare due date skips them).
private struct DueComputation {
    let calendar: WorkingCalendar
    let explain: Bool
    let start: Date
    let startPosition: LocalPosition
    let startLocal: LocalMoment
    var cursor: WorkingDayCursor
    var skipped: [SkippedDay] = []
    var stepsEn: [String] = []
    var stepsVi: [String] = []
    var due: Date?

    init(calendar: WorkingCalendar, start: Date, explain: Bool) {
        self.calendar = calendar
        self.explain = explain
        self.start = start
        startPosition = calendar.position(of: start)
        startLocal = LocalMoment(
            date: LocalDate(julianDay: startPosition.julianDay), minute: Int(startPosition.second / 60))
        cursor = WorkingDayCursor(calendar)
    }

    private var closing: String {
        LocalMoment.clock(Int(calendar.closingSecond / 60))
    }

    /// Callers check `explain` before building the sentences, since building them is the expensive part.
    mutating func step(_ en: String, _ vi: String) {
        stepsEn.append(en)
        stepsVi.append(vi)
    }

    /// Whether `julianDay` is a working day, recording it as skipped when it is not.
    mutating func visit(_ julianDay: Int) -> Bool {
        guard explain else { return cursor.isWorking(julianDay) }
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

    /// The first working day whose close of office is not before the start: what a limit of zero days means.
    mutating func firstClosingDay() -> Int {
        let received = startPosition.julianDay
        if cursor.isWorking(received) && startPosition.second <= calendar.closingSecond {
            return received
        }
        _ = visit(received)
        return firstWorkingDay(from: received + 1)
    }

    mutating func closeOn(_ julianDay: Int, en: String, vi: String) {
        let date = LocalDate(julianDay: julianDay)
        due = calendar.closeOfOffice(on: date)
        guard explain else { return }
        step(
            "Due at the close of office hours (\(closing)) \(en): \(CalendarText.date(date, .en)).",
            "Hạn là cuối giờ làm việc (\(closing)) \(vi): \(CalendarText.date(date, .vi)).")
    }

    mutating func noteReceptionNotCounted() {
        guard explain else { return }
        step(
            "Received \(CalendarText.moment(startLocal, .en)); the day of reception is not counted.",
            "Tiếp nhận lúc \(CalendarText.moment(startLocal, .vi)); không tính ngày tiếp nhận.")
    }

    mutating func noteSkipped() {
        guard explain, !skipped.isEmpty else { return }
        step(
            skipped.count == 1
                ? "1 day not counted because it is not a working day (listed with its reason)."
                : "\(skipped.count) days not counted because they are not working days (listed with reasons).",
            "Không tính \(skipped.count) ngày nghỉ (liệt kê kèm lý do).")
    }

    mutating func countWorkingDays(_ amount: Int) {
        noteReceptionNotCounted()
        guard amount > 0 else {
            closeOn(firstClosingDay(), en: "of the first working day from reception", vi: "của ngày làm việc đầu tiên")
            return
        }
        var counted: [LocalDate] = []
        var count = 0
        var day = startPosition.julianDay
        while count < amount {
            day += 1
            if visit(day) {
                count += 1
                if explain {
                    counted.append(LocalDate(julianDay: day))
                }
            }
        }
        if explain {
            step(
                "Working days counted (\(amount)): \(CalendarText.dates(counted, .en)).",
                "Các ngày làm việc được tính (\(amount)): \(CalendarText.dates(counted, .vi)).")
        }
        noteSkipped()
        closeOn(day, en: "of working day \(amount)", vi: "của ngày làm việc thứ \(amount)")
    }

    mutating func countWorkingHours(_ amount: Int) {
        let dueInstant = amount > 0 ? calendar.adding(officeMinutes: amount * 60, to: start) : start
        due = dueInstant
        guard explain else { return }
        let first = calendar.firstOfficePosition(from: start)
        step("Started \(CalendarText.moment(startLocal, .en)).", "Bắt đầu lúc \(CalendarText.moment(startLocal, .vi)).")
        if first != startPosition {
            let opening = LocalMoment(date: LocalDate(julianDay: first.julianDay), minute: Int(first.second / 60))
            step(
                "Outside office hours, so counting starts at the next opening: \(CalendarText.moment(opening, .en)).",
                "Ngoài giờ làm việc, nên bắt đầu tính từ \(CalendarText.moment(opening, .vi)).")
        }
        let hours = CalendarText.officeHours(calendar.configuration.officeHours)
        step(
            "\(TimeLimit(amount: amount, unit: .workingHours).text(in: .en)) = \(amount * 60) office minutes, "
                + "counted in office hours (\(hours)) of working days.",
            "\(amount) giờ làm việc = \(amount * 60) phút, tính trong giờ làm việc (\(hours)) của các ngày làm việc.")
        let dueDay = calendar.position(of: dueInstant).julianDay
        var day = startPosition.julianDay
        while day < dueDay {
            _ = visit(day)
            day += 1
        }
        noteSkipped()
        let dueLocal = calendar.localMoment(of: dueInstant)
        step("Due: \(CalendarText.moment(dueLocal, .en)).", "Hạn: \(CalendarText.moment(dueLocal, .vi)).")
    }

    mutating func countCalendarDays(_ amount: Int) {
        noteReceptionNotCounted()
        guard amount > 0 else {
            closeOn(firstClosingDay(), en: "of the first working day from reception", vi: "của ngày làm việc đầu tiên")
            return
        }
        let nominal = startPosition.julianDay + amount
        if explain {
            let nominalDate = LocalDate(julianDay: nominal)
            step(
                "Calendar day \(amount) is \(CalendarText.date(nominalDate, .en)).",
                "Ngày thứ \(amount) là \(CalendarText.date(nominalDate, .vi)).")
        }
        let day = firstWorkingDay(from: nominal)
        if day == nominal {
            closeOn(day, en: "of that day", vi: "của ngày đó")
        } else if !explain {
            closeOn(day, en: "", vi: "")
        } else {
            step(
                "It is not a working day, so the limit ends on the next working day.",
                "Ngày đó không phải ngày làm việc, nên hạn chuyển sang ngày làm việc tiếp theo.")
            closeOn(day, en: "of the next working day", vi: "của ngày làm việc tiếp theo")
        }
    }

    mutating func countSameDay() {
        let working = cursor.isWorking(startPosition.julianDay)
        let beforeCutoff = working && startPosition.second < calendar.cutoffSecond
        if explain {
            let received = "Received \(CalendarText.moment(startLocal, .en))"
            let receivedVi = "Tiếp nhận lúc \(CalendarText.moment(startLocal, .vi))"
            let cutoff = LocalMoment.clock(calendar.configuration.sameDayCutoffMinute)
            if !working {
                step(
                    "\(received), on a day that is not a working day, so the limit moves to the next working day.",
                    "\(receivedVi), vào ngày nghỉ, nên hạn chuyển sang ngày làm việc tiếp theo.")
            } else if !beforeCutoff {
                step(
                    "\(received), at or after the cut-off (\(cutoff)), so the limit moves to the next working day.",
                    "\(receivedVi), từ giờ chốt (\(cutoff)) trở đi, nên hạn chuyển sang ngày làm việc tiếp theo.")
            } else {
                step(
                    "\(received), before the cut-off (\(cutoff)) on a working day.",
                    "\(receivedVi), trước giờ chốt (\(cutoff)) của ngày làm việc.")
            }
        }
        if beforeCutoff {
            closeOn(startPosition.julianDay, en: "of the day of reception", vi: "của ngày tiếp nhận")
            return
        }
        _ = visit(startPosition.julianDay)
        let day = firstWorkingDay(from: startPosition.julianDay + 1)
        noteSkipped()
        closeOn(day, en: "of the next working day", vi: "của ngày làm việc tiếp theo")
    }
}
