import Foundation

/// Whose key signs: an officer's personal key, a unit's seal, or the platform's reception seal.
public enum SignerIdentity: Sendable, Hashable, Codable, CustomStringConvertible {
    case officer(id: String, name: String)
    case unitSeal(code: String, name: String)
    case receptionService

    /// The actor id that certificates of the reception service are bound to.
    public static let receptionServiceID = "reception-service"

    /// A stable key for storing credentials: `officer:<id>`, `unit:<code>`, `reception`.
    public var subjectKey: String {
        switch self {
        case .officer(let id, _): return "officer:\(id)"
        case .unitSeal(let code, _): return "unit:\(code)"
        case .receptionService: return "reception"
        }
    }

    public var description: String { subjectKey }
}

/// A stored key pair: the certificate and the private key encrypted at rest.
public struct StoredCredential: Sendable, Hashable, Codable {
    /// Hex serial number of the certificate.
    public var serial: String
    /// `SignerIdentity.subjectKey`, or `ca` for the instance's root.
    public var subject: String
    public var certificateDER: [UInt8]
    /// AES-GCM sealed box (nonce ‖ ciphertext ‖ tag) of the raw private key.
    public var encryptedPrivateKey: [UInt8]
    public var notBefore: Date
    public var notAfter: Date
    public var revokedAt: Date?

    public init(
        serial: String, subject: String, certificateDER: [UInt8], encryptedPrivateKey: [UInt8], notBefore: Date,
        notAfter: Date, revokedAt: Date? = nil
    ) {
        self.serial = serial
        self.subject = subject
        self.certificateDER = certificateDER
        self.encryptedPrivateKey = encryptedPrivateKey
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.revokedAt = revokedAt
    }
}

/// Where credentials live; implemented by every store.
public protocol CredentialStore: Sendable {
    func allCredentials() async throws -> [StoredCredential]
    func saveCredential(_ credential: StoredCredential) async throws
    func revokeCredential(serial: String, at: Date) async throws
}

/// Signs event bytes as a given identity. Implemented by the signing adapter.
public protocol EventSigner: Sendable {
    /// Signs `canonical` with the current key of `identity`, creating the key and its certificate
    /// on first use. Returns the DER signature and the certificate's serial.
    func sign(_ canonical: [UInt8], as identity: SignerIdentity) async throws -> (signature: [UInt8], serial: String)
    /// Hex SHA-256 of `bytes`.
    func digest(_ bytes: [UInt8]) -> String
}
