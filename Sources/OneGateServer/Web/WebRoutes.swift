import Hummingbird
import NIOCore
import OneGateCore

/// Every web page of the portal, by area.
struct WebRoutes {
    let web: Web

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("static/{file}", use: asset)
        router.get("language/{language}", use: switchLanguage)
        SignInPages(web: web).addRoutes(to: router)
        EIDSignInPages(web: web).addRoutes(to: router)
        CitizenDataAccessPages(web: web).addRoutes(to: router)
        VaultPages(web: web).addRoutes(to: router)
        PublicPages(web: web).addRoutes(to: router)
        CitizenPages(web: web).addRoutes(to: router)
        CounterPages(web: web).addRoutes(to: router)
        OfficerPages(web: web).addRoutes(to: router)
        AdminPages(web: web).addRoutes(to: router)
        IndicatorPages(web: web).addRoutes(to: router)
        ResultPages(web: web).addRoutes(to: router)
        DocumentDownloads(web: web).addRoutes(to: router)
    }

    @Sendable func asset(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let asset = PageRenderer.asset(named: try context.parameters.require("file")) else {
            throw OneGateError.notFound("file")
        }
        return Response(
            status: .ok,
            headers: [.contentType: asset.contentType, .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }

    /// The language switch: a plain link that works without scripts; remembered in a cookie.
    @Sendable func switchLanguage(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let language = Language(rawValue: try context.parameters.require("language")) else {
            throw OneGateError.notFound("language")
        }
        let next = Web.safeReturnPath(request.uri.queryParameters["next"].map(String.init))
        var response = web.redirect(next)
        response.setCookie(
            Cookie(
                name: Visitor.languageCookie, value: language.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                httpOnly: true, sameSite: .lax))
        return response
    }
}

extension Web {
    /// Whether a path is a web page (HTML errors, sign-in redirects) rather than the API or
    /// an operations endpoint.
    static func isPage(_ path: String) -> Bool {
        !(path.hasPrefix("/api/") || path == "/api" || path == "/health" || path == "/livez"
            || path == "/metrics" || path.hasPrefix("/static/"))
    }

    /// An error as a page: what went wrong in plain words, its stable code and the request id.
    func errorPage(_ failure: OneGateError, request: Request, context: AppRequestContext) -> Response {
        let visitor = visitor(request, context)
        if failure.kind == .unauthenticated, request.method == .get {
            return redirect(WebRedirect.signIn(returnTo: visitor.path).location)
        }
        let titleKey: String
        switch failure.code {
        case "csrf_failed": titleKey = "csrf_title"
        case "forbidden": titleKey = "forbidden_title"
        case "not_found": titleKey = "not_found_title"
        default: titleKey = "error_title"
        }
        return page(
            "error", title: visitor.text(titleKey), visitor: visitor,
            data: [
                "message": visitor.text(failure.message), "code": failure.code, "requestId": context.id,
                "isCSRF": failure.code == "csrf_failed",
            ],
            status: failure.kind.status)
    }
}
