import ArgumentParser
import Foundation
import Hummingbird
import Logging
import OneGateCore
import OneGateDemo
import OneGateIdentity

/// `onegate idp`: the reference OpenID Connect provider that plays the national e-ID (VNeID) for
/// development and the demo, seeded with the demo population (once-only.md §1).
struct IdentityProviderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "idp",
        abstract: "Run the simulated VNeID: an OpenID Connect provider with the demo population.",
        discussion: """
            Example, for a OneGate demo on port 8080:
              onegate idp --client onegate:s3cret:http://127.0.0.1:8080/<callback path> --key idp-key.pem
            """)

    @Option(help: "Address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "Port to listen on.") var port: Int = 8081
    @Option(help: "The issuer URL (default http://HOST:PORT).") var issuer: String?
    @Option(
        name: .customLong("client"),
        help: ArgumentHelp(
            "A relying party as ID:SECRET:REDIRECT_URI; repeatable. An empty SECRET makes a public client.",
            valueName: "ID:SECRET:REDIRECT_URI"))
    var clients: [String] = []
    @Option(
        help: "PEM file of the P-256 signing key; created when missing. Without it the key lives for this run only.")
    var key: String?

    func run() async throws {
        let registered = try Self.parseClients(clients)
        // Loaded through IdentityProvider, so this target needs no jwt-kit of its own.
        let (pem, keyNote) = try loadOrCreateKey()
        let (app, banner) = try await Self.application(
            host: host, port: port, issuer: issuer, clients: registered, keyPEM: pem, keyNote: keyNote,
            announce: true)
        FileHandle.standardOutput.write(Data(banner.utf8))
        try await app.runService()
    }

    /// The provider's HTTP application over the demo population, and the text that introduces it.
    static func application(
        host: String, port: Int, issuer: String?, clients: [RegisteredClient], keyPEM: String, keyNote: String,
        announce: Bool
    ) async throws -> (some ApplicationProtocol, String) {
        let signingKey = try IdentityProvider.signingKey(pem: keyPEM)
        let province = try DemoProvince.load()
        let people = province.citizens.filter { $0.kind == .person }.map {
            IdentityRecord.demo(subject: $0.identifier, fullName: $0.fullName, address: $0.address, phone: $0.phone)
        }
        let provider = try await IdentityProvider(
            configuration: IdentityProviderConfiguration(
                issuer: issuer ?? "http://\(host):\(port)", clients: clients, people: people,
                password: DemoProvince.password),
            signingKey: signingKey, keyID: IdentityProvider.keyID(for: signingKey))

        var banner = "Simulated VNeID (OpenID Connect provider) for development and demonstrations.\n"
        banner += "  Issuer:    \(provider.issuer)\n  Discovery: \(provider.discoveryURL)\n"
        banner += "  Key:       \(keyNote), kid \(provider.keyID)\n"
        for client in clients {
            let kind = (client.secret ?? "").isEmpty ? "public" : "confidential"
            banner += "  Client:    \(client.id) (\(kind)) → \(client.redirectURIs.joined(separator: ", "))\n"
        }
        banner += "\nDemo people (password for all: \(DemoProvince.password); \(people.count) in total):\n"
        for person in people.prefix(5) {
            banner += "  \(person.subject)  \(person.fullName)\n"
        }

        let app = ReferenceServer.application(
            router: provider.router(), host: host, port: port, serverName: "OneGate-IdP", label: "onegate-idp",
            announce: announce)
        return (app, banner)
    }

    /// `ID:SECRET:REDIRECT_URI` options; the same id given twice adds a redirect URI.
    static func parseClients(_ options: [String]) throws -> [RegisteredClient] {
        guard !options.isEmpty else {
            throw ValidationError(
                "Register at least one relying party with --client ID:SECRET:REDIRECT_URI "
                    + "(e.g. --client onegate:s3cret:http://127.0.0.1:8080/callback).")
        }
        var clients: [RegisteredClient] = []
        for option in options {
            let parts = option.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, !parts[0].isEmpty, !parts[2].isEmpty else {
                throw ValidationError("--client \(option): expected ID:SECRET:REDIRECT_URI.")
            }
            let secret = parts[1].isEmpty ? nil : parts[1]
            if let index = clients.firstIndex(where: { $0.id == parts[0] }) {
                guard clients[index].secret == secret else {
                    throw ValidationError("--client \(parts[0]) is given twice with different secrets.")
                }
                clients[index].redirectURIs.append(parts[2])
            } else {
                clients.append(RegisteredClient(id: parts[0], secret: secret, redirectURIs: [parts[2]]))
            }
        }
        return clients
    }

    /// The signing key's PEM from `--key` (created there, readable by the owner only, when
    /// missing), or a key for this run only; and how to describe it.
    private func loadOrCreateKey() throws -> (pem: String, note: String) {
        guard let key else { return (IdentityProvider.newSigningKeyPEM(), "new, for this run only") }
        let url = URL(fileURLWithPath: key)
        if FileManager.default.fileExists(atPath: url.path) {
            return (try String(contentsOf: url, encoding: .utf8), url.path)
        }
        let pem = IdentityProvider.newSigningKeyPEM()
        guard
            FileManager.default.createFile(
                atPath: url.path, contents: Data(pem.utf8), attributes: [.posixPermissions: 0o600])
        else { throw ValidationError("Cannot create the key file \(url.path).") }
        return (pem, "\(url.path) (created)")
    }
}
