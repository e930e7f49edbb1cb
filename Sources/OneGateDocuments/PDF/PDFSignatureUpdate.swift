import Foundation

/// What a signature field shows once signed: a few lines in a frame.
public struct SignatureAppearance: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        /// A person's signature: dark blue.
        case personal
        /// An organisation's seal: red, like the ink of a paper seal.
        case seal
    }

    public var lines: [String]
    public var style: Style

    public init(lines: [String], style: Style) {
        self.lines = lines
        self.style = style
    }
}

/// The signature dictionary's descriptive entries.
public struct SignatureDetails: Sendable, Hashable {
    public var signerName: String
    public var reason: String
    public var location: String
    public var time: Date

    public init(signerName: String, reason: String, location: String, time: Date) {
        self.signerName = signerName
        self.reason = reason
        self.location = location
        self.time = time
    }
}

/// An incremental update that fills one empty signature field of a OneGate PDF (ISO 32000-1
/// §12.8): the signature dictionary with a `/Contents` placeholder, the field's appearance, and a
/// `/ByteRange` covering the whole new file except the placeholder. The caller computes a CMS
/// signature over `signedBytes` and calls `embed`.
public struct PDFSignatureUpdate: Sendable {
    /// Room for the DER CMS signature (certificates included) when the caller does not know its
    /// size, in bytes.
    public static let defaultReservedBytes = 8192

    /// The new revision with the placeholder still empty.
    public private(set) var bytes: [UInt8]
    /// Offsets of `<` and just after `>` of `/Contents`.
    public let contentsRange: Range<Int>

    /// `[0, a, b, c]`: the two byte ranges the signature covers.
    public var byteRange: [Int] {
        [0, contentsRange.lowerBound, contentsRange.upperBound, bytes.count - contentsRange.upperBound]
    }

    /// The bytes the signature covers: everything but the `/Contents` value.
    public var signedBytes: [UInt8] {
        Array(bytes[0..<contentsRange.lowerBound]) + Array(bytes[contentsRange.upperBound...])
    }

    /// Prepares the update filling the field named `slot` of `pdf`.
    public init(
        pdf: [UInt8], slot: String, appearance: SignatureAppearance, details: SignatureDetails,
        reservedBytes: Int = defaultReservedBytes, regular: TrueTypeFont = BundledFont.serif.font,
        bold: TrueTypeFont = BundledFont.serifBold.font
    ) throws(PDFError) {
        let trailer = try PDFTrailer(of: pdf)
        let placement = try Self.findSlot(slot, in: pdf)
        let fonts = try Self.fontObjects(in: pdf)
        var writer = PDFObjectWriter(appendingTo: pdf, size: trailer.size)
        let signatureObject = writer.reserve()
        let appearanceObject = writer.reserve()

        // The signature dictionary, with fixed-width placeholders patched below.
        writer.beginObject(signatureObject)
        writer.append("<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange ")
        let byteRangeStart = writer.position
        writer.append(Self.byteRangePlaceholder)
        writer.append(" /Contents ")
        let contentsStart = writer.position
        writer.append("<" + String(repeating: "0", count: reservedBytes * 2) + ">")
        let contentsEnd = writer.position
        writer.append(
            " /M \(PDFSyntax.date(details.time)) /Name \(PDFSyntax.textString(details.signerName)) "
                + "/Reason \(PDFSyntax.textString(details.reason)) /Location \(PDFSyntax.textString(details.location))>>"
        )
        writer.endObject()

        let stream = Self.appearanceStream(appearance, rect: placement.rect, regular: regular, bold: bold)
        writer.writeStream(
            appearanceObject,
            entries: " /Type /XObject /Subtype /Form /BBox [0 0 \(PDFSyntax.number(placement.rect.width)) "
                + "\(PDFSyntax.number(placement.rect.height))] /Resources <</Font <</F1 \(fonts.regular) 0 R "
                + "/F2 \(fonts.bold) 0 R>>>>",
            data: Array(stream.utf8))
        writer.write(
            placement.fieldObject,
            "<</Type /Annot /Subtype /Widget /FT /Sig /T \(PDFSyntax.literal(placement.name)) /F 132 "
                + "/Rect \(placement.rect.array) /P \(placement.pageObject) 0 R /V \(signatureObject) 0 R "
                + "/AP <</N \(appearanceObject) 0 R>>>>")
        writer.finish(root: trailer.root, info: trailer.info, id: trailer.id, previous: trailer.startXref)

        var bytes = writer.bytes
        let ranges = [0, contentsStart, contentsEnd, bytes.count - contentsEnd]
        var text = "[" + ranges.map(String.init).joined(separator: " ") + "]"
        text += String(repeating: " ", count: Self.byteRangePlaceholder.utf8.count - text.utf8.count)
        bytes.replaceSubrange(byteRangeStart..<byteRangeStart + text.utf8.count, with: Array(text.utf8))
        self.bytes = bytes
        contentsRange = contentsStart..<contentsEnd
    }

