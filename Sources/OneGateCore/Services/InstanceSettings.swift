import Foundation

/// The settings an administrator changes at run time, kept as JSON text in the store's settings
/// (`OneGateStore.setting`), so that every server of an instance reads the same values and a
/// change needs no edit of `onegate.json` and no restart.
public enum InstanceSettings {
    /// The yearly calendar overrides entered on the administration pages: `[YearOverrides]`.
    public static let calendarOverridesKey = "calendar.overrides"
    /// The digital-transformation targets units have set: `[Target]`.
    public static let targetsKey = "indicators.targets"

    /// The stored yearly overrides, sorted by year; empty when none were saved.
    public static func calendarOverrides(from text: String?) throws -> [YearOverrides] {
        guard let text, !text.isEmpty else { return [] }
        return try JSONDecoder().decode([YearOverrides].self, from: Data(text.utf8)).sorted { $0.year < $1.year }
    }

    /// Stored targets; empty when none were saved.
    public static func targets(from text: String?) throws -> TargetBook {
        guard let text, !text.isEmpty else { return TargetBook() }
        return TargetBook(try JSONDecoder().decode([Target].self, from: Data(text.utf8)))
    }

    /// The JSON text of a settings value, with sorted keys so that equal values are equal text.
    public static func text<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// `base` (the configuration file's overrides) with each year of `stored` replacing the
    /// file's decision for that year: the administrator's entry is the later, deliberate one.
    /// A stored year with empty lists therefore cancels a file's decision for that year.
    public static func merging(_ stored: [YearOverrides], into base: [YearOverrides]) -> [YearOverrides] {
        let storedYears = Set(stored.map(\.year))
        return (base.filter { !storedYears.contains($0.year) } + stored).sorted { $0.year < $1.year }
    }
}

extension CalendarConfiguration {
    /// This configuration with the administrator's stored overrides applied (see
    /// ``InstanceSettings/merging(_:into:)``).
    public func applying(storedOverrides stored: [YearOverrides]) -> CalendarConfiguration {
        var configuration = self
        configuration.overrides = InstanceSettings.merging(stored, into: overrides)
        return configuration
    }
}
