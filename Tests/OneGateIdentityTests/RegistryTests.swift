import AsyncHTTPClient
import Foundation
import Hummingbird
import NIOCore
import OneGateTestSupport
import Synchronization
import Testing

@testable import OneGateIdentity

/// The reference registry and OneGate's adapter to it, over real HTTP on loopback: signed lookups,
/// the refusals of the contract (docs/registry.md), the registry's lookup log, and what the adapter
/// does when the registry is down, stalls or fails.
struct RegistryTests {
    static let purpose = "dossier:000.01.40.H40-260303-0001"
    static let officer = "officer:officer-chuyenvien.halong"
    static let an = "022090001234"

    // MARK: - Lookups

    @Test func signedLookupReturnsThePerson() async throws {
        try await RegistryFixture.run { registry in
            let person = try #require(
                try await registry.client().person(Self.an, purpose: Self.purpose, actor: Self.officer))
            #expect(person.identifier == Self.an)
            #expect(person.fullName == "Nguyễn Văn An")
            // Century-and-sex digit 0 (1900s, male), year 90; month and day from the serial, as the e-ID has them.
            #expect(person.birthDate == "1990-01-13")
            #expect(person.gender == "male")
            #expect(person.nationality == "VN")
            #expect(person.permanentAddress == "Số 230 đường Trần Hưng Đạo, phường Hạ Long, tỉnh Quảng Ninh")
            #expect(person.currentAddress == person.permanentAddress)
            #expect(person.householdHead == RegistryHouseholdHead(identifier: Self.an, fullName: "Nguyễn Văn An"))
            let eID = IdentityRecord.demo(subject: Self.an, fullName: "Nguyễn Văn An", address: nil, phone: nil)
            #expect(person.birthDate == eID.birthDate && person.gender == eID.gender)
        }
    }

    @Test func theWireCarriesDiacriticsAsUTF8() async throws {
        try await RegistryFixture.run { registry in
            let (status, body) = try await Self.rawGet(
                registry.baseURL, "/population/v1/people/\(Self.an)",
                headers: Self.signed("/population/v1/people/\(Self.an)"))
            #expect(status == 200)
            #expect(body.contains(#""fullName":"Nguyễn Văn An""#))
            #expect(!body.contains("\\u"))
        }
    }

    @Test func peopleAtOneAddressShareTheOldestAsHouseholdHead() async throws {
        try await RegistryFixture.run { registry in
            let client = registry.client()
            let young = try #require(
                try await client.person("022301811548", purpose: Self.purpose, actor: Self.officer))
            let elder = try #require(
                try await client.person("022181416569", purpose: Self.purpose, actor: Self.officer))
            #expect(young.birthDate == "2001-10-16")
            #expect(young.gender == "female")
            #expect(young.permanentAddress == elder.permanentAddress)
            let head = RegistryHouseholdHead(identifier: "022181416569", fullName: "Trịnh Bích Huyền")
            #expect(young.householdHead == head)
            #expect(elder.householdHead == head)
        }
    }

    @Test func unknownPersonIsNil() async throws {
        try await RegistryFixture.run { registry in
            let person = try await registry.client().person("022099999999", purpose: Self.purpose, actor: Self.officer)
            #expect(person == nil)
        }
    }

    @Test func businessLookup() async throws {
        try await RegistryFixture.run { registry in
            let client = registry.client()
            let enterprise = try #require(
                try await client.enterprise(taxCode: "5765308823", purpose: Self.purpose, actor: Self.officer))
            #expect(enterprise.taxCode == "5765308823")
            #expect(enterprise.name == "Công ty TNHH Thương mại và Dịch vụ Vịnh Xanh")
            #expect(enterprise.address == "Số 287 đường Trần Phú, phường Bãi Cháy, tỉnh Quảng Ninh")
            #expect(enterprise.status == "active")
            #expect(enterprise.registeredOn == "2017-07-05")
            // The representative is an adult of the demo population, so the demo can look them up too.
            let representative = try #require(
                registry.service.people.values.first { $0.fullName == enterprise.legalRepresentative })
            #expect(representative.birthDate < "2000")
            let none = try await client.enterprise(taxCode: "0100000000", purpose: Self.purpose, actor: Self.officer)
            #expect(none == nil)
        }
    }

    // MARK: - Refusals

    @Test func badSecretIsRefused() async throws {
        try await RegistryFixture.run { registry in
            let error = await #expect(throws: RegistryError.self) {
                try await registry.client(secret: "not-the-secret").person(
                    Self.an, purpose: Self.purpose, actor: Self.officer)
            }
            #expect(error?.code == .refused)
            #expect(error?.detail.contains("401 bad_signature") == true)
            #expect(error?.source == .population)
        }
    }

    @Test func unknownClientIsRefused() async throws {
        try await RegistryFixture.run { registry in
            let error = await #expect(throws: RegistryError.self) {
                try await registry.client(clientID: "stranger").person(
                    Self.an, purpose: Self.purpose, actor: Self.officer)
            }
            #expect(error?.code == .refused)
            #expect(error?.detail.contains("401 unknown_client") == true)
        }
    }

    @Test func aSignatureDoesNotCoverAnotherPath() async throws {
        try await RegistryFixture.run { registry in
            // Signed for An, sent for somebody else.
            let (status, body) = try await Self.rawGet(
                registry.baseURL, "/population/v1/people/022199126450",
                headers: Self.signed("/population/v1/people/\(Self.an)"))
            #expect(status == 401)
            #expect(body == #"{"error":"bad_signature"}"#)
        }
    }

    @Test func staleTimestampIsRefused() async throws {
        try await RegistryFixture.run { registry in
            let path = "/population/v1/people/\(Self.an)"
            for offset in [-301.0, 400] {
                let (status, body) = try await Self.rawGet(
                    registry.baseURL, path, headers: Self.signed(path, at: Date().addingTimeInterval(offset)))
                #expect(status == 401, "\(offset) s")
                #expect(body == #"{"error":"stale_request"}"#, "\(offset) s")
            }
            let (status, _) = try await Self.rawGet(
                registry.baseURL, path, headers: Self.signed(path, at: Date().addingTimeInterval(-200)))
            #expect(status == 200)
        }
    }

    @Test func missingPurposeOrActorIsABadRequest() async throws {
        try await RegistryFixture.run { registry in
            let path = "/population/v1/people/\(Self.an)"
            // Correctly signed (over an empty purpose), but without the header.
            let withoutPurpose = Self.signed(path, purpose: "").filter { $0.name != RegistrySignature.purposeHeader }
            var (status, body) = try await Self.rawGet(registry.baseURL, path, headers: withoutPurpose)
            #expect(status == 400)
            #expect(body == #"{"error":"missing_purpose"}"#)

            let withoutActor = Self.signed(path, actor: "").filter { $0.name != RegistrySignature.actorHeader }
            (status, body) = try await Self.rawGet(registry.baseURL, path, headers: withoutActor)
            #expect(status == 400)
            #expect(body == #"{"error":"missing_actor"}"#)

            // A system is not an actor: the log must name an officer or a citizen.
            (status, body) = try await Self.rawGet(registry.baseURL, path, headers: Self.signed(path, actor: "batch"))
            #expect(status == 400)
            #expect(body == #"{"error":"missing_actor"}"#)

            // Through the adapter, the same refusal is final and says so.
            let error = await #expect(throws: RegistryError.self) {
                try await registry.client().person(Self.an, purpose: " ", actor: Self.officer)
            }
            #expect(error?.code == .refused)
            #expect(error?.detail.contains("400 missing_purpose") == true)
        }
    }

    @Test func unsignedRequestIsRefused() async throws {
        try await RegistryFixture.run { registry in
            let (status, body) = try await Self.rawGet(
                registry.baseURL, "/population/v1/people/\(Self.an)", headers: [])
            #expect(status == 401)
            #expect(body == #"{"error":"unknown_client"}"#)
        }
    }

    // MARK: - The registry's log

    @Test func lookupLogShowsPurposeAndActor() async throws {
        try await RegistryFixture.run { registry in
            let client = registry.client()
            let basis = "basis:Luật Cư trú 2020, Điều 22"
            _ = try await client.person(Self.an, purpose: Self.purpose, actor: Self.officer)
            _ = try await client.person(Self.an, purpose: basis, actor: "citizen:\(Self.an)")
            _ = try await client.person("022199126450", purpose: Self.purpose, actor: Self.officer)
            _ = try await client.person("022099999999", purpose: Self.purpose, actor: Self.officer)

            let lookups = try await client.lookups(identifier: Self.an, purpose: "audit", actor: "officer:auditor")
            #expect(lookups.count == 2)
            #expect(lookups.map(\.purpose) == [Self.purpose, basis])
            #expect(lookups.map(\.actor) == [Self.officer, "citizen:\(Self.an)"])
            #expect(
                lookups.allSatisfy { $0.client == RegistryFixture.clientID && $0.register == "population" && $0.found })
            #expect(lookups.allSatisfy { abs($0.at.timeIntervalSinceNow) < 60 })

            // Asking for somebody the registry does not have is logged too.
            let unknown = try await client.lookups(
                identifier: "022099999999", purpose: "audit", actor: "officer:auditor")
            #expect(unknown.map(\.found) == [false])
            #expect(try await client.lookups(identifier: nil, purpose: "audit", actor: "officer:auditor").count == 4)

            // Refused requests are not lookups.
            _ = try? await registry.client(secret: "wrong").person(Self.an, purpose: Self.purpose, actor: Self.officer)
            #expect(await registry.service.lookups(identifier: Self.an).count == 2)
        }
    }

    // MARK: - Secret rotation

    @Test func bothSecretsWorkDuringARotation() async throws {
        let data = RegistryDemoData(citizens: [(.person, Self.an, "Nguyễn Văn An", "Hạ Long")])
        let service = try RegistryService(
            configuration: RegistryServiceConfiguration(
                clients: [
                    RegistryClientCredential(id: "onegate", secret: "old-secret"),
                    RegistryClientCredential(id: "onegate", secret: "new-secret"),
                ], people: data.people, enterprises: data.enterprises))
        try await RegistryFixture.serve(service.router()) { baseURL in
            for secret in ["old-secret", "new-secret"] {
                let client = RegistryClient(
                    configuration: RegistryClientConfiguration(baseURL: baseURL, clientID: "onegate", secret: secret))
                let person = try await client.person(Self.an, purpose: Self.purpose, actor: Self.officer)
                #expect(person?.fullName == "Nguyễn Văn An", "\(secret)")
            }
        }
    }

    // MARK: - When the registry is down, stalls or fails

    @Test func registryDownIsUnavailableAfterTheRetries() async throws {
        let port = try IdentityProviderFixture.freePort()
        let client = RegistryClient(
            configuration: RegistryClientConfiguration(
                baseURL: "http://127.0.0.1:\(port)", clientID: "onegate", secret: "secret"))
        let clock = ContinuousClock()
        let start = clock.now
        let error = await #expect(throws: RegistryError.self) {
            try await client.person(Self.an, purpose: Self.purpose, actor: Self.officer)
        }
        let elapsed = clock.now - start
        #expect(error?.code == .unavailable)
        #expect(error?.detail.contains("after 3 attempt(s)") == true)
        #expect(error?.detail.contains(Self.an) == false)
        #expect(
            error?.message.vi == "Không tra cứu được cơ sở dữ liệu quốc gia về dân cư lúc này; vui lòng nhập thông tin."
        )
        #expect(
            error?.message.en == "The national population database cannot be reached now; please enter the details.")
        // Two back-offs (100 ms and 300 ms) were waited, and a refused connection is not waited on.
        #expect(elapsed >= .milliseconds(390))
        #expect(elapsed < .seconds(10))
    }

    @Test func serverErrorsAreRetriedAndClientErrorsAreNot() async throws {
        let requests = RequestCounter()
        let router = Router()
        router.get("/population/v1/people/:identifier") { _, _ -> Response in
            requests.add()
            return Response(status: .serviceUnavailable)
        }
        router.get("/business/v1/enterprises/:taxCode") { _, _ -> Response in
            requests.add()
            return RegistryService.problem("bad_signature", status: .unauthorized)
        }
        try await RegistryFixture.serve(router) { baseURL in
            let client = RegistryClient(
                configuration: RegistryClientConfiguration(baseURL: baseURL, clientID: "onegate", secret: "secret"))
            let unavailable = await #expect(throws: RegistryError.self) {
                try await client.person(Self.an, purpose: Self.purpose, actor: Self.officer)
            }
            #expect(unavailable?.code == .unavailable)
            #expect(unavailable?.detail.contains("answered 503") == true)
            #expect(requests.count == 3)

            let refused = await #expect(throws: RegistryError.self) {
                try await client.enterprise(taxCode: "5765308823", purpose: Self.purpose, actor: Self.officer)
            }
            #expect(refused?.code == .refused)
            #expect(refused?.source == .business)
            #expect(
                refused?.message.vi
                    == "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp từ chối yêu cầu tra cứu; vui lòng nhập thông tin."
            )
            #expect(requests.count == 4)
        }
    }

    @Test func aStalledRegistryTimesOut() async throws {
        let router = Router()
        router.get("/population/v1/people/:identifier") { _, _ -> Response in
            try await Task.sleep(for: .seconds(30))
            return Response(status: .ok)
        }
        try await RegistryFixture.serve(router) { baseURL in
            let client = RegistryClient(
                configuration: RegistryClientConfiguration(
                    baseURL: baseURL, clientID: "onegate", secret: "secret", timeout: .milliseconds(300), retries: 1))
            let clock = ContinuousClock()
            let start = clock.now
            let error = await #expect(throws: RegistryError.self) {
                try await client.person(Self.an, purpose: Self.purpose, actor: Self.officer)
            }
            #expect(error?.code == .unavailable)
            #expect(error?.detail.contains("no answer within") == true)
            // Far below the registry's 30 s stall; loose enough for a busy two-core machine.
            #expect(clock.now - start < .seconds(10))
        }
    }

    @Test func aNotFoundFromSomethingElseIsNotAMissingPerson() async throws {
        try await RegistryFixture.run { registry in
            // A base URL with a wrong path prefix: the 404 is the web server's, not the registry's.
            let client = RegistryClient(
                configuration: RegistryClientConfiguration(
                    baseURL: registry.baseURL + "/wrong", clientID: RegistryFixture.clientID,
                    secret: RegistryFixture.secret))
            let error = await #expect(throws: RegistryError.self) {
                try await client.person(Self.an, purpose: Self.purpose, actor: Self.officer)
            }
            #expect(error?.code == .malformed)
        }
    }

    // MARK: - The signature itself

    @Test func signatureMatchesTheDocumentedExample() {
        // The worked example of docs/registry.md, computed independently (Python's hmac module).
        let canonical = RegistrySignature.canonicalString(
            method: "GET", path: "/population/v1/people/022090001234", timestamp: "2026-03-03T02:15:00Z",
            client: "onegate", purpose: "dossier:000.01.40.H40-260303-0001", actor: "officer:officer-chuyenvien.halong")
        let signature = RegistrySignature.signature(of: canonical, secret: "demo-registry-secret")
        #expect(signature == "+rlp1spq4fF+aGP9JRffXN/SWg7YxCVnd89c8EgJnVU=")
        #expect(RegistrySignature.isValid(signature, of: canonical, secret: "demo-registry-secret"))
        #expect(!RegistrySignature.isValid(signature, of: canonical + "x", secret: "demo-registry-secret"))
        #expect(!RegistrySignature.isValid("not base64!", of: canonical, secret: "demo-registry-secret"))
        #expect(
            RegistrySignature.headerValue("basis:Luật Cư trú 2020, Điều 22")
                == "basis:Lu%E1%BA%ADt%20C%C6%B0%20tr%C3%BA%202020,%20%C4%90i%E1%BB%81u%2022")
        #expect(RegistrySignature.timestamp(Date(timeIntervalSince1970: 1_772_504_100)) == "2026-03-03T02:15:00Z")
        #expect(RegistrySignature.date(fromTimestamp: "2026-03-03T02:15:00Z")?.timeIntervalSince1970 == 1_772_504_100)
        #expect(RegistrySignature.date(fromTimestamp: "2026-03-03T02:15:00.250Z") != nil)
        #expect(RegistrySignature.date(fromTimestamp: "2026-03-03T09:15:00+07:00") == nil)
    }

    // MARK: - Helpers

    static func signed(
        _ path: String, purpose: String = purpose, actor: String = officer, at date: Date = Date()
    ) -> [(name: String, value: String)] {
        RegistrySignature.headers(
            method: "GET", path: path, client: RegistryFixture.clientID, secret: RegistryFixture.secret,
            purpose: purpose, actor: actor, at: date)
    }

    /// A GET crafted by hand, for what the adapter would never send.
    static func rawGet(
        _ baseURL: String, _ path: String, headers: [(name: String, value: String)]
    ) async throws -> (Int, String) {
        var request = HTTPClientRequest(url: baseURL + path)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(buffer: body))
    }
}

/// Requests a test server has seen.
final class RequestCounter: Sendable {
    private let value = Atomic<Int>(0)

    func add() { value.add(1, ordering: .relaxed) }

    var count: Int { value.load(ordering: .relaxed) }
}
