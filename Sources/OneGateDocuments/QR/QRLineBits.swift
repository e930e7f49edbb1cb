/// One row or column of a symbol as 192 bits, module k at bit k + 4: the four zero bits on each
/// side stand for the light quiet zone, which the finder look-alike rule counts. With whole lines
/// in three words the penalty rules become a few dozen word operations per line instead of a
/// branchy loop per module.
struct QRLineBits: Equatable {
    static let offset = 4
    static let capacity = 192

    private var low: UInt64
    private var middle: UInt64
    private var high: UInt64

    static let zero = QRLineBits(low: 0, middle: 0, high: 0)

    private init(low: UInt64, middle: UInt64, high: UInt64) {
        self.low = low
        self.middle = middle
        self.high = high
    }

    /// Bits for modules `0..<count`.
    init(ones count: Int) {
        self.init(count: count) { _ in true }
    }

    /// The line of `count` modules whose module k is `isSet(k)`, assembled in registers rather
    /// than bit by bit in memory.
    @inline(__always)
    init(count: Int, _ isSet: (Int) -> Bool) {
        precondition(count + 2 * Self.offset <= Self.capacity, "line too long")
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        for module in 0..<count where isSet(module) {
            let bit = module + Self.offset
            let flag: UInt64 = 1 &<< UInt64(bit & 63)
            switch bit >> 6 {
            case 0: words.0 |= flag
            case 1: words.1 |= flag
            default: words.2 |= flag
            }
        }
        self.init(low: words.0, middle: words.1, high: words.2)
    }

    /// Module `module` of the line (not the raw bit index).
    subscript(module: Int) -> Bool {
        get {
            let bit = module + Self.offset
            return (word(bit >> 6) >> UInt64(bit & 63)) & 1 != 0
        }
        set {
            let bit = module + Self.offset
            let flag: UInt64 = 1 << UInt64(bit & 63)
            switch bit >> 6 {
            case 0: low = newValue ? low | flag : low & ~flag
            case 1: middle = newValue ? middle | flag : middle & ~flag
            default: high = newValue ? high | flag : high & ~flag
            }
        }
    }

    private func word(_ index: Int) -> UInt64 {
        switch index {
        case 0: low
        case 1: middle
        default: high
        }
    }

    var nonzeroBitCount: Int { low.nonzeroBitCount + middle.nonzeroBitCount + high.nonzeroBitCount }

    /// Bit k of the result is bit k + `shift` of `line`, for shifts of 1...63: at each position,
    /// the module that many places further on.
    @inline(__always)
    static func >> (line: QRLineBits, shift: Int) -> QRLineBits {
        let shift = UInt64(shift)
        return QRLineBits(
            low: line.low &>> shift | line.middle &<< (64 - shift),
            middle: line.middle &>> shift | line.high &<< (64 - shift),
            high: line.high &>> shift
        )
    }

    /// Bit k of the result is bit k − `shift` of `line`, for shifts of 1...63: at each position,
    /// the module that many places back.
    @inline(__always)
    static func << (line: QRLineBits, shift: Int) -> QRLineBits {
        let shift = UInt64(shift)
        return QRLineBits(
            low: line.low &<< shift,
            middle: line.middle &<< shift | line.low &>> (64 - shift),
            high: line.high &<< shift | line.middle &>> (64 - shift)
        )
    }

    @inline(__always)
    static func & (lhs: QRLineBits, rhs: QRLineBits) -> QRLineBits {
        QRLineBits(low: lhs.low & rhs.low, middle: lhs.middle & rhs.middle, high: lhs.high & rhs.high)
    }

    @inline(__always)
    static func | (lhs: QRLineBits, rhs: QRLineBits) -> QRLineBits {
        QRLineBits(low: lhs.low | rhs.low, middle: lhs.middle | rhs.middle, high: lhs.high | rhs.high)
    }

    @inline(__always)
    static func ^ (lhs: QRLineBits, rhs: QRLineBits) -> QRLineBits {
        QRLineBits(low: lhs.low ^ rhs.low, middle: lhs.middle ^ rhs.middle, high: lhs.high ^ rhs.high)
    }

    @inline(__always)
    static prefix func ~ (line: QRLineBits) -> QRLineBits {
        QRLineBits(low: ~line.low, middle: ~line.middle, high: ~line.high)
    }
}
