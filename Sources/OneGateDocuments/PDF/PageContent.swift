import Foundation

/// The content stream of one page, built from drawing operations (ISO 32000-1 §8, §9).
struct PageContent {
    private(set) var operations: String = ""

    /// Draws a hex glyph string (`EmbeddedFont.encode`) with its baseline starting at (x, y).
    mutating func text(_ glyphs: String, font: String, size: Double, x: Double, y: Double, gray: Double = 0) {
        operations +=
            "BT \(PDFSyntax.number(gray)) g /\(font) \(PDFSyntax.number(size)) Tf "
            + "\(PDFSyntax.number(x)) \(PDFSyntax.number(y)) Td \(glyphs) Tj ET\n"
    }

    /// A straight line.
    mutating func line(from: (Double, Double), to: (Double, Double), width: Double = 0.6) {
        operations +=
            "\(PDFSyntax.number(width)) w \(PDFSyntax.number(from.0)) \(PDFSyntax.number(from.1)) m "
            + "\(PDFSyntax.number(to.0)) \(PDFSyntax.number(to.1)) l S\n"
    }

    /// An outlined rectangle.
    mutating func stroke(_ rect: PDFRect, width: Double = 0.6, gray: Double = 0) {
        operations +=
            "\(PDFSyntax.number(gray)) G \(PDFSyntax.number(width)) w \(PDFSyntax.number(rect.x)) "
            + "\(PDFSyntax.number(rect.y)) \(PDFSyntax.number(rect.width)) \(PDFSyntax.number(rect.height)) re S 0 G\n"
    }

    /// Raw operators (appearance streams).
    mutating func raw(_ text: String) {
        operations += text
    }
}
