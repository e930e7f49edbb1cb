import Foundation

/// The documents of the one-stop process, built from facts: the result of a procedure and the
/// forms of lifecycle.md (01 receipt and appointment, 02–06 from the dossier's events, 07 ledger).
public enum ProcedureDocuments {
    /// Form 01: receipt and appointment. Signed by the receiving officer (or the reception seal for
    /// online submissions) in the `reception` slot.
    public static func receipt(
        _ facts: DocumentFacts, components: [String], appointment: String, fee: String, channel: String,
        receivedBy: String, created: Date
    ) -> OfficialDocument {
        let title = facts.text("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "RECEIPT AND APPOINTMENT")
        var blocks: [DocumentBlock] = [
            .paragraph(
                facts.text(
                    "\(facts.issuerInText) đã tiếp nhận hồ sơ của:",
                    "\(facts.issuerInText) has received the dossier of:")),
            .field(label: facts.text("Ông/Bà", "Applicant"), value: facts.applicantName),
            .field(label: facts.text("Số định danh", "Identifier"), value: facts.applicantIdentifier),
            .field(label: facts.text("Thủ tục", "Procedure"), value: "\(facts.procedureName) (\(facts.procedureCode))"),
            .field(label: facts.text("Mã hồ sơ", "Dossier code"), value: facts.dossierCode),
            .field(label: facts.text("Hình thức nộp", "Submitted"), value: channel),
            .heading(facts.text("Thành phần hồ sơ:", "Documents received:")),
        ]
        blocks.append(components.isEmpty ? .paragraph(facts.text("(không có)", "(none)")) : .list(components))
        blocks += [
            .field(label: facts.text("Phí, lệ phí", "Fees"), value: fee),
            .field(label: facts.text("Thời gian nhận hồ sơ", "Received at"), value: facts.issuedAt),
            .field(label: facts.text("Thời gian hẹn trả kết quả", "Result due"), value: appointment),
            .note(
                facts.text(
                    "Tra cứu tình trạng hồ sơ bằng mã hồ sơ và mã bí mật đã được cấp khi nộp, hoặc quét mã QR.",
                    "Follow the dossier with its code and the secret given at submission, or scan the QR code.")),
        ]
        return OfficialDocument(
            superior: facts.superior, issuer: facts.issuer,
            number: "\(facts.text("Số", "No."))\u{a0}\(facts.dossierCode)",
            motto: facts.motto, placeAndDate: facts.placeAndDate, title: title, blocks: blocks,
            signatures: [
                SignatureSlot(
                    name: "reception", title: facts.text("NGƯỜI TIẾP NHẬN", "RECEIVED BY"), signerName: receivedBy)
            ],
            qrPayload: facts.qrPayload(
                document: title, extra: ["\(facts.text("Hẹn trả", "Due")): \(appointment)"]),
            qrCaption: facts.text("Quét để tra cứu", "Scan to check"), footer: facts.footer,
            metadata: facts.metadata(title: title, created: created))
    }

    /// The result of a procedure (a licence, certificate or decision) or its reasoned refusal:
    /// signed first by the approving leader (`leader` slot), then numbered and sealed by the
    /// clerk (`seal` slot, where the number goes).
    public static func result(
        _ facts: DocumentFacts, resultName: String, granted: Bool, legalBasis: String, answers: [(String, String)],
        summary: String, validity: String?, leaderTitle: String, leaderName: String, created: Date
    ) -> OfficialDocument {
        let title =
            granted ? resultName.uppercased() : facts.text("VĂN BẢN TỪ CHỐI GIẢI QUYẾT HỒ SƠ", "REASONED REFUSAL")
        var blocks: [DocumentBlock] = []
        if !legalBasis.isEmpty { blocks.append(.note(facts.text("Căn cứ: ", "Legal basis: ") + legalBasis)) }
        blocks.append(
            .paragraph(
                granted
                    ? facts.text(
                        "Xét hồ sơ \(facts.dossierCode) đề nghị giải quyết thủ tục \(facts.procedureName), \(facts.issuerInText) cấp cho:",
                        "Having examined dossier \(facts.dossierCode) for \(facts.procedureName), \(facts.issuerInText) grants to:"
                    )
                    : facts.text(
                        "Xét hồ sơ \(facts.dossierCode) đề nghị giải quyết thủ tục \(facts.procedureName), \(facts.issuerInText) không giải quyết hồ sơ của:",
                        "Having examined dossier \(facts.dossierCode) for \(facts.procedureName), \(facts.issuerInText) does not grant the application of:"
                    )))
        blocks.append(.field(label: facts.text("Ông/Bà", "Name"), value: facts.applicantName))
        blocks.append(.field(label: facts.text("Số định danh", "Identifier"), value: facts.applicantIdentifier))
        if granted && !answers.isEmpty {
            blocks.append(.heading(facts.text("Nội dung:", "Particulars:")))
            for (label, value) in answers { blocks.append(.field(label: label, value: value)) }
        }
        if !summary.isEmpty {
            blocks.append(.heading(granted ? facts.text("Ghi chú:", "Notes:") : facts.text("Lý do:", "Reasons:")))
            blocks.append(.paragraph(summary))
        }
        if let validity { blocks.append(.field(label: facts.text("Hiệu lực", "Valid"), value: validity)) }
        var extra = [
            "\(facts.text("Kết quả", "Result")): \(granted ? facts.text("cấp", "granted") : facts.text("từ chối", "refused"))"
        ]
        if let validity { extra.append("\(facts.text("Hiệu lực", "Valid")): \(validity)") }
        extra.append("\(facts.text("Phạm vi", "Scope")): \(facts.procedureName)")
        return OfficialDocument(
            superior: facts.superior, issuer: facts.issuer,
            number: facts.text("Số: (cấp khi ban hành)", "No.: (given on issue)"),
            numberSlot: SignatureSlot(name: "seal", title: "", signerName: facts.issuer),
            motto: facts.motto, placeAndDate: facts.placeAndDate, title: title, blocks: blocks,
            signatures: [SignatureSlot(name: "leader", title: leaderTitle, signerName: leaderName)],
            qrPayload: facts.qrPayload(document: title, extra: extra),
            qrCaption: facts.text("Quét để kiểm tra", "Scan to verify"), footer: facts.footer,
            metadata: facts.metadata(title: title, created: created))
    }

    /// Forms 02–07: a titled form with fields, a body and a table, signed in the `officer` slot.
    public static func form(
        _ facts: DocumentFacts, number: String, title: String, blocks: [DocumentBlock], signerTitle: String,
        signerName: String, created: Date
    ) -> OfficialDocument {
        OfficialDocument(
            superior: facts.superior, issuer: facts.issuer,
            number: "\(facts.text("Mẫu", "Form")) \(number) · \(facts.dossierCode)", motto: facts.motto,
            placeAndDate: facts.placeAndDate, title: title, blocks: blocks,
            signatures: [SignatureSlot(name: "officer", title: signerTitle, signerName: signerName)],
            qrPayload: facts.qrPayload(document: title, extra: []),
            qrCaption: facts.text("Quét để tra cứu", "Scan to check"), footer: facts.footer,
            metadata: facts.metadata(title: title, created: created))
    }
}

extension String {
    /// `SỞ XÂY DỰNG` → `Sở xây dựng`: an agency's name inside a sentence.
    var capitalizedFirst: String {
        let lower = lowercased()
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }
}
