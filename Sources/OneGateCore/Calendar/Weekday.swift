/// A day of the week, Monday first as in Vietnamese usage ("Thứ Hai" is the first working day).
public enum Weekday: String, Codable, Hashable, Sendable, CaseIterable {
    /// Monday (Thứ Hai).
    case monday
    /// Tuesday (Thứ Ba).
    case tuesday
    /// Wednesday (Thứ Tư).
    case wednesday
    /// Thursday (Thứ Năm).
    case thursday
    /// Friday (Thứ Sáu).
    case friday
    /// Saturday (Thứ Bảy).
    case saturday
    /// Sunday (Chủ nhật).
    case sunday

    /// The weekday of a Julian Day Number; JDN 0 was a Monday, which makes the mapping a plain modulo.
    init(julianDay: Int) {
        let index = ((julianDay % 7) + 7) % 7
        self = Weekday.allCases[index]
    }

    /// Whether the day is a weekly rest day (Saturday or Sunday) under the default rules.
    public var isWeekend: Bool {
        self == .saturday || self == .sunday
    }

    /// The full name, e.g. "Thứ Bảy" / "Saturday".
    public func name(in language: Language) -> String {
        switch language {
        case .vi:
            switch self {
            case .monday: "Thứ Hai"
            case .tuesday: "Thứ Ba"
            case .wednesday: "Thứ Tư"
            case .thursday: "Thứ Năm"
            case .friday: "Thứ Sáu"
            case .saturday: "Thứ Bảy"
            case .sunday: "Chủ nhật"
            }
        case .en:
            switch self {
            case .monday: "Monday"
            case .tuesday: "Tuesday"
            case .wednesday: "Wednesday"
            case .thursday: "Thursday"
            case .friday: "Friday"
            case .saturday: "Saturday"
            case .sunday: "Sunday"
            }
        }
    }

    /// The short name used in dense listings, e.g. "T7" / "Sat".
    public func shortName(in language: Language) -> String {
        switch language {
        case .vi:
            switch self {
            case .monday: "T2"
            case .tuesday: "T3"
            case .wednesday: "T4"
            case .thursday: "T5"
            case .friday: "T6"
            case .saturday: "T7"
            case .sunday: "CN"
            }
        case .en:
            String(name(in: .en).prefix(3))
        }
    }
}
