import Foundation

/// What the reference identity provider serves: its issuer, its clients and its population.
public struct IdentityProviderConfiguration: Sendable {
    /// The issuer URL, e.g. `http://127.0.0.1:8081`, without a trailing slash. Endpoints live under
    /// it, so an issuer with a path (`http://host/idp`) mounts the routes under that path.
    public var issuer: String
    public var clients: [RegisteredClient]
    public var people: [IdentityRecord]
    /// One demo password for everybody: this provider simulates the e-ID, it is not one.
    public var password: String
    /// How long ID tokens (and access tokens) are valid, in seconds.
    public var tokenLifetime: TimeInterval
    /// The clock, injected so that tests can expire codes and tokens.
    public var now: @Sendable () -> Date

    public init(
        issuer: String, clients: [RegisteredClient], people: [IdentityRecord], password: String,
        tokenLifetime: TimeInterval = 300, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.issuer = issuer
        self.clients = clients
        self.people = people
        self.password = password
        self.tokenLifetime = tokenLifetime
        self.now = now
    }
}

/// Why an identity provider could not be set up.
public struct IdentityProviderSetupError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    init(_ description: String) { self.description = description }
}
