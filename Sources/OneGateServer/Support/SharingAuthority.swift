import Crypto
import Foundation
import JWTKit
import OneGateCore
import OneGateSigning

/// What another agency's system may read through the data-sharing API.
public enum SharingScope: String, Sendable, Hashable, CaseIterable, Codable {
    /// Issued results: their metadata and their signed PDF.
    case resultsRead = "results.read"
    /// Documents in a person's vault.
    case documentsRead = "documents.read"

    /// Scopes as OAuth writes them: space-separated, in a fixed order.
    public static func text(_ scopes: Set<SharingScope>) -> String {
        allCases.filter(scopes.contains).map(\.rawValue).joined(separator: " ")
    }
}

/// Another agency's system registered with the instance (`onegate sharing-client add`).
public struct SharingClient: Sendable, Hashable {
    /// The `client_id`.
    public var id: String
    /// The agency's name, shown to people on their "who used my data" page.
    public var agency: String
    /// Hex SHA-256 of the client secret; the secret itself is never stored.
    public var secretHash: String
    public var scopes: Set<SharingScope>

    public init(id: String, agency: String, secretHash: String, scopes: Set<SharingScope>) {
        self.id = id
        self.agency = agency
        self.secretHash = secretHash.lowercased()
        self.scopes = scopes
    }
}

/// A verified access token: the client it was issued to and the scopes it carries (those the
/// client still holds).
public struct SharingGrant: Sendable, Hashable {
    public var client: SharingClient
    public var scopes: Set<SharingScope>
}

/// Authenticates the data-sharing API's clients and issues and checks their access tokens
/// (OAuth 2.0 client credentials, RFC 6749 §4.4).
///
/// Access tokens are JWTs (HS256) signed with a key derived from the instance secret, so that every
/// server of the instance accepts the tokens of the others without sharing any state. They live
/// ten minutes; a client removed from the configuration loses its tokens at the next restart.
public struct SharingAuthority: Sendable {
    /// How long an access token is valid, in seconds.
    public static let tokenLifetime = 600

    /// The `iss` of every token (the instance).
    public let issuer: String
    let clients: [String: SharingClient]
    let keys: JWTKeyCollection
    let clock: Clock

    /// - Parameters:
    ///   - issuer: The instance's name, written as `iss` and required back.
    ///   - key: The HMAC key (32 bytes, `MasterKey.derivedKey(secret:purpose: "sharing-tokens")`).
    ///   - clients: The registered clients; ids must be unique and `[A-Za-z0-9._-]{1,64}`, each with
    ///     an agency name, a hex SHA-256 secret hash and at least one scope.
    ///   - clock: Tokens are issued and checked against it.
    public init(issuer: String, key: [UInt8], clients: [SharingClient], clock: Clock) async throws(OneGateError) {
        var byID: [String: SharingClient] = [:]
        for client in clients {
            guard Self.isValidID(client.id) else {
                throw Self.misconfigured(client.id, "its id must be 1 to 64 of A-Z a-z 0-9 . _ -")
            }
            guard byID[client.id] == nil else { throw Self.misconfigured(client.id, "the id is used twice") }
            guard !client.agency.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw Self.misconfigured(client.id, "the agency name is empty")
            }
            guard client.secretHash.count == 64, client.secretHash.allSatisfy(\.isHexDigit) else {
                throw Self.misconfigured(client.id, "secretHash must be the hex SHA-256 of the secret")
            }
            guard !client.scopes.isEmpty else { throw Self.misconfigured(client.id, "it has no scope") }
            byID[client.id] = client
        }
        self.issuer = issuer
        self.clients = byID
        self.clock = clock
        keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: key), digestAlgorithm: .sha256)
    }

    static func misconfigured(_ id: String, _ problem: String) -> OneGateError {
        OneGateError(
            .badRequest, "invalid_sharing_client", vi: "Cấu hình máy khách chia sẻ dữ liệu \(id) không hợp lệ.",
            en: "The data-sharing client \(id) is misconfigured: \(problem).")
    }

    /// Whether `id` may name a client: 1 to 64 of `A-Z a-z 0-9 . _ -`.
    public static func isValidID(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count)
            && id.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                    return true
                default: return false
                }
            }
    }

    /// A new client secret: 32 bytes from the system's cryptographic generator, base64url.
    public static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The hex SHA-256 of a secret, as the configuration keeps it.
    public static func hashSecret(_ secret: String) -> String {
        Hex.encode(SHA256.hash(data: Array(secret.utf8)))
    }

    /// The client with this id and secret, or nil. The secret's hash is compared in constant time,
    /// and computed for an unknown id too.
    public func authenticate(id: String, secret: String) -> SharingClient? {
        let presented = Array(Self.hashSecret(secret).utf8)
        let client = clients[id]
        let expected = Array((client?.secretHash ?? String(repeating: "-", count: 64)).utf8)
        var difference: UInt8 = 0
        for (left, right) in zip(presented, expected) { difference |= left ^ right }
        guard let client, difference == 0, presented.count == expected.count else { return nil }
        return client
    }

    /// Signs an access token for `client` carrying `scopes`.
    public func issueToken(for client: SharingClient, scopes: Set<SharingScope>) async throws -> String {
        let now = Date(timeIntervalSince1970: clock.now().timeIntervalSince1970.rounded(.down))
        let claims = SharingTokenClaims(
            iss: IssuerClaim(value: issuer), sub: SubjectClaim(value: client.id), scope: SharingScope.text(scopes),
            exp: ExpirationClaim(value: now.addingTimeInterval(TimeInterval(Self.tokenLifetime))),
            iat: IssuedAtClaim(value: now), jti: IDClaim(value: UUID().uuidString.lowercased()))
        return try await keys.sign(claims)
    }

    /// The grant a token carries, or nil when its signature, issuer or expiry is wrong or its
    /// client is no longer registered. The scopes are those of the token that the client still has.
    public func verify(_ token: String) async -> SharingGrant? {
        guard token.utf8.count <= 4096,
            let claims = try? await keys.verify(token, as: SharingTokenClaims.self),
            claims.iss.value == issuer, clock.now() < claims.exp.value,
            claims.iat.value <= clock.now().addingTimeInterval(60),
            let client = clients[claims.sub.value]
        else { return nil }
        let scopes = Set(claims.scope.split(separator: " ").compactMap { SharingScope(rawValue: String($0)) })
        return SharingGrant(client: client, scopes: scopes.intersection(client.scopes))
    }
}

/// The claims of a data-sharing access token.
struct SharingTokenClaims: JWTPayload {
    var iss: IssuerClaim
    var sub: SubjectClaim
    /// Space-separated scopes.
    var scope: String
    var exp: ExpirationClaim
    var iat: IssuedAtClaim
    var jti: IDClaim

    /// The claims are checked by `SharingAuthority.verify` against the instance's clock.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
