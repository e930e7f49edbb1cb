import Foundation
import Logging
import OneGateCore
import OneGatePostgres
import OneGateSQLite
import OneGateSigning

/// Copies a whole instance from one store to another (`onegate migrate-store`, typically SQLite to
/// PostgreSQL) and checks the copy.
///
/// - The target must be empty when a copy begins; anything else is refused.
/// - The source is only read (a SQLite source is opened read-only). Stop the servers first: a
///   source that changes during the copy makes the check fail.
/// - Tables are copied in pages (`batchSize` rows, `documentBatchSize` documents), so memory stays
///   bounded whatever the size of the instance.
/// - Resumable: the target records, in the transaction of each page, how far the copy got. Running
///   the copy again after a failure continues after the last page stored, and only from the same source.
/// - The check, after the copy: every table has as many rows as in the source, with the same content
///   (an order-independent SHA-256 digest of the rows); every dossier's chain verifies with the
///   instance's verifier, has as many events as its version and ends at its `lastEventHash`; every
///   counter equals the rebuild from the dossier rows (`CounterProjection`); every document's bytes
///   hash to its key. Only then is the record of the copy removed from the target.
public struct StoreMigration: Sendable {
    public let source: any StoreExport
    /// The source as written in reports and in the target's record of the copy (no password).
    public let sourceDescription: String
    public let target: any OneGateStore & StoreTransfer
    public let targetDescription: String
    /// The instance's configuration: its secret opens the signing keys, its calendar dates counters.
    public let configuration: InstanceConfiguration
    public var batchSize = 500
    /// Documents are copied a few at a time: each may be up to 20 MB.
    public var documentBatchSize = 8
    /// Receives one line per step (tables copied, tables checked).
    public var log: @Sendable (String) -> Void = { _ in }

    public init(
        source: any StoreExport, sourceDescription: String, target: any OneGateStore & StoreTransfer,
        targetDescription: String, configuration: InstanceConfiguration
    ) {
        self.source = source
        self.sourceDescription = sourceDescription
        self.target = target
        self.targetDescription = targetDescription
        self.configuration = configuration
    }

    // MARK: - Opening the two stores

    /// Opens the store at `location` (`sqlite:PATH`, relative paths inside `folder`, or
    /// `postgres://…`) read-only, as the source of a copy.
    public static func openSource(_ location: String, folder: URL) async throws -> OpenedEndpoint<any StoreExport> {
        if let url = postgresURL(location) {
            let store = try await PostgresStore.connect(url: url, logger: logger, migrate: false)
            return OpenedEndpoint(store: store, description: try describe(location, folder: folder)) {
                await store.shutdown()
            }
        }
        let source = try SQLiteStore.openForExport(path: try sqlitePath(location, folder: folder))
        return OpenedEndpoint(store: source, description: try describe(location, folder: folder)) {}
    }

    /// Opens (creating and migrating its schema if needed) the store at `location`, as the target.
    public static func openTarget(
        _ location: String, folder: URL
    ) async throws -> OpenedEndpoint<any OneGateStore & StoreTransfer> {
        if let url = postgresURL(location) {
            let store = try await PostgresStore.connect(url: url, logger: logger)
            return OpenedEndpoint(store: store, description: try describe(location, folder: folder)) {
                await store.shutdown()
            }
        }
        let store = try SQLiteStore(path: try sqlitePath(location, folder: folder))
        return OpenedEndpoint(store: store, description: try describe(location, folder: folder)) {}
    }

    /// A store opened for a copy, with how to close it.
    public struct OpenedEndpoint<Store: Sendable>: Sendable {
        public let store: Store
        public let description: String
        public let close: @Sendable () async -> Void
    }

    /// `location` without its password (or the absolute path of a SQLite file): how reports name it,
    /// and how a resumed copy recognises its source.
    public static func describe(_ location: String, folder: URL) throws -> String {
        if let url = postgresURL(location) {
            let parsed = try PostgresLocation(url: url)
            return "postgres://\(parsed.username)@\(parsed.host):\(parsed.port)/\(parsed.database)"
        }
        return "sqlite:" + URL(fileURLWithPath: try sqlitePath(location, folder: folder)).standardizedFileURL.path
    }

    private static func postgresURL(_ location: String) -> String? {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") ? location : nil
    }

