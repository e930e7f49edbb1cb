import OneGateCore

extension WebTexts {
    /// Texts of the admin pages.
    static let admin: [String: LocalizedText] = [:]
}
