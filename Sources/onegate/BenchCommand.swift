import ArgumentParser

/// `onegate bench`: the benchmark of docs/benchmarks.md.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Measure throughput and latency.")

    func run() async throws {
        throw ValidationError("not built yet")
    }
}