    private static func sqlitePath(_ location: String, folder: URL) throws -> String {
        var configuration = InstanceConfiguration(instanceName: "", tenant: "", secret: "")
        configuration.store = location
        return try configuration.sqlitePath(in: folder)
    }

    private static let logger: Logger = {
        var logger = Logger(label: "onegate.migrate-store")
        logger.logLevel = .warning
        return logger
    }()

    // MARK: - Copy

    /// Copies every table (or resumes a copy of the same source), then checks the copy; when the
    /// check passes, the target's record of the copy is removed and the target is ready to serve.
    public func run() async throws -> StoreMigrationReport {
        try await copy()
        let report = try await verify()
        if report.ok { try await target.saveTransferProgress(nil) }
        return report
    }

    /// Copies every table not copied yet. Returns the rows copied, by table.
    @discardableResult
    public func copy() async throws -> [TransferTable: Int] {
        guard sourceDescription != targetDescription else {
            throw Self.failure("same_store", "The source and the target are the same store.")
        }
        let sourceSchema = try await source.appliedMigrations()
        let targetSchema = try await target.appliedMigrations()
        guard !sourceSchema.isEmpty else {
            throw Self.failure("source_not_an_instance", "\(sourceDescription) holds no OneGate store.")
        }
        guard sourceSchema == targetSchema else {
            throw Self.failure(
                "schema_mismatch",
                "The source's migrations (\(sourceSchema.joined(separator: ", "))) differ from the target's "
                    + "(\(targetSchema.joined(separator: ", "))); run `onegate migrate` on the source first.")
        }
        var progress = try await beginOrResume()
        while let table = progress.table {
            let limit = table == .documents ? documentBatchSize : batchSize
            let batch = try await source.exportBatch(table, after: progress.cursor, limit: limit)
            if batch.records.isEmpty {
                log("copied \(table.rawValue): \(progress.copied[table.rawValue] ?? 0) rows")
                progress.table = Self.table(after: table)
                progress.cursor = nil
                try await target.saveTransferProgress(progress)
                continue
            }
            progress.cursor = batch.cursor
            progress.copied[table.rawValue, default: 0] += batch.records.count
            do {
                try await target.importBatch(table, records: batch.records, progress: progress)
            } catch {
                // The type only: a database error's text may quote the row.
                throw Self.failure(
                    "copy_failed",
                    "Copying \(table.rawValue) failed after \(progress.copied[table.rawValue] ?? 0) rows "
                        + "(\(String(reflecting: type(of: error)))). Run the same command again to resume.",
                    details: ["table": table.rawValue])
            }
        }
        return Dictionary(
            uniqueKeysWithValues: progress.copied.compactMap { name, count in
                TransferTable(rawValue: name).map { ($0, count) }
            })
    }

    /// A new record of the copy on an empty target, or the record of an unfinished copy of this source.
    private func beginOrResume() async throws -> TransferProgress {
        if let existing = try await target.transferProgress() {
            guard existing.source == sourceDescription else {
                throw Self.failure(
                    "other_copy_in_progress",
                    "\(targetDescription) holds an unfinished copy of \(existing.source), not of "
                        + "\(sourceDescription). Resume that copy, or start again on an empty database.")
            }
            log(
                "resuming the copy begun \(Timestamp.format(existing.startedAt)) at "
                    + (existing.table?.rawValue ?? "the check"))
            return existing
        }
        for table in TransferTable.allCases {
            let rows = try await target.transferCount(table)
            guard rows == 0 else {
                throw Self.failure(
                    "target_not_empty",
                    "\(targetDescription) is not empty (\(table.rawValue): \(rows) rows). A copy goes only into "
                        + "an empty store: create a new database (or drop this one) and run the command again.",
                    details: ["table": table.rawValue])
            }
        }
        let progress = TransferProgress(
            source: sourceDescription, startedAt: Date(), table: TransferTable.allCases.first, cursor: nil)
        try await target.saveTransferProgress(progress)
        return progress
    }

    private static func table(after table: TransferTable) -> TransferTable? {
        let all = TransferTable.allCases
        guard let index = all.firstIndex(of: table), index + 1 < all.count else { return nil }
        return all[index + 1]
    }

    static func failure(_ code: String, _ message: String, details: [String: String] = [:]) -> OneGateError {
        OneGateError(.conflict, code, vi: message, en: message, details: details)
    }

