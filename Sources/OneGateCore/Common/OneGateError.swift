/// The one domain error. Every failure a client can see has a stable `code`, an HTTP-like
/// `kind` that adapters map to a status, and a public message in both languages. Messages never
/// contain personal data or internal details.
public struct OneGateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is; the HTTP adapter maps each kind to one status code.
    public enum Kind: String, Sendable, Hashable, Codable {
        case badRequest, unauthenticated, forbidden, notFound, conflict, payloadTooLarge,
            unsupportedMediaType, unprocessable, unavailable, internalFailure
    }

    public var kind: Kind
    /// Stable machine-readable code, for example `illegal_transition`.
    public var code: String
    public var message: LocalizedText
    /// Extra structured facts safe to show (field names, states, actions); never personal data.
    public var details: [String: String]

    public init(_ kind: Kind, _ code: String, vi: String, en: String, details: [String: String] = [:]) {
        self.kind = kind
        self.code = code
        self.message = LocalizedText(vi: vi, en: en)
        self.details = details
    }

    public var description: String { "\(code): \(message.en)" }
}

extension OneGateError {
    public static func notFound(_ what: String) -> OneGateError {
        OneGateError(
            .notFound, "not_found", vi: "Không tìm thấy \(what).", en: "No such \(what).", details: ["resource": what])
    }

    public static let unauthenticated = OneGateError(
        .unauthenticated, "unauthenticated", vi: "Cần đăng nhập.", en: "Authentication is required.")

    public static let forbidden = OneGateError(
        .forbidden, "forbidden", vi: "Bạn không có quyền thực hiện thao tác này.",
        en: "You are not allowed to do this.")

    public static let versionConflict = OneGateError(
        .conflict, "concurrent_update",
        vi: "Hồ sơ vừa được người khác cập nhật; vui lòng tải lại và thử lại.",
        en: "The dossier was changed by someone else at the same time; reload and try again.")

    public static let idempotencyKeyReused = OneGateError(
        .unprocessable, "idempotency_key_reused", vi: "Khóa Idempotency-Key đã được dùng cho một yêu cầu khác.",
        en: "This Idempotency-Key was already used for a different request.")

    public static func invalid(field: String, vi: String, en: String) -> OneGateError {
        OneGateError(.unprocessable, "invalid_field", vi: vi, en: en, details: ["field": field])
    }
}
