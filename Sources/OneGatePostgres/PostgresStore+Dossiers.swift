import Foundation
import OneGateCore
import PostgresNIO

extension PostgresStore {
    public func nextCodeSequence(unit: String, day: String, tenant: String) async throws -> Int {
        // One statement, atomic on the row: unique across every server sharing the database.
        try await statement { connection in
            try await connection.first(
                """
                INSERT INTO code_sequences(tenant, unit, day, last) VALUES (\(tenant), \(unit), \(day), 1)
                ON CONFLICT (tenant, unit, day) DO UPDATE SET last = code_sequences.last + 1 RETURNING last
                """, logger: self.logger
            )?.decode(Int.self) ?? 1
        }
    }

    public func commit(_ change: DossierChange) async throws -> CommitOutcome {
        let body = try encode(change.dossier)
        do {
            return try await transaction { connection in
                try await self.write(change, body: body, on: connection)
            }
        } catch {
            let lost: Bool
            if let error = error as? OneGateError {
                lost = error == .versionConflict
            } else {
                switch PostgresFailure(error) {
                // A duplicate dossier id, event sequence, code or idempotency key, or a deadlock:
                // another writer got there first.
                case .uniqueViolation, .lostRace: lost = true
                case .unavailable, .other: lost = false
                }
            }
            guard lost else { throw error }
            // When the winner was the same request (the same idempotency key, sent twice at once),
            // answer what it answered, exactly as a later repeat would be answered.
            if let claim = change.idempotency,
                let stored = try await idempotentResponse(principal: claim.principal, key: claim.key)
            {
                return .replayed(stored.response)
            }
            throw OneGateError.versionConflict
        }
    }

    /// The body of `commit`, inside its transaction.
    private func write(
        _ change: DossierChange, body: String, on connection: PostgresConnection
    ) async throws
        -> CommitOutcome
    {
        let dossier = change.dossier
        let event = change.event
        if let claim = change.idempotency,
            let row = try await connection.first(
                """
                SELECT status, body FROM idempotency_keys
                WHERE tenant = \(dossier.tenant) AND principal = \(claim.principal) AND key = \(claim.key)
                """, logger: logger)
        {
            let (status, stored) = try row.decode((Int, Data).self)
            return .replayed(StoredResponse(status: status, body: Array(stored)))
        }
        // The inbox orders by what is due next: the reception check while submitted (as in SQLite).
        let due = (dossier.dueAt ?? dossier.receptionDue).map(Self.millis)
        let open = OpenDossierColumns(dossier)
        let receivedAt = open.receivedAt.map(Self.millis)
        let overdueFrom = open.overdueFrom.map(Self.millis)
        let finishedAt = open.finishedAt.map(Self.millis)
        if change.expectedVersion == 0 {
            try await connection.run(
                """
                INSERT INTO dossiers(tenant, id, code, reference, procedure_code, applicant_id, receiving_unit,
                competent_unit, state, assignee, due_at, submitted_at, updated_at, version, body, received_at,
                overdue_from, extended, finished_at)
                VALUES (\(dossier.tenant), \(dossier.id), \(dossier.code), \(dossier.reference),
                \(dossier.procedureCode), \(dossier.applicantID), \(dossier.receivingUnit), \(dossier.competentUnit),
                \(dossier.state.rawValue), \(dossier.assignee), \(due), \(Self.millis(dossier.submittedAt)),
                \(Self.millis(dossier.updatedAt)), \(dossier.version), \(body), \(receivedAt), \(overdueFrom),
                \(open.extended), \(finishedAt))
                """, logger: logger)
        } else {
            // The row lock taken here makes a concurrent writer wait, then re-check the version and
            // find it moved: the second of two changes computed from one version always loses.
            let updated = try await connection.first(
                """
                UPDATE dossiers SET code = \(dossier.code), state = \(dossier.state.rawValue),
                assignee = \(dossier.assignee), due_at = \(due), updated_at = \(Self.millis(dossier.updatedAt)),
                version = \(dossier.version), body = \(body), received_at = \(receivedAt),
                overdue_from = \(overdueFrom), extended = \(open.extended), finished_at = \(finishedAt)
                WHERE tenant = \(dossier.tenant) AND id = \(dossier.id) AND version = \(change.expectedVersion)
                RETURNING 1
                """, logger: logger)
            guard updated != nil else { throw OneGateError.versionConflict }
        }
        try await connection.run(
            """
            INSERT INTO events(tenant, dossier_id, seq, type, at, actor_id, actor_role, actor_unit, canonical,
            signature, certificate_serial, hash)
            VALUES (\(dossier.tenant), \(event.dossierID), \(event.seq), \(event.type), \(Self.millis(event.at)),
            \(event.actor.id), \(event.actor.role), \(event.actor.unit), \(Data(event.canonical)),
            \(Data(event.signature)), \(event.certificateSerial), \(event.hash))
            """, logger: logger)
        try await addCounters(change.counters, tenant: dossier.tenant, on: connection)
        if !change.transparency.isEmpty || change.result != nil {
            try await appendResult(change.result, entries: change.transparency, tenant: dossier.tenant, on: connection)
        }
        guard let claim = change.idempotency else { return .committed(nil) }
        let response = try claim.respond(dossier)
        try await connection.run(
            """
            INSERT INTO idempotency_keys(tenant, principal, key, request_hash, status, body, created_at)
            VALUES (\(dossier.tenant), \(claim.principal), \(claim.key), \(claim.requestHash), \(response.status),
            \(Data(response.body)), \(Self.millis(dossier.updatedAt)))
            """, logger: logger)
        return .committed(response)
    }

