import Foundation
import Hummingbird
import HummingbirdTesting
import OneGateCore
import OneGateIdentity
import OneGateRuntime
import OneGateServer
import OneGateTestSupport
import Testing

/// Once-only reuse: a result issued to a person lands in their vault, is offered first for the
/// requirement of another procedure that asks for it, is attached by reference and flagged, and
/// the officer sees where it comes from and that it verifies; a revoked result is not offered.
struct VaultReuseTests {
    /// Walks an's birth registration to issued; returns the dossier.
    static func birthCertificate(_ test: TestInstance) async throws -> Dossier {
        try await issueBirthRegistration(service: test.service, clock: test.clock, number: "15/KS") {
            try await test.upload(by: $0)
        }
    }

    /// an applies for the criminal record certificate, received at `unit`, attaching `result` by
    /// reference as the birth certificate.
    static func applyReusing(_ result: IssuedResult, at unit: String, _ test: TestInstance) async throws -> Dossier {
        let an = test.citizen("an")
        return try TestInstance.dossier(
            try await test.service.submitOnline(
                ApplicationInput(
                    procedureCode: "DEMO.0002", receivingUnit: unit, competentUnit: Fixtures.justice,
                    secret: "SECRET6789",
                    data: ["full_name": "Nguyễn Văn An", "personal_id": "022090001234", "purpose": "work"],
                    components: [
                        DossierComponent(requirement: "application", document: try await test.upload(by: an.id)),
                        DossierComponent(requirement: "birth_certificate", document: result.document, reused: true),
                    ]),
                by: an, idempotency: nil))
    }

    @Test func anIssuedResultIsInTheVaultOfferedFirstReusedByReferenceAndShownToTheOfficer() async throws {
        try await withWeb { test, _, session in
            let birth = try await Self.birthCertificate(test)
            let result = try #require(try await test.store.result(dossierID: birth.id, tenant: Fixtures.tenant))
            let an = test.citizen("an")
            #expect(try await test.store.documentOwned(sha256: result.document, by: an.id, tenant: Fixtures.tenant))

            let citizen = session()
            _ = try await citizen.signIn("an")
            let vault = try await citizen.get("/my/vault")
            #expect(vault.status == 200 && vault.contains("Giấy khai sinh") && vault.contains("15/KS"))
            #expect(vault.contains("Hợp lệ, có trong sổ nhật ký minh bạch") && vault.contains("Còn hiệu lực"))
            // A result cannot be deleted from the vault.
            let refused = try await citizen.post("/my/vault/\(result.document)/delete", [])
            #expect(refused.status == 403)

            // Applying for the criminal record certificate: the birth certificate is offered first.
            let form = try await citizen.get("/apply/DEMO.0002")
            #expect(form.contains("Kết quả điện tử trong kho dữ liệu của bạn"))
            #expect(form.contains(#"<option value="\#(result.document)""#))

            // Attached by reference (the same stored PDF, not a copy) and flagged as reused.
            let reuse = try await Self.applyReusing(result, at: Fixtures.justice, test)
            #expect(reuse.components.contains { $0.document == result.document && $0.reused })

            // Counted by the reused-data indicator once received (the service centre receives for
            // the department).
            let counted = try await Self.applyReusing(result, at: Fixtures.centre, test)
            _ = try await test.service.perform(
                .accept, on: counted.id, by: .officer(test.officer("reception.centre")), idempotency: nil)
            let period = test.service.calendar.localDate(of: test.clock.now)
            let counters = try await test.store.counters(
                units: [Fixtures.centre, Fixtures.justice],
                periods: [String(format: "%04d-%02d", period.year, period.month)], tenant: Fixtures.tenant)
            #expect(counters["received_reused"] == 1, "\(counters)")

            // The officer sees where it comes from and that it verifies.
            let officer = session()
            _ = try await officer.signIn("specialist.justice")
            let workspace = try await officer.get("/work/dossiers/\(reuse.id)")
            #expect(workspace.status == 200, "\(workspace.status)")
            #expect(workspace.contains("Tái sử dụng kết quả điện tử số 15/KS"))
            #expect(workspace.contains("chữ ký số hợp lệ, còn hiệu lực"))

            // Revoked: no longer offered, and the vault says so.
            let leader = test.officer("leader.a")
            _ = try await ResultRevocationProbe.revoke(test, dossier: birth, by: leader)
            let after = try await citizen.get("/apply/DEMO.0002")
            #expect(!after.contains(#"<option value="\#(result.document)""#))
            #expect(try await citizen.get("/my/vault").contains("Đã bị thu hồi"))
        }
    }

