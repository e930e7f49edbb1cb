/// Why a day is not a working day, for explanations shown to officers and applicants.
///
/// A holiday wins over a weekend when both apply, because the holiday is the more informative reason
/// (a holiday on a Sunday is also why the Monday after is off).
public enum NonWorkingReason: Hashable, Sendable {
    /// A weekly rest day.
    case weekend(Weekday)
    /// A public holiday, compensatory day or declared extra day off.
    case holiday(Holiday)

    /// The reason in `language`, e.g. "Nghỉ cuối tuần (Thứ Bảy)" or "Tết Nguyên đán".
    public func text(in language: Language) -> String {
        switch (self, language) {
        case (.weekend(let weekday), .vi): "Nghỉ cuối tuần (\(weekday.name(in: .vi)))"
        case (.weekend(let weekday), .en): "Weekend (\(weekday.name(in: .en)))"
        case (.holiday(let holiday), _): holiday.name(in: language)
        }
    }
}

extension NonWorkingReason: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, weekday, holiday
    }

    private enum Kind: String, Codable {
        case weekend, holiday
    }

    /// Decodes `{"kind": "weekend", "weekday": "saturday"}` or `{"kind": "holiday", "holiday": {...}}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .weekend:
            self = .weekend(try container.decode(Weekday.self, forKey: .weekday))
        case .holiday:
            self = .holiday(try container.decode(Holiday.self, forKey: .holiday))
        }
    }

    /// Encodes as a tagged object, readable by clients that do not know Swift's enum encoding.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .weekend(let weekday):
            try container.encode(Kind.weekend, forKey: .kind)
            try container.encode(weekday, forKey: .weekday)
        case .holiday(let holiday):
            try container.encode(Kind.holiday, forKey: .kind)
            try container.encode(holiday, forKey: .holiday)
        }
    }
}
