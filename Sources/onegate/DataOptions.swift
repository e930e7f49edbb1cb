import ArgumentParser
import Foundation
import OneGateRuntime

/// Where the instance lives.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "The instance's data folder (holds onegate.json and the embedded store).")
    var data: String = "onegate-data"

    @Option(name: .long, help: "Store location, e.g. sqlite:/var/lib/onegate/onegate.sqlite (overrides the file).")
    var store: String?

    var folder: URL { URL(fileURLWithPath: data, isDirectory: true).standardizedFileURL }

    func configuration() throws -> InstanceConfiguration {
        var configuration = try InstanceConfiguration.load(from: folder)
        if let store { configuration.store = store }
        return configuration
    }
}
