import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import OneGateCore
import OneGatePostgres
import OneGateRuntime
import OneGateSigning
import OneGateTestSupport
import Testing

/// Two `onegate serve` processes on one PostgreSQL database, several clients sending random
/// lifecycle actions on shared dossiers to both at once. Conflicts are expected (409); afterwards no
/// dossier has an impossible history, no code is given twice, every chain verifies, every row is
/// what its events rebuild, and every counter equals the rebuild from the rows.
struct TwoServerTests {
    static let clients = 8
    static let actions = 3000
    static let sharedDossiers = 40

    @Test(.enabled(if: StoreBackend.postgresURL != nil), .timeLimit(.minutes(4)))
    func twoServersShareOneDatabaseSoundly() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: CrashRecoveryTests.binary.path), "build onegate first")
        let instance = try await PostgresInstance.make()
        do {
            let servers = try [
                CrashRecoveryTests.start(folder: instance.folder),
                CrashRecoveryTests.start(folder: instance.folder),
            ]
            defer { for server in servers { PostgresInstance.stop(server) } }
            let ports = servers.map(\.port)
            let started = ContinuousClock.now
            let board = try await Self.load(ports: ports)
            let outcomes = await board.outcomes
            print("two servers: \(outcomes) in \(ContinuousClock.now - started)")
            let unexpected = await board.unexpected
            #expect(unexpected.isEmpty, "\(unexpected.prefix(10))")
            #expect(outcomes["2xx", default: 0] > Self.actions / 3, "\(outcomes)")
            try await instance.audit()
        } catch {
            await instance.drop()
            throw error
        }
        await instance.drop()
    }

    /// Creates the shared dossiers, then lets the clients loose on them until `actions` requests
    /// have been made; dossiers that reach an end are replaced by new ones.
    static func load(ports: [Int]) async throws -> Board {
        let board = Board()
        let tokens = try await CrashRecoveryTests.logins(
            port: ports[0], usernames: ["reception.a", "specialist.a", "specialist.a2", "leader.a", "clerk.a"])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for client in 0..<clients {
                // Half the clients on each server, every client on every shared dossier.
                let port = ports[client % ports.count]
                group.addTask {
                    try await TestClient.withClient(
                        host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(30))
                    ) { http in
                        var random = SystemRandomNumberGenerator()
                        let share = sharedDossiers / clients
                        for _ in 0..<share { try await create(http, tokens: tokens, board: board) }
                        while await board.take() {
                            if let (id, view) = await board.pick() {
                                try await act(
                                    on: id, view: view, http: http, tokens: tokens, board: board,
                                    random: &random)
                            } else {
                                try await create(http, tokens: tokens, board: board)
                            }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        return board
    }

    static func create(_ http: TestClient, tokens: [String: String], board: Board) async throws {
        let body = """
            {"procedureCode":"1.001193","receivingUnit":"\(Fixtures.communeA)","competentUnit":"\(Fixtures.communeA)",
             "data":{"child_name":"Nguyễn Thị Hoa","date_of_birth":"2026-02-28"},
             "components":[{"requirement":"birth_notice","digitised":true}],
             "applicant":{"identifier":"022090001234","fullName":"Nguyễn Văn An"}}
            """
        let (status, json) = try await CrashRecoveryTests.post(
            http, "/api/v1/counter/dossiers", token: tokens["reception.a"], body: body)
        await board.record(status, json, action: "receive_at_counter")
        if status == 201, let view = DossierSummary(json) { await board.update(view) }
    }

    /// One action chosen from what the client last saw of the dossier; when the answer says the
    /// dossier moved on (409, or 403 for an assignee that changed), the client looks again.
    static func act(
        on id: String, view: DossierSummary, http: TestClient, tokens: [String: String], board: Board,
        random: inout SystemRandomNumberGenerator
    ) async throws {
        guard let (action, username, body) = choose(view, random: &random) else { return }
        let (status, json) = try await CrashRecoveryTests.post(
            http, "/api/v1/dossiers/\(id)/actions/\(action)", token: tokens[username], body: body)
        await board.record(status, json, action: action)
        if status == 200, let updated = DossierSummary(json) {
            await board.update(updated)
        } else {
            let response = try await http.get(
                "/api/v1/dossiers/\(id)", headers: [.authorization: "Bearer \(tokens["reception.a"] ?? "")"])
            let bytes = response.body.map { Array($0.readableBytesView) } ?? []
            if let json = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)),
                let fresh = DossierSummary(json)
            {
                await board.update(fresh)
            }
        }
    }

    /// A plausible next action for a dossier in `view`'s position, with who does it and its body.
    static func choose(
        _ view: DossierSummary, random: inout SystemRandomNumberGenerator
    ) -> (String, String, String)? {
        let specialist = Bool.random(using: &random) ? "specialist.a" : "specialist.a2"
        let assign = #"{"officerId":"officer-\#(specialist)"}"#
        let assignee = view.assignee.map { String($0.dropFirst("officer-".count)) } ?? "specialist.a"
        let roll = Double.random(in: 0..<1, using: &random)
        switch (view.state, view.step) {
        case ("received", _):
            if roll < 0.03 { return ("withdraw", "reception.a", #"{"reason":"Không còn nhu cầu"}"#) }
            if roll < 0.06 { return ("refuse", "reception.a", #"{"reason":"Không thuộc thẩm quyền"}"#) }
            return ("assign", "reception.a", assign)
        case ("in_progress", "assigned"):
            if roll < 0.1 { return ("assign", "leader.a", assign) }
            if roll < 0.14 { return ("request_supplement", assignee, supplementRequest) }
            if roll < 0.16 { return ("stop", "leader.a", #"{"legalReason":"Điều 12 Nghị định 61"}"#) }
            return ("appraise", assignee, #"{"note":"Đã kiểm tra thành phần hồ sơ"}"#)
        case ("in_progress", "appraising"):
            if roll < 0.1 { return ("appraise", assignee, #"{"note":"Kiểm tra thêm"}"#) }
            if roll < 0.15 { return ("request_supplement", assignee, supplementRequest) }
            if roll < 0.22 { return ("assign", "leader.a", assign) }
            return ("submit_for_approval", assignee, #"{"summary":"Đề nghị cấp"}"#)
        case ("in_progress", "awaiting_approval"):
            if roll < 0.2 { return ("return_for_rework", "leader.a", #"{"comment":"Xem lại"}"#) }
            return ("approve", "leader.a", #"{"comment":"Đồng ý"}"#)
        case ("in_progress", "awaiting_issue"):
            return ("issue", "clerk.a", #"{"resultNumber":"KS-\#(UUID().uuidString.prefix(8))"}"#)
        case ("processed", _):
            return ("deliver", "clerk.a", #"{"channel":"electronic"}"#)
        case ("supplement_requested", _):
            return ("supplement", "reception.a", "{}")
        default:
            return nil
        }
    }

    static let supplementRequest = #"{"items":[{"description":"Bổ sung bản sao"}],"reason":"Cần bổ sung"}"#
}

/// What a client knows of a dossier: where it is in the lifecycle.
struct DossierSummary: Sendable {
    let id: String
    let state: String
    let step: String?
    let assignee: String?
    let version: Int

    init?(_ json: JSONValue) {
        guard let id = json["id"]?.stringValue, let state = json["state"]?.stringValue,
            let version = json["version"]?.intValue.map(Int.init)
        else { return nil }
        self.id = id
        self.state = state
        self.step = json["step"]?.stringValue
        self.assignee = json["assignee"]?.stringValue
        self.version = version
    }

    var isFinished: Bool { ["returned", "withdrawn", "refused", "stopped"].contains(state) }
}

/// The shared dossiers as the clients last saw them, the budget of actions, and every answer's outcome.
actor Board {
    private var views: [String: DossierSummary] = [:]
    private var remaining = TwoServerTests.actions
    private(set) var outcomes: [String: Int] = [:]
    private(set) var unexpected: [String] = []

    /// Takes one action from the budget; false when it is spent.
    func take() -> Bool {
        guard remaining > 0 else { return false }
        remaining -= 1
        return true
    }

    /// A dossier that is still open, at random; nil when fewer than the shared number are open.
    func pick() -> (String, DossierSummary)? {
        let open = views.values.filter { !$0.isFinished }
        guard open.count >= TwoServerTests.sharedDossiers / 2, let view = open.randomElement() else {
            return nil
        }
        return (view.id, view)
    }

    /// Keeps the newest view of a dossier (answers may arrive out of order).
    func update(_ view: DossierSummary) {
        if let known = views[view.id], known.version > view.version { return }
        views[view.id] = view
    }

    func record(_ status: Int, _ json: JSONValue, action: String) {
        let code = json["error"]?["code"]?.stringValue
        switch (status, code) {
        case (200...299, _): outcomes["2xx", default: 0] += 1
        case (409, "concurrent_update"?), (409, "illegal_transition"?), (403, "not_assignee"?):
            outcomes["\(status) \(code ?? "")", default: 0] += 1
        case (403, "forbidden"?) where action == "assign":
            // Who may assign depends on the state: reception while received, the leader afterwards.
            // A client that saw "received" has its reception officer refused once another assigned.
            outcomes["\(status) \(code ?? "")", default: 0] += 1
        default:
            outcomes["\(status) \(code ?? "")", default: 0] += 1
            unexpected.append("\(action): \(status) \(code ?? "")")
        }
    }
}

/// An instance on a PostgreSQL database of its own (created through `ONEGATE_TEST_POSTGRES`), seeded
/// with `Fixtures`, its CA created once before any server starts, its configuration in a folder.
struct PostgresInstance: Sendable {
    let folder: URL
    let name: String
    let adminURL: String
    let configuration: InstanceConfiguration

    static let logger: Logger = {
        var logger = Logger(label: "onegate.tests.servers")
        logger.logLevel = .warning
        return logger
    }()

    static func make(adminURL: String? = StoreBackend.postgresURL) async throws -> PostgresInstance {
        guard let adminURL else { throw TestFailure("ONEGATE_TEST_POSTGRES is not set") }
        let name = "og_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await PostgresAdmin.createDatabase(name, adminURL: adminURL, logger: logger)
        guard var components = URLComponents(string: adminURL) else { throw TestFailure("bad admin URL") }
        components.path = "/" + name
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onegate-pg-\(UUID().uuidString)")
        let configuration = InstanceConfiguration(
            instanceName: "Tỉnh Mẫu (test)", tenant: Fixtures.tenant, store: components.string ?? "",
            secret: "test secret that is long enough")
        let made = PostgresInstance(folder: folder, name: name, adminURL: adminURL, configuration: configuration)
        do {
            try configuration.save(to: folder)
            let instance = try await made.open()
            let store = instance.store
            try await store.saveUnits(Fixtures.units, tenant: Fixtures.tenant)
            let hash = try instance.dependencies.passwords.hash(Fixtures.password)
            for officer in Fixtures.officers {
                try await store.saveOfficer(officer, passwordHash: hash, tenant: Fixtures.tenant)
            }
            for citizen in Fixtures.citizens {
                try await store.saveApplicant(citizen, passwordHash: hash, tenant: Fixtures.tenant)
            }
            _ = try await store.importProcedures(Fixtures.procedures, tenant: Fixtures.tenant)
            await store.shutdown()
        } catch {
            await made.drop()
            throw error
        }
        return made
    }

    /// Opens the instance in this process (creating its CA on the first call).
    func open() async throws -> Instance {
        try await Instance.open(
            folder: folder, configuration: configuration, passwords: ScryptPasswordHasher(rounds: 1 << 10))
    }

    func drop() async {
        try? await PostgresAdmin.dropDatabase(name, adminURL: adminURL, logger: Self.logger)
        try? FileManager.default.removeItem(at: folder)
    }

    /// Stops a server: SIGTERM, and SIGKILL when it has not exited after ten seconds (a graceful
    /// shutdown waits for the requests in progress).
    static func stop(_ server: CrashRecoveryTests.Server) {
        guard server.process.isRunning else { return }
        server.process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while server.process.isRunning, Date() < deadline { usleep(20_000) }
        if server.process.isRunning { kill(server.process.processIdentifier, SIGKILL) }
        server.process.waitUntilExit()
    }

    /// Every dossier: its events form a path of `TransitionTable`, its chain verifies and ends at the
    /// row, replaying its events rebuilds the row; no code twice; every counter equals the rebuild.
    func audit() async throws {
        let instance = try await open()
        let store = instance.store
        let verifier = try instance.signer.verifier()
        var dossiers: [Dossier] = []
        while true {
            let page = try await store.dossiers(
                DossierQuery(tenant: Fixtures.tenant, limit: 200, offset: dossiers.count))
            dossiers += page.items
            if page.items.isEmpty || dossiers.count >= page.total { break }
        }
        #expect(!dossiers.isEmpty)
        let codes = dossiers.compactMap(\.code)
        #expect(Set(codes).count == codes.count, "a code was given twice")
        #expect(codes.count == dossiers.count, "a counter dossier without a code")
        for dossier in dossiers {
            let events = try await store.events(dossierID: dossier.id, tenant: Fixtures.tenant)
            let report = verifier.verify(events)
            #expect(report.ok, "\(dossier.code ?? dossier.id): \(report)")
            #expect(events.count == dossier.version && events.last?.hash == dossier.lastEventHash)
            #expect(Self.isPossible(events.map(\.type), endingAt: dossier), "\(events.map(\.type))")
            let procedure = try await instance.service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
            let rebuilt = try DossierReplay.rebuild(
                signedEvents: events, procedure: procedure, calendar: instance.service.calendar,
                seed: DossierReplay.Seed(row: dossier), digest: instance.signer.digest)
            #expect(rebuilt == dossier, "\(dossier.code ?? dossier.id) does not follow from its events")
        }
        try await Self.checkCounters(of: dossiers, instance: instance)
        // Keys are issued lazily by each process, so an officer may hold one certificate per server.
        let bySubject = Dictionary(grouping: instance.signer.allCredentials(), by: \.subject)
        print(
            "credentials: \(bySubject.count) subjects, \(bySubject.values.filter { $0.count > 1 }.count) with several")
        await store.shutdown()
    }

    /// Whether the event types are a path the transition table allows, ending where the row is.
    static func isPossible(_ types: [String], endingAt dossier: Dossier) -> Bool {
        guard let first = types.first, first == ActionName.receiveAtCounter.rawValue else { return false }
        var positions: Set<LifecyclePosition> = [LifecyclePosition(.received)]
        for type in types.dropFirst() {
            guard let action = ActionName(rawValue: type) else { return false }
            positions = Set(positions.flatMap { TransitionTable.allowed[action]?[$0] ?? [] })
            if positions.isEmpty { return false }
        }
        return positions.contains(LifecyclePosition(dossier.state, dossier.step))
    }

    /// Stored counters, by unit, month and metric, against the sums of every row's contributions.
    static func checkCounters(of dossiers: [Dossier], instance: Instance) async throws {
        var procedures: [String: Procedure] = [:]
        for dossier in dossiers {
            procedures[dossier.procedureCode] = try await instance.service.procedureVersion(
                dossier.procedureCode, dossier.procedureVersion)
        }
        let rebuilt = CounterProjection.totals(
            of: dossiers, procedure: { procedures[$0.procedureCode] }, calendar: instance.service.calendar)
        var expected: [String: [String: Int]] = [:]
        for delta in rebuilt {
            expected["\(delta.unit)|\(delta.period)", default: [:]][delta.metric, default: 0] += delta.delta
        }
        #expect(!expected.isEmpty)
        for (place, metrics) in expected {
            let parts = place.split(separator: "|").map(String.init)
            let stored = try await instance.store.counters(
                units: [parts[0]], periods: [parts[1]], tenant: Fixtures.tenant)
            #expect(stored.filter { $0.value != 0 } == metrics.filter { $0.value != 0 }, "counters of \(place)")
        }
    }
}

extension CrashRecoveryTests {
    /// Logs each user in once; the tokens are valid on every server (sessions live in the database).
    static func logins(port: Int, usernames: [String]) async throws -> [String: String] {
        var tokens: [String: String] = [:]
        for username in usernames {
            let (_, login) = try await post(
                port, "/api/v1/auth/login", token: nil,
                body: #"{"username":"\#(username)","password":"\#(Fixtures.password)"}"#)
            tokens[username] = try #require(login["token"]?.stringValue, "login of \(username)")
        }
        return tokens
    }
}
