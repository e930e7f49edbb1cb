/// One stretch of office hours in a day, in minutes from local midnight (08:00 is 480).
public struct OfficePeriod: Codable, Hashable, Sendable {
    /// The opening minute, 0...1439.
    public var startMinute: Int
    /// The closing minute, after `startMinute`, at most 1440.
    public var endMinute: Int

    /// Makes a period; ``WorkingCalendar/init(configuration:)`` checks it.
    public init(startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// The length in minutes.
    public var minutes: Int {
        endMinute - startMinute
    }
}
