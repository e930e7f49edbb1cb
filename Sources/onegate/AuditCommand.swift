import ArgumentParser
import Foundation
import OneGateCore
import OneGateRuntime
import OneGateSigning

/// `onegate audit`: export a dossier's signed events for OpenSSL, and verify such an export.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Export and verify signed event chains.",
        subcommands: [Export.self, Verify.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a dossier's events, signatures and certificates.")

        @OptionGroup var data: DataOptions
        @Argument(help: "Dossier code (or submission reference or id).") var dossier: String
        @Argument(help: "Folder to write into (created).") var folder: String

        func run() async throws {
            let instance = try await Instance.open(folder: data.folder, configuration: try data.configuration())
            guard let found = try await instance.service.find(dossier) else {
                throw ValidationError("No dossier \(dossier).")
            }
            let events = try await instance.store.events(dossierID: found.id, tenant: instance.configuration.tenant)
            let target = URL(fileURLWithPath: folder, isDirectory: true)
            let (certificates, revocations) = SigningAuditAuthority.signers(of: events, in: instance.signer)
            try AuditExport.write(
                events: events, dossierCode: found.publicIdentifier, instanceName: instance.configuration.instanceName,
                certificates: certificates, caPEM: instance.signer.caCertificatePEM, revocations: revocations,
                to: target)
            print("Wrote \(events.count) events of \(found.publicIdentifier) to \(target.path)")
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Verify an export; names the first failing check.")

        @Argument(help: "The exported folder.") var folder: String

        func run() async throws {
            let report = AuditFolderVerifier.verify(folder: URL(fileURLWithPath: folder, isDirectory: true))
            print(report.description)
            if !report.ok { throw ExitCode(1) }
        }
    }
}
