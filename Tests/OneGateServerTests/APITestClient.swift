import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import OneGateCore
import OneGateServer
import OneGateTestSupport

/// One answer, with the body parsed as JSON when it is JSON.
struct APIResponse {
    let status: Int
    let headers: HTTPFields
    let bytes: [UInt8]

    var json: JSONValue { (try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))) ?? .null }
    var errorCode: String? { json["error"]?["code"]?.stringValue }
}

/// Runs a test against the real application on a real HTTP connection (a live server on a free port).
func withAPI(_ body: @Sendable (TestInstance, APIClient) async throws -> Void) async throws {
    let test = try await TestInstance.make()
    defer { test.remove() }
    let app = Application(router: buildRouter(test.dependencies))
    try await app.test(.live) { client in
        try await body(test, APIClient(client: client))
    }
}

struct APIClient: Sendable {
    let client: any TestClientProtocol

    func request(
        _ method: HTTPRequest.Method, _ path: String, token: String? = nil, json: String? = nil, bytes: [UInt8]? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> APIResponse {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = headers[.contentType] ?? "application/json"
            body = ByteBuffer(string: json)
        } else if let bytes {
            body = ByteBuffer(bytes: bytes)
        }
        return try await client.execute(uri: path, method: method, headers: headers, body: body) { response in
            APIResponse(
                status: Int(response.status.code), headers: response.headers,
                bytes: Array(response.body.readableBytesView))
        }
    }

    func login(_ username: String, password: String = Fixtures.password) async throws -> String {
        let response = try await request(
            .post, "/api/v1/auth/login", json: #"{"username":"\#(username)","password":"\#(password)"}"#)
        guard response.status == 200, let token = response.json["token"]?.stringValue else {
            throw TestFailure(
                "login of \(username) failed: \(response.status) \(String(decoding: response.bytes, as: UTF8.self))")
        }
        return token
    }

    /// Performs a lifecycle action and returns the answer.
    func act(
        _ id: String, _ action: String, token: String, json: String = "{}", key: String? = nil
    ) async throws -> APIResponse {
        var headers: HTTPFields = [:]
        if let key { headers[HTTPField.Name("Idempotency-Key")!] = key }
        return try await request(
            .post, "/api/v1/dossiers/\(id)/actions/\(action)", token: token, json: json, headers: headers)
    }
}
