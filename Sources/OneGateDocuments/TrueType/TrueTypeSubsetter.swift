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

        // Short loca addresses 2 × 0xFFFF bytes at 2-byte alignment; past that use long loca with
        // the 4-byte alignment the spec recommends.
        var glyfSize = 0
        for glyph in 0..<numGlyphs where kept[glyph] {
            glyfSize += Self.padded(glyphOffsets[glyph + 1] - glyphOffsets[glyph], to: 2)
        }
        let shortLoca = glyfSize <= 2 * 0xFFFF
        let alignment = shortLoca ? 2 : 4

        var glyf: [UInt8] = []
        glyf.reserveCapacity(shortLoca ? glyfSize : glyfSize + 2 * kept.count)
        var loca: [UInt8] = []
        loca.reserveCapacity((numGlyphs + 1) * (shortLoca ? 2 : 4))
        for glyph in 0...numGlyphs {
            if shortLoca {
                Self.append16(UInt16(glyf.count / 2), to: &loca)
            } else {
                Self.append32(UInt32(glyf.count), to: &loca)
            }
            guard glyph < numGlyphs, kept[glyph] else { continue }
            // The source range is copied as is (outline, instructions and the font's own padding),
            // so a kept glyph is byte-identical to the original.
            glyf.append(contentsOf: glyphData(UInt16(glyph)))
            glyf.append(contentsOf: repeatElement(0, count: Self.padded(glyf.count, to: alignment) - glyf.count))
        }

        var head = [UInt8](rawTable("head")!)  // present: init requires it
        head.replaceSubrange(8..<12, with: [0, 0, 0, 0])  // checkSumAdjustment, summed as zero
        head[50] = 0
        head[51] = shortLoca ? 0 : 1  // indexToLocFormat

        var tables: [(tag: UInt32, data: [UInt8])] = [
            (Self.tag("head"), head),
            (Self.tag("hhea"), [UInt8](rawTable("hhea")!)),
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
