import Foundation
import OneGateCore
import PostgresNIO

extension PostgresStore {
    public func saveUnits(_ units: [AdministrativeUnit], tenant: String) async throws {
        let rows = try units.map { ($0, try encode($0)) }
        try await transaction { connection in
            for (unit, body) in rows {
                try await connection.run(
                    """
                    INSERT INTO units(tenant, code, parent, kind, body)
                    VALUES (\(tenant), \(unit.code), \(unit.parent), \(unit.kind.rawValue), \(body))
                    ON CONFLICT (tenant, code) DO UPDATE SET parent = excluded.parent, kind = excluded.kind,
                    body = excluded.body
                    """, logger: self.logger)
            }
        }
    }

    public func units(tenant: String) async throws -> [AdministrativeUnit] {
        try await bodies("SELECT body FROM units WHERE tenant = \(tenant) ORDER BY code")
            .map { try decode(AdministrativeUnit.self, $0) }
    }

    public func saveOfficer(_ officer: Officer, passwordHash: String, tenant: String) async throws {
        let body = try encode(officer)
        try await statement { connection in
            try await connection.run(
                """
                INSERT INTO officers(tenant, id, username, password_hash, body)
                VALUES (\(tenant), \(officer.id), \(officer.username), \(passwordHash), \(body))
                ON CONFLICT (tenant, id) DO UPDATE SET username = excluded.username,
                password_hash = excluded.password_hash, body = excluded.body
                """, logger: self.logger)
        }
    }

    public func officer(id: String) async throws -> Officer? {
        try await bodies("SELECT body FROM officers WHERE id = \(id)").first.map { try decode(Officer.self, $0) }
    }

    public func officerLogin(username: String) async throws -> (officer: Officer, passwordHash: String)? {
        let row = try await statement { connection in
            try await connection.first(
                "SELECT body, password_hash FROM officers WHERE username = \(username)", logger: self.logger
            )?.decode((String, String).self)
        }
        guard let (body, hash) = row else { return nil }
        return (try decode(Officer.self, body), hash)
    }

    public func officers(tenant: String, unit: String?) async throws -> [Officer] {
        let officers = try await bodies("SELECT body FROM officers WHERE tenant = \(tenant) ORDER BY username")
            .map { try decode(Officer.self, $0) }
        guard let unit else { return officers }
        return officers.filter { $0.roles.contains { $0.unit == unit } }
    }

    public func saveApplicant(_ applicant: Applicant, passwordHash: String?, tenant: String) async throws {
        let body = try encode(applicant)
        try await statement { connection in
            try await connection.run(
                """
                INSERT INTO applicants(tenant, id, identifier, username, password_hash, body)
                VALUES (\(tenant), \(applicant.id), \(applicant.identifier), \(applicant.username), \(passwordHash),
                \(body))
                ON CONFLICT (tenant, id) DO UPDATE SET identifier = excluded.identifier, username = excluded.username,
                password_hash = COALESCE(excluded.password_hash, applicants.password_hash), body = excluded.body
                """, logger: self.logger)
        }
    }

    public func applicant(id: String) async throws -> Applicant? {
        try await bodies("SELECT body FROM applicants WHERE id = \(id)").first.map { try decode(Applicant.self, $0) }
    }

    public func applicant(identifier: String, tenant: String) async throws -> Applicant? {
        try await bodies("SELECT body FROM applicants WHERE tenant = \(tenant) AND identifier = \(identifier)")
            .first.map { try decode(Applicant.self, $0) }
    }

    public func applicantLogin(username: String) async throws -> (applicant: Applicant, passwordHash: String)? {
        let row = try await statement { connection in
            try await connection.first(
                """
                SELECT body, password_hash FROM applicants
                WHERE username = \(username) AND password_hash IS NOT NULL
                """, logger: self.logger
            )?.decode((String, String).self)
        }
        guard let (body, hash) = row else { return nil }
        return (try decode(Applicant.self, body), hash)
    }

    public func createSession(_ session: Session) async throws {
        try await statement { connection in
            try await connection.run(
                """
                INSERT INTO sessions(token_hash, principal_kind, principal_id, created_at, expires_at, assurance)
                VALUES (\(session.tokenHash), \(session.principalKind.rawValue), \(session.principalID),
                \(Self.millis(session.createdAt)), \(Self.millis(session.expiresAt)), \(session.assurance))
                """, logger: self.logger)
        }
    }

    public func session(tokenHash: String) async throws -> Session? {
        let row = try await statement { connection in
            try await connection.first(
                """
                SELECT token_hash, principal_kind, principal_id, created_at, expires_at, assurance FROM sessions
                WHERE token_hash = \(tokenHash)
                """, logger: self.logger
            )?.decode((String, String, String, Int64, Int64, Int?).self)
        }
        guard let (hash, kind, principal, created, expires, assurance) = row,
            let principalKind = Session.PrincipalKind(rawValue: kind)
        else { return nil }
        return Session(
            tokenHash: hash, principalKind: principalKind, principalID: principal, createdAt: Self.date(created),
            expiresAt: Self.date(expires), assurance: assurance)
    }

    public func deleteSession(tokenHash: String) async throws {
        try await statement { connection in
            try await connection.run("DELETE FROM sessions WHERE token_hash = \(tokenHash)", logger: self.logger)
        }
    }

    public func saveSignInFlow(_ flow: SignInFlow) async throws {
        let stale = Self.millis(flow.createdAt.addingTimeInterval(-3600))
        try await statement { connection in
            try await connection.run("DELETE FROM sign_in_flows WHERE created_at < \(stale)", logger: self.logger)
            try await connection.run(
                """
                INSERT INTO sign_in_flows(state, nonce, verifier, next, created_at)
                VALUES (\(flow.state), \(flow.nonce), \(flow.verifier), \(flow.next), \(Self.millis(flow.createdAt)))
                """, logger: self.logger)
        }
    }

    public func takeSignInFlow(state: String, notBefore: Date) async throws -> SignInFlow? {
        let row = try await statement { connection in
            try await connection.first(
                "DELETE FROM sign_in_flows WHERE state = \(state) RETURNING state, nonce, verifier, next, created_at",
                logger: self.logger
            )?.decode((String, String, String, String?, Int64).self)
        }
        guard let (state, nonce, verifier, next, created) = row else { return nil }
        let flow = SignInFlow(state: state, nonce: nonce, verifier: verifier, next: next, createdAt: Self.date(created))
        return flow.createdAt >= notBefore ? flow : nil
    }

    /// The text of the single column of every row of `query` (the JSON bodies most reads return).
    func bodies(_ query: PostgresQuery) async throws -> [String] {
        try await statement { connection in
            try await connection.all(query, logger: self.logger).map { try $0.decode(String.self) }
        }
    }
}
