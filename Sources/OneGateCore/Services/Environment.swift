import Foundation
import Synchronization

/// Time and identifiers, injected so that tests and the demo generator are deterministic.
public struct Clock: Sendable {
    public var now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    public static let system = Clock { Date() }
}

/// Generators of identifiers and secrets.
public struct IdentifierSource: Sendable {
    public var id: @Sendable () -> String
    public var secret: @Sendable () -> String

    public init(id: @escaping @Sendable () -> String, secret: @escaping @Sendable () -> String) {
        self.id = id
        self.secret = secret
    }

    /// Random UUIDs and 10-character secrets from an alphabet without look-alike characters.
    public static let random = IdentifierSource(
        id: { UUID().uuidString.lowercased() },
        secret: { randomToken(length: 10) })

    /// Random text from an unambiguous alphabet (no 0/O, 1/I/L).
    public static func randomToken(length: Int) -> String {
        let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }
}

/// A cache of immutable values (procedure versions never change once stored).
public final class ImmutableCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let storage = Mutex<[Key: Value]>([:])

    public init() {}

    public func value(_ key: Key) -> Value? { storage.withLock { $0[key] } }

    public func store(_ value: Value, for key: Key) { storage.withLock { $0[key] = value } }
}

/// A value that is replaced as a whole (the unit tree after an edit).
public final class Snapshot<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    public init(_ value: Value) { storage = Mutex(value) }

    public var value: Value { storage.withLock { $0 } }

    public func replace(_ value: Value) { storage.withLock { $0 = value } }
}
