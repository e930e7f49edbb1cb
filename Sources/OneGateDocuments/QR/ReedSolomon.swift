/// Arithmetic in GF(2⁸) with the QR Code field polynomial x⁸ + x⁴ + x³ + x² + 1 (0x11D).
enum GF256 {
    /// αⁱ for i in 0..<510, doubled so a sum of two logarithms needs no reduction mod 255.
    static let exp: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 510)
        var value = 1
        for index in 0..<255 {
            table[index] = UInt8(value)
            table[index + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        return table
    }()

    /// log_α(x) for x in 1...255; entry 0 is unused because 0 has no logarithm.
    static let log: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for index in 0..<255 { table[Int(exp[index])] = UInt8(index) }
        return table
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return exp[Int(log[Int(a)]) + Int(log[Int(b)])]
    }
}

/// Systematic Reed–Solomon encoder of ISO/IEC 18004 §7.5.2: the error-correction codewords are
/// the remainder of data(x)·x^degree divided by the generator ∏(x − αⁱ), i in 0..<degree.
struct ReedSolomonEncoder: Sendable {
    let degree: Int
    /// Generator coefficients below the leading 1, highest power first, as logarithms: every
    /// division step multiplies by them, and logs turn that into one table look-up.
    private let generatorLogs: [UInt8]

    init(degree: Int) {
        precondition((1...254).contains(degree), "Reed–Solomon degree out of range")
        self.degree = degree
        // Coefficients highest power first, leading 1 implied.
        var coefficients = [UInt8](repeating: 0, count: degree)
        coefficients[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for index in 0..<degree {
                coefficients[index] = GF256.multiply(coefficients[index], root)
                if index + 1 < degree { coefficients[index] ^= coefficients[index + 1] }
            }
            root = GF256.multiply(root, 2)
        }
        // No generator of degree 1...254 has a zero coefficient (checked for all of them), so
        // every coefficient has a logarithm.
        precondition(!coefficients.contains(0), "generator coefficient without a logarithm")
        generatorLogs = coefficients.map { GF256.log[Int($0)] }
    }

    /// The `degree` error-correction codewords for `data`.
    func remainder(of data: ArraySlice<UInt8>) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        GF256.exp.withUnsafeBufferPointer { exp in
            GF256.log.withUnsafeBufferPointer { log in
                generatorLogs.withUnsafeBufferPointer { generator in
                    result.withUnsafeMutableBufferPointer { remainder in
                        for byte in data {
                            let factor = byte ^ remainder[0]
                            for index in 1..<degree { remainder[index - 1] = remainder[index] }
                            remainder[degree - 1] = 0
                            guard factor != 0 else { continue }
                            let factorLog = Int(log[Int(factor)])
                            for index in 0..<degree {
                                remainder[index] ^= exp[Int(generator[index]) + factorLog]
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// Encoders for every degree the QR tables use, built once: a symbol needs one, and building
    /// the generator is the costly part.
    static let byDegree: [ReedSolomonEncoder?] = (0...30).map { degree in
        degree >= 7 ? ReedSolomonEncoder(degree: degree) : nil
    }

    static func forDegree(_ degree: Int) -> ReedSolomonEncoder {
        if degree < byDegree.count, let encoder = byDegree[degree] { return encoder }
        return ReedSolomonEncoder(degree: degree)
    }
}
