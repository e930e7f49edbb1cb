import Foundation
import Logging
import OneGateCore
import PostgresNIO

/// The schema, as append-only numbered migrations with the same names and meanings as the SQLite
/// store's (`Sources/OneGateSQLite/Migrations.swift`). Differences are of form only: `bytea` for
/// blobs, `boolean` for flags, a `tsvector` instead of an FTS5 table, foreign keys, and no unique
/// index on an id alone for the tables a distributed PostgreSQL shards by tenant (docs/postgres.md).
///
/// Dates are `bigint` milliseconds since 1970, as in SQLite, so rows copy between the backends
/// unchanged and round-trip exactly to the millisecond.
enum PostgresMigrations {
    struct Migration: Sendable {
        let name: String
        /// One statement each: the extended query protocol takes one statement at a time.
        let statements: [PostgresQuery]
        /// Work in Swift after the statements, in the same transaction (filling new columns from
        /// the JSON bodies, say).
        var backfill: (@Sendable (PostgresConnection, Logger) async throws -> Void)? = nil
    }

    static let all: [Migration] = [
        core, drafts, openDossiers, periodColumns, indicatorRollups, resultsTransparency, eidSignIn, accessLog,
    ]

    /// The key of the advisory lock that serialises migrations across servers ("onegate" in ASCII).
    static let lockKey: Int64 = 0x6f6e_6567_6174_65

