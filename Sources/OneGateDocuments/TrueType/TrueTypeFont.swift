import Foundation

/// Why a TrueType font could not be parsed or subset.
public enum TrueTypeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The data ends (or a table ends) before a field that must be there.
    case truncated(String)
    /// A required table is absent.
    case missingTable(String)
    /// The font uses a format this parser does not read (CFF outlines, collections, no usable cmap).
    case unsupported(String)
    /// A value contradicts the rest of the font (out-of-order loca, component beyond numGlyphs, …).
    case malformed(String)
    /// A glyph id passed in by the caller is not below the font's numGlyphs.
    case glyphOutOfRange(UInt16, numGlyphs: Int)

    /// A sentence saying what is wrong, for logs and test failures.
    public var description: String {
        switch self {
        case .truncated(let what): "TrueType data truncated: \(what)"
        case .missingTable(let tag): "TrueType font has no '\(tag)' table"
        case .unsupported(let what): "unsupported TrueType font: \(what)"
        case .malformed(let what): "malformed TrueType font: \(what)"
        case .glyphOutOfRange(let glyph, let count): "glyph \(glyph) is out of range (font has \(count) glyphs)"
        }
    }
}

/// A parsed TrueType (glyf-outline) font: the metrics a PDF font descriptor needs, the Unicode → glyph
/// mapping, advance widths and the raw tables the subsetter copies.
///
/// All metrics are in font units (`unitsPerEm` per em) unless a name says otherwise; PDF glyph space
/// is 1000 units per em, see ``pdfGlyphSpace(_:)``. Every read is bounds-checked at parse time, so
/// the lookups after a successful `init` never trap on a malformed file.
public struct TrueTypeFont: Sendable {
    /// A rectangle in font units, as in the head table (`xMin yMin xMax yMax`).
    public struct BoundingBox: Sendable, Equatable {
        /// Left edge.
        public var xMin: Int
        /// Bottom edge.
        public var yMin: Int
        /// Right edge.
        public var xMax: Int
        /// Top edge.
        public var yMax: Int

        /// Creates a box from its four edges.
        public init(xMin: Int, yMin: Int, xMax: Int, yMax: Int) {
            self.xMin = xMin
            self.yMin = yMin
            self.xMax = xMax
            self.yMax = yMax
        }
    }

    /// Where one table lies in `bytes`.
    struct TableRecord: Sendable {
        var offset: Int
        var length: Int
    }

    /// The Unicode → glyph table chosen from cmap, pre-parsed so lookups are a binary search.
    enum CharacterMap: Sendable {
        /// Format 4 segment; `glyphArrayBase` is the absolute offset of this segment's idRangeOffset
        /// word, which the spec uses as the origin of the glyphIdArray arithmetic.
        struct Segment: Sendable {
            var start: UInt32
            var end: UInt32
            var delta: UInt16
            var rangeOffset: UInt16
            var rangeOffsetPosition: Int
        }
        /// Format 12 sequential map group.
        struct Group: Sendable {
            var start: UInt32
            var end: UInt32
            var startGlyph: UInt32
        }
        case segments([Segment], glyphArrayEnd: Int)
        case groups([Group])
    }

    /// The whole font file; the subsetter copies tables and glyph outlines straight out of it.
    let bytes: [UInt8]
    /// Table records by tag (the four tag bytes as a big-endian integer).
    let tables: [UInt32: TableRecord]
    /// loca, decoded to byte offsets into glyf: `numGlyphs + 1` non-decreasing entries.
    let glyphOffsets: [Int]
    /// hmtx advances; glyphs past the last entry repeat its value (monospaced tail).
    let advances: [UInt16]
    let characterMap: CharacterMap
    /// Absolute offset of glyf in `bytes`.
    let glyfOffset: Int

