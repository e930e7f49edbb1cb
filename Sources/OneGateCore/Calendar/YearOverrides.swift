/// A day off that the government declares for one year only, with the name shown to people.
public struct ExtraDayOff: Codable, Hashable, Sendable {
    /// The local day.
    public var date: LocalDate
    /// The Vietnamese name, e.g. "Nghỉ Tết Nguyên đán (hoán đổi)".
    public var nameVi: String
    /// The English name.
    public var nameEn: String

    /// Makes an extra day off.
    public init(date: LocalDate, nameVi: String, nameEn: String) {
        self.date = date
        self.nameVi = nameVi
        self.nameEn = nameEn
    }
}

/// The government's decisions for one year, which win over the rules of Art. 112.
///
/// Each year the government swaps days to make longer breaks (a weekday off, paid back by working a
/// Saturday); an administrator enters them here. `year` labels the decision; every date applies on its own
/// day, even one in a neighbouring year (a New Year break may start on 31 December).
public struct YearOverrides: Codable, Hashable, Sendable {
    /// The year of the decision.
    public var year: Int
    /// The decision these entries come from (number and date), kept for audit; optional.
    public var source: String?
    /// Days off in addition to the rules.
    public var extraDaysOff: [ExtraDayOff]
    /// Days off of the rules (holidays or compensatory days) that are working days after all.
    public var cancelledDaysOff: [LocalDate]
    /// Non-working days (usually Saturdays) declared working days.
    public var makeUpWorkingDays: [LocalDate]

    /// Makes a year's overrides.
    public init(
        year: Int, source: String? = nil, extraDaysOff: [ExtraDayOff] = [], cancelledDaysOff: [LocalDate] = [],
        makeUpWorkingDays: [LocalDate] = []
    ) {
        self.year = year
        self.source = source
        self.extraDaysOff = extraDaysOff
        self.cancelledDaysOff = cancelledDaysOff
        self.makeUpWorkingDays = makeUpWorkingDays
    }

    private enum CodingKeys: String, CodingKey {
        case year, source, extraDaysOff, cancelledDaysOff, makeUpWorkingDays
    }

    /// Decodes with every list optional, so an administrator writes only what the decision changes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        year = try container.decode(Int.self, forKey: .year)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        extraDaysOff = try container.decodeIfPresent([ExtraDayOff].self, forKey: .extraDaysOff) ?? []
        cancelledDaysOff = try container.decodeIfPresent([LocalDate].self, forKey: .cancelledDaysOff) ?? []
        makeUpWorkingDays = try container.decodeIfPresent([LocalDate].self, forKey: .makeUpWorkingDays) ?? []
    }
}
