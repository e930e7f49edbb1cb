import Foundation
import HummingbirdTesting
import OneGateCore
import OneGateRuntime
import OneGateTestSupport
import Testing

/// PostgreSQL restarted under a running server's load of counter receptions: while it is down the
/// clients get `503 store_unavailable` (never a 500, never a refused connection: the server stays
/// up); afterwards the server recovers by itself, and every acknowledged (201) dossier is there and
/// verifies.
///
/// The restart happens on a cluster of the test's own (`scripts/postgres-test-cluster.sh` with
/// another folder and port), so that the tests sharing `ONEGATE_TEST_POSTGRES` are not disturbed.
struct PostgresRestartTests {
    /// Longer than the store's lease timeout (10 s), so that waiting calls give up with a 503 too,
    /// not only the calls whose connection was cut.
    static let outage = 12
    static let clients = 6

    static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/postgres-test-cluster.sh")
    }

    /// Runs the cluster script on the private cluster in `folder`; returns what it printed. Waits
    /// without holding a thread: a restart takes seconds, and the load needs both cores meanwhile.
    @discardableResult
    static func cluster(_ arguments: [String], folder: URL) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["ONEGATE_PG_DIR"] = folder.path
        environment["ONEGATE_PG_PORT"] = "56432"
        process.environment = environment
        // A file, not a pipe: the server the script starts in the background would hold a pipe open.
        let outputURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("og-cluster-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let output = try FileHandle(forWritingTo: outputURL)
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try output.close()
        let data = try Data(contentsOf: outputURL)
        guard process.terminationStatus == 0 else { throw TestFailure("cluster \(arguments) failed") }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(.enabled(if: StoreBackend.postgresURL != nil), .timeLimit(.minutes(3)))
    func serverRidesOutARestartWithoutLosingAcknowledgedWrites() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: CrashRecoveryTests.binary.path), "build onegate first")
        // A short path: the cluster's Unix socket lives in this folder.
        let clusterFolder = URL(fileURLWithPath: "/tmp/og-restart-\(UUID().uuidString.prefix(8))")
        let adminURL = try await Self.cluster(["start"], folder: clusterFolder)
        do {
            let instance = try await PostgresInstance.make(adminURL: adminURL)
            let server = try CrashRecoveryTests.start(folder: instance.folder)
            defer { PostgresInstance.stop(server) }
            try await restartUnderLoad(server: server, instance: instance, clusterFolder: clusterFolder)
            await instance.drop()
        } catch {
            _ = try? await Self.cluster(["stop"], folder: clusterFolder)
            throw error
        }
        _ = try? await Self.cluster(["stop"], folder: clusterFolder)
    }

    func restartUnderLoad(
        server: CrashRecoveryTests.Server, instance: PostgresInstance, clusterFolder: URL
    ) async throws {
        let tokens = try await CrashRecoveryTests.logins(port: server.port, usernames: ["reception.a"])
        let ledger = Ledger()
        let load = Task { try await Self.load(port: server.port, token: tokens["reception.a"] ?? "", ledger: ledger) }
        while await ledger.created < 40 { try await Task.sleep(for: .milliseconds(20)) }
        await ledger.mark(.down)
        try await Self.cluster(["restart", "\(Self.outage)"], folder: clusterFolder)
        await ledger.mark(.up)
        // Recovered: new receptions succeed again without restarting the server.
        let recovery = ContinuousClock.now
        while await ledger.createdSinceUp < 30, ContinuousClock.now - recovery < .seconds(60) {
            try await Task.sleep(for: .milliseconds(50))
        }
        await ledger.stop()
        // A call the server never answers would hold its client (and the test) for ever: give the
        // clients time to finish, then report what is still waiting and stop the server under it.
        let stopping = ContinuousClock.now
        while await ledger.inFlight > 0, ContinuousClock.now - stopping < .seconds(45) {
            try await Task.sleep(for: .milliseconds(50))
        }
        let unanswered = await ledger.inFlight
        #expect(unanswered == 0, "\(unanswered) request(s) never answered")
        #expect(server.process.isRunning, "the server went down with the database")
        if unanswered > 0 {
            PostgresInstance.stop(server)
            _ = try? await load.value
        } else {
            try await load.value
        }
        let outcomes = await ledger.outcomes
        print("restart: \(await ledger.summary)")
        #expect(
            outcomes.allSatisfy { $0.status == 201 || ($0.status == 503 && $0.code == "store_unavailable") },
            "\(outcomes.filter { $0.status != 201 }.prefix(10))")
        #expect(outcomes.contains { $0.status == 503 && $0.phase == .down }, "no 503 while the database was down")
        #expect(outcomes.contains { $0.status == 503 && $0.waited > .seconds(9) }, "no call gave up waiting")
        #expect(await ledger.createdSinceUp >= 30, "the server did not recover")
        #expect(outcomes.suffix(10).allSatisfy { $0.status == 201 }, "\(outcomes.suffix(10))")
        try await Self.checkAcknowledged(await ledger.acknowledged, instance: instance)
    }

    /// Receptions from several clients until told to stop; transport errors (a refused or dropped
    /// connection, a timeout) are not expected and end the test.
    static func load(port: Int, token: String, ledger: Ledger) async throws {
        let body = """
            {"procedureCode":"DEMO.0003","receivingUnit":"\(Fixtures.communeA)","data":{"pages":2},
             "components":[{"requirement":"original","digitised":true}],
             "applicant":{"identifier":"022090001234","fullName":"Nguyễn Văn An"}}
            """
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<clients {
                group.addTask {
                    try await TestClient.withClient(
                        host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(30))
                    ) { client in
                        while await ledger.running {
                            let phase = await ledger.send()
                            let started = ContinuousClock.now
                            let (status, json) = try await CrashRecoveryTests.post(
                                client, "/api/v1/counter/dossiers", token: token, body: body)
                            await ledger.answered(
                                Outcome(
                                    status: status, code: json["error"]?["code"]?.stringValue, phase: phase,
                                    waited: ContinuousClock.now - started, id: json["id"]?.stringValue))
                            if status == 503 { try await Task.sleep(for: .milliseconds(200)) }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// Every acknowledged dossier is stored, with a chain that verifies and matches its row.
    static func checkAcknowledged(_ ids: [String], instance: PostgresInstance) async throws {
        let opened = try await instance.open()
        let verifier = try opened.signer.verifier()
        var codes = Set<String>()
        for id in ids {
            let dossier = try #require(try await opened.store.dossier(id: id, tenant: Fixtures.tenant), "lost \(id)")
            let events = try await opened.store.events(dossierID: id, tenant: Fixtures.tenant)
            #expect(events.count == dossier.version && verifier.verify(events).ok)
            codes.insert(dossier.code ?? "")
        }
        #expect(codes.count == ids.count, "a code was given twice")
        await opened.store.shutdown()
    }

    struct Outcome: Sendable, CustomStringConvertible {
        let status: Int
        let code: String?
        /// Where the database was when the request was sent.
        let phase: Phase
        let waited: Duration
        let id: String?

        var description: String { "\(status) \(code ?? "") \(phase) after \(waited)" }
    }

    enum Phase: Sendable { case before, down, up }

    actor Ledger {
        private(set) var outcomes: [Outcome] = []
        private(set) var phase = Phase.before
        private(set) var running = true
        /// Requests sent and not answered yet.
        private(set) var inFlight = 0

        func mark(_ phase: Phase) { self.phase = phase }
        func stop() { running = false }

        /// Counts a request as sent; returns where the database is.
        func send() -> Phase {
            inFlight += 1
            return phase
        }

        func answered(_ outcome: Outcome) {
            inFlight -= 1
            outcomes.append(outcome)
        }

        var acknowledged: [String] { outcomes.filter { $0.status == 201 }.compactMap(\.id) }
        var created: Int { outcomes.count { $0.status == 201 } }
        var createdSinceUp: Int { outcomes.count { $0.status == 201 && $0.phase == .up } }

        var summary: String {
            var counts: [String: Int] = [:]
            for outcome in outcomes { counts["\(outcome.status) \(outcome.phase)", default: 0] += 1 }
            let longest = outcomes.map(\.waited).max() ?? .zero
            return "\(counts.sorted { $0.key < $1.key }), longest wait \(longest)"
        }
    }
}
