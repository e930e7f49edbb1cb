import Foundation

/// A signature slot placed on a page, before object numbers exist.
struct PendingSlot {
    var slot: SignatureSlot
    var page: Int
    var rect: PDFRect
}

/// The running layout: pages drawn so far, the cursor, the fonts (which record the glyphs used).
struct PageFlow {
    enum Weight { case regular, bold }

    var regular: EmbeddedFont
    var bold: EmbeddedFont
    var pages: [PageContent] = []
    var page = PageContent()
    var slots: [PendingSlot] = []
    /// The baseline of the next line.
    var y: Double

    static let bodySize = 12.0
    static let leading = 1.38

    private var left: Double { DocumentRenderer.left }
    private var textWidth: Double { DocumentRenderer.textWidth }
    private var bottom: Double { DocumentRenderer.bottom }

    init(regular: EmbeddedFont, bold: EmbeddedFont) {
        self.regular = regular
        self.bold = bold
        y = DocumentRenderer.pageHeight - DocumentRenderer.top
    }

    func width(_ text: String, font weight: Weight, size: Double) -> Double {
        (weight == .bold ? bold : regular).width(text, size: size)
    }

    /// The largest size up to `preferred` at which `text` fits in `width`.
    func fittingSize(_ text: String, font weight: Weight, preferred: Double, width: Double) -> Double {
        let natural = self.width(text, font: weight, size: preferred)
        return natural <= width ? preferred : max(6, preferred * width / natural)
    }

    /// Draws `text` once at (x, y).
    mutating func draw(_ text: String, font weight: Weight, size: Double, x: Double, y: Double, gray: Double = 0) {
        let glyphs: String
        if weight == .bold { glyphs = bold.encode(text) } else { glyphs = regular.encode(text) }
        page.text(glyphs, font: weight == .bold ? "F2" : "F1", size: size, x: x, y: y, gray: gray)
    }

    /// Draws one line centred in [x, x + width].
    mutating func centered(
        _ text: String, font weight: Weight, size: Double, x: Double, width: Double, y: Double, gray: Double = 0
    ) {
        let lineWidth = self.width(text, font: weight, size: size)
        draw(text, font: weight, size: size, x: x + max(0, (width - lineWidth) / 2), y: y, gray: gray)
    }

    /// Draws `text` wrapped and centred; returns the baseline after the last line.
    mutating func centeredLines(
        _ text: String, font weight: Weight, size: Double, x: Double, width: Double, y: Double, gray: Double = 0
    ) -> Double {
        var baseline = y
        for line in wrap(text, font: weight, size: size, width: width) {
            centered(line, font: weight, size: size, x: x, width: width, y: baseline, gray: gray)
            baseline -= size * Self.leading
        }
        return baseline
    }

