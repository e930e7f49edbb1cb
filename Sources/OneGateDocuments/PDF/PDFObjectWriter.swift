import Foundation

/// Writes numbered indirect objects and the cross-reference section that finds them: a whole file,
/// or an incremental update appended to an earlier revision (ISO 32000-1 §7.5.6), which is how a
/// signature is added without touching the bytes an earlier signature covers.
///
/// Classic cross-reference tables only (no object streams), so that every signed byte range is
/// plain to any reader and our own trailer reader stays small.
public struct PDFObjectWriter: Sendable {
    /// The file so far.
    public private(set) var bytes: [UInt8]
    /// The next free object number.
    public private(set) var nextObject: Int
    private var offsets: [Int: Int] = [:]

    /// A new file: the header, with a binary comment so that transfers treat it as binary.
    public init() {
        bytes = Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        bytes.reserveCapacity(64 * 1024)
        nextObject = 1
    }

    /// An incremental update after `revision`, whose trailer said `/Size size`.
    public init(appendingTo revision: [UInt8], size: Int) {
        bytes = revision
        if bytes.last != 0x0A { bytes.append(0x0A) }
        nextObject = size
    }

    /// Takes the next object number for an object written later (forward references).
    public mutating func reserve() -> Int {
        defer { nextObject += 1 }
        return nextObject
    }

    /// Writes object `number` with `body` (a dictionary, array or other value).
    public mutating func write(_ number: Int, _ body: String) {
        offsets[number] = bytes.count
        bytes += Array("\(number) 0 obj\n".utf8)
        bytes += Array(body.utf8)
        bytes += Array("\nendobj\n".utf8)
    }

    /// Writes object `number` as a stream. `entries` are the dictionary's entries without `<<` and
    /// `>>`; `/Length` is added.
    public mutating func writeStream(_ number: Int, entries: String, data: [UInt8]) {
        offsets[number] = bytes.count
        bytes += Array("\(number) 0 obj\n<<\(entries) /Length \(data.count)>>\nstream\n".utf8)
        bytes += data
        bytes += Array("\nendstream\nendobj\n".utf8)
    }

    /// Writes object `number` as a stream compressed with `/FlateDecode`.
    public mutating func writeCompressedStream(_ number: Int, entries: String, data: [UInt8]) {
        writeStream(number, entries: entries + " /Filter /FlateDecode", data: Flate.compress(data))
    }

    /// The offset where the next written byte will land.
    public var position: Int { bytes.count }

    /// Appends raw bytes inside an object being written by hand (signature dictionaries, whose
    /// placeholders' offsets the signer must know).
    public mutating func beginObject(_ number: Int) {
        offsets[number] = bytes.count
        bytes += Array("\(number) 0 obj\n".utf8)
    }

    /// Raw bytes, for `beginObject`.
    public mutating func append(_ text: String) {
        bytes += Array(text.utf8)
    }

    /// Ends an object begun with `beginObject`.
    public mutating func endObject() {
        bytes += Array("\nendobj\n".utf8)
    }

    /// Writes the cross-reference section for the objects written by this writer and the trailer.
    /// - Parameters:
    ///   - previous: the offset of the previous revision's cross-reference section (`/Prev`).
    ///   - id: the two halves of the file identifier; an update keeps the first.
    public mutating func finish(root: Int, info: Int?, id: (String, String), previous: Int?) {
        let start = bytes.count
        var text = "xref\n"
        let numbers = offsets.keys.sorted()
        if previous == nil {
            text += "0 1\n0000000000 65535 f\r\n"
        }
        var index = 0
        while index < numbers.count {
            var end = index
            while end + 1 < numbers.count && numbers[end + 1] == numbers[end] + 1 { end += 1 }
            text += "\(numbers[index]) \(end - index + 1)\n"
            for number in numbers[index...end] {
                text += String(format: "%010d 00000 n\r\n", offsets[number]!)
            }
            index = end + 1
        }
        text += "trailer\n<</Size \(nextObject) /Root \(root) 0 R"
        if let info { text += " /Info \(info) 0 R" }
        text += " /ID [<\(id.0)> <\(id.1)>]"
        if let previous { text += " /Prev \(previous)" }
        text += ">>\nstartxref\n\(start)\n%%EOF\n"
        bytes += Array(text.utf8)
    }
}
