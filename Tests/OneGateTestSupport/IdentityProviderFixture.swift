import AsyncHTTPClient
import Foundation
import Hummingbird
import JWTKit
import NIOCore
import OneGateCore
import OneGateIdentity

/// The reference identity provider (`onegate idp`) served on a free loopback port for one test,
/// over real HTTP, with the fixture citizens and one person OneGate has never seen.
public struct IdentityProviderFixture: Sendable {
    public let issuer: String
    public let key: ES256PrivateKey
    public let keyID: String
    public static let clientID = "onegate"
    public static let clientSecret = "client-secret-for-tests"
    public static let password = "vneid-demo"
    /// Someone who has no OneGate account yet.
    public static let newcomer = IdentityRecord.demo(
        subject: "001199012345", fullName: "Lê Thị Mới", address: "Phường Hồng Gai, Quảng Ninh", phone: "0912345678")

    /// Runs `body` with a provider that accepts `redirectURI` for OneGate.
    public static func run<T: Sendable>(
        redirectURI: String, now: @escaping @Sendable () -> Date = { Date() },
        _ body: (IdentityProviderFixture) async throws -> T
    ) async throws -> T {
        let port = try freePort()
        let issuer = "http://127.0.0.1:\(port)"
        let key = try IdentityProvider.signingKey(pem: IdentityProvider.newSigningKeyPEM())
        let keyID = IdentityProvider.keyID(for: key)
        let people =
            Fixtures.citizens.map {
                IdentityRecord.demo(subject: $0.identifier, fullName: $0.fullName, address: $0.address, phone: $0.phone)
            } + [newcomer]
        let provider = try await IdentityProvider(
            configuration: IdentityProviderConfiguration(
                issuer: issuer,
                clients: [RegisteredClient(id: clientID, secret: clientSecret, redirectURIs: [redirectURI])],
                people: people, password: password, now: now),
            signingKey: key, keyID: keyID)
        let app = Application(
            router: provider.router(), configuration: .init(address: .hostname("127.0.0.1", port: port)))
        let server = Task { try await app.runService() }
        defer { server.cancel() }
        try await waitUntilServing(issuer + "/.well-known/openid-configuration")
        return try await body(IdentityProviderFixture(issuer: issuer, key: key, keyID: keyID))
    }

    /// Signs `claims` with the provider's key (or `key`), as a token the provider could have issued.
    public func sign(_ claims: IDTokenClaims, with key: ES256PrivateKey? = nil) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: key ?? self.key, kid: JWKIdentifier(string: keyID))
        return try await keys.sign(claims, kid: JWKIdentifier(string: keyID))
    }

    /// A port nobody listens on now (bound and released at once).
    public static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else { throw TestFailure("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func waitUntilServing(_ url: String) async throws {
        for _ in 0..<100 {
            if let response = try? await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(1)),
                response.status == .ok
            {
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("the identity provider did not start")
    }
}

/// A browser at the identity provider: follows nothing by itself, so the test sees each redirect.
public struct ProviderBrowser: Sendable {
    let client: HTTPClient

    public init() {
        client = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
    }

    public func shutdown() async throws { try await client.shutdown() }

    /// Opens the authorisation URL, signs in as `identifier`, and returns where the provider sends
    /// the browser back to (OneGate's callback with the code and state).
    public func signIn(at authorizationURL: String, identifier: String, password: String) async throws -> String {
        let page = try await client.execute(HTTPClientRequest(url: authorizationURL), timeout: .seconds(10))
        let html = String(buffer: try await page.body.collect(upTo: 1 << 20))
        guard let range = html.range(of: #"name="transaction" value=""#) else {
            throw TestFailure("no sign-in form at the provider: \(page.status) \(html.prefix(300))")
        }
        let transaction = html[range.upperBound...].prefix { $0 != "\"" }
        let issuer = authorizationURL.components(separatedBy: "/authorize")[0]
        var request = HTTPClientRequest(url: issuer + "/authorize")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        let form = "transaction=\(transaction)&identifier=\(identifier)&password=\(password)"
        request.body = .bytes(ByteBuffer(string: form))
        let answer = try await client.execute(request, timeout: .seconds(10))
        guard answer.status == .found, let location = answer.headers.first(name: "Location") else {
            throw TestFailure("the provider did not redirect back: \(answer.status)")
        }
        return location
    }
}
