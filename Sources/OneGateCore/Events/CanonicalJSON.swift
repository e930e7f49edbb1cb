/// RFC 8785 JSON Canonicalization Scheme (JCS): the one byte form of a JSON value that is hashed
/// and signed, so that any verifier re-serialising the same value gets the same bytes.
///
/// ```swift
/// let bytes = CanonicalJSON.encode(["b": 1, "a": [true, nil]])
/// // {"a":[true,null],"b":1}
/// ```
///
/// Two deliberate deviations, both outside what events ever contain:
/// - `.int` values are written as exact decimals even beyond 2^53 (JCS would round them through a
///   double); events only carry small integers, and exactness is the safer failure.
/// - Non-finite doubles (NaN, ±infinity), which JCS rejects, are written as `null`, as
///   `JSON.stringify` does, so that encoding never fails.
public enum CanonicalJSON {
    /// The RFC 8785 UTF-8 bytes of `value`.
    public static func encode(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(value, to: &output)
        return output
    }

    private static func write(_ value: JSONValue, to output: inout [UInt8]) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number):
            output.append(contentsOf: String(number).utf8)
        case .double(let number):
            output.append(contentsOf: formatNumber(number).utf8)
        case .string(let text):
            writeString(text, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            // JCS orders keys by their UTF-16 code units, not by Unicode scalars or Swift's
            // `String` ordering: they differ for characters outside the Basic Multilingual Plane.
            let sorted = members.map { (utf16: Array($0.key.utf16), key: $0.key, value: $0.value) }
                .sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                write(member.value, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// JCS strings: only `"`, `\` and control characters are escaped; everything else is raw UTF-8.
    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            default:
                // UTF-8 continuation and lead bytes are never below 0x80, so copying bytes one by
                // one keeps multi-byte characters intact.
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// ECMAScript `Number.prototype.toString` for a finite double, as JCS requires.
    ///
    /// Swift's `description` already yields the shortest digits that round-trip (the same digits
    /// ECMAScript picks); only the layout differs, so the digits and the decimal exponent are read
    /// back from it and laid out again by the ECMAScript rules.
    static func formatNumber(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == 0 { return "0" }  // covers -0, which ECMAScript prints as "0"
        let negative = value < 0
        let (digits, pointPosition) = decimalDigits(of: negative ? -value : value)
        let body = layout(digits: digits, n: pointPosition)
        return negative ? "-" + body : body
    }

    /// Splits a positive finite double into its shortest significant digits `s` (no leading or
    /// trailing zeros) and `n`, such that the value is `0.s × 10^n`.
    private static func decimalDigits(of value: Double) -> (digits: [UInt8], n: Int) {
        let text = value.description  // e.g. "123.45", "1e-05", "1.2345e+20", "5e-324"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits: [UInt8] = []
        var integerCount = 0
        var seenPoint = false
        for character in mantissa.utf8 {
            if character == UInt8(ascii: ".") {
                seenPoint = true
                continue
            }
            digits.append(character)
            if !seenPoint { integerCount += 1 }
        }
        var n = integerCount + exponent
        while let first = digits.first, first == UInt8(ascii: "0") {
            digits.removeFirst()
            n -= 1
        }
        while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast() }
        return (digits, n)
    }

    /// ECMA-262 Number::toString steps for digits `s` (k of them) and exponent `n`.
    private static func layout(digits: [UInt8], n: Int) -> String {
        let k = digits.count
        let s = String(decoding: digits, as: UTF8.self)
        if k <= n && n <= 21 {
            return s + String(repeating: "0", count: n - k)
        }
        if 0 < n && n <= 21 {
            return String(s.prefix(n)) + "." + String(s.dropFirst(n))
        }
        if -6 < n && n <= 0 {
            return "0." + String(repeating: "0", count: -n) + s
        }
        let e = n - 1
        let exponent = "e" + (e >= 0 ? "+" : "-") + String(abs(e))
        if k == 1 { return s + exponent }
        return String(s.prefix(1)) + "." + String(s.dropFirst(1)) + exponent
    }
}
