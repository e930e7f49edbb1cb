import Foundation

/// A table of the store as a copy between stores sees it (`onegate migrate-store`). Both adapters
/// hold the same tables with the same meanings; these are their shared columns, in one order, with
/// what an importer derives itself left out (the search index of the catalogue).
///
/// `allCases` is the order of an import: a row comes after the rows it refers to (a document before
/// its owners, a dossier before its events).
public enum TransferTable: String, CaseIterable, Sendable, Hashable, Codable {
    case settings, units, officers, applicants, sessions, credentials, procedures, documents
    case documentOwners = "document_owners"
    case dossiers, events
    case codeSequences = "code_sequences"
    case idempotencyKeys = "idempotency_keys"
    case counters, jobs, drafts, evaluations, results
    case transparencyLog = "transparency_log"
    case treeHeads = "tree_heads"
    case accessLog = "access_log"

    /// The columns of a record of this table, in the order of `TransferRecord.values`.
    public var columns: [TransferColumn] {
        switch self {
        case .settings: return [.text("key"), .text("value")]
        case .units:
            return [.text("tenant"), .text("code"), .text("parent", optional: true), .text("kind"), .text("body")]
        case .officers:
            return [.text("tenant"), .text("id"), .text("username"), .text("password_hash"), .text("body")]
        case .applicants:
            return [
                .text("tenant"), .text("id"), .text("identifier"), .text("username", optional: true),
                .text("password_hash", optional: true), .text("body"),
            ]
        case .sessions:
            return [
                .text("token_hash"), .text("principal_kind"), .text("principal_id"), .integer("created_at"),
                .integer("expires_at"), .integer("assurance", optional: true),
            ]
        case .credentials:
            return [
                .text("serial"), .text("subject"), .bytes("certificate"), .bytes("private_key"),
                .integer("not_before"), .integer("not_after"), .integer("revoked_at", optional: true),
            ]
        case .procedures:
            return [
                .text("tenant"), .text("code"), .integer("version"), TransferColumn("current", .flag), .text("level"),
                .text("body"),
            ]
        case .documents:
            return [
                .text("tenant"), .text("sha256"), .text("content_type"), .integer("size"), .bytes("bytes"),
                .integer("created_at"),
            ]
        case .documentOwners: return [.text("tenant"), .text("sha256"), .text("owner")]
        case .dossiers:
            return [
                .text("tenant"), .text("id"), .text("code", optional: true), .text("reference"),
                .text("procedure_code"), .text("applicant_id"), .text("receiving_unit"), .text("competent_unit"),
                .text("state"), .text("assignee", optional: true), .integer("due_at", optional: true),
                .integer("submitted_at"), .integer("updated_at"), .integer("version"), .text("body"),
                .integer("received_at", optional: true), .integer("overdue_from", optional: true),
                TransferColumn("extended", .flag), .integer("finished_at", optional: true),
            ]
        case .events:
            return [
                .text("tenant"), .text("dossier_id"), .integer("seq"), .text("type"), .integer("at"),
                .text("actor_id"), .text("actor_role"), .text("actor_unit"), .bytes("canonical"),
                .bytes("signature"), .text("certificate_serial"), .text("hash"),
            ]
        case .codeSequences: return [.text("tenant"), .text("unit"), .text("day"), .integer("last")]
        case .idempotencyKeys:
            // The tenant is the principal's province; a store that does not key the table by it
            // (SQLite) derives it on export and drops it on import.
            return [
                .text("tenant"), .text("principal"), .text("key"), .text("request_hash"), .integer("status"),
                .bytes("body"), .integer("created_at"),
            ]
        case .counters:
            return [
                .text("tenant"), .text("unit"), .text("procedure"), .text("period"), .text("metric"),
                .integer("value"),
            ]
        case .jobs:
            return [
                .text("tenant"), .text("id"), .text("kind"), .text("payload"), .integer("run_at"),
                .text("claimed_by", optional: true), .integer("claimed_at", optional: true),
                .integer("done_at", optional: true), .integer("attempts"),
            ]
        case .drafts:
            return [
                .text("tenant"), .text("id"), .text("applicant_id"), .text("procedure_code"), .text("body"),
                .integer("created_at"), .integer("updated_at"),
            ]
        case .evaluations:
            return [
                .text("tenant"), .text("dossier_id"), .text("applicant_id"), .integer("rating"), .text("comment"),
                .integer("created_at"),
            ]
        case .results:
            return [
                .text("tenant"), .text("dossier_id"), .text("dossier_code"), .text("number"), .text("document"),
                .integer("issued_at"), .text("status"), .text("body"),
            ]
        case .transparencyLog:
            return [.text("tenant"), .integer("idx"), .bytes("entry"), .bytes("leaf_hash"), .integer("at")]
        case .accessLog:
            return [
                .text("tenant"), .text("subject"), .integer("seq"), .integer("at"), .text("actor"), .text("action"),
                .bytes("canonical"), .text("hash"), .bytes("signature"), .text("certificate_serial"),
            ]
        case .treeHeads:
            return [
                .text("tenant"), .integer("size"), .text("root"), .integer("at"), .bytes("canonical"),
                .bytes("signature"), .text("certificate_serial"),
            ]
        }
    }

