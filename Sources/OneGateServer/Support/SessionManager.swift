import Foundation
import OneGateCore
import Synchronization

/// Login sessions: random bearer tokens, stored only as hashes, resolved through a small cache so
/// that the hot path does not read the store for every request.
public final class SessionManager: Sendable {
    private struct Entry: Sendable {
        let principal: Principal
        /// The session's end, or a minute from caching, whichever is first: a disabled officer or
        /// a changed role takes effect within a minute, on every server.
        let cachedUntil: Date
    }

    private let store: any OneGateStore
    private let digest: @Sendable ([UInt8]) -> String
    private let clock: Clock
    private let cache = Mutex<[String: Entry]>([:])
    /// How long a session lasts.
    public let lifetime: TimeInterval = 8 * 3600

    init(store: any OneGateStore, digest: @escaping @Sendable ([UInt8]) -> String, clock: Clock) {
        self.store = store
        self.digest = digest
        self.clock = clock
    }

    /// Creates a session and returns its token (shown once; only its hash is stored).
    /// - Parameter assurance: the identity assurance level of an e-ID sign-in, kept with the session.
    public func create(for principal: Principal, assurance: Int? = nil) async throws -> (token: String, expiresAt: Date)
    {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let token = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let now = clock.now()
        let kind: Session.PrincipalKind
        switch principal {
        case .officer: kind = .officer
        case .applicant: kind = .applicant
        case .system: throw OneGateError.forbidden
        }
        let session = Session(
            tokenHash: digest(Array(token.utf8)), principalKind: kind, principalID: principal.id, createdAt: now,
            expiresAt: now.addingTimeInterval(lifetime), assurance: assurance)
        try await store.createSession(session)
        return (token, session.expiresAt)
    }

    /// The principal a token stands for, or `nil` when unknown or expired.
    public func resolve(token: String) async throws -> Principal? {
        guard token.count <= 128 else { return nil }
        let hash = digest(Array(token.utf8))
        let now = clock.now()
        if let entry = cache.withLock({ $0[hash] }), entry.cachedUntil > now { return entry.principal }
        guard let session = try await store.session(tokenHash: hash), session.expiresAt > now else { return nil }
        let principal: Principal?
        switch session.principalKind {
        case .officer: principal = try await store.officer(id: session.principalID).map(Principal.officer)
        case .applicant: principal = try await store.applicant(id: session.principalID).map(Principal.applicant)
        }
        guard let principal else { return nil }
        if case .officer(let officer) = principal, !officer.active { return nil }
        cache.withLock { cache in
            if cache.count > 50_000 { cache.removeAll() }
            cache[hash] = Entry(principal: principal, cachedUntil: min(session.expiresAt, now.addingTimeInterval(60)))
        }
        return principal
    }

    /// The identity assurance level the session was opened with (an e-ID sign-in), if any.
    public func assurance(token: String) async throws -> Int? {
        guard token.count <= 128 else { return nil }
        return try await store.session(tokenHash: digest(Array(token.utf8)))?.assurance
    }

    /// Ends a session.
    public func end(token: String) async throws {
        let hash = digest(Array(token.utf8))
        _ = cache.withLock { $0.removeValue(forKey: hash) }
        try await store.deleteSession(tokenHash: hash)
    }
}