    static let core = Migration(
        name: "0001_core",
        statements: [
            "CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL)",
            // Reference data, small and read everywhere: a reference table under Citus.
            """
            CREATE TABLE units (
                tenant text NOT NULL, code text NOT NULL, parent text, kind text NOT NULL, body text NOT NULL,
                PRIMARY KEY (tenant, code))
            """,
            """
            CREATE TABLE officers (
                tenant text NOT NULL, id text NOT NULL, username text NOT NULL UNIQUE, password_hash text NOT NULL,
                body text NOT NULL, PRIMARY KEY (tenant, id))
            """,
            "CREATE UNIQUE INDEX officers_id ON officers (id)",
            // Logins are looked up by user name and id alone, as in SQLite (see docs/postgres.md for
            // what a distributed deployment does with these two global indexes).
            """
            CREATE TABLE applicants (
                tenant text NOT NULL, id text NOT NULL, identifier text NOT NULL, username text UNIQUE,
                password_hash text, body text NOT NULL, PRIMARY KEY (tenant, id), UNIQUE (tenant, identifier))
            """,
            "CREATE UNIQUE INDEX applicants_id ON applicants (id)",
            """
            CREATE TABLE sessions (
                token_hash text PRIMARY KEY, principal_kind text NOT NULL, principal_id text NOT NULL,
                created_at bigint NOT NULL, expires_at bigint NOT NULL)
            """,
            // The folded search text is stored, and its 'simple' (no stemming, no stop words) vector
            // derived from it, so the index always matches what the search folds its query into.
            """
            CREATE TABLE procedures (
                tenant text NOT NULL, code text NOT NULL, version bigint NOT NULL, current boolean NOT NULL,
                level text NOT NULL, body text NOT NULL, search_text text NOT NULL,
                search tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
                PRIMARY KEY (tenant, code, version))
            """,
            // Exactly one current version per code, enforced by the database.
            "CREATE UNIQUE INDEX procedures_current ON procedures (tenant, code) WHERE current",
            "CREATE INDEX procedures_search ON procedures USING gin (search) WHERE current",
            """
            CREATE TABLE documents (
                tenant text NOT NULL, sha256 text NOT NULL, content_type text NOT NULL, size bigint NOT NULL,
                bytes bytea NOT NULL, created_at bigint NOT NULL, PRIMARY KEY (tenant, sha256))
            """,
            """
            CREATE TABLE document_owners (
                tenant text NOT NULL, sha256 text NOT NULL, owner text NOT NULL, PRIMARY KEY (tenant, sha256, owner),
                FOREIGN KEY (tenant, sha256) REFERENCES documents (tenant, sha256))
            """,
            """
            CREATE TABLE credentials (
                serial text PRIMARY KEY, subject text NOT NULL, certificate bytea NOT NULL, private_key bytea NOT NULL,
                not_before bigint NOT NULL, not_after bigint NOT NULL, revoked_at bigint)
            """,
            "CREATE INDEX credentials_subject ON credentials (subject)",
            """
            CREATE TABLE dossiers (
                tenant text NOT NULL, id text NOT NULL, code text, reference text NOT NULL,
                procedure_code text NOT NULL, applicant_id text NOT NULL, receiving_unit text NOT NULL,
                competent_unit text NOT NULL, state text NOT NULL, assignee text, due_at bigint,
                submitted_at bigint NOT NULL, updated_at bigint NOT NULL, version bigint NOT NULL,
                body text NOT NULL, PRIMARY KEY (tenant, id))
            """,
            "CREATE UNIQUE INDEX dossiers_code ON dossiers (tenant, code) WHERE code IS NOT NULL",
            "CREATE UNIQUE INDEX dossiers_reference ON dossiers (tenant, reference)",
            "CREATE INDEX dossiers_competent ON dossiers (tenant, competent_unit, state, due_at)",
            "CREATE INDEX dossiers_receiving ON dossiers (tenant, receiving_unit, state, due_at)",
            "CREATE INDEX dossiers_applicant ON dossiers (tenant, applicant_id, submitted_at)",
            "CREATE INDEX dossiers_assignee ON dossiers (tenant, assignee, state, due_at)",
            """
            CREATE TABLE events (
                tenant text NOT NULL, dossier_id text NOT NULL, seq bigint NOT NULL, type text NOT NULL,
                at bigint NOT NULL, actor_id text NOT NULL, actor_role text NOT NULL, actor_unit text NOT NULL,
                canonical bytea NOT NULL, signature bytea NOT NULL, certificate_serial text NOT NULL,
                hash text NOT NULL, PRIMARY KEY (tenant, dossier_id, seq),
                FOREIGN KEY (tenant, dossier_id) REFERENCES dossiers (tenant, id))
            """,
            """
            CREATE TABLE code_sequences (
                tenant text NOT NULL, unit text NOT NULL, day text NOT NULL, last bigint NOT NULL,
                PRIMARY KEY (tenant, unit, day))
            """,
            // Keyed by tenant too, so that the row lands on the dossier's shard and a commit stays on
            // one node; a principal belongs to one tenant, so (principal, key) is still unique.
            """
            CREATE TABLE idempotency_keys (
                tenant text NOT NULL, principal text NOT NULL, key text NOT NULL, request_hash text NOT NULL,
                status bigint NOT NULL, body bytea NOT NULL, created_at bigint NOT NULL,
                PRIMARY KEY (tenant, principal, key))
            """,
            "CREATE INDEX idempotency_keys_principal ON idempotency_keys (principal, key)",
            """
            CREATE TABLE counters (
                tenant text NOT NULL, unit text NOT NULL, procedure text NOT NULL, period text NOT NULL,
                metric text NOT NULL, value bigint NOT NULL,
                PRIMARY KEY (tenant, unit, period, metric, procedure))
            """,
            """
            CREATE TABLE jobs (
                tenant text NOT NULL, id text NOT NULL, kind text NOT NULL, payload text NOT NULL,
                run_at bigint NOT NULL, claimed_by text, claimed_at bigint, done_at bigint,
                attempts bigint NOT NULL DEFAULT 0, PRIMARY KEY (tenant, id))
            """,
            "CREATE INDEX jobs_due ON jobs (kind, run_at) WHERE done_at IS NULL",
        ])
}

extension PostgresMigrations {
    /// Applicants' drafts and service evaluations; owners' document lists.
    static let drafts = Migration(
        name: "0002_drafts",
        statements: [
            """
            CREATE TABLE drafts (
                tenant text NOT NULL, id text NOT NULL, applicant_id text NOT NULL, procedure_code text NOT NULL,
                body text NOT NULL, created_at bigint NOT NULL, updated_at bigint NOT NULL, PRIMARY KEY (tenant, id))
            """,
            "CREATE INDEX drafts_by_applicant ON drafts (tenant, applicant_id, updated_at)",
            """
            CREATE TABLE evaluations (
                tenant text NOT NULL, dossier_id text NOT NULL, applicant_id text NOT NULL, rating bigint NOT NULL,
                comment text NOT NULL, created_at bigint NOT NULL, PRIMARY KEY (tenant, dossier_id))
            """,
            "CREATE INDEX document_owners_by_owner ON document_owners (tenant, owner)",
        ])
}

