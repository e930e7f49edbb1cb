import OneGateCore

extension WebTexts {
    /// Texts of the citizen pages.
    static let citizen: [String: LocalizedText] = [:]
}
