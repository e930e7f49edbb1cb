import CZlib

/// zlib compression (RFC 1950), which is what a PDF `/FlateDecode` stream holds.
enum Flate {
    static func compress(_ input: [UInt8]) -> [UInt8] {
        var length = compressBound(uLong(input.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer { source in
                compress2(out.baseAddress, &length, source.baseAddress, uLong(input.count), 6)
            }
        }
        // compress2 fails only for lack of memory or a bad level; the bound makes the output fit.
        precondition(status == Z_OK, "zlib compress2 failed: \(status)")
        return Array(output.prefix(Int(length)))
    }
}
