import Foundation

/// A document in the shape of Vietnamese administrative documents (Decree 30/2020): the issuing
/// agency and its superior at the top left, the national motto at the top right, the number, the
/// place and date, the title, the body, and signature blocks; with OneGate's QR code at the top
/// left. Every text is already in the reader's language; the renderer only lays it out.
public struct OfficialDocument: Sendable, Hashable {
    /// The agency block: the superior (`UBND TỈNH QUẢNG NINH`) and the issuer (`SỞ XÂY DỰNG`).
    public var superior: String?
    public var issuer: String
    /// The number line (`Số: …`). When `numberSlot` is set, the line is left to the signature
    /// that numbers the document (the clerk's seal) and this text is a placeholder under it.
    public var number: String
    /// The name of the signature slot drawn where the number goes (the unit's seal), if any.
    public var numberSlot: SignatureSlot?
    /// The two lines of the national motto.
    public var motto: [String]
    /// `Quảng Ninh, ngày 29 tháng 11 năm 2026`.
    public var placeAndDate: String
    public var title: String
    public var subtitle: String?
    public var blocks: [DocumentBlock]
    /// Signature blocks at the end, left to right.
    public var signatures: [SignatureSlot]
    /// The text encoded in the QR code (codes.md).
    public var qrPayload: String
    /// A short caption under the QR code.
    public var qrCaption: String
    /// The small print at the foot of every page (how to verify).
    public var footer: String
    public var metadata: DocumentMetadata
    /// Text that signature appearances added later will draw (names, places, words such as
    /// "Ký số bởi"): its glyphs are kept in the subset fonts.
    public var reservedText: String = ""

    public init(
        superior: String?, issuer: String, number: String, numberSlot: SignatureSlot? = nil, motto: [String],
        placeAndDate: String, title: String, subtitle: String? = nil, blocks: [DocumentBlock],
        signatures: [SignatureSlot], qrPayload: String, qrCaption: String, footer: String,
        metadata: DocumentMetadata
    ) {
        self.superior = superior
        self.issuer = issuer
        self.number = number
        self.numberSlot = numberSlot
        self.motto = motto
        self.placeAndDate = placeAndDate
        self.title = title
        self.subtitle = subtitle
        self.blocks = blocks
        self.signatures = signatures
        self.qrPayload = qrPayload
        self.qrCaption = qrCaption
        self.footer = footer
        self.metadata = metadata
    }
}

/// One piece of a document's body.
public enum DocumentBlock: Sendable, Hashable {
    /// A bold line.
    case heading(String)
    /// Running text, wrapped.
    case paragraph(String)
    /// `Label: value`, the value wrapped under itself.
    case field(label: String, value: String)
    /// A table with a header row; column widths are fractions of the text width.
    case table(columns: [TableColumn], rows: [[String]])
    /// A numbered or bulleted list.
    case list([String])
    /// Small print.
    case note(String)
}

/// A table column: its heading and its share of the width.
public struct TableColumn: Sendable, Hashable {
    public var title: String
    public var share: Double

    public init(_ title: String, share: Double) {
        self.title = title
        self.share = share
    }
}

/// Where a signature goes: an empty signature field that a signer fills in a later revision.
public struct SignatureSlot: Sendable, Hashable, Codable {
    /// The field name (`/T`), such as `leader` or `seal`.
    public var name: String
    /// The line above the signature, such as `GIÁM ĐỐC` or `NGƯỜI TIẾP NHẬN`.
    public var title: String
    /// The signer's name printed under the signature.
    public var signerName: String

    public init(name: String, title: String, signerName: String) {
        self.name = name
        self.title = title
        self.signerName = signerName
    }
}

/// Document information (title, author, subject, language).
public struct DocumentMetadata: Sendable, Hashable {
    public var title: String
    public var author: String
    public var subject: String
    /// BCP 47, such as `vi` or `en`.
    public var language: String
    public var created: Date

    public init(title: String, author: String, subject: String, language: String, created: Date) {
        self.title = title
        self.author = author
        self.subject = subject
        self.language = language
        self.created = created
    }
}
