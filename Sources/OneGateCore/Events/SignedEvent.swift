import Foundation

/// One stored event: the canonical bytes exactly as signed, the signature and the signer.
public struct SignedEvent: Sendable, Hashable, Codable {
    public var dossierID: String
    public var seq: Int
    public var type: String
    public var at: Date
    public var actor: EventActor
    /// RFC 8785 bytes of the envelope; the only authoritative form of the event.
    public var canonical: [UInt8]
    /// DER-encoded ECDSA P-256 signature over SHA-256 of `canonical`.
    public var signature: [UInt8]
    public var certificateSerial: String
    /// Hex SHA-256 of `canonical`; the next event's `prev`.
    public var hash: String

    public init(
        dossierID: String, seq: Int, type: String, at: Date, actor: EventActor, canonical: [UInt8],
        signature: [UInt8], certificateSerial: String, hash: String
    ) {
        self.dossierID = dossierID
        self.seq = seq
        self.type = type
        self.at = at
        self.actor = actor
        self.canonical = canonical
        self.signature = signature
        self.certificateSerial = certificateSerial
        self.hash = hash
    }
}
