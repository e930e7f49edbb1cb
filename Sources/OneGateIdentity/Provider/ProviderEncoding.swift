import Crypto
import Foundation

extension IdentityProvider {
    /// 32 bytes from the system's cryptographic generator, base64url: codes, tokens and
    /// transaction ids must be unguessable, since each is a bearer credential on its own.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base64URL.encode((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// Compares secrets without an early exit: both sides are hashed and the digests compared in
    /// constant time, so the time taken says nothing about how much of a guess was right.
    static func secretsMatch(_ given: String, _ expected: String) -> Bool {
        SHA256.hash(data: Data(given.utf8)) == SHA256.hash(data: Data(expected.utf8))
    }

    /// Whether `value` is made only of the characters RFC 7636 §4.1 allows in a code verifier (and
    /// base64url in a challenge), `count` long.
    static func isPKCEString(_ value: String, length: ClosedRange<Int>) -> Bool {
        length.contains(value.utf8.count)
            && value.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                    UInt8(ascii: "~"):
                    return true
                default: return false
                }
            }
    }

    /// Escapes text for HTML element content and quoted attribute values.
    static func escapeHTML(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// `application/x-www-form-urlencoded` encoding of one value (also used for query strings):
    /// everything but the unreserved characters is percent-encoded.
    static func formEncode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Decodes one `application/x-www-form-urlencoded` name or value (`+` is a space).
    static func formDecode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// `base` with `parameters` appended to its query, the way RFC 6749 §4.1.2 redirects back.
    static func appendingQuery(to base: String, _ parameters: [(String, String?)]) -> String {
        let query = parameters.compactMap { name, value in value.map { "\(name)=\(formEncode($0))" } }
            .joined(separator: "&")
        guard !query.isEmpty else { return base }
        return base + (base.contains("?") ? "&" : "?") + query
    }
}

extension IdentityProvider {
    /// Parameters of a query string or URL-encoded form body, in order.
    struct Parameters: Sendable {
        private(set) var pairs: [(name: String, value: String)] = []

        init(urlEncoded text: String) {
            for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                pairs.append(
                    (
                        IdentityProvider.formDecode(parts[0]),
                        parts.count > 1 ? IdentityProvider.formDecode(parts[1]) : ""
                    ))
            }
        }

        /// The value of a parameter; nil when absent or empty, since RFC 6749 §3.1 treats a
        /// parameter sent without a value as omitted.
        subscript(_ name: String) -> String? {
            guard let value = pairs.first(where: { $0.name == name })?.value, !value.isEmpty else { return nil }
            return value
        }

        /// The names sent more than once, which RFC 6749 §3.1 forbids (which one would count?).
        var repeatedNames: [String] {
            var seen: Set<String> = []
            var repeated: [String] = []
            for (name, _) in pairs where !seen.insert(name).inserted && !repeated.contains(name) {
                repeated.append(name)
            }
            return repeated
        }
    }
}
