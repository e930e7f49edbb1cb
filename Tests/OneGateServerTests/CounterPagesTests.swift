import Foundation
import OneGateCore
import OneGateDemo
import OneGateTestSupport
import Testing

/// The one-stop counter pages on a live connection: the desk, paper reception with its receipt,
/// the assisted mode, and who may use them.
struct CounterPagesTests {
    static let pdf = WebUpload(
        field: "doc_original", filename: "ban-chinh.pdf", contentType: "application/pdf",
        bytes: SamplePDF.bytes(title: "Ban chinh"))

    static func counterFields(identifier: String = "022090001234") -> [(String, String)] {
        [
            ("_key", "KEY0000000000000000000001"), ("receivingUnit", Fixtures.communeA),
            ("competentUnit", Fixtures.communeA), ("channel", "counter"), ("kind", "person"),
            ("identifier", identifier), ("fullName", "Nguyễn Văn An"), ("phone", "0912345678"),
            ("address", "phường Hạ Long"), ("f_pages", "3"),
        ]
    }

    @Test func deskShowsTheQueueTheFinderAndIsForReceptionOnly() async throws {
        try await withWeb { test, api, browser in
            let citizen = try await api.login("an")
            let upload = try await api.request(
                .post, "/api/v1/documents", token: citizen, bytes: SamplePDF.bytes(title: "Giay chung sinh"),
                headers: [.contentType: "application/pdf"])
            let sha = try #require(upload.json["sha256"]?.stringValue)
            let submitted = try await api.request(
                .post, "/api/v1/dossiers", token: citizen,
                json: """
                    {"procedureCode":"1.001193","receivingUnit":"\(Fixtures.communeA)",
                     "data":{"child_name":"Nguyễn Thị Hoa","date_of_birth":"2026-02-28"},
                     "components":[{"requirement":"birth_notice","document":"\(sha)"}]}
                    """)
            let reference = try #require(submitted.json["reference"]?.stringValue)

            let anonymous = browser()
            let away = try await anonymous.get("/counter")
            #expect(away.status == 303 && away.location?.hasPrefix("/sign-in?next=") == true)

            let reception = browser()
            try await reception.signIn("reception.a")
            let desk = try await reception.get("/counter")
            #expect(desk.status == 200)
            #expect(desk.contains("Hồ sơ trực tuyến chờ tiếp nhận"))
            #expect(desk.contains(reference))
            #expect(desk.contains("Nguyễn Văn An"))
            #expect(desk.contains("Còn 8 giờ"))
            #expect(desk.contains("data-label="))
            let found = try await reception.get("/counter?q=khai%20sinh")
            #expect(found.contains("/counter/receive?procedure=1.001193"))
            #expect(found.contains("/counter/assist?procedure=1.001193"))
            let english = try await reception.get("/counter?lang=en")
            #expect(english.contains("Online submissions waiting for reception"))

            // Another unit's reception does not see this commune's queue.
            let other = browser()
            try await other.signIn("reception.b")
            #expect(!(try await other.get("/counter")).contains(reference))

            let person = browser()
            try await person.signIn("an")
            #expect(try await person.get("/counter").status == 403)
            let specialist = browser()
            try await specialist.signIn("specialist.a")
            #expect(try await specialist.get("/counter").status == 403)
            #expect(try await specialist.get("/counter/receive?procedure=DEMO.0003").status == 403)
        }
    }

