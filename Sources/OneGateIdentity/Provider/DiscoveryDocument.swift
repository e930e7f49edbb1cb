import Hummingbird

extension IdentityProvider {
    /// The scopes the provider knows; others are ignored (RFC 6749 §3.3 lets the server grant less).
    static let supportedScopes = ["openid", "profile", "address", "phone"]

    /// The claims an ID token carries.
    static let supportedClaims = [
        "iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr", "name", "birthdate", "gender", "address",
        "phone_number",
    ]

    /// The provider metadata (OpenID Connect Discovery 1.0 §3), named as on the wire.
    struct DiscoveryDocument: Codable, Sendable {
        var issuer: String
        var authorization_endpoint: String
        var token_endpoint: String
        var jwks_uri: String
        var userinfo_endpoint: String
        var response_types_supported: [String]
        var response_modes_supported: [String]
        var grant_types_supported: [String]
        var subject_types_supported: [String]
        var id_token_signing_alg_values_supported: [String]
        var code_challenge_methods_supported: [String]
        var token_endpoint_auth_methods_supported: [String]
        var scopes_supported: [String]
        var claims_supported: [String]
        var acr_values_supported: [String]
        var claims_parameter_supported: Bool
        var request_parameter_supported: Bool
        var request_uri_parameter_supported: Bool
        /// RFC 9207: responses to the redirect URI name the issuer, against mix-up attacks.
        var authorization_response_iss_parameter_supported: Bool
    }

    /// One public key as a JWK (RFC 7517, RFC 7518 §6.2).
    struct JSONWebKey: Codable, Sendable, Hashable {
        var kty: String
        var crv: String
        var x: String
        var y: String
        var kid: String
        var alg: String
        var use: String
    }

    struct JSONWebKeySet: Codable, Sendable {
        var keys: [JSONWebKey]
    }

    var discoveryDocument: DiscoveryDocument {
        DiscoveryDocument(
            issuer: issuer, authorization_endpoint: endpoint("/authorize"), token_endpoint: endpoint("/token"),
            jwks_uri: endpoint("/jwks"), userinfo_endpoint: endpoint("/userinfo"), response_types_supported: ["code"],
            response_modes_supported: ["query"], grant_types_supported: ["authorization_code"],
            subject_types_supported: ["public"], id_token_signing_alg_values_supported: ["ES256"],
            code_challenge_methods_supported: ["S256"],
            token_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic", "none"],
            scopes_supported: Self.supportedScopes, claims_supported: Self.supportedClaims,
            acr_values_supported: ["urn:vneid:loa:1", "urn:vneid:loa:2"], claims_parameter_supported: false,
            request_parameter_supported: false, request_uri_parameter_supported: false,
            authorization_response_iss_parameter_supported: true)
    }

    func discoveryResponse() -> Response {
        Self.json(discoveryDocument)
    }

    func jwksResponse() -> Response {
        Self.json(JSONWebKeySet(keys: [publicKey]))
    }
}
