import ArgumentParser
import Foundation
import Hummingbird
import OneGateCore
import OneGateDemo
import OneGateIdentity
import OneGateRuntime

/// `onegate demo`: a complete demo province on the embedded store, with history, served locally.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Create (or reuse) a demo province with history and serve it.")

    @Option(help: "The demo's data folder.") var data: String = "onegate-demo"
    @Option(help: "How many dossiers to generate on first start.") var dossiers: Int = 3000
    @Option(help: "Months of history.") var months: Int = 18
    @Option(help: "Port to listen on.") var port: Int = 8080
    @Option(help: "Address to listen on.") var host: String = "127.0.0.1"
    @Flag(help: "Build the data and exit without serving.") var noServe = false
    @Option(help: "Port of the simulated national e-ID (onegate idp) run beside the demo; 0 for none.")
    var idpPort: Int = 8081
    @Option(help: "Port of the simulated national registries (onegate registry) run beside the demo; 0 for none.")
    var registryPort: Int = 8082

    func run() async throws {
        let folder = URL(fileURLWithPath: data, isDirectory: true).standardizedFileURL
        let province = try DemoProvince.load()
        let existing = try? InstanceConfiguration.load(from: folder)
        var configuration =
            existing
            ?? InstanceConfiguration(
                instanceName: province.instanceName, tenant: province.tenant, secret: InstanceConfiguration.newSecret())
        configuration.host = host
        configuration.port = port
        if existing == nil { try configuration.save(to: folder) }
        // The simulated e-ID runs in this process: citizens sign in through a real OpenID Connect
        // flow over HTTP. Its client secret and key are new every run (nothing to keep).
        let eidSecret = PKCE.randomToken()
        let registrySecret = PKCE.randomToken()
        if registryPort > 0 {
            configuration.registry = RegistryConfiguration(
                baseURL: "http://\(host):\(registryPort)", clientID: "onegate", secret: registrySecret)
        }
        if idpPort > 0 {
            configuration.eid = EIDConfiguration(
                issuer: "http://\(host):\(idpPort)", clientID: "onegate", clientSecret: eidSecret)
        }
        let instance = try await Instance.open(folder: folder, configuration: configuration)
        if try await instance.store.setting("demo.generated") == nil {
            print("Building the demo province in \(folder.path) …")
            let started = Date()
            let seeder = DemoSeeder(
                province: province, store: instance.store, passwords: instance.dependencies.passwords)
            let (officers, applicants) = try await seeder.seed()
            try await instance.reloadUnits()
            var history = DemoHistory(
                province: province, store: instance.store, signer: instance.signer, calendar: instance.service.calendar,
                codeFormat: configuration.codeFormat, units: instance.service.units, officers: officers,
                applicants: applicants, now: Date())
            history.documents = instance.service.documents
            let summary = try await history.generate(count: dossiers, months: months)
            try await instance.store.setSetting("demo.generated", value: Timestamp.format(Date()))
            print("Generated \(summary) in \(Int(Date().timeIntervalSince(started))) s.")
        }
        printAccounts(province)
        guard !noServe else { return }
        let serve: @Sendable () async throws -> Void = {
            try await Server.run(
                instance,
                banner: { address in
                    "\nOneGate demo is running at \(address)\n  API:     \(address)/api/v1/procedures?q=khai%20sinh\n"
                        + "  OpenAPI: \(address)/api/v1/openapi.json\n  Health:  \(address)/health\n"
                        + (idpPort > 0
                            ? "  e-ID:    http://\(host):\(idpPort) (simulated VNeID; sign in with a citizen's identifier "
                                + "and \(DemoProvince.password))\n" : "")
                        + "Press Ctrl-C to stop."
                })
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            if registryPort > 0 {
                let (registry, _) = try RegistryCommand.application(
                    host: host, port: registryPort,
                    clients: [RegistryClientCredential(id: "onegate", secret: registrySecret)], announce: false)
                group.addTask { try await registry.runService() }
            }
            if idpPort > 0 {
                let idp = try await identityProvider(eidSecret, configuration: configuration)
                group.addTask { try await idp.runService() }
            }
            group.addTask { try await serve() }
            // Either ending (Ctrl-C ends all) ends the demo.
            try await group.next()
            group.cancelAll()
        }
    }

    private func identityProvider(
        _ eidSecret: String, configuration: InstanceConfiguration
    ) async throws -> some ApplicationProtocol {
        let (idp, _) = try await IdentityProviderCommand.application(
            host: host, port: idpPort, issuer: nil,
            clients: [
                RegisteredClient(
                    id: "onegate", secret: eidSecret,
                    redirectURIs: [configuration.effectivePublicURL + "/sign-in/eid/callback"])
            ], keyPEM: IdentityProvider.newSigningKeyPEM(), keyNote: "new for this run", announce: false)
        return idp
    }

    /// A few accounts of each kind; docs/demo-data.md lists them all.
    private func printAccounts(_ province: DemoProvince) {
        print("\nDemo accounts (password for all: \(DemoProvince.password); the full list is in docs/demo-data.md):")
        var perRole: [Role: Int] = [:]
        for account in province.officers {
            guard let role = account.roles.first?.role, perRole[role, default: 0] < 2 else { continue }
            perRole[role, default: 0] += 1
            let roles = account.roles.map { "\($0.role.rawValue) @ \($0.unit)" }.joined(separator: ", ")
            print(
                "  \(account.username.padding(toLength: 22, withPad: " ", startingAt: 0)) \(account.fullName) — \(roles)"
            )
        }
        for citizen in province.citizens.prefix(2) where citizen.username != nil {
            print(
                "  \((citizen.username ?? "").padding(toLength: 22, withPad: " ", startingAt: 0)) \(citizen.fullName) — citizen"
            )
        }
    }
}
