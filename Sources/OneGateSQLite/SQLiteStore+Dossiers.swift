import Foundation
import GRDB
import OneGateCore

extension SQLiteStore {
    public func nextCodeSequence(unit: String, day: String, tenant: String) async throws -> Int {
        try await write { db in
            try Int.fetchOne(
                db,
                sql: """
                    INSERT INTO code_sequences(tenant, unit, day, last) VALUES (?, ?, ?, 1)
                    ON CONFLICT(tenant, unit, day) DO UPDATE SET last = last + 1 RETURNING last
                    """,
                arguments: [tenant, unit, day]) ?? 1
        }
    }

    public func commit(_ change: DossierChange) async throws -> CommitOutcome {
        let dossier = change.dossier
        let body = try packedBody(dossier)
        let event = change.event
        do {
            let outcome = try await commitInTransaction(change, body: body, event: event)
            if case .committed = outcome { cache.store(change.dossier) }
            return outcome
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            // A duplicate dossier id, event sequence or code: another writer got there first.
            throw OneGateError.versionConflict
        }
    }

    private func commitInTransaction(
        _ change: DossierChange, body: Data, event: SignedEvent
    ) async throws -> CommitOutcome {
        let dossier = change.dossier
        return try await write { db in
            if let claim = change.idempotency,
                let row = try Row.fetchOne(
                    db, sql: "SELECT request_hash, status, body FROM idempotency_keys WHERE principal = ? AND key = ?",
                    arguments: [claim.principal, claim.key])
            {
                guard row["request_hash"] == claim.requestHash else { throw OneGateError.idempotencyKeyReused }
                let stored: Data = row["body"]
                return .replayed(StoredResponse(status: row["status"], body: Array(stored)))
            }
            let columns = Self.rowColumns(dossier, body: body)
            if change.expectedVersion == 0 {
                try db.execute(sql: Self.insertDossierSQL, arguments: Self.insertArguments(dossier, columns: columns))
            } else {
                try db.execute(
                    sql: """
                        UPDATE dossiers SET code = ?, state = ?, assignee = ?, due_at = ?, updated_at = ?, version = ?,
                        body = ?, received_at = ?, overdue_from = ?, extended = ?, finished_at = ?
                        WHERE tenant = ? AND id = ? AND version = ?
                        """,
                    arguments: columns + [change.expectedVersion])
                guard db.changesCount == 1 else { throw OneGateError.versionConflict }
            }
            try db.execute(sql: Self.insertEventSQL, arguments: Self.eventArguments(event, tenant: dossier.tenant))
            for delta in change.counters {
                try db.execute(
                    sql: Self.upsertCounterSQL,
                    arguments: [dossier.tenant, delta.unit, delta.procedure, delta.period, delta.metric, delta.delta])
            }
            if !change.transparency.isEmpty || change.result != nil {
                try Self.appendResult(change.result, entries: change.transparency, tenant: dossier.tenant, db: db)
            }
            guard let claim = change.idempotency else { return .committed(nil) }
            let response = try claim.respond(dossier)
            try db.execute(
                sql: """
                    INSERT INTO idempotency_keys(principal, key, request_hash, status, body, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    claim.principal, claim.key, claim.requestHash, response.status, Data(response.body),
                    Self.millis(dossier.updatedAt),
                ])
            return .committed(response)
        }
    }

    /// A dossier's body as the row keeps it (``StoredJSON``).
    func packedBody(_ dossier: Dossier) throws -> Data {
        StoredJSON.pack(try encoder.encode(dossier), as: .dossier)
    }

    /// A dossier from its row's body, packed or written before packing.
    func decodeBody(_ body: DatabaseValue) throws -> Dossier {
        try decoder.decode(Dossier.self, from: Data(try StoredJSON.bytes(body)))
    }

    /// The columns of a dossier row beside its key and immutable fields, in the order of
    /// ``insertDossierSQL`` and of the commit path's UPDATE (then tenant and id): the one place that
    /// computes them, so that rows written by ``commit(_:)`` and ``bulkLoad(_:)`` are the same.
    static func rowColumns(_ dossier: Dossier, body: Data) -> StatementArguments {
        let open = OpenDossierColumns(dossier)
        return [
            // The inbox orders by what is due next: the reception check while submitted.
            dossier.code, dossier.state.rawValue, dossier.assignee,
            (dossier.dueAt ?? dossier.receptionDue).map(Self.millis),
            Self.millis(dossier.updatedAt), dossier.version, body, open.receivedAt.map(Self.millis),
            open.overdueFrom.map(Self.millis), open.extended ? 1 : 0, open.finishedAt.map(Self.millis),
            dossier.tenant, dossier.id,
        ]
    }

    static let insertDossierSQL = """
        INSERT INTO dossiers(code, state, assignee, due_at, updated_at, version, body, received_at,
        overdue_from, extended, finished_at, tenant, id, reference, procedure_code, applicant_id,
        receiving_unit, competent_unit, submitted_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static func insertArguments(_ dossier: Dossier, columns: StatementArguments) -> StatementArguments {
        columns + [
            dossier.reference, dossier.procedureCode, dossier.applicantID,
            dossier.receivingUnit, dossier.competentUnit, Self.millis(dossier.submittedAt),
        ]
    }

    static let insertEventSQL = """
        INSERT INTO events(tenant, dossier_id, seq, type, at, actor_id, actor_role, actor_unit, canonical,
        signature, certificate_serial, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static func eventArguments(_ event: SignedEvent, tenant: String) -> StatementArguments {
        [
            tenant, event.dossierID, event.seq, event.type, Self.millis(event.at), event.actor.id,
            event.actor.role, event.actor.unit, StoredJSON.pack(event.canonical, as: .event), Data(event.signature),
            event.certificateSerial, event.hash,
        ]
    }

    static let upsertCounterSQL = """
        INSERT INTO counters(tenant, unit, procedure, period, metric, value) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT(tenant, unit, period, metric, procedure) DO UPDATE SET value = value + excluded.value
        """

    public func idempotentResponse(
        principal: String, key: String
    ) async throws -> (requestHash: String, response: StoredResponse)? {
        try await read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT request_hash, status, body FROM idempotency_keys WHERE principal = ? AND key = ?",
                    arguments: [principal, key])
            else { return nil }
            let body: Data = row["body"]
            return (row["request_hash"], StoredResponse(status: row["status"], body: Array(body)))
        }
    }

    public func dossier(id: String, tenant: String) async throws -> Dossier? {
        try await dossier(where: "tenant = ? AND id = ?", [tenant, id])
    }

    public func dossier(code: String, tenant: String) async throws -> Dossier? {
        try await dossier(where: "tenant = ? AND code = ?", [tenant, code])
    }

    public func dossier(reference: String, tenant: String) async throws -> Dossier? {
        try await dossier(where: "tenant = ? AND reference = ?", [tenant, reference])
    }

    private func dossier(where condition: String, _ arguments: StatementArguments) async throws -> Dossier? {
        let cache = self.cache
        // The body is fetched only when the cached value (if any) is not of the current version.
        let found = try await read { db -> (Dossier?, DatabaseValue?) in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, version FROM dossiers WHERE \(condition)", arguments: arguments)
            else { return (nil, nil) }
            let id: String = row["id"]
            if let cached = cache.dossier(id: id, version: row["version"]) { return (cached, nil) }
            let body = try DatabaseValue.fetchOne(
                db, sql: "SELECT body FROM dossiers WHERE \(condition)", arguments: arguments)
            return (nil, body)
        }
        if let cached = found.0 { return cached }
        guard let body = found.1 else { return nil }
        let dossier = try decodeBody(body)
        cache.store(dossier)
        return dossier
    }

    public func events(dossierID: String, tenant: String) async throws -> [SignedEvent] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM events WHERE tenant = ? AND dossier_id = ? ORDER BY seq",
                arguments: [tenant, dossierID]
            ).map { row in
                let signature: Data = row["signature"]
                return SignedEvent(
                    dossierID: row["dossier_id"], seq: row["seq"], type: row["type"], at: Self.date(row["at"]),
                    actor: EventActor(id: row["actor_id"], role: row["actor_role"], unit: row["actor_unit"]),
                    canonical: try StoredJSON.bytes(row["canonical"]), signature: Array(signature),
                    certificateSerial: row["certificate_serial"],
                    hash: row["hash"])
            }
        }
    }

    public func dossiers(_ query: DossierQuery) async throws -> Page<Dossier> {
        var conditions = ["tenant = ?"]
        var arguments: StatementArguments = [query.tenant]
        if let units = query.units {
            let marks = Array(repeating: "?", count: units.count).joined(separator: ",")
            conditions.append("(competent_unit IN (\(marks)) OR receiving_unit IN (\(marks)))")
            arguments += StatementArguments(units) + StatementArguments(units)
        }
        if let applicant = query.applicantID {
            conditions.append("applicant_id = ?")
            arguments += [applicant]
        }
        if let assignee = query.assignee {
            conditions.append("assignee = ?")
            arguments += [assignee]
        }
        if query.states?.isEmpty == true {
            // No state can match (e.g. "overdue" among finished states): an empty page, not everything.
            conditions.append("0 = 1")
        } else if let states = query.states {
            conditions.append("state IN (\(Array(repeating: "?", count: states.count).joined(separator: ",")))")
            arguments += StatementArguments(states.map(\.rawValue))
        }
        if let procedure = query.procedureCode {
            conditions.append("procedure_code = ?")
            arguments += [procedure]
        }
        if let dueBefore = query.dueBefore {
            conditions.append("due_at IS NOT NULL AND due_at < ?")
            arguments += [Self.millis(dueBefore)]
        }
        if let range = query.receivedIn {
            conditions.append("received_at >= ? AND received_at < ?")
            arguments += [Self.millis(range.lowerBound), Self.millis(range.upperBound)]
        }
        if let range = query.finishedIn {
            conditions.append("finished_at >= ? AND finished_at < ?")
            arguments += [Self.millis(range.lowerBound), Self.millis(range.upperBound)]
        }
        let whereClause = conditions.joined(separator: " AND ")
        let limit = min(max(query.limit, 1), 200)
        let offset = max(query.offset, 0)
        let countArguments = arguments
        let pageArguments = arguments + [limit, offset]
        let order = query.newestFirst ? "submitted_at DESC, id" : "due_at IS NULL, due_at, submitted_at DESC"
        let (total, bodies) = try await read { db in
            let total = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM dossiers WHERE \(whereClause)", arguments: countArguments)
            let bodies = try DatabaseValue.fetchAll(
                db,
                sql: """
                    SELECT body FROM dossiers WHERE \(whereClause) ORDER BY \(order) LIMIT ? OFFSET ?
                    """,
                arguments: pageArguments)
            return (total ?? 0, bodies)
        }
        return Page(items: try bodies.map { try decodeBody($0) }, total: total, limit: limit, offset: offset)
    }

    public func counters(units: [String], periods: [String], tenant: String) async throws -> [String: Int] {
        guard !units.isEmpty, !periods.isEmpty else { return [:] }
        let unitMarks = Array(repeating: "?", count: units.count).joined(separator: ",")
        let periodMarks = Array(repeating: "?", count: periods.count).joined(separator: ",")
        let arguments = StatementArguments([tenant]) + StatementArguments(units) + StatementArguments(periods)
        return try await read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT metric, SUM(value) AS total FROM counters WHERE tenant = ? AND unit IN (\(unitMarks))
                    AND period IN (\(periodMarks)) GROUP BY metric
                    """,
                arguments: arguments)
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["metric"] as String, $0["total"] as Int) })
        }
    }
}
