/// A local day and a minute of that day in the instance's time zone, as shown on receipts ("17:00 27/02/2026").
public struct LocalMoment: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The local day.
    public var date: LocalDate
    /// Minutes from local midnight, 0...1440 (1440 is the midnight that ends the day).
    public var minute: Int

    /// Makes a local moment.
    public init(date: LocalDate, minute: Int) {
        self.date = date
        self.minute = minute
    }

    /// `"2026-02-27 17:00"`.
    public var description: String {
        "\(date) \(LocalMoment.clock(minute))"
    }

    /// Compares in time order.
    public static func < (lhs: LocalMoment, rhs: LocalMoment) -> Bool {
        (lhs.date, lhs.minute) < (rhs.date, rhs.minute)
    }

    /// `"08:05"` for minute 485.
    static func clock(_ minute: Int) -> String {
        let hours = minute / 60
        let minutes = minute % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }
}
