/// The codeword sequence of a byte-mode symbol (ISO/IEC 18004 §7.4 and §7.6): mode indicator,
/// character count, the bytes, terminator and pad codewords, split into blocks, each block given
/// its Reed–Solomon codewords, then everything interleaved.
enum QRCodewords {
    private static let byteModeIndicator = 0b0100
    private static let padCodewords: (UInt8, UInt8) = (0xEC, 0x11)

    static func dataCodewords(bytes: [UInt8], version: Int, level: QRCode.ErrorCorrection) -> [UInt8] {
        let capacity = QRVersionTable.dataCodewords(version: version, level: level)
        let countBits = QRVersionTable.characterCountBits(version: version)
        precondition(bytes.count <= QRVersionTable.byteCapacity(version: version, level: level))
        var result = [UInt8]()
        result.reserveCapacity(capacity)
        // The 4 + 8 or 4 + 16 header bits leave every payload byte straddling two codewords;
        // `carry` holds the previous byte's low nibble, already shifted into the high half.
        let header = byteModeIndicator << countBits | bytes.count
        let headerBits = 4 + countBits
        result.append(UInt8(truncatingIfNeeded: header >> (headerBits - 8)))
        if headerBits == 20 { result.append(UInt8(truncatingIfNeeded: header >> 4)) }
        var carry = UInt8(truncatingIfNeeded: header << 4)
        for byte in bytes {
            result.append(carry | byte >> 4)
            carry = byte << 4
        }
        // The four terminator zeros complete the last codeword, and the capacity check above
        // guarantees there is room for it.
        result.append(carry)
        var pad = padCodewords.0
        while result.count < capacity {
            result.append(pad)
            pad = pad == padCodewords.0 ? padCodewords.1 : padCodewords.0
        }
        return result
    }

    static func interleaved(data: [UInt8], version: Int, level: QRCode.ErrorCorrection) -> [UInt8] {
        let blockCount = QRVersionTable.blockCount(version: version, level: level)
        let eccLength = QRVersionTable.eccCodewordsPerBlock(version: version, level: level)
        let total = QRVersionTable.totalCodewords(version: version)
        // Blocks differ by at most one data codeword; the shorter ones come first.
        let shortBlockCount = blockCount - total % blockCount
        let shortDataLength = total / blockCount - eccLength
        let encoder = ReedSolomonEncoder.forDegree(eccLength)

        var blockStarts = [Int]()
        blockStarts.reserveCapacity(blockCount + 1)
        var start = 0
        for block in 0..<blockCount {
            blockStarts.append(start)
            start += shortDataLength + (block < shortBlockCount ? 0 : 1)
        }
        blockStarts.append(start)
        precondition(start == data.count, "data codewords do not match the block structure")

        var result = [UInt8](repeating: 0, count: total)
        var index = 0
        for column in 0...shortDataLength {
            for block in 0..<blockCount where blockStarts[block] + column < blockStarts[block + 1] {
                result[index] = data[blockStarts[block] + column]
                index += 1
            }
        }
        let eccStart = index
        for block in 0..<blockCount {
            let ecc = encoder.remainder(of: data[blockStarts[block]..<blockStarts[block + 1]])
            for (offset, codeword) in ecc.enumerated() {
                result[eccStart + offset * blockCount + block] = codeword
            }
        }
        return result
    }
}
