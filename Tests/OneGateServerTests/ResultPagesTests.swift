import Foundation
import HTTPTypes
import OneGateCore
import OneGateDemo
import OneGateSigning
import OneGateTestSupport
import Testing

/// The verification page (by code and number, by upload, the QR code's short link), the signed
/// files behind the pages (results, receipts, forms, the ledger) and the revocation by a leader.
struct ResultPagesTests {
    /// A birth registration by "an", walked through the service to an issued result `12/KS`:
    /// signed by leader.a at approval, sealed by clerk.a at issue.
    /// With `service`, the leader approves through that service instead (one without documents:
    /// the result is then issued by number only, as before results became signed PDFs).
    static func issued(
        _ api: APIClient, approvingWith service: DossierService? = nil
    ) async throws
        -> (id: String, code: String)
    {
        let citizen = try await api.login("an")
        let upload = try await api.request(
            .post, "/api/v1/documents", token: citizen, bytes: SamplePDF.bytes(title: "x"),
            headers: [.contentType: "application/pdf"])
        let sha = try #require(upload.json["sha256"]?.stringValue)
        let submitted = try await api.request(
            .post, "/api/v1/dossiers", token: citizen,
            json: """
                {"procedureCode":"1.001193","data":{"child_name":"Nguyễn Thị Hoa","date_of_birth":"2026-02-28"},
                 "components":[{"requirement":"birth_notice","document":"\(sha)"}]}
                """)
        let id = try #require(submitted.json["id"]?.stringValue)
        let reception = try await api.login("reception.a")
        let code = try #require(try await api.act(id, "accept", token: reception).json["code"]?.stringValue)
        #expect(
            try await api.act(id, "assign", token: reception, json: #"{"officerId":"officer-specialist.a"}"#).status
                == 200)
        let specialist = try await api.login("specialist.a")
        #expect(try await api.act(id, "appraise", token: specialist, json: #"{"note":"Hợp lệ"}"#).status == 200)
        #expect(
            try await api.act(id, "submit_for_approval", token: specialist, json: #"{"summary":"Đề nghị cấp"}"#)
                .status == 200)
        if let service {
            _ = try await service.perform(
                .approve(comment: ""), on: id, by: .officer(Fixtures.officers.first { $0.username == "leader.a" }!),
                idempotency: nil)
        } else {
            #expect(try await api.act(id, "approve", token: try await api.login("leader.a")).status == 200)
        }
        let issued = try await api.act(
            id, "issue", token: try await api.login("clerk.a"), json: #"{"resultNumber":"12/KS"}"#)
        #expect(issued.json["state"] == "processed", "\(issued.json)")
        return (id, code)
    }

    static func occurrences(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func verificationByNumberByUploadAndByTheShortLink() async throws {
        try await withWeb { test, api, browser in
            let (id, code) = try await Self.issued(api)
            let row = try #require(try await test.store.result(dossierID: id, tenant: Fixtures.tenant))
            let web = browser()

            let verified = try await web.get("/verify?code=\(code)&result=12/KS")
            #expect(verified.status == 200)
            #expect(verified.contains("Văn bản xác thực") && verified.contains("Kết quả hợp lệ, đang có hiệu lực."))
            #expect(Self.occurrences("tag tag-online", in: verified.body) == 2)
            #expect(!verified.contains("tag tag-overdue"))
            #expect(verified.contains("Chữ ký số cá nhân") && verified.contains("Dấu của cơ quan"))
            #expect(verified.contains("Cán bộ leader.a"))
            #expect(verified.contains("Giấy khai sinh") && verified.contains("Đăng ký khai sinh"))
            #expect(verified.contains("Kết quả có trong cây nhật ký đã ký số, kích thước"))
            // Public facts only: neither the applicant's name nor their identifier.
            #expect(!verified.contains("Nguyễn Văn An") && !verified.contains("022090001234"))
            #expect(!verified.contains("Nguyễn Thị Hoa"))
            let english = try await web.get("/verify?code=\(code)&result=12/KS&lang=en")
            #expect(english.contains("Authentic:") && english.contains("Personal signature"))
            #expect(english.contains("Unit seal") && english.contains("Valid: the result is in force."))
            #expect(try await web.get("/verify?code=\(code)&result=13/KS").status == 404)

            // The real file, then the same file with one byte changed.
            let pdf = try #require(try await test.store.document(sha256: row.document, tenant: Fixtures.tenant)).bytes
            _ = try await web.get("/verify")
            let upload = try await web.postMultipart(
                "/verify", [],
                files: [WebUpload(field: "pdf", filename: "ket-qua.pdf", contentType: "application/pdf", bytes: pdf)])
            #expect(upload.status == 200)
            #expect(upload.contains("Văn bản xác thực") && upload.contains("ket-qua.pdf"))
            #expect(Self.occurrences("tag tag-online", in: upload.body) == 2)
            var modified = pdf
            let stream = try #require(Self.index(of: Array("stream\n".utf8), in: pdf))
            modified[stream + 20] ^= 0x01
            let changed = try await web.postMultipart(
                "/verify", [],
                files: [WebUpload(field: "pdf", filename: "sua.pdf", contentType: "application/pdf", bytes: modified)])
            #expect(changed.status == 200)
            #expect(changed.contains("Văn bản không xác thực"))
            #expect(changed.contains("Tệp đã bị sửa đổi sau khi ký: nội dung không còn khớp với chữ ký số."))
            #expect(changed.contains("Nội dung đã bị thay đổi sau khi ký"))

            // Refused uploads say why in the page; a form without its token is refused outright.
            let notPDF = try await web.postMultipart(
                "/verify", [],
                files: [
                    WebUpload(field: "pdf", filename: "a.txt", contentType: "text/plain", bytes: Array("hello".utf8))
                ])
            #expect(notPDF.status == 422 && notPDF.contains("Tệp đã chọn không phải tệp PDF."))
            #expect(notPDF.contains(#"aria-invalid="true""#) && notPDF.contains("error-summary"))
            let nothing = try await web.postMultipart("/verify", [], files: [])
            #expect(nothing.status == 422 && nothing.contains("Chọn một tệp PDF để kiểm tra."))
            let forged = try await browser().postMultipart(
                "/verify", [("_csrf", "x")],
                files: [WebUpload(field: "pdf", filename: "k.pdf", contentType: "application/pdf", bytes: pdf)])
            #expect(forged.status == 403 && forged.contains("csrf_failed"))
            let tokenless = try await web.postMultipart(
                "/verify", [],
                files: [WebUpload(field: "pdf", filename: "k.pdf", contentType: "application/pdf", bytes: pdf)],
                csrf: false)
            #expect(tokenless.status == 403)

            // The QR code's short link: to the verification once issued, else to the status page.
            let short = try await web.get("/v/\(code)")
            #expect(short.status == 303 && short.location == "/verify?code=\(code)&result=12/KS")
            #expect(try await web.get(try #require(short.location)).status == 200)
            let unknown = try await web.get("/v/NO-SUCH-CODE")
            #expect(unknown.status == 303 && unknown.location == "/status?code=NO-SUCH-CODE")
            let status = try await web.get("/status?code=NO-SUCH-CODE")
            #expect(status.inputValue("code") == "NO-SUCH-CODE")
        }
    }

    @Test func theApplicantDownloadsTheirOwnFilesOnly() async throws {
        try await withWeb { test, api, browser in
            let (id, _) = try await Self.issued(api)
            let row = try #require(try await test.store.result(dossierID: id, tenant: Fixtures.tenant))
            let an = browser()
            try await an.signIn("an")

            let page = try await an.get("/my/dossiers/\(id)")
            #expect(page.contains("/my/dossiers/\(id)/result.pdf") && page.contains("/my/dossiers/\(id)/receipt.pdf"))
            let result = try await an.get("/my/dossiers/\(id)/result")
            #expect(
                result.contains("/my/dossiers/\(id)/result.pdf") && result.contains("/my/dossiers/\(id)/result.p7s"))
            #expect(result.contains("/my/dossiers/\(id)/result/signed-record.zip"))
            #expect(!result.contains("Bản số hóa từ kết quả giấy"))

            let pdf = try await an.get("/my/dossiers/\(id)/result.pdf")
            #expect(pdf.status == 200 && pdf.headers[.contentType] == "application/pdf")
            #expect(pdf.bytes.starts(with: Array("%PDF".utf8)))
            #expect(Hex.sha256(pdf.bytes) == row.document)
            #expect(pdf.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            #expect(pdf.headers[.cacheControl] == "private, no-store")
            let signature = try await an.get("/my/dossiers/\(id)/result.p7s")
            #expect(signature.status == 200 && signature.headers[.contentType] == "application/pkcs7-signature")
            #expect(Hex.sha256(signature.bytes) == row.detachedSignature)
            #expect(signature.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            let receipt = try await an.get("/my/dossiers/\(id)/receipt.pdf")
            #expect(receipt.status == 200 && receipt.bytes.starts(with: Array("%PDF-".utf8)))
            #expect(receipt.headers[.cacheControl] == "private, no-store")

            // The receipt is sealed by the platform, valid, but it is not a result.
            _ = try await an.get("/verify")
            let checked = try await an.postMultipart(
                "/verify", [],
                files: [
                    WebUpload(
                        field: "pdf", filename: "receipt.pdf", contentType: "application/pdf", bytes: receipt.bytes)
                ])
            #expect(checked.contains("Dấu của hệ thống") && checked.contains("tag tag-online"))
            #expect(checked.contains("Tệp này không trùng với bất kỳ kết quả nào đã được ban hành trên hệ thống này."))

            let binh = browser()
            try await binh.signIn("binh")
            for path in ["result.pdf", "result.p7s", "receipt.pdf"] {
                #expect(try await binh.get("/my/dossiers/\(id)/\(path)").status == 404, "\(path)")
            }
            #expect(try await browser().get("/my/dossiers/\(id)/result.pdf").status == 303)
        }
    }

    @Test func officersGetSignedFormsTheResultAndTheLedger() async throws {
        try await withWeb { _, api, browser in
            let (id, code) = try await Self.issued(api)
            let reception = browser()
            try await reception.signIn("reception.a")
            let workspace = try await reception.get("/work/dossiers/\(id)")
            #expect(workspace.contains("/work/dossiers/\(id)/forms/01.pdf") && workspace.contains("PDF có ký số"))
            #expect(workspace.contains("/work/dossiers/\(id)/result.pdf") && workspace.contains("Kết quả đã ban hành"))
            // Only a leader of the competent unit is offered the revocation.
            #expect(!workspace.contains("/result/revoke"))

            for number in ["01", "06"] {
                let form = try await reception.get("/work/dossiers/\(id)/forms/\(number).pdf")
                #expect(form.status == 200 && form.headers[.contentType] == "application/pdf", "\(number)")
                #expect(form.bytes.starts(with: Array("%PDF-".utf8)), "\(number)")
            }
            #expect(try await reception.get("/work/dossiers/\(id)/forms/02.pdf").status == 404)
            #expect(try await reception.get("/work/dossiers/\(id)/forms/01").status == 200)
            let result = try await reception.get("/work/dossiers/\(id)/result.pdf")
            #expect(result.status == 200 && result.bytes.starts(with: Array("%PDF-".utf8)))

            let stranger = browser()
            try await stranger.signIn("reception.b")
            #expect(try await stranger.get("/work/dossiers/\(id)/forms/01.pdf").status == 404)
            #expect(try await stranger.get("/work/dossiers/\(id)/result.pdf").status == 404)
            let citizen = browser()
            try await citizen.signIn("an")
            #expect(try await citizen.get("/work/dossiers/\(id)/forms/01.pdf").status == 403)
            #expect(try await citizen.get("/work/ledger.pdf").status == 403)

            let leader = browser()
            try await leader.signIn("leader.a")
            let ledgerPage = try await leader.get("/work/ledger?unit=\(Fixtures.communeA)&period=2026-03")
            #expect(ledgerPage.contains("/work/ledger.pdf?unit=\(Fixtures.communeA)&amp;period=2026-03"))
            let ledger = try await leader.get("/work/ledger.pdf?unit=\(Fixtures.communeA)&period=2026-03")
            #expect(
                ledger.status == 200 && ledger.bytes.starts(with: Array("%PDF-".utf8)), "\(ledger.body.prefix(300))")
            #expect(code.isEmpty == false)
        }
    }

