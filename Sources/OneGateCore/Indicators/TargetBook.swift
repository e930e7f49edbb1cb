import Foundation

/// Where an effective target comes from.
public enum TargetOrigin: Sendable, Hashable, Codable {
    /// The national template for the unit's category.
    case national(TargetCategory)
    /// Set by a unit admin on this unit or an ancestor (the unit's code).
    case unit(String)
}

/// The target that applies to a unit, with where it comes from.
public struct ResolvedTarget: Sendable, Hashable, Codable {
    /// The share to reach, 0...1.
    public var value: Double
    /// Where it comes from.
    public var origin: TargetOrigin

    /// Makes a resolved target.
    public init(value: Double, origin: TargetOrigin) {
        self.value = value
        self.origin = origin
    }
}

/// The targets units have set, and the rules for which one applies.
///
/// A target set on a unit applies to it and every unit below it; the national template applies to
/// every unit by its category. When several apply, the strictest (highest) wins, so a unit can tighten
/// what it inherits but never loosen it, and ``set(_:tree:)`` refuses a looser one.
public struct TargetBook: Sendable, Hashable {
    /// The targets set by unit admins.
    public private(set) var targets: [Target]

    /// A book holding `targets` (not validated: use ``set(_:tree:)`` for new ones).
    public init(_ targets: [Target] = []) { self.targets = targets }

    /// The target that applies to `unit` for `indicator` in `year`, or `nil` when none does.
    public func effective(unit: String, year: Int, indicator: IndicatorID, tree: UnitTree) -> ResolvedTarget? {
        candidates(unit: unit, year: year, indicator: indicator, tree: tree, excludingOwn: false)
            .max { $0.value < $1.value }
    }

    /// The target that applies to `unit` in `year` for each indicator that has one: the same as
    /// ``effective(unit:year:indicator:tree:)`` for each, with the template and the unit's ancestry
    /// read once.
    public func effective(unit: String, year: Int, tree: UnitTree) -> [IndicatorID: ResolvedTarget] {
        var result: [IndicatorID: ResolvedTarget] = [:]
        if let kind = tree[unit]?.kind {
            let category = TargetCategory(kind)
            for (indicator, value) in TargetTemplate.national(category, year: year) {
                result[indicator] = ResolvedTarget(value: value, origin: .national(category))
            }
        }
        guard targets.contains(where: { $0.year == year }) else { return result }
        let chain = Self.ancestry(of: unit, in: tree)
        for target in targets where target.year == year && chain.contains(target.unit) {
            // As `max` in the single lookup: an equal value later in the book does not replace the first.
            if let current = result[target.indicator], !(current.value < target.value) { continue }
            result[target.indicator] = ResolvedTarget(value: target.value, origin: .unit(target.unit))
        }
        return result
    }

    /// Adds or replaces the target of (unit, year, indicator).
    /// - Throws: `invalid_field` for an unknown unit, a share outside 0...1, the score (which has no
    ///   target), or a target looser than the one the unit inherits (`target_too_loose`).
    public mutating func set(_ target: Target, tree: UnitTree) throws(OneGateError) {
        try validate(target, tree: tree)
        targets.removeAll { $0.unit == target.unit && $0.year == target.year && $0.indicator == target.indicator }
        targets.append(target)
    }

    /// Removes the target of (unit, year, indicator), if any.
    public mutating func remove(unit: String, year: Int, indicator: IndicatorID) {
        targets.removeAll { $0.unit == unit && $0.year == year && $0.indicator == indicator }
    }

    /// Checks a target against the unit tree and what the unit inherits.
    public func validate(_ target: Target, tree: UnitTree) throws(OneGateError) {
        guard tree[target.unit] != nil else {
            throw OneGateError.invalid(field: "unit", vi: "Không có đơn vị này.", en: "There is no such unit.")
        }
        guard target.indicator != .score766 else {
            throw OneGateError.invalid(
                field: "indicator", vi: "Chỉ số này không đặt chỉ tiêu.",
                en: "This indicator takes no target.")
        }
        guard target.value.isFinite, (0...1).contains(target.value) else {
            throw OneGateError.invalid(
                field: "value", vi: "Chỉ tiêu phải từ 0 đến 100%.",
                en: "A target must be between 0 and 100%.")
        }
        let inherited = candidates(
            unit: target.unit, year: target.year, indicator: target.indicator, tree: tree,
            excludingOwn: true
        ).map(\.value).max()
        if let inherited, target.value < inherited {
            throw OneGateError(
                .unprocessable, "target_too_loose",
                vi: "Chỉ tiêu không được thấp hơn chỉ tiêu được giao.",
                en: "A target cannot be looser than the one the unit inherits.",
                details: ["inherited": String(inherited)])
        }
    }

    private func candidates(
        unit: String, year: Int, indicator: IndicatorID, tree: UnitTree, excludingOwn: Bool
    ) -> [ResolvedTarget] {
        var result: [ResolvedTarget] = []
        if let kind = tree[unit]?.kind {
            let category = TargetCategory(kind)
            if let value = TargetTemplate.national(category, year: year)[indicator] {
                result.append(ResolvedTarget(value: value, origin: .national(category)))
            }
        }
        let chain = Self.ancestry(of: unit, in: tree)
        for target in targets where target.year == year && target.indicator == indicator {
            guard chain.contains(target.unit), !(excludingOwn && target.unit == unit) else { continue }
            result.append(ResolvedTarget(value: target.value, origin: .unit(target.unit)))
        }
        return result
    }

    /// The unit and its ancestors.
    static func ancestry(of unit: String, in tree: UnitTree) -> Set<String> {
        var chain: Set<String> = []
        var current: String? = unit
        while let code = current, chain.insert(code).inserted {
            current = tree[code]?.parent
        }
        return chain
    }
}

/// How a figure stands against its target.
public enum TargetStatus: String, Sendable, Hashable, Codable {
    /// At or above the target.
    case met
    /// Below, by at most 10 percentage points.
    case close
    /// Below by more than 10 points.
    case behind
    /// No figure to compare (nothing to divide by).
    case noData = "no_data"
}

/// A figure beside its target: the dashboard's value, target, gap and status.
public struct TargetComparison: Sendable, Hashable {
    /// The indicator compared.
    public var indicator: IndicatorID
    /// The figure, `nil` without data.
    public var value: Double?
    /// The target that applies.
    public var target: ResolvedTarget
    /// Met, close, behind, or no data.
    public var status: TargetStatus

    /// How far "close" reaches below the target: 10 percentage points.
    public static let closeMargin = 0.10
    /// Tolerance for shares computed in floating point (0.8 − 0.7 is 0.10000000000000009).
    static let tolerance = 1e-9

    /// Compares a figure with its target.
    public init(_ value: IndicatorValue, target: ResolvedTarget) {
        indicator = value.indicator
        self.value = value.value
        self.target = target
        guard let share = value.value else {
            status = .noData
            return
        }
        if share >= target.value - Self.tolerance {
            status = .met
        } else if target.value - share <= Self.closeMargin + Self.tolerance {
            status = .close
        } else {
            status = .behind
        }
    }

    /// The value minus the target (negative when below), as a share; `nil` without data.
    public var gap: Double? { value.map { $0 - target.value } }
    /// The gap in percentage points.
    public var gapPoints: Double? { gap.map { $0 * 100 } }
}