    // MARK: - Check

    /// Compares the target with the source and checks the target on its own (see the type's
    /// documentation). Reads both stores; writes neither.
    public func verify() async throws -> StoreMigrationReport {
        let credentials = try await Self.all(.credentials, of: source).map(Self.credential)
        // The instance's own verifier, started over the source's keys held in memory: starting it on
        // a store may issue a missing reception key, and neither store is to be written here.
        let signer = try await InstanceSigner.start(
            store: MemoryCredentials(credentials), masterKey: try MasterKey(secret: configuration.secret),
            instanceName: configuration.instanceName)
        var checker = TargetChecker(
            target: target, verifier: try signer.verifier(), digest: signer.digest,
            calendar: try WorkingCalendar(configuration: configuration.calendar))
        for table in TransferTable.allCases {
            let limit = table == .documents ? documentBatchSize : batchSize
            let digest = signer.digest
            async let sourceTally = Self.tally(table, of: source, limit: limit, digest: digest)
            var targetTally = ContentTally()
            var cursor: TransferCursor?
            while true {
                let batch = try await target.exportBatch(table, after: cursor, limit: limit)
                guard !batch.records.isEmpty else { break }
                for record in batch.records { targetTally.add(record, digest: digest) }
                try await checker.check(batch.records)
                cursor = batch.cursor
            }
            let sourceRows = try await sourceTally
            checker.report.compare(table, source: sourceRows, target: targetTally)
            log("checked \(table.rawValue): \(targetTally.count) rows")
        }
        checker.finish()
        return checker.report
    }

    /// Every row of a small table (the credentials).
    private static func all(_ table: TransferTable, of store: any StoreExport) async throws -> [TransferRecord] {
        var records: [TransferRecord] = []
        var cursor: TransferCursor?
        while true {
            let batch = try await store.exportBatch(table, after: cursor, limit: 500)
            guard !batch.records.isEmpty else { return records }
            records += batch.records
            cursor = batch.cursor
        }
    }

    private static func tally(
        _ table: TransferTable, of store: any StoreExport, limit: Int, digest: @escaping @Sendable ([UInt8]) -> String
    ) async throws -> ContentTally {
        var tally = ContentTally()
        var cursor: TransferCursor?
        while true {
            let batch = try await store.exportBatch(table, after: cursor, limit: limit)
            guard !batch.records.isEmpty else { return tally }
            for record in batch.records { tally.add(record, digest: digest) }
            cursor = batch.cursor
        }
    }

    static func credential(_ record: TransferRecord) throws -> StoredCredential {
        guard let serial = record["serial"].text, let subject = record["subject"].text,
            let certificate = record["certificate"].bytes, let key = record["private_key"].bytes,
            let notBefore = record["not_before"].integer, let notAfter = record["not_after"].integer
        else { throw Self.failure("transfer_malformed", "A stored credential is incomplete.") }
        return StoredCredential(
            serial: serial, subject: subject, certificateDER: certificate, encryptedPrivateKey: key,
            notBefore: date(notBefore), notAfter: date(notAfter), revokedAt: record["revoked_at"].integer.map(date))
    }

    static func date(_ millis: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(millis) / 1000) }
}

/// What the check of a copy found.
public struct StoreMigrationReport: Sendable, CustomStringConvertible {
    /// One table of the source and the target side by side.
    public struct TableCheck: Sendable, Hashable {
        public var table: TransferTable
        public var sourceRows: Int
        public var targetRows: Int
        /// Whether the rows hold the same values (an order-independent digest of all of them).
        public var sameContent: Bool
    }

    public var tables: [TableCheck] = []
    public var dossiersChecked = 0
    public var eventsVerified = 0
    public var countersChecked = 0
    public var documentsChecked = 0
    /// The first problems found (at most `problemLimit`); `problemCount` counts them all.
    public private(set) var problems: [String] = []
    public private(set) var problemCount = 0
    public static let problemLimit = 100

    /// True when nothing is wrong: the copy is complete and sound.
    public var ok: Bool { problemCount == 0 }

    mutating func problem(_ text: String) {
        problemCount += 1
        if problems.count < Self.problemLimit { problems.append(text) }
    }

