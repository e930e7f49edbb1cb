import Foundation
import HTTPTypes
import Hummingbird
import OneGateCore

/// `Idempotency-Key` handling: a repeated key with the same request replays the first answer.
enum Idempotency {
    static let header = HTTPField.Name("Idempotency-Key")!

    /// The claim for this request, or `nil` when the client sent no key.
    static func claim(
        _ request: Request, body: [UInt8], principal: Principal, digest: @Sendable ([UInt8]) -> String,
        respond: @escaping @Sendable (Dossier) throws -> StoredResponse
    ) throws -> IdempotencyClaim? {
        guard let key = request.headers[header] else { return nil }
        guard (1...128).contains(key.count), key.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw OneGateError(
                .badRequest, "invalid_idempotency_key", vi: "Idempotency-Key không hợp lệ.",
                en: "The Idempotency-Key must be 1 to 128 visible ASCII characters.")
        }
        let fingerprint = Array("\(request.method.rawValue) \(request.uri.path)\n".utf8) + body
        return IdempotencyClaim(principal: principal.id, key: key, requestHash: digest(fingerprint), respond: respond)
    }

    /// The HTTP answer for a service result.
    static func response(_ result: ServiceResult, render: (Dossier) throws -> StoredResponse) throws -> Response {
        switch result {
        case .replayed(let stored):
            var response = JSONBody.response(status: .init(code: stored.status), bytes: stored.body)
            response.headers[HTTPField.Name("Idempotent-Replayed")!] = "true"
            return response
        case .fresh(_, let stored?):
            return JSONBody.response(status: .init(code: stored.status), bytes: stored.body)
        case .fresh(let dossier, nil):
            let stored = try render(dossier)
            return JSONBody.response(status: .init(code: stored.status), bytes: stored.body)
        }
    }
}
