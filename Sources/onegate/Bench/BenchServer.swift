import Foundation
import Logging
import OneGateRuntime
import OneGateServer

/// The instance's HTTP server on a free loopback port, in this process.
struct BenchServer {
    let port: Int
    let task: Task<Void, any Error>

    static func start(_ instance: Instance) async throws -> BenchServer {
        var logger = Logger(label: "onegate-bench")
        logger.logLevel = .warning
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = buildApplication(
            instance.dependencies, host: "127.0.0.1", port: 0, logger: logger,
            onServerRunning: { port in continuation.yield(port) })
        let task = Task { try await app.run() }
        var iterator = stream.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return BenchServer(port: port, task: task)
    }

    func stop() { task.cancel() }
}
