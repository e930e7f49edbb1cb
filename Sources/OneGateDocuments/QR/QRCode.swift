/// A QR Code symbol (ISO/IEC 18004, Model 2) holding one byte-mode segment.
///
/// Text is stored as its UTF-8 bytes without an ECI header: readers such as zxing recognise
/// UTF-8 in byte mode, and the header would cost space in every symbol for no gain there.
public struct QRCode: Sendable, Hashable {
    /// How much of the symbol may be damaged and still read: about 7 %, 15 %, 25 % and 30 % of
    /// the codewords.
    public enum ErrorCorrection: Sendable, Hashable { case low, medium, quartile, high }

    /// The symbol version, 1...40.
    public let version: Int
    /// Modules per side, `17 + 4 * version`, without the quiet zone.
    public let size: Int
    public let errorCorrection: ErrorCorrection
    /// The data mask pattern, 0...7, chosen by the lowest penalty score.
    public let mask: Int
    /// Row-major, true = dark module. size*size entries.
    public let modules: [Bool]

    /// Whether the module at `row`, `column` (both in `0..<size`, from the top left) is dark.
    public func isDark(row: Int, column: Int) -> Bool {
        precondition((0..<size).contains(row) && (0..<size).contains(column), "module outside the symbol")
        return modules[row * size + column]
    }

    /// Encodes bytes in byte mode (UTF-8 text), smallest version that fits at this level.
    ///
    /// - Throws: `QRCodeError.tooLong` when even version 40 cannot hold `bytes` at this level.
    public init(bytes: [UInt8], errorCorrection: ErrorCorrection = .medium) throws {
        guard let version = QRVersionTable.smallestVersion(byteCount: bytes.count, level: errorCorrection) else {
            throw QRCodeError.tooLong(
                bytes: bytes.count,
                capacity: QRVersionTable.byteCapacity(
                    version: QRVersionTable.versions.upperBound, level: errorCorrection)
            )
        }
        let data = QRCodewords.dataCodewords(bytes: bytes, version: version, level: errorCorrection)
        var builder = QRMatrixBuilder(version: version)
        builder.place(codewords: QRCodewords.interleaved(data: data, version: version, level: errorCorrection))
        let (grid, mask) = builder.masked(level: errorCorrection)
        self.version = version
        self.size = builder.size
        self.errorCorrection = errorCorrection
        self.mask = mask
        self.modules = grid.map { $0 != 0 }
    }

    /// Encodes the UTF-8 bytes of `text`, as `init(bytes:errorCorrection:)` does.
    public init(text: String, errorCorrection: ErrorCorrection = .medium) throws {
        try self.init(bytes: Array(text.utf8), errorCorrection: errorCorrection)
    }

    /// A binary PGM (P5) image of the symbol: dark modules 0, light 255, each module `scale`
    /// pixels square, inside a light margin of `quietZone` modules (the standard asks for 4).
    public func pgm(scale: Int = 4, quietZone: Int = 4) -> [UInt8] {
        precondition(scale >= 1 && quietZone >= 0, "scale must be positive and quietZone not negative")
        let side = (size + 2 * quietZone) * scale
        let header = Array("P5\n\(side) \(side)\n255\n".utf8)
        var image = [UInt8]()
        image.reserveCapacity(header.count + side * side)
        image.append(contentsOf: header)
        let light: UInt8 = 255
        let margin = [UInt8](repeating: light, count: side * quietZone * scale)
        image.append(contentsOf: margin)
        var line = [UInt8](repeating: light, count: side)
        for row in 0..<size {
            for column in 0..<size {
                let value: UInt8 = modules[row * size + column] ? 0 : light
                let start = (quietZone + column) * scale
                for pixel in start..<start + scale { line[pixel] = value }
            }
            for _ in 0..<scale { image.append(contentsOf: line) }
        }
        image.append(contentsOf: margin)
        return image
    }
}

/// Why a payload could not be encoded.
public enum QRCodeError: Error, Sendable, Hashable {
    /// The payload has `bytes` bytes but version 40 holds at most `capacity` at the requested level.
    case tooLong(bytes: Int, capacity: Int)
}
