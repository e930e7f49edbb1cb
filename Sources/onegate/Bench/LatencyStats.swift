import Dispatch

/// Throughput and latency of one benchmark phase.
struct PhaseResult {
    var name: String
    var requests: Int
    var errors: Int
    var seconds: Double
    var latencies: [Double]

    var rate: Double { Double(requests) / max(seconds, 1e-9) }

    func percentile(_ p: Double) -> Double {
        guard !latencies.isEmpty else { return 0 }
        let sorted = latencies.sorted()
        let index = min(sorted.count - 1, max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[index]
    }

    var row: String {
        func f(_ value: Double, _ digits: Int = 2) -> String {
            let scale = Double([1, 10, 100, 1000][digits])
            return String((value * scale).rounded() / scale)
        }
        return "| \(name) | \(requests) | \(errors) | \(f(seconds)) | \(Int(rate.rounded())) | \(f(percentile(50))) | "
            + "\(f(percentile(99))) | \(f(latencies.max() ?? 0)) |"
    }

    static let header = """
        | phase | requests | errors | seconds | per second | p50 ms | p99 ms | max ms |
        | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
        """
}

/// Monotonic seconds.
func monotonicSeconds() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
}
