import Foundation
import GRDB
import OneGateCore

extension SQLiteStore {
    public func saveDraft(_ draft: Draft) async throws {
        let body = try DraftBody(draft).encoded()
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO drafts(tenant, id, applicant_id, procedure_code, body, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(tenant, id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at
                    """,
                arguments: [
                    draft.tenant, draft.id, draft.applicantID, draft.procedureCode, body, Self.millis(draft.createdAt),
                    Self.millis(draft.updatedAt),
                ])
        }
    }

    public func draft(id: String, tenant: String) async throws -> Draft? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM drafts WHERE tenant = ? AND id = ?", arguments: [tenant, id])
                .map(Self.draft(from:))
        }
    }

    public func drafts(applicantID: String, tenant: String) async throws -> [Draft] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT * FROM drafts WHERE tenant = ? AND applicant_id = ? ORDER BY updated_at DESC, id LIMIT 200",
                arguments: [tenant, applicantID]
            ).map(Self.draft(from:))
        }
    }

    public func deleteDraft(id: String, tenant: String) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM drafts WHERE tenant = ? AND id = ?", arguments: [tenant, id])
        }
    }

    private static func draft(from row: Row) throws -> Draft {
        try DraftBody.decode(row["body"]).draft(
            id: row["id"], tenant: row["tenant"], applicantID: row["applicant_id"],
            procedureCode: row["procedure_code"], createdAt: date(row["created_at"]),
            updatedAt: date(row["updated_at"]))
    }

    public func saveEvaluation(_ evaluation: ServiceEvaluation) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO evaluations(tenant, dossier_id, applicant_id, rating, comment, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(tenant, dossier_id) DO UPDATE SET rating = excluded.rating,
                        comment = excluded.comment, created_at = excluded.created_at
                    """,
                arguments: [
                    evaluation.tenant, evaluation.dossierID, evaluation.applicantID, evaluation.rating,
                    evaluation.comment, Self.millis(evaluation.createdAt),
                ])
        }
    }

    public func evaluation(dossierID: String, tenant: String) async throws -> ServiceEvaluation? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM evaluations WHERE tenant = ? AND dossier_id = ?",
                arguments: [tenant, dossierID]
            ).map { row in
                ServiceEvaluation(
                    dossierID: row["dossier_id"], tenant: row["tenant"], applicantID: row["applicant_id"],
                    rating: row["rating"], comment: row["comment"], createdAt: Self.date(row["created_at"]))
            }
        }
    }

    public func documents(ownedBy owner: String, tenant: String, limit: Int) async throws -> [OwnedDocument] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.sha256, d.content_type, d.size, d.created_at FROM document_owners o
                    JOIN documents d ON d.tenant = o.tenant AND d.sha256 = o.sha256
                    WHERE o.tenant = ? AND o.owner = ? ORDER BY d.created_at DESC, d.sha256 LIMIT ?
                    """, arguments: [tenant, owner, limit]
            ).map { row in
                OwnedDocument(
                    sha256: row["sha256"], contentType: row["content_type"], size: row["size"],
                    createdAt: Self.date(row["created_at"]))
            }
        }
    }
}
