/// A language the product speaks to people in.
///
/// Vietnamese is the working language of the administration; English serves foreign applicants and
/// the project's own documentation. Every text that reaches a person exists in both.
public enum Language: String, Codable, Sendable, CaseIterable {
    /// Vietnamese.
    case vi
    /// English.
    case en
}
