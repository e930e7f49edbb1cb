import Foundation

/// Checks an upload by its content, never by its name or declared type alone.
public enum DocumentInspector {
    /// Types accepted for dossier components.
    public static let acceptedTypes = ["application/pdf", "image/jpeg", "image/png"]

    /// The content type the bytes really are, or `nil` when they are none of the accepted types.
    public static func sniff(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        return nil
    }

    /// Validates an upload: non-empty, within `maximumBytes`, of an accepted type, and (when the
    /// client declared a type) of the type it claims to be. Returns the real content type.
    public static func check(_ bytes: [UInt8], declared: String?, maximumBytes: Int) throws(OneGateError) -> String {
        guard !bytes.isEmpty else {
            throw OneGateError(
                .badRequest, "empty_document", vi: "Tệp tải lên trống.", en: "The uploaded file is empty.")
        }
        guard bytes.count <= maximumBytes else {
            throw OneGateError(
                .payloadTooLarge, "document_too_large",
                vi: "Tệp vượt quá dung lượng cho phép (\(maximumBytes / 1_048_576) MB).",
                en: "The file is larger than the limit (\(maximumBytes / 1_048_576) MB).",
                details: ["limit": String(maximumBytes)])
        }
        guard let sniffed = sniff(bytes) else {
            throw OneGateError(
                .unsupportedMediaType, "unsupported_document_type",
                vi: "Chỉ chấp nhận tệp PDF, JPEG hoặc PNG.", en: "Only PDF, JPEG and PNG files are accepted.")
        }
        if let declared = declared?.split(separator: ";").first.map({
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }),
            declared != "application/octet-stream", declared != sniffed
        {
            throw OneGateError(
                .unsupportedMediaType, "content_type_mismatch",
                vi: "Nội dung tệp không khớp với loại tệp đã khai báo.",
                en: "The file's content does not match its declared type.",
                details: ["declared": declared, "detected": sniffed])
        }
        return sniffed
    }
}
