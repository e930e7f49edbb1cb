import Foundation

/// Where a signature slot ended up: the field's object, its page and rectangle. The signer needs
/// them to fill the field in an incremental update.
public struct SlotPlacement: Sendable, Hashable, Codable {
    public var name: String
    public var fieldObject: Int
    public var pageObject: Int
    public var rect: PDFRect
}

/// A rendered PDF and where its signature slots are.
public struct RenderedDocument: Sendable {
    public var bytes: [UInt8]
    public var slots: [SlotPlacement]
    /// The resource names and object numbers of the document's fonts (regular `F1`, bold `F2`),
    /// which signature appearances reuse: their subsets carry ASCII and the Vietnamese letters.
    public var fonts: [String: Int]
}

/// Lays out an `OfficialDocument` on A4 pages and writes the PDF: embedded subset fonts, the QR
/// code drawn as vector modules, empty signature fields for the slots, document information.
public struct DocumentRenderer: Sendable {
    /// A4 in points.
    public static let pageWidth = 595.28
    public static let pageHeight = 841.89
    // Decree 30 margins: left 30 mm, right 20 mm, top and bottom 20 mm.
    static let left = 85.0
    static let right = 57.0
    static let top = 57.0
    static let bottom = 62.0
    static let qrSide = 74.0
    static var textWidth: Double { pageWidth - left - right }

    let regular: TrueTypeFont
    let bold: TrueTypeFont

    /// The words OneGate's signature appearances use, in both languages.
    static let appearanceWords =
        "Ký số bởi Thời gian Ban hành ngày Số Đóng dấu Signed by Time Issued on No. SEAL"
        + "ẮẰẲẴẶẤẦẨẪẬẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴĂÂÊÔ"

    /// A renderer with the bundled DejaVu Serif fonts.
    public init() {
        self.init(regular: BundledFont.serif.font, bold: BundledFont.serifBold.font)
    }

    public init(regular: TrueTypeFont, bold: TrueTypeFont) {
        self.regular = regular
        self.bold = bold
    }

    /// Renders `document` as a PDF.
    public func render(_ document: OfficialDocument) throws -> RenderedDocument {
        var layout = PageFlow(
            regular: EmbeddedFont(
                font: regular, resource: "F1", reserving: document.reservedText + Self.appearanceWords),
            bold: EmbeddedFont(font: bold, resource: "F2", reserving: document.reservedText + Self.appearanceWords))
        try drawHeader(document, into: &layout)
        for block in document.blocks { layout.draw(block) }
        layout.drawSignatures(document.signatures)
        layout.finish()
        return try write(document, layout: layout)
    }

    private func drawHeader(_ document: OfficialDocument, into flow: inout PageFlow) throws {
        let topY = Self.pageHeight - Self.top + 20
        let qr = try QRCode(text: document.qrPayload, errorCorrection: .medium)
        // One module is one unit of a scaled coordinate system, so each dark run is four small
        // integers: a QR code is hundreds of rectangles.
        let module = Self.qrSide / Double(qr.size)
        var operations = "q \(PDFSyntax.number(module)) 0 0 \(PDFSyntax.number(module)) \(PDFSyntax.number(Self.left)) "
        operations += "\(PDFSyntax.number(topY - Self.qrSide)) cm 0 g\n"
        for row in 0..<qr.size {
            var column = 0
            while column < qr.size {
                guard qr.isDark(row: row, column: column) else {
                    column += 1
                    continue
                }
                var end = column
                while end + 1 < qr.size && qr.isDark(row: row, column: end + 1) { end += 1 }
                operations += "\(column) \(qr.size - 1 - row) \(end - column + 1) 1 re\n"
                column = end + 1
            }
        }
        flow.page.raw(operations + "f Q\n")
        flow.centered(
            document.qrCaption, font: .regular, size: 6.5, x: Self.left - 6, width: Self.qrSide + 12,
            y: topY - Self.qrSide - 9)

        // The agency block, beside the QR code.
        let agencyX = Self.left + Self.qrSide + 8
        let agencyWidth = 190.0
        var y = topY - 12
        if let superior = document.superior {
            y = flow.centeredLines(superior, font: .regular, size: 11, x: agencyX, width: agencyWidth, y: y)
        }
        y = flow.centeredLines(document.issuer, font: .bold, size: 11, x: agencyX, width: agencyWidth, y: y)
        flow.page.line(from: (agencyX + agencyWidth / 2 - 30, y + 9), to: (agencyX + agencyWidth / 2 + 30, y + 9))
        y -= 8
        if let slot = document.numberSlot {
            flow.centered(
                document.number, font: .regular, size: 10, x: agencyX, width: agencyWidth, y: y - 4, gray: 0.45)
            flow.slots.append(
                PendingSlot(slot: slot, page: 0, rect: PDFRect(x: agencyX, y: y - 30, width: agencyWidth, height: 40)))
            y -= 34
        } else {
            y = flow.centeredLines(document.number, font: .regular, size: 11, x: agencyX, width: agencyWidth, y: y)
        }
        let agencyBottom = y

        // The motto and the place and date, on the right.
        let mottoX = agencyX + agencyWidth + 4
        let mottoWidth = Self.pageWidth - Self.right - mottoX
        var mottoY = topY - 12
        for (index, line) in document.motto.enumerated() {
            let size = flow.fittingSize(line, font: .bold, preferred: index == 0 ? 10.5 : 11.5, width: mottoWidth)
            flow.centered(line, font: .bold, size: size, x: mottoX, width: mottoWidth, y: mottoY)
            if index == document.motto.count - 1 {
                let lineWidth = flow.width(line, font: .bold, size: size)
                let start = mottoX + (mottoWidth - lineWidth) / 2
                flow.page.line(from: (start, mottoY - 3), to: (start + lineWidth, mottoY - 3))
            }
            mottoY -= 15
        }
        mottoY -= 6
        mottoY = flow.centeredLines(
            document.placeAndDate, font: .regular, size: 10.5, x: mottoX, width: mottoWidth, y: mottoY)

        flow.y = min(agencyBottom, mottoY, topY - Self.qrSide - 16) - 18
        flow.y = flow.centeredLines(
            document.title, font: .bold, size: 14, x: Self.left, width: Self.textWidth, y: flow.y)
        if let subtitle = document.subtitle {
            flow.y = flow.centeredLines(
                subtitle, font: .regular, size: 12, x: Self.left, width: Self.textWidth, y: flow.y)
        }
        flow.y -= 10
    }