    @Test func aShareLinkGivesOneDocumentUntilItExpiresAndEveryDownloadIsLogged() async throws {
        try await withWeb { test, _, session in
            let an = test.citizen("an")
            let upload = try await test.upload(by: an.id, title: "Ban sao bang tot nghiep")
            let citizen = session()
            _ = try await citizen.signIn("an")
            let page = try await citizen.post("/my/vault/\(upload)/share", [])
            #expect(page.status == 200)
            let link = try #require(page.first(#"(/shared/[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)"#))
            // Anyone with the link, signed in or not.
            let stranger = session()
            let download = try await stranger.get(link)
            #expect(download.status == 200 && test.signer.digest(download.bytes) == upload)
            let log = try await test.store.accessChain(subject: an.id, tenant: Fixtures.tenant)
            #expect(log.last?.access.action == .sharedByLink && log.last?.access.resource == upload)
            // A changed link, an expired one, and a document removed from the vault give nothing.
            #expect(try await stranger.get(String(link.dropLast(2)) + "xx").status == 404)
            test.clock.set(test.clock.now.addingTimeInterval(8 * 86_400))
            #expect(try await stranger.get(link).status == 404)
            test.clock.set(test.clock.now.addingTimeInterval(-8 * 86_400))
            _ = try await citizen.post("/my/vault/\(upload)/delete", [])
            #expect(try await stranger.get(link).status == 404)
            // Someone else's document cannot be shared.
            let other = try await test.upload(by: test.citizen("binh").id, title: "Khac")
            #expect(try await citizen.post("/my/vault/\(other)/share", []).status == 404)
        }
    }

    @Test func theApplicantDeletesWhatTheyUploaded() async throws {
        try await withWeb { test, _, session in
            let an = test.citizen("an")
            let upload = try await test.upload(by: an.id, title: "Ban sao CCCD")
            let citizen = session()
            _ = try await citizen.signIn("an")
            #expect(try await citizen.get("/my/vault").contains(String(upload.prefix(12))))
            let deleted = try await citizen.post("/my/vault/\(upload)/delete", [])
            #expect(deleted.status == 303)
            #expect(!(try await test.store.documentOwned(sha256: upload, by: an.id, tenant: Fixtures.tenant)))
            // Someone else's document: not found.
            let other = try await test.upload(by: test.citizen("binh").id, title: "Khac")
            #expect(try await citizen.post("/my/vault/\(other)/delete", []).status == 404)
        }
    }
}

/// Revokes through the API path's logic (ResultRevocation is internal to the server module).
enum ResultRevocationProbe {
    static func revoke(_ test: TestInstance, dossier: Dossier, by leader: Officer) async throws -> IssuedResult {
        guard var result = try await test.store.result(dossierID: dossier.id, tenant: Fixtures.tenant) else {
            throw TestFailure("no result")
        }
        result.status = .revoked
        result.revokedAt = test.clock.now
        result.revocationReason = "Cấp nhầm"
        let entry = TransparencyEntries.revoked(result, instance: "Tỉnh Mẫu (test)", by: leader.id, at: test.clock.now)
        _ = try await test.store.revokeResult(
            result,
            entry: TransparencyEntry(
                entry: entry, leafHash: TransparencyEntries.leafHash(entry, digest: test.signer.digest),
                at: test.clock.now))
        return result
    }
}

/// Prefill from the registry and the account: filled in and marked; the lookup logged; the
/// registry being down said plainly.
struct PrefillTests {
    @Test func theFormIsFilledFromTheRegistryAndTheLookupIsLogged() async throws {
        let data = RegistryDemoData(
            citizens: Fixtures.citizens.map { ($0.kind, $0.identifier, $0.fullName, "Phường Hạ Long, Quảng Ninh") })
        let service = try RegistryService(
            configuration: RegistryServiceConfiguration(
                clients: [RegistryClientCredential(id: "onegate", secret: "s3cret-for-prefill")], people: data.people,
                enterprises: data.enterprises))
        try await RegistryFixture.serve(service.router()) { baseURL in
            let test = try await TestInstance.make { configuration in
                configuration.registry = RegistryConfiguration(
                    baseURL: baseURL, clientID: "onegate", secret: "s3cret-for-prefill")
            }
            defer { test.remove() }
            let app = Application(router: buildRouter(test.dependencies))
            try await app.test(.live) { client in
                let citizen = WebTestSession(client: client)
                _ = try await citizen.signIn("an")
                let form = try await citizen.get("/apply/DEMO.0002")
                #expect(form.status == 200)
                #expect(form.contains("Điền sẵn từ Cơ sở dữ liệu quốc gia về dân cư"))
                #expect(form.contains(#"value="Nguyễn Văn An""#) && form.contains(#"value="022090001234""#))
                let log = try await test.store.accessChain(subject: test.citizen("an").id, tenant: Fixtures.tenant)
                #expect(log.contains { $0.access.action == .registryLookup })
                let lookups = await service.lookups(identifier: "022090001234")
                #expect(lookups.first?.purpose == "Tự điền tờ khai thủ tục DEMO.0002")
            }
        }
    }

    @Test func aRegistryThatIsDownIsSaidAndTheAccountStillFillsIn() async throws {
        let port = try IdentityProviderFixture.freePort()
        let test = try await TestInstance.make { configuration in
            configuration.registry = RegistryConfiguration(
                baseURL: "http://127.0.0.1:\(port)", clientID: "onegate", secret: "x")
        }
        defer { test.remove() }
        let app = Application(router: buildRouter(test.dependencies))
        try await app.test(.live) { client in
            let citizen = WebTestSession(client: client)
            _ = try await citizen.signIn("an")
            let form = try await citizen.get("/apply/DEMO.0002")
            #expect(form.status == 200)
            #expect(form.contains("Không tra cứu được"))
            #expect(form.contains("Điền sẵn từ tài khoản của bạn") && form.contains(#"value="Nguyễn Văn An""#))
        }
    }
}
