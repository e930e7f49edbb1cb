import Foundation

/// One signature found in a PDF: the byte ranges it claims to cover, the CMS blob, and the bytes
/// those ranges hold.
public struct FoundSignature: Sendable {
    /// `[a, b, c, d]`: bytes `a..<a+b` and `c..<c+d`.
    public var byteRange: [Int]
    /// The DER CMS blob, trailing zero padding removed.
    public var cms: [UInt8]
    /// The bytes the ranges cover (what the CMS message digest must match).
    public var signedContent: [UInt8]
    /// Whether the ranges cover the whole file but the `/Contents` value itself (the signature
    /// was the last change to the file).
    public var coversWholeFile: Bool

    public init(byteRange: [Int], cms: [UInt8], signedContent: [UInt8], coversWholeFile: Bool) {
        self.byteRange = byteRange
        self.cms = cms
        self.signedContent = signedContent
        self.coversWholeFile = coversWholeFile
    }
}

/// Finds the signature dictionaries of a PDF from anywhere (an upload to the verification page):
/// every `/ByteRange [a b c d]` followed by its `/Contents <hex>`. It reads nothing else of the
/// file, and rejects ranges that do not fit the file or do not frame exactly the `/Contents`
/// value, so a crafted file cannot make it check other bytes than those it claims are signed.
public enum PDFSignatureScanner {
    /// At most this many signatures are read from one file.
    public static let maximumSignatures = 16

    public static func signatures(in pdf: [UInt8]) -> [FoundSignature] {
        var found: [FoundSignature] = []
        let marker = Array("/ByteRange".utf8)
        var index = 0
        while index + marker.count < pdf.count, found.count < maximumSignatures {
            guard pdf[index] == 0x2F, Array(pdf[index..<index + marker.count]) == marker else {
                index += 1
                continue
            }
            index += marker.count
            if let signature = read(at: index, in: pdf) { found.append(signature) }
        }
        return found
    }

    private static func read(at start: Int, in pdf: [UInt8]) -> FoundSignature? {
        var cursor = start
        func skipSpace() { while cursor < pdf.count, [0x20, 0x0A, 0x0D, 0x09].contains(pdf[cursor]) { cursor += 1 } }
        skipSpace()
        guard cursor < pdf.count, pdf[cursor] == 0x5B else { return nil }
        cursor += 1
        var numbers: [Int] = []
        while numbers.count < 4 {
            skipSpace()
            var digits = 0
            var value = 0
            while cursor < pdf.count, pdf[cursor] >= 0x30, pdf[cursor] <= 0x39, digits < 12 {
                value = value * 10 + Int(pdf[cursor] - 0x30)
                cursor += 1
                digits += 1
            }
            guard digits > 0 else { return nil }
            numbers.append(value)
        }
        let (a, b, c, d) = (numbers[0], numbers[1], numbers[2], numbers[3])
        guard a == 0, b > 0, c > b, d >= 0, c + d <= pdf.count, pdf[b] == 0x3C, pdf[c - 1] == 0x3E else { return nil }
        let hex = pdf[(b + 1)..<(c - 1)]
        guard hex.count % 2 == 0, let bytes = decodeHex(hex) else { return nil }
        var cms = bytes
        // The placeholder is zero-padded after the DER value: cut at the DER length.
        if let length = derLength(cms), length <= cms.count { cms = Array(cms.prefix(length)) }
        var content = Array(pdf[0..<b])
        content += pdf[c..<(c + d)]
        return FoundSignature(byteRange: numbers, cms: cms, signedContent: content, coversWholeFile: c + d == pdf.count)
    }

    private static func decodeHex(_ hex: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(hex.count / 2)
        var high: UInt8?
        for character in hex {
            let value: UInt8
            switch character {
            case 0x30...0x39: value = character - 0x30
            case 0x41...0x46: value = character - 0x41 + 10
            case 0x61...0x66: value = character - 0x61 + 10
            default: return nil
            }
            if let first = high {
                out.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return out
    }

    /// The total length of the DER value at the start of `bytes`.
    private static func derLength(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        let first = bytes[1]
        if first < 0x80 { return 2 + Int(first) }
        let count = Int(first & 0x7F)
        guard count > 0, count <= 4, bytes.count >= 2 + count else { return nil }
        var length = 0
        for byte in bytes[2..<(2 + count)] { length = length << 8 | Int(byte) }
        return 2 + count + length
    }
}
