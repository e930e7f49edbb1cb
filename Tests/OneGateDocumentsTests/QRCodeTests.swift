import Foundation
import Testing

@testable import OneGateDocuments

private let allLevels: [QRCode.ErrorCorrection] = [.low, .medium, .quartile, .high]

@Suite struct QRCodeTests {
    // MARK: - Reed–Solomon and BCH codes

    /// The "HELLO WORLD" 1-M example of thonky.com's QR tutorial (data codewords of the
    /// alphanumeric segment with terminator and padding).
    @Test func reedSolomonKnownVector() {
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        let ecc = ReedSolomonEncoder(degree: 10).remainder(of: data[...])
        #expect(ecc == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test func galoisFieldTables() {
        #expect(GF256.exp[8] == 0x1D)
        #expect(GF256.exp[255] == 1)
        #expect(GF256.multiply(0x53, 0xCA) == GF256.exp[(Int(GF256.log[0x53]) + Int(GF256.log[0xCA])) % 255])
        for value in 1...255 { #expect(GF256.exp[Int(GF256.log[value])] == UInt8(value)) }
    }

    /// Masked format words from ISO/IEC 18004 Annex C (Table C.1), as zxing's decoder tables list them.
    @Test(arguments: [
        (QRCode.ErrorCorrection.medium, 0, 0x5412), (.medium, 5, 0x40CE), (.low, 0, 0x77C4),
        (.low, 7, 0x6976), (.high, 0, 0x1689), (.quartile, 0, 0x355F),
    ])
    func formatInformation(level: QRCode.ErrorCorrection, mask: Int, expected: Int) {
        #expect(QRMatrixBuilder.formatBits(level: level, mask: mask) == expected)
    }

    /// Version words from ISO/IEC 18004 Annex D (Table D.1).
    @Test(arguments: [(7, 0x07C94), (8, 0x085BC), (21, 0x15683), (40, 0x28C69)])
    func versionInformation(version: Int, expected: Int) {
        #expect(QRMatrixBuilder.versionBits(version: version) == expected)
    }

    // MARK: - Tables

    /// Byte-mode capacities from ISO/IEC 18004 Table 7.
    @Test func byteCapacities() {
        let expected: [Int: [Int]] = [
            1: [17, 14, 11, 7], 2: [32, 26, 20, 14], 7: [154, 122, 86, 64], 9: [230, 180, 130, 98],
            10: [271, 213, 151, 119], 23: [1091, 857, 611, 461], 40: [2953, 2331, 1663, 1273],
        ]
        for (version, capacities) in expected {
            #expect(allLevels.map { QRVersionTable.byteCapacity(version: version, level: $0) } == capacities)
        }
    }

    /// Totals from ISO/IEC 18004 Table 9, e.g. 5-Q is 2 blocks of 15 and 2 of 16 data codewords.
    @Test func codewordCounts() {
        #expect(QRVersionTable.totalCodewords(version: 1) == 26)
        #expect(QRVersionTable.totalCodewords(version: 7) == 196)
        #expect(QRVersionTable.totalCodewords(version: 40) == 3706)
        #expect(QRVersionTable.dataCodewords(version: 1, level: .low) == 19)
        #expect(QRVersionTable.dataCodewords(version: 5, level: .quartile) == 62)
        #expect(QRVersionTable.dataCodewords(version: 10, level: .high) == 122)
        #expect(QRVersionTable.dataCodewords(version: 40, level: .low) == 2956)
        #expect(QRVersionTable.dataCodewords(version: 40, level: .high) == 1276)
    }

    /// Alignment pattern centres from ISO/IEC 18004 Annex E (Table E.1).
    @Test func alignmentPositions() {
        #expect(QRVersionTable.alignmentPositions(version: 1) == [])
        #expect(QRVersionTable.alignmentPositions(version: 2) == [6, 18])
        #expect(QRVersionTable.alignmentPositions(version: 7) == [6, 22, 38])
        #expect(QRVersionTable.alignmentPositions(version: 15) == [6, 26, 48, 70])
        #expect(QRVersionTable.alignmentPositions(version: 32) == [6, 34, 60, 86, 112, 138])
        #expect(QRVersionTable.alignmentPositions(version: 36) == [6, 24, 50, 76, 102, 128, 154])
        #expect(QRVersionTable.alignmentPositions(version: 40) == [6, 30, 58, 86, 114, 142, 170])
    }

    // MARK: - Version choice

    @Test func versionChoiceAtCapacityBoundaries() throws {
        #expect(try QRCode(bytes: [UInt8](repeating: 0x41, count: 14), errorCorrection: .medium).version == 1)
        #expect(try QRCode(bytes: [UInt8](repeating: 0x41, count: 15), errorCorrection: .medium).version == 2)
        #expect(try QRCode(bytes: [UInt8](repeating: 0x41, count: 17), errorCorrection: .low).version == 1)
        #expect(try QRCode(bytes: [UInt8](repeating: 0x41, count: 18), errorCorrection: .low).version == 2)
        #expect(try QRCode(bytes: [UInt8](repeating: 0x41, count: 7), errorCorrection: .high).version == 1)
        #expect(try QRCode(bytes: [UInt8](repeating: 0x41, count: 8), errorCorrection: .high).version == 2)
        // Version 10 is where the character count grows to 16 bits.
        #expect(try QRCode(bytes: [UInt8](repeating: 0x41, count: 180), errorCorrection: .medium).version == 9)
        #expect(try QRCode(bytes: [UInt8](repeating: 0x41, count: 181), errorCorrection: .medium).version == 10)
        #expect(try QRCode(bytes: [UInt8](repeating: 0x41, count: 2331), errorCorrection: .medium).version == 40)
        #expect(try QRCode(text: "").version == 1)
    }

    @Test func tooLongThrows() {
        #expect(throws: QRCodeError.tooLong(bytes: 2332, capacity: 2331)) {
            try QRCode(bytes: [UInt8](repeating: 0, count: 2332), errorCorrection: .medium)
        }
        #expect(throws: QRCodeError.tooLong(bytes: 1274, capacity: 1273)) {
            try QRCode(bytes: [UInt8](repeating: 0, count: 1274), errorCorrection: .high)
        }
    }

    // MARK: - Codewords and layout

    /// Byte mode: 0100, an 8-bit count, the bytes, terminator 0000, then 0xEC/0x11 padding.
    @Test func dataCodewordsOfVersion1() {
        let data = QRCodewords.dataCodewords(bytes: Array("ab".utf8), version: 1, level: .medium)
        #expect(data.count == 16)
        #expect(Array(data.prefix(4)) == [0x40, 0x26, 0x16, 0x20])
        #expect(Array(data.dropFirst(4)) == [0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11])
    }

    @Test func dataCodewordsWithSixteenBitCount() {
        let bytes = [UInt8](repeating: 0xFF, count: 200)
        let data = QRCodewords.dataCodewords(bytes: bytes, version: 10, level: .medium)
        #expect(data.count == QRVersionTable.dataCodewords(version: 10, level: .medium))
        #expect(Array(data.prefix(3)) == [0x40, 0x0C, 0x8F])
    }

    @Test(arguments: [1, 6, 7, 22, 40])
    func functionPatternsInPlace(version: Int) throws {
        let payload = [UInt8](repeating: 0x5A, count: QRVersionTable.byteCapacity(version: version, level: .quartile))
        let code = try QRCode(bytes: payload, errorCorrection: .quartile)
        #expect(code.version == version)
        #expect(code.size == 17 + 4 * version)
        #expect(code.modules.count == code.size * code.size)
        let size = code.size
        for (top, left) in [(0, 0), (0, size - 7), (size - 7, 0)] {
            for dy in -1...7 {
                for dx in -1...7 {
                    let row = top + dy
                    let column = left + dx
                    guard (0..<size).contains(row), (0..<size).contains(column) else { continue }
                    let ring = max(abs(dy - 3), abs(dx - 3))
                    #expect(code.isDark(row: row, column: column) == (ring != 2 && ring != 4))
                }
            }
        }
        for index in 8..<size - 8 {
            #expect(code.isDark(row: 6, column: index) == (index % 2 == 0))
            #expect(code.isDark(row: index, column: 6) == (index % 2 == 0))
        }
        #expect(code.isDark(row: size - 8, column: 8))
        if version >= 2 {
            let center = size - 7
            #expect(code.isDark(row: center, column: center))
            #expect(!code.isDark(row: center - 1, column: center))
            #expect(code.isDark(row: center - 2, column: center - 2))
        }
    }

    /// Both copies of the format word name the level and the chosen mask.
    @Test func formatInformationInPlace() throws {
        for level in allLevels {
            let code = try QRCode(text: "https://onegate.example/verify/42", errorCorrection: level)
            let size = code.size
            let expected = QRMatrixBuilder.formatBits(level: level, mask: code.mask)
            var first = 0
            var second = 0
            for (bit, position) in QRMatrixBuilder.formatPositions(size: size).enumerated() {
                if code.modules[position.first] { first |= 1 << bit }
                if code.modules[position.second] { second |= 1 << bit }
            }
            #expect(first == expected)
            #expect(second == expected)
        }
    }

    @Test func versionInformationInPlace() throws {
        let code = try QRCode(bytes: [UInt8](repeating: 1, count: 64), errorCorrection: .high)
        #expect(code.version == 7)
        var topRight = 0
        var bottomLeft = 0
        for bit in 0..<18 {
            if code.isDark(row: bit / 3, column: code.size - 11 + bit % 3) { topRight |= 1 << bit }
            if code.isDark(row: code.size - 11 + bit % 3, column: bit / 3) { bottomLeft |= 1 << bit }
        }
        #expect(topRight == 0x07C94)
        #expect(bottomLeft == 0x07C94)
    }

    /// The chosen mask scores no worse than any other (rules N1–N4).
    @Test func chosenMaskHasLowestPenalty() {
        var builder = QRMatrixBuilder(version: 3)
        let data = QRCodewords.dataCodewords(bytes: Array("Giấy khai sinh".utf8), version: 3, level: .high)
        builder.place(codewords: QRCodewords.interleaved(data: data, version: 3, level: .high))
        let chosen = builder.masked(level: .high)
        let scores = (0..<8).map { mask in
            QRMatrixBuilder.penalty(grid: builder.masked(level: .high, mask: mask), size: builder.size)
        }
        #expect(scores[chosen.mask] == scores.min())
        #expect(chosen.modules == builder.masked(level: .high, mask: chosen.mask))
    }

    @Test func penaltyRules() {
        let light = [UInt8](repeating: 0, count: 21 * 21)
        // Rule 1: 42 lines of 21 score 3 + 16 each; rule 2: 400 blocks of 3; rule 4: 100.
        let expected = 42 * 19 + 1200 + 100
        #expect(QRMatrixBuilder.penalty(grid: light, size: 21) == expected)
        #expect(referencePenalty(light, size: 21) == expected)
        // A checkerboard has no runs, no blocks, no finder look-alike and is half dark.
        let checkerboard: [UInt8] = (0..<441).map { (index: Int) -> UInt8 in index % 2 == 0 ? 1 : 0 }
        #expect(QRMatrixBuilder.penalty(grid: checkerboard, size: 21) == 0)
        // Dark and light columns: 21 columns with one run of 21 each; 11 of 21 dark is under 55 %.
        let stripes: [UInt8] = (0..<441).map { (index: Int) -> UInt8 in index % 21 % 2 == 0 ? 1 : 0 }
        #expect(QRMatrixBuilder.penalty(grid: stripes, size: 21) == 21 * 19)
        // Light, with 1011101 at the start of the top row: light on both sides, counted once (+40).
        // The top row keeps a run of 14 (−7), five columns a run of 20 (−5 in all), 7 blocks go
        // (−21) and 5 dark modules are under 45 % off half (−10).
        var finder = light
        for (column, value) in [1, 0, 1, 1, 1, 0, 1].enumerated() { finder[column] = UInt8(value) }
        #expect(QRMatrixBuilder.penalty(grid: finder, size: 21) == expected + 40 - 7 - 5 - 21 - 10)
        #expect(referencePenalty(finder, size: 21) == expected + 40 - 7 - 5 - 21 - 10)
    }

    /// The bit-line scoring agrees with a direct reading of Table 11 on random grids and on
    /// real symbols.
    @Test func penaltyMatchesReference() throws {
        var generator = SystemRandomNumberGenerator()
        for size in [21, 25, 45, 57, 63, 64, 65, 101, 177] {
            for density in [2, 3, 5] {
                let grid: [UInt8] = (0..<size * size).map { _ in
                    UInt8.random(in: 0..<UInt8(density), using: &generator) == 0 ? 1 : 0
                }
                #expect(QRMatrixBuilder.penalty(grid: grid, size: size) == referencePenalty(grid, size: size))
            }
        }
        for level in allLevels {
            let code = try QRCode(text: "https://onegate.example/verify/42", errorCorrection: level)
            let grid = code.modules.map { $0 ? UInt8(1) : 0 }
            #expect(QRMatrixBuilder.penalty(grid: grid, size: code.size) == referencePenalty(grid, size: code.size))
        }
    }

    @Test func maskTableMatchesConditions() {
        for mask in 0..<8 {
            for row in 0..<40 {
                for column in 0..<40 {
                    let fromTable = QRMatrixBuilder.maskTable[(mask * 12 + row % 12) * 6 + column % 6] != 0
                    #expect(fromTable == QRMatrixBuilder.maskInverts(mask, row: row, column: column))
                }
            }
        }
    }

    @Test func pgmRendering() throws {
        let code = try QRCode(text: "A")
        let image = code.pgm(scale: 2, quietZone: 1)
        let side = (code.size + 2) * 2
        let header = Array("P5\n\(side) \(side)\n255\n".utf8)
        #expect(Array(image.prefix(header.count)) == header)
        #expect(image.count == header.count + side * side)
        let pixels = image.dropFirst(header.count)
        func pixel(_ x: Int, _ y: Int) -> UInt8 { pixels[pixels.startIndex + y * side + x] }
        #expect(pixel(0, 0) == 255)
        #expect(pixel(2, 2) == 0)
        #expect(pixel(3, 3) == 0)
        #expect(pixel(side - 1, side - 1) == 255)
    }

    // MARK: - Decoding with zxing-cpp

    @Test(.enabled(if: ZXingDecoder.isAvailable, ZXingDecoder.skipReason))
    func decodesWithZXing() throws {
        let vietnamese = "Nguyễn Thị Hương – Giấy khai sinh"
        let long =
            "https://onegate.example.gov.vn/tra-cuu/ho-so?ma=000.00.12.H56-260303-0001&ky="
            + String(repeating: "aZ09-_.~", count: 28)
        #expect(long.utf8.count >= 300)
        var cases: [(payload: String, level: QRCode.ErrorCorrection)] = []
        for level in allLevels {
            cases += [("A", level), (vietnamese, level), (long, level)]
        }
        cases.append(("https://onegate.example/x/\(vietnamese)", .medium))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onegate-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (index, testCase) in cases.enumerated() {
            let code = try QRCode(text: testCase.payload, errorCorrection: testCase.level)
            if testCase.payload == long { #expect(code.version >= 10) }
            let url = folder.appendingPathComponent("\(index).pgm")
            try Data(code.pgm()).write(to: url)
            paths.append(url.path)
        }

        let decoded = try ZXingDecoder.decode(paths)
        #expect(decoded.count == cases.count)
        for (testCase, text) in zip(cases, decoded) {
            #expect(text == testCase.payload, "level \(testCase.level)")
        }
    }
}