    /// Number of glyphs (maxp).
    public let numGlyphs: Int
    /// Font units per em (head), 16…16384.
    public let unitsPerEm: Int
    /// Union of all glyph bounding boxes (head), in font units.
    public let boundingBox: BoundingBox
    /// Typographic ascender (hhea), in font units.
    public let ascent: Int
    /// Typographic descender (hhea), negative below the baseline, in font units.
    public let descent: Int
    /// Height of flat capitals: OS/2 sCapHeight when the table has it (version ≥ 2), otherwise the
    /// top of the glyph for "H", otherwise the ascent; in font units.
    public let capHeight: Int
    /// Degrees counter-clockwise from vertical (post); 0 for upright fonts.
    public let italicAngle: Double
    /// Whether every glyph has the same advance (post isFixedPitch).
    public let isFixedPitch: Bool
    /// OS/2 usWeightClass (400 regular, 700 bold); 400 when there is no OS/2 table.
    public let weightClass: Int
    /// OS/2 fsType embedding permissions; 0 (installable) when there is no OS/2 table.
    public let embeddingFlags: UInt16
    /// The PostScript name (name ID 6), restricted to the characters a PDF name may hold.
    public let postScriptName: String
    /// Whether the font is bold: usWeightClass ≥ 600 or the head macStyle bold bit.
    public let isBold: Bool
    /// head indexToLocFormat: 0 for 16-bit loca offsets, 1 for 32-bit.
    let indexToLocFormat: Int

    /// Parses a TrueType font file.
    ///
    /// - Throws: ``TrueTypeError`` when the data is truncated, lacks a required table (head, hhea,
    ///   maxp, hmtx, cmap, loca, glyf), holds CFF outlines or a collection, or contradicts itself.
    public init(bytes: [UInt8]) throws {
        self.bytes = bytes
        let file = TableView(bytes: bytes, name: "font file", offset: 0, length: bytes.count)
        let version = try file.u32(0)
        switch version {
        case 0x0001_0000, 0x7472_7565:  // 1.0 and Apple's 'true'
            break
        case 0x4F54_544F:  // 'OTTO'
            throw TrueTypeError.unsupported("CFF (OpenType 'OTTO') outlines; only glyf outlines are supported")
        case 0x7474_6366:  // 'ttcf'
            throw TrueTypeError.unsupported("font collection (ttcf); pass a single font")
        default:
            throw TrueTypeError.malformed("unknown sfnt version 0x\(String(version, radix: 16))")
        }
        let numTables = Int(try file.u16(4))
        var tables: [UInt32: TableRecord] = [:]
        for index in 0..<numTables {
            let record = 12 + 16 * index
            let tag = try file.u32(record)
            let offset = Int(try file.u32(record + 8))
            let length = Int(try file.u32(record + 12))
            guard offset + length <= bytes.count else {
                throw TrueTypeError.truncated(
                    "table '\(Self.tagName(tag))' spans \(offset)..<\(offset + length) but the file has \(bytes.count) bytes"
                )
            }
            tables[tag] = TableRecord(offset: offset, length: length)
        }
        self.tables = tables

        func table(_ name: String) throws -> TableView {
            guard let record = tables[Self.tag(name)] else { throw TrueTypeError.missingTable(name) }
            return TableView(bytes: bytes, name: name, offset: record.offset, length: record.length)
        }
        func optionalTable(_ name: String) -> TableView? {
            tables[Self.tag(name)].map { TableView(bytes: bytes, name: name, offset: $0.offset, length: $0.length) }
        }

        let head = try table("head")
        let unitsPerEm = Int(try head.u16(18))
        guard (16...16384).contains(unitsPerEm) else {
            throw TrueTypeError.malformed("head unitsPerEm \(unitsPerEm) is outside 16…16384")
        }
        self.unitsPerEm = unitsPerEm
        boundingBox = BoundingBox(
            xMin: Int(try head.i16(36)), yMin: Int(try head.i16(38)),
            xMax: Int(try head.i16(40)), yMax: Int(try head.i16(42)))
        let macStyle = try head.u16(44)
        let indexToLocFormat = Int(try head.i16(50))
        guard indexToLocFormat == 0 || indexToLocFormat == 1 else {
            throw TrueTypeError.malformed("head indexToLocFormat \(indexToLocFormat) is neither 0 nor 1")
        }
        self.indexToLocFormat = indexToLocFormat

        let maxp = try table("maxp")
        let numGlyphs = Int(try maxp.u16(4))
        guard numGlyphs > 0 else { throw TrueTypeError.malformed("maxp numGlyphs is 0") }
        self.numGlyphs = numGlyphs

        let hhea = try table("hhea")
        ascent = Int(try hhea.i16(4))
        descent = Int(try hhea.i16(6))
        let numberOfHMetrics = Int(try hhea.u16(34))
        guard (1...numGlyphs).contains(numberOfHMetrics) else {
            throw TrueTypeError.malformed("hhea numberOfHMetrics \(numberOfHMetrics) is not in 1…\(numGlyphs)")
        }

        // Only the advances are read; a short left-side-bearing tail is tolerated because nothing
        // here uses it and the subsetter copies hmtx verbatim.
        let hmtx = try table("hmtx")
        try hmtx.require(4 * numberOfHMetrics, at: 0)
        advances = (0..<numberOfHMetrics).map { hmtx.unchecked16(4 * $0) }

        let glyf = try table("glyf")
        glyfOffset = glyf.offset
        glyphOffsets = try Self.parseLoca(
            try table("loca"), format: indexToLocFormat, numGlyphs: numGlyphs, glyfLength: glyf.length)

        characterMap = try Self.parseCmap(try table("cmap"))

        var weightClass = 400
        var embeddingFlags: UInt16 = 0
        var capHeight: Int?
        if let os2 = optionalTable("OS/2") {
            weightClass = Int(try os2.u16(4))
            embeddingFlags = try os2.u16(8)
            // sCapHeight exists from version 2 on; a version-2 table too short to hold it is
            // tolerated by falling back rather than rejecting an otherwise usable font.
            if try os2.u16(0) >= 2, let value = try? os2.i16(88), value > 0 { capHeight = Int(value) }
        }
        self.weightClass = weightClass
        self.embeddingFlags = embeddingFlags
        isBold = weightClass >= 600 || macStyle & 1 != 0

        if let post = optionalTable("post") {
            italicAngle = Double(Int32(bitPattern: try post.u32(4))) / 65536
            isFixedPitch = try post.u32(12) != 0
        } else {
            italicAngle = 0
            isFixedPitch = false
        }

        postScriptName = try optionalTable("name").flatMap(Self.parsePostScriptName) ?? "Unnamed"

        // Static helpers, because instance methods are not callable until every property is set.
        let h = Int(Self.lookup(0x48, in: characterMap, bytes: bytes))
        if capHeight == nil, h > 0, h < numGlyphs,
            let top = Self.box(of: bytes[(glyfOffset + glyphOffsets[h])..<(glyfOffset + glyphOffsets[h + 1])])?.yMax,
            top > 0
        {
            capHeight = top
        }
        self.capHeight = capHeight ?? ascent
    }

