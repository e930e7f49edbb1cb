import Foundation

/// One TrueType font as used by one PDF: the glyphs drawn so far and the text they stand for, and
/// the objects that embed it (Type 0 font over a CIDFontType2 with Identity-H, the glyph ids as
/// character ids, a subset font program, widths and a ToUnicode map so that text can be copied and
/// read aloud).
struct EmbeddedFont {
    let font: TrueTypeFont
    /// The resource name in content streams, such as `F1`.
    let resource: String
    /// Glyph id → the text it was drawn for (the first seen).
    private(set) var used: [UInt16: String] = [:]

    /// Letters every subset carries even when the page does not draw them, so that text added in a
    /// later revision (a result number, a signer's name in a signature appearance) can reuse this
    /// font: printable ASCII and the Vietnamese letters.
    static let alwaysIncluded: String = {
        var text = String((0x20...0x7E).map { Character(UnicodeScalar($0)!) })
        text += "ĐđƠơƯưĂăÂâÊêÔô"
        let vowels = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
        let tones: [UInt32] = [0x0300, 0x0301, 0x0303, 0x0309, 0x0323]
        for vowel in vowels {
            for tone in tones {
                let composed = (String(vowel) + String(UnicodeScalar(tone)!)).precomposedStringWithCanonicalMapping
                text += composed
            }
        }
        return text + "–—…“”‘’•·№"
    }()

    init(font: TrueTypeFont, resource: String) {
        self.font = font
        self.resource = resource
        _ = encode(Self.alwaysIncluded)
    }

    /// The hex string of glyph ids that draws `text`, recording the glyphs as used.
    @discardableResult
    mutating func encode(_ text: String) -> String {
        var out = "<"
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            let glyph = font.glyph(for: scalar) ?? 0
            if used[glyph] == nil, glyph != 0 { used[glyph] = String(scalar) }
            out += String(format: "%04X", glyph)
        }
        return out + ">"
    }

    /// The width of `text` at `size` points.
    func width(_ text: String, size: Double) -> Double {
        font.width(of: text, size: size)
    }

    private func scaled(_ value: Int) -> String {
        PDFSyntax.number(Double(value) * 1000 / Double(font.unitsPerEm))
    }

    /// A subset tag (six capital letters) that changes with the glyph set (§9.6.4).
    private var subsetTag: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for glyph in used.keys.sorted() {
            hash = (hash ^ UInt64(glyph)) &* 0x100_0000_01b3
        }
        var tag = ""
        for _ in 0..<6 {
            tag.append(Character(UnicodeScalar(UInt8(65 + hash % 26))))
            hash /= 26
        }
        return tag
    }

    /// Writes the font's objects; the Type 0 font is object `number`.
    func write(into writer: inout PDFObjectWriter, number: Int) throws {
        let descendant = writer.reserve()
        let descriptor = writer.reserve()
        let program = writer.reserve()
        let toUnicode = writer.reserve()
        let baseFont = PDFSyntax.name("\(subsetTag)+\(font.postScriptName)")
        writer.write(
            number,
            "<</Type /Font /Subtype /Type0 /BaseFont \(baseFont) /Encoding /Identity-H "
                + "/DescendantFonts [\(descendant) 0 R] /ToUnicode \(toUnicode) 0 R>>")
        writer.write(
            descendant,
            "<</Type /Font /Subtype /CIDFontType2 /BaseFont \(baseFont) "
                + "/CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> "
                + "/FontDescriptor \(descriptor) 0 R /DW 1000 /W \(widths) /CIDToGIDMap /Identity>>")
        let box = font.boundingBox
        // Flags: nonsymbolic (32), serif (2).
        writer.write(
            descriptor,
            "<</Type /FontDescriptor /FontName \(baseFont) /Flags 34 "
                + "/FontBBox [\(scaled(box.xMin)) \(scaled(box.yMin)) \(scaled(box.xMax)) \(scaled(box.yMax))] "
                + "/ItalicAngle \(PDFSyntax.number(font.italicAngle)) /Ascent \(scaled(font.ascent)) "
                + "/Descent \(scaled(font.descent)) /CapHeight \(scaled(font.capHeight)) "
                + "/StemV \(font.isBold ? 120 : 80) /FontWeight \(font.isBold ? 700 : 400) "
                + "/FontFile2 \(program) 0 R>>")
        let subset = try font.subset(keeping: Set(used.keys))
        writer.writeCompressedStream(program, entries: " /Length1 \(subset.count)", data: subset)
        writer.writeCompressedStream(toUnicode, entries: "", data: Array(toUnicodeMap.utf8))
    }

    /// `/W` as runs of consecutive glyph ids: `[g [w1 w2 …] …]`.
    private var widths: String {
        let glyphs = used.keys.sorted()
        var out = "["
        var index = 0
        while index < glyphs.count {
            var end = index
            while end + 1 < glyphs.count && glyphs[end + 1] == glyphs[end] + 1 { end += 1 }
            out += "\(glyphs[index]) ["
            out += glyphs[index...end].map { scaled(font.advanceWidth(of: $0)) }.joined(separator: " ")
            out += "] "
            index = end + 1
        }
        return out + "]"
    }

    private var toUnicodeMap: String {
        var out = """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """
        let glyphs = used.keys.sorted()
        for start in stride(from: 0, to: glyphs.count, by: 100) {
            let chunk = glyphs[start..<min(start + 100, glyphs.count)]
            out += "\(chunk.count) beginbfchar\n"
            for glyph in chunk {
                let utf16 = used[glyph]!.utf16.map { String(format: "%04X", $0) }.joined()
                out += String(format: "<%04X> <", glyph) + utf16 + ">\n"
            }
            out += "endbfchar\n"
        }
        out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        return out
    }
}
