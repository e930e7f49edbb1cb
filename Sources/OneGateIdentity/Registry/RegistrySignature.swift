import Crypto
import Foundation

/// The request signature of the registry contract (docs/registry.md), in one place for both ends:
/// the reference registry checks it and `RegistryClient` makes it, so they cannot drift apart.
///
/// A request carries five headers. The signature is base64 of HMAC-SHA256, keyed with the
/// client's shared secret, over the canonical string `METHOD\nPATH\nTIMESTAMP\nCLIENT\nPURPOSE\nACTOR`,
/// each part exactly as sent: PATH is the request target with its percent-encoding (and query, if
/// any), PURPOSE and ACTOR are the percent-encoded header values. Signing the bytes on the wire
/// rather than a decoded form leaves nothing for the two ends to normalise differently.
public enum RegistrySignature {
    /// The client id the registry issued (`X-Registry-Client`).
    public static let clientHeader = "X-Registry-Client"
    /// What the lookup is for: the dossier code or the legal basis (`X-Registry-Purpose`).
    public static let purposeHeader = "X-Registry-Purpose"
    /// Who asks: `officer:<id>` or `citizen:<id>` (`X-Registry-Actor`).
    public static let actorHeader = "X-Registry-Actor"
    /// When the request was signed, RFC 3339 in UTC (`X-Registry-Timestamp`).
    public static let timestampHeader = "X-Registry-Timestamp"
    /// Base64 of the HMAC-SHA256 (`X-Registry-Signature`).
    public static let signatureHeader = "X-Registry-Signature"

    /// How many seconds a request's timestamp may be away from the registry's clock, either way.
    /// Bounds how long a captured request can be replayed, while tolerating ordinary clock drift.
    public static let maximumSkew: TimeInterval = 300

    /// The string the signature covers. Header values cannot contain line feeds (RFC 9110 §5.5),
    /// so joining the parts with `\n` is unambiguous.
    public static func canonicalString(
        method: String, path: String, timestamp: String, client: String, purpose: String, actor: String
    ) -> String {
        [method, path, timestamp, client, purpose, actor].joined(separator: "\n")
    }

    /// The signature of `canonical` with `secret`: base64 (standard alphabet, padded) of HMAC-SHA256.
    public static func signature(of canonical: String, secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(canonical.utf8), using: key(secret))
        return Data(code).base64EncodedString()
    }

    /// Whether `signature` is the signature of `canonical` with `secret`. The comparison runs in
    /// constant time, so the time taken says nothing about how much of a forgery was right.
    public static func isValid(_ signature: String, of canonical: String, secret: String) -> Bool {
        guard let given = Data(base64Encoded: signature) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: Data(canonical.utf8), using: key(secret))
    }

    /// `date` as the timestamp header writes it: RFC 3339 in UTC, whole seconds (`2026-03-03T02:15:00Z`).
    public static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// The instant of a timestamp header: RFC 3339 in UTC (`Z`), with or without fractional
    /// seconds; nil for anything else.
    public static func date(fromTimestamp text: String) -> Date? {
        guard text.hasSuffix("Z") else { return nil }
        return (try? Date.ISO8601FormatStyle().parse(text))
            ?? (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
    }

    /// Text as the purpose and actor headers carry it: UTF-8, percent-encoded, because a legal
    /// basis is Vietnamese text and header values must stay visible ASCII to pass every proxy.
    public static func headerValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: headerCharacters) ?? ""
    }

    /// The text of a percent-encoded purpose or actor header; nil when the encoding is broken.
    public static func text(fromHeaderValue value: String) -> String? {
        value.removingPercentEncoding
    }

    /// The five headers of a signed request for `path` (the request target as it will be sent),
    /// signed at `date`. `purpose` and `actor` are plain text; they are encoded here.
    public static func headers(
        method: String, path: String, client: String, secret: String, purpose: String, actor: String,
        at date: Date = Date()
    ) -> [(name: String, value: String)] {
        let timestamp = timestamp(date)
        let purpose = headerValue(purpose)
        let actor = headerValue(actor)
        let canonical = canonicalString(
            method: method, path: path, timestamp: timestamp, client: client, purpose: purpose, actor: actor)
        return [
            (clientHeader, client), (purposeHeader, purpose), (actorHeader, actor), (timestampHeader, timestamp),
            (signatureHeader, signature(of: canonical, secret: secret)),
        ]
    }

    /// Left as they are in header values: the unreserved characters and the punctuation dossier
    /// codes and actors use, so that common values stay readable in logs. Everything else
    /// (space, `%`, non-ASCII) is encoded.
    private static let headerCharacters = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/@+,;=()")

    private static func key(_ secret: String) -> SymmetricKey {
        SymmetricKey(data: Data(secret.utf8))
    }
}
