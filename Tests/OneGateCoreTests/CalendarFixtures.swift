import Foundation
import Testing

@testable import OneGateCore

/// Shared helpers of the calendar tests; an enum namespace so that nothing collides with other suites.
enum CalendarFixtures {
    /// A fixed UTC+7 zone, independent of the tz database, to build the expected instants.
    static let vietnamOffset: TimeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt

    /// The default Vietnamese calendar.
    static func vietnam() throws -> WorkingCalendar {
        try WorkingCalendar(configuration: .vietnam)
    }

    /// The instant of a local time in UTC+7.
    static func vn(
        _ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0
    )
        -> Date
    {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = vietnamOffset
        let parts = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: parts) else {
            Issue.record("bad fixture date \(parts)")
            return Date(timeIntervalSince1970: 0)
        }
        return date
    }

    /// A date, written compactly.
    static func day(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        LocalDate(year: year, month: month, day: day)
    }

    /// Parses a `YYYY-MM-DD` list, recording a failure for any bad entry.
    static func days(_ texts: [String]) -> [LocalDate] {
        texts.compactMap { text in
            let date = LocalDate(string: text)
            if date == nil {
                Issue.record("bad fixture date \(text)")
            }
            return date
        }
    }
}
