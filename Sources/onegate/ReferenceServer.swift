import Foundation
import Hummingbird
import Logging

/// The HTTP application of a reference service that stands in for a national system (the e-ID,
/// the registries): its router on one address, announcing where it listens when run on its own.
enum ReferenceServer {
    static func application(
        router: Router<BasicRequestContext>, host: String, port: Int, serverName: String, label: String,
        announce: Bool
    ) -> some ApplicationProtocol {
        var logger = Logger(label: label)
        logger.logLevel = .info
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: serverName),
            onServerRunning: { channel in
                guard announce else { return }
                let address = "http://\(host):\(channel.localAddress?.port ?? port)"
                FileHandle.standardOutput.write(Data("\nListening on \(address). Press Ctrl-C to stop.\n".utf8))
            },
            logger: logger)
    }
}
