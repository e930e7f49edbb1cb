import Foundation
import Testing

@testable import OneGateDocuments

@Suite struct TrueTypeFontTests {
    static let serif = BundledFont.serif.font
    static let bold = BundledFont.serifBold.font

    /// Every Vietnamese vowel with each tone, both cases, plus đ/Đ, built from combining marks and
    /// NFC-composed so the list does not depend on typing precomposed letters correctly.
    static let vietnameseLetters: [String] = {
        let vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
        let tones = ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"]
        var letters = ["đ", "Đ"]
        for vowel in vowels {
            for tone in tones {
                let letter = (vowel + tone).precomposedStringWithCanonicalMapping
                letters.append(letter)
                letters.append(letter.uppercased())
            }
        }
        return letters
    }()

    static let sentence =
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập, Tự do, Hạnh phúc. Giấy chứng nhận đăng ký: "
        + "Nguyễn Thị Ánh Tuyết, sinh ngày 01/02/1990, quê quán Thừa Thiên Huế; ưu tiên số 7."

    // MARK: Parsing

    @Test(arguments: BundledFont.allCases)
    func everyVietnameseLetterHasAGlyph(_ bundled: BundledFont) {
        let font = bundled.font
        #expect(Self.vietnameseLetters.count == 2 + 12 * 6 * 2)
        for letter in Self.vietnameseLetters {
            let scalars = Array(letter.unicodeScalars)
            #expect(scalars.count == 1, "\(letter) should be one precomposed scalar")
            let glyph = font.glyph(for: scalars[0])
            #expect(glyph != nil && glyph != 0, "\(letter) has no glyph in \(bundled)")
        }
    }

    @Test func glyphIdsMatchFontTools() {
        // Ids read with fontTools' getBestCmap() from DejaVuSerif.ttf.
        let expected: [(Unicode.Scalar, UInt16)] = [("ễ", 1615), ("ự", 1659), ("ộ", 1635), ("ắ", 1593), ("đ", 211)]
        for (scalar, glyph) in expected {
            #expect(Self.serif.glyph(for: scalar) == glyph)
        }
        #expect(Self.serif.glyph(for: "\u{E000}") == nil)  // private use: not in DejaVu
        #expect(Self.serif.glyph(for: "\u{1F600}") == nil)  // beyond the BMP, via format 12
        #expect(Self.serif.glyphs(for: "e\u{302}\u{303}") == [1615])  // decomposed input composes first
    }

    @Test func metrics() {
        let serif = Self.serif
        #expect(serif.numGlyphs == 3528)
        #expect(serif.unitsPerEm == 2048)
        #expect(serif.ascent == 1901)
        #expect(serif.descent == -483)
        #expect(serif.capHeight == 1493)  // OS/2 is version 1, so this is the top of "H"
        #expect(serif.boundingBox == .init(xMin: -1576, yMin: -710, xMax: 4312, yMax: 2272))
        #expect(serif.italicAngle == 0)
        #expect(!serif.isFixedPitch)
        #expect(serif.postScriptName == "DejaVuSerif")
        #expect(!serif.isBold)
        #expect(serif.weightClass == 400)
        #expect(serif.embeddingFlags == 0)
        #expect(Self.bold.postScriptName == "DejaVuSerif-Bold")
        #expect(Self.bold.isBold)
        #expect(Self.bold.numGlyphs == 3506)
        #expect(serif.pdfGlyphSpace(2048) == 1000)
    }

    @Test func advanceWidths() {
        let serif = Self.serif
        #expect(serif.advanceWidth(of: serif.glyph(for: " ")!) == 651)
        #expect(serif.advanceWidth(of: serif.glyph(for: "W")!) == 2105)
        #expect(serif.advanceWidth(of: serif.glyph(for: "i")!) == 655)
        #expect(serif.advanceWidth(of: UInt16(serif.numGlyphs)) == 0)
        for bundled in BundledFont.allCases {
            let font = bundled.font
            for letter in Self.vietnameseLetters {
                let advance = font.advanceWidth(of: font.glyphs(for: letter)[0])
                #expect(advance > font.unitsPerEm / 4 && advance < font.unitsPerEm, "\(letter): \(advance)")
            }
            #expect(font.width(of: "", size: 12) == 0)
        }
        #expect(serif.width(of: "Wi", size: 10) == Double(2105 + 655) * 10 / 2048)
        #expect(serif.width(of: "Nguyễn", size: 11) == serif.width(of: "Nguye\u{302}\u{303}n", size: 11))
        #expect(Self.bold.width(of: Self.sentence, size: 10) > serif.width(of: Self.sentence, size: 10))
    }

