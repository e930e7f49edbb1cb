import Foundation

/// One read of a person's data by someone else (once-only.md, "who used my data"): an officer
/// opening their dossier or a document, a registry lookup, another agency's call through the
/// data-sharing API.
public struct DataAccess: Sendable, Hashable, Codable {
    /// The applicant whose data was read.
    public var subject: String
    /// Who read it: `officer:<id>`, `client:<id>` (another agency's system), `system`.
    public var actor: String
    /// The reader's name as shown to the person.
    public var actorName: String
    /// The unit the officer acted for, when an officer read it.
    public var unit: String?
    public var action: Action
    /// What was read: a dossier code, a document's hash, an identifier.
    public var resource: String
    /// Why: the dossier it was read for, or the legal basis.
    public var purpose: String
    public var at: Date

    /// What kind of read.
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        /// An officer opened the dossier (its form answers).
        case dossierRead = "dossier_read"
        /// An officer opened a document of the dossier or of the person's vault.
        case documentRead = "document_read"
        /// A lookup in the population or business registry.
        case registryLookup = "registry_lookup"
        /// Another agency fetched a result or a document through the data-sharing API.
        case sharedWithAgency = "shared_with_agency"
        /// Someone opened a share link the person made in their vault.
        case sharedByLink = "shared_by_link"
    }

    public init(
        subject: String, actor: String, actorName: String, unit: String?, action: Action, resource: String,
        purpose: String, at: Date
    ) {
        self.subject = subject
        self.actor = actor
        self.actorName = actorName
        self.unit = unit
        self.action = action
        self.resource = resource
        self.purpose = purpose
        self.at = at
    }
}

/// A stored, signed entry of a person's access log: entries of one person are chained like a
/// dossier's events, so a deleted or edited entry breaks every later link.
public struct AccessRecord: Sendable, Hashable {
    public var subject: String
    public var seq: Int
    public var access: DataAccess
    /// RFC 8785 bytes of the entry (the access, `seq` and `prev`).
    public var canonical: [UInt8]
    /// Hex SHA-256 of `canonical`; the next entry's `prev`.
    public var hash: String
    public var prev: String
    /// DER ECDSA signature by the platform's reception seal.
    public var signature: [UInt8]
    public var certificateSerial: String

    public init(
        subject: String, seq: Int, access: DataAccess, canonical: [UInt8], hash: String, prev: String,
        signature: [UInt8], certificateSerial: String
    ) {
        self.subject = subject
        self.seq = seq
        self.access = access
        self.canonical = canonical
        self.hash = hash
        self.prev = prev
        self.signature = signature
        self.certificateSerial = certificateSerial
    }
}

/// The access log's storage.
public protocol AccessLogStore: Sendable {
    /// Appends `record`; throws `OneGateError.versionConflict` when its `seq` is taken (another
    /// read was logged at the same moment: the caller chains again).
    func appendAccess(_ record: AccessRecord, tenant: String) async throws
    /// The person's last entry (the head of their chain).
    func lastAccess(subject: String, tenant: String) async throws -> AccessRecord?
    /// The person's entries, newest first.
    func accessRecords(subject: String, tenant: String, limit: Int, offset: Int) async throws -> Page<AccessRecord>
    /// The person's whole chain in order (for verification).
    func accessChain(subject: String, tenant: String) async throws -> [AccessRecord]
}
