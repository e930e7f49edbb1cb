import Foundation
import Hummingbird

extension IdentityProvider {
    /// The token endpoint's answer (RFC 6749 §5.1, OIDC Core §3.1.3.3).
    struct TokenResponse: Encodable {
        var access_token: String
        var token_type: String
        var expires_in: Int
        var id_token: String
        var scope: String
    }

    /// `POST /token`: exchanges an authorisation code for an ID token and an access token.
    ///
    /// Order of checks: the request's form, the grant type, the client's authentication, then the
    /// code (which is burnt on first presentation, RFC 6749 §4.1.2), its client, its redirect URI
    /// and the PKCE verifier. Errors are RFC 6749 §5.2 JSON.
    func token(_ request: Request) async -> Response {
        guard let form = await Self.formBody(request) else {
            return Self.oauthError(
                "invalid_request", "The body must be application/x-www-form-urlencoded and at most 16 KiB.")
        }
        if let name = form.repeatedNames.first {
            return Self.oauthError("invalid_request", "Parameter \(name) is repeated.")
        }
        guard let grantType = form["grant_type"] else {
            return Self.oauthError("invalid_request", "grant_type is missing.")
        }
        guard grantType == "authorization_code" else {
            return Self.oauthError("unsupported_grant_type", "Only the authorization_code grant is supported.")
        }
        let client: RegisteredClient
        switch authenticateClient(request, form) {
        case .authenticated(let authenticated): client = authenticated
        case .refused(let response): return response
        }
        guard let code = form["code"] else { return Self.oauthError("invalid_request", "code is missing.") }
        guard let redirectURI = form["redirect_uri"] else {
            return Self.oauthError("invalid_request", "redirect_uri is missing.")
        }
        guard let verifier = form["code_verifier"] else {
            return Self.oauthError("invalid_request", "PKCE is required: code_verifier is missing.")
        }

        let now = self.now()
        let grant: AuthorizationGrant
        switch await ledger.redeem(code, now: now) {
        case .unknown: return Self.oauthError("invalid_grant", "The authorization code is not known.")
        case .expired: return Self.oauthError("invalid_grant", "The authorization code has expired.")
        case .alreadyUsed: return Self.oauthError("invalid_grant", "The authorization code has been used already.")
        case .valid(let valid): grant = valid
        }
        guard grant.clientID == client.id else {
            return Self.oauthError("invalid_grant", "The authorization code was issued to another client.")
        }
        guard grant.redirectURI == redirectURI else {
            return Self.oauthError("invalid_grant", "redirect_uri differs from the authorization request's.")
        }
        guard Self.isPKCEString(verifier, length: 43...128),
            Self.secretsMatch(PKCE.challenge(for: verifier), grant.codeChallenge)
        else {
            return Self.oauthError("invalid_grant", "code_verifier does not match the code_challenge.")
        }
        guard let person = people[grant.subject] else {
            return Self.oauthError("invalid_grant", "The person signed in is no longer known.")
        }

        let idToken: String
        do {
            idToken = try await self.idToken(for: person, grant: grant, issuedAt: now)
        } catch {
            return Self.oauthError("server_error", "The ID token could not be signed.", status: .internalServerError)
        }
        let accessToken = await ledger.issueAccessToken(
            AccessGrant(
                subject: person.subject, clientID: client.id,
                expires: now.addingTimeInterval(configuration.tokenLifetime)),
            now: now)
        return Self.json(
            TokenResponse(
                access_token: accessToken, token_type: "Bearer", expires_in: Int(configuration.tokenLifetime),
                id_token: idToken, scope: grant.scopes.joined(separator: " ")))
    }

    enum ClientAuthentication {
        case authenticated(RegisteredClient)
        case refused(Response)
    }

    /// Identifies and authenticates the client: `client_secret_basic` (HTTP Basic),
    /// `client_secret_post` (in the body) or `none` for a public client, which only names itself.
    func authenticateClient(_ request: Request, _ form: Parameters) -> ClientAuthentication {
        // RFC 6749 §5.2: a 401 names the authentication scheme the client may use.
        func refuse(_ description: String) -> ClientAuthentication {
            .refused(
                Self.oauthError(
                    "invalid_client", description, status: .unauthorized,
                    extra: [.wwwAuthenticate: #"Basic realm="\#(issuer)""#]))
        }

        var basic: (id: String, secret: String)?
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "basic",
                let decoded = Data(base64Encoded: parts[1].trimmingCharacters(in: .whitespaces)),
                let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
            else { return refuse("The Authorization header is not valid HTTP Basic client authentication.") }
            // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded.
            basic = (
                Self.formDecode(text[..<colon]), Self.formDecode(text[text.index(after: colon)...])
            )
        }
        if basic != nil, form["client_secret"] != nil {
            return .refused(Self.oauthError("invalid_request", "Use one client authentication method, not two."))
        }
        if let basic, let named = form["client_id"], named != basic.id {
            return refuse("client_id differs from the client authenticated with HTTP Basic.")
        }
        guard let id = basic?.id ?? form["client_id"] else { return refuse("client_id is missing.") }
        guard let client = clients[id] else { return refuse("The client is not registered.") }
        let presented = basic?.secret ?? form["client_secret"] ?? ""
        if client.isConfidential {
            guard Self.secretsMatch(presented, client.secret ?? "") else {
                return refuse("Client authentication failed.")
            }
        } else if !presented.isEmpty {
            // A secret for a public client means a configuration mistake worth surfacing.
            return refuse("The client is public and has no secret.")
        }
        return .authenticated(client)
    }
}
