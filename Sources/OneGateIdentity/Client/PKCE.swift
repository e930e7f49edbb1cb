import Crypto
import Foundation

/// Proof Key for Code Exchange (RFC 7636), S256 only: the verifier stays with OneGate, the IdP sees
/// its SHA-256, so a stolen authorisation code is useless without it.
public struct PKCE: Sendable, Hashable {
    public let verifier: String
    public var challenge: String { Self.challenge(for: verifier) }

    /// A fresh verifier: 32 random bytes, base64url (43 characters).
    public init() {
        verifier = Base64URL.encode((0..<32).map { _ in UInt8.random(in: 0...255) })
    }

    public init(verifier: String) {
        self.verifier = verifier
    }

    /// BASE64URL(SHA256(verifier)).
    public static func challenge(for verifier: String) -> String {
        Base64URL.encode(Array(SHA256.hash(data: Array(verifier.utf8))))
    }

    /// A random value for `state` and `nonce`: 24 bytes, base64url.
    public static func randomToken() -> String {
        Base64URL.encode((0..<24).map { _ in UInt8.random(in: 0...255) })
    }
}

/// Base64 with the URL alphabet and no padding (RFC 4648 §5), as OAuth and JOSE use it.
public enum Base64URL {
    public static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The bytes, or nil when `text` is not base64url.
    public static func decode(_ text: String) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map(Array.init)
    }
}
