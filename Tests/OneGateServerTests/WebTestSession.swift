import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import OneGateServer
import OneGateTestSupport
import Synchronization

/// One answer to a web page request, with the body as text.
struct WebResponse: Sendable {
    let status: Int
    let headers: HTTPFields
    let body: String
    /// The body as sent (a PDF or a signature is not text).
    var bytes: [UInt8] = []

    /// Where a redirect points.
    var location: String? { headers[.location] }

    /// Whether the page contains `text` (HTML-escaped the way Mustache escapes it).
    func contains(_ text: String) -> Bool { body.contains(text) || body.contains(WebResponse.escaped(text)) }

    /// The value of the first hidden or text input named `name` on the page.
    func inputValue(_ name: String) -> String? {
        let pattern = #"<input[^>]*name="\#(NSRegularExpression.escapedPattern(for: name))"[^>]*value="([^"]*)""#
        guard let expression = try? NSRegularExpression(pattern: pattern),
            let match = expression.firstMatch(in: body, range: NSRange(body.startIndex..., in: body)),
            let range = Range(match.range(at: 1), in: body)
        else { return nil }
        return WebResponse.unescaped(String(body[range]))
    }

    /// The CSRF token of the forms on the page.
    var csrf: String? { inputValue("_csrf") }

    /// The first capture of `pattern` in the body.
    func first(_ pattern: String) -> String? {
        guard let expression = try? NSRegularExpression(pattern: pattern),
            let match = expression.firstMatch(in: body, range: NSRange(body.startIndex..., in: body)),
            match.numberOfRanges > 1, let range = Range(match.range(at: 1), in: body)
        else { return nil }
        return String(body[range])
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x2F;", with: "/").replacingOccurrences(of: "&#x3D;", with: "=")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// A file to send with a multipart form.
struct WebUpload: Sendable {
    var field: String
    var filename: String
    var contentType: String
    var bytes: [UInt8]
}

/// A browser for the web pages in tests: keeps its cookies, remembers the CSRF token of the last
/// page it saw and signs in through the real sign-in form. Several sessions can share one client.
final class WebTestSession: Sendable {
    let client: any TestClientProtocol
    private let state = Mutex<(cookies: [String: String], token: String?)>(([:], nil))

    init(client: any TestClientProtocol) { self.client = client }

    /// The CSRF token of the last page seen.
    var token: String? { state.withLock { $0.token } }

    func cookie(_ name: String) -> String? { state.withLock { $0.cookies[name] } }

    func get(_ path: String) async throws -> WebResponse {
        try await send(.get, path, headers: [:], body: nil)
    }

    /// Posts a URL-encoded form; the CSRF field is added from the last page seen unless
    /// `csrf` is false or the fields already have one.
    func post(_ path: String, _ fields: [(String, String)], csrf: Bool = true) async throws -> WebResponse {
        var all = fields
        if csrf, !fields.contains(where: { $0.0 == "_csrf" }) { all.append(("_csrf", try await currentToken())) }
        let body = all.map { "\(Self.formEscape($0.0))=\(Self.formEscape($0.1))" }.joined(separator: "&")
        return try await send(
            .post, path, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body))
    }

    /// Posts a multipart form with files.
    func postMultipart(
        _ path: String, _ fields: [(String, String)], files: [WebUpload], csrf: Bool = true
    ) async throws -> WebResponse {
        var all = fields
        if csrf, !fields.contains(where: { $0.0 == "_csrf" }) { all.append(("_csrf", try await currentToken())) }
        let boundary = "----onegate-test-\(UUID().uuidString)"
        var body: [UInt8] = []
        for (name, value) in all {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Array(
                ("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; "
                    + "filename=\"\(file.filename)\"\r\nContent-Type: \(file.contentType)\r\n\r\n").utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return try await send(
            .post, path, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
            body: ByteBuffer(bytes: body))
    }

    /// Signs in through the form and follows the redirect once, so that the next token is the
    /// signed-in one.
    @discardableResult
    func signIn(_ username: String, password: String = Fixtures.password) async throws -> WebResponse {
        _ = try await get("/sign-in")
        let answer = try await post("/sign-in", [("username", username), ("password", password)])
        guard answer.status == 303, let location = answer.location else {
            throw TestFailure("sign-in of \(username) failed: \(answer.status)")
        }
        return try await get(location)
    }

    private func currentToken() async throws -> String {
        if let token { return token }
        _ = try await get("/")
        guard let token else { throw TestFailure("no CSRF token on the home page") }
        return token
    }

    private func send(
        _ method: HTTPRequest.Method, _ path: String, headers extra: HTTPFields, body: ByteBuffer?
    ) async throws -> WebResponse {
        var headers = extra
        let jar = state.withLock { $0.cookies }
        if !jar.isEmpty {
            headers[.cookie] = jar.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body) { response in
            WebResponse(
                status: Int(response.status.code), headers: response.headers,
                body: String(decoding: response.body.readableBytesView, as: UTF8.self),
                bytes: Array(response.body.readableBytesView))
        }
        let token = response.csrf
        state.withLock { state in
            for header in response.headers[values: .setCookie] {
                guard let pair = header.split(separator: ";").first,
                    let equals = pair.firstIndex(of: "=")
                else { continue }
                let name = pair[..<equals].trimmingCharacters(in: .whitespaces)
                let value = String(pair[pair.index(after: equals)...])
                if value.isEmpty || header.lowercased().contains("max-age=0") {
                    state.cookies[name] = nil
                } else {
                    state.cookies[name] = value
                }
            }
            if let token { state.token = token }
        }
        return response
    }

    static func formEscape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

/// Runs a test against the real application on a live connection, with a factory of browser sessions.
func withWeb(
    _ body: @Sendable (TestInstance, APIClient, @Sendable () -> WebTestSession) async throws -> Void
) async throws {
    let test = try await TestInstance.make()
    defer { test.remove() }
    let app = Application(router: buildRouter(test.dependencies))
    try await app.test(.live) { client in
        try await body(test, APIClient(client: client), { WebTestSession(client: client) })
    }
}
