import Foundation
import OneGateCore
import PostgresNIO

extension PostgresStore {
    /// A background job (notification, deadline reminder, sync), as a row of the `jobs` table.
    public struct Job: Sendable, Hashable {
        public var tenant: String
        public var id: String
        public var kind: String
        /// The job's input, as the producer wrote it (JSON by convention).
        public var payload: String
        public var runAt: Date
        /// How many times the job has been claimed, this claim included.
        public var attempts: Int

        public init(tenant: String, id: String, kind: String, payload: String, runAt: Date, attempts: Int = 0) {
            self.tenant = tenant
            self.id = id
            self.kind = kind
            self.payload = payload
            self.runAt = runAt
            self.attempts = attempts
        }
    }

    /// Adds a job to run at `job.runAt` or later; returns false when a job with that id already exists
    /// (producers use deterministic ids, so enqueuing twice is harmless).
    @discardableResult
    public func enqueueJob(_ job: Job) async throws -> Bool {
        try await statement { connection in
            try await connection.first(
                """
                INSERT INTO jobs(tenant, id, kind, payload, run_at) VALUES (\(job.tenant), \(job.id), \(job.kind),
                \(job.payload), \(Self.millis(job.runAt)))
                ON CONFLICT (tenant, id) DO NOTHING RETURNING 1
                """, logger: self.logger) != nil
        }
    }

    /// Claims up to `limit` due jobs of `kind` for `worker`, oldest first. Claimers running at the
    /// same time on any number of servers never receive the same job: rows locked by another
    /// claimer are skipped (`FOR UPDATE SKIP LOCKED`), not waited for.
    ///
    /// A job claimed but not completed within `lease` (its worker died) is due again.
    ///
    /// - Parameter tenant: only that province's jobs. A distributed deployment (Citus) claims per
    ///   tenant, because row locks there are taken on one shard at a time.
    public func claimJobs(
        kind: String, limit: Int, worker: String, now: Date, lease: TimeInterval = 300, tenant: String? = nil
    ) async throws -> [Job] {
        let nowMillis = Self.millis(now)
        let staleBefore = Self.millis(now.addingTimeInterval(-lease))
        let count = max(limit, 0)
        return try await statement { connection in
            try await connection.all(
                """
                WITH due AS (
                    SELECT tenant, id FROM jobs
                    WHERE kind = \(kind) AND done_at IS NULL AND run_at <= \(nowMillis)
                    AND (claimed_at IS NULL OR claimed_at <= \(staleBefore))
                    AND (\(tenant)::text IS NULL OR tenant = \(tenant)::text)
                    ORDER BY run_at, tenant, id LIMIT \(count)
                    FOR UPDATE SKIP LOCKED)
                UPDATE jobs SET claimed_by = \(worker), claimed_at = \(nowMillis), attempts = jobs.attempts + 1
                FROM due WHERE jobs.tenant = due.tenant AND jobs.id = due.id
                RETURNING jobs.tenant, jobs.id, jobs.kind, jobs.payload, jobs.run_at, jobs.attempts
                """, logger: self.logger
            ).map { row in
                let (tenant, id, kind, payload, runAt, attempts) = try row.decode(
                    (String, String, String, String, Int64, Int).self)
                return Job(
                    tenant: tenant, id: id, kind: kind, payload: payload, runAt: Self.date(runAt), attempts: attempts)
            }.sorted { ($0.runAt, $0.tenant, $0.id) < ($1.runAt, $1.tenant, $1.id) }
        }
    }

    /// Marks a claimed job done. Returns false when `worker` no longer holds the claim (its lease
    /// ran out and another worker took the job), so the caller knows its work may be repeated.
    @discardableResult
    public func completeJob(tenant: String, id: String, worker: String, now: Date) async throws -> Bool {
        try await statement { connection in
            try await connection.first(
                """
                UPDATE jobs SET done_at = \(Self.millis(now))
                WHERE tenant = \(tenant) AND id = \(id) AND claimed_by = \(worker) AND done_at IS NULL
                RETURNING 1
                """, logger: self.logger) != nil
        }
    }
}
