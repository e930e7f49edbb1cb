import Foundation
import OneGateCore
import PostgresNIO

extension PostgresStore {
    public func saveDraft(_ draft: Draft) async throws {
        let body = try DraftBody(draft).encoded()
        try await statement { connection in
            try await connection.run(
                """
                INSERT INTO drafts(tenant, id, applicant_id, procedure_code, body, created_at, updated_at)
                VALUES (\(draft.tenant), \(draft.id), \(draft.applicantID), \(draft.procedureCode), \(body),
                \(Self.millis(draft.createdAt)), \(Self.millis(draft.updatedAt)))
                ON CONFLICT (tenant, id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at
                """, logger: self.logger)
        }
    }

    public func draft(id: String, tenant: String) async throws -> Draft? {
        let row = try await statement { connection in
            try await connection.first(
                """
                SELECT id, applicant_id, procedure_code, body, created_at, updated_at FROM drafts
                WHERE tenant = \(tenant) AND id = \(id)
                """, logger: self.logger
            )?.decode((String, String, String, String, Int64, Int64).self)
        }
        return try row.map { try Self.draft(tenant: tenant, $0) }
    }

    public func drafts(applicantID: String, tenant: String) async throws -> [Draft] {
        let rows = try await statement { connection in
            try await connection.all(
                """
                SELECT id, applicant_id, procedure_code, body, created_at, updated_at FROM drafts
                WHERE tenant = \(tenant) AND applicant_id = \(applicantID) ORDER BY updated_at DESC, id LIMIT 200
                """, logger: self.logger
            ).map { try $0.decode((String, String, String, String, Int64, Int64).self) }
        }
        return try rows.map { try Self.draft(tenant: tenant, $0) }
    }

    private static func draft(tenant: String, _ row: (String, String, String, String, Int64, Int64)) throws -> Draft {
        try DraftBody.decode(row.3).draft(
            id: row.0, tenant: tenant, applicantID: row.1, procedureCode: row.2, createdAt: date(row.4),
            updatedAt: date(row.5))
    }

    public func deleteDraft(id: String, tenant: String) async throws {
        try await statement { connection in
            try await connection.run("DELETE FROM drafts WHERE tenant = \(tenant) AND id = \(id)", logger: self.logger)
        }
    }

    public func saveEvaluation(_ evaluation: ServiceEvaluation) async throws {
        try await statement { connection in
            try await connection.run(
                """
                INSERT INTO evaluations(tenant, dossier_id, applicant_id, rating, comment, created_at)
                VALUES (\(evaluation.tenant), \(evaluation.dossierID), \(evaluation.applicantID),
                \(Int64(evaluation.rating)), \(evaluation.comment), \(Self.millis(evaluation.createdAt)))
                ON CONFLICT (tenant, dossier_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment,
                created_at = excluded.created_at
                """, logger: self.logger)
        }
    }

    public func evaluation(dossierID: String, tenant: String) async throws -> ServiceEvaluation? {
        let row = try await statement { connection in
            try await connection.first(
                """
                SELECT applicant_id, rating, comment, created_at FROM evaluations
                WHERE tenant = \(tenant) AND dossier_id = \(dossierID)
                """, logger: self.logger
            )?.decode((String, Int64, String, Int64).self)
        }
        return row.map {
            ServiceEvaluation(
                dossierID: dossierID, tenant: tenant, applicantID: $0.0, rating: Int($0.1), comment: $0.2,
                createdAt: Self.date($0.3))
        }
    }

    public func documents(ownedBy owner: String, tenant: String, limit: Int) async throws -> [OwnedDocument] {
        try await statement { connection in
            try await connection.all(
                """
                SELECT d.sha256, d.content_type, d.size, d.created_at FROM document_owners o
                JOIN documents d ON d.tenant = o.tenant AND d.sha256 = o.sha256
                WHERE o.tenant = \(tenant) AND o.owner = \(owner) ORDER BY d.created_at DESC, d.sha256
                LIMIT \(Int64(limit))
                """, logger: self.logger
            ).map {
                let (hash, type, size, created) = try $0.decode((String, String, Int64, Int64).self)
                return OwnedDocument(sha256: hash, contentType: type, size: Int(size), createdAt: Self.date(created))
            }
        }
    }
}
