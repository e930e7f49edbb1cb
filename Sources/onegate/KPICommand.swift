import ArgumentParser
import Foundation
import OneGateCore
import OneGateRuntime

/// `onegate kpi`: the indicators' counters, checked against the event log.
struct KPICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpi", abstract: "Indicators: rebuild and check the counters.", subcommands: [Rebuild.self])

    struct Rebuild: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute every counter from the signed event log and report each difference.",
            discussion: """
                Every dossier is replayed from its events; the replayed row must equal the stored one, and
                the counters are summed from the replayed rows. Exits with status 1 when anything differs.
                With --repair the stored counters are replaced by the rebuilt ones (stop the servers first:
                a transition committed during the rebuild would be overwritten).
                """)

        @OptionGroup var data: DataOptions
        @Flag(help: "Replace the stored counters with the rebuilt ones.") var repair = false
        @Option(help: "Show at most this many differences.") var show = 50

        func run() async throws {
            let instance = try await Instance.open(folder: data.folder, configuration: try data.configuration())
            guard let store = instance.store as? any OneGateStore & StoreExport else {
                throw ValidationError("This store cannot be read page by page.")
            }
            let started = Date()
            let rebuild = CounterRebuild(store: store, service: instance.service)
            let report = try await rebuild.run { count in
                if count % 10_000 == 0 { print("… \(count) dossiers replayed") }
            }
            let seconds = Date().timeIntervalSince(started)
            print(
                "Replayed \(report.dossiers) dossiers (\(report.events) events) and checked "
                    + "\(report.countersChecked) counters in \(String(format: "%.1f", seconds)) s.")
            for problem in report.rowProblems.prefix(show) { print("row: \(problem)") }
            for difference in report.differences.prefix(show) { print("counter: \(difference)") }
            let hidden = report.rowProblems.count + report.differences.count - 2 * show
            if hidden > 0 { print("… and \(hidden) more.") }
            if report.isClean {
                print("Every counter equals its rebuild from the event log.")
                return
            }
            print("\(report.rowProblems.count) dossier problem(s), \(report.differences.count) counter difference(s).")
            if repair {
                try await rebuild.repair(report)
                print("Counters replaced by the rebuilt ones.")
                return
            }
            throw ExitCode(1)
        }
    }
}
