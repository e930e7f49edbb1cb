import Foundation

/// One dossier for a bulk load: its final row, every signed event of its history (in order), and
/// the counters it contributes (``CounterProjection/contributions(of:procedure:calendar:)`` of the
/// final row, which equals the sum of its transitions' deltas).
public struct BulkDossier: Sendable {
    public var dossier: Dossier
    public var events: [SignedEvent]
    public var counters: [CounterDelta]

    public init(dossier: Dossier, events: [SignedEvent], counters: [CounterDelta]) {
        self.dossier = dossier
        self.events = events
        self.counters = counters
    }
}

/// The last dossier-code sequence number used at a unit on a day (so that live receptions after a
/// bulk load continue the sequence instead of colliding with loaded codes).
public struct CodeSequenceMark: Sendable, Hashable {
    public var unit: String
    /// ``DossierCodeFormat/sequenceDay(_:)`` of the day.
    public var day: String
    public var last: Int

    public init(unit: String, day: String, last: Int) {
        self.unit = unit
        self.day = day
        self.last = last
    }
}

/// A batch of dossiers written in one transaction.
public struct BulkBatch: Sendable {
    public var tenant: String
    public var dossiers: [BulkDossier]
    /// Raised to at least these values (never lowered).
    public var codeSequences: [CodeSequenceMark]

    public init(tenant: String, dossiers: [BulkDossier], codeSequences: [CodeSequenceMark] = []) {
        self.tenant = tenant
        self.dossiers = dossiers
        self.codeSequences = codeSequences
    }
}

/// Loading many new dossiers at once (imports, benchmarks): each batch in one transaction, with the
/// same row columns as ``DossierStore/commit(_:)`` writes, every event, and the batch's counter deltas
/// summed per key and added to the stored counters. Not for live traffic: no version checks beyond
/// the primary keys (a dossier id, code or reference that exists fails the whole batch).
public protocol BulkDossierLoad: Sendable {
    func bulkLoad(_ batch: BulkBatch) async throws
}
