import OneGateCore
import Synchronization

/// Decoded dossier rows by id and version. Decoding a row's JSON is the largest single cost of a
/// transition, and the row just committed is usually the next one read. The version read from the
/// database in the same statement decides whether the cached value is current, so the cache can
/// never serve a stale dossier (another process or server writing changes the version).
final class DossierCache: Sendable {
    private let entries = Mutex<[String: Dossier]>([:])
    private let capacity: Int

    init(capacity: Int = 20_000) { self.capacity = capacity }

    func dossier(id: String, version: Int) -> Dossier? {
        entries.withLock { entries in
            guard let cached = entries[id], cached.version == version else { return nil }
            return cached
        }
    }

    func store(_ dossier: Dossier) {
        entries.withLock { entries in
            // Dropping everything when full is crude but cheap and keeps memory bounded; the cache
            // only saves work, it is never needed for correctness.
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[dossier.id] = dossier
        }
    }
}
