import Foundation

/// One component (document) of a dossier, against one requirement of the procedure.
public struct DossierComponent: Sendable, Hashable, Codable {
    public var requirement: String
    /// SHA-256 (hex) of the stored document, when there is an electronic copy.
    public var document: String?
    /// Scanned from paper at a counter and checked by the receiving officer.
    public var digitised: Bool
    /// Taken from the applicant's vault, an earlier result or a registry (once-only).
    public var reused: Bool

    public init(requirement: String, document: String?, digitised: Bool = false, reused: Bool = false) {
        self.requirement = requirement
        self.document = document
        self.digitised = digitised
        self.reused = reused
    }

    /// Whether the component exists as an electronic document.
    public var isElectronic: Bool { document != nil }
}

/// The time one process step took, classified like a dossier (calendar.md, form 06).
public struct StepRecord: Sendable, Hashable, Codable {
    public var step: String
    public var actor: String?
    public var unit: String
    public var startedAt: Date
    public var endedAt: Date?
    public var allottedMinutes: Int?
    public var due: Date?
    public var timeliness: Timeliness?

    public init(step: String, actor: String?, unit: String, startedAt: Date, allottedMinutes: Int?, due: Date?) {
        self.step = step
        self.actor = actor
        self.unit = unit
        self.startedAt = startedAt
        self.allottedMinutes = allottedMinutes
        self.due = due
    }
}

/// One item a supplementation request asks for.
public struct SupplementItem: Sendable, Hashable, Codable {
    public var requirement: String?
    public var description: String

    public init(requirement: String?, description: String) {
        self.requirement = requirement
        self.description = description
    }
}

/// A dossier: one application for one procedure version. The row is a projection of its signed
/// events; every field here can be rebuilt from them.
public struct Dossier: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    /// Province (tenant) key, carried by every large table.
    public var tenant: String
    /// Submission reference, given at submission and kept forever.
    public var reference: String
    /// Dossier code of codes.md, given at valid reception.
    public var code: String?
    /// SHA-256 hex of the applicant's lookup secret (the secret itself is shown once).
    public var secretHash: String
    public var procedureCode: String
    public var procedureVersion: Int
    public var applicantID: String
    public var channel: Channel
    /// Filled at a digital point by an officer for a person, who confirmed it.
    public var assisted: Bool
    public var receivingUnit: String
    public var competentUnit: String
    public var otherAgency: String?
    public var state: DossierState
    public var step: ProcessingStep?
    /// The state (and step) to go back to after supplementation or payment.
    public var resumeState: DossierState?
    public var resumeStep: ProcessingStep?
    public var paymentState: PaymentState
    public var feeAmount: Int64
    public var paymentReference: String?
    public var deliveryState: DeliveryState
    public var syncState: SyncState
    public var assignee: String?
    public var data: [String: JSONValue]
    public var components: [DossierComponent]
    public var supplementItems: [SupplementItem]
    public var submittedAt: Date
    /// Deadline of the online reception check (8 working hours from submission).
    public var receptionDue: Date?
    public var receivedAt: Date?
    /// The appointment shown to the applicant (moved by pauses and by an extension).
    public var dueAt: Date?
    /// The due moment timeliness is measured against: moved by pauses, never by an extension.
    public var timelinessDue: Date?
    public var pausedAt: Date?
    public var supplementRequests: Int
    public var extended: Bool
    public var finishedAt: Date?
    public var timeliness: Timeliness?
    public var draftOutcome: Outcome?
    public var outcome: Outcome?
    public var resultNumber: String?
    public var steps: [StepRecord]
    /// Optimistic concurrency: the number of events so far (also the last event's seq).
    public var version: Int
    public var lastEventHash: String
    public var updatedAt: Date

    public init(
        id: String, tenant: String, reference: String, secretHash: String, procedure: Procedure,
        applicantID: String, channel: Channel, assisted: Bool, receivingUnit: String, competentUnit: String,
        data: [String: JSONValue], components: [DossierComponent], submittedAt: Date
    ) {
        self.id = id
        self.tenant = tenant
        self.reference = reference
        self.code = nil
        self.secretHash = secretHash
        self.procedureCode = procedure.code
        self.procedureVersion = procedure.version
        self.applicantID = applicantID
        self.channel = channel
        self.assisted = assisted
        self.receivingUnit = receivingUnit
        self.competentUnit = competentUnit
        self.state = .draft
        self.paymentState = .none
        self.feeAmount = procedure.feeDue(channel: channel)
        self.deliveryState = .pending
        self.syncState = .pending
        self.data = data
        self.components = components
        self.supplementItems = []
        self.submittedAt = submittedAt
        self.supplementRequests = 0
        self.extended = false
        self.steps = []
        self.version = 0
        self.lastEventHash = EventEnvelope.genesis
        self.updatedAt = submittedAt
    }

    /// The identifier written into events: the code once there is one.
    public var publicIdentifier: String { code ?? reference }

    /// Whether the applicant is now expected to act (supplement or pay).
    public var awaitsApplicant: Bool { state == .supplementRequested || state == .awaitingPayment }
}