    /// Adds the deltas in one statement. Rows are summed per key and written in key order, so two
    /// commits touching the same counters lock them in the same order and cannot deadlock.
    private func addCounters(_ deltas: [CounterDelta], tenant: String, on connection: PostgresConnection) async throws {
        struct Key: Hashable, Comparable {
            let unit, period, metric, procedure: String
            static func < (a: Key, b: Key) -> Bool {
                (a.unit, a.period, a.metric, a.procedure) < (b.unit, b.period, b.metric, b.procedure)
            }
        }
        var sums: [Key: Int] = [:]
        for delta in deltas {
            sums[
                Key(unit: delta.unit, period: delta.period, metric: delta.metric, procedure: delta.procedure),
                default: 0] += delta.delta
        }
        guard !sums.isEmpty else { return }
        let keys = sums.keys.sorted()
        try await connection.run(
            """
            INSERT INTO counters(tenant, unit, procedure, period, metric, value)
            SELECT \(tenant), unit, procedure, period, metric, value
            FROM unnest(\(keys.map(\.unit)), \(keys.map(\.procedure)), \(keys.map(\.period)), \(keys.map(\.metric)),
            \(keys.map { sums[$0] ?? 0 })) WITH ORDINALITY AS d(unit, procedure, period, metric, value, n)
            ORDER BY n
            ON CONFLICT (tenant, unit, period, metric, procedure) DO UPDATE SET value = counters.value + excluded.value
            """, logger: logger)
    }

    public func idempotentResponse(
        principal: String, key: String
    ) async throws -> (requestHash: String, response: StoredResponse)? {
        let row = try await statement { connection in
            try await connection.first(
                """
                SELECT request_hash, status, body FROM idempotency_keys
                WHERE principal = \(principal) AND key = \(key) LIMIT 1
                """, logger: self.logger
            )?.decode((String, Int, Data).self)
        }
        guard let (hash, status, body) = row else { return nil }
        return (hash, StoredResponse(status: status, body: Array(body)))
    }

    public func dossier(id: String, tenant: String) async throws -> Dossier? {
        try await bodies("SELECT body FROM dossiers WHERE tenant = \(tenant) AND id = \(id)")
            .first.map { try decode(Dossier.self, $0) }
    }

    public func dossier(code: String, tenant: String) async throws -> Dossier? {
        try await bodies("SELECT body FROM dossiers WHERE tenant = \(tenant) AND code = \(code)")
            .first.map { try decode(Dossier.self, $0) }
    }

    public func dossier(reference: String, tenant: String) async throws -> Dossier? {
        try await bodies("SELECT body FROM dossiers WHERE tenant = \(tenant) AND reference = \(reference)")
            .first.map { try decode(Dossier.self, $0) }
    }

    public func events(dossierID: String, tenant: String) async throws -> [SignedEvent] {
        try await statement { connection in
            try await connection.all(
                """
                SELECT dossier_id, seq, type, at, actor_id, actor_role, actor_unit, canonical, signature,
                certificate_serial, hash FROM events WHERE tenant = \(tenant) AND dossier_id = \(dossierID)
                ORDER BY seq
                """, logger: self.logger
            ).map { row in
                let (dossierID, seq, type, at, actorID, role, unit, canonical, signature, serial, hash) =
                    try row
                    .decode((String, Int, String, Int64, String, String, String, Data, Data, String, String).self)
                return SignedEvent(
                    dossierID: dossierID, seq: seq, type: type, at: Self.date(at),
                    actor: EventActor(id: actorID, role: role, unit: unit), canonical: Array(canonical),
                    signature: Array(signature), certificateSerial: serial, hash: hash)
            }
        }
    }