    @Test func supplementationAndRefusalFormsAsSignedPDFs() async throws {
        try await withWeb { _, api, browser in
            let citizen = try await api.login("an")
            let reception = try await api.login("reception.a")
            var ids: [String] = []
            for _ in 0..<2 {
                let upload = try await api.request(
                    .post, "/api/v1/documents", token: citizen, bytes: SamplePDF.bytes(title: "y"),
                    headers: [.contentType: "application/pdf"])
                let sha = try #require(upload.json["sha256"]?.stringValue)
                let submitted = try await api.request(
                    .post, "/api/v1/dossiers", token: citizen,
                    json: """
                        {"procedureCode":"1.001193","data":{"child_name":"Nguyễn Thị Hoa","date_of_birth":"2026-02-28"},
                         "components":[{"requirement":"birth_notice","document":"\(sha)"}]}
                        """)
                ids.append(try #require(submitted.json["id"]?.stringValue))
            }
            let asked = try await api.act(
                ids[0], "request_supplement", token: reception,
                json: #"{"reason":"Thiếu","items":[{"requirement":"parent_id","description":"Bổ sung CCCD của cha"}]}"#)
            #expect(asked.status == 200)
            let refused = try await api.act(
                ids[1], "refuse", token: reception, json: #"{"reason":"Không thuộc thẩm quyền","redirect":"UBND xã"}"#)
            #expect(refused.status == 200)

            let officer = browser()
            try await officer.signIn("reception.a")
            for (id, number) in [(ids[0], "02"), (ids[1], "03")] {
                let html = try await officer.get("/work/dossiers/\(id)/forms/\(number)")
                #expect(html.status == 200 && html.contains("/work/dossiers/\(id)/forms/\(number).pdf"))
                for language in ["vi", "en"] {
                    let pdf = try await officer.get("/work/dossiers/\(id)/forms/\(number).pdf?lang=\(language)")
                    #expect(pdf.status == 200 && pdf.bytes.starts(with: Array("%PDF-".utf8)), "\(number) \(language)")
                }
            }
            // Before reception there is no receipt to give.
            let an = browser()
            try await an.signIn("an")
            #expect(try await an.get("/my/dossiers/\(ids[0])/receipt.pdf").status == 404)
            #expect(!(try await an.get("/my/dossiers/\(ids[0])")).contains("/receipt.pdf"))
        }
    }

    @Test func onlyALeaderRevokesAndTheVerificationSaysSo() async throws {
        try await withWeb { _, api, browser in
            let (id, code) = try await Self.issued(api)
            let specialist = browser()
            try await specialist.signIn("specialist.a")
            _ = try await specialist.get("/work/dossiers/\(id)")
            let refused = try await specialist.post("/work/dossiers/\(id)/result/revoke", [("reason", "Sai thông tin")])
            #expect(refused.status == 403 && refused.contains("Bạn không có quyền thực hiện thao tác này."))

            let leader = browser()
            try await leader.signIn("leader.a")
            let workspace = try await leader.get("/work/dossiers/\(id)")
            #expect(workspace.contains("action=\"/work/dossiers/\(id)/result/revoke\""))
            let forged = try await leader.post(
                "/work/dossiers/\(id)/result/revoke", [("reason", "Sai"), ("_csrf", "x")])
            #expect(forged.status == 403 && forged.contains("csrf_failed"))
            let missing = try await leader.post("/work/dossiers/\(id)/result/revoke", [("reason", " ")])
            #expect(missing.status == 422 && missing.contains("Cần nêu lý do thu hồi"))
            #expect(missing.contains(##"href="#revoke-reason""##) && missing.contains(#"aria-invalid="true""#))

            let done = try await leader.post(
                "/work/dossiers/\(id)/result/revoke", [("reason", "Cấp nhầm thông tin người được khai sinh")])
            #expect(done.status == 303 && done.location == "/work/dossiers/\(id)?done=result_revoked")
            let after = try await leader.get(try #require(done.location))
            #expect(
                after.contains("Đã thu hồi kết quả") && after.contains("Kết quả đã bị thu hồi, không còn hiệu lực."))
            #expect(!after.contains("action=\"/work/dossiers/\(id)/result/revoke\""))
            let again = try await leader.post("/work/dossiers/\(id)/result/revoke", [("reason", "Lần nữa")])
            #expect(again.status == 409 && again.contains("Kết quả đã bị thu hồi hoặc thay thế."))

            let verified = try await browser().get("/verify?code=\(code)&result=12/KS")
            #expect(verified.status == 200)
            #expect(verified.contains("Kết quả đã bị thu hồi, không còn hiệu lực."))
            #expect(verified.contains("Cấp nhầm thông tin người được khai sinh") && verified.contains("Ngày thu hồi"))
            #expect(!verified.contains("Kết quả hợp lệ, đang có hiệu lực."))
        }
    }

    @Test func aDigitisedResultIsMarkedEverywhereAndOldResultsVerifyByTheirHistory() async throws {
        try await withWeb { test, api, browser in
            // Approved without a signed PDF (as before results became documents): no result row.
            var plain = test.service
            plain.documents = nil
            let (id, code) = try await Self.issued(api, approvingWith: plain)
            #expect(try await test.store.result(dossierID: id, tenant: Fixtures.tenant) == nil)
            let old = try await browser().get("/verify?code=\(code)&result=12/KS")
            #expect(
                old.status == 200 && old.contains("Kết quả hợp lệ: đã được ban hành")
                    && old.contains("Số bước đã ký số"))
            #expect(try await browser().get("/v/\(code)").location == "/status?code=\(code)")

            // The paper result scanned and signed by the clerk, recorded as `DigitisedResults` does.
            let factory = try #require(test.dependencies.documents)
            let scan = SamplePDF.bytes(title: "Ban giay da quet")
            let signature = try await factory.pades.detachedSignature(
                digest: Self.bytes(hex: Hex.sha256(scan)), as: .officer(id: "officer-clerk.a", name: "Cán bộ clerk.a"),
                at: test.clock.now)
            for (bytes, type) in [(scan, "application/pdf"), (signature, "application/pkcs7-signature")] {
                try await test.store.putDocument(
                    StoredDocument(
                        sha256: Hex.sha256(bytes), contentType: type, bytes: bytes, createdAt: test.clock.now),
                    owner: "officer-clerk.a", tenant: Fixtures.tenant)
            }
            var paper = IssuedResult(
                dossierID: id, tenant: Fixtures.tenant, dossierCode: code, number: "12/KS", document: Hex.sha256(scan),
                leaderDocument: Hex.sha256(scan), unit: Fixtures.communeA, granted: true, issuedAt: test.clock.now,
                validUntil: nil, digitised: true)
            paper.detachedSignature = Hex.sha256(signature)
            let entry = TransparencyEntries.issued(paper, instance: test.dependencies.instanceName)
            _ = try await test.store.saveDigitisedResult(
                paper,
                entry: TransparencyEntry(
                    entry: entry, leafHash: TransparencyEntries.leafHash(entry, digest: test.signer.digest),
                    at: test.clock.now))

            let verified = try await browser().get("/verify?code=\(code)&result=12/KS")
            #expect(verified.status == 200)
            #expect(verified.contains("Bản số hóa từ kết quả giấy") && verified.contains("Văn bản xác thực"))
            #expect(verified.contains("Cán bộ clerk.a") && verified.contains("Chữ ký số cá nhân"))
            let an = browser()
            try await an.signIn("an")
            #expect(try await an.get("/my/dossiers/\(id)/result").contains("Bản số hóa từ kết quả giấy"))
            #expect(try await an.get("/my/dossiers/\(id)").contains("Bản số hóa từ kết quả giấy"))
            let downloaded = try await an.get("/my/dossiers/\(id)/result.pdf")
            #expect(downloaded.bytes == scan)
            let leader = browser()
            try await leader.signIn("leader.a")
            #expect(try await leader.get("/work/dossiers/\(id)").contains("Bản số hóa từ kết quả giấy"))
        }
    }

    static func index(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<start + needle.count]) == needle {
            return start
        }
        return nil
    }

    static func bytes(hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            out.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return out
    }
}
