import Foundation

/// What every generated document says about where it comes from, in the reader's language.
public struct DocumentFacts: Sendable, Hashable {
    /// `vi` or `en`.
    public var language: String
    /// The issuing system, such as `Hệ thống thông tin giải quyết TTHC tỉnh Quảng Ninh`.
    public var system: String
    /// The place in the date line, such as `Quảng Ninh`.
    public var place: String
    /// The superior of the issuing unit, such as `UBND TỈNH QUẢNG NINH`; nil for the province.
    public var superior: String?
    /// The issuing unit, such as `SỞ XÂY DỰNG`.
    public var issuer: String
    public var dossierCode: String
    public var procedureCode: String
    public var procedureName: String
    public var applicantName: String
    /// The applicant's identifier in full (printed in the document, which the holder keeps).
    public var applicantIdentifier: String
    /// The document's date in the instance's time zone.
    public var day: Int
    public var month: Int
    public var year: Int
    /// The moment of issue, written out (`2026-03-02 09:15 (UTC+07:00)`).
    public var issuedAt: String
    /// The public verification link the QR code carries (`https://…/v/<code>`).
    public var verificationURL: String
    /// The issuer as written inside a sentence (`Sở Xây dựng`); when absent, `issuer` with only its
    /// first letter capitalised.
    public var issuerName: String?

    public init(
        language: String, system: String, place: String, superior: String?, issuer: String, dossierCode: String,
        procedureCode: String, procedureName: String, applicantName: String, applicantIdentifier: String, day: Int,
        month: Int, year: Int, issuedAt: String, verificationURL: String
    ) {
        self.language = language
        self.system = system
        self.place = place
        self.superior = superior
        self.issuer = issuer
        self.dossierCode = dossierCode
        self.procedureCode = procedureCode
        self.procedureName = procedureName
        self.applicantName = applicantName
        self.applicantIdentifier = applicantIdentifier
        self.day = day
        self.month = month
        self.year = year
        self.issuedAt = issuedAt
        self.verificationURL = verificationURL
    }

    var english: Bool { language == "en" }

    /// The issuer inside a sentence.
    var issuerInText: String { issuerName ?? issuer.capitalizedFirst }

    /// The Vietnamese or the English text.
    func text(_ vi: String, _ en: String) -> String { english ? en : vi }

    /// The identifier masked for the QR code: the first three and last three characters.
    public var maskedIdentifier: String {
        let characters = Array(applicantIdentifier)
        guard characters.count > 6 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(3)) + String(repeating: "*", count: characters.count - 6)
            + String(characters.suffix(3))
    }

    var motto: [String] {
        english
            ? ["SOCIALIST REPUBLIC OF VIETNAM", "Independence – Freedom – Happiness"]
            : ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc"]
    }

    var placeAndDate: String {
        if english {
            let months = [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December",
            ]
            return "\(place), \(day) \(months[max(0, min(11, month - 1))]) \(year)"
        }
        return "\(place), ngày \(String(format: "%02d", day)) tháng \(String(format: "%02d", month)) năm \(year)"
    }

    /// The QR content of codes.md: the verification link first (scanners open it), then the
    /// minimum facts, one per line; the identifier masked.
    func qrPayload(document: String, extra: [String]) -> String {
        ([
            verificationURL,
            "\(text("Hồ sơ", "Dossier")): \(dossierCode)",
            "\(text("TTHC", "Procedure")): \(procedureCode)",
            "\(text("Người nộp", "Applicant")): \(maskedIdentifier)",
            "\(text("Văn bản", "Document")): \(document)",
            "\(text("Hệ thống", "System")): \(system)",
            "\(text("Thời điểm", "Issued")): \(issuedAt)",
        ] + extra).joined(separator: "\n")
    }

    var footer: String {
        text(
            "Văn bản điện tử do \(system) phát hành, được ký số. Kiểm tra tính xác thực: \(verificationURL)",
            "Electronic document issued by \(system), digitally signed. Check it at \(verificationURL)")
    }

    func metadata(title: String, created: Date) -> DocumentMetadata {
        DocumentMetadata(
            title: title, author: issuer, subject: "\(dossierCode) · \(procedureName)", language: language,
            created: created)
    }
}
