import Foundation
import Hummingbird
import NIOCore
import OneGateCore

/// JSON answers and request bodies, with one encoder configuration for the whole API.
enum JSONBody {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an RFC 3339 instant")
            }
            return date
        }
        return decoder
    }()

    static func bytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        Array(try encoder.encode(value))
    }

    static func response(status: HTTPResponse.Status = .ok, bytes: [UInt8]) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        response(status: status, bytes: try bytes(value))
    }

    static func error(_ failure: OneGateError, requestID: String) -> Response {
        let body = ErrorBody(
            error: .init(
                code: failure.code, message: failure.message.en, messageVi: failure.message.vi,
                details: failure.details,
                requestId: requestID))
        let bytes = (try? Self.bytes(body)) ?? Array(#"{"error":{"code":"internal_error"}}"#.utf8)
        return response(status: failure.kind.status, bytes: bytes)
    }

    /// Reads and decodes a JSON body, refusing anything over the limit or of another media type.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        try decode(type, body: try await collect(request, limit: limit), request: request)
    }

    /// Decodes a body already read, refusing another media type; errors name the offending member.
    static func decode<T: Decodable>(_ type: T.Type, body bytes: [UInt8], request: Request) throws -> T {
        if let contentType = request.headers[.contentType], !contentType.lowercased().hasPrefix("application/json") {
            throw OneGateError(
                .unsupportedMediaType, "unsupported_media_type", vi: "Cần gửi dữ liệu dạng JSON.",
                en: "The request body must be application/json.")
        }
        do {
            return try decoder.decode(type, from: Data(bytes))
        } catch let failure as OneGateError {
            throw failure
        } catch {
            throw OneGateError(
                .badRequest, "malformed_json", vi: "Dữ liệu JSON không hợp lệ.",
                en: "The request body is not valid JSON for this endpoint.",
                details: (error as? DecodingError).map { ["field": Self.path(of: $0)] } ?? [:])
        }
    }

    /// Reads a raw body up to `limit` bytes, answering 413 past it.
    static func collect(_ request: Request, limit: Int) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw OneGateError(
                .payloadTooLarge, "payload_too_large", vi: "Dữ liệu gửi lên quá lớn.",
                en: "The request body is too large.", details: ["limit": String(limit)])
        }
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw OneGateError(
                .payloadTooLarge, "payload_too_large", vi: "Dữ liệu gửi lên quá lớn.",
                en: "The request body is too large.", details: ["limit": String(limit)])
        }
    }

    private static func path(of error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): context = c
        case .keyNotFound(let key, let c): return dotted(c.codingPath + [key])
        @unknown default: return ""
        }
        return dotted(context.codingPath)
    }

    /// `items.0.description`: array positions as numbers, not Foundation's "Index 0".
    private static func dotted(_ path: [any CodingKey]) -> String {
        path.map { key in key.intValue.map(String.init) ?? key.stringValue }.joined(separator: ".")
    }
}

struct ErrorBody: Encodable {
    struct Detail: Encodable {
        var code: String
        var message: String
        var messageVi: String
        var details: [String: String]
        var requestId: String
    }

    var error: Detail
}
