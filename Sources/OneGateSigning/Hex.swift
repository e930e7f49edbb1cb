import Crypto

/// Lowercase hexadecimal, the one textual form of hashes and serial numbers in OneGate.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(64)
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes of lowercase or uppercase hex; stops at the first pair that is not hex.
    public static func decode(_ hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var iterator = hex.utf8.makeIterator()
        while let high = iterator.next(), let low = iterator.next(),
            let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
        {
            bytes.append(value)
        }
        return bytes
    }

    /// Hex SHA-256 of `bytes`: an event's `hash`, and the next event's `prev`.
    public static func sha256(_ bytes: [UInt8]) -> String {
        encode(SHA256.hash(data: bytes))
    }
}