    @Test func malformedFontsThrow() throws {
        let original = try Self.fontBytes(.serif)
        var cases: [(String, [UInt8])] = [
            ("empty", []),
            ("header only", Array(original.prefix(12))),
            ("half the directory", Array(original.prefix(12 + 16 * 10))),
            ("half the file", Array(original.prefix(original.count / 2))),
            ("all but the last table's last bytes", Array(original.dropLast(4))),  // the file ends in 2 pad bytes
            ("CFF", [0x4F, 0x54, 0x54, 0x4F] + original.dropFirst(4)),
            ("garbage", [UInt8](repeating: 0xAB, count: 4096)),
        ]
        // Out-of-order loca: make entry 10 larger than entry 11.
        var badLoca = original
        let loca = try Self.tableRecord("loca", in: original)
        badLoca.replaceSubrange((loca.offset + 40)..<(loca.offset + 44), with: [0x7F, 0xFF, 0xFF, 0xFF])
        cases.append(("loca out of order", badLoca))
        // hhea claims more metrics than there are glyphs.
        var badHhea = original
        let hhea = try Self.tableRecord("hhea", in: original)
        badHhea.replaceSubrange((hhea.offset + 34)..<(hhea.offset + 36), with: [0xFF, 0xFF])
        cases.append(("numberOfHMetrics", badHhea))

        for (name, bytes) in cases {
            #expect(throws: TrueTypeError.self, "\(name)") { _ = try TrueTypeFont(bytes: bytes) }
        }
    }

