import Foundation
import Hummingbird
import HummingbirdTesting
import OneGateCore
import OneGateIdentity
import OneGateRuntime
import OneGateServer
import OneGateTestSupport
import Testing

/// Signing in with the national e-ID end to end: OneGate's pages, the reference provider over real
/// HTTP, a browser in between.
@Suite(.serialized)
struct EIDSignInTests {
    static let publicURL = "http://onegate.test"

    func withEID(
        _ body: @Sendable (TestInstance, IdentityProviderFixture, WebTestSession) async throws -> Void
    )
        async throws
    {
        try await IdentityProviderFixture.run(redirectURI: Self.publicURL + "/sign-in/eid/callback") { provider in
            let test = try await TestInstance.make(now: Date()) { configuration in
                configuration.publicURL = Self.publicURL
                configuration.eid = EIDConfiguration(
                    issuer: provider.issuer, clientID: IdentityProviderFixture.clientID,
                    clientSecret: IdentityProviderFixture.clientSecret)
            }
            defer { test.remove() }
            let app = Application(router: buildRouter(test.dependencies))
            try await app.test(.live) { client in
                try await body(test, provider, WebTestSession(client: client))
            }
        }
    }

    /// The provider's answer, as a path on OneGate.
    static func callbackPath(_ location: String) -> String {
        String(location.dropFirst(publicURL.count))
    }

    @Test func aCitizenSignsInThroughTheProviderAndANewcomerGetsAnAccount() async throws {
        try await withEID { test, provider, web in
            let signIn = try await web.get("/sign-in")
            #expect(signIn.contains("href=\"/sign-in/eid?next="))
            let start = try await web.get("/sign-in/eid?next=%2Fmy%2Fdossiers")
            #expect(start.status == 303)
            let authorize = try #require(start.location)
            #expect(authorize.hasPrefix(provider.issuer + "/authorize?") && web.cookie("onegate_eid") != nil)
            let browser = ProviderBrowser()
            let back = try await browser.signIn(
                at: authorize, identifier: "022090001234", password: IdentityProviderFixture.password)
            let callback = Self.callbackPath(back)
            let landed = try await web.get(callback)
            #expect(
                landed.status == 303 && landed.location == "/my/dossiers", "\(landed.status) \(landed.body.prefix(300))"
            )
            let session = try #require(web.cookie("onegate_session"))
            #expect(try await test.dependencies.sessions.assurance(token: session) == 2)
            let mine = try await web.get("/my/dossiers")
            #expect(mine.status == 200 && mine.contains("Nguyễn Văn An"))

            // The same answer again (a replay, or the back button): the sign-in was used up.
            let again = try await web.get(callback)
            #expect(again.status == 400 && again.contains(WebTextsProbe.expired))

            // Someone OneGate has never seen gets an account with what the e-ID says.
            let other = WebTestSession(client: web.client)
            let second = try #require(try await other.get("/sign-in/eid").location)
            let answer = try await browser.signIn(
                at: second, identifier: IdentityProviderFixture.newcomer.subject,
                password: IdentityProviderFixture.password)
            try await browser.shutdown()
            #expect(try await other.get(Self.callbackPath(answer)).status == 303)
            let created = try #require(
                try await test.store.applicant(
                    identifier: IdentityProviderFixture.newcomer.subject, tenant: Fixtures.tenant))
            #expect(created.fullName == "Lê Thị Mới" && created.phone == "0912345678")
        }
    }

    @Test func aCallbackFromAnotherBrowserOrWithATamperedStateIsRefused() async throws {
        try await withEID { test, provider, web in
            let start = try #require(try await web.get("/sign-in/eid").location)
            let browser = ProviderBrowser()
            let back = try await browser.signIn(
                at: start, identifier: "022090001234", password: IdentityProviderFixture.password)
            try await browser.shutdown()
            // Another browser (no flow cookie) presents the same answer: refused, nobody signed in.
            let stranger = WebTestSession(client: web.client)
            let refused = try await stranger.get(Self.callbackPath(back))
            #expect(refused.status == 400 && stranger.cookie("onegate_session") == nil)
            // The provider says the person cancelled.
            let cancelled = try await web.get(
                "/sign-in/eid/callback?error=access_denied&state=\(web.cookie("onegate_eid") ?? "")")
            #expect(cancelled.status == 303 && web.cookie("onegate_session") == nil)
            let signInAgain = try await web.get(try #require(cancelled.location))
            #expect(signInAgain.contains("Bạn đã hủy đăng nhập tại dịch vụ định danh điện tử"))
        }
    }

    @Test func theProviderBeingDownIsSaidPlainly() async throws {
        let port = try IdentityProviderFixture.freePort()
        let test = try await TestInstance.make(now: Date()) { configuration in
            configuration.eid = EIDConfiguration(
                issuer: "http://127.0.0.1:\(port)", clientID: "onegate", clientSecret: nil)
        }
        defer { test.remove() }
        let app = Application(router: buildRouter(test.dependencies))
        try await app.test(.live) { client in
            let web = WebTestSession(client: client)
            let answer = try await web.get("/sign-in/eid")
            #expect(answer.status == 503 && answer.contains(WebTextsProbe.unavailable))
            // The password sign-in still works beside it.
            #expect(try await web.get("/sign-in").status == 200)
        }
    }
}

/// The texts the tests look for, in Vietnamese (the default language).
enum WebTextsProbe {
    static let expired = "Phiên đăng nhập đã hết hạn hoặc đã được dùng"
    static let unavailable = "Dịch vụ định danh điện tử tạm thời không truy cập được"
}

/// "Who used my data": an officer's reads appear on the person's page, chain verified.
struct DataAccessPageTests {
    @Test func anOfficersReadsAppearOnTheCitizensPage() async throws {
        try await withWeb { test, _, session in
            let an = test.citizen("an")
            let document = try await test.upload(by: an.id)
            let input = ApplicationInput(
                procedureCode: "1.001193", receivingUnit: Fixtures.communeA, competentUnit: Fixtures.communeA,
                secret: "SECRET2345", data: Fixtures.birthData,
                components: [DossierComponent(requirement: "birth_notice", document: document)])
            let dossier = try TestInstance.dossier(try await test.service.submitOnline(input, by: an, idempotency: nil))
            let officer = session()
            _ = try await officer.signIn("reception.a")
            #expect(try await officer.get("/work/dossiers/\(dossier.id)").status == 200)
            #expect(try await officer.get("/work/documents/\(document)?dossier=\(dossier.id)").status == 200)

            let citizen = session()
            _ = try await citizen.signIn("an")
            let page = try await citizen.get("/my/data-access")
            #expect(page.status == 200)
            #expect(page.contains(test.officer("reception.a").fullName))
            #expect(page.contains("Xem hồ sơ") && page.contains("Mở giấy tờ"))
            #expect(page.contains("Nhật ký đầy đủ"))
            // Reading one's own dossier is not someone else using one's data.
            _ = try await citizen.get("/my/dossiers/\(dossier.id)")
            let again = try await test.store.accessChain(subject: an.id, tenant: Fixtures.tenant)
            #expect(again.count == 2)
            // Another citizen's page is theirs alone.
            let binh = session()
            _ = try await binh.signIn("binh")
            #expect(!(try await binh.get("/my/data-access")).contains(test.officer("reception.a").fullName))
        }
    }
}
