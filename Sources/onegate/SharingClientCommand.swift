import ArgumentParser
import Foundation
import OneGateRuntime
import OneGateServer

/// `onegate sharing-client`: the other agencies' systems allowed to use the data-sharing API.
/// Clients live in `onegate.json`; servers read them when they start.
struct SharingClientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sharing-client", abstract: "Register the systems of other agencies for the data-sharing API.",
        subcommands: [Add.self, List.self, Remove.self])

    /// The configuration as the file says it, without the environment's overrides (which must
    /// not be written back).
    static func load(_ data: String) throws -> (InstanceConfiguration, URL) {
        let folder = URL(fileURLWithPath: data, isDirectory: true).standardizedFileURL
        return (try InstanceConfiguration.load(from: folder, environment: [:]), folder)
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a client with a new random secret, printed once (only its hash is stored).")

        @Option(help: "The instance's data folder (holds onegate.json).") var data: String = "onegate-data"
        @Option(help: "The client_id: 1 to 64 of A-Z a-z 0-9 . _ -") var id: String
        @Option(help: "The agency's name, shown to people in \"who used my data\".") var agency: String
        @Option(
            name: .customLong("scope"),
            help: "A scope the client may use (repeat for several): results.read, documents.read.")
        var scopes: [String]

        func validate() throws {
            guard SharingAuthority.isValidID(id) else { throw ValidationError("--id: 1 to 64 of A-Z a-z 0-9 . _ -") }
            guard !agency.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ValidationError("--agency must not be empty.")
            }
            guard !scopes.isEmpty else { throw ValidationError("Give at least one --scope.") }
            for scope in scopes where SharingScope(rawValue: scope) == nil {
                throw ValidationError(
                    "Unknown scope \(scope); known: "
                        + SharingScope.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
        }

        func run() throws {
            var (configuration, folder) = try SharingClientCommand.load(data)
            var clients = configuration.sharingClients ?? []
            guard !clients.contains(where: { $0.id == id }) else {
                throw ValidationError("A client \(id) exists already; remove it first to give it a new secret.")
            }
            let secret = SharingAuthority.newSecret()
            let ordered = SharingScope.allCases.map(\.rawValue).filter(scopes.contains)
            clients.append(
                SharingClientConfiguration(
                    id: id, agency: agency.trimmingCharacters(in: .whitespacesAndNewlines),
                    secretHash: SharingAuthority.hashSecret(secret), scopes: ordered))
            configuration.sharingClients = clients
            try configuration.save(to: folder)
            print(
                """
                Added the data-sharing client \(id) (\(agency)) with the scopes \(ordered.joined(separator: " ")).
                Its secret, shown only now (OneGate keeps only its hash):

                    \(secret)

                Restart the instance's servers to let the client in. It asks for tokens at
                POST /api/v1/sharing/token (grant_type=client_credentials, HTTP Basic \(id):<secret>).
                """)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the clients (never their secrets).")

        @Option(help: "The instance's data folder (holds onegate.json).") var data: String = "onegate-data"

        func run() throws {
            let (configuration, _) = try SharingClientCommand.load(data)
            for client in configuration.sharingClients ?? [] {
                print("\(client.id)  \(client.scopes.joined(separator: " "))  \(client.agency)")
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a client; its tokens stop working when the servers restart.")

        @Option(help: "The instance's data folder (holds onegate.json).") var data: String = "onegate-data"
        @Option(help: "The client_id.") var id: String

        func run() throws {
            var (configuration, folder) = try SharingClientCommand.load(data)
            let clients = configuration.sharingClients ?? []
            guard clients.contains(where: { $0.id == id }) else { throw ValidationError("No client \(id).") }
            let remaining = clients.filter { $0.id != id }
            configuration.sharingClients = remaining.isEmpty ? nil : remaining
            try configuration.save(to: folder)
            print("Removed the data-sharing client \(id). Restart the instance's servers.")
        }
    }
}
