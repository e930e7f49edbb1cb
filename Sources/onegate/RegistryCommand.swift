import ArgumentParser
import Foundation
import Hummingbird
import Logging
import OneGateDemo
import OneGateIdentity

/// `onegate registry`: the reference population and business registry for development and the
/// demo, seeded with the demo province and speaking the contract of docs/registry.md
/// (once-only.md §4).
struct RegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "Run the simulated national registries (population and business) with the demo population.",
        discussion: """
            Requests must be signed with a client's shared secret (docs/registry.md). Example:
              onegate registry --client onegate:$(openssl rand -base64 32)
            To rotate a secret, give the client twice (old and new secret) until OneGate uses the new one.
            """)

    @Option(help: "Address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "Port to listen on.") var port: Int = 8082
    @Option(
        name: .customLong("client"),
        help: ArgumentHelp(
            "A client as ID:SECRET; repeatable. The same ID with two secrets accepts both (rotation).",
            valueName: "ID:SECRET"))
    var clients: [String] = []

    func run() async throws {
        let credentials = try Self.parseClients(clients)
        let (app, banner) = try Self.application(host: host, port: port, clients: credentials, announce: true)
        FileHandle.standardOutput.write(Data(banner.utf8))
        try await app.runService()
    }

    /// The registry's HTTP application over the demo province, and the text that introduces it.
    static func application(
        host: String, port: Int, clients: [RegistryClientCredential], announce: Bool
    ) throws -> (some ApplicationProtocol, String) {
        let province = try DemoProvince.load()
        let data = RegistryDemoData(
            citizens: province.citizens.map { ($0.kind, $0.identifier, $0.fullName, $0.address) })
        let service = try RegistryService(
            configuration: RegistryServiceConfiguration(
                clients: clients, people: data.people, enterprises: data.enterprises))

        var banner = "Simulated national registries (population and business) for development and demonstrations.\n"
        banner += "  Contract: docs/registry.md (signed requests, HMAC-SHA256)\n"
        // Ids only: the secrets were given on the command line and have no business in a log.
        var secretCounts: [(id: String, count: Int)] = []
        for client in clients {
            if let index = secretCounts.firstIndex(where: { $0.id == client.id }) {
                secretCounts[index].count += 1
            } else {
                secretCounts.append((client.id, 1))
            }
        }
        for (id, count) in secretCounts {
            banner += "  Client:   \(id)\(count > 1 ? " (\(count) secrets accepted, rotation)" : "")\n"
        }
        banner += "\nPopulation registry (\(data.people.count) people), e.g.:\n"
        for person in data.people.prefix(5) {
            banner += "  \(person.identifier)  \(person.fullName), born \(person.birthDate)\n"
        }
        banner += "\nBusiness registry (\(data.enterprises.count) enterprises), e.g.:\n"
        for enterprise in data.enterprises.prefix(5) {
            banner += "  \(enterprise.taxCode)  \(enterprise.name)\n"
        }

        let app = ReferenceServer.application(
            router: service.router(), host: host, port: port, serverName: "OneGate-Registry", label: "onegate-registry",
            announce: announce)
        return (app, banner)
    }

    /// `ID:SECRET` options (split at the first colon, so a secret may contain colons).
    static func parseClients(_ options: [String]) throws -> [RegistryClientCredential] {
        guard !options.isEmpty else {
            throw ValidationError(
                "Register at least one client with --client ID:SECRET (e.g. --client onegate:$(openssl rand -base64 32))."
            )
        }
        return try options.map { option in
            let parts = option.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--client \(option): expected ID:SECRET.")
            }
            return RegistryClientCredential(id: parts[0], secret: parts[1])
        }
    }
}