extension PostgresMigrations {
    /// Calls `body` with every stored dossier, a thousand rows at a time in key order (to fill
    /// columns added after the rows were written).
    static func forEachDossier(
        _ connection: PostgresConnection, _ logger: Logger,
        _ body: (_ tenant: String, _ id: String, _ dossier: Dossier) async throws -> Void
    ) async throws {
        let decoder = JSONDecoder()
        var after = ("", "")
        while true {
            let rows = try await connection.all(
                """
                SELECT tenant, id, body FROM dossiers WHERE (tenant, id) > (\(after.0), \(after.1))
                ORDER BY tenant, id LIMIT 1000
                """, logger: logger)
            guard !rows.isEmpty else { return }
            for row in rows {
                let (tenant, id, text) = try row.decode((String, String, String).self)
                try await body(tenant, id, try decoder.decode(Dossier.self, from: Data(text.utf8)))
                after = (tenant, id)
            }
        }
    }

    /// The columns "open dossiers past due" is answered from, filled for existing rows.
    static let openDossiers = Migration(
        name: "0003_open_dossiers",
        statements: [
            "ALTER TABLE dossiers ADD COLUMN received_at bigint",
            "ALTER TABLE dossiers ADD COLUMN overdue_from bigint",
            "ALTER TABLE dossiers ADD COLUMN extended boolean NOT NULL DEFAULT false",
            """
            CREATE INDEX dossiers_overdue ON dossiers (tenant, competent_unit, overdue_from)
            WHERE overdue_from IS NOT NULL
            """,
        ],
        backfill: { connection, logger in
            try await forEachDossier(connection, logger) { tenant, id, dossier in
                let columns = OpenDossierColumns(dossier)
                try await connection.run(
                    """
                    UPDATE dossiers SET received_at = \(columns.receivedAt.map(PostgresStore.millis)),
                    overdue_from = \(columns.overdueFrom.map(PostgresStore.millis)), extended = \(columns.extended)
                    WHERE tenant = \(tenant) AND id = \(id)
                    """, logger: logger)
            }
        })
}

extension PostgresMigrations {
    /// When processing ended, for lists by period; ranges of reception and finishing indexed.
    static let periodColumns = Migration(
        name: "0004_period_columns",
        statements: [
            "ALTER TABLE dossiers ADD COLUMN finished_at bigint",
            "CREATE INDEX dossiers_received_at ON dossiers (tenant, received_at) WHERE received_at IS NOT NULL",
            "CREATE INDEX dossiers_finished_at ON dossiers (tenant, finished_at) WHERE finished_at IS NOT NULL",
        ],
        backfill: { connection, logger in
            try await forEachDossier(connection, logger) { tenant, id, dossier in
                try await connection.run(
                    """
                    UPDATE dossiers SET finished_at = \(dossier.finishedAt.map(PostgresStore.millis))
                    WHERE tenant = \(tenant) AND id = \(id)
                    """, logger: logger)
            }
        })

    /// The indexes of SQLite's 0005: counters read from the index alone, and open past-due dossiers
    /// from a partial index that holds what the question needs. (SQLite's counter roll-up tables are
    /// not here yet: see docs/benchmarks.md.)
    static let indicatorRollups = Migration(
        name: "0005_indicator_rollups",
        statements: [
            "CREATE INDEX counters_covering ON counters (tenant, unit, period, procedure, metric) INCLUDE (value)",
            "DROP INDEX dossiers_overdue",
            """
            CREATE INDEX dossiers_open_overdue ON dossiers (tenant, competent_unit, overdue_from)
                INCLUDE (received_at, extended) WHERE overdue_from IS NOT NULL
            """,
        ])
}

