import Foundation
import Hummingbird
import JWTKit

/// The reference OpenID Connect identity provider that plays the national e-ID (VNeID) in
/// development, tests and the demo (once-only.md §1): a real OP over HTTP, authorisation code flow
/// with PKCE (S256) only, ID tokens signed ES256 with a key published as a JWKS.
///
/// Endpoints, relative to the issuer: `/.well-known/openid-configuration`, `/jwks`, `/authorize`
/// (GET shows the sign-in page, POST checks it), `/token` and `/userinfo`. Pending sign-ins, codes
/// and access tokens live in memory: this is a single-process development provider.
public final class IdentityProvider: Sendable {
    /// The issuer, exactly as it appears in `iss` and in the discovery document.
    public let issuer: String
    /// The key id (`kid`) of the signing key, in every ID token header and in the JWKS.
    public let keyID: String

    let configuration: IdentityProviderConfiguration
    let clients: [String: RegisteredClient]
    let people: [String: IdentityRecord]
    let keys: JWTKeyCollection
    let publicKey: JSONWebKey
    let ledger = Ledger()
    /// The path the issuer URL has (`""` for `http://host:port`), under which the routes are mounted.
    let basePath: String

    /// Sets the provider up; throws when the issuer, a client or the population is unusable.
    public init(configuration: IdentityProviderConfiguration, signingKey: ES256PrivateKey, keyID: String) async throws {
        var issuer = configuration.issuer
        while issuer.hasSuffix("/") { issuer.removeLast() }
        guard let url = URLComponents(string: issuer), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host?.isEmpty == false, url.query == nil, url.fragment == nil
        else {
            throw IdentityProviderSetupError("The issuer must be an http(s) URL without query or fragment: \(issuer)")
        }
        guard configuration.tokenLifetime > 0 else {
            throw IdentityProviderSetupError("The token lifetime must be positive.")
        }
        guard !configuration.password.isEmpty else {
            throw IdentityProviderSetupError("The demo password must not be empty.")
        }
        guard !keyID.isEmpty else { throw IdentityProviderSetupError("The key id must not be empty.") }
        var clients: [String: RegisteredClient] = [:]
        for client in configuration.clients {
            guard !client.id.isEmpty, clients[client.id] == nil else {
                throw IdentityProviderSetupError("Client ids must be present and unique: \"\(client.id)\"")
            }
            for redirect in client.redirectURIs {
                // Absolute and fragment-free (RFC 6749 §3.1.2), so the code lands where it was meant to.
                guard let components = URLComponents(string: redirect), components.scheme != nil,
                    components.host?.isEmpty == false, components.fragment == nil
                else { throw IdentityProviderSetupError("Client \(client.id): bad redirect URI \(redirect)") }
            }
            clients[client.id] = client
        }
        var people: [String: IdentityRecord] = [:]
        for person in configuration.people {
            guard people[person.subject] == nil else {
                throw IdentityProviderSetupError("Personal identifier listed twice: \(person.subject)")
            }
            people[person.subject] = person
        }
        guard let parameters = signingKey.parameters else {
            throw IdentityProviderSetupError("The signing key has no public coordinates.")
        }

        self.issuer = issuer
        self.keyID = keyID
        self.configuration = configuration
        self.clients = clients
        self.people = people
        self.publicKey = JSONWebKey(
            kty: "EC", crv: "P-256", x: parameters.x, y: parameters.y, kid: keyID, alg: "ES256", use: "sig")
        self.basePath = url.path.hasSuffix("/") ? String(url.path.dropLast()) : url.path
        self.keys = JWTKeyCollection()
        await keys.add(ecdsa: signingKey, kid: JWKIdentifier(string: keyID))
    }

    /// The discovery document's URL.
    public var discoveryURL: String { issuer + "/.well-known/openid-configuration" }

    /// Adds the provider's endpoints to `router`, under the issuer's path.
    public func addRoutes<Context: RequestContext>(to router: some RouterMethods<Context>) {
        let base = basePath
        router.get(RouterPath(base + "/.well-known/openid-configuration")) { _, _ in self.discoveryResponse() }
        router.get(RouterPath(base + "/jwks")) { _, _ in self.jwksResponse() }
        router.get(RouterPath(base + "/authorize")) { request, _ in await self.authorize(request) }
        router.post(RouterPath(base + "/authorize")) { request, _ in await self.signIn(request) }
        router.post(RouterPath(base + "/token")) { request, _ in await self.token(request) }
        // OIDC Core §5.3.1: the userinfo endpoint answers both GET and POST.
        router.get(RouterPath(base + "/userinfo")) { request, _ in await self.userInfo(request) }
        router.post(RouterPath(base + "/userinfo")) { request, _ in await self.userInfo(request) }
    }

    /// A router holding only the provider's endpoints, for `onegate idp` and tests.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        addRoutes(to: router)
        return router
    }

    func now() -> Date { configuration.now() }

    func endpoint(_ path: String) -> String { issuer + path }
}
