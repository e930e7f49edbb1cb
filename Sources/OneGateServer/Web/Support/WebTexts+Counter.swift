import OneGateCore

extension WebTexts {
    /// Texts of the counter pages.
    static let counter: [String: LocalizedText] = [:]
}
