import Foundation

/// A target: the share a unit should reach for an indicator in a year (kpi.md "Targets").
public struct Target: Sendable, Hashable, Codable {
    /// The unit it is set on (it applies to the unit and everything below it).
    public var unit: String
    /// The calendar year it applies to.
    public var year: Int
    /// The indicator.
    public var indicator: IndicatorID
    /// The share to reach, 0...1 (every indicator with a target is "higher is better").
    public var value: Double

    /// Makes a target.
    public init(unit: String, year: Int, indicator: IndicatorID, value: Double) {
        self.unit = unit
        self.year = year
        self.indicator = indicator
        self.value = value
    }
}

/// Which national template applies to a unit.
public enum TargetCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// Provinces and everything local below them: departments, districts, communes, service centres.
    case locality
    /// Ministries and branches, and their vertical offices in the provinces (police, tax, social insurance).
    case ministryOrBranch = "ministry_or_branch"

    /// The category of a unit kind.
    public init(_ kind: UnitKind) {
        switch kind {
        case .ministry, .verticalOffice: self = .ministryOrBranch
        case .province, .department, .commune, .district, .serviceCentre: self = .locality
        }
    }
}

/// The national targets of kpi.md, by category and year.
///
/// | indicator | locality 2024 | locality 2025 | ministry/branch 2024 | ministry/branch 2025 | source |
/// | --- | --- | --- | --- | --- | --- |
/// | `dossiers_full_online` | 30% | 70% | 70% | 85% | national target |
/// | `procedures_full_online` | — | 100% | — | 100% | "100% by 2025" |
/// | `processed_fully_electronic` | — | 80% | — | 80% | "≥ 80% (2025)" |
/// | `dossiers_online` | 50% | 50% | 50% | 50% | 766 3.3 full marks |
/// | `reused_data` | 80% | 80% | 80% | 80% | 766 4.3 full marks |
/// | `satisfaction` | 90% | 90% | 90% | 90% | 766 5.4 full marks |
///
/// A later year uses the latest year of the template (2025 for 2026 on); an earlier year has none.
public enum TargetTemplate {
    /// The years the template holds.
    public static let years = [2024, 2025]

    /// The national default targets of a category for a year.
    public static func national(_ category: TargetCategory, year: Int) -> [IndicatorID: Double] {
        guard let templateYear = years.last(where: { $0 <= year }) else { return [:] }
        var targets: [IndicatorID: Double] = [.dossiersOnline: 0.50, .reusedData: 0.80, .satisfaction: 0.90]
        switch (category, templateYear) {
        case (.locality, 2024): targets[.dossiersFullOnline] = 0.30
        case (.ministryOrBranch, 2024): targets[.dossiersFullOnline] = 0.70
        case (.locality, _): targets[.dossiersFullOnline] = 0.70
        case (.ministryOrBranch, _): targets[.dossiersFullOnline] = 0.85
        }
        if templateYear >= 2025 {
            targets[.proceduresFullOnline] = 1.0
            targets[.processedFullyElectronic] = 0.80
        }
        return targets
    }
}
