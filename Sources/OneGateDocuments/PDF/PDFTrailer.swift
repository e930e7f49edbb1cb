import Foundation

/// What an incremental update needs from the last revision of a file OneGate wrote: where its
/// cross-reference section starts, its `/Size`, `/Root`, `/Info` and `/ID`.
///
/// It reads only the final trailer, as written by `PDFObjectWriter`; it is not a general PDF parser
/// and is never given files from outside.
public struct PDFTrailer: Sendable, Hashable {
    public var startXref: Int
    public var size: Int
    public var root: Int
    public var info: Int?
    public var id: (String, String)

    public static func == (lhs: PDFTrailer, rhs: PDFTrailer) -> Bool {
        lhs.startXref == rhs.startXref && lhs.size == rhs.size && lhs.root == rhs.root && lhs.info == rhs.info
            && lhs.id == rhs.id
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(startXref)
        hasher.combine(size)
    }

    /// Reads the last trailer of `pdf`.
    public init(of pdf: [UInt8]) throws(PDFError) {
        let tail = String(decoding: pdf.suffix(2048), as: UTF8.self)
        guard let startRange = tail.range(of: "startxref", options: .backwards),
            let trailerRange = tail.range(of: "trailer", options: .backwards)
        else { throw PDFError.notOurFile("no trailer") }
        let afterStart = tail[startRange.upperBound...].split(whereSeparator: \.isNewline).first.map(String.init)
        guard let start = afterStart.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw PDFError.notOurFile("no startxref")
        }
        let dictionary = String(tail[trailerRange.upperBound..<startRange.lowerBound])
        func integer(after key: String) -> Int? {
            guard let range = dictionary.range(of: key + " ") else { return nil }
            let digits = dictionary[range.upperBound...].prefix { $0.isNumber }
            return Int(digits)
        }
        guard let size = integer(after: "/Size"), let root = integer(after: "/Root") else {
            throw PDFError.notOurFile("trailer without /Size or /Root")
        }
        guard let idStart = dictionary.range(of: "/ID [<") else { throw PDFError.notOurFile("trailer without /ID") }
        let ids = dictionary[idStart.upperBound...].split(separator: "<", maxSplits: 1)
        let first = ids.first?.prefix { $0 != ">" } ?? ""
        let second = ids.count > 1 ? ids[1].prefix { $0 != ">" } : first
        startXref = start
        self.size = size
        self.root = root
        info = integer(after: "/Info")
        id = (String(first), String(second))
    }
}

/// Failures while writing or updating a PDF.
public enum PDFError: Error, Sendable, Hashable {
    /// The bytes are not a file written by OneGate's writer (updates are only made to our own files).
    case notOurFile(String)
    /// The signature placeholder is too small for the CMS signature.
    case signatureTooLarge(needed: Int, reserved: Int)
    /// The document has no signature slot with this name.
    case noSuchSlot(String)
}
