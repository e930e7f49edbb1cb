/// Lays a symbol out on its module grid (ISO/IEC 18004 §7.7–§7.9): function patterns, the
/// codewords in the two-column zigzag, then the data mask with the lowest penalty and the format
/// information that names it. Modules are row-major bytes, 1 = dark; the masks are scored on
/// rows and columns packed into `QRLineBits`, because scoring eight candidates dominates the cost.
struct QRMatrixBuilder {
    let version: Int
    let size: Int
    private(set) var modules: [UInt8]
    /// Modules that data and masks never touch.
    private(set) var isFunction: [Bool]
    private let formatPositions: [(first: Int, second: Int)]

    init(version: Int) {
        precondition(QRVersionTable.versions.contains(version), "QR version out of range")
        self.version = version
        size = QRVersionTable.size(version: version)
        modules = [UInt8](repeating: 0, count: size * size)
        isFunction = [Bool](repeating: false, count: size * size)
        formatPositions = Self.formatPositions(size: size)
        drawFunctionPatterns()
    }

    private mutating func setFunction(row: Int, column: Int, dark: Bool) {
        modules[row * size + column] = dark ? 1 : 0
        isFunction[row * size + column] = true
    }

    private mutating func drawFunctionPatterns() {
        // Timing first: finders and alignment patterns then overwrite the ends they share.
        for index in 0..<size {
            setFunction(row: 6, column: index, dark: index % 2 == 0)
            setFunction(row: index, column: 6, dark: index % 2 == 0)
        }
        drawFinder(centerRow: 3, centerColumn: 3)
        drawFinder(centerRow: 3, centerColumn: size - 4)
        drawFinder(centerRow: size - 4, centerColumn: 3)

        let positions = QRVersionTable.alignmentPositions(version: version)
        let last = positions.count - 1
        for (rowIndex, row) in positions.enumerated() {
            for (columnIndex, column) in positions.enumerated() {
                // The three corners with a finder get no alignment pattern.
                let isFinderCorner =
                    (rowIndex == 0 && columnIndex == 0) || (rowIndex == 0 && columnIndex == last)
                    || (rowIndex == last && columnIndex == 0)
                if !isFinderCorner { drawAlignment(centerRow: row, centerColumn: column) }
            }
        }

        // Reserved now so the zigzag skips them; the real bits are written per mask.
        for position in formatPositions {
            isFunction[position.first] = true
            isFunction[position.second] = true
        }
        setFunction(row: size - 8, column: 8, dark: true)

        if version >= 7 {
            let bits = Self.versionBits(version: version)
            for index in 0..<18 {
                let dark = (bits >> index) & 1 != 0
                let near = index / 3
                let far = size - 11 + index % 3
                setFunction(row: near, column: far, dark: dark)
                setFunction(row: far, column: near, dark: dark)
            }
        }
    }