    @Test func randomCorruptionNeverTraps() throws {
        // Flips bytes in the directory and the small tables; parsing and subsetting may throw but
        // must not crash the process.
        let original = try Self.fontBytes(.serif)
        var random = SplitMix64(seed: 0x0DE6_A7E)
        let glyphs = Set(Self.serif.glyphs(for: Self.sentence))
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<4 {
                let position = Int(random.next() % 400) + (random.next() % 2 == 0 ? 0 : 300_000)
                bytes[position] = UInt8(truncatingIfNeeded: random.next())
            }
            if let font = try? TrueTypeFont(bytes: bytes) {
                _ = font.width(of: Self.sentence, size: 10)
                _ = try? font.subset(keeping: glyphs.filter { Int($0) < font.numGlyphs })
                _ = try? font.compactSubset(keeping: glyphs.filter { Int($0) < font.numGlyphs })
            }
        }
    }

    // MARK: Subsetting

    @Test(arguments: BundledFont.allCases)
    func subsetOfASentence(_ bundled: BundledFont) throws {
        let font = bundled.font
        let original = try Self.fontBytes(bundled)
        let wanted = Set(font.glyphs(for: Self.sentence))
        #expect(wanted.count >= 50 && wanted.count <= 70)
        let bytes = try font.subset(keeping: wanted)
        let subset = try TrueTypeFont(bytes: bytes)

        #expect(bytes.count * 4 < original.count, "subset is \(bytes.count) of \(original.count) bytes")
        #expect(subset.numGlyphs == font.numGlyphs)
        #expect(subset.indexToLocFormat == 0)  // small enough for short loca
        #expect(subset.unitsPerEm == font.unitsPerEm)
        #expect(subset.ascent == font.ascent && subset.descent == font.descent)
        #expect(subset.boundingBox == font.boundingBox)
        #expect(subset.postScriptName == font.postScriptName)

        var kept = wanted
        kept.insert(0)
        for glyph in kept { kept.formUnion(try Self.componentClosure(of: glyph, in: font)) }
        for glyph in 0..<UInt16(font.numGlyphs) {
            #expect(subset.advanceWidth(of: glyph) == font.advanceWidth(of: glyph))
            if kept.contains(glyph) {
                #expect(Self.sameOutline(subset.glyphData(glyph), font.glyphData(glyph)), "glyph \(glyph) differs")
            } else {
                #expect(subset.glyphData(glyph).isEmpty, "glyph \(glyph) should be empty")
            }
        }
        try Self.verifyChecksums(bytes)
    }

    @Test func compositeComponentsAreKeptRecursively() throws {
        let font = Self.serif
        let e = try #require(font.glyph(for: "ễ"))
        let components = try font.components(of: e)
        #expect(components.count == 2)  // "e" and the circumflex-tilde stack
        // The stack is itself a composite (tilde + circumflex): the closure must go two levels deep.
        let nested = try #require(components.first { !(try font.components(of: $0)).isEmpty })
        let closure = try Self.componentClosure(of: e, in: font)
        #expect(closure.isSuperset(of: try font.components(of: nested)))

        let subset = try TrueTypeFont(bytes: try font.subset(keeping: [e]))
        for glyph in closure.union([e, 0]) {
            #expect(!subset.glyphData(glyph).isEmpty)
            #expect(Self.sameOutline(subset.glyphData(glyph), font.glyphData(glyph)))
        }
        let nonEmpty = (0..<UInt16(font.numGlyphs)).filter { !subset.glyphData($0).isEmpty }
        #expect(Set(nonEmpty) == closure.union([e, 0]))
    }

    @Test func componentRecordFlags() throws {
        // header: numberOfContours = -1, bbox
        let header: [UInt8] = [0xFF, 0xFF, 0, 0, 0, 0, 0, 10, 0, 10]
        let records: [UInt8] =
            [0x00, 0x29, 0, 7, 0, 1, 0, 2, 0x40, 0]  // WORDS | SCALE | MORE, glyph 7
            + [0x00, 0x60, 0, 8, 1, 2, 0x40, 0, 0x40, 0]  // XY_SCALE | MORE, byte args, glyph 8
            + [0x01, 0x81, 0, 9, 0, 1, 0, 2] + [UInt8](repeating: 0, count: 8)  // TWO_BY_TWO | WORDS | INSTR
            + [0, 2, 0xB0, 0x01]  // instructions after the last record are not read as a record
        let components = try TrueTypeFont.compositeComponents(in: ArraySlice(header + records))
        #expect(components == [7, 8, 9])
        // One record with byte arguments.
        #expect(try TrueTypeFont.compositeComponents(in: ArraySlice(header + [0, 2, 0, 5, 1, 2])) == [5])
        #expect(try TrueTypeFont.compositeComponents(in: [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) == [])  // simple
        #expect(throws: TrueTypeError.self) {
            try TrueTypeFont.compositeComponents(in: ArraySlice(header + records.prefix(12)))
        }
    }

    @Test func subsetOfEveryGlyphUsesLongLoca() throws {
        let font = Self.serif
        let bytes = try font.subset(keeping: Set(0..<UInt16(font.numGlyphs)))
        let subset = try TrueTypeFont(bytes: bytes)
        #expect(subset.indexToLocFormat == 1)
        for glyph in 0..<UInt16(font.numGlyphs) {
            #expect(Self.sameOutline(subset.glyphData(glyph), font.glyphData(glyph)))
        }
        try Self.verifyChecksums(bytes)
    }

    @Test func subsetRejectsUnknownGlyph() {
        #expect(throws: TrueTypeError.glyphOutOfRange(60000, numGlyphs: 3528)) {
            try Self.serif.subset(keeping: [3, 60000])
        }
    }

    @Test func subsetOfNothingKeepsNotdef() throws {
        let bytes = try Self.serif.subset(keeping: [])
        let subset = try TrueTypeFont(bytes: bytes)
        #expect(!subset.glyphData(0).isEmpty)
        #expect(bytes.count < 40_000)
        try Self.verifyChecksums(bytes)
    }

    // MARK: Compact subsetting

    @Test(arguments: BundledFont.allCases)
    func compactSubsetOfASentence(_ bundled: BundledFont) throws {
        let font = bundled.font
        let wanted = Set(font.glyphs(for: Self.sentence))
        let compact = try font.compactSubset(keeping: wanted)
        let subset = try TrueTypeFont(bytes: compact.bytes)

        var kept = wanted.union([0])
        for glyph in kept { kept.formUnion(try Self.componentClosure(of: glyph, in: font)) }
        #expect(kept.count > wanted.count + 1, "the sentence has composite glyphs")
        #expect(subset.numGlyphs == kept.count)
        #expect(Set(compact.newGlyphID.keys) == kept)
        // Dense and in ascending original order, .notdef first.
        #expect(kept.sorted().map { compact.newGlyphID[$0] } == (0..<UInt16(kept.count)).map { $0 })

        #expect(subset.indexToLocFormat == 0)
        #expect(subset.unitsPerEm == font.unitsPerEm)
        #expect(subset.ascent == font.ascent && subset.descent == font.descent)
        #expect(subset.boundingBox == font.boundingBox)
        #expect(subset.advances.count == subset.numGlyphs)  // numberOfHMetrics: long metrics only

        let hmtx = try Self.tableRecord("hmtx", in: compact.bytes)
        #expect(hmtx.length == 4 * kept.count)
        for (original, new) in compact.newGlyphID {
            #expect(subset.advanceWidth(of: new) == font.advanceWidth(of: original))
            #expect(
                Self.u16(compact.bytes, hmtx.offset + 4 * Int(new) + 2) == Self.leftSideBearing(of: original, in: font))
            try Self.expectRemapped(subset, new, font, original, compact.newGlyphID)
        }
        #expect(throws: TrueTypeError.missingTable("name")) { try Self.tableRecord("name", in: compact.bytes) }
        try Self.verifyChecksums(compact.bytes)

        let keepIDs = try font.subset(keeping: wanted)
        #expect(compact.bytes.count * 3 < keepIDs.count, "compact \(compact.bytes.count), keep-ids \(keepIDs.count)")
    }

    @Test func compactSubsetRemapsNestedComposites() throws {
        let font = Self.serif
        let e = try #require(font.glyph(for: "ễ"))
        let closure = try Self.componentClosure(of: e, in: font)
        let nested = try #require(try font.components(of: e).first { !(try font.components(of: $0)).isEmpty })

        let compact = try font.compactSubset(keeping: [e])
        let subset = try TrueTypeFont(bytes: compact.bytes)
        #expect(subset.numGlyphs == closure.count + 2)
        #expect(Set(compact.newGlyphID.keys) == closure.union([e, 0]))
        let newE = try #require(compact.newGlyphID[e])
        let newNested = try #require(compact.newGlyphID[nested])
        // Ascending original order: ễ comes after .notdef and the components with smaller ids (the
        // stacked accents are numbered after it).
        #expect(Int(newE) == 1 + closure.filter { $0 < e }.count)
        #expect(closure.contains { $0 > e })
        #expect(try subset.components(of: newE) == (try font.components(of: e)).map { compact.newGlyphID[$0] })
        #expect(
            try subset.components(of: newNested) == (try font.components(of: nested)).map { compact.newGlyphID[$0] })
        for (original, new) in compact.newGlyphID {
            try Self.expectRemapped(subset, new, font, original, compact.newGlyphID)
            #expect(subset.advanceWidth(of: new) == font.advanceWidth(of: original))
        }
        try Self.verifyChecksums(compact.bytes)
    }

    @Test func compactSubsetOfNothingIsNotdefOnly() throws {
        let compact = try Self.serif.compactSubset(keeping: [])
        let subset = try TrueTypeFont(bytes: compact.bytes)
        #expect(subset.numGlyphs == 1)
        #expect(compact.newGlyphID == [0: 0])
        #expect(Self.sameOutline(subset.glyphData(0), Self.serif.glyphData(0)))
        #expect(compact.bytes.count < 8_000)
        try Self.verifyChecksums(compact.bytes)
    }

    @Test func compactSubsetOfEveryGlyphKeepsIds() throws {
        let font = Self.serif
        let compact = try font.compactSubset(keeping: Set(0..<UInt16(font.numGlyphs)))
        let subset = try TrueTypeFont(bytes: compact.bytes)
        #expect(subset.numGlyphs == font.numGlyphs)
        #expect(subset.indexToLocFormat == 1)
        #expect(compact.newGlyphID.allSatisfy { $0.key == $0.value })
        for glyph in 0..<UInt16(font.numGlyphs) {
            #expect(Self.sameOutline(subset.glyphData(glyph), font.glyphData(glyph)))
            #expect(subset.advanceWidth(of: glyph) == font.advanceWidth(of: glyph))
        }
        try Self.verifyChecksums(compact.bytes)
    }

    @Test func compactSubsetRejectsUnknownGlyph() {
        #expect(throws: TrueTypeError.glyphOutOfRange(60000, numGlyphs: 3528)) {
            try Self.serif.compactSubset(keeping: [3, 60000])
        }
    }

    // MARK: Helpers

    /// The bundled file as loaded (the parser keeps the whole file).
    static func fontBytes(_ font: BundledFont) throws -> [UInt8] {
        font.font.bytes
    }

    /// A kept glyph is the original range, plus at most alignment padding.
    static func sameOutline(_ subset: ArraySlice<UInt8>, _ original: ArraySlice<UInt8>) -> Bool {
        subset.starts(with: original) && subset.count - original.count < 4
            && subset.dropFirst(original.count).allSatisfy { $0 == 0 }
    }

    /// Checks glyph `new` of a compact subset against glyph `original`: a simple glyph is
    /// byte-identical; a composite names the remapped components and differs from the original only
    /// in those component ids.
    static func expectRemapped(
        _ subset: TrueTypeFont, _ new: UInt16, _ font: TrueTypeFont, _ original: UInt16, _ map: [UInt16: UInt16]
    ) throws {
        let components = try font.components(of: original)
        #expect(try subset.components(of: new) == components.map { map[$0] }, "components of glyph \(original)")
        var expected = font.glyphData(original)
        for (index, record) in try TrueTypeFont.componentRecords(in: expected).enumerated() {
            #expect(record.glyph == components[index])
            let id = try #require(map[record.glyph])
            expected[expected.startIndex + record.glyphIndexAt] = UInt8(id >> 8)
            expected[expected.startIndex + record.glyphIndexAt + 1] = UInt8(id & 0xFF)
        }
        #expect(sameOutline(subset.glyphData(new), expected), "glyph \(original) → \(new) differs")
    }

    /// The left side bearing in the original font's hmtx (long metrics, then the bearing array).
    static func leftSideBearing(of glyph: UInt16, in font: TrueTypeFont) -> Int {
        let hmtx = font.tables[TrueTypeFont.tag("hmtx")]!
        let metrics = font.advances.count
        let index = Int(glyph)
        let position = index < metrics ? 4 * index + 2 : 4 * metrics + 2 * (index - metrics)
        return u16(font.bytes, hmtx.offset + position)
    }

    static func componentClosure(of glyph: UInt16, in font: TrueTypeFont) throws -> Set<UInt16> {
        var result: Set<UInt16> = []
        var pending = try font.components(of: glyph)
        while let next = pending.popLast() {
            if result.insert(next).inserted { pending += try font.components(of: next) }
        }
        return result
    }

    static func u16(_ bytes: [UInt8], _ at: Int) -> Int { Int(bytes[at]) << 8 | Int(bytes[at + 1]) }
    static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }

    static func tableRecord(_ tag: String, in bytes: [UInt8]) throws -> (offset: Int, length: Int) {
        for index in 0..<u16(bytes, 4) {
            let record = 12 + 16 * index
            if String(decoding: bytes[record..<(record + 4)], as: UTF8.self) == tag {
                return (Int(u32(bytes, record + 8)), Int(u32(bytes, record + 12)))
            }
        }
        throw TrueTypeError.missingTable(tag)
    }

    /// Re-reads the directory with code independent of the subsetter: sorted tags, binary-search
    /// fields, aligned offsets, every table checksum, and the whole-file sum 0xB1B0AFBA.
    static func verifyChecksums(_ bytes: [UInt8]) throws {
        func sum(_ range: Range<Int>) -> UInt32 {
            var total: UInt32 = 0
            for word in stride(from: range.lowerBound, to: range.upperBound, by: 4) {
                var value: UInt32 = 0
                for index in word..<(word + 4) {
                    value = value << 8 | UInt32(index < range.upperBound ? bytes[index] : 0)
                }
                total &+= value
            }
            return total
        }
        #expect(bytes.count % 4 == 0)
        #expect(u32(bytes, 0) == 0x0001_0000)
        let count = u16(bytes, 4)
        let power = 1 << (Int.bitWidth - 1 - count.leadingZeroBitCount)
        #expect(u16(bytes, 6) == 16 * power)
        #expect(u16(bytes, 8) == power.trailingZeroBitCount)
        #expect(u16(bytes, 10) == 16 * count - 16 * power)
        var tags: [UInt32] = []
        var headOffset = 0
        for index in 0..<count {
            let record = 12 + 16 * index
            let tag = u32(bytes, record)
            let offset = Int(u32(bytes, record + 8))
            let length = Int(u32(bytes, record + 12))
            tags.append(tag)
            #expect(offset % 4 == 0 && offset + length <= bytes.count)
            var expected = sum(offset..<(offset + length))
            if tag == 0x6865_6164 {  // 'head': its checksum is taken with checkSumAdjustment = 0
                headOffset = offset
                expected &-= u32(bytes, offset + 8)
            }
            #expect(u32(bytes, record + 4) == expected, "checksum of \(TrueTypeFont.tagName(tag))")
        }
        #expect(tags == tags.sorted())
        #expect(
            Set(tags.map(TrueTypeFont.tagName)).isSuperset(of: ["head", "hhea", "maxp", "hmtx", "loca", "glyf", "post"])
        )
        #expect(headOffset > 0)
        #expect(sum(0..<bytes.count) == 0xB1B0_AFBA)
        let post = try tableRecord("post", in: bytes)
        #expect(post.length == 32 && u32(bytes, post.offset) == 0x0003_0000)
    }
}

/// Deterministic generator so the corruption test is reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D4_9CB4_133F_EE27
        return z ^ (z >> 31)
    }
}
