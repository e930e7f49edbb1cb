import ArgumentParser
import Foundation
import OneGateCore
import OneGateRuntime

/// `onegate catalogue`: import and export the procedure catalogue as JSON.
struct CatalogueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue", abstract: "Import or export the catalogue.", subcommands: [Export.self, Import.self])

    struct Document: Codable {
        var procedures: [Procedure]
    }

    struct Export: AsyncParsableCommand {
        @OptionGroup var data: DataOptions
        @Argument(help: "File to write (JSON).") var file: String

        func run() async throws {
            let instance = try await Instance.open(folder: data.folder, configuration: try data.configuration())
            let procedures = try await instance.store.currentProcedures(tenant: instance.configuration.tenant)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(Document(procedures: procedures)).write(to: URL(fileURLWithPath: file))
            print("Exported \(procedures.count) procedures to \(file)")
        }
    }

    struct Import: AsyncParsableCommand {
        @OptionGroup var data: DataOptions
        @Argument(help: "File to read (JSON, as written by export).") var file: String

        func run() async throws {
            let instance = try await Instance.open(folder: data.folder, configuration: try data.configuration())
            let document = try JSONDecoder().decode(Document.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
            let summary = try await instance.store.importProcedures(
                document.procedures, tenant: instance.configuration.tenant)
            print("Created \(summary.created), new versions \(summary.newVersions), unchanged \(summary.unchanged)")
        }
    }
}
