import Foundation
import Hummingbird
import HummingbirdTesting
import JWTKit
import Synchronization
import Testing

@testable import OneGateIdentity

/// The reference identity provider over HTTP, against its real router: discovery, keys, the
/// authorisation code flow with PKCE, the ID token checked with jwt-kit, and the refusals.
struct IdentityProviderTests {
    static let issuer = "http://idp.test"
    static let redirect = "https://onegate.test/sign-in/callback"
    static let confidential = RegisteredClient(id: "onegate", secret: "s3cret", redirectURIs: [redirect])
    static let publicClient = RegisteredClient(
        id: "kiosk", secret: nil, redirectURIs: ["http://127.0.0.1:9000/cb?from=kiosk"])
    static let person = IdentityRecord.demo(
        subject: "022090001234", fullName: "Nguyễn Văn An",
        address: "Số 230 đường Trần Hưng Đạo, phường Hạ Long, tỉnh Quảng Ninh", phone: "0900396213")
    static let password = "demo1234"

    // MARK: - Discovery and keys

    @Test func discoveryDocumentDescribesTheProvider() async throws {
        try await withProvider { client, _, _ in
            let response = try await client.execute(uri: "/.well-known/openid-configuration", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let document = try json(response)
            #expect(document["issuer"] as? String == Self.issuer)
            #expect(document["authorization_endpoint"] as? String == Self.issuer + "/authorize")
            #expect(document["token_endpoint"] as? String == Self.issuer + "/token")
            #expect(document["jwks_uri"] as? String == Self.issuer + "/jwks")
            #expect(document["userinfo_endpoint"] as? String == Self.issuer + "/userinfo")
            #expect(document["response_types_supported"] as? [String] == ["code"])
            #expect(document["grant_types_supported"] as? [String] == ["authorization_code"])
            #expect(document["subject_types_supported"] as? [String] == ["public"])
            #expect(document["id_token_signing_alg_values_supported"] as? [String] == ["ES256"])
            #expect(document["code_challenge_methods_supported"] as? [String] == ["S256"])
            #expect(
                document["token_endpoint_auth_methods_supported"] as? [String] == [
                    "client_secret_post", "client_secret_basic", "none",
                ])
            #expect((document["scopes_supported"] as? [String])?.contains("openid") == true)
            let claims = try #require(document["claims_supported"] as? [String])
            for claim in ["sub", "acr", "name", "birthdate", "gender", "address", "phone_number"] {
                #expect(claims.contains(claim), "\(claim)")
            }
        }
    }

    @Test func jwksPublishesTheSigningKey() async throws {
        let key = ES256PrivateKey()
        try await withProvider(key: key) { client, provider, _ in
            let response = try await client.execute(uri: "/jwks", method: .get)
            #expect(response.status == .ok)
            let keys = try #require(try json(response)["keys"] as? [[String: Any]])
            #expect(keys.count == 1)
            let jwk = try #require(keys.first)
            #expect(jwk["kty"] as? String == "EC")
            #expect(jwk["crv"] as? String == "P-256")
            #expect(jwk["alg"] as? String == "ES256")
            #expect(jwk["use"] as? String == "sig")
            #expect(jwk["kid"] as? String == provider.keyID)
            #expect(jwk["x"] as? String == key.parameters?.x)
            #expect(jwk["y"] as? String == key.parameters?.y)
            #expect(jwk["d"] == nil)
        }
    }

    // MARK: - The flow

