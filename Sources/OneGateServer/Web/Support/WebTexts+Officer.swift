import OneGateCore

extension WebTexts {
    /// Texts of the officer pages.
    static let officer: [String: LocalizedText] = [:]
}
