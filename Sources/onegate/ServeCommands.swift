import ArgumentParser
import Foundation
import Hummingbird
import Logging
import OneGateCore
import OneGateRuntime
import OneGateServer

/// `onegate init`: creates an empty instance (configuration, store, CA).
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a new, empty instance.")

    @OptionGroup var data: DataOptions
    @Option(help: "Instance name, shown on certificates and pages.") var name: String
    @Option(help: "Province (tenant) unit code, e.g. 000.00.00.H40.") var tenant: String

    func run() async throws {
        let path = data.folder.appendingPathComponent(InstanceConfiguration.fileName).path
        guard !FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("\(path) exists already; refusing to overwrite an instance.")
        }
        let configuration = InstanceConfiguration(
            instanceName: name, tenant: tenant, store: data.store ?? "sqlite:onegate.sqlite",
            secret: InstanceConfiguration.newSecret())
        try configuration.save(to: data.folder)
        _ = try await Instance.open(folder: data.folder, configuration: configuration)
        print("Created instance \"\(name)\" in \(data.folder.path)")
    }
}

/// `onegate serve`: the HTTP server (API and pages) with its in-process workers.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the HTTP server.")

    @OptionGroup var data: DataOptions
    @Option(help: "Address to listen on.") var host: String?
    @Option(help: "Port to listen on.") var port: Int?

    func run() async throws {
        var configuration = try data.configuration()
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        let instance = try await Instance.open(folder: data.folder, configuration: configuration)
        try await Server.run(instance, banner: { address in "OneGate listening on \(address)" })
    }
}

/// `onegate migrate`: applies pending store migrations and lists them.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply store migrations.")

    @OptionGroup var data: DataOptions

    func run() async throws {
        let instance = try await Instance.open(folder: data.folder, configuration: try data.configuration())
        for migration in try await instance.store.appliedMigrations() { print("applied \(migration)") }
        await instance.store.shutdown()
    }
}

/// Runs the HTTP application until SIGINT or SIGTERM.
enum Server {
    static func run(_ instance: Instance, banner: @escaping @Sendable (String) -> String) async throws {
        var logger = Logger(label: "onegate")
        logger.logLevel = .info
        let configuration = instance.configuration
        let app = buildApplication(
            instance.dependencies, host: configuration.host, port: configuration.port, logger: logger,
            onServerRunning: { port in
                FileHandle.standardOutput.write(Data((banner("http://\(configuration.host):\(port)") + "\n").utf8))
            })
        try await app.runService()
    }
}
