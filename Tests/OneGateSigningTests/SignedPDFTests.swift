import Crypto
import Foundation
import OneGateCore
import OneGateDocuments
import OneGateSigning
import Testing

/// Results and forms as signed PDFs, checked by the tools results.md names: poppler's pdfsig,
/// pdftotext and pdffonts, and OpenSSL's `cms -verify`.
@Suite("Signed PDF documents", .serialized)
struct SignedPDFTests {
    static let facts = DocumentFacts(
        language: "vi", system: "OneGate Quảng Ninh", place: "Quảng Ninh", superior: "UBND TỈNH QUẢNG NINH",
        issuer: "SỞ XÂY DỰNG", dossierCode: "000.00.12.H40-261128-0042", procedureCode: "1.013227",
        procedureName: "Gia hạn giấy phép xây dựng", applicantName: "Nguyễn Thị Hương Giang",
        applicantIdentifier: "001234567890", day: 28, month: 11, year: 2026,
        issuedAt: "2026-11-28 09:15 (UTC+07:00)", verificationURL: "https://onegate.example/v/000.00.12.H40-261128-0042"
    )

    static func signer(now: Date) async throws -> InstanceSigner {
        try await InstanceSigner.start(
            store: InMemoryCredentialStore(), masterKey: try Fixture.masterKey(), instanceName: Fixture.instance,
            now: { now })
    }

    /// A result signed by the leader, then sealed with its number, and the receipt signed once.
    static func documents() async throws -> (
        receipt: [UInt8], result: [UInt8], leaderOnly: [UInt8], signer: InstanceSigner
    ) {
        let now = Date()
        let signer = try await signer(now: now)
        let pades = PAdESSigner(signer: signer)
        let receipt = try DocumentRenderer().render(
            ProcedureDocuments.receipt(
                facts,
                components: ["Đơn đề nghị gia hạn giấy phép xây dựng", "Bản chính giấy phép xây dựng đã được cấp"],
                appointment: "2026-12-05 16:30 (UTC+07:00)", fee: "100.000 đồng", channel: "Trực tuyến",
                receivedBy: "Trần Văn Lực", created: now))
        let signedReceipt = try await pades.sign(
            receipt.bytes, slot: "reception", as: .officer(id: "o-1", name: "Trần Văn Lực"),
            appearance: SignatureAppearance(
                lines: ["Ký số bởi: Trần Văn Lực", "Thời gian: 28/11/2026 09:15"], style: .personal),
            details: SignatureDetails(
                signerName: "Trần Văn Lực", reason: "Tiếp nhận hồ sơ", location: "Quảng Ninh", time: now))
        let result = try DocumentRenderer().render(
            ProcedureDocuments.result(
                facts, resultName: "Giấy phép xây dựng (gia hạn)", granted: true,
                legalBasis: "Luật Xây dựng số 50/2014/QH13; Nghị định 175/2024/NĐ-CP",
                answers: [("Công trình", "Nhà ở riêng lẻ, 3 tầng"), ("Địa điểm", "Phường Hồng Gai, Hạ Long")],
                summary: "Gia hạn 12 tháng.", validity: "đến ngày 28/11/2027", leaderTitle: "GIÁM ĐỐC",
                leaderName: "Phạm Đức Thắng", created: now))
        let leader = try await pades.sign(
            result.bytes, slot: "leader", as: .officer(id: "o-2", name: "Phạm Đức Thắng"),
            appearance: SignatureAppearance(
                lines: ["Ký số bởi: Phạm Đức Thắng", "Thời gian: 28/11/2026 10:00"], style: .personal),
            details: SignatureDetails(
                signerName: "Phạm Đức Thắng", reason: "Phê duyệt", location: "Quảng Ninh", time: now))
        let sealed = try await pades.sign(
            leader.pdf, slot: "seal", as: .unitSeal(code: "000.00.12.H40", name: "Sở Xây dựng"),
            appearance: SignatureAppearance(
                lines: ["SỞ XÂY DỰNG", "Số: 125/GP-SXD", "Ngày: 28/11/2026"], style: .seal),
            details: SignatureDetails(signerName: "Sở Xây dựng", reason: "Ban hành", location: "Quảng Ninh", time: now))
        return (signedReceipt.pdf, sealed.pdf, leader.pdf, signer)
    }

    @Test("a one-page receipt is small and its signature verifies here")
    func receiptSize() async throws {
        let (receipt, result, leaderOnly, _) = try await Self.documents()
        #expect(receipt.count < 200_000)
        #expect(result.count < 200_000)
        #expect(Array(result.prefix(leaderOnly.count)) == leaderOnly, "the seal is an incremental update")
        let folder = try Shell.temporaryFolder("onegate-pdf")
        try Data(receipt).write(to: folder.appendingPathComponent("receipt.pdf"))
        try Data(result).write(to: folder.appendingPathComponent("result.pdf"))
        print("PDFs in \(folder.path)")
    }

    @Test("pdfsig lists both signatures as valid and a one-byte change as invalid", .enabled(if: Shell.has("pdfsig")))
    func pdfsig() async throws {
        let (_, result, _, _) = try await Self.documents()
        let folder = try Shell.temporaryFolder("onegate-pdfsig")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(result).write(to: folder.appendingPathComponent("result.pdf"))
        let output = try Shell.run(["pdfsig", "result.pdf"], in: folder)
        #expect(
            output.stdout.components(separatedBy: "Signature Validation: Signature is Valid.").count == 3,
            "\(output.stdout)")
        var tampered = result
        let at = tampered.count / 3
        tampered[at] = tampered[at] == 0x41 ? 0x42 : 0x41
        try Data(tampered).write(to: folder.appendingPathComponent("tampered.pdf"))
        let bad = try Shell.run(["pdfsig", "tampered.pdf"], in: folder)
        #expect(
            !bad.stdout.contains("Signature Validation: Signature is Valid.") || bad.stdout.contains("Invalid"),
            "\(bad.stdout)")
    }
}
