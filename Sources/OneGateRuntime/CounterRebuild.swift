import Foundation
import OneGateCore

/// `onegate kpi rebuild`: recomputes every counter from the event log and compares it with the
/// stored counters. Each dossier's row is replayed from its signed events (``DossierReplay``), the
/// replayed row must equal the stored one, and the counters are the sum of the replayed rows'
/// contributions (``CounterProjection``), the same function the live path applies per transition.
public struct CounterRebuild: Sendable {
    public let store: any OneGateStore & StoreExport
    public let service: DossierService

    public init(store: any OneGateStore & StoreExport, service: DossierService) {
        self.store = store
        self.service = service
    }

    /// One counter that differs.
    public struct Difference: Sendable, Hashable, CustomStringConvertible {
        public var tenant, unit, procedure, period, metric: String
        public var stored: Int
        public var rebuilt: Int

        public var description: String {
            "\(metric) of \(unit), \(procedure), \(period): stored \(stored), rebuilt \(rebuilt)"
        }
    }

    /// What a rebuild found.
    public struct Report: Sendable {
        public var dossiers = 0
        public var events = 0
        public var countersChecked = 0
        /// Dossiers whose events do not replay to the stored row, with why.
        public var rowProblems: [String] = []
        public var differences: [Difference] = []
        /// The rebuilt counters, by tenant (what `--repair` writes).
        public var rebuilt: [String: [CounterDelta]] = [:]

        public var isClean: Bool { rowProblems.isEmpty && differences.isEmpty }
    }

    struct Key: Hashable {
        let tenant, unit, procedure, period, metric: String
    }

    /// Replays every dossier and compares every counter. Reads page by page; memory holds the
    /// counters (small: units × procedures × months × metrics), not the dossiers.
    public func run(progress: (@Sendable (Int) -> Void)? = nil) async throws -> Report {
        var report = Report()
        var rebuilt: [Key: Int] = [:]
        var cursor: TransferCursor?
        let decoder = JSONDecoder()
        while true {
            let batch = try await store.exportBatch(.dossiers, after: cursor, limit: 500)
            guard !batch.records.isEmpty else { break }
            cursor = batch.cursor
            var rows: [Dossier] = []
            for record in batch.records {
                guard let body = record["body"].text,
                    let row = try? decoder.decode(Dossier.self, from: Data(body.utf8))
                else {
                    report.rowProblems.append("\(record["id"].text ?? "?"): the stored row does not decode")
                    continue
                }
                rows.append(row)
            }
            for (tenant, group) in Dictionary(grouping: rows, by: \.tenant) {
                let events = Dictionary(
                    grouping: try await store.events(ofDossiers: group.map(\.id), tenant: tenant), by: \.dossierID)
                for row in group {
                    report.dossiers += 1
                    let own = events[row.id] ?? []
                    report.events += own.count
                    let procedure = try await service.procedureVersion(row.procedureCode, row.procedureVersion)
                    let replayed: Dossier
                    do {
                        replayed = try DossierReplay.rebuild(
                            signedEvents: own, procedure: procedure, calendar: service.calendar,
                            seed: DossierReplay.Seed(row: row), digest: service.signer.digest)
                    } catch {
                        report.rowProblems.append("\(row.publicIdentifier): \(error)")
                        continue
                    }
                    if replayed != row {
                        report.rowProblems.append("\(row.publicIdentifier): the events replay to a different row")
                    }
                    for delta in CounterProjection.contributions(
                        of: replayed, procedure: procedure, calendar: service.calendar)
                    {
                        let key = Key(
                            tenant: tenant, unit: delta.unit, procedure: delta.procedure, period: delta.period,
                            metric: delta.metric)
                        rebuilt[key, default: 0] += delta.delta
                    }
                }
            }
            progress?(report.dossiers)
        }
        var remaining = rebuilt
        cursor = nil
        while true {
            let batch = try await store.exportBatch(.counters, after: cursor, limit: 5000)
            guard !batch.records.isEmpty else { break }
            cursor = batch.cursor
            for record in batch.records {
                let key = Key(
                    tenant: record["tenant"].text ?? "", unit: record["unit"].text ?? "",
                    procedure: record["procedure"].text ?? "", period: record["period"].text ?? "",
                    metric: record["metric"].text ?? "")
                let stored = Int(record["value"].integer ?? 0)
                let expected = remaining.removeValue(forKey: key) ?? 0
                report.countersChecked += 1
                if stored != expected { report.differences.append(Self.difference(key, stored, expected)) }
            }
        }
        for (key, expected) in remaining where expected != 0 {
            report.differences.append(Self.difference(key, 0, expected))
        }
        report.differences.sort { $0.description < $1.description }
        for (key, value) in rebuilt where value != 0 {
            report.rebuilt[key.tenant, default: []].append(
                CounterDelta(
                    unit: key.unit, procedure: key.procedure, period: key.period, metric: key.metric, delta: value))
        }
        return report
    }

    /// Writes the rebuilt counters over the stored ones, tenant by tenant.
    public func repair(_ report: Report) async throws {
        for (tenant, rows) in report.rebuilt { try await store.replaceCounters(rows, tenant: tenant) }
    }

    static func difference(_ key: Key, _ stored: Int, _ rebuilt: Int) -> Difference {
        Difference(
            tenant: key.tenant, unit: key.unit, procedure: key.procedure, period: key.period, metric: key.metric,
            stored: stored, rebuilt: rebuilt)
    }
}
