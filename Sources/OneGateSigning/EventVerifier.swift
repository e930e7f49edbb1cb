public import Foundation
public import OneGateCore
import SwiftASN1
import X509

/// Verifies a dossier's stored events, in order, against a trust anchor: for each event the
/// canonical form, the chain link and sequence, the stored hash and columns, the signature, the
/// certificate path at the event's `at`, the key usage, the signer binding and revocation.
///
/// ```swift
/// let report = try signer.verifier().verify(events)
/// if !report.ok { print(report) }  // "event 3: chain_link: prev does not equal …"
/// ```
///
/// It stops at the first failure, which it names. A missing last event cannot be seen from the
/// list alone; compare `checkedEvents` with the dossier's own event count for that.
public struct EventVerifier: Sendable {
    private let trust: TrustStore
    private let certificates: [String: Certificate]
    private let revocations: [String: Date]

    /// - Parameters:
    ///   - trustAnchorPEM: the root certificate(s), and any intermediates, PEM.
    ///   - certificates: signer certificates (DER) by hex serial, as `SignedEvent.certificateSerial`.
    ///   - revocations: revocation instants by hex serial.
    /// - Throws: when the PEM or a certificate does not parse.
    public init(
        trustAnchorPEM: String, certificates: [String: [UInt8]], revocations: [String: Date] = [:]
    ) throws {
        trust = try TrustStore(pem: trustAnchorPEM)
        self.certificates = try certificates.mapValues { try Certificate(derEncoded: $0) }
        self.revocations = revocations
    }

    /// A verifier knowing the certificates and revocations of `credentials` (for example
    /// `InstanceSigner.allCredentials()` or a store's `allCredentials()`).
    public init(trustAnchorPEM: String, credentials: [StoredCredential]) throws {
        var certificates: [String: [UInt8]] = [:]
        var revocations: [String: Date] = [:]
        for credential in credentials {
            certificates[credential.serial] = credential.certificateDER
            if let revokedAt = credential.revokedAt { revocations[credential.serial] = revokedAt }
        }
        try self.init(trustAnchorPEM: trustAnchorPEM, certificates: certificates, revocations: revocations)
    }

    /// Verifies `events`, which must be a whole chain from `seq` 1, in order.
    public func verify(_ events: [SignedEvent]) -> VerificationReport {
        var checker = EventCheck(trust: trust)
        var previousHash = EventEnvelope.genesis
        for (index, event) in events.enumerated() {
            let position = index + 1
            do throws(EventCheck.Failure) {
                previousHash = try verify(event, position: position, previousHash: previousHash, checker: &checker)
            } catch {
                return .failed(
                    VerificationFailure(seq: position, check: error.check, detail: error.detail), after: index)
            }
        }
        return .passed(events.count)
    }

    /// One event's checks; returns its hash, the next event's expected `prev`.
    private func verify(
        _ event: SignedEvent, position: Int, previousHash: String, checker: inout EventCheck
    ) throws(EventCheck.Failure) -> String {
        let envelope = try EventCheck.envelope(from: event.canonical)
        try EventCheck.link(envelope, position: position, previousHash: previousHash)
        let hash = Hex.sha256(event.canonical)
        guard event.hash == hash else {
            throw EventCheck.Failure(.hash, "the stored hash is not the SHA-256 of the stored bytes")
        }
        if let mismatch = Self.mismatch(event, envelope) {
            throw EventCheck.Failure(.recordMismatch, "the stored \(mismatch) differs from the signed event")
        }
        guard let certificate = certificates[event.certificateSerial] else {
            throw EventCheck.Failure(.certificate, "no certificate with serial \(event.certificateSerial)")
        }
        try checker.signer(
            envelope, canonical: event.canonical, signature: event.signature, certificate: certificate,
            revokedAt: revocations[event.certificateSerial])
        return hash
    }

    /// The first stored column that disagrees with the signed bytes, if any. (`dossierID` is the
    /// store's own key and may differ from the signed dossier code, so it is not compared.)
    private static func mismatch(_ event: SignedEvent, _ envelope: EventEnvelope) -> String? {
        if event.seq != envelope.seq { return "seq" }
        if event.type != envelope.type { return "type" }
        if Timestamp.format(event.at) != Timestamp.format(envelope.at) { return "at" }
        if event.actor != envelope.actor { return "actor" }
        return nil
    }
}
