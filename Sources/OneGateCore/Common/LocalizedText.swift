/// A user-facing text in both instance languages. Vietnamese is the default and is never empty.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    /// The text in `language`, falling back to Vietnamese when the English text is missing.
    public func text(_ language: Language) -> String {
        switch language {
        case .vi: return vi
        case .en: return en.isEmpty ? vi : en
        }
    }
}
