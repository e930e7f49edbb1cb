import Foundation

/// The fonts shipped in the OneGateDocuments bundle (DejaVu Serif, which covers Vietnamese).
public enum BundledFont: String, Sendable, CaseIterable {
    /// DejaVu Serif Book.
    case serif = "DejaVuSerif"
    /// DejaVu Serif Bold.
    case serifBold = "DejaVuSerif-Bold"

    /// The parsed font, read from the bundle the first time any code asks for it and then shared
    /// by the whole process.
    public var font: TrueTypeFont {
        switch self {
        case .serif: Self.serifFont
        case .serifBold: Self.serifBoldFont
        }
    }

    // Swift initialises a static stored property once, lazily and thread-safely, so each file is
    // read and parsed at most once however many requests render documents at the same time.
    private static let serifFont = load(.serif)
    private static let serifBoldFont = load(.serifBold)

    private static func load(_ font: BundledFont) -> TrueTypeFont {
        // `.copy("Fonts")` keeps the folder, so the files sit in a "Fonts" subdirectory of the bundle.
        guard let url = Bundle.module.url(forResource: font.rawValue, withExtension: "ttf", subdirectory: "Fonts"),
            let data = try? Data(contentsOf: url)
        else {
            fatalError("bundled font Fonts/\(font.rawValue).ttf is missing from the OneGateDocuments resources")
        }
        do {
            return try TrueTypeFont(data: data)
        } catch {
            fatalError("bundled font Fonts/\(font.rawValue).ttf does not parse: \(error)")
        }
    }
}
