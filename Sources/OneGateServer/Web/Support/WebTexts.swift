import OneGateCore

/// Every text the web pages show, in Vietnamese and English, keyed by a stable name that templates
/// use as `{{t.name}}`. Each area of the portal keeps its texts in its own file (`WebTexts+Area`);
/// a test checks that every key a template uses exists here and that no text is empty.
enum WebTexts {
    /// All entries, merged from every area.
    static let all: [String: LocalizedText] = {
        var merged: [String: LocalizedText] = [:]
        for area in [common, publicPages, citizen, counter, officer, admin, indicators, results, identity] {
            merged.merge(area) { first, _ in first }
        }
        return merged
    }()

    /// The whole table in one language, built once: templates read it as `t`.
    static let vi: [String: String] = all.mapValues(\.vi)
    static let en: [String: String] = all.mapValues { $0.en.isEmpty ? $0.vi : $0.en }

    static func table(_ language: Language) -> [String: String] { language == .vi ? vi : en }

    /// One text in `language`; the key itself when missing (a test keeps that from happening).
    static func text(_ key: String, _ language: Language) -> String {
        all[key]?.text(language) ?? key
    }
}

extension LocalizedText {
    /// Shorthand for the text tables.
    static func t(_ vi: String, _ en: String) -> LocalizedText { LocalizedText(vi: vi, en: en) }
}
