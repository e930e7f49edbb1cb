import Foundation

/// One TrueType font as used by one PDF: the glyphs drawn so far and the text they stand for, and
/// the objects that embed it (Type 0 font over a CIDFontType2 with Identity-H, the original glyph
/// ids as character ids, a compact subset font program with a CIDToGIDMap, widths and a ToUnicode
/// map so that text can be copied and read aloud).
struct EmbeddedFont {
    let font: TrueTypeFont
    /// The resource name in content streams, such as `F1`.
    let resource: String
    /// Glyph id → the text it was drawn for (the first seen).
    private(set) var used: [UInt16: String] = [:]

    /// Characters every subset carries even when the page does not draw them, so that text added
    /// in a later revision (a result number, a date in a signature appearance) can reuse this font.
    static let alwaysIncluded: String = String((0x20...0x7E).map { Character(UnicodeScalar($0)!) }) + "ĐđƠơƯư"

    /// - Parameter reserving: text a later revision will draw with this font (signers' names).
    init(font: TrueTypeFont, resource: String, reserving: String = "") {
        self.font = font
        self.resource = resource
        _ = encode(Self.alwaysIncluded + reserving)
    }

    /// The hex string of glyph ids that draws `text`, recording the glyphs as used.
    @discardableResult
    mutating func encode(_ text: String) -> String {
        var out = "<"
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            let glyph = font.glyph(for: scalar) ?? 0
            if used[glyph] == nil, glyph != 0 { used[glyph] = String(scalar) }
            out += PDFSyntax.hex4(glyph)
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
    ///
    /// The font program is a compact subset with its own dense glyph ids; content streams, /W and
    /// ToUnicode keep using the original glyph ids as CIDs, and the /CIDToGIDMap stream translates.
    func write(into writer: inout PDFObjectWriter, number: Int) throws {
        let descendant = writer.reserve()
        let descriptor = writer.reserve()
        let program = writer.reserve()
        let toUnicode = writer.reserve()
        let cidToGID = writer.reserve()
        let baseFont = PDFSyntax.name("\(subsetTag)+\(font.postScriptName)")
        writer.write(
            number,
            "<</Type /Font /Subtype /Type0 /BaseFont \(baseFont) /Encoding /Identity-H "
                + "/DescendantFonts [\(descendant) 0 R] /ToUnicode \(toUnicode) 0 R>>")
        writer.write(
            descendant,
            "<</Type /Font /Subtype /CIDFontType2 /BaseFont \(baseFont) "
                + "/CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> "
                + "/FontDescriptor \(descriptor) 0 R /DW 1000 /W \(widths) /CIDToGIDMap \(cidToGID) 0 R>>")
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
        let subset = try font.compactSubset(keeping: Set(used.keys))
        writer.writeCompressedStream(program, entries: " /Length1 \(subset.bytes.count)", data: subset.bytes)
        writer.writeCompressedStream(toUnicode, entries: "", data: Array(toUnicodeMap.utf8))
        writer.writeCompressedStream(cidToGID, entries: "", data: cidToGIDMap(subset.newGlyphID))
    }

    /// The /CIDToGIDMap stream: for each CID (original glyph id) from 0 to the largest used, the
    /// glyph id in the compact font program as 2 bytes big-endian; 0 (.notdef) for CIDs not drawn.
    private func cidToGIDMap(_ newGlyphID: [UInt16: UInt16]) -> [UInt8] {
        let last = Int(used.keys.max() ?? 0)
        var map = [UInt8](repeating: 0, count: 2 * (last + 1))
        for cid in used.keys {
            let glyph = newGlyphID[cid] ?? 0  // always present: the subset keeps every used glyph
            map[2 * Int(cid)] = UInt8(glyph >> 8)
            map[2 * Int(cid) + 1] = UInt8(glyph & 0xFF)
        }
        return map
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
                let utf16 = used[glyph]!.utf16.map(PDFSyntax.hex4).joined()
                out += "<" + PDFSyntax.hex4(glyph) + "> <" + utf16 + ">\n"
            }
            out += "endbfchar\n"
        }
        out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        return out
    }
}