    /// Parses a font from `Data` (copies it into the `[UInt8]` the parser works on).
    public init(data: Data) throws {
        try self.init(bytes: [UInt8](data))
    }

    // MARK: Lookups

    /// The glyph for a Unicode scalar, or `nil` when the font has none (its cmap maps the scalar to
    /// glyph 0, .notdef, or not at all). Never returns 0.
    public func glyph(for scalar: Unicode.Scalar) -> UInt16? {
        let glyph = Self.lookup(scalar.value, in: characterMap, bytes: bytes)
        guard glyph != 0, glyph < numGlyphs else { return nil }
        return UInt16(glyph)
    }

    /// The raw cmap result for a code point (0 when unmapped); the caller checks it against numGlyphs.
    private static func lookup(_ code: UInt32, in characterMap: CharacterMap, bytes: [UInt8]) -> UInt32 {
        switch characterMap {
        case .segments(let segments, let glyphArrayEnd):
            guard let index = firstIndex(in: segments, endingAtOrAfter: code, end: \.end),
                segments[index].start <= code
            else { return 0 }
            let segment = segments[index]
            if segment.rangeOffset == 0 {
                return (code &+ UInt32(segment.delta)) & 0xFFFF
            }
            let position = segment.rangeOffsetPosition + Int(segment.rangeOffset) + 2 * Int(code - segment.start)
            guard position + 2 <= glyphArrayEnd else { return 0 }
            let raw = UInt32(bytes[position]) << 8 | UInt32(bytes[position + 1])
            return raw == 0 ? 0 : (raw &+ UInt32(segment.delta)) & 0xFFFF
        case .groups(let groups):
            guard let index = firstIndex(in: groups, endingAtOrAfter: code, end: \.end),
                groups[index].start <= code
            else { return 0 }
            return groups[index].startGlyph &+ (code - groups[index].start)
        }
    }

    /// The advance width of a glyph in font units (0 for an id beyond `numGlyphs`).
    public func advanceWidth(of glyph: UInt16) -> Int {
        guard Int(glyph) < numGlyphs else { return 0 }
        return Int(advances[min(Int(glyph), advances.count - 1)])
    }

