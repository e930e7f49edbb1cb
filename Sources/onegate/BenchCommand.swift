import ArgumentParser
import Foundation
import Logging
import NIOHTTP1
import OneGateCore
import OneGateDemo
import OneGatePostgres
import OneGateRuntime
import OneGateServer
import OneGateSigning

/// `onegate bench`: a fresh instance of the demo province on the embedded store, served on
/// loopback in this process, loaded by keep-alive HTTP/1.1 clients in the same process. Every
/// submission and transition is signed and durably committed (WAL, synchronous=FULL).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure signed durable submissions and transitions through the HTTP API.")

    @Option(help: "Concurrent client connections.") var connections: Int = 32
    @Option(help: "Seconds per phase.") var seconds: Double = 10
    @Option(help: "Dossiers prepared for the transition phases.") var dossiers: Int = 12_000
    @Option(help: "Rate (requests/s) of the latency phase; 0 means half the measured maximum.") var rate: Double = 0
    @Option(help: "Folder for the benchmark's instance (emptied first).") var data: String = ".bench-data"
    @Option(help: "Run on PostgreSQL: an admin URL; a fresh database is created for the run and dropped after.")
    var postgres: String?
    @Option(help: "OneGate servers sharing the PostgreSQL database (each with its own pools and caches).")
    var servers: Int = 1
    @Option(
        help:
            "Phases to run: all, or a comma-separated subset of stages,signatures,livez,submissions,transitions,latency."
    )
    var phases: String = "all"

    private func wants(_ phase: String) -> Bool {
        phases == "all" || phases.split(separator: ",").contains { $0 == phase }
    }

    func run() async throws {
        let folder = URL(fileURLWithPath: data, isDirectory: true).standardizedFileURL
        try? FileManager.default.removeItem(at: folder)
        let province = try DemoProvince.load()
        var configuration = InstanceConfiguration(
            instanceName: province.instanceName, tenant: province.tenant, secret: InstanceConfiguration.newSecret(),
            port: 0)
        var database: String?
        if let admin = postgres {
            let name = "onegate_bench_\(IdentifierSource.randomToken(length: 8).lowercased())"
            try await PostgresAdmin.createDatabase(name, adminURL: admin, logger: Logger(label: "onegate-bench"))
            guard var url = URLComponents(string: admin) else { throw ValidationError("Invalid --postgres URL.") }
            url.path = "/" + name
            configuration.store = url.string ?? admin
            database = name
        }

        let instance = try await Instance.open(folder: folder, configuration: configuration)
        let (officers, applicants) = try await DemoSeeder(
            province: province, store: instance.store, passwords: instance.dependencies.passwords
        ).seed()
        try await instance.reloadUnits()
        print("# OneGate benchmark\n")
        print(
            "Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, "
                + "\(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB; \(connections) connections, "
                + "\(Int(seconds)) s per phase; store: "
                + (postgres == nil ? "SQLite WAL synchronous=FULL with group commit" : "PostgreSQL (fsync on)") + ".\n")

        if wants("stages"), let procedure = province.procedures.first {
            print("Cost of one transition's stages, in process (microseconds each):\n")
            print("| stage | µs |\n| --- | ---: |")
            for (name, micros) in try await StageProfile.run(
                procedure: procedure, calendar: instance.service.calendar, signer: instance.signer)
            {
                print("| \(name) | \(String(format: "%.1f", micros)) |")
            }
            print("")
        }
        if wants("signatures") {
            let signatures = try await measureSignatures(instance.signer)
            print(
                "Signatures (ECDSA P-256 over SHA-256 of a 300-byte event, in process): "
                    + "\(Int(signatures.one)) /s on one task, \(Int(signatures.two)) /s on two tasks.\n")
        }

        guard servers == 1 || postgres != nil, (1...4).contains(servers) else {
            throw ValidationError("--servers 2…4 needs --postgres (one SQLite file has one writer).")
        }
        let server = try await BenchServer.start(instance)
        defer { server.stop() }
        var ports = [server.port]
        var others: [BenchServer] = []
        for _ in 1..<servers {
            let twin = try await Instance.open(folder: folder, configuration: configuration)
            let other = try await BenchServer.start(twin)
            others.append(other)
            ports.append(other.port)
        }
        defer { for other in others { other.stop() } }
        if servers > 1 {
            print("\(servers) servers on one database, ports \(ports); clients alternate between them.\n")
        }
        let plan = try await BenchPlan.prepare(
            instance: instance, province: province, officers: officers, applicants: applicants, dossiers: dossiers,
            port: server.port)

        var results: [PhaseResult] = []
        if wants("livez") {
            results.append(
                try await closedLoop("GET /livez (HTTP ceiling)", ports: ports) { connection, _ in
                    try await connection.send(.GET, "/livez").status
                })
        }
        if wants("submissions") {
            results.append(
                try await closedLoop("POST /api/v1/dossiers (online submission)", ports: ports) {
                    connection, _ in
                    try await connection.send(
                        .POST, "/api/v1/dossiers", token: plan.citizenToken, json: plan.submission
                    ).status
                })
        }
        let walker = TransitionWalker(plan: plan, connections: connections)
        var maximumRate = rate
        if wants("transitions") {
            let maximum = try await closedLoop("POST …/actions/* (lifecycle transition)", ports: ports) {
                connection, worker in
                try await walker.next(worker: worker, on: connection)
            }
            results.append(maximum)
            maximumRate = maximum.rate
        }
        if wants("latency") {
            let target = rate > 0 ? rate : maximumRate / 2
            results.append(
                try await openLoop(
                    "transitions at \(Int(target))/s (latency)", rate: target, ports: ports
                ) { connection, worker in
                    try await walker.next(worker: worker, on: connection)
                })
        }
        print(PhaseResult.header)
        for result in results { print(result.row) }
        print("\nEvery answered request above was signed and committed before its answer; errors are non-2xx answers.")
        server.stop()
        if let database, let admin = postgres {
            await instance.store.shutdown()
            try? await PostgresAdmin.dropDatabase(database, adminURL: admin, logger: Logger(label: "onegate-bench"))
        }
    }

    /// As many requests as the connections can push for `seconds`.
    private func closedLoop(
        _ name: String, ports: [Int], _ send: @escaping @Sendable (LoadConnection, Int) async throws -> Int
    ) async throws -> PhaseResult {
        let deadline = monotonicSeconds() + seconds
        let started = monotonicSeconds()
        let parts = try await withThrowingTaskGroup(of: PhaseResult.self) { group in
            for worker in 0..<connections {
                group.addTask {
                    try await LoadConnection.with(host: "127.0.0.1", port: ports[worker % ports.count]) { connection in
                        var result = PhaseResult(name: name, requests: 0, errors: 0, seconds: 0, latencies: [])
                        while monotonicSeconds() < deadline {
                            let begin = monotonicSeconds()
                            guard let status = try? await send(connection, worker), status != 0 else { break }
                            result.latencies.append((monotonicSeconds() - begin) * 1000)
                            result.requests += 1
                            if !(200..<300).contains(status) { result.errors += 1 }
                        }
                        return result
                    }
                }
            }
            return try await group.reduce(into: [PhaseResult]()) { $0.append($1) }
        }
        return merge(name, parts, seconds: monotonicSeconds() - started)
    }

    /// Requests sent on a fixed schedule; latency counts from the scheduled moment, so a stall is
    /// not hidden by the client waiting (no coordinated omission).
    private func openLoop(
        _ name: String, rate: Double, ports: [Int],
        _ send: @escaping @Sendable (LoadConnection, Int) async throws -> Int
    ) async throws -> PhaseResult {
        let started = monotonicSeconds()
        let interval = Double(connections) / rate
        let parts = try await withThrowingTaskGroup(of: PhaseResult.self) { group in
            for worker in 0..<connections {
                group.addTask {
                    try await LoadConnection.with(host: "127.0.0.1", port: ports[worker % ports.count]) { connection in
                        var result = PhaseResult(name: name, requests: 0, errors: 0, seconds: 0, latencies: [])
                        var scheduled = started + interval * Double(worker) / Double(connections)
                        while scheduled < started + seconds {
                            let wait = scheduled - monotonicSeconds()
                            if wait > 0 { try await Task.sleep(nanoseconds: UInt64(wait * 1e9)) }
                            guard let status = try? await send(connection, worker), status != 0 else { break }
                            result.latencies.append((monotonicSeconds() - scheduled) * 1000)
                            result.requests += 1
                            if !(200..<300).contains(status) { result.errors += 1 }
                            scheduled += interval
                        }
                        return result
                    }
                }
            }
            return try await group.reduce(into: [PhaseResult]()) { $0.append($1) }
        }
        return merge(name, parts, seconds: monotonicSeconds() - started)
    }

    private func merge(_ name: String, _ parts: [PhaseResult], seconds: Double) -> PhaseResult {
        PhaseResult(
            name: name, requests: parts.map(\.requests).reduce(0, +), errors: parts.map(\.errors).reduce(0, +),
            seconds: seconds, latencies: parts.flatMap(\.latencies))
    }

    private func measureSignatures(_ signer: InstanceSigner) async throws -> (one: Double, two: Double) {
        let envelope = EventEnvelope(
            dossier: "000.01.40.H40-260302-0001", seq: 3, type: "appraise", at: Date(),
            actor: EventActor(id: "officer-bench", role: "specialist", unit: "000.01.40.H40"),
            data: ["note": "Đã kiểm tra thành phần hồ sơ, đủ điều kiện giải quyết."], prev: EventEnvelope.genesis)
        let bytes = envelope.canonicalBytes
        let identity = SignerIdentity.officer(id: "officer-bench", name: "Bench")
        _ = try await signer.sign(bytes, as: identity)
        func run(tasks: Int, count: Int) async throws -> Double {
            let start = monotonicSeconds()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<tasks {
                    group.addTask { for _ in 0..<count { _ = try await signer.sign(bytes, as: identity) } }
                }
                try await group.waitForAll()
            }
            return Double(tasks * count) / (monotonicSeconds() - start)
        }
        return (try await run(tasks: 1, count: 20_000), try await run(tasks: 2, count: 20_000))
    }
}
