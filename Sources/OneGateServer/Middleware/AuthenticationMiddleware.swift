import Hummingbird
import OneGateCore

/// Resolves `Authorization: Bearer <token>` (API) or the `onegate_session` cookie (web) to a
/// principal. A missing token leaves the request anonymous; an invalid one is refused, so that a
/// client with an expired token learns it instead of silently seeing public data.
struct AuthenticationMiddleware: RouterMiddleware {
    let sessions: SessionManager

    static let cookieName = "onegate_session"
    static let sharingPrefix = "/api/v1/sharing/"

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        // The data-sharing API authenticates other agencies' systems with its own access tokens
        // (SharingController); a person's session means nothing there.
        if request.uri.path.hasPrefix(Self.sharingPrefix) { return try await next(request, context) }
        if let token = Self.token(in: request) {
            guard let principal = try await sessions.resolve(token: token) else {
                // On a web page an expired cookie just means "signed out": the page decides
                // whether it needs a sign-in, and the stale cookie is dropped.
                if Web.isPage(request.uri.path), request.headers[.authorization] == nil {
                    var response = try await next(request, context)
                    response.setCookie(
                        Cookie(name: Self.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .lax))
                    return response
                }
                throw OneGateError(
                    .unauthenticated, "invalid_token", vi: "Phiên đăng nhập không hợp lệ hoặc đã hết hạn.",
                    en: "The session token is invalid or has expired.")
            }
            context.principal = principal
        }
        return try await next(request, context)
    }

    /// The bearer token, or the session cookie. The API takes the cookie only for reads: a
    /// change through the API needs the `Authorization` header, which a cross-site form cannot
    /// send, so the cookie never authorises a forged request there (web forms carry CSRF tokens).
    static func token(in request: Request) -> String? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { return String(parts[1]) }
            return nil
        }
        let safe = request.method == .get || request.method == .head
        guard safe || !request.uri.path.hasPrefix("/api/") else { return nil }
        return request.cookies[cookieName]?.value
    }
}