    /// The glyph ids that draw `text`: NFC-normalised first, so "e" + U+0302 + U+0303 becomes the
    /// precomposed "ễ" glyph, then one glyph per scalar, 0 (.notdef) where the font has none.
    /// No shaping or kerning: enough for Latin and Vietnamese, which is what OneGate prints.
    public func glyphs(for text: String) -> [UInt16] {
        text.precomposedStringWithCanonicalMapping.unicodeScalars.map { glyph(for: $0) ?? 0 }
    }

    /// The advance width of `text` set at `size` points, in points (the sum of the advances of
    /// ``glyphs(for:)``; missing characters count as .notdef, which is what would be drawn).
    public func width(of text: String, size: Double) -> Double {
        var units = 0
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            units += advanceWidth(of: glyph(for: scalar) ?? 0)
        }
        return Double(units) * size / Double(unitsPerEm)
    }

    /// Converts font units to PDF glyph space (1000 units per em), as /W, /FontBBox, /Ascent etc.
    /// expect them.
    public func pdfGlyphSpace(_ fontUnits: Int) -> Double {
        Double(fontUnits) * 1000 / Double(unitsPerEm)
    }

    // MARK: Glyph data (internal: used by the subsetter and the tests)

    /// The glyf bytes of one glyph as loca delimits them (may include the font's own padding); empty
    /// for glyphs without outline such as the space.
    func glyphData(_ glyph: UInt16) -> ArraySlice<UInt8> {
        let index = Int(glyph)
        guard index < numGlyphs else { return [] }
        return bytes[(glyfOffset + glyphOffsets[index])..<(glyfOffset + glyphOffsets[index + 1])]
    }

    /// The glyph's own bounding box from its glyf header, or `nil` for an empty glyph.
    func glyphBox(_ glyph: UInt16) -> BoundingBox? {
        Self.box(of: glyphData(glyph))
    }

    private static func box(of data: ArraySlice<UInt8>) -> BoundingBox? {
        guard data.count >= 10 else { return nil }
        let base = data.startIndex
        func value(_ offset: Int) -> Int {
            Int(Int16(bitPattern: UInt16(data[base + offset]) << 8 | UInt16(data[base + offset + 1])))
        }
        return BoundingBox(xMin: value(2), yMin: value(4), xMax: value(6), yMax: value(8))
    }

    /// The glyphs a composite glyph is built from (direct components only; empty for a simple or
    /// empty glyph).
    ///
    /// - Throws: ``TrueTypeError/malformed(_:)`` when the component records run past the glyph or
    ///   name a glyph beyond `numGlyphs`.
    func components(of glyph: UInt16) throws -> [UInt16] {
        let components = try Self.compositeComponents(in: glyphData(glyph))
        if let bad = components.first(where: { Int($0) >= numGlyphs }) {
            throw TrueTypeError.malformed("composite glyph \(glyph) refers to glyph \(bad) of \(numGlyphs)")
        }
        return components
    }

    /// Composite glyph flags (OpenType glyf spec) that decide the size of a component record.
    enum CompositeFlag {
        static let argsAreWords: UInt16 = 0x0001
        static let haveScale: UInt16 = 0x0008
        static let moreComponents: UInt16 = 0x0020
        static let haveXAndYScale: UInt16 = 0x0040
        static let haveTwoByTwo: UInt16 = 0x0080
    }

    /// Walks the component records of a glyf entry; separate from the font so the tests can feed
    /// it hand-made records with every flag combination.
    static func compositeComponents(in data: ArraySlice<UInt8>) throws -> [UInt16] {
        try componentRecords(in: data).map(\.glyph)
    }

    /// The component records of a glyf entry: each one's glyph id and where that id's two bytes are,
    /// relative to the start of `data` (the compact subsetter rewrites them). Empty for a simple or
    /// empty glyph.
    static func componentRecords(in data: ArraySlice<UInt8>) throws -> [(glyphIndexAt: Int, glyph: UInt16)] {
        guard data.count >= 10 else { return [] }
        let base = data.startIndex
        func u16(_ offset: Int) -> UInt16 { UInt16(data[base + offset]) << 8 | UInt16(data[base + offset + 1]) }
        guard Int16(bitPattern: u16(0)) < 0 else { return [] }
        var result: [(glyphIndexAt: Int, glyph: UInt16)] = []
        var position = 10
        var flags: UInt16
        repeat {
            guard position + 4 <= data.count else {
                throw TrueTypeError.malformed("composite glyph component record runs past the glyph data")
            }
            flags = u16(position)
            result.append((position + 2, u16(position + 2)))
            position += 4
            position += flags & CompositeFlag.argsAreWords != 0 ? 4 : 2
            if flags & CompositeFlag.haveScale != 0 {
                position += 2
            } else if flags & CompositeFlag.haveXAndYScale != 0 {
                position += 4
            } else if flags & CompositeFlag.haveTwoByTwo != 0 {
                position += 8
            }
            guard position <= data.count else {
                throw TrueTypeError.malformed("composite glyph component record runs past the glyph data")
            }
        } while flags & CompositeFlag.moreComponents != 0
        return result
    }

    // MARK: Table parsing

    static func tag(_ name: String) -> UInt32 {
        name.utf8.reduce(0) { $0 << 8 | UInt32($1) }
    }

    static func tagName(_ tag: UInt32) -> String {
        String(decoding: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: tag >> $0) }, as: UTF8.self)
    }

    private static func parseLoca(_ loca: TableView, format: Int, numGlyphs: Int, glyfLength: Int) throws -> [Int] {
        let entrySize = format == 0 ? 2 : 4
        try loca.require(entrySize * (numGlyphs + 1), at: 0)
        var offsets = [Int]()
        offsets.reserveCapacity(numGlyphs + 1)
        for index in 0...numGlyphs {
            // Short loca stores offset / 2.
            let offset =
                format == 0 ? Int(loca.unchecked16(2 * index)) * 2 : Int(loca.unchecked32(4 * index))
            if let previous = offsets.last, offset < previous {
                throw TrueTypeError.malformed("loca entry \(index) (\(offset)) is before entry \(index - 1)")
            }
            offsets.append(offset)
        }
        guard offsets[numGlyphs] <= glyfLength else {
            throw TrueTypeError.truncated("loca ends at \(offsets[numGlyphs]) but glyf has \(glyfLength) bytes")
        }
        return offsets
    }

    /// Picks (3,10), then (3,1), then any (0,x) subtable, skipping formats other than 4 and 12.
    private static func parseCmap(_ cmap: TableView) throws -> CharacterMap {
        let count = Int(try cmap.u16(2))
        var candidates: [(rank: Int, offset: Int)] = []
        for index in 0..<count {
            let record = 4 + 8 * index
            let platform = try cmap.u16(record)
            let encoding = try cmap.u16(record + 2)
            let offset = Int(try cmap.u32(record + 4))
            let rank: Int
            switch (platform, encoding) {
            case (3, 10): rank = 0
            case (3, 1): rank = 1
            case (0, let encoding): rank = 6 - min(Int(encoding), 4)  // newer Unicode encodings first
            default: continue
            }
            candidates.append((rank, offset))
        }
        for candidate in candidates.sorted(by: { $0.rank < $1.rank }) {
            switch try cmap.u16(candidate.offset) {
            case 4: return try parseFormat4(cmap, at: candidate.offset)
            case 12: return try parseFormat12(cmap, at: candidate.offset)
            default: continue
            }
        }
        throw TrueTypeError.unsupported("no cmap subtable (3,10), (3,1) or (0,x) in format 4 or 12")
    }

    private static func parseFormat4(_ cmap: TableView, at start: Int) throws -> CharacterMap {
        // Some fonts understate the format 4 length; the glyphIdArray is bounded by the table end
        // instead, which is still safe.
        let segCount = Int(try cmap.u16(start + 6)) / 2
        let ends = start + 14
        let starts = ends + 2 * segCount + 2
        let deltas = starts + 2 * segCount
        let rangeOffsets = deltas + 2 * segCount
        try cmap.require(2 * segCount, at: rangeOffsets)
        var segments: [CharacterMap.Segment] = []
        segments.reserveCapacity(segCount)
        for index in 0..<segCount {
            let end = UInt32(cmap.unchecked16(ends + 2 * index))
            let first = UInt32(cmap.unchecked16(starts + 2 * index))
            guard first <= end else { continue }
            if let previous = segments.last, previous.end >= first {
                throw TrueTypeError.malformed("cmap format 4 segments overlap or are unsorted")
            }
            segments.append(
                .init(
                    start: first, end: end, delta: cmap.unchecked16(deltas + 2 * index),
                    rangeOffset: cmap.unchecked16(rangeOffsets + 2 * index),
                    rangeOffsetPosition: cmap.offset + rangeOffsets + 2 * index))
        }
        return .segments(segments, glyphArrayEnd: cmap.offset + cmap.length)
    }

    private static func parseFormat12(_ cmap: TableView, at start: Int) throws -> CharacterMap {
        let count = Int(try cmap.u32(start + 12))
        try cmap.require(12 * count, at: start + 16)
        var groups: [CharacterMap.Group] = []
        groups.reserveCapacity(count)
        for index in 0..<count {
            let record = start + 16 + 12 * index
            let group = CharacterMap.Group(
                start: cmap.unchecked32(record), end: cmap.unchecked32(record + 4),
                startGlyph: cmap.unchecked32(record + 8))
            guard group.start <= group.end else {
                throw TrueTypeError.malformed("cmap format 12 group \(index) starts after it ends")
            }
            if let previous = groups.last, previous.end >= group.start {
                throw TrueTypeError.malformed("cmap format 12 groups overlap or are unsorted")
            }
            groups.append(group)
        }
        return .groups(groups)
    }

    /// Name ID 6, preferring Windows (UTF-16BE), then Mac Roman, then Unicode records.
    private static func parsePostScriptName(_ name: TableView) throws -> String? {
        let count = Int(try name.u16(2))
        let storage = Int(try name.u16(4))
        var best: (rank: Int, text: String)?
        for index in 0..<count {
            let record = 6 + 12 * index
            guard try name.u16(record + 6) == 6 else { continue }
            let platform = try name.u16(record)
            let length = Int(try name.u16(record + 8))
            let offset = storage + Int(try name.u16(record + 10))
            try name.require(length, at: offset)
            let raw = name.slice(offset, length)
            let rank: Int
            let text: String
            switch platform {
            case 0, 3:
                rank = platform == 3 ? 0 : 2
                let units = stride(from: raw.startIndex, to: raw.endIndex - 1, by: 2).map {
                    UInt16(raw[$0]) << 8 | UInt16(raw[$0 + 1])
                }
                text = String(decoding: units, as: UTF16.self)
            case 1:
                rank = 1
                text = String(decoding: raw, as: UTF8.self)  // PostScript names are ASCII
            default: continue
            }
            if best == nil || rank < best!.rank { best = (rank, text) }
        }
        // A PDF name must not hold delimiters or whitespace; PostScript names never should anyway.
        let cleaned = best.map {
            String(
                $0.text.unicodeScalars.filter {
                    $0.value > 32 && $0.value < 127 && !"[](){}<>/%".unicodeScalars.contains($0)
                }.map(Character.init))
        }
        return cleaned?.isEmpty == false ? cleaned : nil
    }

    /// Binary search for the first element whose `end` ≥ `code`.
    private static func firstIndex<T>(in items: [T], endingAtOrAfter code: UInt32, end: KeyPath<T, UInt32>) -> Int? {
        var low = 0
        var high = items.count
        while low < high {
            let middle = (low + high) / 2
            if items[middle][keyPath: end] < code { low = middle + 1 } else { high = middle }
        }
        return low < items.count ? low : nil
    }
}

