import Foundation
import HTTPTypes
import Hummingbird
import OneGateCore

/// The data-sharing API for other agencies' systems (once-only.md §4): OAuth 2.0 client
/// credentials with scopes; an issued result or a vault document fetched by reference with a
/// recorded legal basis; every read appended to the person's access log before it is answered.
///
/// The session middleware leaves `/api/v1/sharing/` alone: these routes authenticate with their
/// own access tokens, never with a person's session.
struct SharingController {
    let dependencies: AppDependencies

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("sharing/token", use: token)
        group.get("sharing/results", use: resultMetadata)
        group.get("sharing/results/pdf", use: resultPDF)
        group.get("sharing/documents/{sha256}", use: document)
    }

    /// Largest token request body.
    static let maximumFormBytes = 16_384

    // MARK: - Token (RFC 6749 §4.4)

    /// The token endpoint's answer (RFC 6749 §5.1).
    struct TokenResponse: Encodable {
        var access_token: String
        var token_type: String
        var expires_in: Int
        var scope: String
    }

    /// An error of the token endpoint (RFC 6749 §5.2).
    struct OAuthError: Encodable {
        var error: String
        var error_description: String
    }

    /// `POST /api/v1/sharing/token`: `grant_type=client_credentials`, the client authenticated by
    /// HTTP Basic or `client_id`/`client_secret` in the form, an optional `scope` (a subset of the
    /// client's; all of them when absent).
    @Sendable func token(_ request: Request, context: AppRequestContext) async throws -> Response {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else {
            return Self.oauthError("invalid_request", "The body must be application/x-www-form-urlencoded.")
        }
        let body: [UInt8]
        do {
            body = try await JSONBody.collect(request, limit: Self.maximumFormBytes)
        } catch let failure as OneGateError where failure.kind == .payloadTooLarge {
            return Self.oauthError("invalid_request", "The body is over \(Self.maximumFormBytes) bytes.")
        }
        let fields = FormData.urlEncoded(String(decoding: body, as: UTF8.self))
        var seen: Set<String> = []
        for (name, _) in fields where !seen.insert(name).inserted {
            return Self.oauthError("invalid_request", "Parameter \(name) is repeated.")
        }
        // RFC 6749 §3.1: a parameter sent without a value counts as omitted.
        func field(_ name: String) -> String? {
            fields.first { $0.name == name }.flatMap { $0.value.isEmpty ? nil : $0.value }
        }
        guard let grantType = field("grant_type") else {
            return Self.oauthError("invalid_request", "grant_type is missing.")
        }
        guard grantType == "client_credentials" else {
            return Self.oauthError("unsupported_grant_type", "Only the client_credentials grant is supported.")
        }
        let client: SharingClient
        switch authenticateClient(request, field) {
        case .authenticated(let authenticated): client = authenticated
        case .refused(let response): return response
        }
        var scopes = client.scopes
        if let requested = field("scope") {
            scopes = []
            for name in requested.split(separator: " ") {
                guard let scope = SharingScope(rawValue: String(name)), client.scopes.contains(scope) else {
                    return Self.oauthError(
                        "invalid_scope", "The client may not have the scope \(String(name).prefix(64)).")
                }
                scopes.insert(scope)
            }
            guard !scopes.isEmpty else { return Self.oauthError("invalid_scope", "The scope is empty.") }
        }
        guard let sharing = dependencies.sharing else {
            return Self.oauthError("invalid_client", "The client is not registered.", status: .unauthorized)
        }
        let accessToken = try await sharing.issueToken(for: client, scopes: scopes)
        return Self.json(
            TokenResponse(
                access_token: accessToken, token_type: "Bearer", expires_in: SharingAuthority.tokenLifetime,
                scope: SharingScope.text(scopes)))
    }

    enum ClientAuthentication {
        case authenticated(SharingClient)
        case refused(Response)
    }

    /// `client_secret_basic` (HTTP Basic) or `client_secret_post` (the form), not both.
    func authenticateClient(_ request: Request, _ field: (String) -> String?) -> ClientAuthentication {
        // RFC 6749 §5.2: a 401 names the authentication scheme the client may use.
        func refuse(_ description: String) -> ClientAuthentication {
            .refused(
                Self.oauthError(
                    "invalid_client", description, status: .unauthorized,
                    extra: [.wwwAuthenticate: #"Basic realm="OneGate data sharing""#]))
        }
        var basic: (id: String, secret: String)?
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "basic",
                let decoded = Data(base64Encoded: parts[1].trimmingCharacters(in: .whitespaces)),
                let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
            else { return refuse("The Authorization header is not valid HTTP Basic client authentication.") }
            // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded.
            func decode(_ part: Substring) -> String {
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            basic = (decode(text[..<colon]), decode(text[text.index(after: colon)...]))
        }
        if basic != nil, field("client_secret") != nil {
            return .refused(Self.oauthError("invalid_request", "Use one client authentication method, not two."))
        }
        if let basic, let named = field("client_id"), named != basic.id {
            return refuse("client_id differs from the client authenticated with HTTP Basic.")
        }
        guard let id = basic?.id ?? field("client_id") else { return refuse("The client is not authenticated.") }
        guard let secret = basic?.secret ?? field("client_secret"),
            let client = dependencies.sharing?.authenticate(id: id, secret: secret)
        else { return refuse("Client authentication failed.") }
        return .authenticated(client)
    }

    static func json(
        _ value: some Encodable, status: HTTPResponse.Status = .ok, extra: HTTPFields = [:]
    ) -> Response {
        var headers: HTTPFields = [
            .contentType: "application/json; charset=utf-8", .cacheControl: "no-store", .init("Pragma")!: "no-cache",
        ]
        headers.append(contentsOf: extra)
        let bytes = (try? JSONBody.bytes(value)) ?? Array("{}".utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: .init(bytes: bytes)))
    }

    static func oauthError(
        _ error: String, _ description: String, status: HTTPResponse.Status = .badRequest, extra: HTTPFields = [:]
    ) -> Response {
        json(OAuthError(error: error, error_description: description), status: status, extra: extra)
    }

    // MARK: - Reads

    /// `GET /api/v1/sharing/results?code=&number=`: the result's metadata (no personal data).
    @Sendable func resultMetadata(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await answering(context) {
            let (result, _) = try await sharedResult(request, context: context)
            return try JSONBody.response(ResultView(result))
        }
    }

    /// `GET /api/v1/sharing/results/pdf?code=&number=`: the result's signed PDF.
    @Sendable func resultPDF(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await answering(context) {
            let (result, _) = try await sharedResult(request, context: context)
            guard let pdf = try await dependencies.store.document(sha256: result.document, tenant: dependencies.tenant)
            else { throw OneGateError.notFound("document") }
            return Self.file(
                pdf.bytes, type: "application/pdf", name: "\(ResultController.fileName(result)).pdf")
        }
    }

    /// `GET /api/v1/sharing/documents/{sha256}?subject=`: a document the person (by personal
    /// identifier or tax code) owns.
    @Sendable func document(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await answering(context) {
            let grant = try await authorize(request, scope: .documentsRead)
            let basis = try Self.legalBasis(request)
            let sha256 = try context.parameters.require("sha256")
            guard let identifier = QueryText(request)["subject"], !identifier.isEmpty, identifier.count <= 20 else {
                throw OneGateError.invalid(
                    field: "subject", vi: "Cần số định danh của người có giấy tờ.",
                    en: "subject (the personal identifier or tax code of the document's owner) is required.")
            }
            guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit),
                let person = try await dependencies.store.applicant(
                    identifier: identifier, tenant: dependencies.tenant),
                try await dependencies.store.documentOwned(sha256: sha256, by: person.id, tenant: dependencies.tenant),
                let stored = try await dependencies.store.document(sha256: sha256, tenant: dependencies.tenant)
            else { throw OneGateError.notFound("document") }
            try await record(grant, subject: person.id, resource: sha256, basis: basis)
            return Self.file(stored.bytes, type: stored.contentType, name: nil)
        }
    }

    /// The result named by `code` and `number`, after the scope and legal basis are checked and the
    /// read is recorded in its applicant's access log.
    private func sharedResult(
        _ request: Request, context: AppRequestContext
    ) async throws -> (IssuedResult, Dossier) {
        let grant = try await authorize(request, scope: .resultsRead)
        let basis = try Self.legalBasis(request)
        let query = QueryText(request)
        try ResultController.require(["code", "number"], in: query)
        guard let code = query["code"], let number = query["number"], code.count <= 60, number.count <= 60 else {
            throw OneGateError.invalid(
                field: "code", vi: "Mã hồ sơ và số văn bản tối đa 60 ký tự.",
                en: "The dossier code and the result number have at most 60 characters.")
        }
        guard let result = try await dependencies.store.result(code: code, number: number, tenant: dependencies.tenant),
            let dossier = try await dependencies.store.dossier(id: result.dossierID, tenant: dependencies.tenant)
        else { throw OneGateError.notFound("result") }
        try await record(grant, subject: dossier.applicantID, resource: "\(code) \(number)", basis: basis)
        return (result, dossier)
    }

    /// Appends the read to the person's access log; a read that cannot be logged fails.
    private func record(_ grant: SharingGrant, subject: String, resource: String, basis: String) async throws {
        try await DataAccessRecorder(dependencies: dependencies).log.record(
            DataAccess(
                subject: subject, actor: "client:\(grant.client.id)", actorName: grant.client.agency, unit: nil,
                action: .sharedWithAgency, resource: resource, purpose: basis, at: dependencies.service.clock.now()))
    }

    static func file(_ bytes: [UInt8], type: String, name: String?) -> Response {
        var headers: HTTPFields = [
            .contentType: type, .cacheControl: "no-store", .init("X-Content-Type-Options")!: "nosniff",
        ]
        if let name { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: .init(bytes: bytes)))
    }

    // MARK: - Access tokens and the legal basis (RFC 6750)

    static let realm = "OneGate data sharing"

    /// The grant of the request's bearer token, which must carry `scope`.
    func authorize(_ request: Request, scope: SharingScope) async throws -> SharingGrant {
        guard let header = request.headers[.authorization] else {
            throw OneGateError.unauthenticated
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer",
            let grant = await dependencies.sharing?.verify(parts[1].trimmingCharacters(in: .whitespaces))
        else { throw Self.invalidToken }
        guard grant.scopes.contains(scope) else {
            throw OneGateError(
                .forbidden, "insufficient_scope", vi: "Máy khách không được cấp phạm vi \(scope.rawValue).",
                en: "The access token does not carry the scope \(scope.rawValue).", details: ["scope": scope.rawValue])
        }
        return grant
    }

    static let invalidToken = OneGateError(
        .unauthenticated, "invalid_token", vi: "Mã truy cập không hợp lệ hoặc đã hết hạn.",
        en: "The access token is invalid or has expired.")

    /// Runs a read; a refusal of the token or its scope carries the RFC 6750 `WWW-Authenticate`
    /// challenge.
    private func answering(
        _ context: AppRequestContext, _ body: () async throws -> Response
    ) async throws -> Response {
        do {
            return try await body()
        } catch let failure as OneGateError
            where failure.kind == .unauthenticated || failure.code == "insufficient_scope"
        {
            var challenge = #"Bearer realm="\#(Self.realm)""#
            if failure.code == "invalid_token" { challenge += #", error="invalid_token""# }
            if let scope = failure.details["scope"] {
                challenge += #", error="insufficient_scope", scope="\#(scope)""#
            }
            var response = JSONBody.error(failure, requestID: context.id)
            response.headers[.wwwAuthenticate] = challenge
            return response
        }
    }

    /// The `X-Legal-Basis` header: the legal basis of the read (percent-encoding is decoded, for
    /// clients that can send only ASCII headers), 10 to 500 characters, no control characters.
    static func legalBasis(_ request: Request) throws -> String {
        let raw = request.headers[HTTPField.Name("X-Legal-Basis")!] ?? ""
        let text = (raw.removingPercentEncoding ?? raw).trimmingCharacters(in: .whitespacesAndNewlines)
        guard (10...500).contains(text.count),
            !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw OneGateError(
                .unprocessable, "legal_basis_required",
                vi: "Cần nêu căn cứ pháp lý (tiêu đề X-Legal-Basis, 10 đến 500 ký tự).",
                en: "The legal basis of the request is required: the X-Legal-Basis header, 10 to 500 characters.",
                details: ["field": "X-Legal-Basis"])
        }
        return text
    }
}
