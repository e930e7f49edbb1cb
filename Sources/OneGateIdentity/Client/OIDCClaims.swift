import Foundation
import JWTKit

/// The claims OneGate reads from an ID token. Names are the registered OIDC ones.
public struct IDTokenClaims: JWTPayload {
    public var iss: IssuerClaim
    public var sub: SubjectClaim
    public var aud: AudienceClaim
    public var exp: ExpirationClaim
    public var iat: IssuedAtClaim
    public var nonce: String?
    public var azp: String?
    public var acr: String?
    public var name: String?
    public var birthdate: String?
    public var gender: String?
    public var address: String?
    public var phone_number: String?

    public init(
        iss: IssuerClaim, sub: SubjectClaim, aud: AudienceClaim, exp: ExpirationClaim, iat: IssuedAtClaim,
        nonce: String?, azp: String?, acr: String?, name: String?, birthdate: String?, gender: String?,
        address: String?, phone_number: String?
    ) {
        self.iss = iss
        self.sub = sub
        self.aud = aud
        self.exp = exp
        self.iat = iat
        self.nonce = nonce
        self.azp = azp
        self.acr = acr
        self.name = name
        self.birthdate = birthdate
        self.gender = gender
        self.address = address
        self.phone_number = phone_number
    }

    /// The signature is checked by the key collection; the claims by `OIDCClient.verify`, which has
    /// the expected issuer, audience, nonce and the injected clock.
    public func verify(using algorithm: some JWTAlgorithm) async throws {}

    /// The assurance level from `acr` (`urn:vneid:loa:2` → 2), 1 when absent or unknown.
    public var assuranceLevel: Int {
        guard let acr, let last = acr.split(separator: ":").last, let level = Int(last) else { return 1 }
        return max(1, min(level, 3))
    }
}

/// The provider's discovery document (OpenID Connect Discovery 1.0), the fields OneGate uses.
public struct OIDCProviderMetadata: Codable, Sendable, Hashable {
    public var issuer: String
    public var authorization_endpoint: String
    public var token_endpoint: String
    public var jwks_uri: String
    public var userinfo_endpoint: String?
    public var code_challenge_methods_supported: [String]?
}

/// The token endpoint's answer.
public struct OIDCTokenResponse: Codable, Sendable, Hashable {
    public var access_token: String
    public var token_type: String
    public var expires_in: Int?
    public var id_token: String
}

/// Why a sign-in through the identity provider failed, with a stable code.
public struct OIDCError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// The provider could not be reached or answered with something unusable.
        case providerUnavailable = "eid_unavailable"
        /// The provider refused the code exchange.
        case tokenRefused = "eid_token_refused"
        /// The ID token's signature does not verify with the provider's keys.
        case badSignature = "eid_bad_signature"
        case wrongIssuer = "eid_wrong_issuer"
        case wrongAudience = "eid_wrong_audience"
        case expired = "eid_token_expired"
        case nonceMismatch = "eid_nonce_mismatch"
        case malformed = "eid_token_malformed"
    }

    public var code: Code
    public var detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "\(code.rawValue): \(detail)" }
}
