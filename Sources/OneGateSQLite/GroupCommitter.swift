import GRDB

/// Group commit: writes that arrive while a transaction is being committed wait and go together
/// into the next one, each in its own savepoint so that one failing write does not undo the others.
/// A caller is resumed only after the transaction holding its write has committed (fsync'd).
actor GroupCommitter {
    private struct Pending {
        let work: @Sendable (Database) throws -> any Sendable
        let continuation: CheckedContinuation<any Sendable, any Error>
    }

    private let writer: any DatabaseWriter
    private let maximumBatch: Int
    private var pending: [Pending] = []
    private var draining = false

    init(writer: any DatabaseWriter, maximumBatch: Int = 512) {
        self.writer = writer
        self.maximumBatch = maximumBatch
    }

    /// Runs `work` in the next group transaction and returns its result after the commit.
    func submit<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let result = try await withCheckedThrowingContinuation {
            (continuation: CheckedContinuation<any Sendable, any Error>) in
            pending.append(Pending(work: { try work($0) }, continuation: continuation))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
        guard let typed = result as? T else { fatalError("group commit returned a value of the wrong type") }
        return typed
    }

    private func drain() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(maximumBatch))
            pending.removeFirst(batch.count)
            let works = batch.map(\.work)
            do {
                let outcomes = try await writer.write { db -> [Outcome] in
                    var outcomes: [Outcome] = []
                    outcomes.reserveCapacity(works.count)
                    for work in works {
                        var outcome = Outcome.failure(CancellationError())
                        try db.inSavepoint {
                            do {
                                outcome = .success(try work(db))
                                return .commit
                            } catch {
                                outcome = .failure(error)
                                return .rollback
                            }
                        }
                        outcomes.append(outcome)
                    }
                    return outcomes
                }
                for (item, outcome) in zip(batch, outcomes) {
                    switch outcome {
                    case .success(let value): item.continuation.resume(returning: value)
                    case .failure(let error): item.continuation.resume(throwing: error)
                    }
                }
            } catch {
                for item in batch { item.continuation.resume(throwing: error) }
            }
        }
        draining = false
    }

    private enum Outcome: Sendable {
        case success(any Sendable)
        case failure(any Error)
    }
}
