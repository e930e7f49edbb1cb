import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import OneGateCore

/// What every page handler shares: the application's dependencies, the templates and the CSRF
/// guard, with the helpers that turn a view into an answer.
struct Web: Sendable {
    let dependencies: AppDependencies
    let renderer: PageRenderer
    let csrf: CSRFGuard

    var service: DossierService { dependencies.service }
    var store: any OneGateStore { dependencies.store }

    func visitor(_ request: Request, _ context: AppRequestContext) -> Visitor {
        Visitor(request: request, context: context, csrf: csrf)
    }

    // MARK: - Answers

    /// A whole page: `template` rendered with `data`, inside the layout.
    func page(
        _ template: String, title: String, visitor: Visitor, data: [String: Any] = [:],
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var values = base(visitor)
        for (key, value) in data { values[key] = value }
        values["title"] = title
        let content = renderer.render(template, values)
        values["content"] = content
        let html = renderer.render("layout", values)
        var response = Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
        for cookie in visitor.cookiesToSet { response.setCookie(cookie) }
        return response
    }

    /// See Other: the answer to every successful form (post, redirect, get).
    func redirect(_ location: String, visitor: Visitor? = nil) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
        for cookie in visitor?.cookiesToSet ?? [] { response.setCookie(cookie) }
        return response
    }

    /// What the layout needs on every page.
    private func base(_ visitor: Visitor) -> [String: Any] {
        let other: Language = visitor.language == .vi ? .en : .vi
        var values: [String: Any] = [
            "t": WebTexts.table(visitor.language),
            "lang": visitor.language.rawValue,
            "csrf": visitor.csrfToken,
            "csrfField": CSRFGuard.fieldName,
            "languageSwitch": "/language/\(other.rawValue)?next=\(Self.queryEscape(visitor.path))",
            "instanceName": dependencies.instanceName,
            "nav": navigation(visitor),
        ]
        if let principal = visitor.principal {
            var name = ""
            switch principal {
            case .officer(let officer): name = officer.fullName
            case .applicant(let applicant): name = applicant.fullName
            case .system: name = "system"
            }
            values["user"] = ["name": name]
        }
        return values
    }

    private func navigation(_ visitor: Visitor) -> [[String: Any]] {
        var items: [(String, String)] = [
            ("/", "nav_home"), ("/status", "nav_status"), ("/verify", "nav_verify"), ("/statistics", "nav_statistics"),
        ]
        switch visitor.principal {
        case .applicant:
            items.append(("/my/dossiers", "nav_my_dossiers"))
            items.append(("/my/vault", "nav_vault"))
            items.append(("/my/data-access", "nav_data_access"))
        case .officer(let officer):
            let roles = Set(officer.roles.map(\.role))
            if !roles.isDisjoint(with: [.reception, .admin]) { items.append(("/counter", "nav_counter")) }
            if !roles.isDisjoint(with: [.specialist, .leader, .clerk, .reception, .admin, .auditor]) {
                items.append(("/work", "nav_work"))
            }
            if !roles.isDisjoint(with: [.admin, .unitAdmin]) { items.append(("/admin", "nav_admin")) }
        default: break
        }
        let current = visitor.path.split(separator: "?").first.map(String.init) ?? "/"
        return items.map { href, key in
            let isCurrent = href == "/" ? current == "/" : current.hasPrefix(href)
            return ["href": href, "label": visitor.text(key), "current": isCurrent]
        }
    }

    // MARK: - Requests

    /// Reads a submitted form (URL-encoded or multipart, at most `limit` bytes) and checks its
    /// CSRF token before anything else looks at it. Every handler that changes something calls
    /// this, so no change can be made without a valid token.
    func readForm(_ request: Request, _ visitor: Visitor, limit: Int = 65_536) async throws -> FormData {
        let body: [UInt8]
        do {
            var buffer = try await request.body.collect(upTo: limit)
            body = buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch {
            throw OneGateError(
                .payloadTooLarge, "payload_too_large", vi: "Dữ liệu gửi lên quá lớn.", en: "What you sent is too large."
            )
        }
        let form = try FormData.parse(contentType: request.headers[.contentType], body: body)
        guard !visitor.browserIsNew,
            csrf.accepts(form[CSRFGuard.fieldName], browser: visitor.browser, session: visitor.session)
        else { throw CSRFGuard.refused }
        return form
    }

    /// Checks an uploaded file by its content and size, and stores it once, owned by `owner`
    /// (who may then attach it). Returns its SHA-256.
    func storeUpload(_ file: UploadedFile, owner: String) async throws -> String {
        let contentType = try DocumentInspector.check(
            file.bytes, declared: file.contentType, maximumBytes: dependencies.limits.maximumDocumentBytes)
        let sha256 = service.signer.digest(file.bytes)
        try await store.putDocument(
            StoredDocument(sha256: sha256, contentType: contentType, bytes: file.bytes, createdAt: service.clock.now()),
            owner: owner, tenant: dependencies.tenant)
        return sha256
    }

    /// The signed-in principal, or a redirect to the sign-in page that comes back here.
    func requireSignIn(_ visitor: Visitor) throws -> Principal {
        guard let principal = visitor.principal else { throw WebRedirect.signIn(returnTo: visitor.path) }
        return principal
    }

    func requireApplicant(_ visitor: Visitor) throws -> Applicant {
        switch try requireSignIn(visitor) {
        case .applicant(let applicant): return applicant
        default: throw OneGateError.forbidden
        }
    }

    func requireOfficer(_ visitor: Visitor) throws -> Officer {
        switch try requireSignIn(visitor) {
        case .officer(let officer): return officer
        default: throw OneGateError.forbidden
        }
    }

    // MARK: - Formatting

    static func queryEscape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// A local path to return to, or "/" for anything that could lead off the site.
    static func safeReturnPath(_ candidate: String?) -> String {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.contains("\\"),
            candidate.count < 500
        else { return "/" }
        return candidate
    }

    /// A moment as the instance's local date and time, `dd/MM/yyyy HH:mm` (the administrative style).
    func dateTime(_ date: Date?) -> String {
        guard let date else { return "" }
        let local = service.calendar.localMoment(of: date)
        return String(
            format: "%02d/%02d/%04d %02d:%02d", local.date.day, local.date.month, local.date.year, local.minute / 60,
            local.minute % 60)
    }

    func date(_ date: Date?) -> String {
        guard let date else { return "" }
        let local = service.calendar.localDate(of: date)
        return String(format: "%02d/%02d/%04d", local.day, local.month, local.year)
    }

    /// An amount in đồng with dots between thousands, as written in Vietnam.
    static func money(_ amount: Int64) -> String {
        let digits = String(amount)
        var out = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0 { out.append(".") }
            out.append(character)
        }
        return String(out.reversed())
    }
}

/// A redirect thrown from deep inside a handler (to the sign-in page, mostly).
struct WebRedirect: Error, Sendable {
    var location: String

    static func signIn(returnTo path: String) -> WebRedirect {
        WebRedirect(location: "/sign-in?next=\(Web.queryEscape(path))")
    }
}
