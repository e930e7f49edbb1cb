import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OneGateCore
import OneGateRuntime
import OneGateServer
import OneGateSigning
import OneGateTestSupport
import Testing

/// The data-sharing API over a live HTTP connection: client credentials (HTTP Basic and in the
/// form), RFC 6749 errors, scopes enforced with nothing logged on a refusal, a legal basis required,
/// and every answered read appended to the person's access log with the agency's name.
struct SharingAPITests {
    static let policeSecret = "police-secret-that-is-long-enough"
    static let taxSecret = "tax-secret-that-is-long-enough"
    static let basis = "Điều 5 Nghị định 47/2020/NĐ-CP"

    /// An instance with two clients: the provincial police (results and documents) and the tax
    /// office (documents only).
    static func withSharingAPI(_ body: @Sendable (TestInstance, APIClient) async throws -> Void) async throws {
        let test = try await TestInstance.make { configuration in
            configuration.sharingClients = [
                SharingClientConfiguration(
                    id: "police", agency: "Công an tỉnh Mẫu", secretHash: SharingAuthority.hashSecret(policeSecret),
                    scopes: ["results.read", "documents.read"]),
                SharingClientConfiguration(
                    id: "tax", agency: "Thuế tỉnh Mẫu", secretHash: SharingAuthority.hashSecret(taxSecret),
                    scopes: ["documents.read"]),
            ]
        }
        defer { test.remove() }
        let app = Application(router: buildRouter(test.dependencies))
        try await app.test(.live) { client in
            try await body(test, APIClient(client: client))
        }
    }

    /// Walks an online dossier of `an` to issued with result number `number`.
    static func issue(_ test: TestInstance, number: String) async throws -> Dossier {
        try await issueBirthRegistration(service: test.service, clock: test.clock, number: number) {
            try await test.upload(by: $0)
        }
    }

    static func basic(_ id: String, _ secret: String) -> String {
        "Basic " + Data("\(id):\(secret)".utf8).base64EncodedString()
    }

    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    static func tokenRequest(
        _ api: APIClient, form body: String, authorization: String? = nil
    ) async throws -> APIResponse {
        var headers = form
        if let authorization { headers[.authorization] = authorization }
        return try await api.request(.post, "/api/v1/sharing/token", bytes: Array(body.utf8), headers: headers)
    }

    static func token(_ api: APIClient, _ id: String, _ secret: String, scope: String? = nil) async throws -> String {
        let body = "grant_type=client_credentials" + (scope.map { "&scope=\($0)" } ?? "")
        let response = try await tokenRequest(api, form: body, authorization: basic(id, secret))
        guard response.status == 200, let token = response.json["access_token"]?.stringValue else {
            throw TestFailure("token for \(id): \(response.status) \(String(decoding: response.bytes, as: UTF8.self))")
        }
        return token
    }

    static func read(
        _ api: APIClient, _ path: String, token: String?, basis: String? = SharingAPITests.basis
    ) async throws -> APIResponse {
        var headers: HTTPFields = [:]
        if let basis {
            headers[HTTPField.Name("X-Legal-Basis")!] =
                basis.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? basis
        }
        return try await api.request(.get, path, token: token, headers: headers)
    }

    static func resultPath(_ dossier: Dossier, _ number: String, pdf: Bool = false) -> String {
        let number = number.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? number
        return "/api/v1/sharing/results\(pdf ? "/pdf" : "")?code=\(dossier.publicIdentifier)&number=\(number)"
    }

    func accessLog(_ test: TestInstance, _ subject: String) async throws -> [AccessRecord] {
        try await test.store.accessChain(subject: subject, tenant: Fixtures.tenant)
    }

    @Test func tokensWithBasicOrFormCredentialsAndRFC6749Errors() async throws {
        try await Self.withSharingAPI { test, api in
            // HTTP Basic, every scope of the client by default.
            let basic = try await Self.tokenRequest(
                api, form: "grant_type=client_credentials", authorization: Self.basic("police", Self.policeSecret))
            #expect(basic.status == 200)
            #expect(basic.headers[.cacheControl] == "no-store")
            #expect(basic.json["token_type"] == "Bearer" && basic.json["expires_in"] == 600)
            #expect(basic.json["scope"] == "results.read documents.read")
            // The token is an HS256 JWT naming the instance and the client.
            let token = try #require(basic.json["access_token"]?.stringValue)
            let parts = token.split(separator: ".")
            #expect(parts.count == 3)
            func json(_ part: Substring) -> JSONValue? {
                var text = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
                text += String(repeating: "=", count: (4 - text.count % 4) % 4)
                return Data(base64Encoded: text).flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) }
            }
            #expect(json(parts[0])?["alg"] == "HS256")
            let claims = try #require(json(parts[1]))
            #expect(claims["iss"] == "Tỉnh Mẫu (test)" && claims["sub"] == "police")
            #expect(claims["scope"] == "results.read documents.read" && claims["jti"]?.stringValue != nil)
            let now = Int64(test.clock.now.timeIntervalSince1970.rounded(.down))
            #expect(claims["exp"]?.intValue == now + 600 && claims["iat"]?.intValue == now)

