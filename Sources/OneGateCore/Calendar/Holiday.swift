/// Why a holiday is a day off.
public enum HolidayKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// A public holiday of the Labour Code 2019, Art. 112.
    case publicHoliday = "public_holiday"
    /// A day off given back because a public holiday fell on a Saturday or Sunday.
    case compensatory
    /// A day off the government declared for one year, entered as a configuration override.
    case extraDayOff = "extra_day_off"
}

/// One day off with its name in both languages.
public struct Holiday: Codable, Hashable, Sendable {
    /// The local day.
    public var date: LocalDate
    /// The Vietnamese name, e.g. "Tết Nguyên đán".
    public var nameVi: String
    /// The English name, e.g. "Lunar New Year (Tết)".
    public var nameEn: String
    /// Why it is a day off.
    public var kind: HolidayKind

    /// Makes a holiday.
    public init(date: LocalDate, nameVi: String, nameEn: String, kind: HolidayKind) {
        self.date = date
        self.nameVi = nameVi
        self.nameEn = nameEn
        self.kind = kind
    }

    /// The name in `language`.
    public func name(in language: Language) -> String {
        switch language {
        case .vi: nameVi
        case .en: nameEn
        }
    }
}
