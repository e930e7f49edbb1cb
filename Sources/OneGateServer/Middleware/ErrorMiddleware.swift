import Foundation
import HTTPTypes
import Hummingbird
import Logging
import OneGateCore

/// Turns every error into a JSON answer with a stable code and the right status, and records
/// metrics. Unknown errors become `internal_error`, logged once with the request id, never shown.
struct ErrorMiddleware: RouterMiddleware {
    let metrics: RequestMetrics
    /// Renders errors on web pages as HTML in the visitor's language instead of JSON.
    let web: Web?

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch let redirect as WebRedirect {
            response = Response(status: .seeOther, headers: [.location: redirect.location, .cacheControl: "no-store"])
        } catch {
            if let web, Web.isPage(request.uri.path) {
                let failure = Self.domainError(from: error)
                if failure.kind == .internalFailure {
                    context.logger.error(
                        "page failed",
                        metadata: ["error": "\(String(reflecting: type(of: error)))", "path": "\(request.uri.path)"])
                }
                response = web.errorPage(failure, request: request, context: context)
            } else {
                response = Self.response(for: error, request: request, context: context)
            }
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        metrics.record(method: request.method.rawValue, status: Int(response.status.code), seconds: seconds)
        // The time the server spent, body included (pages are rendered whole before they are sent):
        // what `scripts/page-bench.py` measures, and what a browser's developer tools show.
        var timed = response
        timed.headers[HTTPField.Name("Server-Timing")!] = String(format: "app;dur=%.2f", seconds * 1000)
        return timed
    }

    static func response(for error: any Error, request: Request, context: AppRequestContext) -> Response {
        let failure = domainError(from: error)
        if failure.kind == .internalFailure {
            context.logger.error(
                "request failed",
                metadata: ["error": "\(String(reflecting: type(of: error)))", "path": "\(request.uri.path)"])
        }
        return JSONBody.error(failure, requestID: context.id)
    }

    /// Maps any error to the domain error shown to clients.
    static func domainError(from error: any Error) -> OneGateError {
        switch error {
        case let failure as OneGateError:
            return failure
        case is DecodingError:
            return OneGateError(
                .badRequest, "malformed_json", vi: "Dữ liệu JSON không hợp lệ.",
                en: "The request body is not valid JSON for this endpoint.")
        case let http as HTTPError:
            switch http.status.code {
            case 404:
                return .notFound("route")
            case 413:
                return OneGateError(
                    .payloadTooLarge, "payload_too_large", vi: "Dữ liệu gửi lên quá lớn.",
                    en: "The request body is too large.")
            case 405:
                return OneGateError(
                    .badRequest, "method_not_allowed", vi: "Phương thức không được hỗ trợ.",
                    en: "This method is not allowed here.")
            case 400..<500:
                return OneGateError(
                    .badRequest, "bad_request", vi: "Yêu cầu không hợp lệ.", en: "The request is not valid.")
            default:
                return OneGateError(.internalFailure, "internal_error", vi: "Lỗi hệ thống.", en: "Internal error.")
            }
        default:
            return OneGateError(
                .internalFailure, "internal_error",
                vi: "Đã xảy ra lỗi hệ thống; vui lòng thử lại.",
                en: "Something went wrong on our side; please try again.")
        }
    }
}

extension OneGateError.Kind {
    /// The HTTP status for each kind of failure.
    var status: HTTPResponse.Status {
        switch self {
        case .badRequest: return .badRequest
        case .unauthenticated: return .unauthorized
        case .forbidden: return .forbidden
        case .notFound: return .notFound
        case .conflict: return .conflict
        case .payloadTooLarge: return .contentTooLarge
        case .unsupportedMediaType: return .unsupportedMediaType
        case .unprocessable: return .unprocessableContent
        case .unavailable: return .serviceUnavailable
        case .internalFailure: return .internalServerError
        }
    }
}
