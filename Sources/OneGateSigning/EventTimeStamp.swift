import Foundation
import OneGateCore

/// The `at` instant of an event, read straight from its canonical bytes.
///
/// `EventSigner.sign(_:as:)` receives only bytes, yet the key it picks must be certified at the
/// event's `at` (the demo and imports sign events dated in the past). Decoding the JSON on every
/// signature would cost more than the signature, so the `at` member is found by a byte scan and
/// compared as text: `Timestamp.format` output is fixed-width, so text order is time order.
struct EventTimeStamp: Sendable, Hashable, Comparable {
    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` as UTF-8.
    let bytes: [UInt8]

    init(_ date: Date) {
        bytes = Array(Timestamp.format(date).utf8)
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var date: Date? { Timestamp.parse(String(decoding: bytes, as: UTF8.self)) }

    static func < (lhs: EventTimeStamp, rhs: EventTimeStamp) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    private static let marker = Array("\"at\":\"".utf8)
    private static let formattedLength = 24

    /// The event's `at`, or `nil` when the bytes are not an event envelope.
    ///
    /// In JCS output a quote inside a string is always escaped, so `"at":"` can only be a member
    /// name; the envelope's only earlier member, `actor`, holds no `at` of its own.
    static func find(in canonical: [UInt8]) -> EventTimeStamp? {
        let count = canonical.count
        guard count > marker.count else { return nil }
        var index = 0
        outer: while index + marker.count <= count {
            for offset in 0..<marker.count where canonical[index + offset] != marker[offset] {
                index += 1
                continue outer
            }
            let start = index + marker.count
            guard let end = canonical[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            let text = Array(canonical[start..<end])
            if text.count == formattedLength, text.last == UInt8(ascii: "Z") { return EventTimeStamp(bytes: text) }
            // Another RFC 3339 spelling: normalise through a real parse (rare, never on the hot path).
            guard let date = Timestamp.parse(String(decoding: text, as: UTF8.self)) else { return nil }
            return EventTimeStamp(date)
        }
        return nil
    }
}
