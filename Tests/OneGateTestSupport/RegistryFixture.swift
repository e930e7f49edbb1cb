import AsyncHTTPClient
import Foundation
import Hummingbird
import OneGateDemo
import OneGateIdentity

/// The reference registry (`onegate registry`) served on a free loopback port for one test, over
/// real HTTP, seeded with the demo province exactly as the command seeds it.
public struct RegistryFixture: Sendable {
    /// `http://127.0.0.1:<port>`.
    public let baseURL: String
    public let service: RegistryService
    public static let clientID = "onegate"
    public static let secret = "registry-secret-for-tests"

    /// Runs `body` with a registry that knows the client `clientID` with `secret`.
    public static func run<T: Sendable>(_ body: (RegistryFixture) async throws -> T) async throws -> T {
        let province = try DemoProvince.load()
        let data = RegistryDemoData(
            citizens: province.citizens.map { ($0.kind, $0.identifier, $0.fullName, $0.address) })
        let service = try RegistryService(
            configuration: RegistryServiceConfiguration(
                clients: [RegistryClientCredential(id: clientID, secret: secret)], people: data.people,
                enterprises: data.enterprises))
        return try await serve(service.router()) { baseURL in
            try await body(RegistryFixture(baseURL: baseURL, service: service))
        }
    }

    /// A client of this registry; another id or secret to be refused.
    public func client(
        clientID: String = RegistryFixture.clientID, secret: String = RegistryFixture.secret,
        timeout: Duration = .seconds(2), retries: Int = 2
    ) -> RegistryClient {
        RegistryClient(
            configuration: RegistryClientConfiguration(
                baseURL: baseURL, clientID: clientID, secret: secret, timeout: timeout, retries: retries))
    }

    /// Serves `router` on a free loopback port while `body` runs with its base URL; stops it after.
    public static func serve<T: Sendable>(
        _ router: Router<BasicRequestContext>, _ body: (String) async throws -> T
    ) async throws -> T {
        let port = try IdentityProviderFixture.freePort()
        let baseURL = "http://127.0.0.1:\(port)"
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
        let server = Task { try await app.runService() }
        defer { server.cancel() }
        try await waitUntilServing(baseURL)
        return try await body(baseURL)
    }

    /// Any HTTP answer (the root is a 404) means the server is up.
    private static func waitUntilServing(_ baseURL: String) async throws {
        for _ in 0..<100 {
            if (try? await HTTPClient.shared.execute(HTTPClientRequest(url: baseURL + "/"), timeout: .seconds(1)))
                != nil
            {
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("the server on \(baseURL) did not start")
    }
}