    /// The 7×7 finder with its light separator, clipped at the symbol's edge.
    private mutating func drawFinder(centerRow: Int, centerColumn: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let row = centerRow + dy
                let column = centerColumn + dx
                guard (0..<size).contains(row), (0..<size).contains(column) else { continue }
                let ring = max(abs(dx), abs(dy))
                setFunction(row: row, column: column, dark: ring != 2 && ring != 4)
            }
        }
    }

    private mutating func drawAlignment(centerRow: Int, centerColumn: Int) {
        for dy in -2...2 {
            for dx in -2...2 {
                setFunction(row: centerRow + dy, column: centerColumn + dx, dark: max(abs(dx), abs(dy)) != 1)
            }
        }
    }

    /// Places the codewords most significant bit first, in two-module columns from the bottom
    /// right, alternately upwards and downwards, skipping function modules and the vertical timing
    /// column. The remainder bits after the last codeword stay light.
    mutating func place(codewords: [UInt8]) {
        precondition(codewords.count == QRVersionTable.totalCodewords(version: version))
        let bitCount = codewords.count * 8
        var bitIndex = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for step in 0..<size {
                let row = upward ? size - 1 - step : step
                for column in stride(from: right, through: right - 1, by: -1)
                where !isFunction[row * size + column] && bitIndex < bitCount {
                    modules[row * size + column] = (codewords[bitIndex >> 3] >> (7 - (bitIndex & 7))) & 1
                    bitIndex += 1
                }
            }
            right -= 2
        }
    }

    /// Tries the eight masks and keeps the one with the lowest penalty, the lower number on a tie.
    /// The candidates are scored as row and column bit lines; only the winner is written out as
    /// modules.
    func masked(level: QRCode.ErrorCorrection) -> (modules: [UInt8], mask: Int) {
        let size = size
        let (baseRows, baseColumns, dataRows, dataColumns) = modules.withUnsafeBufferPointer { modules in
            isFunction.withUnsafeBufferPointer { isFunction in
                (
                    (0..<size).map { row in QRLineBits(count: size) { modules[row * size + $0] != 0 } },
                    (0..<size).map { column in QRLineBits(count: size) { modules[$0 * size + column] != 0 } },
                    (0..<size).map { row in QRLineBits(count: size) { !isFunction[row * size + $0] } },
                    (0..<size).map { column in QRLineBits(count: size) { !isFunction[$0 * size + column] } }
                )
            }
        }
        let formatCoordinates = formatPositions.map {
            (
                first: (row: $0.first / size, column: $0.first % size),
                second: (row: $0.second / size, column: $0.second % size)
            )
        }

        var rows = baseRows
        var columns = baseColumns
        var best = (mask: 0, penalty: Int.max)
        for mask in 0..<8 {
            for line in 0..<size {
                rows[line] = baseRows[line] ^ (Self.rowMaskLines[mask * 12 + line % 12] & dataRows[line])
                columns[line] = baseColumns[line] ^ (Self.columnMaskLines[mask * 6 + line % 6] & dataColumns[line])
            }
            // Format modules are function modules, light in the base lines, so setting the dark
            // bits is enough.
            let bits = Self.formatBits(level: level, mask: mask)
            for (bit, coordinates) in formatCoordinates.enumerated() where (bits >> bit) & 1 != 0 {
                rows[coordinates.first.row][coordinates.first.column] = true
                columns[coordinates.first.column][coordinates.first.row] = true
                rows[coordinates.second.row][coordinates.second.column] = true
                columns[coordinates.second.column][coordinates.second.row] = true
            }
            let penalty = Self.penalty(rows: rows, columns: columns, size: size)
            if penalty < best.penalty { best = (mask, penalty) }
        }
        return (masked(level: level, mask: best.mask), best.mask)
    }

    /// Each mask along a row, for the 12 row phases; the data lines cut them to the symbol.
    private static let rowMaskLines: [QRLineBits] = (0..<8 * 12).map { index in
        QRLineBits(count: QRLineBits.capacity - 2 * QRLineBits.offset) {
            maskInverts(index / 12, row: index % 12, column: $0)
        }
    }

    /// Each mask down a column, for the 6 column phases.
    private static let columnMaskLines: [QRLineBits] = (0..<8 * 6).map { index in
        QRLineBits(count: QRLineBits.capacity - 2 * QRLineBits.offset) {
            maskInverts(index / 6, row: $0, column: index % 6)
        }
    }

    /// The symbol with one particular mask.
    func masked(level: QRCode.ErrorCorrection, mask: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: size * size)
        write(mask: mask, level: level, into: &result)
        return result
    }

    private func write(mask: Int, level: QRCode.ErrorCorrection, into grid: inout [UInt8]) {
        let size = size
        Self.maskTable.withUnsafeBufferPointer { table in
            modules.withUnsafeBufferPointer { modules in
                isFunction.withUnsafeBufferPointer { isFunction in
                    grid.withUnsafeMutableBufferPointer { grid in
                        for row in 0..<size {
                            let pattern = table[(mask * 12 + row % 12) * 6..<(mask * 12 + row % 12 + 1) * 6]
                            var patternColumn = pattern.startIndex
                            for column in 0..<size {
                                let index = row * size + column
                                let invert: UInt8 = isFunction[index] ? 0 : pattern[patternColumn]
                                grid[index] = modules[index] ^ invert
                                patternColumn =
                                    patternColumn + 1 == pattern.endIndex ? pattern.startIndex : patternColumn + 1
                            }
                        }
                    }
                }
            }
        }
        let bits = Self.formatBits(level: level, mask: mask)
        for (bit, position) in formatPositions.enumerated() {
            let value = UInt8((bits >> bit) & 1)
            grid[position.first] = value
            grid[position.second] = value
        }
    }

    /// The mask conditions of Table 10, i = row, j = column.
    static func maskInverts(_ mask: Int, row i: Int, column j: Int) -> Bool {
        switch mask {
        case 0: (i + j) % 2 == 0
        case 1: i % 2 == 0
        case 2: j % 3 == 0
        case 3: (i + j) % 3 == 0
        case 4: (i / 2 + j / 3) % 2 == 0
        case 5: (i * j) % 2 + (i * j) % 3 == 0
        case 6: ((i * j) % 2 + (i * j) % 3) % 2 == 0
        default: ((i + j) % 2 + (i * j) % 3) % 2 == 0
        }
    }

    /// Every mask condition repeats after 12 rows and 6 columns, so this 8 × 12 × 6 table of
    /// `maskInverts` keeps the divisions out of the per-module loop.
    static let maskTable: [UInt8] = (0..<8 * 12 * 6).map { index in
        maskInverts(index / 72, row: index / 6 % 12, column: index % 6) ? 1 : 0
    }

    // MARK: - Format and version information

    /// Level and mask protected by BCH(15,5), generator x¹⁰+x⁸+x⁵+x⁴+x²+x+1 (0x537), then XORed
    /// with 0x5412 so that no combination gives an all-light format area (Annex C).
    static func formatBits(level: QRCode.ErrorCorrection, mask: Int) -> Int {
        let data = level.formatBits << 3 | mask
        return (data << 10 | bchRemainder(data << 10, generator: 0x537)) ^ 0x5412
    }

    /// Version number protected by BCH(18,6), generator 0x1F25 (Annex D); it is not masked.
    static func versionBits(version: Int) -> Int {
        version << 12 | bchRemainder(version << 12, generator: 0x1F25)
    }

    private static func bchRemainder(_ value: Int, generator: Int) -> Int {
        let degree = Int.bitWidth - generator.leadingZeroBitCount - 1
        var remainder = value
        while remainder != 0, Int.bitWidth - remainder.leadingZeroBitCount - 1 >= degree {
            remainder ^= generator << (Int.bitWidth - remainder.leadingZeroBitCount - 1 - degree)
        }
        return remainder
    }

    /// The two copies of the 15 format bits (Figure 25): bit 0 is the least significant.
    static func formatPositions(size: Int) -> [(first: Int, second: Int)] {
        (0..<15).map { bit in
            let first: (row: Int, column: Int) =
                switch bit {
                case 0...5: (bit, 8)
                case 6: (7, 8)
                case 7: (8, 8)
                case 8: (8, 7)
                default: (8, 14 - bit)
                }
            let second = bit < 8 ? (row: 8, column: size - 1 - bit) : (row: size - 15 + bit, column: 8)
            return (first.row * size + first.column, second.row * size + second.column)
        }
    }

    // MARK: - Penalty (§7.8.3, Table 11)

    static func penalty(rows: [QRLineBits], columns: [QRLineBits], size: Int) -> Int {
        // Positions whose next module is still inside the line.
        let pairs = QRLineBits(ones: size - 1)
        var total = 0
        var dark = 0
        for line in 0..<size {
            total += linePenalty(rows[line], pairs: pairs) + linePenalty(columns[line], pairs: pairs)
            dark += rows[line].nonzeroBitCount
        }
        // Rule 2: 3 points for every 2×2 block of one colour, overlapping blocks counted apart.
        var blocks = 0
        for row in 0..<size - 1 {
            let upper = rows[row]
            let verticalSame = ~(upper ^ rows[row + 1])
            blocks += (verticalSame & (verticalSame >> 1) & ~(upper ^ (upper >> 1)) & pairs).nonzeroBitCount
        }
        total += 3 * blocks
        // Rule 4: 10 points for each full 5 % that the dark share strays from 50 %.
        let count = size * size
        total += abs(dark * 2 - count) * 10 / count * 10
        return total
    }

    /// The rules along one row or column. Rule 1: a run of n ≥ 5 modules of one colour scores
    /// n − 2, which is one point per 5-module window inside the run plus two per run. Rule 3: 40
    /// points per dark–light–dark–dark–dark–light–dark look-alike of a finder with four light
    /// modules (the quiet zone counts) on at least one side.
    @inline(__always)
    private static func linePenalty(_ dark: QRLineBits, pairs: QRLineBits) -> Int {
        let sameAsNext = ~(dark ^ (dark >> 1)) & pairs
        let fiveSame = sameAsNext & (sameAsNext >> 1) & (sameAsNext >> 2) & (sameAsNext >> 3)
        let runStarts = fiveSame & ~(sameAsNext << 1)
        let runs = fiveSame.nonzeroBitCount + 2 * runStarts.nonzeroBitCount

        let light = ~dark
        let finderLike =
            dark & (light >> 1) & (dark >> 2) & (dark >> 3) & (dark >> 4) & (light >> 5) & (dark >> 6)
        let lightBefore = (light << 1) & (light << 2) & (light << 3) & (light << 4)
        let lightAfter = (light >> 7) & (light >> 8) & (light >> 9) & (light >> 10)
        return runs + 40 * (finderLike & (lightBefore | lightAfter)).nonzeroBitCount
    }

    /// The penalty of a grid of modules (1 = dark), for checking the bit-line scoring.
    static func penalty(grid: [UInt8], size: Int) -> Int {
        var rows = [QRLineBits](repeating: .zero, count: size)
        var columns = rows
        for row in 0..<size {
            for column in 0..<size where grid[row * size + column] != 0 {
                rows[row][column] = true
                columns[column][row] = true
            }
        }
        return penalty(rows: rows, columns: columns, size: size)
    }
}