    mutating func compare(_ table: TransferTable, source: ContentTally, target: ContentTally) {
        let check = TableCheck(
            table: table, sourceRows: source.count, targetRows: target.count, sameContent: source == target)
        tables.append(check)
        if check.sourceRows != check.targetRows {
            problem("\(table.rawValue): \(check.targetRows) rows in the target, \(check.sourceRows) in the source")
        } else if !check.sameContent {
            problem("\(table.rawValue): the rows differ from the source's")
        }
    }

    public var description: String {
        var lines = tables.map { check in
            let name = check.table.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)
            let verdict = check.sourceRows == check.targetRows && check.sameContent ? "same" : "DIFFERENT"
            return "  \(name) source \(check.sourceRows), target \(check.targetRows): \(verdict)"
        }
        lines.append(
            "  \(dossiersChecked) dossiers: \(eventsVerified) events verified; \(countersChecked) counters and "
                + "\(documentsChecked) documents checked")
        if ok {
            lines.append("Check passed.")
        } else {
            lines.append("Check FAILED: \(problemCount) problem(s).")
            lines += problems.map { "  - \($0)" }
            if problemCount > problems.count { lines.append("  … and \(problemCount - problems.count) more") }
        }
        return lines.joined(separator: "\n")
    }
}

/// How many rows a table has and what they hold, whatever their order: the SHA-256 of each row's
/// values, added up lane by lane. Equal tallies mean equal rows, barring a deliberate collision.
struct ContentTally: Sendable, Hashable {
    private(set) var count = 0
    private var lanes: [UInt64] = [0, 0, 0, 0]

    mutating func add(_ record: TransferRecord, digest: ([UInt8]) -> String) {
        count += 1
        let hex = Array(digest(Self.encode(record)).utf8)
        for lane in 0..<4 {
            var value: UInt64 = 0
            for character in hex[(lane * 16)..<(lane * 16 + 16)] {
                value = value << 4 | UInt64(Self.nibble(character))
            }
            lanes[lane] &+= value
        }
    }

    private static func nibble(_ character: UInt8) -> UInt8 {
        character >= UInt8(ascii: "a") ? character - UInt8(ascii: "a") + 10 : character - UInt8(ascii: "0")
    }

    /// Each value tagged with its kind and length, so that no two different rows encode alike.
    static func encode(_ record: TransferRecord) -> [UInt8] {
        var bytes: [UInt8] = Array(record.table.rawValue.utf8) + [0]
        func append(_ tag: UInt8, _ payload: [UInt8]) {
            bytes.append(tag)
            withUnsafeBytes(of: UInt64(payload.count).bigEndian) { bytes += $0 }
            bytes += payload
        }
        for value in record.values {
            switch value {
            case .null: append(0, [])
            case .integer(let number): append(1, withUnsafeBytes(of: number.bigEndian) { Array($0) })
            case .text(let text): append(2, Array(text.utf8))
            case .bytes(let payload): append(3, payload)
            }
        }
        return bytes
    }
}

/// The checks of the target on its own, fed page by page: chains, counters, documents.
struct TargetChecker {
    let target: any OneGateStore & StoreTransfer
    let verifier: EventVerifier
    let digest: @Sendable ([UInt8]) -> String
    let calendar: WorkingCalendar
    var report = StoreMigrationReport()
    /// The counters rebuilt from the dossier rows seen so far, by tenant and counter key.
    private var rebuilt: [CounterID: Int] = [:]
    private var procedures: [String: Procedure] = [:]

    init(
        target: any OneGateStore & StoreTransfer, verifier: EventVerifier,
        digest: @escaping @Sendable ([UInt8]) -> String,
        calendar: WorkingCalendar
    ) {
        self.target = target
        self.verifier = verifier
        self.digest = digest
        self.calendar = calendar
    }

    struct CounterID: Hashable {
        let tenant, unit, procedure, period, metric: String
    }

    mutating func check(_ records: [TransferRecord]) async throws {
        guard let table = records.first?.table else { return }
        switch table {
        case .dossiers: try await checkDossiers(records)
        case .counters: checkCounters(records)
        case .documents: checkDocuments(records)
        default: break
        }
    }

