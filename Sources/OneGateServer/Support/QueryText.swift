import Foundation
import Hummingbird
import OneGateCore

/// Query parameters read the way browsers and HTTP libraries write them (`+` is a space), with
/// numbers checked instead of silently ignored.
struct QueryText {
    private var values: [String: String] = [:]

    init(_ request: Request) {
        for pair in (request.uri.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let name = parts.first, !name.isEmpty, values[name] == nil else { continue }
            values[name] = parts.count > 1 ? parts[1] : ""
        }
    }

    subscript(_ name: String) -> String? { values[name] }

    /// An integer parameter within `range`, `fallback` when absent, an error when malformed.
    func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text) else {
            throw OneGateError.invalid(
                field: name, vi: "Tham số \(name) phải là số nguyên.", en: "\(name) must be an integer.")
        }
        return min(max(value, range.lowerBound), range.upperBound)
    }

    /// A boolean parameter: `true` or `false`, `fallback` when absent.
    func boolean(_ name: String, default fallback: Bool = false) throws -> Bool {
        switch values[name] {
        case nil: return fallback
        case "true", "1": return true
        case "false", "0": return false
        default:
            throw OneGateError.invalid(
                field: name, vi: "Tham số \(name) phải là true hoặc false.",
                en: "\(name) must be true or false.")
        }
    }
}
