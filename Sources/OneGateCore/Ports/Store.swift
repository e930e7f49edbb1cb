import Foundation

/// A page of results with the total count, for every list the API and the pages show.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var total: Int
    public var limit: Int
    public var offset: Int

    public init(items: [Item], total: Int, limit: Int, offset: Int) {
        self.items = items
        self.total = total
        self.limit = limit
        self.offset = offset
    }
}

extension Page: Encodable where Item: Encodable {}

/// A stored document: uploads and scans, stored once by content hash.
public struct StoredDocument: Sendable, Hashable {
    public var sha256: String
    public var contentType: String
    public var bytes: [UInt8]
    public var createdAt: Date

    public init(sha256: String, contentType: String, bytes: [UInt8], createdAt: Date) {
        self.sha256 = sha256
        self.contentType = contentType
        self.bytes = bytes
        self.createdAt = createdAt
    }
}

/// A login session (web cookie or API bearer token). Only the token's hash is stored.
public struct Session: Sendable, Hashable, Codable {
    public enum PrincipalKind: String, Sendable, Hashable, Codable { case officer, applicant }
    public var tokenHash: String
    public var principalKind: PrincipalKind
    public var principalID: String
    public var createdAt: Date
    public var expiresAt: Date
    /// The identity assurance level of the sign-in (1–3, from the e-ID's `acr`); nil for a password.
    public var assurance: Int?

    public init(
        tokenHash: String, principalKind: PrincipalKind, principalID: String, createdAt: Date, expiresAt: Date,
        assurance: Int? = nil
    ) {
        self.tokenHash = tokenHash
        self.principalKind = principalKind
        self.principalID = principalID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.assurance = assurance
    }
}

/// A sign-in through the e-ID in progress: what the callback must find again. Kept in the store so
/// that any server of the instance can finish it, and taken (deleted) when used, so that a state and
/// its nonce are good for one sign-in only.
public struct SignInFlow: Sendable, Hashable {
    public var state: String
    public var nonce: String
    public var verifier: String
    /// The local path to go to after signing in.
    public var next: String?
    public var createdAt: Date

    public init(state: String, nonce: String, verifier: String, next: String?, createdAt: Date) {
        self.state = state
        self.nonce = nonce
        self.verifier = verifier
        self.next = next
        self.createdAt = createdAt
    }
}

/// Sign-ins in progress.
public protocol SignInFlowStore: Sendable {
    func saveSignInFlow(_ flow: SignInFlow) async throws
    /// Returns and deletes the flow with this state, if it exists and started after `notBefore`.
    func takeSignInFlow(state: String, notBefore: Date) async throws -> SignInFlow?
}

/// The answer stored under an idempotency key, replayed byte for byte on a repeat.
public struct StoredResponse: Sendable, Hashable {
    public var status: Int
    public var body: [UInt8]

    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}

/// An idempotency key claimed by a request that changes something.
public struct IdempotencyClaim: Sendable {
    public var principal: String
    public var key: String
    /// Hash of method, path and body: the same key with a different request is an error, not a replay.
    public var requestHash: String
    /// Renders the answer for the changed dossier; stored in the same transaction as the change.
    public var respond: @Sendable (Dossier) throws -> StoredResponse

    public init(
        principal: String, key: String, requestHash: String,
        respond: @escaping @Sendable (Dossier) throws -> StoredResponse
    ) {
        self.principal = principal
        self.key = key
        self.requestHash = requestHash
        self.respond = respond
    }
}

/// A change of one counter, applied in the same transaction as the event that causes it.
public struct CounterDelta: Sendable, Hashable, Codable {
    public var unit: String
    public var procedure: String
    /// The month, `YYYY-MM` in the instance time zone.
    public var period: String
    public var metric: String
    public var delta: Int

    public init(unit: String, procedure: String, period: String, metric: String, delta: Int) {
        self.unit = unit
        self.procedure = procedure
        self.period = period
        self.metric = metric
        self.delta = delta
    }
}

