import ArgumentParser
import Foundation
import OneGateCore
import OneGateRuntime

/// `onegate keys`: the instance's certificates, and revocation.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "List and revoke signing certificates.", subcommands: [List.self, Revoke.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every certificate (the private keys stay encrypted).")

        @OptionGroup var data: DataOptions

        func run() async throws {
            let instance = try await Instance.open(folder: data.folder, configuration: try data.configuration())
            for credential in instance.signer.allCredentials().sorted(by: { $0.notBefore < $1.notBefore }) {
                let revoked = credential.revokedAt.map { " revoked \(Timestamp.format($0))" } ?? ""
                print(
                    "\(credential.serial)  \(credential.subject)  \(Timestamp.format(credential.notBefore)) → "
                        + "\(Timestamp.format(credential.notAfter))\(revoked)")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a certificate: signatures made before the moment stay valid, later ones do not.")

        @OptionGroup var data: DataOptions
        @Argument(help: "The certificate's serial (hex).") var serial: String
        @Option(help: "Revocation moment (RFC 3339); default now.") var at: String?

        func run() async throws {
            let instance = try await Instance.open(folder: data.folder, configuration: try data.configuration())
            guard instance.signer.credential(serial: serial) != nil else {
                throw ValidationError("No certificate \(serial).")
            }
            let moment =
                try at.map { text in
                    guard let date = Timestamp.parse(text) else { throw ValidationError("Invalid --at \(text).") }
                    return date
                } ?? Date()
            try await instance.signer.revoke(serial: serial, at: moment)
            print("Revoked \(serial) from \(Timestamp.format(moment)).")
        }
    }
}
