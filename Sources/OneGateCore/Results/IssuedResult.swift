import Foundation

/// An electronic result as issued: its number, the signed PDF, where it sits in the transparency
/// log, and whether it still stands.
public struct IssuedResult: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case valid, revoked, superseded
    }

    public var dossierID: String
    public var tenant: String
    public var dossierCode: String
    public var number: String
    /// SHA-256 (hex) of the final PDF (leader's signature and the unit's seal).
    public var document: String
    /// SHA-256 (hex) of the revision the leader signed (a prefix of `document`).
    public var leaderDocument: String
    /// SHA-256 (hex) of the unit's detached CMS signature over the whole final PDF.
    public var detachedSignature: String?
    public var unit: String
    public var granted: Bool
    public var issuedAt: Date
    /// End of validity, when the procedure's result expires.
    public var validUntil: Date?
    /// Index of the issue entry in the transparency log (set by the store).
    public var logIndex: Int?
    public var status: Status
    public var revokedAt: Date?
    public var revocationReason: String?
    /// The number of the result that replaces this one.
    public var supersededBy: String?
    /// Index of the revocation entry in the transparency log.
    public var revocationLogIndex: Int?
    /// A scanned paper result: a digitised copy signed by the scanning officer, never presented as
    /// a native electronic result.
    public var digitised: Bool

    public init(
        dossierID: String, tenant: String, dossierCode: String, number: String, document: String,
        leaderDocument: String, unit: String, granted: Bool, issuedAt: Date, validUntil: Date?, digitised: Bool = false
    ) {
        self.dossierID = dossierID
        self.tenant = tenant
        self.dossierCode = dossierCode
        self.number = number
        self.document = document
        self.leaderDocument = leaderDocument
        self.unit = unit
        self.granted = granted
        self.issuedAt = issuedAt
        self.validUntil = validUntil
        self.status = .valid
        self.digitised = digitised
    }

    /// Whether it stands at `now`: not revoked, not superseded, not expired.
    public func standing(at now: Date) -> ResultStanding {
        switch status {
        case .revoked: return .revoked
        case .superseded: return .superseded
        case .valid: return validUntil.map { $0 < now } == true ? .expired : .valid
        }
    }
}

/// What a verifier says about a result's validity.
public enum ResultStanding: String, Sendable, Hashable, Codable {
    case valid, revoked, superseded, expired
}

/// An entry to append to the transparency log: its canonical bytes and its leaf hash
/// (RFC 6962: SHA-256 of 0x00 ‖ entry), computed by the caller.
public struct TransparencyEntry: Sendable, Hashable {
    public var entry: [UInt8]
    public var leafHash: [UInt8]
    public var at: Date

    public init(entry: [UInt8], leafHash: [UInt8], at: Date) {
        self.entry = entry
        self.leafHash = leafHash
        self.at = at
    }
}

/// A stored leaf of the transparency log.
public struct TransparencyLeaf: Sendable, Hashable {
    public var index: Int
    public var entry: [UInt8]
    public var leafHash: [UInt8]
    public var at: Date

    public init(index: Int, entry: [UInt8], leafHash: [UInt8], at: Date) {
        self.index = index
        self.entry = entry
        self.leafHash = leafHash
        self.at = at
    }
}

/// A signed tree head: the log's size and root at a moment, signed by the instance.
public struct TreeHead: Sendable, Hashable, Codable {
    public var size: Int
    /// Root hash, hex.
    public var root: String
    public var at: Date
    /// The canonical JSON that was signed.
    public var canonical: [UInt8]
    /// DER ECDSA signature over `canonical`.
    public var signature: [UInt8]
    public var certificateSerial: String

    public init(size: Int, root: String, at: Date, canonical: [UInt8], signature: [UInt8], certificateSerial: String) {
        self.size = size
        self.root = root
        self.at = at
        self.canonical = canonical
        self.signature = signature
        self.certificateSerial = certificateSerial
    }
}

/// Results and the transparency log. Appends happen inside `DossierStore.commit` (issue) and
/// `revokeResult`, so a result is never issued without its log entry.
public protocol ResultStore: Sendable {
    func result(dossierID: String, tenant: String) async throws -> IssuedResult?
    /// The result with this number issued for the dossier with this code.
    func result(code: String, number: String, tenant: String) async throws -> IssuedResult?
    /// The result whose final PDF has this SHA-256 (verification by upload).
    func result(document: String, tenant: String) async throws -> IssuedResult?
    /// Marks a result revoked or superseded and appends the revocation entry to the log, at once.
    /// Returns the entry's log index.
    func revokeResult(_ result: IssuedResult, entry: TransparencyEntry) async throws -> Int
    /// Stores a digitised paper result (scanned, signed by the scanning officer) and its log entry.
    func saveDigitisedResult(_ result: IssuedResult, entry: TransparencyEntry) async throws -> Int
    func transparencySize(tenant: String) async throws -> Int
    /// Leaves from `index` on, at most `limit`.
    func transparencyLeaves(from index: Int, limit: Int, tenant: String) async throws -> [TransparencyLeaf]
    func saveTreeHead(_ head: TreeHead, tenant: String) async throws
    func latestTreeHead(tenant: String) async throws -> TreeHead?
    /// Signed tree heads newest first.
    func treeHeads(limit: Int, offset: Int, tenant: String) async throws -> [TreeHead]
}
