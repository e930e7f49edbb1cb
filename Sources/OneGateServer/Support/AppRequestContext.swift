import Hummingbird
import OneGateCore

/// The request context: Hummingbird's core storage plus who is asking.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `AuthenticationMiddleware` when a valid token or session cookie came with the request.
    public var principal: Principal?

    public init(source: Source) {
        coreContext = .init(source: source)
        principal = nil
    }

    /// Uploads are read explicitly with their own limits; this caps everything else.
    public var maxUploadSize: Int { 21 * 1_048_576 }

    /// The principal, or `unauthenticated`.
    public func requirePrincipal() throws -> Principal {
        guard let principal else { throw OneGateError.unauthenticated }
        return principal
    }

    /// The officer making the request, or `unauthenticated` / `forbidden`.
    public func requireOfficer() throws -> Officer {
        switch try requirePrincipal() {
        case .officer(let officer): return officer
        default: throw OneGateError.forbidden
        }
    }
}
