import AsyncHTTPClient
import Foundation
import JWTKit
import NIOCore
import NIOHTTP1

/// Where OneGate signs citizens in: the provider's issuer and OneGate's registration with it.
public struct OIDCClientConfiguration: Sendable, Hashable, Codable {
    public var issuer: String
    public var clientID: String
    public var clientSecret: String?
    /// OneGate's callback, registered with the provider exactly.
    public var redirectURI: String
    public var scopes: [String]

    public init(
        issuer: String, clientID: String, clientSecret: String?, redirectURI: String,
        scopes: [String] = [
            "openid", "profile", "address", "phone",
        ]
    ) {
        self.issuer = issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURI = redirectURI
        self.scopes = scopes
    }
}

/// The OpenID Connect relying party: discovery, the authorisation URL with PKCE, the code exchange
/// and the ID token's verification (signature with the provider's JWKS through jwt-kit, issuer,
/// audience, expiry, issue time and nonce).
///
/// Discovery and keys are fetched once and kept; an ID token signed with a key id the cached set
/// does not know makes it fetch the keys again, once (the provider rotated its key).
public actor OIDCClient {
    public let configuration: OIDCClientConfiguration
    private let http: HTTPClient
    private let now: @Sendable () -> Date
    private var metadata: OIDCProviderMetadata?
    private var keys: JWTKeyCollection?
    /// Seconds of clock difference tolerated on `exp` and `iat`.
    public let leeway: TimeInterval = 60
    static let timeout: TimeAmount = .seconds(10)

    public init(
        configuration: OIDCClientConfiguration, http: HTTPClient = .shared,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.http = http
        self.now = now
    }

    /// The provider's discovery document, fetched once. Its `issuer` must be the configured one.
    public func discovery() async throws(OIDCError) -> OIDCProviderMetadata {
        if let metadata { return metadata }
        let document: OIDCProviderMetadata = try await getJSON(
            configuration.issuer + "/.well-known/openid-configuration")
        guard document.issuer == configuration.issuer else {
            throw OIDCError(.wrongIssuer, "discovery names issuer \(document.issuer)")
        }
        metadata = document
        return document
    }

    /// The URL to send the browser to.
    public func authorizationURL(state: String, nonce: String, pkce: PKCE) async throws(OIDCError) -> String {
        let endpoint = try await discovery().authorization_endpoint
        let query = [
            ("response_type", "code"), ("client_id", configuration.clientID),
            ("redirect_uri", configuration.redirectURI), ("scope", configuration.scopes.joined(separator: " ")),
            ("state", state), ("nonce", nonce), ("code_challenge", pkce.challenge), ("code_challenge_method", "S256"),
        ]
        return endpoint + (endpoint.contains("?") ? "&" : "?") + Self.form(query)
    }

    /// Exchanges the authorisation code (with the PKCE verifier) for tokens, and verifies the ID
    /// token against `nonce`.
    public func signIn(code: String, pkce: PKCE, nonce: String) async throws(OIDCError) -> IDTokenClaims {
        let endpoint = try await discovery().token_endpoint
        var fields = [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", configuration.redirectURI),
            ("client_id", configuration.clientID), ("code_verifier", pkce.verifier),
        ]
        if let secret = configuration.clientSecret { fields.append(("client_secret", secret)) }
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(string: Self.form(fields)))
        let (status, body) = try await send(request)
        guard status == .ok else {
            throw OIDCError(.tokenRefused, "token endpoint answered \(status.code): \(String(body.prefix(200)))")
        }
        guard let tokens = try? JSONDecoder().decode(OIDCTokenResponse.self, from: Data(body.utf8)) else {
            throw OIDCError(.providerUnavailable, "the token answer is not a token response")
        }
        return try await verify(idToken: tokens.id_token, nonce: nonce)
    }

    /// Verifies an ID token: signature, issuer, audience (and `azp` when there are several),
    /// expiry and issue time (with `leeway`), and that its nonce is the one this sign-in sent.
    public func verify(idToken: String, nonce: String) async throws(OIDCError) -> IDTokenClaims {
        let claims = try await verifiedSignature(idToken, refetchOnUnknownKey: true)
        guard claims.iss.value == configuration.issuer else {
            throw OIDCError(.wrongIssuer, "issuer \(claims.iss.value)")
        }
        guard claims.aud.value.contains(configuration.clientID),
            claims.aud.value.count == 1 || claims.azp == configuration.clientID
        else { throw OIDCError(.wrongAudience, "audience \(claims.aud.value)") }
        let current = now()
        guard claims.exp.value.addingTimeInterval(leeway) > current else {
            throw OIDCError(.expired, "expired at \(claims.exp.value)")
        }
        guard claims.iat.value <= current.addingTimeInterval(leeway) else {
            throw OIDCError(.expired, "issued in the future")
        }
        guard let sent = claims.nonce, sent == nonce else { throw OIDCError(.nonceMismatch, "nonce") }
        return claims
    }

    private func verifiedSignature(_ token: String, refetchOnUnknownKey: Bool) async throws(OIDCError) -> IDTokenClaims
    {
        let collection = try await keyCollection()
        do {
            return try await collection.verify(token, as: IDTokenClaims.self)
        } catch let error as JWTError where error.errorType == .unknownKID && refetchOnUnknownKey {
            keys = nil
            return try await verifiedSignature(token, refetchOnUnknownKey: false)
        } catch let error as JWTError where error.errorType == .malformedToken {
            throw OIDCError(.malformed, "\(error.errorType)")
        } catch {
            throw OIDCError(.badSignature, "the signature does not verify with the provider's keys")
        }
    }

    private func keyCollection() async throws(OIDCError) -> JWTKeyCollection {
        if let keys { return keys }
        let (status, body) = try await send(HTTPClientRequest(url: try await discovery().jwks_uri))
        guard status == .ok else { throw OIDCError(.providerUnavailable, "JWKS answered \(status.code)") }
        let collection = JWTKeyCollection()
        do {
            _ = try await collection.add(jwksJSON: body)
        } catch {
            throw OIDCError(.providerUnavailable, "the JWKS cannot be read")
        }
        keys = collection
        return collection
    }

    private func getJSON<T: Decodable>(_ url: String) async throws(OIDCError) -> T {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/json")
        let (status, body) = try await send(request)
        guard status == .ok, let value = try? JSONDecoder().decode(T.self, from: Data(body.utf8)) else {
            throw OIDCError(.providerUnavailable, "\(url) answered \(status.code)")
        }
        return value
    }

    private func send(_ request: HTTPClientRequest) async throws(OIDCError) -> (HTTPResponseStatus, String) {
        do {
            let response = try await http.execute(request, timeout: Self.timeout)
            let body = try await response.body.collect(upTo: 1 << 20)
            return (response.status, String(buffer: body))
        } catch {
            throw OIDCError(.providerUnavailable, "\(request.url): \(type(of: error))")
        }
    }

    /// `application/x-www-form-urlencoded`.
    static func form(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
    }
}
