import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import OneGateCore
import OneGateRuntime
import OneGateTestSupport
import Testing

/// Kill -9 the real server during a burst of writes; after restart every acknowledged action is
/// there and every chain verifies.
struct CrashRecoveryTests {
    /// The `onegate` binary built beside the tests.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["ONEGATE_BIN"] { return URL(fileURLWithPath: path) }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/onegate")
    }

    struct Server {
        let process: Process
        let port: Int
    }

    static func start(folder: URL) throws -> Server {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--data", folder.path, "--port", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var collected = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            collected += String(decoding: data, as: UTF8.self)
            if let range = collected.range(of: #"http://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                let port = Int(collected[range].split(separator: ":").last ?? "") ?? 0
                return Server(process: process, port: port)
            }
        }
        process.terminate()
        throw TestFailure("the server did not start: \(collected)")
    }

    /// One POST over a keep-alive connection of NIO's HTTP client (no URLSession: its Linux
    /// implementation aborts the process when a server dies under it, which is this test's point).
    static func post(
        _ client: TestClient, _ path: String, token: String?, body: String
    ) async throws -> (Int, JSONValue) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await client.post(path, headers: headers, body: ByteBuffer(string: body))
        let bytes = response.body.map { Array($0.readableBytesView) } ?? []
        return (Int(response.status.code), (try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))) ?? .null)
    }

    static func post(_ port: Int, _ path: String, token: String?, body: String) async throws -> (Int, JSONValue) {
        try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(10))) {
            try await post($0, path, token: token, body: body)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func acknowledgedWritesSurviveKill() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build onegate first")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onegate-crash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let seeded = try await TestInstance.make(now: Date(), folder: folder)
            try seeded.instance.configuration.save(to: folder)
        }
        let server = try Self.start(folder: folder)
        let port = server.port
        let (_, login) = try await Self.post(
            port, "/api/v1/auth/login", token: nil,
            body: #"{"username":"reception.a","password":"\#(Fixtures.password)"}"#)
        let token = try #require(login["token"]?.stringValue)
        let body = """
            {"procedureCode":"DEMO.0003","receivingUnit":"\(Fixtures.communeA)","data":{"pages":2},
             "components":[{"requirement":"original","digitised":true}],
             "applicant":{"identifier":"022090001234","fullName":"Nguyễn Văn An"}}
            """
        let acknowledged = Acknowledged()
        let burst = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        _ = try? await TestClient.withClient(
                            host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(10))
                        ) { client in
                            while !Task.isCancelled {
                                guard
                                    let (status, json) = try? await Self.post(
                                        client, "/api/v1/counter/dossiers",
                                        token: token, body: body)
                                else { return }
                                guard status == 201, let id = json["id"]?.stringValue,
                                    let code = json["code"]?.stringValue
                                else { continue }
                                await acknowledged.add(id, code)
                                // And one more action on it, also acknowledged before the kill.
                                if let (assigned, _) = try? await Self.post(
                                    client, "/api/v1/dossiers/\(id)/actions/assign",
                                    token: token, body: #"{"officerId":"officer-specialist.a"}"#), assigned == 200
                                {
                                    await acknowledged.assigned(id)
                                }
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        while await acknowledged.count < 60 { try await Task.sleep(nanoseconds: 20_000_000) }
        kill(server.process.processIdentifier, SIGKILL)
        server.process.waitUntilExit()
        burst.cancel()
        _ = try? await burst.value
        let dossiers = await acknowledged.dossiers
        let assigned = await acknowledged.assignedIDs

        let restarted = try Self.start(folder: folder)
        defer {
            restarted.process.terminate()
            restarted.process.waitUntilExit()
        }
        let configuration = try InstanceConfiguration.load(from: folder)
        let reopened = try await Instance.open(folder: folder, configuration: configuration)
        var codes = Set<String>()
        let verifier = try reopened.signer.verifier()
        for (id, code) in dossiers {
            let dossier = try #require(
                try await reopened.store.dossier(id: id, tenant: Fixtures.tenant), "lost \(code)")
            #expect(dossier.code == code)
            codes.insert(code)
            if assigned.contains(id) { #expect(dossier.state == .inProgress, "lost the assignment of \(code)") }
            let events = try await reopened.store.events(dossierID: id, tenant: Fixtures.tenant)
            #expect(events.count == dossier.version)
            #expect(verifier.verify(events).ok)
        }
        #expect(codes.count == dossiers.count)
        let all = try await reopened.store.dossiers(DossierQuery(tenant: Fixtures.tenant, limit: 200))
        #expect(all.total >= dossiers.count)
        let (status, _) = try await Self.post(
            restarted.port, "/api/v1/auth/login", token: nil,
            body: #"{"username":"reception.a","password":"\#(Fixtures.password)"}"#)
        #expect(status == 200)
    }
}

actor Acknowledged {
    var dossiers: [(String, String)] = []
    var assignedIDs: Set<String> = []
    var count: Int { dossiers.count }

    func add(_ id: String, _ code: String) { dossiers.append((id, code)) }
    func assigned(_ id: String) { assignedIDs.insert(id) }
}
