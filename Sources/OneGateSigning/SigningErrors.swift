public import OneGateCore

/// The failures of the signing adapter, as the one domain error type. Messages stay generic on
/// purpose: they reach logs and API responses, and must never carry key material or secrets.
extension OneGateError {
    /// A private key could not be decrypted: the instance secret is not the one it was sealed with,
    /// or the stored bytes were altered.
    public static let keyDecryptionFailed = OneGateError(
        .internalFailure, "key_decryption_failed",
        vi: "Không giải mã được khóa ký; kiểm tra khóa bí mật của hệ thống (instance secret).",
        en: "A signing key could not be decrypted; check the instance secret.")

    /// The configured instance secret is unusable (empty or too short).
    public static let weakInstanceSecret = OneGateError(
        .internalFailure, "weak_instance_secret",
        vi: "Khóa bí mật của hệ thống quá ngắn (cần ít nhất 16 ký tự).",
        en: "The instance secret is too short (at least 16 characters are required).")

    /// A certificate or key could not be built or read.
    static func signingFailure(_ what: String) -> OneGateError {
        OneGateError(
            .internalFailure, "signing_failed", vi: "Không thực hiện được thao tác ký số.",
            en: "A signing operation failed.", details: ["operation": what])
    }

    /// A signature was requested for a time no certificate of the instance can cover: before the
    /// root CA's validity, or beyond what a certificate issued now would reach.
    static func signingTimeOutOfRange(_ at: String) -> OneGateError {
        OneGateError(
            .unprocessable, "signing_time_out_of_range",
            vi: "Thời điểm ký nằm ngoài thời hạn hiệu lực của chứng thư số.",
            en: "The signing time is outside the validity of the instance's certificates.", details: ["at": at])
    }

    /// An audit export was asked for without the certificate of one of its signers.
    static func missingCertificate(serial: String) -> OneGateError {
        OneGateError(
            .internalFailure, "missing_certificate", vi: "Thiếu chứng thư số của người ký.",
            en: "A signer's certificate is missing.", details: ["serial": serial])
    }
}
