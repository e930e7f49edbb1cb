import Foundation

/// A share with its parts, for figures that are not indicators of their own (score components).
public struct Ratio: Sendable, Hashable, Codable {
    /// What is counted.
    public var numerator: Int
    /// What it is counted out of.
    public var denominator: Int

    /// Makes a ratio, e.g. `Ratio(1, of: 2)`.
    public init(_ numerator: Int, of denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The share, 0...1, or `nil` when the denominator is 0.
    public var value: Double? { denominator > 0 ? Double(numerator) / Double(denominator) : nil }
}

extension IndicatorValue {
    /// The figure as a plain ratio.
    public var ratio: Ratio { Ratio(numerator, of: denominator) }
}