    public func dossiers(_ query: DossierQuery) async throws -> Page<Dossier> {
        let limit = min(max(query.limit, 1), 200)
        let offset = max(query.offset, 0)
        let units = query.units
        // An empty list of states matches nothing (e.g. "overdue" among finished states), as in SQLite.
        let states = query.states.map { $0.map(\.rawValue) }
        let dueBefore = query.dueBefore.map(Self.millis)
        let receivedFrom = query.receivedIn.map { Self.millis($0.lowerBound) }
        let receivedTo = query.receivedIn.map { Self.millis($0.upperBound) }
        let finishedFrom = query.finishedIn.map { Self.millis($0.lowerBound) }
        let finishedTo = query.finishedIn.map { Self.millis($0.upperBound) }
        // Every filter is a bound parameter that is null when unused, so the statement is fixed text.
        // (PostgreSQL plans an unnamed statement with its actual values, so unused filters cost nothing.)
        let (total, bodies) = try await snapshot { connection -> (Int, [String]) in
            let total =
                try await connection.first(
                    """
                    SELECT count(*) FROM dossiers WHERE tenant = \(query.tenant)
                    AND (\(units)::text[] IS NULL OR competent_unit = ANY(\(units)::text[])
                        OR receiving_unit = ANY(\(units)::text[]))
                    AND (\(query.applicantID)::text IS NULL OR applicant_id = \(query.applicantID)::text)
                    AND (\(query.assignee)::text IS NULL OR assignee = \(query.assignee)::text)
                    AND (\(states)::text[] IS NULL OR state = ANY(\(states)::text[]))
                    AND (\(query.procedureCode)::text IS NULL OR procedure_code = \(query.procedureCode)::text)
                    AND (\(dueBefore)::bigint IS NULL OR due_at < \(dueBefore)::bigint)
                    AND (\(receivedFrom)::bigint IS NULL OR (received_at >= \(receivedFrom)::bigint
                        AND received_at < \(receivedTo)::bigint))
                    AND (\(finishedFrom)::bigint IS NULL OR (finished_at >= \(finishedFrom)::bigint
                        AND finished_at < \(finishedTo)::bigint))
                    """, logger: self.logger
                )?.decode(Int.self) ?? 0
            let bodies = try await connection.all(
                """
                SELECT body FROM dossiers WHERE tenant = \(query.tenant)
                AND (\(units)::text[] IS NULL OR competent_unit = ANY(\(units)::text[])
                    OR receiving_unit = ANY(\(units)::text[]))
                AND (\(query.applicantID)::text IS NULL OR applicant_id = \(query.applicantID)::text)
                AND (\(query.assignee)::text IS NULL OR assignee = \(query.assignee)::text)
                AND (\(states)::text[] IS NULL OR state = ANY(\(states)::text[]))
                AND (\(query.procedureCode)::text IS NULL OR procedure_code = \(query.procedureCode)::text)
                AND (\(dueBefore)::bigint IS NULL OR due_at < \(dueBefore)::bigint)
                    AND (\(receivedFrom)::bigint IS NULL OR (received_at >= \(receivedFrom)::bigint
                        AND received_at < \(receivedTo)::bigint))
                    AND (\(finishedFrom)::bigint IS NULL OR (finished_at >= \(finishedFrom)::bigint
                        AND finished_at < \(finishedTo)::bigint))
                ORDER BY (CASE WHEN \(query.newestFirst) THEN -submitted_at ELSE 0 END),
                due_at ASC NULLS LAST, submitted_at DESC, id
                LIMIT \(limit) OFFSET \(offset)
                """, logger: self.logger
            ).map { try $0.decode(String.self) }
            return (total, bodies)
        }
        return Page(items: try bodies.map { try decode(Dossier.self, $0) }, total: total, limit: limit, offset: offset)
    }

    public func counters(units: [String], periods: [String], tenant: String) async throws -> [String: Int] {
        guard !units.isEmpty, !periods.isEmpty else { return [:] }
        let rows = try await statement { connection in
            try await connection.all(
                """
                SELECT metric, sum(value)::bigint FROM counters
                WHERE tenant = \(tenant) AND unit = ANY(\(units)) AND period = ANY(\(periods))
                GROUP BY metric
                """, logger: self.logger
            ).map { try $0.decode((String, Int).self) }
        }
        return Dictionary(uniqueKeysWithValues: rows)
    }
}