    @Test func fullAuthorizationCodeFlowWithPKCE() async throws {
        try await withProvider { client, provider, clock in
            let flow = Flow()
            let page = try await client.execute(uri: flow.authorizeURI(), method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.headers[.cacheControl] == "no-store")
            let html = String(buffer: page.body)
            #expect(html.contains(#"<html lang="vi">"#))
            #expect(html.contains("Đăng nhập bằng định danh điện tử (VNeID) — mô phỏng"))
            #expect(html.contains("Sign in with the electronic identity (VNeID) — simulator"))
            #expect(html.contains(#"<label for="identifier">"#) && html.contains(#"<label for="password">"#))
            #expect(!html.contains("<script") && !html.contains("style="))
            // Only the transaction id travels in the form, not the OIDC parameters.
            #expect(!html.contains(flow.nonce) && !html.contains(flow.challenge))
            let transaction = try #require(Self.transaction(in: html))

            let wrong = try await signIn(client, transaction, Self.person.subject, "not-the-password")
            #expect(wrong.status == .unprocessableContent)
            let wrongHTML = String(buffer: wrong.body)
            #expect(wrongHTML.contains("Số định danh cá nhân hoặc mật khẩu không đúng."))
            #expect(wrongHTML.contains(#"role="alert""#) && wrongHTML.contains(#"aria-invalid="true""#))
            #expect(wrongHTML.contains(#"value="\#(Self.person.subject)""#))
            #expect(
                try await signIn(client, transaction, "999999999999", Self.password).status == .unprocessableContent)

            let signedIn = try await signIn(client, transaction, Self.person.subject, Self.password)
            #expect(signedIn.status == .found)
            let location = try #require(signedIn.headers[.location])
            #expect(location.hasPrefix(Self.redirect + "?"))
            let returned = Self.query(location)
            let code = try #require(returned["code"])
            #expect(returned["state"] == flow.state)
            #expect(returned["iss"] == Self.issuer)
            #expect(Self.base64URLDecode(code).count == 32)
            // The transaction is spent.
            #expect(try await signIn(client, transaction, Self.person.subject, Self.password).status == .badRequest)

            let exchange = try await token(client, code: code, verifier: flow.verifier, basic: Self.confidential)
            #expect(exchange.status == .ok)
            #expect(exchange.headers[.cacheControl] == "no-store")
            let answer = try json(exchange)
            #expect(answer["token_type"] as? String == "Bearer")
            #expect(answer["expires_in"] as? Int == 300)
            #expect(answer["scope"] as? String == "openid profile")
            let accessToken = try #require(answer["access_token"] as? String)
            let idToken = try #require(answer["id_token"] as? String)

            // The signature verifies with the published JWKS, through jwt-kit.
            let jwks = try await client.execute(uri: "/jwks", method: .get)
            let keys = JWTKeyCollection()
            try await keys.add(jwksJSON: String(buffer: jwks.body))
            let claims = try await keys.verify(idToken, as: TestIDToken.self, expectedAudience: "onegate")
            #expect(claims.iss == Self.issuer)
            #expect(claims.sub == Self.person.subject)
            #expect(claims.aud.value == ["onegate"])
            #expect(claims.nonce == flow.nonce)
            #expect(claims.acr == "urn:vneid:loa:2")
            #expect(claims.amr == ["pwd"])
            #expect(claims.name == "Nguyễn Văn An")
            #expect(claims.birthdate == "1990-01-13")
            #expect(claims.gender == "male")
            #expect(claims.address == Self.person.address)
            #expect(claims.phone_number == "0900396213")
            let now = clock.now().timeIntervalSince1970
            #expect(abs(claims.iat.value.timeIntervalSince1970 - now) < 1)
            #expect(abs(claims.exp.value.timeIntervalSince1970 - (now + 300)) < 1)
            #expect(abs(claims.auth_time.timeIntervalSince1970 - now) < 1)
            let header = try #require(
                JSONSerialization.jsonObject(with: Self.base64URLDecode(String(idToken.split(separator: ".")[0])))
                    as? [String: Any])
            #expect(header["kid"] as? String == provider.keyID)
            #expect(header["alg"] as? String == "ES256")
            // A different key does not verify it.
            let stranger = JWTKeyCollection()
            await stranger.add(ecdsa: ES256PrivateKey().publicKey, kid: JWKIdentifier(string: provider.keyID))
            await #expect(throws: (any Error).self) {
                _ = try await stranger.verify(idToken, as: TestIDToken.self, expectedAudience: "onegate")
            }

            let info = try await client.execute(
                uri: "/userinfo", method: .get, headers: [.authorization: "Bearer \(accessToken)"])
            #expect(info.status == .ok)
            let person = try json(info)
            #expect(person["sub"] as? String == Self.person.subject)
            #expect(person["name"] as? String == "Nguyễn Văn An")
            #expect(person["birthdate"] as? String == "1990-01-13")
            #expect(person["address"] as? String == Self.person.address)
            #expect(person["phone_number"] as? String == "0900396213")

            // The code is single-use.
            let again = try await token(client, code: code, verifier: flow.verifier, basic: Self.confidential)
            #expect(again.status == .badRequest)
            #expect(try json(again)["error"] as? String == "invalid_grant")
        }
    }

    @Test func publicClientUsesPKCEAlone() async throws {
        try await withProvider { client, _, _ in
            let redirect = Self.publicClient.redirectURIs[0]
            let flow = Flow(client: Self.publicClient.id, redirect: redirect)
            let code = try await obtainCode(client, flow)
            let withSecret = try await token(
                client, code: code, verifier: flow.verifier, redirect: redirect,
                fields: [("client_id", "kiosk"), ("client_secret", "guess")])
            #expect(withSecret.status == .unauthorized)
            let exchange = try await token(
                client, code: code, verifier: flow.verifier, redirect: redirect, fields: [("client_id", "kiosk")])
            #expect(exchange.status == .ok)
            #expect(try json(exchange)["id_token"] is String)
        }
    }

    // MARK: - Refusals at the token endpoint

    @Test func wrongCodeVerifierIsRefused() async throws {
        try await withProvider { client, _, _ in
            let flow = Flow()
            let code = try await obtainCode(client, flow)
            let wrong = try await token(
                client, code: code, verifier: Flow().verifier,
                fields: [("client_id", "onegate"), ("client_secret", "s3cret")])
            #expect(wrong.status == .badRequest)
            #expect(try json(wrong)["error"] as? String == "invalid_grant")
            // The code is burnt by the failed attempt: no second guess.
            let right = try await token(client, code: code, verifier: flow.verifier, basic: Self.confidential)
            #expect(try json(right)["error"] as? String == "invalid_grant")
        }
    }

    @Test func wrongClientSecretIsRefused() async throws {
        try await withProvider { client, _, _ in
            let flow = Flow()
            let code = try await obtainCode(client, flow)
            let basic = try await token(
                client, code: code, verifier: flow.verifier,
                basic: RegisteredClient(id: "onegate", secret: "wrong", redirectURIs: []))
            #expect(basic.status == .unauthorized)
            #expect(try json(basic)["error"] as? String == "invalid_client")
            #expect(basic.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
            let post = try await token(
                client, code: code, verifier: flow.verifier,
                fields: [("client_id", "onegate"), ("client_secret", "wrong")])
            #expect(post.status == .unauthorized)
            let missing = try await token(
                client, code: code, verifier: flow.verifier, fields: [("client_id", "onegate")])
            #expect(missing.status == .unauthorized)
            let unknown = try await token(
                client, code: code, verifier: flow.verifier, fields: [("client_id", "nobody")])
            #expect(try json(unknown)["error"] as? String == "invalid_client")
            // Client authentication comes first, so the code is still good for the right client.
            let right = try await token(
                client, code: code, verifier: flow.verifier,
                fields: [("client_id", "onegate"), ("client_secret", "s3cret")])
            #expect(right.status == .ok)
        }
    }

    @Test func malformedTokenRequestsAreRefused() async throws {
        try await withProvider { client, _, _ in
            let flow = Flow()
            let code = try await obtainCode(client, flow)
            let grant = try await client.execute(
                uri: "/token", method: .post, headers: Self.formHeaders(basic: Self.confidential),
                body: Self.form([("grant_type", "password"), ("code", code)]))
            #expect(grant.status == .badRequest)
            #expect(try json(grant)["error"] as? String == "unsupported_grant_type")
            let asJSON = try await client.execute(
                uri: "/token", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: "{}"))
            #expect(try json(asJSON)["error"] as? String == "invalid_request")
            let noVerifier = try await client.execute(
                uri: "/token", method: .post, headers: Self.formHeaders(basic: Self.confidential),
                body: Self.form([
                    ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Self.redirect),
                ]))
            #expect(try json(noVerifier)["error"] as? String == "invalid_request")
            let otherRedirect = try await token(
                client, code: code, verifier: flow.verifier, redirect: "https://onegate.test/other",
                basic: Self.confidential)
            #expect(try json(otherRedirect)["error"] as? String == "invalid_grant")
        }
    }

    @Test func expiredCodeIsRefused() async throws {
        try await withProvider { client, _, clock in
            let flow = Flow()
            let code = try await obtainCode(client, flow)
            clock.advance(61)
            let late = try await token(client, code: code, verifier: flow.verifier, basic: Self.confidential)
            #expect(late.status == .badRequest)
            #expect(try json(late)["error"] as? String == "invalid_grant")
        }
    }

    @Test func accessTokenExpiresWithTheIDToken() async throws {
        try await withProvider { client, _, clock in
            let flow = Flow()
            let code = try await obtainCode(client, flow)
            let exchange = try await token(client, code: code, verifier: flow.verifier, basic: Self.confidential)
            let accessToken = try #require(try json(exchange)["access_token"] as? String)
            clock.advance(299)
            let fresh = try await client.execute(
                uri: "/userinfo", method: .post, headers: [.authorization: "Bearer \(accessToken)"])
            #expect(fresh.status == .ok)
            clock.advance(2)
            let stale = try await client.execute(
                uri: "/userinfo", method: .get, headers: [.authorization: "Bearer \(accessToken)"])
            #expect(stale.status == .unauthorized)
            #expect(stale.headers[.wwwAuthenticate]?.contains(#"error="invalid_token""#) == true)
            let none = try await client.execute(uri: "/userinfo", method: .get)
            #expect(none.status == .unauthorized)
        }
    }

    @Test func staleSignInPageIsRefused() async throws {
        try await withProvider { client, _, clock in
            let page = try await client.execute(uri: Flow().authorizeURI(), method: .get)
            let transaction = try #require(Self.transaction(in: String(buffer: page.body)))
            clock.advance(601)
            let late = try await signIn(client, transaction, Self.person.subject, Self.password)
            #expect(late.status == .badRequest)
            #expect(late.headers[.location] == nil)
            #expect(try await signIn(client, "forged", Self.person.subject, Self.password).status == .badRequest)
        }
    }

    // MARK: - Refusals at the authorisation endpoint

    @Test func unknownClientOrRedirectShowsAnErrorPageAndNeverRedirects() async throws {
        try await withProvider { client, _, _ in
            for uri in [
                Flow(redirect: "https://evil.test/callback").authorizeURI(),
                Flow(redirect: Self.redirect + "/").authorizeURI(),
                Flow(redirect: Self.redirect + "?x=1").authorizeURI(),
                Flow().authorizeURI(omitting: "redirect_uri"),
                Flow(client: "nobody").authorizeURI(),
                Flow().authorizeURI(omitting: "client_id"),
            ] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .badRequest, "\(uri)")
                #expect(response.headers[.location] == nil, "\(uri)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(String(buffer: response.body).contains("Không thể đăng nhập"))
            }
        }
    }

    @Test func otherAuthorizationErrorsGoBackToTheClient() async throws {
        try await withProvider { client, _, _ in
            let cases: [(uri: String, error: String)] = [
                (Flow().authorizeURI(omitting: "nonce"), "invalid_request"),
                (Flow().authorizeURI(omitting: "code_challenge"), "invalid_request"),
                (Flow().authorizeURI(omitting: "code_challenge_method"), "invalid_request"),
                (Flow().authorizeURI(replacing: ("code_challenge_method", "plain")), "invalid_request"),
                (Flow().authorizeURI(omitting: "response_type"), "invalid_request"),
                (Flow().authorizeURI(replacing: ("response_type", "token")), "unsupported_response_type"),
                (Flow().authorizeURI(replacing: ("scope", "profile")), "invalid_scope"),
                (Flow().authorizeURI() + "&nonce=again", "invalid_request"),
                (Flow().authorizeURI() + "&prompt=none", "login_required"),
            ]
            for (uri, error) in cases {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .found, "\(uri)")
                let location = try #require(response.headers[.location])
                #expect(location.hasPrefix(Self.redirect + "?"))
                let returned = Self.query(location)
                #expect(returned["error"] == error, "\(uri)")
                #expect(returned["state"] == "st-123")
                #expect(returned["code"] == nil)
            }
        }
    }

    @Test func cancellingReturnsAccessDenied() async throws {
        try await withProvider { client, _, _ in
            let page = try await client.execute(uri: Flow().authorizeURI(), method: .get)
            let transaction = try #require(Self.transaction(in: String(buffer: page.body)))
            let cancelled = try await client.execute(
                uri: "/authorize", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: Self.form([("transaction", transaction), ("action", "cancel")]))
            #expect(cancelled.status == .found)
            let returned = Self.query(try #require(cancelled.headers[.location]))
            #expect(returned["error"] == "access_denied" && returned["state"] == "st-123")
        }
    }

    // MARK: - Setup and the demo population

    @Test func demoRecordsReadSexAndBirthYearFromTheIdentifier() {
        let man = IdentityRecord.demo(subject: "022090001234", fullName: "A", address: nil, phone: nil)
        #expect(man.gender == "male" && man.birthDate == "1990-01-13" && man.assuranceLevel == 2)
        let woman = IdentityRecord.demo(subject: "022301811548", fullName: "B", address: nil, phone: nil)
        #expect(woman.gender == "female" && woman.birthDate?.hasPrefix("2001-") == true)
        let odd = IdentityRecord.demo(subject: "12345", fullName: "C", address: nil, phone: nil)
        #expect(odd.gender == nil && odd.birthDate == nil)
    }

    @Test func keysRoundTripThroughPEMWithAStableKeyID() throws {
        let pem = IdentityProvider.newSigningKeyPEM()
        #expect(pem.contains("PRIVATE KEY"))
        let first = try IdentityProvider.signingKey(pem: pem)
        let second = try IdentityProvider.signingKey(pem: pem)
        #expect(first.parameters?.x == second.parameters?.x)
        #expect(IdentityProvider.keyID(for: first) == IdentityProvider.keyID(for: second))
        #expect(IdentityProvider.keyID(for: first) != IdentityProvider.keyID(for: ES256PrivateKey()))
        #expect(throws: IdentityProviderSetupError.self) { try IdentityProvider.signingKey(pem: "nope") }
    }

    @Test func issuerWithAPathMountsTheRoutesUnderIt() async throws {
        let provider = try await IdentityProvider(
            configuration: IdentityProviderConfiguration(
                issuer: "http://localhost:8080/idp/", clients: [Self.confidential], people: [Self.person],
                password: Self.password),
            signingKey: ES256PrivateKey(), keyID: "k1")
        #expect(provider.issuer == "http://localhost:8080/idp")
        try await Application(router: provider.router()).test(.router) { client in
            let response = try await client.execute(uri: "/idp/.well-known/openid-configuration", method: .get)
            #expect(try json(response)["jwks_uri"] as? String == "http://localhost:8080/idp/jwks")
        }
        await #expect(throws: IdentityProviderSetupError.self) {
            _ = try await IdentityProvider(
                configuration: IdentityProviderConfiguration(
                    issuer: "idp.test", clients: [], people: [], password: Self.password),
                signingKey: ES256PrivateKey(), keyID: "k1")
        }
    }
}