/// A bounds-checked window on one table: reads are relative to the table start and throw
/// ``TrueTypeError/truncated(_:)`` naming the table instead of trapping.
struct TableView {
    let bytes: [UInt8]
    let name: String
    let offset: Int
    let length: Int

    func require(_ count: Int, at position: Int) throws {
        guard position >= 0, count >= 0, position + count <= length else {
            throw TrueTypeError.truncated(
                "'\(name)' needs \(count) bytes at offset \(position) but has \(length)")
        }
    }

    func u16(_ position: Int) throws -> UInt16 {
        try require(2, at: position)
        return unchecked16(position)
    }

    func i16(_ position: Int) throws -> Int16 { Int16(bitPattern: try u16(position)) }

    func u32(_ position: Int) throws -> UInt32 {
        try require(4, at: position)
        return unchecked32(position)
    }

    /// Only after `require` covered the position.
    func unchecked16(_ position: Int) -> UInt16 {
        UInt16(bytes[offset + position]) << 8 | UInt16(bytes[offset + position + 1])
    }

    /// Only after `require` covered the position.
    func unchecked32(_ position: Int) -> UInt32 {
        let base = offset + position
        return UInt32(bytes[base]) << 24 | UInt32(bytes[base + 1]) << 16 | UInt32(bytes[base + 2]) << 8
            | UInt32(bytes[base + 3])
    }

    /// Only after `require` covered the range.
    func slice(_ position: Int, _ count: Int) -> ArraySlice<UInt8> {
        bytes[(offset + position)..<(offset + position + count)]
    }
}
