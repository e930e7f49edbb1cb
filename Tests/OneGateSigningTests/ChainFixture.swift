import Foundation
import OneGateCore
import OneGateSigning

/// Builds a signed, chained dossier history the way the store does: envelope with `prev`,
/// canonical bytes, signature, hash.
struct ChainBuilder {
    let signer: InstanceSigner
    var dossier = "000.00.12.H40-260302-0042"
    private(set) var events: [SignedEvent] = []

    init(signer: InstanceSigner) {
        self.signer = signer
    }

    /// Appends one event signed as `identity` (by default the identity the actor implies).
    @discardableResult
    mutating func append(
        _ type: String, actor: EventActor, at: Date, data: JSONValue = [:], as identity: SignerIdentity? = nil
    ) async throws -> SignedEvent {
        let envelope = EventEnvelope(
            dossier: dossier, seq: events.count + 1, type: type, at: Timestamp.truncate(at), actor: actor,
            data: data, prev: events.last?.hash ?? EventEnvelope.genesis)
        let canonical = envelope.canonicalBytes
        let (signature, serial) = try await signer.sign(canonical, as: identity ?? Self.identity(for: envelope))
        let event = SignedEvent(
            dossierID: "d-42", seq: envelope.seq, type: type, at: envelope.at, actor: actor, canonical: canonical,
            signature: signature, certificateSerial: serial, hash: signer.digest(canonical))
        events.append(event)
        return event
    }

    /// The identity the verifier's binding rule expects for an envelope.
    static func identity(for envelope: EventEnvelope) -> SignerIdentity {
        let actor = envelope.actor
        if actor.role == "citizen" || actor.role == "system" { return .receptionService }
        if envelope.data["seal"] == .bool(true) { return .unitSeal(code: actor.unit, name: "Unit \(actor.unit)") }
        return .officer(id: actor.id, name: "Officer \(actor.id)")
    }
}

/// A five-step history: online submission, reception, appraisal, sealed approval, system notice.
enum Fixture {
    static let instance = "Tỉnh Mẫu"
    static let unit = "000.00.12.H40"
    static let secret = "test-instance-secret-0123456789"
    static let citizen = EventActor(id: "citizen-7", role: "citizen", unit: unit)
    static let receptionist = EventActor(id: "officer-1", role: "reception", unit: unit)
    static let specialist = EventActor(id: "officer-2", role: "specialist", unit: unit)
    static let leader = EventActor(id: "officer-3", role: "leader", unit: unit)

    /// 2026-03-02T01:00:00Z, a fixed start so that stamps are predictable.
    static let start = Date(timeIntervalSince1970: 1_772_413_200)

    static func masterKey() throws -> MasterKey {
        try MasterKey(secret: secret)
    }

    static func signer(
        store: InMemoryCredentialStore = InMemoryCredentialStore(), now: Date? = nil
    ) async throws -> InstanceSigner {
        let clock = now ?? start.addingTimeInterval(30 * 86_400)
        return try await InstanceSigner.start(
            store: store, masterKey: try masterKey(), instanceName: instance, now: { clock })
    }

    static func history(signer: InstanceSigner, start: Date = start) async throws -> [SignedEvent] {
        var chain = ChainBuilder(signer: signer)
        try await chain.append("submit", actor: citizen, at: start, data: ["form": ["name": "Nguyễn Văn A"]])
        try await chain.append("receive", actor: receptionist, at: start.addingTimeInterval(3600))
        try await chain.append(
            "appraise", actor: specialist, at: start.addingTimeInterval(7200), data: ["opinion": "đạt"])
        try await chain.append(
            "approve", actor: leader, at: start.addingTimeInterval(10_800), data: ["seal": true, "result": "R-1"])
        try await chain.append(
            "notify", actor: .system(unit: unit), at: start.addingTimeInterval(14_400), data: ["channel": "sms"])
        return chain.events
    }
}
