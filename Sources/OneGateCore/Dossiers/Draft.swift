import Foundation

/// An application being filled in by an applicant, saved so that they can come back to it. A
/// draft is not a dossier: it has no code, no events and no deadline until it is submitted.
public struct Draft: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var tenant: String
    public var applicantID: String
    public var procedureCode: String
    public var data: [String: JSONValue]
    public var components: [DossierComponent]
    /// The file name each attached document was uploaded with, by requirement, to show it back.
    public var fileNames: [String: String]
    /// Form fields filled in from the e-ID or a registry, and from which (`eid`, `registry`,
    /// `account`): shown as such, so the person checks rather than retypes them.
    public var prefilled: [String: String]?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, tenant: String, applicantID: String, procedureCode: String, data: [String: JSONValue] = [:],
        components: [DossierComponent] = [], fileNames: [String: String] = [:], createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.tenant = tenant
        self.applicantID = applicantID
        self.procedureCode = procedureCode
        self.data = data
        self.components = components
        self.fileNames = fileNames
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Drafts not saved for this many days are deleted (when their owner next looks at them);
    /// the form page says so.
    public static let retentionDays = 90

    public func isExpired(at now: Date) -> Bool {
        now.timeIntervalSince(updatedAt) > TimeInterval(Self.retentionDays * 24 * 3600)
    }
}

/// An applicant's evaluation of the service for one finished dossier (one per dossier; a second
/// evaluation replaces the first).
public struct ServiceEvaluation: Sendable, Hashable, Codable {
    public var dossierID: String
    public var tenant: String
    public var applicantID: String
    /// 1 (very dissatisfied) to 5 (very satisfied).
    public var rating: Int
    public var comment: String
    public var createdAt: Date

    public init(
        dossierID: String, tenant: String, applicantID: String, rating: Int, comment: String, createdAt: Date
    ) {
        self.dossierID = dossierID
        self.tenant = tenant
        self.applicantID = applicantID
        self.rating = rating
        self.comment = comment
        self.createdAt = createdAt
    }
}

/// A document someone uploaded, as listed for them to pick again (the seed of the citizen vault).
public struct OwnedDocument: Sendable, Hashable {
    public var sha256: String
    public var contentType: String
    public var size: Int
    public var createdAt: Date

    public init(sha256: String, contentType: String, size: Int, createdAt: Date) {
        self.sha256 = sha256
        self.contentType = contentType
        self.size = size
        self.createdAt = createdAt
    }
}
