import Foundation
import Hummingbird

extension IdentityProvider {
    /// `GET /authorize`: checks the authorisation request and shows the sign-in page.
    ///
    /// The client and its redirect URI are checked first, and any problem with them is shown here
    /// and never redirected: an unchecked redirect URI would make the provider an open redirector
    /// (RFC 6749 §4.1.2.1). Every later problem goes back to the client as `error=…` with `state`.
    func authorize(_ request: Request) async -> Response {
        let parameters = Parameters(urlEncoded: request.uri.query ?? "")
        let repeated = parameters.repeatedNames
        guard let clientID = parameters["client_id"], !repeated.contains("client_id"),
            let client = clients[clientID]
        else {
            return Self.html(
                Self.errorPage(
                    Bilingual(
                        vi: "Dịch vụ yêu cầu đăng nhập không được đăng ký với máy chủ định danh này.",
                        en: "The service asking you to sign in is not registered with this identity provider.")),
                status: .badRequest)
        }
        guard let redirectURI = parameters["redirect_uri"], !repeated.contains("redirect_uri"),
            client.redirectURIs.contains(redirectURI)
        else {
            return Self.html(
                Self.errorPage(
                    Bilingual(
                        vi: "Địa chỉ trả về (redirect_uri) không khớp với địa chỉ đã đăng ký của dịch vụ.",
                        en: "The return address (redirect_uri) does not match the one registered for the service.")),
                status: .badRequest)
        }

        let state = parameters["state"]
        func refuse(_ error: String, _ description: String) -> Response {
            Self.redirect(
                to: Self.appendingQuery(
                    to: redirectURI,
                    [("error", error), ("error_description", description), ("state", state), ("iss", issuer)]))
        }

        if let name = repeated.first { return refuse("invalid_request", "Parameter \(name) is repeated.") }
        guard let responseType = parameters["response_type"] else {
            return refuse("invalid_request", "response_type is missing.")
        }
        guard responseType == "code" else {
            return refuse("unsupported_response_type", "Only the authorization code flow (code) is supported.")
        }
        if let mode = parameters["response_mode"], mode != "query" {
            return refuse("invalid_request", "Only response_mode=query is supported.")
        }
        if parameters["request"] != nil { return refuse("request_not_supported", "Request objects are not supported.") }
        if parameters["request_uri"] != nil {
            return refuse("request_uri_not_supported", "request_uri is not supported.")
        }
        let requested = (parameters["scope"] ?? "").split(separator: " ").map(String.init)
        guard requested.contains("openid") else {
            return refuse("invalid_scope", "The openid scope is required.")
        }
        guard let nonce = parameters["nonce"] else {
            return refuse("invalid_request", "nonce is required.")
        }
        guard let challenge = parameters["code_challenge"] else {
            return refuse("invalid_request", "PKCE is required: code_challenge is missing.")
        }
        guard parameters["code_challenge_method"] == "S256" else {
            return refuse("invalid_request", "PKCE is required with code_challenge_method=S256.")
        }
        // A SHA-256 in base64url is always 43 characters.
        guard Self.isPKCEString(challenge, length: 43...43), !challenge.contains("."), !challenge.contains("~") else {
            return refuse("invalid_request", "code_challenge is not a base64url SHA-256.")
        }
        // The provider keeps no session, so it can never answer without showing the sign-in page.
        if (parameters["prompt"] ?? "").split(separator: " ").contains("none") {
            return refuse("login_required", "The person must sign in.")
        }

        let now = self.now()
        let scopes = Self.supportedScopes.filter(requested.contains)
        let transaction = await ledger.open(
            PendingAuthorization(
                clientID: clientID, redirectURI: redirectURI, scopes: scopes, state: state, nonce: nonce,
                codeChallenge: challenge, expires: now.addingTimeInterval(Self.pendingLifetime)),
            now: now)
        return Self.html(signInPage(transaction: transaction, clientID: clientID), status: .ok)
    }

    /// `POST /authorize`: the sign-in form. A wrong identifier or password shows the form again
    /// (422); a right one issues a single-use code and sends the browser back to the client.
    func signIn(_ request: Request) async -> Response {
        let expired = Self.html(
            Self.errorPage(
                Bilingual(
                    vi: "Phiên đăng nhập không hợp lệ hoặc đã hết hạn.",
                    en: "This sign-in is not valid or has expired.")),
            status: .badRequest)
        let now = self.now()
        guard let form = await Self.formBody(request), let transaction = form["transaction"],
            let pending = await ledger.pendingAuthorization(transaction, now: now)
        else { return expired }

        if form["action"] == "cancel" {
            guard await ledger.complete(transaction, now: now) != nil else { return expired }
            return Self.redirect(
                to: Self.appendingQuery(
                    to: pending.redirectURI,
                    [
                        ("error", "access_denied"), ("error_description", "The person cancelled the sign-in."),
                        ("state", pending.state), ("iss", issuer),
                    ]))
        }

        let identifier = (form["identifier"] ?? "").filter { !$0.isWhitespace }
        let password = form["password"] ?? ""
        // The password is checked even for an unknown identifier, so both failures take as long.
        let passwordMatches = Self.secretsMatch(password, configuration.password)
        guard let person = people[identifier], passwordMatches else {
            return Self.html(
                signInPage(
                    transaction: transaction, clientID: pending.clientID, identifier: String(identifier.prefix(12)),
                    error: Self.wrongCredentials),
                status: .unprocessableContent)
        }
        // Taken out of the ledger only now: a pending sign-in yields exactly one code.
        guard await ledger.complete(transaction, now: now) != nil else { return expired }
        let code = await ledger.issueCode(
            AuthorizationGrant(
                clientID: pending.clientID, redirectURI: pending.redirectURI, scopes: pending.scopes,
                nonce: pending.nonce, codeChallenge: pending.codeChallenge, subject: person.subject, authTime: now,
                expires: now.addingTimeInterval(Self.codeLifetime)),
            now: now)
        return Self.redirect(
            to: Self.appendingQuery(
                to: pending.redirectURI, [("code", code), ("state", pending.state), ("iss", issuer)]))
    }
}
