import Foundation
import GRDB
import OneGateCore

extension SQLiteStore {
    public func saveUnits(_ units: [AdministrativeUnit], tenant: String) async throws {
        let rows = try units.map { ($0, try encode($0)) }
        try await write { db in
            for (unit, body) in rows {
                try db.execute(
                    sql: """
                        INSERT INTO units(tenant, code, parent, kind, body) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(tenant, code) DO UPDATE SET parent = excluded.parent, kind = excluded.kind,
                        body = excluded.body
                        """,
                    arguments: [tenant, unit.code, unit.parent, unit.kind.rawValue, body])
            }
        }
    }

    public func units(tenant: String) async throws -> [AdministrativeUnit] {
        let bodies = try await read {
            try String.fetchAll($0, sql: "SELECT body FROM units WHERE tenant = ? ORDER BY code", arguments: [tenant])
        }
        return try bodies.map { try decode(AdministrativeUnit.self, $0) }
    }

    public func saveOfficer(_ officer: Officer, passwordHash: String, tenant: String) async throws {
        let body = try encode(officer)
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO officers(tenant, id, username, password_hash, body) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(tenant, id) DO UPDATE SET username = excluded.username,
                    password_hash = excluded.password_hash, body = excluded.body
                    """,
                arguments: [tenant, officer.id, officer.username, passwordHash, body])
        }
    }

    public func officer(id: String) async throws -> Officer? {
        guard
            let body = try await read({
                try String.fetchOne($0, sql: "SELECT body FROM officers WHERE id = ?", arguments: [id])
            })
        else { return nil }
        return try decode(Officer.self, body)
    }

    public func officerLogin(username: String) async throws -> (officer: Officer, passwordHash: String)? {
        guard
            let (body, hash) = try await read({ db -> (String, String)? in
                try Row.fetchOne(
                    db, sql: "SELECT body, password_hash FROM officers WHERE username = ?", arguments: [username]
                )
                .map { ($0["body"], $0["password_hash"]) }
            })
        else { return nil }
        return (try decode(Officer.self, body), hash)
    }

    public func officers(tenant: String, unit: String?) async throws -> [Officer] {
        let bodies = try await read {
            try String.fetchAll(
                $0, sql: "SELECT body FROM officers WHERE tenant = ? ORDER BY username", arguments: [tenant])
        }
        let officers = try bodies.map { try decode(Officer.self, $0) }
        guard let unit else { return officers }
        return officers.filter { $0.roles.contains { $0.unit == unit } }
    }

    public func saveApplicant(_ applicant: Applicant, passwordHash: String?, tenant: String) async throws {
        let body = try encode(applicant)
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO applicants(tenant, id, identifier, username, password_hash, body) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(tenant, id) DO UPDATE SET identifier = excluded.identifier, username = excluded.username,
                    password_hash = COALESCE(excluded.password_hash, applicants.password_hash), body = excluded.body
                    """,
                arguments: [tenant, applicant.id, applicant.identifier, applicant.username, passwordHash, body])
        }
    }

    public func applicant(id: String) async throws -> Applicant? {
        guard
            let body = try await read({
                try String.fetchOne($0, sql: "SELECT body FROM applicants WHERE id = ?", arguments: [id])
            })
        else { return nil }
        return try decode(Applicant.self, body)
    }

    public func applicant(identifier: String, tenant: String) async throws -> Applicant? {
        guard
            let body = try await read({
                try String.fetchOne(
                    $0, sql: "SELECT body FROM applicants WHERE tenant = ? AND identifier = ?",
                    arguments: [tenant, identifier])
            })
        else { return nil }
        return try decode(Applicant.self, body)
    }

    public func applicantLogin(username: String) async throws -> (applicant: Applicant, passwordHash: String)? {
        guard
            let (body, hash) = try await read({ db -> (String, String)? in
                try Row.fetchOne(
                    db,
                    sql: "SELECT body, password_hash FROM applicants WHERE username = ? AND password_hash IS NOT NULL",
                    arguments: [username]
                ).map { ($0["body"], $0["password_hash"]) }
            })
        else { return nil }
        return (try decode(Applicant.self, body), hash)
    }

    public func createSession(_ session: Session) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO sessions(token_hash, principal_kind, principal_id, created_at, expires_at, assurance)
                    VALUES (?,?,?,?,?,?)
                    """,
                arguments: [
                    session.tokenHash, session.principalKind.rawValue, session.principalID,
                    Self.millis(session.createdAt), Self.millis(session.expiresAt), session.assurance,
                ])
        }
    }

    public func session(tokenHash: String) async throws -> Session? {
        try await read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM sessions WHERE token_hash = ?", arguments: [tokenHash]),
                let kind = Session.PrincipalKind(rawValue: row["principal_kind"])
            else { return nil }
            return Session(
                tokenHash: row["token_hash"], principalKind: kind, principalID: row["principal_id"],
                createdAt: Self.date(row["created_at"]), expiresAt: Self.date(row["expires_at"]),
                assurance: row["assurance"])
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await write { try $0.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [tokenHash]) }
    }

    public func saveSignInFlow(_ flow: SignInFlow) async throws {
        try await write { db in
            // Old unfinished sign-ins go as new ones start: the table stays small.
            try db.execute(
                sql: "DELETE FROM sign_in_flows WHERE created_at < ?",
                arguments: [Self.millis(flow.createdAt.addingTimeInterval(-3600))])
            try db.execute(
                sql: "INSERT INTO sign_in_flows(state, nonce, verifier, next, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [flow.state, flow.nonce, flow.verifier, flow.next, Self.millis(flow.createdAt)])
        }
    }

    public func takeSignInFlow(state: String, notBefore: Date) async throws -> SignInFlow? {
        try await write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "DELETE FROM sign_in_flows WHERE state = ? RETURNING *", arguments: [state])
            else { return nil }
            let flow = SignInFlow(
                state: row["state"], nonce: row["nonce"], verifier: row["verifier"], next: row["next"],
                createdAt: Self.date(row["created_at"]))
            return flow.createdAt >= notBefore ? flow : nil
        }
    }
}
