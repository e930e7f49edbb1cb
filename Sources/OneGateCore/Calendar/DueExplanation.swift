public import Foundation

/// A day the count of a time limit passed over, with the reason in both languages.
public struct SkippedDay: Codable, Hashable, Sendable {
    /// The local day.
    public var date: LocalDate
    /// Why it was not counted.
    public var reason: NonWorkingReason
    /// The reason in Vietnamese, e.g. "Tết Nguyên đán".
    public var reasonVi: String
    /// The reason in English, e.g. "Lunar New Year (Tết)".
    public var reasonEn: String

    /// Makes a skipped day, writing the reason's text in both languages.
    public init(date: LocalDate, reason: NonWorkingReason) {
        self.date = date
        self.reason = reason
        self.reasonVi = reason.text(in: .vi)
        self.reasonEn = reason.text(in: .en)
    }
}

/// A due moment with its reasons: what an officer (or the CLI) sees when asking "when is this due?".
public struct DueExplanation: Codable, Hashable, Sendable {
    /// The time limit applied.
    public var limit: TimeLimit
    /// The instant the clock started (valid reception, or submission for the online reception check).
    public var start: Date
    /// The due moment.
    public var due: Date
    /// The time zone the local days and times below are in.
    public var timeZoneIdentifier: String
    /// The start in local time.
    public var startLocal: LocalMoment
    /// The due moment in local time.
    public var dueLocal: LocalMoment
    /// The non-working days the count passed over, in order.
    public var skippedDays: [SkippedDay]
    /// How the due moment was reached, one sentence per step, in English.
    public var steps: [String]
    /// The same steps in Vietnamese.
    public var stepsVi: [String]

    /// Makes an explanation; ``WorkingCalendar/due(for:from:)`` is the usual source.
    public init(
        limit: TimeLimit, start: Date, due: Date, timeZoneIdentifier: String, startLocal: LocalMoment,
        dueLocal: LocalMoment, skippedDays: [SkippedDay], steps: [String], stepsVi: [String]
    ) {
        self.limit = limit
        self.start = start
        self.due = due
        self.timeZoneIdentifier = timeZoneIdentifier
        self.startLocal = startLocal
        self.dueLocal = dueLocal
        self.skippedDays = skippedDays
        self.steps = steps
        self.stepsVi = stepsVi
    }

    /// The steps in `language`.
    public func steps(in language: Language) -> [String] {
        switch language {
        case .vi: stepsVi
        case .en: steps
        }
    }

    /// The explanation as plain text for people: limit, start, due, the days not counted with their
    /// reasons, and the steps.
    public func render(language: Language) -> String {
        let vi = language == .vi
        var lines = [
            (vi ? "Thời hạn: " : "Time limit: ") + limit.text(in: language),
            (vi ? "Bắt đầu: " : "Start: ") + CalendarText.moment(startLocal, language),
            (vi ? "Hạn: " : "Due: ") + CalendarText.moment(dueLocal, language) + " (\(timeZoneIdentifier))",
        ]
        if !skippedDays.isEmpty {
            lines.append((vi ? "Các ngày không tính" : "Days not counted") + " (\(skippedDays.count)):")
            for skipped in skippedDays {
                let reason = vi ? skipped.reasonVi : skipped.reasonEn
                lines.append("- " + CalendarText.date(skipped.date, language) + ": " + reason)
            }
        }
        lines.append(vi ? "Cách tính:" : "How it was computed:")
        for (index, step) in steps(in: language).enumerated() {
            lines.append("\(index + 1). \(step)")
        }
        return lines.joined(separator: "\n")
    }
}
