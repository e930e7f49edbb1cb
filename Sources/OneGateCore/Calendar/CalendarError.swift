/// What can be wrong with a time limit or a calendar configuration.
///
/// Raised when a procedure or an instance is configured, never while computing a due date, so that a bad
/// setting is caught by the administrator who made it rather than by an applicant.
public enum CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not a time limit such as `"5 working_days"`; carries the text.
    case invalidTimeLimit(String)
    /// No time zone has this identifier; carries the identifier.
    case unknownTimeZone(String)
    /// Office hours are empty, out of 00:00–24:00, inverted, overlapping or out of order.
    case invalidOfficeHours
    /// The same-day cut-off is not a minute of the day (0...1440); carries the value.
    case invalidSameDayCutoff(Int)
    /// A date in the configuration does not exist; carries it as written.
    case invalidDate(String)
    /// A yearly override contradicts itself or the rules; carries an explanation naming the date.
    case invalidOverride(String)

    /// A message for logs and for the administrator who entered the configuration.
    public var description: String {
        switch self {
        case .invalidTimeLimit(let text):
            "Invalid time limit \"\(text)\": expected \"N working_days\", \"N working_hours\", "
                + "\"N calendar_days\" or \"same_day\""
        case .unknownTimeZone(let identifier):
            "Unknown time zone \"\(identifier)\""
        case .invalidOfficeHours:
            "Invalid office hours: give one or more periods, in order, not overlapping, within 00:00–24:00"
        case .invalidSameDayCutoff(let minute):
            "Invalid same-day cut-off \(minute): expected minutes from midnight, 0...1440"
        case .invalidDate(let text):
            "Invalid date \(text)"
        case .invalidOverride(let reason):
            "Invalid yearly override: \(reason)"
        }
    }
}
