/// How a procedure's time limit is counted (calendar.md, "Time limits").
public enum TimeLimitUnit: String, Codable, Sendable, CaseIterable {
    /// Working days after the day of reception, ending at the close of office hours.
    case workingDays = "working_days"
    /// Office hours from the starting moment.
    case workingHours = "working_hours"
    /// Calendar days after the day of reception, ending at the close of a working day.
    case calendarDays = "calendar_days"
    /// The close of the reception day when received before the cut-off, else of the next working day.
    case sameDay = "same_day"
}

/// A legal time limit: an amount and a unit, written `"5 working_days"` in procedure data.
///
/// Encodes as that text; decodes either the text or `{"amount": 5, "unit": "working_days"}`.
public struct TimeLimit: Hashable, Sendable, CustomStringConvertible {
    /// The largest amount accepted; far beyond any legal limit, it bounds the work of one computation.
    public static let maximumAmount = 10_000

    /// The number of units; always 1 for ``TimeLimitUnit/sameDay``.
    public var amount: Int
    /// The unit.
    public var unit: TimeLimitUnit

    /// Makes a limit; a same-day limit has no amount, so its amount is stored as 1 to keep equality honest.
    public init(amount: Int, unit: TimeLimitUnit) {
        self.amount = unit == .sameDay ? 1 : amount
        self.unit = unit
    }

    /// Parses `"5 working_days"`, `"8 working_hours"`, `"30 calendar_days"`, `"same_day"` or `"1 same_day"`.
    ///
    /// The amount must be 1...``maximumAmount``; surrounding and repeated blanks are allowed.
    /// - Throws: ``CalendarError/invalidTimeLimit(_:)`` for anything else.
    public init(parsing text: String) throws {
        let words = text.split(whereSeparator: \.isWhitespace)
        let invalid = CalendarError.invalidTimeLimit(text)
        switch words.count {
        case 1:
            guard words[0] == Substring(TimeLimitUnit.sameDay.rawValue) else { throw invalid }
            self.init(amount: 1, unit: .sameDay)
        case 2:
            guard words[0].allSatisfy({ $0.isASCII && $0.isNumber }), let amount = Int(words[0]),
                let unit = TimeLimitUnit(rawValue: String(words[1])),
                (1...Self.maximumAmount).contains(amount),
                unit != .sameDay || amount == 1
            else { throw invalid }
            self.init(amount: amount, unit: unit)
        default:
            throw invalid
        }
    }

    /// `"5 working_days"`, or `"same_day"`; ``init(parsing:)`` reads it back.
    public var description: String {
        unit == .sameDay ? unit.rawValue : "\(amount) \(unit.rawValue)"
    }

    /// The limit for people, e.g. "5 ngày làm việc" / "5 working days".
    public func text(in language: Language) -> String {
        switch (unit, language) {
        case (.workingDays, .vi): "\(amount) ngày làm việc"
        case (.workingDays, .en): amount == 1 ? "1 working day" : "\(amount) working days"
        case (.workingHours, .vi): "\(amount) giờ làm việc"
        case (.workingHours, .en): amount == 1 ? "1 working hour" : "\(amount) working hours"
        case (.calendarDays, .vi): "\(amount) ngày"
        case (.calendarDays, .en): amount == 1 ? "1 calendar day" : "\(amount) calendar days"
        case (.sameDay, .vi): "trong ngày"
        case (.sameDay, .en): "same day"
        }
    }

    /// The amount the engine counts with: negative amounts count as 0 and huge ones are capped, so that
    /// a hand-built value can never make a computation run away.
    var boundedAmount: Int {
        min(max(amount, 0), Self.maximumAmount)
    }
}

extension TimeLimit: Codable {
    private enum CodingKeys: String, CodingKey {
        case amount, unit
    }

    /// Decodes `"5 working_days"` or `{"amount": 5, "unit": "working_days"}`, validating like parsing.
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.singleValueContainer(), let text = try? container.decode(String.self) {
            self = try TimeLimit(parsing: text)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let amount = try container.decode(Int.self, forKey: .amount)
        let unit = try container.decode(TimeLimitUnit.self, forKey: .unit)
        self = try TimeLimit(parsing: unit == .sameDay ? "\(amount) same_day" : "\(amount) \(unit.rawValue)")
    }

    /// Encodes the text form, `"5 working_days"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
