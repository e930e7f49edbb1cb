import Foundation
import Synchronization

/// Request counters and a latency histogram, exposed in the Prometheus text format at `/metrics`.
public final class RequestMetrics: Sendable {
    private struct State {
        var requests: [String: Int] = [:]
        var buckets: [Int] = Array(repeating: 0, count: RequestMetrics.bounds.count + 1)
        var sum: Double = 0
        var count = 0
    }

    static let bounds: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]
    private let state = Mutex(State())

    public init() {}

    /// Records one answered request.
    public func record(method: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.requests["\(method) \(status)", default: 0] += 1
            let index = Self.bounds.firstIndex { seconds <= $0 } ?? Self.bounds.count
            state.buckets[index] += 1
            state.sum += seconds
            state.count += 1
        }
    }

    /// The Prometheus exposition text.
    public func exposition(extra: [String: Int] = [:]) -> String {
        let snapshot = state.withLock { $0 }
        var lines = [
            "# HELP onegate_http_requests_total HTTP requests answered, by method and status.",
            "# TYPE onegate_http_requests_total counter",
        ]
        for (key, value) in snapshot.requests.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: " ")
            lines.append("onegate_http_requests_total{method=\"\(parts[0])\",status=\"\(parts[1])\"} \(value)")
        }
        lines += [
            "# HELP onegate_http_request_duration_seconds Time to answer a request.",
            "# TYPE onegate_http_request_duration_seconds histogram",
        ]
        var cumulative = 0
        for (index, bound) in Self.bounds.enumerated() {
            cumulative += snapshot.buckets[index]
            lines.append("onegate_http_request_duration_seconds_bucket{le=\"\(bound)\"} \(cumulative)")
        }
        cumulative += snapshot.buckets[Self.bounds.count]
        lines.append("onegate_http_request_duration_seconds_bucket{le=\"+Inf\"} \(cumulative)")
        lines.append("onegate_http_request_duration_seconds_sum \(snapshot.sum)")
        lines.append("onegate_http_request_duration_seconds_count \(snapshot.count)")
        for (name, value) in extra.sorted(by: { $0.key < $1.key }) {
            lines += ["# TYPE \(name) gauge", "\(name) \(value)"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
