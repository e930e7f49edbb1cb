import ArgumentParser
import Foundation
import OneGateCore
import OneGateRuntime

/// `onegate migrate-store`: copies a whole instance into another, empty store (SQLite to
/// PostgreSQL, typically) and checks the copy; see docs/postgres.md.
struct MigrateStoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate-store",
        abstract: "Copy the whole instance into an empty store (e.g. PostgreSQL) and check the copy.",
        discussion: """
            Stop the servers first: the source is only read, and must not change during the copy. The target must \
            be empty; a copy that failed half-way resumes when the same command is run again. The command exits \
            with status 1 when the check finds a problem. Afterwards, point the instance's `store` (onegate.json \
            or ONEGATE_STORE) at the target.
            """)

    @Option(name: .long, help: "The instance's data folder (holds onegate.json: secret, name and calendar).")
    var data: String = "onegate-data"

    @Option(help: "The store to copy from (default: the store onegate.json names), e.g. sqlite:onegate.sqlite.")
    var from: String?

    @Option(help: "The empty store to copy into, e.g. postgres://onegate:secret@db:5432/onegate.")
    var to: String

    @Option(help: "Rows per page (documents go a few at a time whatever this is).")
    var batchSize: Int = 500

    @Flag(help: "Only check an earlier copy against its source; copy nothing.")
    var checkOnly = false

    func validate() throws {
        guard (1...10_000).contains(batchSize) else { throw ValidationError("--batch-size must be 1 to 10000.") }
    }

    func run() async throws {
        let folder = URL(fileURLWithPath: data, isDirectory: true).standardizedFileURL
        let configuration = try InstanceConfiguration.load(from: folder)
        let source = try await StoreMigration.openSource(from ?? configuration.store, folder: folder)
        let target: StoreMigration.OpenedEndpoint<any OneGateStore & StoreTransfer>
        do {
            target = try await StoreMigration.openTarget(to, folder: folder)
        } catch {
            await source.close()
            throw error
        }
        var migration = StoreMigration(
            source: source.store, sourceDescription: source.description, target: target.store,
            targetDescription: target.description, configuration: configuration)
        migration.batchSize = batchSize
        migration.log = Self.say
        let started = ContinuousClock.now
        let report: StoreMigrationReport
        do {
            Self.say("\(checkOnly ? "Checking" : "Copying") \(source.description) → \(target.description)")
            if checkOnly {
                report = try await migration.verify()
            } else {
                report = try await migration.run()
            }
        } catch {
            await source.close()
            await target.close()
            throw error
        }
        await source.close()
        await target.close()
        Self.say("\(report)")
        Self.say("Took \(started.duration(to: .now).components.seconds) s.")
        guard report.ok else { throw ExitCode(1) }
        if !checkOnly {
            Self.say(
                "The copy is complete. Point the instance at it: set \"store\" in onegate.json (or ONEGATE_STORE) "
                    + "to the target's URL, then start the servers.")
        }
    }

    /// Writes a line unbuffered, so that progress shows in a log file as it happens (and survives a kill).
    @Sendable static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
