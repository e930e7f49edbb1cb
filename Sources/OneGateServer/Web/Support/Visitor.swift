import Foundation
import HTTPTypes
import Hummingbird
import OneGateCore

/// Who is looking at a page and in which language: built once per web request.
struct Visitor: Sendable {
    var language: Language
    var principal: Principal?
    /// The random `onegate_csrf` cookie of this browser (fresh when the browser had none).
    var browser: String
    var browserIsNew: Bool
    /// The session cookie, when signed in.
    var session: String?
    /// The path and query of the page, for the language switch and the sign-in return.
    var path: String
    var csrfToken: String
    /// Whether the request came over TLS (directly or through a proxy that says so).
    var secure: Bool

    static let languageCookie = "onegate_lang"

    init(request: Request, context: AppRequestContext, csrf: CSRFGuard) {
        let cookies = request.cookies
        if let query = request.uri.queryParameters["lang"].map(String.init), let chosen = Language(rawValue: query) {
            language = chosen
        } else if let saved = cookies[Self.languageCookie]?.value, let chosen = Language(rawValue: saved) {
            language = chosen
        } else {
            language = .vi
        }
        principal = context.principal
        if let existing = cookies[CSRFGuard.cookieName]?.value, existing.count >= 16, existing.count <= 64 {
            browser = existing
            browserIsNew = false
        } else {
            browser = IdentifierSource.randomToken(length: 32)
            browserIsNew = true
        }
        session = context.principal == nil ? nil : cookies[AuthenticationMiddleware.cookieName]?.value
        path = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        csrfToken = csrf.token(browser: browser, session: session)
        secure =
            request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https" || request.uri.scheme?.rawValue == "https"
    }

    var applicant: Applicant? {
        if case .applicant(let applicant) = principal { return applicant }
        return nil
    }

    var officer: Officer? {
        if case .officer(let officer) = principal { return officer }
        return nil
    }

    func text(_ key: String) -> String { WebTexts.text(key, language) }

    /// A localized text in the visitor's language.
    func text(_ localized: LocalizedText) -> String { localized.text(language) }

    /// The cookies a page answer must set: the CSRF cookie for a browser that had none.
    var cookiesToSet: [Cookie] {
        guard browserIsNew else { return [] }
        return [
            Cookie(
                name: CSRFGuard.cookieName, value: browser, maxAge: 365 * 24 * 3600, path: "/", secure: secure,
                httpOnly: true, sameSite: .lax)
        ]
    }
}
