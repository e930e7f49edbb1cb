import Foundation

/// Spelling of PDF values (ISO 32000-1 §7.3): numbers, strings, names, dates.
public enum PDFSyntax {
    /// A real number with at most three decimals and no exponent (PDF has none). Written by hand:
    /// `String(format:)` dominated the time of a whole receipt (a QR code alone is thousands of
    /// numbers).
    public static func number(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let negative = thousandths < 0
        let magnitude = abs(thousandths)
        var text = negative ? "-" : ""
        text += String(magnitude / 1000)
        var fraction = magnitude % 1000
        guard fraction != 0 else { return text == "-0" ? "0" : text }
        var digits = 3
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let fractionText = String(fraction)
        return text + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Four upper-case hex digits: a glyph id or a UTF-16 code unit.
    public static func hex4(_ value: UInt16) -> String {
        let bytes = [
            hexDigits[Int(value >> 12)], hexDigits[Int(value >> 8 & 0xF)], hexDigits[Int(value >> 4 & 0xF)],
            hexDigits[Int(value & 0xF)],
        ]
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A text string (§7.9.2.2): ASCII as a literal string, anything else as UTF-16BE with a BOM in
    /// hex, so Vietnamese names in signature dictionaries and metadata read back exactly.
    public static func textString(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            return literal(text)
        }
        var hex = "<FEFF"
        for unit in text.utf16 { hex += hex4(unit) }
        return hex + ">"
    }

    /// A literal string with the three characters that need it escaped.
    public static func literal(_ ascii: String) -> String {
        var out = "("
        for character in ascii {
            switch character {
            case "(", ")", "\\": out += "\\\(character)"
            default: out.append(character)
            }
        }
        return out + ")"
    }

    /// A name object (§7.3.5): `#xx` escapes for anything outside the regular characters.
    public static func name(_ text: String) -> String {
        var out = "/"
        for byte in text.utf8 {
            let regular = (byte > 0x20 && byte < 0x7F) && !"()<>[]{}/%#".utf8.contains(byte)
            out += regular ? String(UnicodeScalar(byte)) : String(format: "#%02X", byte)
        }
        return out
    }

    /// A date (§7.9.4), in UTC: `D:YYYYMMDDHHmmSSZ`.
    public static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "(D:%04d%02d%02d%02d%02d%02dZ)", parts.year!, parts.month!, parts.day!, parts.hour!,
            parts.minute!, parts.second!)
    }

    /// Upper-case hex of bytes.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out = [UInt8]()
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A rectangle in PDF user space (points, origin at the bottom left).
public struct PDFRect: Sendable, Hashable, Codable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// `[x1 y1 x2 y2]`, as /Rect and /BBox want it.
    public var array: String {
        "[\(PDFSyntax.number(x)) \(PDFSyntax.number(y)) \(PDFSyntax.number(x + width)) \(PDFSyntax.number(y + height))]"
    }
}
