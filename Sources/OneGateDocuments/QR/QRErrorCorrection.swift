extension QRCode.ErrorCorrection {
    /// The two bits that name the level in the format information. ISO/IEC 18004 Table 12 orders
    /// them M, L, H, Q (00, 01, 10, 11), not by strength.
    var formatBits: Int {
        switch self {
        case .low: 0b01
        case .medium: 0b00
        case .quartile: 0b11
        case .high: 0b10
        }
    }

    /// Row of the level in the block tables of `QRVersionTable`, weakest first.
    var tableIndex: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .quartile: 2
        case .high: 3
        }
    }
}
