import Foundation
import GRDB
import OneGateCore

/// The schema, as append-only numbered migrations. The PostgreSQL adapter keeps the same list of
/// meanings. Every large table carries the province (tenant) key first in its primary key, so that
/// a distributed PostgreSQL can shard by it.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("0001_core") { db in
            try db.execute(
                sql: """
                    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    CREATE TABLE units (
                        tenant TEXT NOT NULL, code TEXT NOT NULL, parent TEXT, kind TEXT NOT NULL, body TEXT NOT NULL,
                        PRIMARY KEY (tenant, code));
                    CREATE TABLE officers (
                        tenant TEXT NOT NULL, id TEXT NOT NULL, username TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,
                        body TEXT NOT NULL, PRIMARY KEY (tenant, id));
                    CREATE UNIQUE INDEX officers_id ON officers(id);
                    CREATE TABLE applicants (
                        tenant TEXT NOT NULL, id TEXT NOT NULL, identifier TEXT NOT NULL, username TEXT UNIQUE,
                        password_hash TEXT, body TEXT NOT NULL, PRIMARY KEY (tenant, id), UNIQUE (tenant, identifier));
                    CREATE UNIQUE INDEX applicants_id ON applicants(id);
                    CREATE TABLE sessions (
                        token_hash TEXT PRIMARY KEY, principal_kind TEXT NOT NULL, principal_id TEXT NOT NULL,
                        created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
                    CREATE TABLE procedures (
                        tenant TEXT NOT NULL, code TEXT NOT NULL, version INTEGER NOT NULL, current INTEGER NOT NULL,
                        level TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (tenant, code, version));
                    CREATE INDEX procedures_current ON procedures(tenant, current, code);
                    CREATE VIRTUAL TABLE procedure_search USING fts5(
                        tenant UNINDEXED, code UNINDEXED, level UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2');
                    CREATE TABLE documents (
                        tenant TEXT NOT NULL, sha256 TEXT NOT NULL, content_type TEXT NOT NULL, size INTEGER NOT NULL,
                        bytes BLOB NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (tenant, sha256));
                    CREATE TABLE document_owners (
                        tenant TEXT NOT NULL, sha256 TEXT NOT NULL, owner TEXT NOT NULL, PRIMARY KEY (tenant, sha256, owner));
                    CREATE TABLE credentials (
                        serial TEXT PRIMARY KEY, subject TEXT NOT NULL, certificate BLOB NOT NULL, private_key BLOB NOT NULL,
                        not_before INTEGER NOT NULL, not_after INTEGER NOT NULL, revoked_at INTEGER);
                    CREATE INDEX credentials_subject ON credentials(subject);
                    CREATE TABLE dossiers (
                        tenant TEXT NOT NULL, id TEXT NOT NULL, code TEXT, reference TEXT NOT NULL,
                        procedure_code TEXT NOT NULL, applicant_id TEXT NOT NULL, receiving_unit TEXT NOT NULL,
                        competent_unit TEXT NOT NULL, state TEXT NOT NULL, assignee TEXT, due_at INTEGER,
                        submitted_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, version INTEGER NOT NULL,
                        body TEXT NOT NULL, PRIMARY KEY (tenant, id));
                    CREATE UNIQUE INDEX dossiers_id ON dossiers(id);
                    CREATE UNIQUE INDEX dossiers_code ON dossiers(tenant, code) WHERE code IS NOT NULL;
                    CREATE UNIQUE INDEX dossiers_reference ON dossiers(tenant, reference);
                    CREATE INDEX dossiers_competent ON dossiers(tenant, competent_unit, state, due_at);
                    CREATE INDEX dossiers_receiving ON dossiers(tenant, receiving_unit, state, due_at);
                    CREATE INDEX dossiers_applicant ON dossiers(tenant, applicant_id, submitted_at);
                    CREATE INDEX dossiers_assignee ON dossiers(tenant, assignee, state, due_at);
                    CREATE TABLE events (
                        tenant TEXT NOT NULL, dossier_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL,
                        at INTEGER NOT NULL, actor_id TEXT NOT NULL, actor_role TEXT NOT NULL, actor_unit TEXT NOT NULL,
                        canonical BLOB NOT NULL, signature BLOB NOT NULL, certificate_serial TEXT NOT NULL,
                        hash TEXT NOT NULL, PRIMARY KEY (tenant, dossier_id, seq));
                    CREATE TABLE code_sequences (
                        tenant TEXT NOT NULL, unit TEXT NOT NULL, day TEXT NOT NULL, last INTEGER NOT NULL,
                        PRIMARY KEY (tenant, unit, day));
                    CREATE TABLE idempotency_keys (
                        principal TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status INTEGER NOT NULL,
                        body BLOB NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (principal, key));
                    CREATE TABLE counters (
                        tenant TEXT NOT NULL, unit TEXT NOT NULL, procedure TEXT NOT NULL, period TEXT NOT NULL,
                        metric TEXT NOT NULL, value INTEGER NOT NULL,
                        PRIMARY KEY (tenant, unit, period, metric, procedure));
                    CREATE TABLE jobs (
                        tenant TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL,
                        run_at INTEGER NOT NULL, claimed_by TEXT, claimed_at INTEGER, done_at INTEGER,
                        attempts INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (tenant, id));
                    CREATE INDEX jobs_due ON jobs(done_at, run_at);
                    """)
        }
        migrator.registerMigration("0002_drafts") { db in
            try db.execute(
                sql: """
                    CREATE TABLE drafts (
                        tenant TEXT NOT NULL, id TEXT NOT NULL, applicant_id TEXT NOT NULL, procedure_code TEXT NOT NULL,
                        body TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
                        PRIMARY KEY (tenant, id));
                    CREATE INDEX drafts_by_applicant ON drafts(tenant, applicant_id, updated_at);
                    CREATE TABLE evaluations (
                        tenant TEXT NOT NULL, dossier_id TEXT NOT NULL, applicant_id TEXT NOT NULL,
                        rating INTEGER NOT NULL, comment TEXT NOT NULL, created_at INTEGER NOT NULL,
                        PRIMARY KEY (tenant, dossier_id));
                    CREATE INDEX document_owners_by_owner ON document_owners(tenant, owner);
                    """)
        }
        migrator.registerMigration("0003_open_dossiers") { db in
            // The columns "open dossiers past due" is answered from (kpi.md): an indicator that
            // depends on the instant asked about cannot be a counter, so it is an index range.
            try db.execute(
                sql: """
                    ALTER TABLE dossiers ADD COLUMN received_at INTEGER;
                    ALTER TABLE dossiers ADD COLUMN overdue_from INTEGER;
                    ALTER TABLE dossiers ADD COLUMN extended INTEGER NOT NULL DEFAULT 0;
                    """)
            try backfillOpenDossierColumns(db)
            try db.execute(
                sql: """
                    CREATE INDEX dossiers_overdue ON dossiers(tenant, competent_unit, overdue_from)
                        WHERE overdue_from IS NOT NULL;
                    """)
        }
        migrator.registerMigration("0004_period_columns") { db in
            // Lists by period (the ledger, the dossiers behind a figure) read a range of one of
            // these instead of every dossier of the unit.
            try db.execute(sql: "ALTER TABLE dossiers ADD COLUMN finished_at INTEGER")
            try backfillOpenDossierColumns(db)
            try db.execute(
                sql: """
                    CREATE INDEX dossiers_received_at ON dossiers(tenant, received_at) WHERE received_at IS NOT NULL;
                    CREATE INDEX dossiers_finished_at ON dossiers(tenant, finished_at) WHERE finished_at IS NOT NULL;
                    """)
        }
        migrator.registerMigration("0005_indicator_rollups") { db in
            // A province dashboard over 10 million dossiers (kpi.md) must not sum hundreds of
            // thousands of counter rows: triggers keep two roll-ups of `counters` in the same
            // transaction as every counter write (commit, bulk load, repair, import) — by unit and
            // year, and over all units by month and by year — and the counter questions read them
            // when the question covers whole years or every unit (SQLiteStore+Indicators).
            try db.execute(
                sql: """
                    CREATE TABLE counter_years (
                        tenant TEXT NOT NULL, unit TEXT NOT NULL, year TEXT NOT NULL, procedure TEXT NOT NULL,
                        metric TEXT NOT NULL, value INTEGER NOT NULL,
                        PRIMARY KEY (tenant, unit, year, metric, procedure)) WITHOUT ROWID;
                    CREATE TABLE counter_all_units (
                        tenant TEXT NOT NULL, period TEXT NOT NULL, procedure TEXT NOT NULL, metric TEXT NOT NULL,
                        value INTEGER NOT NULL, PRIMARY KEY (tenant, period, metric, procedure)) WITHOUT ROWID;
                    INSERT INTO counter_years(tenant, unit, year, procedure, metric, value)
                        SELECT tenant, unit, substr(period, 1, 4), procedure, metric, SUM(value) FROM counters
                        GROUP BY tenant, unit, substr(period, 1, 4), procedure, metric;
                    INSERT INTO counter_all_units(tenant, period, procedure, metric, value)
                        SELECT tenant, period, procedure, metric, SUM(value) FROM counters
                        GROUP BY tenant, period, procedure, metric;
                    INSERT INTO counter_all_units(tenant, period, procedure, metric, value)
                        SELECT tenant, substr(period, 1, 4), procedure, metric, SUM(value) FROM counters
                        GROUP BY tenant, substr(period, 1, 4), procedure, metric;
                    \(rollupTrigger("counters_rollup_insert", "AFTER INSERT", add: "new"))
                    \(rollupTrigger("counters_rollup_delete", "AFTER DELETE", subtract: "old"))
                    \(rollupTrigger("counters_rollup_update", "AFTER UPDATE", add: "new", subtract: "old"))
                    CREATE INDEX counters_covering ON counters(tenant, unit, period, procedure, metric, value);
                    DROP INDEX dossiers_overdue;
                    CREATE INDEX dossiers_open_overdue ON dossiers(tenant, competent_unit, overdue_from, received_at, extended)
                        WHERE overdue_from IS NOT NULL;
                    """)
        }
        migrator.registerMigration("0006_results_transparency") { db in
            // Results as issued (the signed PDF is a document) and the instance's append-only
            // transparency log (results.md): leaves in order, signed tree heads.
            try db.execute(
                sql: """
                    CREATE TABLE results (
                        tenant TEXT NOT NULL, dossier_id TEXT NOT NULL, dossier_code TEXT NOT NULL,
                        number TEXT NOT NULL, document TEXT NOT NULL, issued_at INTEGER NOT NULL,
                        status TEXT NOT NULL, body TEXT NOT NULL,
                        PRIMARY KEY (tenant, dossier_id));
                    CREATE INDEX results_number ON results(tenant, dossier_code, number);
                    CREATE INDEX results_document ON results(tenant, document);
                    CREATE TABLE transparency_log (
                        tenant TEXT NOT NULL, idx INTEGER NOT NULL, entry BLOB NOT NULL, leaf_hash BLOB NOT NULL,
                        at INTEGER NOT NULL, PRIMARY KEY (tenant, idx)) WITHOUT ROWID;
                    CREATE TABLE tree_heads (
                        tenant TEXT NOT NULL, size INTEGER NOT NULL, root TEXT NOT NULL, at INTEGER NOT NULL,
                        canonical BLOB NOT NULL, signature BLOB NOT NULL, certificate_serial TEXT NOT NULL,
                        PRIMARY KEY (tenant, size));
                    """)
        }
        migrator.registerMigration("0007_eid_sign_in") { db in
            // Sign-in with the national e-ID: the assurance level of each session, and the sign-ins
            // in progress (state, nonce, PKCE verifier) that any server can finish once.
            try db.execute(
                sql: """
                    ALTER TABLE sessions ADD COLUMN assurance INTEGER;
                    CREATE TABLE sign_in_flows (
                        state TEXT PRIMARY KEY, nonce TEXT NOT NULL, verifier TEXT NOT NULL, next TEXT,
                        created_at INTEGER NOT NULL);
                    """)
        }
        migrator.registerMigration("0008_access_log") { db in
            // "Who used my data": each person's reads, signed and chained (the columns are what the
            // page lists; the canonical bytes are what is signed).
            try db.execute(
                sql: """
                    CREATE TABLE access_log (
                        tenant TEXT NOT NULL, subject TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL,
                        actor TEXT NOT NULL, action TEXT NOT NULL, canonical BLOB NOT NULL, hash TEXT NOT NULL,
                        signature BLOB NOT NULL, certificate_serial TEXT NOT NULL,
                        PRIMARY KEY (tenant, subject, seq)) WITHOUT ROWID;
                    """)
        }
        return migrator
    }

    /// A trigger adding a counter row's value (`new`) and/or subtracting the old one (`old`) in
    /// both roll-ups.
    static func rollupTrigger(_ name: String, _ event: String, add: String? = nil, subtract: String? = nil) -> String {
        var body = ""
        for (row, sign) in [(subtract, "-"), (add, "")] {
            guard let row else { continue }
            body += """
                INSERT INTO counter_years(tenant, unit, year, procedure, metric, value)
                VALUES (\(row).tenant, \(row).unit, substr(\(row).period, 1, 4), \(row).procedure, \(row).metric, \(sign)\(row).value)
                ON CONFLICT(tenant, unit, year, metric, procedure) DO UPDATE SET value = value + excluded.value;
                INSERT INTO counter_all_units(tenant, period, procedure, metric, value)
                VALUES (\(row).tenant, \(row).period, \(row).procedure, \(row).metric, \(sign)\(row).value)
                ON CONFLICT(tenant, period, metric, procedure) DO UPDATE SET value = value + excluded.value;
                INSERT INTO counter_all_units(tenant, period, procedure, metric, value)
                VALUES (\(row).tenant, substr(\(row).period, 1, 4), \(row).procedure, \(row).metric, \(sign)\(row).value)
                ON CONFLICT(tenant, period, metric, procedure) DO UPDATE SET value = value + excluded.value;

                """
        }
        return "CREATE TRIGGER \(name) \(event) ON counters BEGIN\n\(body)END;"
    }

    /// Fills the open-dossier columns of rows written before they existed, a page at a time.
    static func backfillOpenDossierColumns(_ db: Database) throws {
        let decoder = JSONDecoder()
        var after: (String, String) = ("", "")
        while true {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT tenant, id, body FROM dossiers WHERE (tenant, id) > (?, ?) ORDER BY tenant, id LIMIT 1000
                    """, arguments: [after.0, after.1])
            guard let last = rows.last else { return }
            for row in rows {
                let dossier = try decoder.decode(Dossier.self, from: Data(try StoredJSON.bytes(row["body"])))
                let columns = OpenDossierColumns(dossier)
                try db.execute(
                    sql:
                        "UPDATE dossiers SET received_at = ?, overdue_from = ?, extended = ? WHERE tenant = ? AND id = ?",
                    arguments: [
                        columns.receivedAt.map(SQLiteStore.millis), columns.overdueFrom.map(SQLiteStore.millis),
                        columns.extended ? 1 : 0, row["tenant"] as String, row["id"] as String,
                    ])
            }
            after = (last["tenant"], last["id"])
        }
    }
}
