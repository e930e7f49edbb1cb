import Foundation
import JWTKit
import OneGateCore
import OneGateIdentity
import OneGateTestSupport
import Testing

/// The relying party against the reference provider over real HTTP: the code flow with PKCE, and
/// every ID token that must be refused (forged, for someone else, expired, with another nonce,
/// from another issuer), and the provider being down.
@Suite(.serialized)
struct OIDCClientTests {
    static let redirectURI = "http://onegate.test/sign-in/eid/callback"

    func client(_ provider: IdentityProviderFixture) -> OIDCClient {
        OIDCClient(
            configuration: OIDCClientConfiguration(
                issuer: provider.issuer, clientID: IdentityProviderFixture.clientID,
                clientSecret: IdentityProviderFixture.clientSecret, redirectURI: Self.redirectURI))
    }

    func claims(
        _ provider: IdentityProviderFixture, nonce: String = "n-1", audience: String = "onegate",
        issuer: String? = nil, expires: Date = Date().addingTimeInterval(300)
    ) -> IDTokenClaims {
        IDTokenClaims(
            iss: IssuerClaim(value: issuer ?? provider.issuer), sub: SubjectClaim(value: "022090001234"),
            aud: AudienceClaim(value: [audience]), exp: ExpirationClaim(value: expires),
            iat: IssuedAtClaim(value: Date()), nonce: nonce, azp: nil, acr: "urn:vneid:loa:2",
            name: "Nguyễn Văn An", birthdate: nil, gender: nil, address: nil, phone_number: nil)
    }

    @Test func codeFlowWithPKCESignsInAndTheSameCodeCannotBeUsedTwice() async throws {
        try await IdentityProviderFixture.run(redirectURI: Self.redirectURI) { provider in
            let client = client(provider)
            let pkce = PKCE()
            let url = try await client.authorizationURL(state: "s-1", nonce: "n-1", pkce: pkce)
            #expect(url.hasPrefix(provider.issuer + "/authorize?") && url.contains("code_challenge_method=S256"))
            let browser = ProviderBrowser()
            let back = try await browser.signIn(
                at: url, identifier: "022090001234", password: IdentityProviderFixture.password)
            try await browser.shutdown()
            #expect(back.hasPrefix(Self.redirectURI + "?"))
            let query = URLComponents(string: back)?.queryItems ?? []
            let code = try #require(query.first { $0.name == "code" }?.value)
            #expect(query.first { $0.name == "state" }?.value == "s-1")
            let signedIn = try await client.signIn(code: code, pkce: pkce, nonce: "n-1")
            #expect(signedIn.sub.value == "022090001234" && signedIn.name == "Nguyễn Văn An")
            #expect(signedIn.assuranceLevel == 2)
            await #expect(throws: OIDCError.self) { try await client.signIn(code: code, pkce: pkce, nonce: "n-1") }
        }
    }

    @Test func aWrongVerifierIsRefusedByTheProvider() async throws {
        try await IdentityProviderFixture.run(redirectURI: Self.redirectURI) { provider in
            let client = client(provider)
            let url = try await client.authorizationURL(state: "s", nonce: "n", pkce: PKCE())
            let browser = ProviderBrowser()
            let back = try await browser.signIn(
                at: url, identifier: "022090001234", password: IdentityProviderFixture.password)
            try await browser.shutdown()
            let code = try #require(URLComponents(string: back)?.queryItems?.first { $0.name == "code" }?.value)
            do {
                _ = try await client.signIn(code: code, pkce: PKCE(), nonce: "n")
                Issue.record("a code redeemed with another verifier was accepted")
            } catch {
                #expect((error as? OIDCError)?.code == .tokenRefused)
            }
        }
    }

    @Test func forgedWrongAudienceExpiredReplayedNonceAndWrongIssuerAreRefused() async throws {
        try await IdentityProviderFixture.run(redirectURI: Self.redirectURI) { provider in
            let client = client(provider)
            let good = try await provider.sign(claims(provider))
            #expect(try await client.verify(idToken: good, nonce: "n-1").sub.value == "022090001234")

            func refusal(_ token: String, nonce: String = "n-1") async -> OIDCError.Code? {
                do {
                    _ = try await client.verify(idToken: token, nonce: nonce)
                    return nil
                } catch {
                    return error.code
                }
            }
            let forger = try IdentityProvider.signingKey(pem: IdentityProvider.newSigningKeyPEM())
            #expect(await refusal(try await provider.sign(claims(provider), with: forger)) == .badSignature)
            #expect(
                await refusal(try await provider.sign(claims(provider, audience: "someone-else"))) == .wrongAudience)
            #expect(
                await refusal(try await provider.sign(claims(provider, expires: Date().addingTimeInterval(-120))))
                    == .expired)
            // A token from an earlier sign-in carries that sign-in's nonce: replayed, it does not match.
            #expect(await refusal(good, nonce: "n-2") == .nonceMismatch)
            #expect(
                await refusal(try await provider.sign(claims(provider, issuer: "https://evil.example"))) == .wrongIssuer
            )
            var tampered = Array(good.utf8)
            tampered[tampered.count / 2] =
                tampered[tampered.count / 2] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            #expect(await refusal(String(decoding: tampered, as: UTF8.self)) != nil)
        }
    }

    @Test func aProviderThatIsDownIsReportedAsUnavailable() async throws {
        let port = try IdentityProviderFixture.freePort()
        let client = OIDCClient(
            configuration: OIDCClientConfiguration(
                issuer: "http://127.0.0.1:\(port)", clientID: "onegate", clientSecret: nil,
                redirectURI: Self.redirectURI))
        do {
            _ = try await client.authorizationURL(state: "s", nonce: "n", pkce: PKCE())
            Issue.record("a provider that does not answer gave an authorisation URL")
        } catch {
            #expect(error.code == .providerUnavailable)
        }
    }
}
