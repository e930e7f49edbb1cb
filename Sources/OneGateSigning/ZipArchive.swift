import Foundation
import OneGateCore

/// A minimal ZIP writer: stored (uncompressed) entries with CRC-32, enough for an audit export
/// download. Signed bytes must reach the auditor byte for byte; storing them uncompressed keeps
/// the writer small and lets any unzip tool (`unzip -t`, Python's `zipfile`) check them.
struct ZipArchive {
    private(set) var bytes: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0
    private let time: UInt16
    private let date: UInt16

    /// `modified` becomes every entry's timestamp (MS-DOS form, UTC, whole even seconds).
    init(modified: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: modified)
        let year = min(max((parts.year ?? 1980) - 1980, 0), 127)
        date = UInt16(year << 9 | (parts.month ?? 1) << 5 | (parts.day ?? 1))
        time = UInt16((parts.hour ?? 0) << 11 | (parts.minute ?? 0) << 5 | (parts.second ?? 0) / 2)
    }

    /// Adds a file; `path` uses `/` separators.
    mutating func add(path: String, contents: [UInt8]) throws(OneGateError) {
        let name = Array(path.utf8)
        // Without ZIP64 the format caps sizes, offsets and the entry count; an audit export is far below.
        guard contents.count < Int(UInt32.max), bytes.count < Int(UInt32.max), count < Int(UInt16.max),
            name.count < Int(UInt16.max)
        else { throw .signingFailure("zip_too_large") }
        let crc = CRC32.checksum(contents)
        let offset = UInt32(bytes.count)
        // Local file header (APPNOTE 4.3.7).
        append32(0x0403_4B50, to: &bytes)
        append16(20, to: &bytes)  // version needed: 2.0
        append16(0x0800, to: &bytes)  // flag: names are UTF-8
        append16(0, to: &bytes)  // method: stored
        append16(time, to: &bytes)
        append16(date, to: &bytes)
        append32(crc, to: &bytes)
        append32(UInt32(contents.count), to: &bytes)
        append32(UInt32(contents.count), to: &bytes)
        append16(UInt16(name.count), to: &bytes)
        append16(0, to: &bytes)
        bytes += name
        bytes += contents
        // Central directory header (APPNOTE 4.3.12).
        append32(0x0201_4B50, to: &central)
        append16(0x0314, to: &central)  // made by: Unix, 2.0 (so the mode below is honoured)
        append16(20, to: &central)
        append16(0x0800, to: &central)
        append16(0, to: &central)
        append16(time, to: &central)
        append16(date, to: &central)
        append32(crc, to: &central)
        append32(UInt32(contents.count), to: &central)
        append32(UInt32(contents.count), to: &central)
        append16(UInt16(name.count), to: &central)
        append16(0, to: &central)  // extra
        append16(0, to: &central)  // comment
        append16(0, to: &central)  // disk
        append16(0, to: &central)  // internal attributes
        append32(0o100644 << 16, to: &central)  // external attributes: regular file, rw-r--r--
        append32(offset, to: &central)
        central += name
        count += 1
    }

    /// The finished archive: entries, central directory, end record.
    func finished() -> [UInt8] {
        var output = bytes
        let centralOffset = UInt32(output.count)
        output += central
        append32(0x0605_4B50, to: &output)
        append16(0, to: &output)
        append16(0, to: &output)
        append16(UInt16(count), to: &output)
        append16(UInt16(count), to: &output)
        append32(UInt32(central.count), to: &output)
        append32(centralOffset, to: &output)
        append16(0, to: &output)
        return output
    }

    private func append16(_ value: UInt16, to output: inout [UInt8]) {
        output.append(UInt8(truncatingIfNeeded: value))
        output.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    private func append32(_ value: UInt32, to output: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { output.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as ZIP requires.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
