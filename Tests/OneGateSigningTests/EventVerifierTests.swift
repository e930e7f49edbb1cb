import Foundation
import OneGateCore
import Testing

@testable import OneGateSigning

@Suite("Event chains: signing and verification")
struct EventVerifierTests {
    @Test("A five-event history signed by citizen seal, officers and unit seal verifies")
    func validChain() async throws {
        let signer = try await Fixture.signer()
        let events = try await Fixture.history(signer: signer)
        let report = try signer.verifier().verify(events)
        #expect(report == .passed(5), "\(report)")
        #expect(events[0].canonical.first == UInt8(ascii: "{"))
        #expect(events[1].prev(is: events[0].hash))
        #expect(
            try EventVerifier(trustAnchorPEM: signer.caCertificatePEM, credentials: signer.allCredentials())
                .verify([]) == .passed(0))
    }

    @Test("One byte changed in the canonical bytes: hash check, or signature when the hash is recomputed")
    func editedBytes() async throws {
        let signer = try await Fixture.signer()
        var events = try await Fixture.history(signer: signer)
        let index = try #require(firstByte(of: "opinion", in: events[2]))
        events[2].canonical[index] = UInt8(ascii: "X")
        var report = try signer.verifier().verify(events)
        #expect(report.failure?.check == .hash && report.failure?.seq == 3 && report.checkedEvents == 2, "\(report)")

        events[2].hash = signer.digest(events[2].canonical)
        report = try signer.verifier().verify(events)
        #expect(report.failure?.check == .signature && report.failure?.seq == 3, "\(report)")
    }

    @Test("Reordered events break the chain link")
    func reordered() async throws {
        let signer = try await Fixture.signer()
        var events = try await Fixture.history(signer: signer)
        events.swapAt(1, 2)
        let report = try signer.verifier().verify(events)
        #expect(report.failure?.check == .chainLink && report.failure?.seq == 2, "\(report)")
    }

    @Test("A deleted event breaks the chain link of the next")
    func deleted() async throws {
        let signer = try await Fixture.signer()
        var events = try await Fixture.history(signer: signer)
        events.remove(at: 1)
        let report = try signer.verifier().verify(events)
        #expect(report.failure?.check == .chainLink && report.failure?.seq == 2 && report.checkedEvents == 1)
    }

    @Test("A first event whose prev is not 64 zeros, or a seq gap with a valid link, is caught")
    func genesisAndSequence() async throws {
        let signer = try await Fixture.signer()
        let events = try await Fixture.history(signer: signer)
        #expect(try signer.verifier().verify(Array(events.dropFirst())).failure?.check == .chainLink)

        var chain = ChainBuilder(signer: signer)
        try await chain.append("submit", actor: Fixture.citizen, at: Fixture.start)
        let envelope = EventEnvelope(
            dossier: chain.dossier, seq: 3, type: "receive", at: Fixture.start, actor: Fixture.receptionist, data: [:],
            prev: chain.events[0].hash)
        let signed = try await signer.sign(envelope.canonicalBytes, as: .officer(id: "officer-1", name: "A"))
        let skipping = SignedEvent(
            dossierID: "d", seq: 3, type: "receive", at: envelope.at, actor: envelope.actor,
            canonical: envelope.canonicalBytes, signature: signed.signature, certificateSerial: signed.serial,
            hash: signer.digest(envelope.canonicalBytes))
        let report = try signer.verifier().verify(chain.events + [skipping])
        #expect(report.failure?.check == .sequence && report.failure?.seq == 2, "\(report)")
    }

    @Test("An officer signing an event recorded as another officer's fails the signer binding")
    func wrongOfficer() async throws {
        let signer = try await Fixture.signer()
        var chain = ChainBuilder(signer: signer)
        try await chain.append("submit", actor: Fixture.citizen, at: Fixture.start)
        try await chain.append(
            "receive", actor: Fixture.receptionist, at: Fixture.start.addingTimeInterval(60),
            as: .officer(id: "officer-2", name: "Someone else"))
        let report = try signer.verifier().verify(chain.events)
        #expect(report.failure?.check == .signerBinding && report.failure?.seq == 2, "\(report)")
    }

    @Test("Citizen events need the reception seal; sealed events need the seal of the actor's unit")
    func bindingRules() async throws {
        let signer = try await Fixture.signer()
        var chain = ChainBuilder(signer: signer)
        try await chain.append(
            "submit", actor: Fixture.citizen, at: Fixture.start, as: .officer(id: "citizen-7", name: "Not a seal"))
        #expect(try signer.verifier().verify(chain.events).failure?.check == .signerBinding)

        chain = ChainBuilder(signer: signer)
        try await chain.append("submit", actor: Fixture.citizen, at: Fixture.start)
        try await chain.append(
            "approve", actor: Fixture.leader, at: Fixture.start.addingTimeInterval(60), data: ["seal": true],
            as: .unitSeal(code: "000.00.99.H99", name: "Another unit"))
        #expect(try signer.verifier().verify(chain.events).failure?.check == .signerBinding)

        chain = ChainBuilder(signer: signer)
        try await chain.append("submit", actor: Fixture.citizen, at: Fixture.start)
        try await chain.append(
            "approve", actor: Fixture.leader, at: Fixture.start.addingTimeInterval(60), data: ["seal": true],
            as: .officer(id: Fixture.leader.id, name: "Leader"))
        #expect(try signer.verifier().verify(chain.events).failure?.check == .signerBinding)
    }

    @Test("Revocation: events before the revocation instant stay valid, later ones fail")
    func revocation() async throws {
        let store = InMemoryCredentialStore()
        let signer = try await Fixture.signer(store: store)
        var chain = ChainBuilder(signer: signer)
        let t = Fixture.start
        try await chain.append("submit", actor: Fixture.citizen, at: t)
        let early = try await chain.append("appraise", actor: Fixture.specialist, at: t.addingTimeInterval(3 * 3600))
        try await chain.append("appraise", actor: Fixture.specialist, at: t.addingTimeInterval(5 * 3600))
        #expect(chain.events[2].certificateSerial == early.certificateSerial)

        try await signer.revoke(serial: early.certificateSerial, at: t.addingTimeInterval(6 * 3600))
        #expect(try signer.verifier().verify(chain.events).ok)

        try await signer.revoke(serial: early.certificateSerial, at: t.addingTimeInterval(4 * 3600))
        let report = try signer.verifier().verify(chain.events)
        #expect(report.failure?.check == .revoked && report.failure?.seq == 3 && report.checkedEvents == 2)
        #expect(await store.credentials[early.certificateSerial]?.revokedAt == t.addingTimeInterval(4 * 3600))

        // The revoked key never signs again: the next signature comes from a new certificate.
        let later = try await chain.append("appraise", actor: Fixture.specialist, at: t.addingTimeInterval(7 * 3600))
        #expect(later.certificateSerial != early.certificateSerial)
    }

    @Test("Bytes that are valid JSON but not canonical are rejected, even when correctly signed")
    func nonCanonical() async throws {
        let signer = try await Fixture.signer()
        let envelope = EventEnvelope(
            dossier: "D", seq: 1, type: "submit", at: Fixture.start, actor: Fixture.citizen, data: [:],
            prev: EventEnvelope.genesis)
        let pretty = Array(
            String(decoding: envelope.canonicalBytes, as: UTF8.self)
                .replacingOccurrences(of: ",", with: ", ").utf8)
        let signed = try await signer.sign(pretty, as: .receptionService)
        let event = SignedEvent(
            dossierID: "D", seq: 1, type: "submit", at: envelope.at, actor: envelope.actor, canonical: pretty,
            signature: signed.signature, certificateSerial: signed.serial, hash: signer.digest(pretty))
        #expect(try signer.verifier().verify([event]).failure?.check == .canonicalForm)
    }

    @Test("Another instance's root is not a trust anchor for these events")
    func foreignAnchor() async throws {
        let signer = try await Fixture.signer()
        let other = try await Fixture.signer()
        let events = try await Fixture.history(signer: signer)
        let verifier = try EventVerifier(trustAnchorPEM: other.caCertificatePEM, credentials: signer.allCredentials())
        #expect(verifier.verify(events).failure?.check == .certificateChain)
    }

    @Test("A certificate not yet valid at the event's time fails the validity check")
    func validityAtEventTime() async throws {
        let signer = try await Fixture.signer()
        let issued = try signer.authority.issueWithKey(
            for: .officer(id: Fixture.receptionist.id, name: "Late"),
            notBefore: Fixture.start.addingTimeInterval(86_400),
            masterKey: try Fixture.masterKey())
        let envelope = EventEnvelope(
            dossier: "D", seq: 1, type: "receive", at: Fixture.start, actor: Fixture.receptionist, data: [:],
            prev: EventEnvelope.genesis)
        let key = SigningKey(credential: issued.credential, key: issued.key)
        let event = SignedEvent(
            dossierID: "D", seq: 1, type: "receive", at: envelope.at, actor: envelope.actor,
            canonical: envelope.canonicalBytes, signature: try key.sign(envelope.canonicalBytes),
            certificateSerial: issued.credential.serial, hash: signer.digest(envelope.canonicalBytes))
        let verifier = try EventVerifier(
            trustAnchorPEM: signer.caCertificatePEM, credentials: signer.allCredentials() + [issued.credential])
        #expect(verifier.verify([event]).failure?.check == .certificateValidity)
    }

    @Test("Stored columns that disagree with the signed bytes, or an unknown serial, are caught")
    func recordMismatchAndUnknownCertificate() async throws {
        let signer = try await Fixture.signer()
        var events = try await Fixture.history(signer: signer)
        events[1].actor = Fixture.specialist
        #expect(try signer.verifier().verify(events).failure?.check == .recordMismatch)
        events = try await Fixture.history(signer: signer)
        events[4].certificateSerial = "00"
        let report = try signer.verifier().verify(events)
        #expect(report.failure?.check == .certificate && report.failure?.seq == 5)
    }

    /// Where `word` starts in the event's bytes.
    private func firstByte(of word: String, in event: SignedEvent) -> Int? {
        let pattern = Array(word.utf8)
        return event.canonical.indices.first { start in
            start + pattern.count <= event.canonical.count
                && Array(event.canonical[start..<start + pattern.count]) == pattern
        }
    }
}

extension SignedEvent {
    fileprivate func prev(is hash: String) -> Bool {
        (try? EventEnvelope(canonical: canonical))?.prev == hash
    }
}
