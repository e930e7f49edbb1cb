import Foundation
import OneGateCore
import Synchronization

/// The current version of every procedure, kept in memory for a few seconds: the home page, the
/// search and the dashboards read the whole catalogue on every request, and it changes only when
/// an administrator saves a procedure (which clears this server's copy at once; other servers of
/// the instance see the change within `lifetime`).
public final class CatalogueCache: Sendable {
    public let lifetime: Duration
    private let state = Mutex<(loaded: ContinuousClock.Instant, procedures: [Procedure])?>(nil)

    public init(lifetime: Duration = .seconds(15)) { self.lifetime = lifetime }

    public func current(store: any OneGateStore, tenant: String) async throws -> [Procedure] {
        let now = ContinuousClock.now
        if let cached = state.withLock({ $0 }), now - cached.loaded < lifetime { return cached.procedures }
        let procedures = try await store.currentProcedures(tenant: tenant)
        state.withLock { $0 = (now, procedures) }
        return procedures
    }

    /// Forgets the copy, after a change to the catalogue.
    public func invalidate() { state.withLock { $0 = nil } }
}
