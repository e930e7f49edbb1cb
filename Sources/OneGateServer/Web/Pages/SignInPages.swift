import Foundation
import Hummingbird
import OneGateCore

/// Signing in and out with a password (officers and local applicant accounts). The national
/// e-ID sign-in comes with the once-only issue and lands on the same session cookie.
struct SignInPages {
    let web: Web

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("sign-in", use: form)
        router.post("sign-in", use: signIn)
        router.post("sign-out", use: signOut)
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let next = Web.safeReturnPath(request.uri.queryParameters["next"].map(String.init))
        let problem = request.uri.queryParameters["problem"].map(String.init)
        return web.page(
            "sign-in", title: visitor.text("sign_in"), visitor: visitor,
            data: [
                "next": next, "eidAvailable": web.dependencies.identity != nil, "eidHref": Self.eidHref(next),
                "eidProblem": Self.problems.contains(problem ?? "") ? visitor.text(problem ?? "") : "",
            ])
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let form = try await web.readForm(request, visitor, limit: 8192)
        let next = Web.safeReturnPath(form["next"])
        let username = form["username"] ?? ""
        var errors: [[String: String]] = []
        if username.isEmpty {
            errors.append(["field": "username", "message": visitor.text("sign_in_username_missing")])
        }
        if (form["password"] ?? "").isEmpty {
            errors.append(["field": "password", "message": visitor.text("sign_in_password_missing")])
        }
        var principal: Principal?
        if errors.isEmpty {
            do {
                principal = try await AuthController.authenticate(
                    username: username, password: form.all("password").first ?? "", dependencies: web.dependencies)
            } catch let failure as OneGateError where failure.code == "invalid_credentials" {
                errors.append(["field": "username", "message": visitor.text(failure.message)])
            }
        }
        guard let principal else {
            return web.page(
                "sign-in", title: visitor.text("sign_in"), visitor: visitor,
                data: [
                    "next": next, "username": username, "errors": errors, "hasErrors": true,
                    "eidAvailable": web.dependencies.identity != nil, "eidHref": Self.eidHref(next),
                ]
                .merging(Self.fieldErrors(errors)) { $1 },
                status: .unprocessableContent)
        }
        let (token, expiresAt) = try await web.dependencies.sessions.create(for: principal)
        var destination = next
        if next == "/" {
            switch principal {
            case .applicant: destination = "/my/dossiers"
            case .officer(let officer):
                destination = officer.roles.contains { $0.role == .reception } ? "/counter" : "/work"
            case .system: destination = "/"
            }
        }
        var response = web.redirect(destination)
        response.setCookie(
            Cookie(
                name: AuthenticationMiddleware.cookieName, value: token, expires: expiresAt, path: "/",
                secure: visitor.secure, httpOnly: true, sameSite: .lax))
        return response
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        _ = try await web.readForm(request, visitor, limit: 4096)
        if let session = visitor.session { try await web.dependencies.sessions.end(token: session) }
        var response = web.redirect("/")
        response.setCookie(
            Cookie(
                name: AuthenticationMiddleware.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true,
                sameSite: .lax))
        return response
    }

    /// The e-ID outcomes the sign-in page may be asked to explain (`?problem=`).
    static let problems: Set<String> = ["eid_cancelled", "eid_expired", "eid_failed", "eid_unavailable"]

    /// The e-ID sign-in link that comes back to `next`.
    static func eidHref(_ next: String) -> String {
        "/sign-in/eid?next=\(Web.queryEscape(next))"
    }

    /// `fieldError_<name>` entries so that a template can show each message next to its field.
    static func fieldErrors(_ errors: [[String: String]]) -> [String: Any] {
        var values: [String: Any] = [:]
        for error in errors {
            if let field = error["field"], values["fieldError_\(field)"] == nil {
                values["fieldError_\(field)"] = error["message"] ?? ""
            }
        }
        return values
    }
}
