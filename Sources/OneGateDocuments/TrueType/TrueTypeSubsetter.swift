extension TrueTypeFont {
    /// Writes a TrueType font holding only the outlines of `glyphs` (plus .notdef and every
    /// component of a kept composite, recursively), for embedding as a PDF CIDFontType2 with
    /// `/CIDToGIDMap /Identity`.
    ///
    /// Glyph ids are preserved: the subset has the same numGlyphs and full hmtx, and every glyph not
    /// kept is an empty (zero-length) loca entry, so CIDs in the content stream stay valid. The file
    /// has head, hhea, maxp, hmtx, loca, glyf, cvt/fpgm/prep and OS/2 and name when the font has
    /// them, post format 3 (no glyph names) and an empty format 4 cmap, with table checksums and
    /// head checkSumAdjustment recomputed.
    ///
    /// - Throws: ``TrueTypeError/glyphOutOfRange(_:numGlyphs:)`` for an id ≥ numGlyphs, or
    ///   ``TrueTypeError/malformed(_:)`` for a composite glyph whose records are broken.
    public func subset(keeping glyphs: Set<UInt16>) throws -> [UInt8] {
        let kept = try keptGlyphs(glyphs)
        // The source range is copied as is (outline, instructions and the font's own padding), so a
        // kept glyph is byte-identical to the original.
        let outlines = (0..<numGlyphs).map { kept[$0] ? glyphData(UInt16($0)) : [] }
        let (glyf, loca, shortLoca) = Self.glyfAndLoca(outlines)

        var tables: [(tag: UInt32, data: [UInt8])] = [
            (Self.tag("head"), subsetHead(shortLoca: shortLoca)),
            (Self.tag("hhea"), [UInt8](rawTable("hhea")!)),  // present: init requires hhea, maxp, hmtx
            (Self.tag("maxp"), [UInt8](rawTable("maxp")!)),
            (Self.tag("hmtx"), [UInt8](rawTable("hmtx")!)),
            (Self.tag("loca"), loca),
            (Self.tag("glyf"), glyf),
            (Self.tag("post"), postFormat3()),
            (Self.tag("cmap"), Self.emptyCmap),
        ]
        // Hinting tables are referenced by the kept glyphs' instructions; OS/2 and name are small and
        // make the file a complete OpenType font for validators and viewers that insist on them.
        for name in ["cvt ", "fpgm", "prep", "OS/2", "name"] {
            if let data = rawTable(name) { tables.append((Self.tag(name), [UInt8](data))) }
        }
        tables.sort { $0.tag < $1.tag }
        return Self.assemble(tables)
    }

    /// A font program whose glyphs are renumbered densely, made by ``TrueTypeFont/compactSubset(keeping:)``.
    public struct CompactSubset: Sendable {
        /// The font program: a complete TrueType file holding only the kept glyphs.
        public var bytes: [UInt8]
        /// Original glyph id → glyph id in ``bytes``, for every glyph the program holds: .notdef
        /// (0 → 0), the requested glyphs and the components of composite glyphs.
        public var newGlyphID: [UInt16: UInt16]
    }

    /// Writes a TrueType font holding only `glyphs`, .notdef and every component of a kept composite
    /// (recursively), renumbered densely: 0 stays .notdef, then the kept glyphs in ascending order of
    /// their original ids, with the component ids inside composite glyphs rewritten to match.
    ///
    /// Unlike ``subset(keeping:)``, hmtx, loca and maxp shrink with the glyph count, and the name
    /// table is left out (a PDF names the font itself), so a page's worth of glyphs costs a fraction
    /// of the size. A PDF embedding it as a CIDFontType2 needs a `/CIDToGIDMap` stream built from
    /// ``CompactSubset/newGlyphID``. The file has head, hhea, maxp, hmtx (one long metric per glyph),
    /// loca, glyf, cvt/fpgm/prep and OS/2 when the font has them, post format 3 and an empty format 4
    /// cmap, with table checksums and head checkSumAdjustment recomputed.
    ///
    /// - Throws: ``TrueTypeError/glyphOutOfRange(_:numGlyphs:)`` for an id ≥ numGlyphs, or
    ///   ``TrueTypeError/malformed(_:)`` for a composite glyph whose records are broken.
    public func compactSubset(keeping glyphs: Set<UInt16>) throws -> CompactSubset {
        let kept = try keptGlyphs(glyphs)
        let originals = (0..<numGlyphs).filter { kept[$0] }.map { UInt16($0) }  // ascending, .notdef first
        var newGlyphID: [UInt16: UInt16] = [:]
        for (new, original) in originals.enumerated() { newGlyphID[original] = UInt16(new) }

        var outlines: [ArraySlice<UInt8>] = []
        outlines.reserveCapacity(originals.count)
        for original in originals {
            var data = glyphData(original)
            for record in try Self.componentRecords(in: data) {
                // keptGlyphs followed every component, so each has a new id.
                guard let new = newGlyphID[record.glyph] else {
                    throw TrueTypeError.malformed("component \(record.glyph) of glyph \(original) was not kept")
                }
                let at = data.startIndex + record.glyphIndexAt
                data[at] = UInt8(new >> 8)
                data[at + 1] = UInt8(truncatingIfNeeded: new)
            }
            outlines.append(data)
        }
        let (glyf, loca, shortLoca) = Self.glyfAndLoca(outlines)

        let count = UInt16(originals.count)
        var hhea = [UInt8](rawTable("hhea")!)  // present: init requires hhea, maxp, hmtx
        hhea.replaceSubrange(34..<36, with: [UInt8(count >> 8), UInt8(truncatingIfNeeded: count)])
        var maxp = [UInt8](rawTable("maxp")!)
        maxp.replaceSubrange(4..<6, with: [UInt8(count >> 8), UInt8(truncatingIfNeeded: count)])
        var hmtx: [UInt8] = []
        hmtx.reserveCapacity(4 * originals.count)
        for original in originals {
            Self.append16(UInt16(advanceWidth(of: original)), to: &hmtx)
            Self.append16(leftSideBearing(of: original), to: &hmtx)
        }

        var tables: [(tag: UInt32, data: [UInt8])] = [
            (Self.tag("head"), subsetHead(shortLoca: shortLoca)),
            (Self.tag("hhea"), hhea),
            (Self.tag("maxp"), maxp),
            (Self.tag("hmtx"), hmtx),
            (Self.tag("loca"), loca),
            (Self.tag("glyf"), glyf),
            (Self.tag("post"), postFormat3()),
            (Self.tag("cmap"), Self.emptyCmap),
        ]
        // No name table: PDF viewers, FreeType and fontTools read the font without it, and the PDF
        // carries the font's name in /BaseFont and /FontName.
        for name in ["cvt ", "fpgm", "prep", "OS/2"] {
            if let data = rawTable(name) { tables.append((Self.tag(name), [UInt8](data))) }
        }
        tables.sort { $0.tag < $1.tag }
        return CompactSubset(bytes: Self.assemble(tables), newGlyphID: newGlyphID)
    }

    /// glyf and loca for `outlines` (the glyf data of glyph 0, 1, … in order; empty for a glyph
    /// without outline), each glyph padded to the loca alignment.
    ///
    /// Short loca addresses 2 × 0xFFFF bytes at 2-byte alignment; past that it is long loca with the
    /// 4-byte alignment the spec recommends.
    private static func glyfAndLoca(_ outlines: [ArraySlice<UInt8>]) -> (glyf: [UInt8], loca: [UInt8], shortLoca: Bool)
    {
        let glyfSize = outlines.reduce(0) { $0 + padded($1.count, to: 2) }
        let shortLoca = glyfSize <= 2 * 0xFFFF
        let alignment = shortLoca ? 2 : 4

        var glyf: [UInt8] = []
        glyf.reserveCapacity(shortLoca ? glyfSize : glyfSize + 2 * outlines.count)
        var loca: [UInt8] = []
        loca.reserveCapacity((outlines.count + 1) * (shortLoca ? 2 : 4))
        for index in 0...outlines.count {
            if shortLoca {
                append16(UInt16(glyf.count / 2), to: &loca)
            } else {
                append32(UInt32(glyf.count), to: &loca)
            }
            guard index < outlines.count, !outlines[index].isEmpty else { continue }
            glyf.append(contentsOf: outlines[index])
            glyf.append(contentsOf: repeatElement(0, count: padded(glyf.count, to: alignment) - glyf.count))
        }
        return (glyf, loca, shortLoca)
    }

    /// The original head with checkSumAdjustment zeroed (``assemble(_:)`` fills it in) and the
    /// loca format of the subset.
    private func subsetHead(shortLoca: Bool) -> [UInt8] {
        var head = [UInt8](rawTable("head")!)  // present: init requires it
        head.replaceSubrange(8..<12, with: [0, 0, 0, 0])  // checkSumAdjustment, summed as zero
        head[50] = 0
        head[51] = shortLoca ? 0 : 1  // indexToLocFormat
        return head
    }

    /// A glyph's left side bearing from hmtx (its long metric, or the bearing array after the long
    /// metrics); the glyph's xMin when the font's hmtx is cut short, 0 for an empty glyph.
    private func leftSideBearing(of glyph: UInt16) -> UInt16 {
        let index = Int(glyph)
        let metrics = advances.count  // hhea numberOfHMetrics
        let position = index < metrics ? 4 * index + 2 : 4 * metrics + 2 * (index - metrics)
        if let hmtx = rawTable("hmtx"), position + 2 <= hmtx.count {
            let base = hmtx.startIndex + position
            return UInt16(hmtx[base]) << 8 | UInt16(hmtx[base + 1])
        }
        return UInt16(bitPattern: Int16(clamping: glyphBox(glyph)?.xMin ?? 0))
    }

    /// The kept flags by glyph id: the request, .notdef, and the transitive closure over composite
    /// components (a visited flag also stops a malicious component cycle).
    private func keptGlyphs(_ glyphs: Set<UInt16>) throws -> [Bool] {
        var kept = [Bool](repeating: false, count: numGlyphs)
        var pending: [UInt16] = [0]
        for glyph in glyphs {
            guard Int(glyph) < numGlyphs else { throw TrueTypeError.glyphOutOfRange(glyph, numGlyphs: numGlyphs) }
            pending.append(glyph)
        }
        while let glyph = pending.popLast() {
            guard !kept[Int(glyph)] else { continue }
            kept[Int(glyph)] = true
            pending.append(contentsOf: try components(of: glyph))
        }
        return kept
    }

    /// A table's bytes from the original file, if the font has it.
    private func rawTable(_ name: String) -> ArraySlice<UInt8>? {
        tables[Self.tag(name)].map { bytes[$0.offset..<($0.offset + $0.length)] }
    }

    /// post format 3: the original header (italic angle, underline, isFixedPitch) without the glyph
    /// names, which are a large part of the original and unused by PDF viewers.
    private func postFormat3() -> [UInt8] {
        var post = [UInt8](repeating: 0, count: 32)
        if let original = rawTable("post"), original.count >= 16 {
            post.replaceSubrange(4..<16, with: original.dropFirst(4).prefix(12))
        } else {
            let angle = UInt32(bitPattern: Int32((italicAngle * 65536).rounded()))
            post.replaceSubrange(4..<8, with: Self.bigEndian(angle))
            post[15] = isFixedPitch ? 1 : 0
        }
        post[1] = 3  // version 3.0; the memory-usage fields stay 0 ("unknown")
        return post
    }

    /// A (3,1) format 4 cmap with only the mandatory 0xFFFF end segment: the PDF addresses glyphs
    /// by CID = GID, but some font loaders refuse a font without any cmap.
    private static let emptyCmap: [UInt8] = [
        0, 0, 0, 1,  // version, one encoding record
        0, 3, 0, 1, 0, 0, 0, 12,  // Windows Unicode BMP at offset 12
        0, 4, 0, 24, 0, 0,  // format 4, length 24, language
        0, 2, 0, 2, 0, 0, 0, 0,  // segCountX2, searchRange, entrySelector, rangeShift
        0xFF, 0xFF, 0, 0,  // endCode, reservedPad
        0xFF, 0xFF, 0, 1, 0, 0,  // startCode, idDelta (0xFFFF + 1 → glyph 0), idRangeOffset
    ]

    /// Table directory (sorted), 4-byte padded table data, checksums and head checkSumAdjustment.
    private static func assemble(_ tables: [(tag: UInt32, data: [UInt8])]) -> [UInt8] {
        let directorySize = 12 + 16 * tables.count
        var total = directorySize
        for table in tables { total += padded(table.data.count, to: 4) }

        var file: [UInt8] = []
        file.reserveCapacity(total)
        var power = 1
        var log2 = 0
        while power * 2 <= tables.count {
            power *= 2
            log2 += 1
        }
        append32(0x0001_0000, to: &file)
        append16(UInt16(tables.count), to: &file)
        append16(UInt16(16 * power), to: &file)  // searchRange
        append16(UInt16(log2), to: &file)  // entrySelector
        append16(UInt16(16 * tables.count - 16 * power), to: &file)  // rangeShift

        var offset = directorySize
        var headOffset = 0
        for table in tables {
            if table.tag == tag("head") { headOffset = offset }
            append32(table.tag, to: &file)
            append32(checksum(table.data), to: &file)
            append32(UInt32(offset), to: &file)
            append32(UInt32(table.data.count), to: &file)
            offset += padded(table.data.count, to: 4)
        }
        for table in tables {
            file.append(contentsOf: table.data)
            file.append(contentsOf: repeatElement(0, count: padded(file.count, to: 4) - file.count))
        }
        // The whole-file sum includes head with checkSumAdjustment = 0, as the spec requires.
        let adjustment = 0xB1B0_AFBA &- checksum(file)
        file.replaceSubrange((headOffset + 8)..<(headOffset + 12), with: bigEndian(adjustment))
        return file
    }

    /// Sum of big-endian 32-bit words, the last one zero-padded (OpenType table checksum).
    static func checksum(_ data: [UInt8]) -> UInt32 {
        data.withUnsafeBufferPointer { buffer in
            var sum: UInt32 = 0
            let whole = buffer.count & ~3
            var index = 0
            while index < whole {
                sum &+=
                    UInt32(buffer[index]) << 24 | UInt32(buffer[index + 1]) << 16 | UInt32(buffer[index + 2]) << 8
                    | UInt32(buffer[index + 3])
                index += 4
            }
            var shift: UInt32 = 24
            while index < buffer.count {
                sum &+= UInt32(buffer[index]) << shift
                shift -= 8
                index += 1
            }
            return sum
        }
    }

    private static func padded(_ count: Int, to alignment: Int) -> Int {
        (count + alignment - 1) / alignment * alignment
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [
            UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16),
            UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value),
        ]
    }

    private static func append16(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    private static func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        append16(UInt16(value >> 16), to: &bytes)
        append16(UInt16(truncatingIfNeeded: value), to: &bytes)
    }
}
