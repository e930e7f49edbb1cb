import ArgumentParser
import Foundation
import OneGateCore
import OneGateDemo
import OneGateRuntime
import OneGateSQLite

/// `onegate bench-indicators`: loads many dossiers (pure domain, signed events, bulk path) into a
/// fresh embedded store of the demo province, then times the dashboard's indicator questions.
struct BenchIndicatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-indicators",
        abstract: "Load N signed dossiers through the bulk path and time the indicator queries.")

    @Option(help: "Dossiers to generate.") var dossiers: Int = 200_000
    @Option(help: "Months of history before now.") var months: Int = 24
    @Option(help: "Dossiers per transaction.") var batch: Int = 5000
    @Option(help: "Repetitions of each query after a warm-up.") var repetitions: Int = 200
    @Option(help: "Folder for the benchmark's instance (emptied first).") var data: String = ".bench-indicators"
    @Flag(help: "Only measure the queries on an existing folder (no load).") var measureOnly = false

    func run() async throws {
        guard dossiers > 0, batch > 0, repetitions > 0 else { throw ValidationError("Counts must be positive.") }
        let folder = URL(fileURLWithPath: data, isDirectory: true).standardizedFileURL
        let province = try DemoProvince.load()
        let now = Date()
        let start = now.addingTimeInterval(-Double(months) * 30.44 * 86_400)
        let configuration: InstanceConfiguration
        if measureOnly {
            configuration = try InstanceConfiguration.load(from: folder)
        } else {
            try? FileManager.default.removeItem(at: folder)
            configuration = InstanceConfiguration(
                instanceName: province.instanceName, tenant: province.tenant,
                secret: InstanceConfiguration.newSecret())
            try configuration.save(to: folder)
        }
        let instance = try await Instance.open(
            folder: folder, configuration: configuration, rootNotBefore: start.addingTimeInterval(-40 * 86_400))
        guard let store = instance.store as? SQLiteStore else { throw ValidationError("The benchmark needs SQLite.") }
        let load = loadAverage()
        print("# OneGate indicator benchmark\n")
        print(
            "Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, "
                + "\(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB; load average at start \(load).\n")
        var loadSeconds: Double?
        if !measureOnly {
            loadSeconds = try await loadHistory(
                instance: instance, store: store, province: province, start: start, now: now)
        }
        try await store.checkpoint()
        for (table, rows) in try await store.rowCounts() { print("- \(table): \(rows) rows") }
        print("- data folder: \(folderSize(folder)) (du -sh)\n")
        if let loadSeconds { print("Load: \(String(format: "%.0f", loadSeconds)) s.\n") }
        try await measure(instance: instance, store: store, now: now)
        print("\nLoad average at the end: \(loadAverage()).")
    }

    private func loadHistory(
        instance: Instance, store: SQLiteStore, province: DemoProvince, start: Date, now: Date
    ) async throws -> Double {
        let (officers, applicants) = try await DemoSeeder(
            province: province, store: store, passwords: instance.dependencies.passwords
        ).seed()
        try await instance.reloadUnits()
        // Every signer's certificate from the start of the history (as the demo back-dates them).
        for officer in officers {
            try await instance.signer.issueCredential(
                for: .officer(id: officer.id, name: officer.fullName), notBefore: start.addingTimeInterval(-86_400))
        }
        try await instance.signer.issueCredential(for: .receptionService, notBefore: start.addingTimeInterval(-86_400))
        let sample = SamplePDF.bytes(title: "OneGate bench document")
        let sampleHash = instance.signer.digest(sample)
        for owner in applicants.map(\.id) + officers.map(\.id) {
            try await store.putDocument(
                StoredDocument(sha256: sampleHash, contentType: "application/pdf", bytes: sample, createdAt: start),
                owner: owner, tenant: province.tenant)
        }
        try await store.setWriterCacheSize(mebibytes: 1024)
        let history = IndicatorHistory(
            tenant: province.tenant, calendar: instance.service.calendar, tree: instance.service.units.value,
            procedures: province.procedures, officers: officers, applicants: applicants,
            codeFormat: instance.configuration.codeFormat, documentHash: sampleHash, signer: instance.signer,
            start: start, now: now, count: dossiers)
        let tasks = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var workers = (0..<tasks).map { IndicatorHistory.Worker(index: $0, of: tasks) }
        print(
            "Loading \(dossiers) dossiers over \(months) months, \(batch) per transaction, \(tasks) generating tasks…")
        let started = monotonicSeconds()
        var loaded = 0
        var events = 0
        var writing: Task<Void, any Error>?
        var lastReport = started
        for first in stride(from: 0, to: dossiers, by: batch) {
            let end = min(first + batch, dossiers)
            let current = workers
            let parts = try await withThrowingTaskGroup(of: (IndicatorHistory.Worker, [BulkDossier]).self) { group in
                for var worker in current {
                    group.addTask {
                        var made: [BulkDossier] = []
                        var index = first + worker.index
                        while index < end {
                            if let item = try await history.dossier(index, worker: &worker) { made.append(item) }
                            index += worker.of
                        }
                        return (worker, made)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            var items: [BulkDossier] = []
            var marks: [CodeSequenceMark] = []
            for (worker, made) in parts.sorted(by: { $0.0.index < $1.0.index }) {
                var worker = worker
                marks += IndicatorHistory.marks(&worker)
                workers[worker.index] = worker
                items += made
            }
            loaded += items.count
            events += items.reduce(0) { $0 + $1.events.count }
            try await writing?.value
            let bulk = BulkBatch(tenant: province.tenant, dossiers: items, codeSequences: marks)
            writing = Task { try await store.bulkLoad(bulk) }
            let clock = monotonicSeconds()
            if clock - lastReport > 30 || end == dossiers {
                lastReport = clock
                print(
                    "… \(loaded) dossiers, \(events) events, \(Int(Double(loaded) / (clock - started))) dossiers/s, "
                        + "load average \(loadAverage())")
                fflush(nil)
            }
        }
        try await writing?.value
        let seconds = monotonicSeconds() - started
        let open = workers.map(\.open).reduce(0, +)
        let skipped = workers.map(\.skipped).reduce(0, +)
        print(
            "\nLoaded \(loaded) dossiers (\(open) open, \(skipped) skipped) and \(events) signed events in "
                + "\(String(format: "%.0f", seconds)) s: \(Int(Double(loaded) / seconds)) dossiers/s, "
                + "\(Int(Double(events) / seconds)) events/s.\n")
        return seconds
    }

    private func measure(instance: Instance, store: SQLiteStore, now: Date) async throws {
        let calendar = instance.service.calendar
        let tree = instance.service.units.value
        let calculator = IndicatorCalculator(
            tenant: instance.configuration.tenant, tree: tree, calendar: calendar, counters: store,
            openDossiers: store, catalogue: try await store.currentProcedures(tenant: instance.configuration.tenant))
        guard let root = tree.roots.first?.code,
            let commune = try await busiestCommune(
                store: store, tenant: instance.configuration.tenant, tree: tree, calendar: calendar, now: now)
        else { throw ValidationError("No province or commune.") }
        let today = calendar.localDate(of: now)
        let month = ReportPeriod.month(year: today.year, month: today.month)
        let year = ReportPeriod.year(today.year)
        let thisMonth = MonthKey(year: today.year, month: today.month)
        let series = (0..<12).map { thisMonth.adding(months: $0 - 11) }
        print(
            "Queries (\(repetitions) repetitions after a warm-up of 10; province \(root), commune \(commune); "
                + "month \(thisMonth), year \(today.year), series \(series[0])…\(thisMonth)):\n")
        print("| question | p50 ms | p95 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: | ---: |")
        for (name, unit) in [("province", root), ("commune", commune)] {
            for (label, period) in [("month", month), ("year", year)] {
                try await time("report, \(name), \(label)") {
                    _ = try await calculator.report(unit: unit, period: period, now: now)
                }
                try await time("reportsOfChildren, \(name), \(label)") {
                    _ = try await calculator.reportsOfChildren(unit: unit, period: period, now: now)
                }
            }
            try await time("monthlyReports (12 months), \(name)") {
                _ = try await calculator.monthlyReports(unit: unit, months: series, now: now)
            }
        }
    }

    /// The commune with the most dossiers received this year (the hardest commune question).
    private func busiestCommune(
        store: SQLiteStore, tenant: String, tree: UnitTree, calendar: WorkingCalendar, now: Date
    ) async throws -> String? {
        let today = calendar.localDate(of: now)
        let periods = (1...today.month).map { MonthKey(year: today.year, month: $0).description }
        let communes = tree.units.values.filter { $0.kind == .commune && $0.effectiveTo == nil }.map(\.code)
        let sums = try await store.counterSumsByUnit(units: communes, periods: periods, tenant: tenant)
        return communes.max { (sums[$0]?.totals["received"] ?? 0) < (sums[$1]?.totals["received"] ?? 0) }
    }

    private func time(_ name: String, _ work: () async throws -> Void) async throws {
        for _ in 0..<10 { try await work() }
        var latencies: [Double] = []
        for _ in 0..<repetitions {
            let begin = monotonicSeconds()
            try await work()
            latencies.append((monotonicSeconds() - begin) * 1000)
        }
        let sorted = latencies.sorted()
        func p(_ q: Double) -> String {
            let index = min(sorted.count - 1, max(0, Int((q / 100 * Double(sorted.count)).rounded(.up)) - 1))
            return String(format: "%.2f", sorted[index])
        }
        defer { fflush(nil) }
        print("| \(name) | \(p(50)) | \(p(95)) | \(p(99)) | \(String(format: "%.2f", sorted.last ?? 0)) |")
    }

    private func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?"
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    private func folderSize(_ folder: URL) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/du")
        process.arguments = ["-sh", folder.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return "?" }
        process.waitUntilExit()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return text.split(separator: "\t").first.map(String.init) ?? "?"
    }
}
