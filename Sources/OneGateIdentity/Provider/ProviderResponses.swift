import Foundation
import Hummingbird

extension IdentityProvider {
    /// Headers every answer carries: nothing the provider says may be cached (codes, tokens and
    /// personal data pass through it), and nothing may be framed or leak in a Referer.
    static func baseHeaders(contentType: String?) -> HTTPFields {
        var headers: HTTPFields = [.cacheControl: "no-store", .init("Pragma")!: "no-cache"]
        headers[.init("Referrer-Policy")!] = "no-referrer"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        if let contentType { headers[.contentType] = contentType }
        return headers
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, extra: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var headers = baseHeaders(contentType: "application/json")
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func html(_ page: String, status: HTTPResponse.Status) -> Response {
        var headers = baseHeaders(contentType: "text/html; charset=utf-8")
        // No script or style at all, and never inside a frame (clickjacking of the password form).
        // No `form-action`: browsers apply it to the redirect after the POST, which leaves for the
        // client's redirect URI.
        headers[.contentSecurityPolicy] = "default-src 'none'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'"
        headers[.init("X-Frame-Options")!] = "DENY"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    static func redirect(to location: String) -> Response {
        var headers = baseHeaders(contentType: nil)
        headers[.location] = location
        return Response(status: .found, headers: headers)
    }

    /// An OAuth error answer of the token or userinfo endpoint (RFC 6749 §5.2).
    struct OAuthError: Encodable {
        var error: String
        var error_description: String
    }

    static func oauthError(
        _ error: String, _ description: String, status: HTTPResponse.Status = .badRequest, extra: HTTPFields = [:]
    ) -> Response {
        json(OAuthError(error: error, error_description: description), status: status, extra: extra)
    }

    /// Reads a URL-encoded form body of at most `limit` bytes; nil when the body is of another
    /// type or too large.
    static func formBody(_ request: Request, limit: Int = 16_384) async -> Parameters? {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else { return nil }
        guard var buffer = try? await request.body.collect(upTo: limit) else { return nil }
        return Parameters(urlEncoded: buffer.readString(length: buffer.readableBytes) ?? "")
    }
}
