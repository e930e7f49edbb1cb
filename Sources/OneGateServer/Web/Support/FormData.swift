import Foundation
import OneGateCore

/// A file sent with a multipart form.
struct UploadedFile: Sendable {
    var field: String
    var filename: String
    var contentType: String
    var bytes: [UInt8]
}

/// The fields (and files) of a submitted form, from `application/x-www-form-urlencoded` or
/// `multipart/form-data`.
struct FormData: Sendable {
    private(set) var fields: [(name: String, value: String)] = []
    private(set) var files: [UploadedFile] = []

    init(fields: [(name: String, value: String)] = [], files: [UploadedFile] = []) {
        self.fields = fields
        self.files = files
    }

    /// The first value of a field, trimmed; nil when absent or empty.
    subscript(_ name: String) -> String? {
        guard let value = fields.first(where: { $0.name == name })?.value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Every value of a repeated field, in order, untrimmed.
    func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// The non-empty file sent for a field, if any.
    func file(_ name: String) -> UploadedFile? { files.first { $0.field == name && !$0.bytes.isEmpty } }

    // MARK: - Parsing

    static func parse(contentType: String?, body: [UInt8]) throws -> FormData {
        let type = (contentType ?? "").lowercased()
        if type.hasPrefix("application/x-www-form-urlencoded") {
            return FormData(fields: urlEncoded(String(decoding: body, as: UTF8.self)))
        }
        if type.hasPrefix("multipart/form-data"), let boundary = boundary(in: contentType ?? "") {
            return try multipart(body, boundary: boundary)
        }
        throw OneGateError(
            .unsupportedMediaType, "unsupported_form", vi: "Dữ liệu biểu mẫu không đúng định dạng.",
            en: "The form was not sent in a supported format.")
    }

    static func urlEncoded(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    private static func boundary(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else {
                continue
            }
            let value = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(
                in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 200 ? nil : value
        }
        return nil
    }

    static let malformed = OneGateError(
        .badRequest, "malformed_form", vi: "Dữ liệu biểu mẫu bị lỗi.", en: "The form data is malformed.")

    /// RFC 7578 bodies: parts separated by `--boundary`, each with headers, a blank line, content.
    static func multipart(_ body: [UInt8], boundary: String) throws -> FormData {
        let delimiter = Array("--\(boundary)".utf8)
        var form = FormData()
        var positions: [Int] = []
        var index = 0
        while let found = find(delimiter, in: body, from: index) {
            positions.append(found)
            index = found + delimiter.count
        }
        guard positions.count >= 2 else { throw malformed }
        for (start, end) in zip(positions, positions.dropFirst()) {
            var partStart = start + delimiter.count
            // Skip the CRLF after the delimiter line.
            guard partStart + 2 <= end, body[partStart] == 13, body[partStart + 1] == 10 else { throw malformed }
            partStart += 2
            var partEnd = end
            // The CRLF before the next delimiter belongs to the delimiter.
            if partEnd - 2 >= partStart, body[partEnd - 2] == 13, body[partEnd - 1] == 10 { partEnd -= 2 }
            let part = Array(body[partStart..<partEnd])
            guard let headerEnd = find([13, 10, 13, 10], in: part, from: 0) else { throw malformed }
            let headers = String(decoding: part[0..<headerEnd], as: UTF8.self)
            let content = Array(part[(headerEnd + 4)...])
            var name: String?
            var filename: String?
            var type = "application/octet-stream"
            for line in headers.components(separatedBy: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    name = parameter("name", in: line)
                    filename = parameter("filename", in: line)
                } else if lower.hasPrefix("content-type:") {
                    type = String(line.dropFirst("content-type:".count)).trimmingCharacters(in: .whitespaces)
                }
            }
            guard let name else { throw malformed }
            if let filename {
                form.files.append(UploadedFile(field: name, filename: filename, contentType: type, bytes: content))
            } else {
                form.fields.append((name, String(decoding: content, as: UTF8.self)))
            }
        }
        return form
    }

    private static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else {
            return nil
        }
        let first = needle[0]
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}
