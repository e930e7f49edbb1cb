import Foundation
import OneGateCore
import Testing

@testable import OneGateSigning

@Suite("Instance signer: keys, caching, concurrency")
struct InstanceSignerTests {
    @Test("Start creates the root and the reception credential once; a restart reuses them")
    func startAndRestart() async throws {
        let store = InMemoryCredentialStore()
        let first = try await Fixture.signer(store: store)
        #expect(await store.credentials(subject: "ca").count == 1)
        #expect(await store.credentials(subject: "reception").count == 1)
        let officer = SignerIdentity.officer(id: "officer-9", name: "Trần Thị B")
        let signed = try await first.sign(Array("hello".utf8), as: officer)

        let second = try await Fixture.signer(store: store)
        #expect(second.caCertificatePEM == first.caCertificatePEM)
        let again = try await second.sign(Array("hello".utf8), as: officer)
        #expect(again.serial == signed.serial)
        #expect(await store.credentials.count == 3)
    }

    @Test("Restarting with another instance secret fails clearly")
    func wrongSecret() async throws {
        let store = InMemoryCredentialStore()
        _ = try await Fixture.signer(store: store)
        await #expect(throws: OneGateError.keyDecryptionFailed) {
            _ = try await InstanceSigner.start(
                store: store, masterKey: try MasterKey(secret: "not-the-same-secret-at-all"),
                instanceName: Fixture.instance)
        }
    }

    @Test("After the first signature of an identity the store is never read or written again")
    func hotPathTouchesNoStore() async throws {
        let store = InMemoryCredentialStore()
        let signer = try await Fixture.signer(store: store)
        let identity = SignerIdentity.officer(id: "officer-1", name: "A")
        var envelope = EventEnvelope(
            dossier: "D", seq: 1, type: "receive", at: Fixture.start, actor: Fixture.receptionist, data: [:],
            prev: EventEnvelope.genesis)
        let first = try await signer.sign(envelope.canonicalBytes, as: identity)
        let (reads, saves) = (await store.reads, await store.saves)
        let clock = ContinuousClock()
        let elapsed = try await clock.measure {
            for seq in 1...500 {
                envelope.seq = seq
                let signed = try await signer.sign(envelope.canonicalBytes, as: identity)
                #expect(signed.serial == first.serial)
            }
        }
        #expect(await store.reads == reads)
        #expect(await store.saves == saves)
        // Generous bound for a debug build on a loaded 2-core machine; release signs far faster.
        #expect(elapsed < .seconds(20), "500 signatures took \(elapsed)")
    }

    @Test("Concurrent first signatures of one identity create exactly one credential")
    func concurrentFirstUse() async throws {
        let store = InMemoryCredentialStore()
        let signer = try await Fixture.signer(store: store)
        let identity = SignerIdentity.unitSeal(code: "000.00.12.H40", name: "Sở Xây dựng")
        let serials = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<64 {
                group.addTask { try await signer.sign(Array("event \(index)".utf8), as: identity).serial }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(serials.count == 1)
        #expect(await store.credentials(subject: identity.subjectKey).count == 1)
    }

    @Test("Events dated long before now get a certificate valid at their time, and verify")
    func backDatedHistory() async throws {
        let now = Fixture.start.addingTimeInterval(600 * 86_400)
        let signer = try await Fixture.signer(now: now)
        // The demo's range: up to 18 months back.
        let events = try await Fixture.history(signer: signer, start: now.addingTimeInterval(-540 * 86_400))
        #expect(try signer.verifier().verify(events).ok)
        // And an explicit back-dated issuance becomes the identity's key for its period.
        let issued = try await signer.issueCredential(
            for: .officer(id: "officer-5", name: "C"), notBefore: now.addingTimeInterval(-500 * 86_400))
        var chain = ChainBuilder(signer: signer)
        let event = try await chain.append(
            "submit", actor: EventActor(id: "officer-5", role: "reception", unit: Fixture.unit),
            at: now.addingTimeInterval(-400 * 86_400))
        #expect(event.certificateSerial == issued.serial)
        #expect(try signer.verifier().verify(chain.events).ok)
    }

    @Test(
        "Signing before the root's validity, or beyond any certificate's reach, is refused",
        arguments: [-3 * 365 * 86_400, 30 * 365 * 86_400] as [TimeInterval])
    func outOfRange(offset: TimeInterval) async throws {
        let store = InMemoryCredentialStore()
        let signer = try await Fixture.signer(store: store)
        let saves = await store.saves
        let envelope = EventEnvelope(
            dossier: "D", seq: 1, type: "receive", at: Fixture.start.addingTimeInterval(offset),
            actor: Fixture.receptionist, data: [:], prev: EventEnvelope.genesis)
        await #expect {
            _ = try await signer.sign(envelope.canonicalBytes, as: .officer(id: "officer-1", name: "A"))
        } throws: { error in
            (error as? OneGateError)?.code == "signing_time_out_of_range"
        }
        #expect(await store.saves == saves)
    }

    @Test("Lookups: credential, certificate PEM, digest")
    func lookups() async throws {
        let signer = try await Fixture.signer()
        let signed = try await signer.sign(Array("abc".utf8), as: .receptionService)
        let credential = try #require(signer.credential(serial: signed.serial))
        #expect(credential.subject == "reception")
        #expect(signer.certificatePEM(serial: signed.serial)?.hasPrefix("-----BEGIN CERTIFICATE-----") == true)
        #expect(signer.certificatePEM(serial: "nope") == nil)
        #expect(signer.digest(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("The event time is read from canonical bytes without decoding them")
    func eventTimeStamp() {
        let envelope = EventEnvelope(
            dossier: "D", seq: 1, type: "t", at: Fixture.start,
            actor: EventActor(id: "\"at\":\"1999", role: "r", unit: "u"), data: ["at": "2000-01-01T00:00:00Z"],
            prev: EventEnvelope.genesis)
        #expect(EventTimeStamp.find(in: envelope.canonicalBytes) == EventTimeStamp(Fixture.start))
        #expect(EventTimeStamp.find(in: Array("abc".utf8)) == nil)
    }
}