// MARK: - Helpers

/// The clock the provider reads, moved forward by the tests.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date) { current = Mutex(start) }

    func now() -> Date { current.withLock { $0 } }

    func advance(_ seconds: TimeInterval) { current.withLock { $0 += seconds } }
}

/// One authorisation request: its PKCE verifier, state and nonce.
struct Flow {
    var client = "onegate"
    var redirect = IdentityProviderTests.redirect
    var verifier = IdentityProvider.randomToken() + "-verifier.~_"
    var state = "st-123"
    var nonce = "n-" + IdentityProvider.randomToken()

    var challenge: String { PKCE.challenge(for: verifier) }

    func parameters() -> [(String, String)] {
        [
            ("response_type", "code"), ("client_id", client), ("redirect_uri", redirect), ("scope", "openid profile"),
            ("state", state), ("nonce", nonce), ("code_challenge", challenge), ("code_challenge_method", "S256"),
        ]
    }

    func authorizeURI(omitting omitted: String? = nil, replacing: (String, String)? = nil) -> String {
        let fields = parameters().filter { $0.0 != omitted }.map { name, value in
            name == replacing?.0 ? (name, replacing?.1 ?? value) : (name, value)
        }
        return "/authorize?" + fields.map { "\($0)=\(IdentityProvider.formEncode($1))" }.joined(separator: "&")
    }
}

