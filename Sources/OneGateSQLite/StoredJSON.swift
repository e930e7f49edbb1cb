import CZlib
import Foundation
import GRDB
import OneGateCore

/// How the two largest values of the embedded store are kept on disk: a dossier's JSON body and a
/// signed event's canonical bytes. Both are deflated (RFC 1951) against a preset dictionary of
/// their own shape, behind one format byte:
///
/// - `0x01`: raw deflate, `eventDictionaryV1`;
/// - `0x02`: raw deflate, `dossierDictionaryV1`;
/// - anything else is the plain JSON written before formats existed (it starts with `{`), read as is.
///
/// Why: at 10 million dossiers (kpi.md's province) the plain values were 10 KB a dossier — a
/// 2.3 KB body, one to a 4 KB page, and about seven 400-byte events. The dictionary holds what
/// every value repeats (keys, roles, event types, unit codes), so a 400-byte event becomes about
/// 120 bytes and a body about 500, and a page holds several bodies. The canonical bytes that were
/// signed are restored exactly (deflate is lossless), so signatures and hash chains verify as
/// before; exports and copies to another store carry the plain bytes.
enum StoredJSON {
    /// The format byte in front of a packed value.
    enum Format: UInt8, Sendable {
        case event = 0x01
        case dossier = 0x02

        var dictionary: [UInt8] {
            switch self {
            case .event: return StoredJSON.eventDictionaryV1
            case .dossier: return StoredJSON.dossierDictionaryV1
            }
        }
    }

    /// Deflates `bytes` behind `format`'s byte, against its dictionary.
    static func pack(_ bytes: some Collection<UInt8>, as format: Format) -> Data {
        let input = Array(bytes)
        var stream = z_stream()
        // An 8 KB window and a small hash table: the values are a few KB, and each one starts a
        // stream, so a large state would mostly be allocated and never used.
        var status = deflateInit2_(
            &stream, 6, Z_DEFLATED, -13, 6, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "zlib deflateInit2 failed: \(status)")
        defer { deflateEnd(&stream) }
        let dictionary = format.dictionary
        status = dictionary.withUnsafeBufferPointer {
            deflateSetDictionary(&stream, $0.baseAddress, uInt($0.count))
        }
        precondition(status == Z_OK, "zlib deflateSetDictionary failed: \(status)")
        let bound = Int(deflateBound(&stream, uLong(input.count)))
        var output = [UInt8](repeating: 0, count: bound + 1)
        output[0] = format.rawValue
        status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = out.baseAddress.map { $0 + 1 }
                stream.avail_out = uInt(out.count - 1)
                return deflate(&stream, Z_FINISH)
            }
        }
        // The output buffer is deflateBound's size, so one call finishes the stream.
        precondition(status == Z_STREAM_END, "zlib deflate failed: \(status)")
        return Data(output.prefix(output.count - Int(stream.avail_out)))
    }

    /// The plain bytes of a stored value: inflated when packed, as stored otherwise.
    static func bytes(_ value: DatabaseValue) throws -> [UInt8] {
        switch value.storage {
        case .string(let text):
            return Array(text.utf8)
        case .blob(let data):
            guard let first = data.first, let format = Format(rawValue: first) else { return Array(data) }
            return try inflate(Array(data.dropFirst()), dictionary: format.dictionary)
        case .null, .int64, .double:
            throw corrupt
        }
    }

    /// The stored value with a packed blob replaced by its plain bytes (a copy to another store
    /// carries values every reader understands).
    static func plain(_ value: DatabaseValue) throws -> DatabaseValue {
        guard case .blob(let data) = value.storage, let first = data.first, Format(rawValue: first) != nil else {
            return value
        }
        return Data(try bytes(value)).databaseValue
    }

    private static func inflate(_ input: [UInt8], dictionary: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw corrupt
        }
        defer { inflateEnd(&stream) }
        // A raw stream has no header to announce its dictionary: it is set before the first byte.
        let set = dictionary.withUnsafeBufferPointer {
            inflateSetDictionary(&stream, $0.baseAddress, uInt($0.count))
        }
        guard set == Z_OK else { throw corrupt }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: max(4096, input.count * 6))
        return try input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = uInt(source.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, out.count - Int(stream.avail_out))
                }
                output.append(contentsOf: chunk.prefix(produced))
                switch status {
                case Z_STREAM_END:
                    guard stream.avail_in == 0 else { throw corrupt }
                    return output
                case Z_OK where produced > 0 || stream.avail_in > 0:
                    continue
                default:
                    // Truncated input, a bad stream or a wrong dictionary.
                    throw corrupt
                }
            }
        }
    }

    static var corrupt: OneGateError {
        OneGateError(
            .internalFailure, "stored_value_corrupt",
            vi: "Một giá trị lưu trong cơ sở dữ liệu bị hỏng và không đọc được.",
            en: "A value stored in the database is damaged and cannot be read.")
    }
}
