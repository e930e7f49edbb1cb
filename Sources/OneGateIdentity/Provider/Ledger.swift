import Foundation

extension IdentityProvider {
    /// A validated authorisation request waiting for the person to sign in.
    struct PendingAuthorization: Sendable {
        var clientID: String
        var redirectURI: String
        var scopes: [String]
        var state: String?
        var nonce: String
        var codeChallenge: String
        var expires: Date
    }

    /// An authorisation code and everything it was issued for.
    struct AuthorizationGrant: Sendable {
        var clientID: String
        var redirectURI: String
        var scopes: [String]
        var nonce: String
        var codeChallenge: String
        var subject: String
        var authTime: Date
        var expires: Date
        /// Kept after the first exchange, until expiry, so a replay is told apart from a typo in logs.
        var used = false
    }

    /// What an access token lets its holder read at the userinfo endpoint.
    struct AccessGrant: Sendable {
        var subject: String
        var clientID: String
        var expires: Date
    }

    /// How long a sign-in page stays usable, and an authorisation code.
    static let pendingLifetime: TimeInterval = 600
    static let codeLifetime: TimeInterval = 60

    /// The provider's state: pending sign-ins (by transaction id), authorisation codes and access
    /// tokens, in memory, each with an expiry; expired entries are pruned as time passes.
    actor Ledger {
        enum Redemption: Sendable {
            case unknown, expired, alreadyUsed
            case valid(AuthorizationGrant)
        }

        private var pending: [String: PendingAuthorization] = [:]
        private var codes: [String: AuthorizationGrant] = [:]
        private var tokens: [String: AccessGrant] = [:]
        private var nextPruning = Date.distantPast

        /// Stores a pending sign-in and returns its new transaction id.
        func open(_ authorization: PendingAuthorization, now: Date) -> String {
            prune(now)
            let transaction = IdentityProvider.randomToken()
            pending[transaction] = authorization
            return transaction
        }

        /// The pending sign-in of `transaction`, if it exists and has not expired.
        func pendingAuthorization(_ transaction: String, now: Date) -> PendingAuthorization? {
            prune(now)
            guard let authorization = pending[transaction], now < authorization.expires else { return nil }
            return authorization
        }

        /// Takes the pending sign-in out, so one sign-in yields one code.
        func complete(_ transaction: String, now: Date) -> PendingAuthorization? {
            prune(now)
            guard let authorization = pending.removeValue(forKey: transaction), now < authorization.expires else {
                return nil
            }
            return authorization
        }

        func issueCode(_ grant: AuthorizationGrant, now: Date) -> String {
            prune(now)
            let code = IdentityProvider.randomToken()
            codes[code] = grant
            return code
        }

        /// Looks a code up and burns it: whatever the outcome of this exchange, the code can never
        /// be exchanged again (RFC 6749 §4.1.2), so a wrong verifier cannot be retried either.
        func redeem(_ code: String, now: Date) -> Redemption {
            prune(now)
            guard var grant = codes[code] else { return .unknown }
            guard now < grant.expires else { return .expired }
            guard !grant.used else { return .alreadyUsed }
            grant.used = true
            codes[code] = grant
            return .valid(grant)
        }

        func issueAccessToken(_ grant: AccessGrant, now: Date) -> String {
            prune(now)
            let token = IdentityProvider.randomToken()
            tokens[token] = grant
            return token
        }

        func accessGrant(_ token: String, now: Date) -> AccessGrant? {
            prune(now)
            guard let grant = tokens[token], now < grant.expires else { return nil }
            return grant
        }

        /// Drops what has expired, at most once a minute of the provider's clock.
        private func prune(_ now: Date) {
            guard now >= nextPruning else { return }
            nextPruning = now.addingTimeInterval(60)
            pending = pending.filter { now < $0.value.expires }
            codes = codes.filter { now < $0.value.expires }
            tokens = tokens.filter { now < $0.value.expires }
        }
    }
}
