import Foundation

/// What a store keeps beside a dossier row so that "open dossiers past due" is an index range
/// (``OpenDossierIndex``): the reception instant, the instant from which the dossier counts as past
/// due while open (``OpenDossierRule/overdueFrom(_:)``; nil when it cannot be), and whether its
/// appointment was extended. Every store writes them with the row, in the same statement.
public struct OpenDossierColumns: Sendable, Hashable {
    public var receivedAt: Date?
    public var overdueFrom: Date?
    public var extended: Bool
    /// When processing ended (the month of the "finished" indicators), for period lists.
    public var finishedAt: Date?

    public init(_ dossier: Dossier) {
        finishedAt = dossier.finishedAt
        receivedAt = dossier.receivedAt
        overdueFrom = OpenDossierRule.overdueFrom(dossier)
        extended = dossier.extended
    }
}
