import Foundation

/// How many open dossiers of a received cohort are past due at an instant. This cannot be a counter: it
/// depends on the instant asked about, not only on the dossier row, so it is answered by an index query
/// over open dossiers (``OpenDossierIndex``).
public struct OpenPastDue: Sendable, Hashable, Codable {
    /// Open dossiers past due at the instant.
    public var pastDue: Int
    /// Those of them whose appointment was extended with an apology letter ("late, apologised").
    public var apologised: Int

    /// Makes a count.
    public init(pastDue: Int = 0, apologised: Int = 0) {
        self.pastDue = pastDue
        self.apologised = apologised
    }

    /// No open dossier past due.
    public static let zero = OpenPastDue()
}

/// When an open dossier counts as past due: the definition every ``OpenDossierIndex`` must implement.
public enum OpenDossierRule {
    /// Whether the dossier is open: validly received, neither finished nor withdrawn.
    public static func isOpen(_ dossier: Dossier) -> Bool {
        dossier.receivedAt != nil && dossier.finishedAt == nil && dossier.state != .withdrawn
    }

    /// The instant from which an open dossier counts as past due, or `nil` when it cannot be past due
    /// as it stands. A pure function of the row, so a store can keep it in an indexed column
    /// (`overdue_from`) and answer ``OpenDossierIndex`` with `overdue_from < at`.
    ///
    /// - More than one supplementation request makes a dossier late whatever the dates (calendar.md):
    ///   past due from its reception.
    /// - Timeliness is measured against the due moment before any extension (`timelinessDue`).
    /// - While the clock is paused for supplementation, the due moment does not run out: a dossier
    ///   paused before its due moment is not past due until it is resumed (and its due moment moved); one
    ///   paused after it stays past due.
    public static func overdueFrom(_ dossier: Dossier) -> Date? {
        guard isOpen(dossier), let received = dossier.receivedAt else { return nil }
        if dossier.supplementRequests > 1 { return received }
        guard let due = dossier.timelinessDue else { return nil }
        if let paused = dossier.pausedAt, paused <= due { return nil }
        return due
    }

    /// Whether the dossier is open and past due at `instant` (after its due moment: a dossier finished at
    /// the due moment itself is on time).
    public static func isPastDue(_ dossier: Dossier, at instant: Date) -> Bool {
        guard let from = overdueFrom(dossier) else { return false }
        return from < instant
    }
}

/// The port the indicators need for the one figure that is not a counter: open dossiers past due.
///
/// Implementations count dossiers whose competent unit is in `units`, whose reception instant lies in
/// `received`, that are open now (``OpenDossierRule/isOpen(_:)``) and past due at `at`
/// (``OpenDossierRule/isPastDue(_:at:)``), optionally for one procedure. A store answers it from an index
/// on (tenant, competent unit, `overdue_from`) over open dossiers, filtered by reception instant.
public protocol OpenDossierIndex: Sendable {
    func openPastDue(
        units: [String], received: Range<Date>, at: Date, procedure: String?, tenant: String
    ) async throws -> OpenPastDue
    /// The same count for each competent unit on its own, in one question.
    func openPastDueByUnit(
        units: [String], received: Range<Date>, at: Date, procedure: String?, tenant: String
    ) async throws -> [String: OpenPastDue]
    /// The count of the units together for each window (a received cohort and its instant), in the
    /// order of `windows`, in one question: a monthly series.
    func openPastDue(
        units: [String], windows: [OpenPastDueWindow], procedure: String?, tenant: String
    ) async throws -> [OpenPastDue]
}

/// One count of a series: open dossiers received in `received` that are past due at `at`.
public struct OpenPastDueWindow: Sendable, Hashable {
    /// The reception instants of the cohort.
    public var received: Range<Date>
    /// The instant past due is judged at.
    public var at: Date

    /// Makes a window.
    public init(received: Range<Date>, at: Date) {
        self.received = received
        self.at = at
    }
}

extension OpenDossierIndex {
    /// One question per window; stores answer with one scan of the open dossiers instead.
    public func openPastDue(
        units: [String], windows: [OpenPastDueWindow], procedure: String?, tenant: String
    ) async throws -> [OpenPastDue] {
        var result: [OpenPastDue] = []
        for window in windows {
            result.append(
                try await openPastDue(
                    units: units, received: window.received, at: window.at, procedure: procedure, tenant: tenant))
        }
        return result
    }

    /// One question per unit; stores answer with one `GROUP BY competent_unit` instead.
    public func openPastDueByUnit(
        units: [String], received: Range<Date>, at: Date, procedure: String?, tenant: String
    ) async throws -> [String: OpenPastDue] {
        var result: [String: OpenPastDue] = [:]
        for unit in Set(units) {
            result[unit] = try await openPastDue(
                units: [unit], received: received, at: at, procedure: procedure, tenant: tenant)
        }
        return result
    }
}

extension OpenPastDue {
    /// The counts of two sets of units together.
    public func adding(_ other: OpenPastDue) -> OpenPastDue {
        OpenPastDue(pastDue: pastDue + other.pastDue, apologised: apologised + other.apologised)
    }
}

/// ``OpenDossierIndex`` over dossier rows in memory: the reference implementation (tests, small tools).
public struct InMemoryOpenDossierIndex: OpenDossierIndex {
    /// The dossier rows (any state; only open ones count).
    public var dossiers: [Dossier]

    /// An index over `dossiers`.
    public init(_ dossiers: [Dossier]) { self.dossiers = dossiers }

    /// Counts as the protocol says.
    public func openPastDue(
        units: [String], received: Range<Date>, at: Date, procedure: String?, tenant: String
    ) async throws -> OpenPastDue {
        count(units: units, received: received, at: at, procedure: procedure, tenant: tenant)
    }

    /// The same count, synchronously.
    public func count(
        units: [String], received: Range<Date>, at: Date, procedure: String?, tenant: String
    )
        -> OpenPastDue
    {
        let unitSet = Set(units)
        var result = OpenPastDue()
        for dossier in dossiers where dossier.tenant == tenant && unitSet.contains(dossier.competentUnit) {
            guard let receivedAt = dossier.receivedAt, received.contains(receivedAt),
                procedure == nil || dossier.procedureCode == procedure,
                OpenDossierRule.isPastDue(dossier, at: at)
            else { continue }
            result.pastDue += 1
            if dossier.extended { result.apologised += 1 }
        }
        return result
    }
}