/// The ID token as a relying party reads it.
struct TestIDToken: JWTIdentityToken {
    var iss: String
    var sub: String
    var aud: AudienceClaim
    var exp: ExpirationClaim
    var iat: IssuedAtClaim
    var auth_time: Date
    var nonce: String
    var acr: String
    var amr: [String]
    var name: String
    var birthdate: String?
    var gender: String?
    var address: String?
    var phone_number: String?

    var audience: AudienceClaim { aud }

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}

extension IdentityProviderTests {
    func withProvider(
        key: ES256PrivateKey = ES256PrivateKey(),
        _ test: @Sendable (any TestClientProtocol, IdentityProvider, TestClock) async throws -> Void
    ) async throws {
        // Whole seconds, like the token's times, and near the real time: jwt-kit checks `exp`
        // against the real clock.
        let clock = TestClock(Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)))
        let provider = try await IdentityProvider(
            configuration: IdentityProviderConfiguration(
                issuer: Self.issuer, clients: [Self.confidential, Self.publicClient], people: [Self.person],
                password: Self.password, tokenLifetime: 300, now: { clock.now() }),
            signingKey: key, keyID: "test-key-1")
        try await Application(router: provider.router()).test(.router) { client in
            try await test(client, provider, clock)
        }
    }

    /// Goes through the sign-in page and returns the code sent back to the client.
    func obtainCode(_ client: any TestClientProtocol, _ flow: Flow) async throws -> String {
        let page = try await client.execute(uri: flow.authorizeURI(), method: .get)
        let transaction = try #require(Self.transaction(in: String(buffer: page.body)))
        let signedIn = try await signIn(client, transaction, Self.person.subject, Self.password)
        let location = try #require(signedIn.headers[.location])
        return try #require(Self.query(location)["code"])
    }

    func signIn(
        _ client: any TestClientProtocol, _ transaction: String, _ identifier: String, _ password: String
    ) async throws -> TestResponse {
        try await client.execute(
            uri: "/authorize", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: Self.form([
                ("transaction", transaction), ("identifier", identifier), ("password", password),
                ("action", "sign-in"),
            ]))
    }

    func token(
        _ client: any TestClientProtocol, code: String, verifier: String,
        redirect: String = IdentityProviderTests.redirect,
        basic: RegisteredClient? = nil, fields: [(String, String)] = []
    ) async throws -> TestResponse {
        try await client.execute(
            uri: "/token", method: .post, headers: Self.formHeaders(basic: basic),
            body: Self.form(
                [
                    ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirect),
                    ("code_verifier", verifier),
                ] + fields))
    }

    static func formHeaders(basic: RegisteredClient?) -> HTTPFields {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let basic {
            let pair = IdentityProvider.formEncode(basic.id) + ":" + IdentityProvider.formEncode(basic.secret ?? "")
            headers[.authorization] = "Basic " + Data(pair.utf8).base64EncodedString()
        }
        return headers
    }

    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        ByteBuffer(string: fields.map { "\($0)=\(IdentityProvider.formEncode($1))" }.joined(separator: "&"))
    }

    func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
    }

    static func transaction(in html: String) -> String? {
        guard let match = html.firstMatch(of: /name="transaction" value="([^"]+)"/) else { return nil }
        return String(match.1)
    }

    static func query(_ location: String) -> [String: String] {
        var result: [String: String] = [:]
        for item in URLComponents(string: location)?.queryItems ?? [] { result[item.name] = item.value }
        return result
    }

    static func base64URLDecode(_ text: String) -> Data {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64) ?? Data()
    }
}
