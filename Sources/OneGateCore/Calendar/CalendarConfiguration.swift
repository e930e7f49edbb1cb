/// An instance's working-time settings: time zone, office hours, cut-off, yearly overrides.
///
/// Decoding fills every missing key with the Vietnamese default, so a configuration file holds only what
/// differs (typically just `overrides`). Checked when a ``WorkingCalendar`` is made from it.
public struct CalendarConfiguration: Codable, Sendable, Hashable {
    /// The IANA time zone of the instance, `"Asia/Ho_Chi_Minh"` by default.
    public var timeZoneIdentifier: String
    /// Office hours of a working day, in order; 08:00–12:00 and 13:00–17:00 by default.
    public var officeHours: [OfficePeriod]
    /// Receptions at or after this minute of the day count as next-day for same-day limits; 15:00 by default.
    public var sameDayCutoffMinute: Int
    /// The limit for accepting, returning or refusing an online submission; 8 working hours by default.
    public var onlineReceptionCheck: TimeLimit
    /// The government's yearly decisions, which win over the rules.
    public var overrides: [YearOverrides]

    /// Makes a configuration; every argument defaults to the Vietnamese default.
    public init(
        timeZoneIdentifier: String = "Asia/Ho_Chi_Minh",
        officeHours: [OfficePeriod] = CalendarConfiguration.defaultOfficeHours,
        sameDayCutoffMinute: Int = 15 * 60,
        onlineReceptionCheck: TimeLimit = TimeLimit(amount: 8, unit: .workingHours),
        overrides: [YearOverrides] = []
    ) {
        self.timeZoneIdentifier = timeZoneIdentifier
        self.officeHours = officeHours
        self.sameDayCutoffMinute = sameDayCutoffMinute
        self.onlineReceptionCheck = onlineReceptionCheck
        self.overrides = overrides
    }

    /// 08:00–12:00 and 13:00–17:00, the hours of Vietnamese public offices.
    public static let defaultOfficeHours = [
        OfficePeriod(startMinute: 8 * 60, endMinute: 12 * 60),
        OfficePeriod(startMinute: 13 * 60, endMinute: 17 * 60),
    ]

    /// The defaults of calendar.md with no yearly overrides.
    public static let vietnam = CalendarConfiguration()

    private enum CodingKeys: String, CodingKey {
        case timeZoneIdentifier, officeHours, sameDayCutoffMinute, onlineReceptionCheck, overrides
    }

    /// Decodes, taking the default for every missing key.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = CalendarConfiguration()
        timeZoneIdentifier =
            try container.decodeIfPresent(String.self, forKey: .timeZoneIdentifier) ?? defaults.timeZoneIdentifier
        officeHours = try container.decodeIfPresent([OfficePeriod].self, forKey: .officeHours) ?? defaults.officeHours
        sameDayCutoffMinute =
            try container.decodeIfPresent(Int.self, forKey: .sameDayCutoffMinute) ?? defaults.sameDayCutoffMinute
        onlineReceptionCheck =
            try container.decodeIfPresent(TimeLimit.self, forKey: .onlineReceptionCheck)
            ?? defaults.onlineReceptionCheck
        overrides = try container.decodeIfPresent([YearOverrides].self, forKey: .overrides) ?? []
    }
}