extension PostgresMigrations {
    /// Results as issued and the transparency log, as SQLite's 0006.
    static let resultsTransparency = Migration(
        name: "0006_results_transparency",
        statements: [
            """
            CREATE TABLE results (
                tenant text NOT NULL, dossier_id text NOT NULL, dossier_code text NOT NULL, number text NOT NULL,
                document text NOT NULL, issued_at bigint NOT NULL, status text NOT NULL, body text NOT NULL,
                PRIMARY KEY (tenant, dossier_id))
            """,
            "CREATE INDEX results_number ON results (tenant, dossier_code, number)",
            "CREATE INDEX results_document ON results (tenant, document)",
            """
            CREATE TABLE transparency_log (
                tenant text NOT NULL, idx bigint NOT NULL, entry bytea NOT NULL, leaf_hash bytea NOT NULL,
                at bigint NOT NULL, PRIMARY KEY (tenant, idx))
            """,
            """
            CREATE TABLE tree_heads (
                tenant text NOT NULL, size bigint NOT NULL, root text NOT NULL, at bigint NOT NULL,
                canonical bytea NOT NULL, signature bytea NOT NULL, certificate_serial text NOT NULL,
                PRIMARY KEY (tenant, size))
            """,
        ])
}

extension PostgresMigrations {
    /// Sign-in with the e-ID, as SQLite's 0007.
    static let eidSignIn = Migration(
        name: "0007_eid_sign_in",
        statements: [
            "ALTER TABLE sessions ADD COLUMN assurance integer",
            """
            CREATE TABLE sign_in_flows (
                state text PRIMARY KEY, nonce text NOT NULL, verifier text NOT NULL, next text,
                created_at bigint NOT NULL)
            """,
        ])
}

extension PostgresMigrations {
    /// The access log, as SQLite's 0008.
    static let accessLog = Migration(
        name: "0008_access_log",
        statements: [
            """
            CREATE TABLE access_log (
                tenant text NOT NULL, subject text NOT NULL, seq bigint NOT NULL, at bigint NOT NULL,
                actor text NOT NULL, action text NOT NULL, canonical bytea NOT NULL, hash text NOT NULL,
                signature bytea NOT NULL, certificate_serial text NOT NULL, PRIMARY KEY (tenant, subject, seq))
            """
        ])
}

extension PostgresStore {
    /// Applies pending migrations in one transaction under a transaction-scoped advisory lock: a
    /// second server starting at the same moment waits, then finds everything applied. DDL is
    /// transactional in PostgreSQL, so a failed migration leaves nothing half-done.
    ///
    /// `connect` calls it; call it again safely (for `onegate migrate`). Returns the names applied now.
    @discardableResult
    public func migrate() async throws -> [String] {
        let migrations = PostgresMigrations.all
        return try await transaction { connection in
            try await connection.run(
                "SELECT pg_advisory_xact_lock(\(PostgresMigrations.lockKey))", logger: self.logger)
            // Created only when missing, not `IF NOT EXISTS`: that form still needs the right to
            // create, and a server running as a role with DML rights only must start.
            let exists =
                try await connection.first(
                    "SELECT to_regclass('schema_migrations') IS NOT NULL", logger: self.logger
                )?.decode(Bool.self) ?? false
            if !exists {
                try await connection.run(
                    """
                    CREATE TABLE schema_migrations (
                        name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                    """, logger: self.logger)
            }
            let applied = Set(
                try await connection.all("SELECT name FROM schema_migrations", logger: self.logger)
                    .map { try $0.decode(String.self) })
            var newlyApplied: [String] = []
            for migration in migrations where !applied.contains(migration.name) {
                self.logger.info("applying migration", metadata: ["migration": "\(migration.name)"])
                for statement in migration.statements {
                    try await connection.run(statement, logger: self.logger)
                }
                try await migration.backfill?(connection, self.logger)
                try await connection.run(
                    "INSERT INTO schema_migrations(name) VALUES (\(migration.name))", logger: self.logger)
                newlyApplied.append(migration.name)
            }
            return newlyApplied
        }
    }

    /// The migrations that are applied, in order (for `onegate migrate` and tests).
    public func appliedMigrations() async throws -> [String] {
        try await statement { connection in
            try await connection.all("SELECT name FROM schema_migrations ORDER BY name", logger: self.logger)
                .map { try $0.decode(String.self) }
        }
    }
}