    /// The final file: `cms` (DER) hex-encoded into the placeholder, padded with zeros.
    public func embed(cms: [UInt8]) throws(PDFError) -> [UInt8] {
        let reserved = (contentsRange.count - 2) / 2
        guard cms.count <= reserved else { throw PDFError.signatureTooLarge(needed: cms.count, reserved: reserved) }
        var out = bytes
        let hex = Array(PDFSyntax.hex(cms).utf8)
        out.replaceSubrange(contentsRange.lowerBound + 1..<contentsRange.lowerBound + 1 + hex.count, with: hex)
        return out
    }

    private static let byteRangePlaceholder = "[0 0000000000 0000000000 0000000000]"

    /// Finds the field object written by `DocumentRenderer.emptyField` (the last copy of it).
    static func findSlot(_ name: String, in pdf: [UInt8]) throws(PDFError) -> SlotPlacement {
        let marker = Array("/FT /Sig /T \(PDFSyntax.literal(name)) /F 132 /Rect [".utf8)
        guard let at = lastIndex(of: marker, in: pdf) else { throw PDFError.noSuchSlot(name) }
        // Back to "N 0 obj".
        let objectStart = lastIndex(of: Array(" 0 obj\n".utf8), in: pdf, before: at)
        guard let objectStart else { throw PDFError.notOurFile("field without object") }
        var digitsStart = objectStart
        while digitsStart > 0 && pdf[digitsStart - 1] >= 0x30 && pdf[digitsStart - 1] <= 0x39 { digitsStart -= 1 }
        let rest = String(decoding: pdf[(at + marker.count)..<min(pdf.count, at + marker.count + 120)], as: UTF8.self)
        let numbers = rest.prefix { $0 != "]" }.split(separator: " ").compactMap { Double($0) }
        guard let object = Int(String(decoding: pdf[digitsStart..<objectStart], as: UTF8.self)), numbers.count == 4,
            let pageText = rest.components(separatedBy: "/P ").dropFirst().first,
            let page = Int(pageText.prefix { $0.isNumber })
        else { throw PDFError.notOurFile("malformed field \(name)") }
        return SlotPlacement(
            name: name, fieldObject: object, pageObject: page,
            rect: PDFRect(x: numbers[0], y: numbers[1], width: numbers[2] - numbers[0], height: numbers[3] - numbers[1])
        )
    }

    /// The regular and bold fonts of the form's default resources.
    static func fontObjects(in pdf: [UInt8]) throws(PDFError) -> (regular: Int, bold: Int) {
        let marker = Array("/DR <</Font <</F1 ".utf8)
        guard let at = lastIndex(of: marker, in: pdf) else { throw PDFError.notOurFile("no form resources") }
        let rest = String(decoding: pdf[(at + marker.count)..<min(pdf.count, at + marker.count + 40)], as: UTF8.self)
        let parts = rest.split(separator: " ")
        guard parts.count >= 5, let regular = Int(parts[0]), let bold = Int(parts[4]) else {
            throw PDFError.notOurFile("malformed form resources")
        }
        return (regular, bold)
    }

    static func lastIndex(of needle: [UInt8], in haystack: [UInt8], before end: Int? = nil) -> Int? {
        let limit = (end ?? haystack.count) - needle.count
        guard limit >= 0 else { return nil }
        var index = limit
        while index >= 0 {
            if haystack[index] == needle[0] && Array(haystack[index..<index + needle.count]) == needle { return index }
            index -= 1
        }
        return nil
    }

    /// Text lines in a frame, sized to fit the field.
    static func appearanceStream(
        _ appearance: SignatureAppearance, rect: PDFRect, regular: TrueTypeFont, bold: TrueTypeFont
    ) -> String {
        let color = appearance.style == .seal ? "0.78 0.05 0.05" : "0.05 0.15 0.55"
        var content = PageContent()
        content.raw(
            "1 g 0 0 \(PDFSyntax.number(rect.width)) \(PDFSyntax.number(rect.height)) re f\n"
                + "\(color) RG 1.2 w 1 1 \(PDFSyntax.number(rect.width - 2)) \(PDFSyntax.number(rect.height - 2)) re S\n"
        )
        let count = max(1, appearance.lines.count)
        var size = min(9.5, (rect.height - 6) / (Double(count) * 1.25))
        for line in appearance.lines {
            let font = line == appearance.lines.first ? bold : regular
            let width = font.width(of: line, size: size)
            if width > rect.width - 8 { size = min(size, size * (rect.width - 8) / width) }
        }
        var y = rect.height - 4 - size
        for (index, line) in appearance.lines.enumerated() {
            let font = index == 0 ? bold : regular
            var glyphs = "<"
            for scalar in line.precomposedStringWithCanonicalMapping.unicodeScalars {
                glyphs += PDFSyntax.hex4(font.glyph(for: scalar) ?? 0)
            }
            glyphs += ">"
            content.raw(
                "BT \(color) rg /\(index == 0 ? "F2" : "F1") \(PDFSyntax.number(size)) Tf 4 \(PDFSyntax.number(y)) Td "
                    + "\(glyphs) Tj ET\n")
            y -= size * 1.25
        }
        return content.operations
    }
}