    @Test func paperReceptionPrintsTheReceiptOnceAndReplaysADoubleSubmit() async throws {
        try await withWeb { test, api, browser in
            let reception = browser()
            try await reception.signIn("reception.a")
            let form = try await reception.get("/counter/receive?procedure=DEMO.0003")
            #expect(form.status == 200)
            #expect(form.contains("enctype=\"multipart/form-data\""))
            #expect(form.contains("name=\"doc_original\""))
            #expect(form.inputValue("_key")?.count == 24)

            let first = try await reception.postMultipart(
                "/counter/receive?procedure=DEMO.0003", Self.counterFields(), files: [Self.pdf])
            #expect(first.status == 200, "\(first.body)")
            #expect(first.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"))
            #expect(first.contains("Mẫu số 01"))
            #expect(first.contains("data-print hidden"))
            let code = try #require(first.first(#"<dd><code>([0-9A-Z.\-]+)</code></dd>"#))
            #expect(code.hasPrefix("\(Fixtures.communeA)-260302-"))
            let secret = try #require(first.first(#"<p class="secret"><code>([A-Z0-9]+)</code></p>"#))
            #expect(first.contains("Cán bộ reception.a"))
            #expect(first.contains("Đã số hóa"))

            // The same form sent again (a double click, a reload) replays the receipt.
            let again = try await reception.postMultipart(
                "/counter/receive?procedure=DEMO.0003", Self.counterFields(), files: [Self.pdf])
            #expect(again.status == 200)
            #expect(again.contains(code) && again.contains(secret))
            #expect(again.contains("đã được tiếp nhận ở lần gửi trước"))
            let list = try await api.request(.get, "/api/v1/dossiers", token: try await api.login("reception.a"))
            #expect(list.json["total"] == 1)

            let status = try await api.request(
                .post, "/api/v1/public/status", json: #"{"code":"\#(code)","secret":"\#(secret)"}"#)
            #expect(status.status == 200 && status.json["state"] == "received")
            let dossier = try #require(try await test.store.dossier(code: code, tenant: Fixtures.tenant))
            #expect(dossier.components.first?.digitised == true && dossier.components.first?.document != nil)
            #expect(dossier.channel == .counter && !dossier.assisted)

            // Everything wrong is reported at once, next to each field; the scan is asked for.
            let wrong = try await reception.postMultipart(
                "/counter/receive?procedure=DEMO.0003",
                [("identifier", "123"), ("receivingUnit", Fixtures.communeA), ("f_pages", "nhiều")], files: [])
            #expect(wrong.status == 422)
            #expect(wrong.contains("error-summary"))
            #expect(wrong.contains("Số định danh cá nhân phải gồm 12 chữ số."))
            #expect(wrong.contains("Nhập họ và tên người nộp"))
            #expect(wrong.contains("Tải lên bản quét của thành phần này."))
            #expect(wrong.contains("Giá trị phải là số."))
            #expect(wrong.contains("aria-invalid=\"true\""))

            // A file that is not what it claims is refused by content.
            let fake = try await reception.postMultipart(
                "/counter/receive?procedure=DEMO.0003", Self.counterFields(identifier: "022090005678"),
                files: [
                    WebUpload(
                        field: "doc_original", filename: "x.pdf", contentType: "application/pdf",
                        bytes: Array("<html>".utf8))
                ])
            #expect(fake.status == 422 && fake.contains("Chỉ chấp nhận tệp PDF, JPEG hoặc PNG."))

            // No CSRF token: refused before anything is read.
            let forged = try await reception.postMultipart(
                "/counter/receive?procedure=DEMO.0003", Self.counterFields(), files: [Self.pdf], csrf: false)
            #expect(forged.status == 403 && forged.contains("csrf_failed"))

            // Reception of another unit cannot receive for this one.
            let other = browser()
            try await other.signIn("reception.b")
            _ = try await other.get("/counter/receive?procedure=DEMO.0003")
            var fields = Self.counterFields()
            fields[0] = ("_key", "KEY0000000000000000000002")
            let foreign = try await other.postMultipart(
                "/counter/receive?procedure=DEMO.0003", fields, files: [Self.pdf])
            #expect(foreign.status == 422 && foreign.contains("Chọn đơn vị tiếp nhận."))
            #expect(try await reception.get("/counter/receive?procedure=NOPE").status == 404)
        }
    }

    @Test func assistedModeShowsEverythingBackAndNeedsTheConfirmation() async throws {
        try await withWeb { test, api, browser in
            let reception = browser()
            try await reception.signIn("reception.a")
            let form = try await reception.get("/counter/assist?procedure=1.001193")
            #expect(form.status == 200 && form.contains("name=\"step\" value=\"review\""))
            let key = try #require(form.inputValue("_key"))
            let fields: [(String, String)] = [
                ("_key", key), ("receivingUnit", Fixtures.communeA), ("competentUnit", Fixtures.communeA),
                ("kind", "person"), ("identifier", "022090005678"), ("fullName", "Trần Thị Bình"),
                ("f_child_name", "Trần Văn Nam"), ("f_date_of_birth", "2026-02-27"), ("f_copies", "2"),
            ]
            let review = try await reception.postMultipart(
                "/counter/assist?procedure=1.001193", fields + [("step", "review")],
                files: [
                    WebUpload(
                        field: "doc_birth_notice", filename: "chung-sinh.pdf", contentType: "application/pdf",
                        bytes: SamplePDF.bytes(title: "Giay chung sinh"))
                ])
            #expect(review.status == 200, "\(review.body)")
            #expect(review.contains("Người nộp đã kiểm tra và xác nhận thông tin"))
            #expect(review.contains("Trần Văn Nam") && review.contains("27/02/2026"))
            let sha = try #require(review.inputValue("doc_birth_notice_sha"))
            let carried = fields + [("doc_birth_notice_sha", sha), ("doc_birth_notice_name", "chung-sinh.pdf")]

            let unconfirmed = try await reception.post(
                "/counter/assist?procedure=1.001193", carried + [("step", "confirm")])
            #expect(unconfirmed.status == 422)
            #expect(unconfirmed.contains("Người nộp cần kiểm tra và xác nhận thông tin trước khi nộp."))

            let edit = try await reception.post("/counter/assist?procedure=1.001193", carried + [("step", "edit")])
            #expect(edit.status == 200 && edit.contains("value=\"Trần Văn Nam\"") && edit.contains(sha))

            let receipt = try await reception.post(
                "/counter/assist?procedure=1.001193", carried + [("step", "confirm"), ("confirmed", "yes")])
            #expect(receipt.status == 200, "\(receipt.body)")
            #expect(receipt.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"))
            #expect(receipt.contains("người nộp đã xác nhận"))
            let code = try #require(receipt.first(#"<dd><code>([0-9A-Z.\-]+)</code></dd>"#))
            let dossier = try #require(try await test.store.dossier(code: code, tenant: Fixtures.tenant))
            #expect(dossier.assisted && dossier.channel == .counter && dossier.state == .received)
            #expect(dossier.data["copies"] == .int(2))
        }
    }
}