/// Everything one lifecycle use case writes, atomically: the dossier row (checked against the
/// version it was read at), the signed event, the counters and the idempotency record.
public struct DossierChange: Sendable {
    public var dossier: Dossier
    /// The version the change was computed from; 0 when the dossier is new.
    public var expectedVersion: Int
    public var event: SignedEvent
    public var counters: [CounterDelta]
    public var idempotency: IdempotencyClaim?
    /// The result issued by this change (the issue action), stored with it.
    public var result: IssuedResult?
    /// Entries appended to the transparency log in the same transaction; the result's `logIndex`
    /// is the first one's index.
    public var transparency: [TransparencyEntry] = []

    public init(
        dossier: Dossier, expectedVersion: Int, event: SignedEvent, counters: [CounterDelta],
        idempotency: IdempotencyClaim?
    ) {
        self.dossier = dossier
        self.expectedVersion = expectedVersion
        self.event = event
        self.counters = counters
        self.idempotency = idempotency
        self.result = nil
    }
}

/// The outcome of committing a change: the stored response when an idempotency key was claimed.
public enum CommitOutcome: Sendable {
    case committed(StoredResponse?)
    /// The key had been used before for the same request: here is the first answer; nothing was written.
    case replayed(StoredResponse)
}

/// Filters of a dossier list (inboxes, "my dossiers", audits).
public struct DossierQuery: Sendable, Hashable {
    public var tenant: String
    /// Only dossiers whose competent or receiving unit is in one of these units.
    public var units: [String]?
    public var applicantID: String?
    public var assignee: String?
    public var states: [DossierState]?
    public var procedureCode: String?
    public var dueBefore: Date?
    /// Most recently submitted first (an applicant's own list), instead of what is due soonest
    /// first (an officer's inbox).
    public var newestFirst: Bool = false
    /// Only dossiers validly received in this range (the ledger, the dossiers behind a figure).
    public var receivedIn: Range<Date>?
    /// Only dossiers whose processing ended in this range.
    public var finishedIn: Range<Date>?
    public var limit: Int
    public var offset: Int

    public init(
        tenant: String, units: [String]? = nil, applicantID: String? = nil, assignee: String? = nil,
        states: [DossierState]? = nil, procedureCode: String? = nil, dueBefore: Date? = nil, limit: Int = 50,
        offset: Int = 0
    ) {
        self.tenant = tenant
        self.units = units
        self.applicantID = applicantID
        self.assignee = assignee
        self.states = states
        self.procedureCode = procedureCode
        self.dueBefore = dueBefore
        self.limit = limit
        self.offset = offset
    }
}

/// What an import of the catalogue did.
public struct CatalogueImportSummary: Sendable, Hashable, Codable {
    public var created: Int
    public var newVersions: Int
    public var unchanged: Int

    public init(created: Int = 0, newVersions: Int = 0, unchanged: Int = 0) {
        self.created = created
        self.newVersions = newVersions
        self.unchanged = unchanged
    }
}

/// Units, officers, applicants and sessions.
public protocol DirectoryStore: Sendable {
    func saveUnits(_ units: [AdministrativeUnit], tenant: String) async throws
    func units(tenant: String) async throws -> [AdministrativeUnit]
    func saveOfficer(_ officer: Officer, passwordHash: String, tenant: String) async throws
    func officer(id: String) async throws -> Officer?
    func officerLogin(username: String) async throws -> (officer: Officer, passwordHash: String)?
    func officers(tenant: String, unit: String?) async throws -> [Officer]
    func saveApplicant(_ applicant: Applicant, passwordHash: String?, tenant: String) async throws
    func applicant(id: String) async throws -> Applicant?
    func applicant(identifier: String, tenant: String) async throws -> Applicant?
    func applicantLogin(username: String) async throws -> (applicant: Applicant, passwordHash: String)?
    func createSession(_ session: Session) async throws
    func session(tokenHash: String) async throws -> Session?
    func deleteSession(tokenHash: String) async throws
}

/// The catalogue of procedures, versioned.
public protocol CatalogueStore: Sendable {
    /// Stores each procedure: new codes are created, changed content gets the next version,
    /// identical content is left alone. One transaction for the whole import.
    func importProcedures(_ procedures: [Procedure], tenant: String) async throws -> CatalogueImportSummary
    func procedure(code: String, version: Int?, tenant: String) async throws -> Procedure?
    /// The current version of every procedure.
    func currentProcedures(tenant: String) async throws -> [Procedure]
    /// Full-text search over folded (diacritic- and case-insensitive) names and codes.
    func searchProcedures(
        folded query: String, level: ProcedureLevel?, tenant: String, limit: Int, offset: Int
    ) async throws -> Page<Procedure>
}