    /// The position of `column` in this table's records, if it has one.
    public func index(of column: String) -> Int? {
        columns.firstIndex { $0.name == column }
    }
}

/// One column of a transferred table: its name (the same in every store) and its kind of value.
public struct TransferColumn: Sendable, Hashable {
    /// The kind of value. Dates are integers (milliseconds since 1970, as stored); JSON bodies are
    /// text, kept byte for byte; flags are integers 0 or 1.
    public enum Kind: Sendable, Hashable { case text, integer, bytes, flag }

    public var name: String
    public var kind: Kind
    /// Whether the column may hold `null`.
    public var optional: Bool

    public init(_ name: String, _ kind: Kind, optional: Bool = false) {
        self.name = name
        self.kind = kind
        self.optional = optional
    }

    static func text(_ name: String, optional: Bool = false) -> TransferColumn {
        .init(name, .text, optional: optional)
    }
    static func integer(_ name: String, optional: Bool = false) -> TransferColumn {
        .init(name, .integer, optional: optional)
    }
    static func bytes(_ name: String) -> TransferColumn { .init(name, .bytes) }
}

/// One value of a transferred row.
public enum TransferValue: Sendable, Hashable, Codable {
    case null
    case integer(Int64)
    case text(String)
    case bytes([UInt8])

    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    public var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    public var bytes: [UInt8]? {
        if case .bytes(let bytes) = self { return bytes }
        return nil
    }
}

/// One row of a table, its values in the order of `TransferTable.columns`.
public struct TransferRecord: Sendable, Hashable {
    public var table: TransferTable
    public var values: [TransferValue]

    public init(table: TransferTable, values: [TransferValue]) {
        self.table = table
        self.values = values
    }

    /// The value of `column`; `.null` for a column the table does not have.
    public subscript(column: String) -> TransferValue {
        guard let index = table.index(of: column), index < values.count else { return .null }
        return values[index]
    }
}

/// Where an export stopped: the key of the last record handed out, in the exporting store's own
/// order. Only the store that made it can read it; it is kept in a `TransferProgress` to resume.
public struct TransferCursor: Sendable, Hashable, Codable {
    public var key: [TransferValue]

    public init(key: [TransferValue]) { self.key = key }
}

/// One page of an export.
public struct TransferBatch: Sendable {
    public var records: [TransferRecord]
    /// The cursor to ask for the next page with; `nil` when the page is empty.
    public var cursor: TransferCursor?

    public init(records: [TransferRecord], cursor: TransferCursor?) {
        self.records = records
        self.cursor = cursor
    }
}

/// A copy into a store that has not been verified yet, kept in that store with every imported batch
/// (in the same transaction), so that a copy that failed half-way resumes after its last batch.
/// A store keeps it beside the transferred rows, never among them: it is not exported or counted.
public struct TransferProgress: Sendable, Hashable, Codable {
    /// The source, described without a password (`sqlite:/path`, `postgres://host:port/db`).
    public var source: String
    public var startedAt: Date
    /// The table being copied; `nil` once every table is copied.
    public var table: TransferTable?
    /// The last source key copied of `table`; `nil` at its start.
    public var cursor: TransferCursor?
    /// Rows copied so far, by table name.
    public var copied: [String: Int]

    public init(
        source: String, startedAt: Date, table: TransferTable?, cursor: TransferCursor?, copied: [String: Int] = [:]
    ) {
        self.source = source
        self.startedAt = startedAt
        self.table = table
        self.cursor = cursor
        self.copied = copied
    }

    /// The settings key stores keep it under; excluded from the `settings` table's transfer.
    public static let settingKey = "transfer.progress"
}

/// Reading a whole store in pages, for a copy to another store and for checking a copy. Reads
/// only: a store exported from is never written.
public protocol StoreExport: Sendable {
    /// The names of the applied schema migrations, in order: a copy needs the same on both sides.
    func appliedMigrations() async throws -> [String]
    /// The number of rows of `table`.
    func transferCount(_ table: TransferTable) async throws -> Int
    /// Up to `limit` rows of `table` that come after `cursor` (from the first when `nil`), in the
    /// store's key order. An empty page means the table has been read to its end.
    func exportBatch(_ table: TransferTable, after cursor: TransferCursor?, limit: Int) async throws -> TransferBatch
    /// The events of the given dossiers of `tenant`, each dossier's in `seq` order.
    func events(ofDossiers ids: [String], tenant: String) async throws -> [SignedEvent]
}

/// Writing a whole store in pages, into a store that was empty when the copy began.
public protocol StoreImport: Sendable {
    /// The copy in progress into this store, if one was begun and not finished.
    func transferProgress() async throws -> TransferProgress?
    /// Records (or, with `nil`, forgets) the copy in progress.
    func saveTransferProgress(_ progress: TransferProgress?) async throws
    /// Inserts `records` (all of `table`) and records `progress`, in one transaction: either the
    /// whole batch and its progress are stored, or neither. A row whose key exists already is an
    /// error, never overwritten.
    func importBatch(_ table: TransferTable, records: [TransferRecord], progress: TransferProgress) async throws
}

/// A store that can be both copied from and copied into.
public typealias StoreTransfer = StoreExport & StoreImport