            // Credentials in the form, and a narrower scope.
            let posted = try await Self.tokenRequest(
                api,
                form: "grant_type=client_credentials&client_id=police&client_secret=\(Self.policeSecret)"
                    + "&scope=documents.read")
            #expect(posted.status == 200 && posted.json["scope"] == "documents.read")

            // A wrong secret, an unknown client, no credentials at all: 401 invalid_client.
            for (body, authorization) in [
                ("grant_type=client_credentials", Self.basic("police", "wrong")),
                ("grant_type=client_credentials", Self.basic("nobody", Self.policeSecret)),
                ("grant_type=client_credentials&client_id=police&client_secret=wrong", nil),
                ("grant_type=client_credentials", nil),
                ("grant_type=client_credentials", "Bearer something"),
            ] {
                let refused = try await Self.tokenRequest(api, form: body, authorization: authorization)
                #expect(refused.status == 401 && refused.json["error"] == "invalid_client", "\(body)")
                #expect(refused.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
                #expect(refused.json["error_description"]?.stringValue != nil)
            }
            // A scope the client does not have: 400 invalid_scope.
            let scope = try await Self.tokenRequest(
                api, form: "grant_type=client_credentials&scope=results.read",
                authorization: Self.basic("tax", Self.taxSecret))
            #expect(scope.status == 400 && scope.json["error"] == "invalid_scope")
            let unknown = try await Self.tokenRequest(
                api, form: "grant_type=client_credentials&scope=everything",
                authorization: Self.basic("police", Self.policeSecret))
            #expect(unknown.status == 400 && unknown.json["error"] == "invalid_scope")
            // The grant and the request's form.
            let grant = try await Self.tokenRequest(
                api, form: "grant_type=password", authorization: Self.basic("police", Self.policeSecret))
            #expect(grant.status == 400 && grant.json["error"] == "unsupported_grant_type")
            let missing = try await Self.tokenRequest(
                api, form: "scope=results.read", authorization: Self.basic("police", Self.policeSecret))
            #expect(missing.status == 400 && missing.json["error"] == "invalid_request")
            let repeated = try await Self.tokenRequest(
                api, form: "grant_type=client_credentials&grant_type=client_credentials",
                authorization: Self.basic("police", Self.policeSecret))
            #expect(repeated.status == 400 && repeated.json["error"] == "invalid_request")
            let both = try await Self.tokenRequest(
                api, form: "grant_type=client_credentials&client_secret=\(Self.policeSecret)",
                authorization: Self.basic("police", Self.policeSecret))
            #expect(both.status == 400 && both.json["error"] == "invalid_request")
            let jsonBody = try await api.request(
                .post, "/api/v1/sharing/token", json: #"{"grant_type":"client_credentials"}"#,
                headers: [.authorization: Self.basic("police", Self.policeSecret)])
            #expect(jsonBody.status == 400 && jsonBody.json["error"] == "invalid_request")
        }
    }

    @Test func scopesAreEnforcedAndEveryReadIsLogged() async throws {
        try await Self.withSharingAPI { test, api in
            let dossier = try await Self.issue(test, number: "15/KS")
            let result = try #require(try await test.store.result(dossierID: dossier.id, tenant: Fixtures.tenant))
            let subject = dossier.applicantID
            let before = try await accessLog(test, subject)

            // A client without results.read: 403 insufficient_scope, and nothing logged.
            let tax = try await Self.token(api, "tax", Self.taxSecret)
            for path in [Self.resultPath(dossier, "15/KS"), Self.resultPath(dossier, "15/KS", pdf: true)] {
                let refused = try await Self.read(api, path, token: tax)
                #expect(refused.status == 403 && refused.errorCode == "insufficient_scope", "\(path)")
                #expect(refused.headers[.wwwAuthenticate]?.contains(#"error="insufficient_scope""#) == true)
            }
            // The police with documents.read only (a narrower token) is refused the same way.
            let narrow = try await Self.token(api, "police", Self.policeSecret, scope: "documents.read")
            let narrowed = try await Self.read(api, Self.resultPath(dossier, "15/KS"), token: narrow)
            #expect(narrowed.status == 403 && narrowed.errorCode == "insufficient_scope")
            #expect(try await accessLog(test, subject) == before)

            // Without a token, or with a session token or garbage: 401, nothing logged.
            let citizen = try await api.login("an")
            for token in [nil, citizen, "not.a.jwt"] as [String?] {
                let refused = try await Self.read(api, Self.resultPath(dossier, "15/KS"), token: token)
                #expect(refused.status == 401, "\(token ?? "none")")
                #expect(refused.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            }
            #expect(try await accessLog(test, subject) == before)

            // With the scope but without a legal basis: 422, nothing logged.
            let police = try await Self.token(api, "police", Self.policeSecret)
            let noBasis = try await Self.read(api, Self.resultPath(dossier, "15/KS"), token: police, basis: nil)
            #expect(noBasis.status == 422 && noBasis.errorCode == "legal_basis_required")
            let short = try await Self.read(api, Self.resultPath(dossier, "15/KS"), token: police, basis: "Điều 5")
            #expect(short.status == 422 && short.errorCode == "legal_basis_required")
            // An unknown result: 404, nothing logged.
            let unknown = try await Self.read(api, Self.resultPath(dossier, "16/KS"), token: police)
            #expect(unknown.status == 404)
            #expect(try await accessLog(test, subject) == before)

            // With the scope and a legal basis: the metadata, and one entry in the person's log.
            let metadata = try await Self.read(api, Self.resultPath(dossier, "15/KS"), token: police)
            #expect(metadata.status == 200)
            #expect(
                metadata.json["number"] == "15/KS" && metadata.json["dossierCode"] == .string(dossier.publicIdentifier))
            #expect(metadata.json["document"] == .string(result.document) && metadata.json["status"] == "valid")
            var log = try await accessLog(test, subject)
            #expect(log.count == before.count + 1)
            let entry = try #require(log.last?.access)
            #expect(entry.actor == "client:police" && entry.actorName == "Công an tỉnh Mẫu" && entry.unit == nil)
            #expect(entry.action == .sharedWithAgency && entry.purpose == Self.basis)
            #expect(entry.resource == "\(dossier.publicIdentifier) 15/KS")

            // The header may also come as raw UTF-8.
            let raw = try await api.request(
                .get, Self.resultPath(dossier, "15/KS"), token: police,
                headers: [HTTPField.Name("X-Legal-Basis")!: Self.basis])
            #expect(raw.status == 200)
            log = try await accessLog(test, subject)
            #expect(log.count == before.count + 2 && log.last?.access.purpose == Self.basis)

            // The PDF: the result's signed bytes, logged again.
            let pdf = try await Self.read(api, Self.resultPath(dossier, "15/KS", pdf: true), token: police)
            #expect(pdf.status == 200 && pdf.headers[.contentType] == "application/pdf")
            #expect(pdf.bytes.starts(with: Array("%PDF".utf8)))
            #expect(test.signer.digest(pdf.bytes) == result.document)
            log = try await accessLog(test, subject)
            #expect(log.count == before.count + 3 && log.last?.access.action == .sharedWithAgency)
            // The chain still verifies with the new entries.
            let chain = AccessLog(store: test.store, signer: test.signer, tenant: Fixtures.tenant)
            #expect(try await chain.firstBrokenLink(subject: subject, verifySignature: { _ in true }) == nil)

            // The person sees the agency and the legal basis on their "who used my data" page.
            let page = try await api.request(.get, "/my/data-access", token: citizen)
            let html = String(decoding: page.bytes, as: UTF8.self)
            #expect(page.status == 200 && html.contains("Công an tỉnh Mẫu") && html.contains(Self.basis))

            // The token expires after ten minutes.
            test.clock.set(test.clock.now.addingTimeInterval(601))
            let expired = try await Self.read(api, Self.resultPath(dossier, "15/KS"), token: police)
            #expect(expired.status == 401 && expired.errorCode == "invalid_token")
            #expect(try await accessLog(test, subject).count == before.count + 3)
        }
    }

    @Test func documentsOfAPersonsVault() async throws {
        try await Self.withSharingAPI { test, api in
            let an = test.citizen("an")
            let binh = test.citizen("binh")
            let owned = try await test.upload(by: an.id, title: "Giay to cua An")
            let others = try await test.upload(by: binh.id, title: "Giay to cua Binh")
            let tax = try await Self.token(api, "tax", Self.taxSecret)
            let before = try await accessLog(test, an.id)

            // Someone else's document, an unknown person, a malformed hash: 404, nothing logged.
            for path in [
                "/api/v1/sharing/documents/\(others)?subject=\(an.identifier)",
                "/api/v1/sharing/documents/\(owned)?subject=999999999999",
                "/api/v1/sharing/documents/not-a-hash?subject=\(an.identifier)",
            ] {
                let refused = try await Self.read(api, path, token: tax)
                #expect(refused.status == 404, "\(path)")
            }
            let noSubject = try await Self.read(api, "/api/v1/sharing/documents/\(owned)", token: tax)
            #expect(noSubject.status == 422 && noSubject.errorCode == "invalid_field")
            let noBasis = try await Self.read(
                api, "/api/v1/sharing/documents/\(owned)?subject=\(an.identifier)", token: tax, basis: nil)
            #expect(noBasis.status == 422 && noBasis.errorCode == "legal_basis_required")
            #expect(try await accessLog(test, an.id) == before)
            #expect(try await accessLog(test, binh.id).isEmpty)

            // The person's own document: the bytes, and one entry naming the agency and the hash.
            let read = try await Self.read(
                api, "/api/v1/sharing/documents/\(owned)?subject=\(an.identifier)", token: tax)
            #expect(read.status == 200 && read.headers[.contentType] == "application/pdf")
            #expect(test.signer.digest(read.bytes) == owned)
            let log = try await accessLog(test, an.id)
            #expect(log.count == before.count + 1)
            let entry = try #require(log.last?.access)
            #expect(entry.actor == "client:tax" && entry.actorName == "Thuế tỉnh Mẫu")
            #expect(entry.action == .sharedWithAgency && entry.resource == owned && entry.purpose == Self.basis)

            // An issued result is in the applicant's vault: readable by reference too (with a new
            // token: issuing took the clock three hours on).
            let dossier = try await Self.issue(test, number: "7/KS")
            let result = try #require(try await test.store.result(dossierID: dossier.id, tenant: Fixtures.tenant))
            let vault = try await Self.read(
                api, "/api/v1/sharing/documents/\(result.document)?subject=\(an.identifier)",
                token: try await Self.token(api, "tax", Self.taxSecret))
            #expect(vault.status == 200 && test.signer.digest(vault.bytes) == result.document)
        }
    }

    @Test func aTokenSignedWithAnotherKeyOrForAnotherInstanceIsRefused() async throws {
        try await Self.withSharingAPI { test, api in
            let client = SharingClient(
                id: "police", agency: "Công an tỉnh Mẫu", secretHash: SharingAuthority.hashSecret(Self.policeSecret),
                scopes: [.resultsRead, .documentsRead])
            let clock = test.clock.clock
            let otherKey = try await SharingAuthority(
                issuer: "Tỉnh Mẫu (test)", key: Array(repeating: 7, count: 32), clients: [client], clock: clock)
            let otherInstance = try await SharingAuthority(
                issuer: "Tỉnh Khác",
                key: MasterKey.derivedKey(secret: "test secret that is long enough", purpose: "sharing-tokens"),
                clients: [client], clock: clock)
            let path = "/api/v1/sharing/documents/\(String(repeating: "a", count: 64))?subject=022090001234"
            for authority in [otherKey, otherInstance] {
                let token = try await authority.issueToken(for: client, scopes: [.documentsRead])
                let refused = try await Self.read(api, path, token: token)
                #expect(refused.status == 401 && refused.errorCode == "invalid_token")
            }
            // The same key and issuer (another server of the instance): accepted.
            let sameInstance = try await SharingAuthority(
                issuer: "Tỉnh Mẫu (test)",
                key: MasterKey.derivedKey(secret: "test secret that is long enough", purpose: "sharing-tokens"),
                clients: [client], clock: clock)
            let token = try await sameInstance.issueToken(for: client, scopes: [.documentsRead])
            #expect(try await Self.read(api, path, token: token).status == 404)
        }
    }
}