/// Documents by content hash.
public protocol DocumentStore: Sendable {
    /// Stores the bytes once; records that `owner` may read them. Returns true when newly stored.
    @discardableResult
    func putDocument(_ document: StoredDocument, owner: String, tenant: String) async throws -> Bool
    func document(sha256: String, tenant: String) async throws -> StoredDocument?
    /// Whether `principal` uploaded the document (so may attach and read it).
    func documentOwned(sha256: String, by principal: String, tenant: String) async throws -> Bool
    /// Takes `owner`'s right to the document away (the vault's "delete"): the bytes stay while
    /// dossiers or other owners refer to them.
    func disownDocument(sha256: String, owner: String, tenant: String) async throws
}

/// What applicants keep between visits: drafts, evaluations, the documents they uploaded.
public protocol ApplicantStore: Sendable {
    /// Creates or replaces a draft (keyed by tenant and id).
    func saveDraft(_ draft: Draft) async throws
    func draft(id: String, tenant: String) async throws -> Draft?
    /// An applicant's drafts, most recently changed first.
    func drafts(applicantID: String, tenant: String) async throws -> [Draft]
    func deleteDraft(id: String, tenant: String) async throws
    /// Creates or replaces the evaluation of a dossier.
    func saveEvaluation(_ evaluation: ServiceEvaluation) async throws
    func evaluation(dossierID: String, tenant: String) async throws -> ServiceEvaluation?
    /// The documents a principal uploaded, newest first.
    func documents(ownedBy owner: String, tenant: String, limit: Int) async throws -> [OwnedDocument]
}

/// Dossiers, their signed events, code sequences, idempotency keys and counters.
public protocol DossierStore: Sendable {
    /// Allocates the next sequence number for (receiving unit, local day); never returns one twice.
    func nextCodeSequence(unit: String, day: String, tenant: String) async throws -> Int
    /// Commits a change atomically; throws `OneGateError.versionConflict` when the dossier moved on.
    func commit(_ change: DossierChange) async throws -> CommitOutcome
    /// The stored answer for an idempotency key, if the key was used (with the request hash it was used for).
    func idempotentResponse(
        principal: String, key: String
    ) async throws -> (requestHash: String, response: StoredResponse)?
    func dossier(id: String, tenant: String) async throws -> Dossier?
    func dossier(code: String, tenant: String) async throws -> Dossier?
    func dossier(reference: String, tenant: String) async throws -> Dossier?
    func events(dossierID: String, tenant: String) async throws -> [SignedEvent]
    func dossiers(_ query: DossierQuery) async throws -> Page<Dossier>
    /// Counter values summed over the given units, procedures (all when nil) and periods.
    func counters(units: [String], periods: [String], tenant: String) async throws -> [String: Int]
}

/// Rewriting a tenant's counters from a rebuild (`onegate kpi rebuild --repair`).
public protocol CounterRepair: Sendable {
    /// Replaces every counter of `tenant` with `rows`, in one transaction.
    func replaceCounters(_ rows: [CounterDelta], tenant: String) async throws
}

/// Everything OneGate stores. Each adapter (SQLite, PostgreSQL) implements it with each call one
/// transaction, and no transaction or connection type crosses this boundary.
public protocol OneGateStore: DirectoryStore, CatalogueStore, DocumentStore, DossierStore, CredentialStore,
    ApplicantStore, CounterSource, OpenDossierIndex, CounterRepair, ResultStore, SignInFlowStore, AccessLogStore
{
    /// Instance-wide settings (name, configuration) as key/value text.
    func setting(_ key: String) async throws -> String?
    func setSetting(_ key: String, value: String) async throws
    /// The names of the applied schema migrations, in order (the same list on every backend).
    func appliedMigrations() async throws -> [String]
    /// Releases connections; calls afterwards fail.
    func shutdown() async
}
