import Crypto
import Foundation
import OneGateCore
import X509

/// The checks of signatures.md for one event, shared by `EventVerifier` (stored events) and
/// `AuditFolderVerifier` (files), so that both judge the same way and in the same order.
struct EventCheck {
    let trust: TrustStore
    /// Certification paths by certificate, computed once per verification run.
    private var paths: [Certificate: [Certificate]?] = [:]

    init(trust: TrustStore) {
        self.trust = trust
    }

    /// A failed check with its explanation.
    struct Failure: Error {
        var check: VerificationCheck
        var detail: String
        init(_ check: VerificationCheck, _ detail: String) {
            self.check = check
            self.detail = detail
        }
    }

    /// Reads the event from its bytes and checks that they are their own canonical form.
    static func envelope(from canonical: [UInt8]) throws(Failure) -> EventEnvelope {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(canonical)) else {
            throw Failure(.canonicalForm, "the bytes are not JSON")
        }
        guard CanonicalJSON.encode(value) == canonical else {
            throw Failure(.canonicalForm, "the bytes are not in RFC 8785 canonical form")
        }
        guard let envelope = try? EventEnvelope(canonical: canonical) else {
            throw Failure(.canonicalForm, "the JSON is not an event (dossier, seq, type, at, actor, data, prev)")
        }
        return envelope
    }

    /// The chain link and sequence of the event at 1-based `position`.
    static func link(_ envelope: EventEnvelope, position: Int, previousHash: String) throws(Failure) {
        guard envelope.prev == previousHash else {
            throw Failure(
                .chainLink,
                position == 1
                    ? "prev of the first event must be 64 zeros"
                    : "prev does not equal the SHA-256 of event \(position - 1)")
        }
        guard envelope.seq == position else {
            throw Failure(.sequence, "seq is \(envelope.seq) where \(position) is expected")
        }
    }

    /// Signature, certification path, validity at `at`, key usage, signer binding and revocation.
    mutating func signer(
        _ envelope: EventEnvelope, canonical: [UInt8], signature: [UInt8], certificate: Certificate,
        revokedAt: Date?
    ) throws(Failure) {
        guard let key = P256.Signing.PublicKey(certificate.publicKey) else {
            throw Failure(.signature, "the certificate's key is not ECDSA P-256")
        }
        guard let parsed = try? P256.Signing.ECDSASignature(derRepresentation: signature),
            key.isValidSignature(parsed, for: canonical)
        else {
            throw Failure(.signature, "the signature does not verify with the certificate's key")
        }
        let path: [Certificate]?
        if let known = paths[certificate] {
            path = known
        } else {
            path = trust.path(for: certificate)
            paths[certificate] = path
        }
        guard let path else {
            throw Failure(.certificateChain, "the certificate does not chain to a trust anchor")
        }
        if let invalid = TrustStore.firstInvalid(in: path, at: envelope.at) {
            let which = invalid == certificate ? "the signer's certificate" : "an issuing certificate"
            throw Failure(.certificateValidity, "\(which) was not valid at \(Timestamp.format(envelope.at))")
        }
        guard let usage = try? certificate.extensions.keyUsage, usage.digitalSignature else {
            throw Failure(.keyUsage, "the certificate's key usage lacks digitalSignature")
        }
        let holder = SignerSubject.holder(of: certificate)
        let expected = Self.expectedHolder(for: envelope)
        guard holder == expected else {
            throw Failure(.signerBinding, "signed by \(holder), but the event requires \(expected)")
        }
        if let revokedAt, envelope.at >= revokedAt {
            throw Failure(.revoked, "the certificate was revoked at \(Timestamp.format(revokedAt))")
        }
    }

    /// Whose certificate must sign an event (docs/signatures.md, "Signer binding"):
    /// citizens' and system actions carry the reception seal; an event whose data has
    /// `"seal": true` carries the seal of the actor's unit; anything else the acting officer's own key.
    static func expectedHolder(for envelope: EventEnvelope) -> CertificateHolder {
        let actor = envelope.actor
        if actor.role == "citizen" || actor.role == "system" || actor.id == SignerIdentity.receptionServiceID {
            return .receptionService
        }
        if envelope.data["seal"] == .bool(true) { return .unitSeal(code: actor.unit) }
        return .officer(id: actor.id)
    }
}