    /// Chains (events verified, as many as the version, ending at the row's hash) and the counters
    /// these dossiers should add up to. The table precedes `counters` in `TransferTable.allCases`.
    private mutating func checkDossiers(_ records: [TransferRecord]) async throws {
        var byTenant: [String: [Dossier]] = [:]
        let decoder = JSONDecoder()
        for record in records {
            guard let body = record["body"].text,
                let dossier = try? decoder.decode(Dossier.self, from: Data(body.utf8))
            else {
                report.problem("dossier \(record["id"].text ?? "?"): the stored row does not decode")
                continue
            }
            byTenant[dossier.tenant, default: []].append(dossier)
        }
        for (tenant, dossiers) in byTenant {
            let events = Dictionary(
                grouping: try await target.events(ofDossiers: dossiers.map(\.id), tenant: tenant), by: \.dossierID)
            for dossier in dossiers {
                let name = dossier.code ?? dossier.reference
                let chain = events[dossier.id] ?? []
                let verification = verifier.verify(chain)
                report.dossiersChecked += 1
                report.eventsVerified += verification.checkedEvents
                if let failure = verification.failure {
                    report.problem("dossier \(name) (\(dossier.id)): \(failure)")
                } else if chain.count != dossier.version || chain.last?.hash != dossier.lastEventHash {
                    report.problem(
                        "dossier \(name) (\(dossier.id)): \(chain.count) events for version \(dossier.version), "
                            + "or the last event is not the row's")
                }
            }
            for dossier in dossiers where procedures[Self.procedureKey(dossier)] == nil {
                if let procedure = try await target.procedure(
                    code: dossier.procedureCode, version: dossier.procedureVersion, tenant: tenant)
                {
                    procedures[Self.procedureKey(dossier)] = procedure
                }
            }
            let known = procedures
            for delta in CounterProjection.totals(
                of: dossiers, procedure: { known[Self.procedureKey($0)] }, calendar: calendar)
            {
                let id = CounterID(
                    tenant: tenant, unit: delta.unit, procedure: delta.procedure, period: delta.period,
                    metric: delta.metric)
                rebuilt[id, default: 0] += delta.delta
            }
        }
    }

    private static func procedureKey(_ dossier: Dossier) -> String {
        "\(dossier.tenant)|\(dossier.procedureCode)@\(dossier.procedureVersion)"
    }

    /// Each stored counter against the rebuild; what is left of the rebuild afterwards is missing.
    private mutating func checkCounters(_ records: [TransferRecord]) {
        for record in records {
            let id = CounterID(
                tenant: record["tenant"].text ?? "", unit: record["unit"].text ?? "",
                procedure: record["procedure"].text ?? "", period: record["period"].text ?? "",
                metric: record["metric"].text ?? "")
            let stored = Int(record["value"].integer ?? 0)
            let expected = rebuilt.removeValue(forKey: id) ?? 0
            report.countersChecked += 1
            if stored != expected {
                report.problem(
                    "counter \(id.metric) of \(id.unit), \(id.procedure), \(id.period): \(stored), rebuilt \(expected)")
            }
        }
    }

    private mutating func checkDocuments(_ records: [TransferRecord]) {
        for record in records {
            let bytes = record["bytes"].bytes ?? []
            let key = record["sha256"].text ?? ""
            report.documentsChecked += 1
            if digest(bytes) != key || record["size"].integer != Int64(bytes.count) {
                report.problem("document \(key): its bytes do not hash to its key (or not of its size)")
            }
        }
    }

    /// Reports the rebuilt counters that no stored counter matched.
    mutating func finish() {
        for (id, value) in rebuilt.sorted(by: { "\($0.key)" < "\($1.key)" }) where value != 0 {
            report.problem(
                "counter \(id.metric) of \(id.unit), \(id.procedure), \(id.period): missing, rebuilt \(value)")
        }
        rebuilt = [:]
    }
}

/// Credentials held in memory: where the check starts the instance's signer, so that it writes nothing.
private actor MemoryCredentials: CredentialStore {
    private var credentials: [StoredCredential]

    init(_ credentials: [StoredCredential]) { self.credentials = credentials }

    func allCredentials() -> [StoredCredential] { credentials }

    func saveCredential(_ credential: StoredCredential) { credentials.append(credential) }

    func revokeCredential(serial: String, at: Date) {
        for index in credentials.indices
        where credentials[index].serial == serial && credentials[index].revokedAt == nil {
            credentials[index].revokedAt = at
        }
    }
}
