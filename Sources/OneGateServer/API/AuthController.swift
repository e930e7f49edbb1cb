import Foundation
import HTTPTypes
import Hummingbird
import OneGateCore

/// Password login for officers and local applicant accounts; bearer tokens for the API.
struct AuthController {
    let dependencies: AppDependencies

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("auth/login", use: login)
        group.post("auth/logout", use: logout)
        group.get("me", use: me)
    }

    struct LoginRequest: Decodable {
        var username: String
        var password: String
    }

    struct LoginResponse: Encodable {
        var token: String
        var expiresAt: Date
        var principal: PrincipalView
    }

    /// A hash of a random password, verified against when the user does not exist, so that the
    /// answer takes the same time either way.
    private static let dummyHash =
        "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await JSONBody.decode(LoginRequest.self, from: request, limit: 4096)
        let principal = try await Self.authenticate(
            username: body.username, password: body.password, dependencies: dependencies)
        let (token, expiresAt) = try await dependencies.sessions.create(for: principal)
        var response = try JSONBody.response(
            LoginResponse(token: token, expiresAt: expiresAt, principal: PrincipalView(principal)))
        // The same session as a cookie, for the web pages: never readable by scripts, not sent on
        // cross-site subrequests, Secure when the request came over TLS (or a TLS proxy).
        let secure =
            request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https" || request.uri.scheme?.rawValue == "https"
        response.setCookie(
            Cookie(
                name: AuthenticationMiddleware.cookieName, value: token, expires: expiresAt, path: "/", secure: secure,
                httpOnly: true, sameSite: .lax))
        return response
    }

    /// Checks a username and password against officers, then local applicant accounts; the same
    /// work (one scrypt) whether or not the user exists.
    static func authenticate(
        username raw: String, password: String, dependencies: AppDependencies
    ) async throws
        -> Principal
    {
        let username = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard !username.isEmpty, username.count <= 100, password.count <= 200 else { throw Self.refused }
        if let (officer, hash) = try await dependencies.store.officerLogin(username: username) {
            guard dependencies.passwords.verify(password, against: hash), officer.active else { throw Self.refused }
            return .officer(officer)
        } else if let (applicant, hash) = try await dependencies.store.applicantLogin(username: username) {
            guard dependencies.passwords.verify(password, against: hash) else { throw Self.refused }
            return .applicant(applicant)
        }
        _ = dependencies.passwords.verify(password, against: Self.dummyHash)
        throw Self.refused
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requirePrincipal()
        if let token = AuthenticationMiddleware.token(in: request) { try await dependencies.sessions.end(token: token) }
        var response = Response(status: .noContent)
        response.setCookie(
            Cookie(
                name: AuthenticationMiddleware.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true,
                sameSite: .lax))
        return response
    }

    @Sendable func me(_ request: Request, context: AppRequestContext) async throws -> Response {
        try JSONBody.response(PrincipalView(try context.requirePrincipal()))
    }

    static let refused = OneGateError(
        .unauthenticated, "invalid_credentials",
        vi: "Tên đăng nhập hoặc mật khẩu không đúng.", en: "Wrong username or password.")
}

/// Who is signed in, as the API shows it.
struct PrincipalView: Encodable {
    var kind: String
    var id: String
    var name: String
    var roles: [RoleAssignment]

    init(_ principal: Principal) {
        switch principal {
        case .officer(let officer):
            kind = "officer"
            id = officer.id
            name = officer.fullName
            roles = officer.roles
        case .applicant(let applicant):
            kind = applicant.kind == .person ? "citizen" : "business"
            id = applicant.id
            name = applicant.fullName
            roles = []
        case .system:
            kind = "system"
            id = "system"
            name = "system"
            roles = []
        }
    }
}
