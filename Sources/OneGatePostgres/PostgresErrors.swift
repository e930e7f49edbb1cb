import OneGateCore
import PostgresNIO

extension OneGateError {
    /// The database cannot be reached (or stopped answering); the request may be retried later.
    static let storeUnavailable = OneGateError(
        .unavailable, "store_unavailable",
        vi: "Kho dữ liệu tạm thời không truy cập được; vui lòng thử lại sau ít phút.",
        en: "The data store is temporarily unavailable; please try again in a few minutes.")
}

/// How OneGate reads a PostgreSQL failure. Only SQLSTATE classes and PostgresNIO error codes are
/// consulted, never the message, so nothing of the statement or its arguments leaks into answers.
enum PostgresFailure {
    case uniqueViolation
    /// A serialization failure or a deadlock: the transaction lost a race and may be retried.
    case lostRace
    /// The connection or the server went away: the outcome of an unfinished commit is unknown.
    case unavailable
    case other

    var isUnavailable: Bool {
        if case .unavailable = self { return true }
        return false
    }

    init(_ error: any Error) {
        if error is StaleConnection || error is LostConnection || error is LeaseTimeout {
            self = .unavailable
            return
        }
        guard let error = error as? PSQLError else {
            self = .other
            return
        }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            switch state {
            case "23505": self = .uniqueViolation
            case "40001", "40P01": self = .lostRace
            // 08: connection exception; 57P0x: admin/crash shutdown, cannot connect now; 53: out of resources.
            case _ where state.hasPrefix("08") || state.hasPrefix("57P") || state.hasPrefix("53"):
                self = .unavailable
            default: self = .other
            }
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown, .poolClosed,
            .queryCancelled, .sslUnsupported, .failedToAddSSLHandler:
            self = .unavailable
        default:
            self = .other
        }
    }
}

/// Thrown when no connection could be leased in time; becomes `store_unavailable`.
struct LeaseTimeout: Error {}

/// Thrown when the pool handed out a connection the server had already closed, before anything was
/// sent on it; the call takes another one, and after a few becomes `store_unavailable`.
struct StaleConnection: Error {}

/// Thrown when the connection closed in the middle of a transaction; becomes `store_unavailable`.
struct LostConnection: Error {}