/// Runs scripts/qr-decode.py with the Python named by ONEGATE_PYTHON (default `python3`), which must
/// be able to import zxingcpp (PyPI: zxing-cpp).
private enum ZXingDecoder {
    static let python = ProcessInfo.processInfo.environment["ONEGATE_PYTHON"] ?? "python3"
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/qr-decode.py").path

    static let isAvailable: Bool = (try? run(["-c", "import zxingcpp"]).status) == 0

    static var skipReason: Comment {
        "zxing-cpp is not importable by \(python): pip install zxing-cpp, then set ONEGATE_PYTHON to that interpreter"
    }

    static func decode(_ paths: [String]) throws -> [String?] {
        let result = try run([script] + paths)
        let lines = String(decoding: result.output, as: UTF8.self).split(separator: "\n")
        return try lines.map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8), options: .fragmentsAllowed) as? String
        }
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}

/// ISO/IEC 18004 Table 11 read module by module: N1 = 3 for runs of five plus one per extra
/// module, N2 = 3 per 2×2 block, N3 = 40 per 1:1:3:1:1 pattern with four light modules (the
/// quiet zone included) before or after it, N4 = 10 per full 5 % away from half dark.
private func referencePenalty(_ grid: [UInt8], size: Int) -> Int {
    func module(_ line: Int, _ position: Int, horizontal: Bool) -> UInt8 {
        guard (0..<size).contains(position) else { return 0 }
        return horizontal ? grid[line * size + position] : grid[position * size + line]
    }
    var total = 0
    for horizontal in [true, false] {
        for line in 0..<size {
            var runLength = 1
            for position in 1...size {
                if position < size
                    && module(line, position, horizontal: horizontal)
                        == module(line, position - 1, horizontal: horizontal)
                {
                    runLength += 1
                } else {
                    if runLength >= 5 { total += 3 + runLength - 5 }
                    runLength = 1
                }
            }
            let finder: [UInt8] = [1, 0, 1, 1, 1, 0, 1]
            for start in 0...(size - 7)
            where (0..<7).allSatisfy({ module(line, start + $0, horizontal: horizontal) == finder[$0] }) {
                let before = (1...4).allSatisfy { module(line, start - $0, horizontal: horizontal) == 0 }
                let after = (7...10).allSatisfy { module(line, start + $0, horizontal: horizontal) == 0 }
                if before || after { total += 40 }
            }
        }
    }
    for row in 0..<size - 1 {
        for column in 0..<size - 1 {
            let color = grid[row * size + column]
            if grid[row * size + column + 1] == color && grid[(row + 1) * size + column] == color
                && grid[(row + 1) * size + column + 1] == color
            {
                total += 3
            }
        }
    }
    let dark = grid.reduce(0) { $0 + Int($1) }
    total += abs(dark * 2 - size * size) * 10 / (size * size) * 10
    return total
}
