import Foundation
import Hummingbird
import Logging
import OneGateCore
import OneGateIdentity

/// Signing citizens in with the national e-ID (once-only.md): OpenID Connect authorisation code
/// flow with PKCE. `/sign-in/eid` stores the flow (state, nonce, verifier) and sends the browser to
/// the provider; `/sign-in/eid/callback` takes the flow back once, exchanges the code, verifies the
/// ID token, maps the personal identifier to the applicant (creating the account on first sign-in)
/// and opens a session that keeps the assurance level.
///
/// The browser is bound to its flow by a cookie holding the state (SameSite=Lax: the provider's
/// redirect is a top-level GET, which Lax lets through); the flow row is deleted when used, so a
/// state, its nonce and its code serve one sign-in only.
struct EIDSignInPages {
    let web: Web
    static let cookieName = "onegate_eid"
    /// How long a sign-in may take at the provider.
    static let flowLifetime: TimeInterval = 600

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("sign-in/eid", use: start)
        router.get("sign-in/eid/callback", use: callback)
    }

    @Sendable func start(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let next = Web.safeReturnPath(request.uri.queryParameters["next"].map(String.init))
        guard let client = web.dependencies.identity else { return failure(visitor, "eid_not_configured", .notFound) }
        let pkce = PKCE()
        let flow = SignInFlow(
            state: PKCE.randomToken(), nonce: PKCE.randomToken(), verifier: pkce.verifier, next: next,
            createdAt: web.service.clock.now())
        let location: String
        do {
            location = try await client.authorizationURL(state: flow.state, nonce: flow.nonce, pkce: pkce)
        } catch {
            context.logger.warning("e-ID provider unavailable", metadata: ["code": "\(error.code.rawValue)"])
            return failure(visitor, "eid_unavailable", .serviceUnavailable)
        }
        try await web.store.saveSignInFlow(flow)
        var response = Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
        response.setCookie(
            Cookie(
                name: Self.cookieName, value: flow.state, maxAge: Int(Self.flowLifetime), path: "/sign-in/eid",
                secure: visitor.secure, httpOnly: true, sameSite: .lax))
        return response
    }

    @Sendable func callback(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        guard let client = web.dependencies.identity else { return failure(visitor, "eid_not_configured", .notFound) }
        let query = request.uri.queryParameters
        let state = query["state"].map(String.init) ?? ""
        // The state must be the one this browser started with: a link someone else started is refused.
        guard !state.isEmpty, state.count <= 100, request.cookies[Self.cookieName]?.value == state,
            let flow = try await web.store.takeSignInFlow(
                state: state, notBefore: web.service.clock.now().addingTimeInterval(-Self.flowLifetime))
        else { return failure(visitor, "eid_expired", .badRequest) }
        if query["error"] != nil {
            // Back to the sign-in page the person came from, with their destination kept.
            return web.redirect(
                "/sign-in?problem=eid_cancelled&next=\(Web.queryEscape(flow.next ?? "/"))")
        }
        guard let code = query["code"].map(String.init), !code.isEmpty, code.count <= 512 else {
            return failure(visitor, "eid_failed", .badRequest)
        }
        let claims: IDTokenClaims
        do {
            claims = try await client.signIn(code: code, pkce: PKCE(verifier: flow.verifier), nonce: flow.nonce)
        } catch {
            // The reason goes to the log by its stable code only: no token or personal data.
            context.logger.warning("e-ID sign-in refused", metadata: ["code": "\(error.code.rawValue)"])
            return failure(
                visitor, error.code == .providerUnavailable ? "eid_unavailable" : "eid_failed",
                error.code == .providerUnavailable ? .serviceUnavailable : .unauthorized)
        }
        let applicant = try await applicant(for: claims)
        let (token, expiresAt) = try await web.dependencies.sessions.create(
            for: .applicant(applicant), assurance: claims.assuranceLevel)
        var response = web.redirect(flow.next == nil || flow.next == "/" ? "/my/dossiers" : flow.next!)
        response.setCookie(
            Cookie(
                name: AuthenticationMiddleware.cookieName, value: token, expires: expiresAt, path: "/",
                secure: visitor.secure, httpOnly: true, sameSite: .lax))
        response.setCookie(
            Cookie(name: Self.cookieName, value: "", maxAge: 0, path: "/sign-in/eid", httpOnly: true, sameSite: .lax))
        return response
    }

    /// The applicant with this personal identifier; created on the first sign-in, and their name,
    /// address and phone kept as the e-ID says (once-only: people are not asked again).
    private func applicant(for claims: IDTokenClaims) async throws -> Applicant {
        let tenant = web.dependencies.tenant
        let identifier = claims.sub.value
        guard !identifier.isEmpty, identifier.count <= 64 else {
            throw OneGateError.invalid(field: "sub", vi: "Định danh không hợp lệ.", en: "The identifier is not valid.")
        }
        var applicant =
            try await web.store.applicant(identifier: identifier, tenant: tenant)
            ?? Applicant(
                id: UUID().uuidString.lowercased(), kind: .person, identifier: identifier,
                fullName: claims.name ?? identifier)
        applicant.fullName = claims.name ?? applicant.fullName
        applicant.address = claims.address ?? applicant.address
        applicant.phone = claims.phone_number ?? applicant.phone
        // A nil password hash keeps the one the account may have (the stores coalesce it).
        try await web.store.saveApplicant(applicant, passwordHash: nil, tenant: tenant)
        return applicant
    }

    private func failure(_ visitor: Visitor, _ key: String, _ status: HTTPResponse.Status) -> Response {
        web.page(
            "sign-in", title: visitor.text("sign_in"), visitor: visitor,
            data: [
                "next": "/", "eidProblem": visitor.text(key), "eidAvailable": web.dependencies.identity != nil,
                "eidHref": SignInPages.eidHref("/"),
            ], status: status)
    }
}
