import Foundation

/// Search text folding: lower case, no diacritics, `đ` read as `d`, so that "cap giay phep xay
/// dung" finds "Cấp giấy phép xây dựng".
public enum TextFolding {
    /// The folded form of `text`: diacritics removed, lower-cased, runs of white space collapsed.
    public static func fold(_ text: String) -> String {
        let replaced = text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
        let stripped = replaced.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        return stripped.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