    private func write(_ document: OfficialDocument, layout: PageFlow) throws -> RenderedDocument {
        var writer = PDFObjectWriter()
        let catalog = writer.reserve()
        let pagesObject = writer.reserve()
        let regularObject = writer.reserve()
        let boldObject = writer.reserve()
        let acroForm = writer.reserve()
        let info = writer.reserve()
        let pageObjects = layout.pages.map { _ in writer.reserve() }
        let contentObjects = layout.pages.map { _ in writer.reserve() }
        let fieldObjects = layout.slots.map { _ in writer.reserve() }

        var placements: [SlotPlacement] = []
        for (index, pending) in layout.slots.enumerated() {
            placements.append(
                SlotPlacement(
                    name: pending.slot.name, fieldObject: fieldObjects[index], pageObject: pageObjects[pending.page],
                    rect: pending.rect))
        }

        let language = PDFSyntax.literal(document.metadata.language)
        writer.write(
            catalog,
            "<</Type /Catalog /Pages \(pagesObject) 0 R /AcroForm \(acroForm) 0 R /Lang \(language) "
                + "/ViewerPreferences <</DisplayDocTitle true>>>>")
        let kids = pageObjects.map { "\($0) 0 R" }.joined(separator: " ")
        writer.write(pagesObject, "<</Type /Pages /Kids [\(kids)] /Count \(pageObjects.count)>>")
        let fields = fieldObjects.map { "\($0) 0 R" }.joined(separator: " ")
        writer.write(
            acroForm,
            "<</Fields [\(fields)] /SigFlags 3 /DA (/F1 0 Tf 0 g) "
                + "/DR <</Font <</F1 \(regularObject) 0 R /F2 \(boldObject) 0 R>>>>>>")
        let meta = document.metadata
        writer.write(
            info,
            "<</Title \(PDFSyntax.textString(meta.title)) /Author \(PDFSyntax.textString(meta.author)) "
                + "/Subject \(PDFSyntax.textString(meta.subject)) /Creator (OneGate) /Producer (OneGate) "
                + "/CreationDate \(PDFSyntax.date(meta.created))>>")

        var flow = layout
        for (index, page) in layout.pages.enumerated() {
            let annotations = placements.filter { $0.pageObject == pageObjects[index] }
                .map { "\($0.fieldObject) 0 R" }.joined(separator: " ")
            writer.write(
                pageObjects[index],
                "<</Type /Page /Parent \(pagesObject) 0 R /MediaBox [0 0 \(PDFSyntax.number(Self.pageWidth)) "
                    + "\(PDFSyntax.number(Self.pageHeight))] /Resources <</Font <</F1 \(regularObject) 0 R "
                    + "/F2 \(boldObject) 0 R>>>> /Contents \(contentObjects[index]) 0 R"
                    + (annotations.isEmpty ? "" : " /Annots [\(annotations)]") + " /Tabs /S>>")
            flow.page = page
            let pageNumber = layout.pages.count > 1 ? " · \(index + 1)/\(layout.pages.count)" : ""
            _ = flow.centeredLines(
                document.footer + pageNumber, font: .regular, size: 7.5, x: Self.left, width: Self.textWidth,
                y: Self.bottom - 22, gray: 0.3)
            writer.writeCompressedStream(contentObjects[index], entries: "", data: Array(flow.page.operations.utf8))
        }
        for placement in placements {
            writer.write(placement.fieldObject, Self.emptyField(placement))
        }
        // The fonts last: their subsets hold every glyph the pages and the footers drew.
        try flow.regular.write(into: &writer, number: regularObject)
        try flow.bold.write(into: &writer, number: boldObject)
        let id = Self.identifier(document)
        writer.finish(root: catalog, info: info, id: (id, id), previous: nil)
        return RenderedDocument(
            bytes: writer.bytes, slots: placements, fonts: ["F1": regularObject, "F2": boldObject])
    }

    /// An unsigned signature field merged with its widget (§12.7.4.5, §12.5.6.19). Printed (4) and
    /// locked (128) so that viewers do not let anyone move it.
    static func emptyField(_ placement: SlotPlacement) -> String {
        "<</Type /Annot /Subtype /Widget /FT /Sig /T \(PDFSyntax.literal(placement.name)) /F 132 "
            + "/Rect \(placement.rect.array) /P \(placement.pageObject) 0 R>>"
    }

    /// The file identifier: a digest of what the document says, so that the same document renders
    /// to the same bytes.
    static func identifier(_ document: OfficialDocument) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in (document.qrPayload + document.title + document.number + document.metadata.subject).utf8 {
            first = (first ^ UInt64(byte)) &* 0x100_0000_01b3
            second = (second ^ UInt64(byte)) &* 0x100_0000_01b3 ^ (second >> 29)
        }
        return String(format: "%016llX%016llX", first, second)
    }
}