    /// Greedy word wrapping; a word longer than the line is cut by characters.
    func wrap(_ text: String, font weight: Weight, size: Double, width: Double) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if self.width(candidate, font: weight, size: size) <= width {
                    line = candidate
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                line = ""
                for character in word {
                    let longer = line + String(character)
                    if self.width(longer, font: weight, size: size) > width, !line.isEmpty {
                        lines.append(line)
                        line = String(character)
                    } else {
                        line = longer
                    }
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// Starts a new page when fewer than `height` points are left.
    mutating func ensureRoom(_ height: Double) {
        if y - height < bottom {
            pages.append(page)
            page = PageContent()
            y = DocumentRenderer.pageHeight - DocumentRenderer.top
        }
    }

    mutating func draw(_ block: DocumentBlock) {
        let size = Self.bodySize
        let lineHeight = size * Self.leading
        switch block {
        case .heading(let text):
            ensureRoom(lineHeight * 2)
            y -= 4
            for line in wrap(text, font: .bold, size: size, width: textWidth) {
                ensureRoom(lineHeight)
                draw(line, font: .bold, size: size, x: left, y: y)
                y -= lineHeight
            }
        case .paragraph(let text):
            for line in wrap(text, font: .regular, size: size, width: textWidth) {
                ensureRoom(lineHeight)
                draw(line, font: .regular, size: size, x: left, y: y)
                y -= lineHeight
            }
            y -= 3
        case .field(let label, let value):
            let labelText = label + ": "
            let labelWidth = min(width(labelText, font: .regular, size: size), textWidth * 0.45)
            let lines = wrap(value, font: .bold, size: size, width: textWidth - labelWidth)
            ensureRoom(lineHeight)
            draw(labelText, font: .regular, size: size, x: left, y: y)
            for (index, line) in lines.enumerated() {
                if index > 0 { ensureRoom(lineHeight) }
                draw(line, font: .bold, size: size, x: left + labelWidth, y: y)
                y -= lineHeight
            }
        case .list(let items):
            for (index, item) in items.enumerated() {
                let marker = "\(index + 1). "
                let indent = 18.0
                ensureRoom(lineHeight)
                draw(marker, font: .regular, size: size, x: left + 4, y: y)
                for line in wrap(item, font: .regular, size: size, width: textWidth - indent) {
                    ensureRoom(lineHeight)
                    draw(line, font: .regular, size: size, x: left + indent, y: y)
                    y -= lineHeight
                }
            }
            y -= 3
        case .note(let text):
            let small = 9.5
            for line in wrap(text, font: .regular, size: small, width: textWidth) {
                ensureRoom(small * Self.leading)
                draw(line, font: .regular, size: small, x: left, y: y, gray: 0.25)
                y -= small * Self.leading
            }
            y -= 3
        case .table(let columns, let rows):
            drawTable(columns, rows)
        }
    }

    private mutating func drawTable(_ columns: [TableColumn], _ rows: [[String]]) {
        let size = 10.0
        let lineHeight = size * 1.3
        let total = columns.reduce(0) { $0 + $1.share }
        let widths = columns.map { $0.share / total * textWidth }
        let padding = 3.0

        func cells(_ row: [String], weight: Weight) -> [[String]] {
            columns.indices.map { index in
                wrap(index < row.count ? row[index] : "", font: weight, size: size, width: widths[index] - 2 * padding)
            }
        }
        func drawRow(_ wrapped: [[String]], weight: Weight) {
            let height = Double(wrapped.map(\.count).max() ?? 1) * lineHeight + 2 * padding
            var x = left
            for (index, lines) in wrapped.enumerated() {
                page.stroke(PDFRect(x: x, y: y - height, width: widths[index], height: height), width: 0.5)
                var baseline = y - padding - size
                for line in lines {
                    draw(line, font: weight, size: size, x: x + padding, y: baseline)
                    baseline -= lineHeight
                }
                x += widths[index]
            }
            y -= height
        }
        let header = cells(columns.map(\.title), weight: .bold)
        let headerHeight = Double(header.map(\.count).max() ?? 1) * lineHeight + 2 * padding
        ensureRoom(headerHeight + lineHeight * 2)
        drawRow(header, weight: .bold)
        for row in rows {
            let wrapped = cells(row, weight: .regular)
            let height = Double(wrapped.map(\.count).max() ?? 1) * lineHeight + 2 * padding
            if y - height < bottom {
                ensureRoom(height + headerHeight)
                drawRow(header, weight: .bold)
            }
            drawRow(wrapped, weight: .regular)
        }
        y -= 8
    }

    /// The signature blocks side by side at the end: title, an empty field, the name.
    mutating func drawSignatures(_ signatures: [SignatureSlot]) {
        guard !signatures.isEmpty else { return }
        let blockHeight = 16 + 62 + 20.0
        ensureRoom(blockHeight + 10)
        y -= 10
        let columnWidth = signatures.count == 1 ? textWidth / 2 : textWidth / Double(signatures.count)
        var x = signatures.count == 1 ? left + textWidth / 2 : left
        for slot in signatures {
            _ = centeredLines(slot.title, font: .bold, size: 11.5, x: x, width: columnWidth, y: y)
            let rect = PDFRect(x: x + 6, y: y - 16 - 62, width: columnWidth - 12, height: 60)
            slots.append(PendingSlot(slot: slot, page: pages.count, rect: rect))
            centered(slot.signerName, font: .bold, size: 11.5, x: x, width: columnWidth, y: y - 16 - 62 - 14)
            x += columnWidth
        }
        y -= blockHeight
    }

    /// Closes the last page.
    mutating func finish() {
        if !page.operations.isEmpty || pages.isEmpty {
            pages.append(page)
            page = PageContent()
        }
    }
}
