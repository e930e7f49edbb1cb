/// Which verification check failed (signatures.md, "Verification checks").
public enum VerificationCheck: String, Sendable, Hashable, Codable, CaseIterable {
    /// `manifest.json` is missing or unreadable, or its event count or last hash disagree with the events.
    case manifest = "manifest"
    /// An expected file of an audit folder is missing (an event's `.json`, `.sig` or `.pem`, or `ca.pem`).
    case missingFile = "missing_file"
    /// The event bytes do not parse as an event, or are not their own RFC 8785 canonical form.
    case canonicalForm = "canonical_form"
    /// `prev` is not the SHA-256 of the previous event's bytes (64 zeros for the first).
    case chainLink = "chain_link"
    /// `seq` is not the event's position (1, 2, 3, … without gaps).
    case sequence = "sequence"
    /// The stored `hash` is not the SHA-256 of the stored bytes.
    case hash = "hash"
    /// The stored columns (dossier, seq, type, at, actor, certificate serial) disagree with the signed bytes.
    case recordMismatch = "record_mismatch"
    /// The signer's certificate is unknown or unreadable.
    case certificate = "certificate"
    /// The ECDSA P-256 / SHA-256 signature does not verify with the certificate's key.
    case signature = "signature"
    /// The certificate does not chain to a trust anchor.
    case certificateChain = "certificate_chain"
    /// The certificate, or one above it, was not valid at the event's `at`.
    case certificateValidity = "certificate_validity"
    /// The certificate's key usage does not include digitalSignature.
    case keyUsage = "key_usage"
    /// The certificate does not belong to the actor the event records.
    case signerBinding = "signer_binding"
    /// The certificate was revoked at or before the event's `at`.
    case revoked = "revoked"
}

/// The first failing check of a verification.
public struct VerificationFailure: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 1-based position of the failing event in the chain, which is the `seq` it must carry;
    /// `nil` for failures of the export as a whole (manifest, `ca.pem`).
    public var seq: Int?
    /// For audit folders, the file at fault (`events/0003.json`, `manifest.json`).
    public var file: String?
    /// The check that failed.
    public var check: VerificationCheck
    /// A short explanation for people; never key material.
    public var detail: String

    /// Creates a failure report entry.
    public init(seq: Int?, file: String? = nil, check: VerificationCheck, detail: String) {
        self.seq = seq
        self.file = file
        self.check = check
        self.detail = detail
    }

    /// `events/0003.json: signature: …` or `event 3: signature: …`.
    public var description: String {
        let place = file ?? seq.map { "event \($0)" } ?? "export"
        return "\(place): \(check.rawValue): \(detail)"
    }
}

/// The outcome of verifying a chain of signed events.
public struct VerificationReport: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `true` when every event passed every check.
    public var ok: Bool
    /// How many events passed all checks before the first failure (all of them when `ok`).
    public var checkedEvents: Int
    /// The first failing check, when not `ok`.
    public var failure: VerificationFailure?

    /// Creates a report.
    public init(ok: Bool, checkedEvents: Int, failure: VerificationFailure?) {
        self.ok = ok
        self.checkedEvents = checkedEvents
        self.failure = failure
    }

    static func passed(_ count: Int) -> VerificationReport {
        VerificationReport(ok: true, checkedEvents: count, failure: nil)
    }

    static func failed(_ failure: VerificationFailure, after count: Int) -> VerificationReport {
        VerificationReport(ok: false, checkedEvents: count, failure: failure)
    }

    /// `OK: 5 event(s) verified` or `FAILED after 2 event(s): events/0003.json: signature: …`.
    public var description: String {
        if let failure { return "FAILED after \(checkedEvents) event(s): \(failure)" }
        return "OK: \(checkedEvents) event(s) verified"
    }
}
