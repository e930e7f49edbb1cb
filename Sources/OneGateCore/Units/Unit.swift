import Foundation

/// The kind of an administrative unit.
public enum UnitKind: String, Sendable, Hashable, Codable, CaseIterable {
    case province, ministry, department, commune, district
    case serviceCentre = "service_centre"
    case verticalOffice = "vertical_office"
}

/// A node of the administration: province, department, commune, service centre, vertical office.
/// Units are never deleted: a merged or renamed unit gets an end date and successor links, so
/// that history and roll-ups over past periods still see it.
public struct AdministrativeUnit: Sendable, Hashable, Codable, Identifiable {
    /// National code, `V1V2V3.Z1Z2.Y1Y2.MX1X2` (codes.md), e.g. `000.00.12.H40`.
    public var code: String
    public var name: LocalizedText
    public var kind: UnitKind
    public var parent: String?
    public var effectiveFrom: LocalDate?
    /// The last day the unit existed; `nil` while it exists.
    public var effectiveTo: LocalDate?
    public var successors: [String]
    public var predecessors: [String]

    public var id: String { code }

    public init(
        code: String, name: LocalizedText, kind: UnitKind, parent: String?, effectiveFrom: LocalDate? = nil,
        effectiveTo: LocalDate? = nil, successors: [String] = [], predecessors: [String] = []
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.parent = parent
        self.effectiveFrom = effectiveFrom
        self.effectiveTo = effectiveTo
        self.successors = successors
        self.predecessors = predecessors
    }

    /// Whether the unit exists on `date` (historical units do not receive dossiers).
    public func isActive(on date: LocalDate) -> Bool {
        if let from = effectiveFrom, date < from { return false }
        if let to = effectiveTo, date > to { return false }
        return true
    }

    /// Checks the code against the national pattern; the country-specific pattern is data elsewhere,
    /// but every code must at least be a short dotted token without spaces.
    public static func isValidCode(_ code: String) -> Bool {
        guard (3...40).contains(code.count) else { return false }
        return code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ".") }
    }
}
