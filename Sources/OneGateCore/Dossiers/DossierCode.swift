/// Dossier codes of codes.md: `<receiving unit code>-<YYMMDD>-<NNNN>`. The pattern is data so that
/// another country can configure its own; the sequence widens past 9999 rather than failing.
public struct DossierCodeFormat: Sendable, Hashable, Codable {
    /// Placeholders: `{unit}`, `{yymmdd}`, `{yyyymmdd}`, `{seq}` (zero-padded to `sequenceWidth`).
    public var pattern: String
    public var sequenceWidth: Int

    public init(pattern: String = "{unit}-{yymmdd}-{seq}", sequenceWidth: Int = 4) {
        self.pattern = pattern
        self.sequenceWidth = sequenceWidth
    }

    public static let vietnam = DossierCodeFormat()

    /// The code for a reception at `unit` on local day `day` with sequence number `sequence`.
    public func code(unit: String, day: LocalDate, sequence: Int) -> String {
        let digits = String(sequence)
        let padded = String(repeating: "0", count: max(0, sequenceWidth - digits.count)) + digits
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yymmdd = two(day.year % 100) + two(day.month) + two(day.day)
        return pattern.replacingOccurrences(of: "{unit}", with: unit)
            .replacingOccurrences(of: "{yyyymmdd}", with: "\(day.year)" + two(day.month) + two(day.day))
            .replacingOccurrences(of: "{yymmdd}", with: yymmdd)
            .replacingOccurrences(of: "{seq}", with: padded)
    }

    /// The key under which sequences are counted: one per unit and day.
    public static func sequenceDay(_ day: LocalDate) -> String { day.description }
}
