import ArgumentParser
import Crypto
import Foundation
import OneGateCore
import OneGateDocuments
import OneGateRuntime
import OneGateSigning

/// `onegate documents`: sample signed documents for outside checks, and the generation benchmark.
struct DocumentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents", abstract: "Signed PDF documents: samples for outside checks, benchmark.",
        subcommands: [Samples.self, Bench.self])

    /// Sample facts: a construction permit extension in a demo province.
    static let facts: DocumentFacts = {
        var facts = DocumentFacts(
            language: "vi", system: "OneGate · Quảng Ninh (mẫu)", place: "Quảng Ninh", superior: "UBND TỈNH QUẢNG NINH",
            issuer: "SỞ XÂY DỰNG", dossierCode: "000.00.12.H40-261128-0042", procedureCode: "1.013227",
            procedureName: "Gia hạn giấy phép xây dựng", applicantName: "Nguyễn Thị Hương Giang",
            applicantIdentifier: "001234567890", day: 28, month: 11, year: 2026,
            issuedAt: "2026-11-28 09:15 (UTC+07:00)",
            verificationURL: "http://127.0.0.1:8080/v/000.00.12.H40-261128-0042")
        facts.issuerName = "Sở Xây dựng"
        return facts
    }()

    static func receipt(_ now: Date) -> OfficialDocument {
        var document = ProcedureDocuments.receipt(
            facts,
            components: [
                "Đơn đề nghị gia hạn giấy phép xây dựng (Mẫu số 02)", "Bản chính giấy phép xây dựng đã được cấp",
            ], appointment: "2026-12-05 16:30 (UTC+07:00)", fee: "100.000 đồng", channel: "Trực tuyến",
            receivedBy: "Trần Văn Lực", created: now)
        document.reservedText = "Trần Văn Lực"
        return document
    }

    static func instance() async throws -> (Instance, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onegate-documents-\(UUID().uuidString)")
        let configuration = InstanceConfiguration(
            instanceName: "Quảng Ninh (mẫu)", tenant: "000.00.00.H40", secret: InstanceConfiguration.newSecret())
        return (try await Instance.open(folder: folder, configuration: configuration), folder)
    }

    struct Samples: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a signed receipt and a twice-signed result with their CMS signatures and the CA.")
        @Option(help: "Folder to write into.") var out: String

        func run() async throws {
            let target = URL(fileURLWithPath: out, isDirectory: true)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            let (instance, folder) = try await DocumentsCommand.instance()
            defer { try? FileManager.default.removeItem(at: folder) }
            let pades = PAdESSigner(signer: instance.signer)
            let now = Date()
            func write(_ name: String, _ bytes: [UInt8]) throws {
                try Data(bytes).write(to: target.appendingPathComponent(name))
            }
            let receipt = try DocumentRenderer().render(DocumentsCommand.receipt(now))
            let signedReceipt = try await pades.sign(
                receipt.bytes, slot: "reception", as: .officer(id: "o-reception", name: "Trần Văn Lực"),
                appearance: SignatureAppearance(
                    lines: ["Ký số bởi: Trần Văn Lực", "Thời gian: 28/11/2026 09:15"], style: .personal),
                details: SignatureDetails(
                    signerName: "Trần Văn Lực", reason: "Tiếp nhận hồ sơ", location: "Quảng Ninh", time: now))
            try write("receipt.pdf", signedReceipt.pdf)
            try write("receipt.qr.txt", Array(DocumentsCommand.receipt(now).qrPayload.utf8))

            var result = ProcedureDocuments.result(
                DocumentsCommand.facts, resultName: "Giấy phép xây dựng (gia hạn)", granted: true,
                legalBasis: "Luật Xây dựng số 50/2014/QH13; Nghị định số 175/2024/NĐ-CP",
                answers: [("Công trình", "Nhà ở riêng lẻ, 3 tầng"), ("Địa điểm", "Phường Hồng Gai, Quảng Ninh")],
                summary: "Gia hạn 12 tháng kể từ ngày ký.", validity: "đến ngày 28/11/2027", leaderTitle: "GIÁM ĐỐC",
                leaderName: "Phạm Đức Thắng", created: now)
            result.reservedText = "Phạm Đức Thắng"
            let rendered = try DocumentRenderer().render(result)
            let leader = try await pades.sign(
                rendered.bytes, slot: "leader", as: .officer(id: "o-leader", name: "Phạm Đức Thắng"),
                appearance: SignatureAppearance(
                    lines: ["Ký số bởi: Phạm Đức Thắng", "Thời gian: 28/11/2026 10:00"], style: .personal),
                details: SignatureDetails(
                    signerName: "Phạm Đức Thắng", reason: "Phê duyệt", location: "Quảng Ninh", time: now))
            let seal = SignerIdentity.unitSeal(code: "000.00.12.H40", name: "Sở Xây dựng")
            let sealed = try await pades.sign(
                leader.pdf, slot: "seal", as: seal,
                appearance: SignatureAppearance(
                    lines: ["SỞ XÂY DỰNG", "Số: 125/GP-SXD", "Ban hành ngày 28/11/2026"], style: .seal),
                details: SignatureDetails(
                    signerName: "Sở Xây dựng", reason: "Ban hành", location: "Quảng Ninh", time: now))
            try write("result.pdf", sealed.pdf)
            try write("result.qr.txt", Array(result.qrPayload.utf8))
            try write(
                "result.p7s",
                try await pades.detachedSignature(digest: Array(SHA256.hash(data: sealed.pdf)), as: seal, at: now))
            for (index, found) in PDFSignatureScanner.signatures(in: sealed.pdf).enumerated() {
                try write("result.signature-\(index + 1).p7s", found.cms)
                try write("result.signature-\(index + 1).content", found.signedContent)
            }
            try write("ca.pem", Array(instance.signer.caCertificatePEM.utf8))
            print(
                "Wrote receipt.pdf, result.pdf, result.p7s, result.signature-N.{p7s,content}, ca.pem to \(target.path)")
        }
    }

    struct Bench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time rendering and signing one-page receipts (use a release build).")
        @Option(help: "Receipts to make.") var count = 500

        func run() async throws {
            let (instance, folder) = try await DocumentsCommand.instance()
            defer { try? FileManager.default.removeItem(at: folder) }
            let pades = PAdESSigner(signer: instance.signer)
            let identity = SignerIdentity.officer(id: "o-reception", name: "Trần Văn Lực")
            var timings: [Double] = []
            var size = 0
            for index in 0...count {
                let started = DispatchTime.now().uptimeNanoseconds
                let now = Date()
                let rendered = try DocumentRenderer().render(DocumentsCommand.receipt(now))
                let signed = try await pades.sign(
                    rendered.bytes, slot: "reception", as: identity,
                    appearance: SignatureAppearance(
                        lines: ["Ký số bởi: Trần Văn Lực", "Thời gian: \(index)"], style: .personal),
                    details: SignatureDetails(
                        signerName: "Trần Văn Lực", reason: "Tiếp nhận hồ sơ", location: "Quảng Ninh", time: now))
                // The first one pays for loading the fonts and the key: reported apart.
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
                if index == 0 {
                    print(String(format: "first receipt (fonts and key loaded): %.1f ms", elapsed))
                } else {
                    timings.append(elapsed)
                }
                size = signed.pdf.count
            }
            report("receipts (render, sign once)", timings, size: size)

            // A result: rendered and signed by the leader, then sealed (the incremental update).
            var results: [Double] = []
            let seal = SignerIdentity.unitSeal(code: "000.00.12.H40", name: "Sở Xây dựng")
            let leader = SignerIdentity.officer(id: "o-leader", name: "Phạm Đức Thắng")
            for _ in 0..<count {
                let started = DispatchTime.now().uptimeNanoseconds
                let now = Date()
                var document = ProcedureDocuments.result(
                    DocumentsCommand.facts, resultName: "Giấy phép xây dựng (gia hạn)", granted: true,
                    legalBasis: "Luật Xây dựng số 50/2014/QH13", answers: [("Công trình", "Nhà ở riêng lẻ, 3 tầng")],
                    summary: "Gia hạn 12 tháng.", validity: nil, leaderTitle: "GIÁM ĐỐC", leaderName: "Phạm Đức Thắng",
                    created: now)
                document.reservedText = "Phạm Đức Thắng"
                let first = try await pades.sign(
                    try DocumentRenderer().render(document).bytes, slot: "leader", as: leader,
                    appearance: SignatureAppearance(lines: ["Ký số bởi: Phạm Đức Thắng"], style: .personal),
                    details: SignatureDetails(
                        signerName: "Phạm Đức Thắng", reason: "Phê duyệt", location: "Quảng Ninh", time: now))
                let sealed = try await pades.sign(
                    first.pdf, slot: "seal", as: seal,
                    appearance: SignatureAppearance(lines: ["SỞ XÂY DỰNG", "Số: 125/GP-SXD"], style: .seal),
                    details: SignatureDetails(
                        signerName: "Sở Xây dựng", reason: "Ban hành", location: "Quảng Ninh", time: now))
                results.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
                size = sealed.pdf.count
            }
            report("results (render, leader's signature, seal)", results, size: size)
        }

        private func report(_ what: String, _ timings: [Double], size: Int) {
            let sorted = timings.sorted()
            func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
            print(
                String(
                    format: "%@: %d, size %d bytes, ms: p50 %.2f, p95 %.2f, p99 %.2f, max %.2f", what, sorted.count,
                    size,
                    percentile(0.5), percentile(0.95), percentile(0.99), sorted.last ?? 0))
        }
    }
}
