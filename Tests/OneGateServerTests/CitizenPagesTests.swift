import Foundation
import HTTPTypes
import OneGateCore
import OneGateDemo
import OneGateTestSupport
import Testing

/// The applicant's pages through the real router on a live connection: drafts, uploads, review,
/// submission, receipt, supplementation, withdrawal, result and evaluation.
struct CitizenPagesTests {
    static let pdf = SamplePDF.bytes(title: "Giay chung sinh")

    /// Walks the form to a submitted dossier and returns its id and the receipt.
    static func apply(_ web: WebTestSession) async throws -> (id: String, receipt: WebResponse) {
        let form = try await web.get("/apply/1.001193")
        #expect(form.status == 200)
        let saved = try await web.postMultipart(
            "/apply/1.001193",
            [("intent", "save"), ("f_child_name", "Nguyễn Thị Hoa"), ("f_date_of_birth", "")],
            files: [
                WebUpload(
                    field: "doc_birth_notice", filename: "giay-chung-sinh.pdf", contentType: "application/pdf",
                    bytes: pdf)
            ])
        #expect(saved.status == 303)
        let location = try #require(saved.location)
        #expect(location.hasSuffix("?done=saved"))
        let draftPath = String(location.prefix { $0 != "?" })
        let draft = try await web.get(location)
        #expect(draft.contains("Nguyễn Thị Hoa"))
        #expect(draft.contains("giay-chung-sinh.pdf"))
        let incomplete = try await web.postMultipart(
            draftPath, [("intent", "review"), ("f_child_name", "Nguyễn Thị Hoa"), ("f_date_of_birth", "")], files: [])
        #expect(incomplete.status == 422)
        #expect(incomplete.contains("error-summary"))
        #expect(incomplete.contains("Vui lòng nhập ngày sinh."))
        let complete = try await web.postMultipart(
            draftPath, [("intent", "review"), ("f_child_name", "Nguyễn Thị Hoa"), ("f_date_of_birth", "2026-02-28")],
            files: [])
        #expect(complete.status == 303)
        #expect(complete.location == "\(draftPath)/review")
        let review = try await web.get("\(draftPath)/review")
        #expect(review.contains("2026-02-28"))
        let undeclared = try await web.post("\(draftPath)/submit", [])
        #expect(undeclared.status == 422)
        let receipt = try await web.post("\(draftPath)/submit", [("declaration", "true")])
        #expect(receipt.status == 201)
        let id = try #require(receipt.first(#"href="/my/dossiers/([^"]+)""#))
        return (id, receipt)
    }

    @Test func citizenSavesADraftComesBackAndSubmitsOnce() async throws {
        try await withWeb { test, api, browser in
            let web = browser()
            try await web.signIn("an")
            let (id, receipt) = try await Self.apply(web)
            let secret = try #require(receipt.first(#"class="secret">([A-Z0-9]+)<"#))
            #expect(receipt.contains("Nguyễn Văn An"))
            let dossiers = try await test.store.dossiers(
                DossierQuery(tenant: Fixtures.tenant, applicantID: "applicant-an"))
            #expect(dossiers.total == 1)
            #expect(try await test.store.drafts(applicantID: "applicant-an", tenant: Fixtures.tenant).isEmpty)
            let dossier = try #require(dossiers.items.first)
            #expect(dossier.id == id)
            #expect(dossier.data["date_of_birth"] == "2026-02-28")
            #expect(dossier.components.first?.document == test.dependencies.service.signer.digest(Self.pdf))
            // The public status page finds it with the reference and the secret from the receipt.
            let anonymous = browser()
            _ = try await anonymous.get("/status")
            let status = try await anonymous.post("/status", [("code", dossier.reference), ("secret", secret)])
            #expect(status.status == 200)
            #expect(status.contains("Nộp hồ sơ trực tuyến"))
            let list = try await web.get("/my/dossiers")
            #expect(list.contains("/my/dossiers/\(id)"))
            _ = api
        }
    }

    @Test func submittingTheSameDraftTwiceReplaysTheReceipt() async throws {
        try await withWeb { test, _, browser in
            let web = browser()
            try await web.signIn("an")
            _ = try await web.get("/apply/1.001193")
            let saved = try await web.postMultipart(
                "/apply/1.001193",
                [("intent", "review"), ("f_child_name", "Lê Văn Cường"), ("f_date_of_birth", "2026-01-15")],
                files: [
                    WebUpload(
                        field: "doc_birth_notice", filename: "a.pdf", contentType: "application/pdf", bytes: Self.pdf)
                ])
            let review = try #require(saved.location)
            let submit = review.replacingOccurrences(of: "/review", with: "/submit")
            _ = try await web.get(review)
            let first = try await web.post(submit, [("declaration", "true")])
            let second = try await web.post(submit, [("declaration", "true")])
            #expect(first.status == 201 && second.status == 201)
            let secret = #"class="secret">([A-Z0-9]+)<"#
            #expect(first.first(secret) != nil && first.first(secret) == second.first(secret))
            #expect(
                try await test.store.dossiers(DossierQuery(tenant: Fixtures.tenant, applicantID: "applicant-an")).total
                    == 1)
        }
    }

    @Test func uploadsAreCheckedByContentAndErrorsShownNextToTheField() async throws {
        try await withWeb { test, _, browser in
            let web = browser()
            try await web.signIn("an")
            _ = try await web.get("/apply/1.001193")
            let answer = try await web.postMultipart(
                "/apply/1.001193", [("intent", "save"), ("f_child_name", "Hoa")],
                files: [
                    WebUpload(
                        field: "doc_birth_notice", filename: "virus.pdf", contentType: "application/pdf",
                        bytes: Array("MZ not a pdf".utf8))
                ])
            #expect(answer.status == 422)
            #expect(answer.contains("error-message"))
            #expect(try await test.store.documents(ownedBy: "applicant-an", tenant: Fixtures.tenant, limit: 10).isEmpty)
        }
    }

    @Test func pagesNeedTheRightPersonAndAToken() async throws {
        try await withWeb { test, _, browser in
            let anonymous = browser()
            let redirect = try await anonymous.get("/my/dossiers")
            #expect(redirect.status == 303)
            #expect(redirect.location == "/sign-in?next=/my/dossiers")
            let officer = browser()
            try await officer.signIn("reception.a")
            #expect(try await officer.get("/apply/1.001193").status == 403)

            let an = browser()
            try await an.signIn("an")
            _ = try await an.get("/apply/1.001193")
            let saved = try await an.postMultipart("/apply/1.001193", [("intent", "save")], files: [])
            let draft = String(try #require(saved.location).prefix { $0 != "?" })
            // Without the token nothing is written.
            let forged = try await an.post(draft, [("intent", "delete")], csrf: false)
            #expect(forged.status == 403)
            #expect(forged.contains("csrf_failed"))
            #expect(try await test.store.drafts(applicantID: "applicant-an", tenant: Fixtures.tenant).count == 1)
            // Someone else's draft does not exist for them.
            let binh = browser()
            try await binh.signIn("binh")
            #expect(try await binh.get(draft).status == 404)
            #expect(try await binh.post(draft, [("intent", "delete")]).status == 404)
            #expect(try await test.store.drafts(applicantID: "applicant-an", tenant: Fixtures.tenant).count == 1)
            // A procedure not offered online cannot be applied for.
            #expect(try await an.get("/apply/DEMO.0003").status == 422)
            // A draft left alone past the retention period is gone.
            test.clock.set(test.clock.now.addingTimeInterval(Double(Draft.retentionDays + 1) * 24 * 3600))
            let later = browser()
            try await later.signIn("an")
            #expect(try await later.get(draft).status == 404)
            #expect(try await test.store.drafts(applicantID: "applicant-an", tenant: Fixtures.tenant).isEmpty)
        }
    }

    @Test func supplementationWithdrawalResultAndEvaluation() async throws {
        try await withWeb { test, api, browser in
            let web = browser()
            try await web.signIn("an")
            let (id, _) = try await Self.apply(web)
            let reception = try await api.login("reception.a")
            let asked = try await api.act(
                id, "request_supplement", token: reception,
                json: #"{"reason":"Thiếu","items":[{"requirement":"parent_id","description":"Bổ sung CCCD của cha"}]}"#)
            #expect(asked.json["state"] == "supplement_requested")
            let page = try await web.get("/my/dossiers/\(id)")
            #expect(page.contains("Bổ sung CCCD của cha"))
            #expect(page.contains("Thời hạn giải quyết tạm dừng"))
            let empty = try await web.postMultipart("/my/dossiers/\(id)/supplement", [], files: [])
            #expect(empty.status == 422)
            let sent = try await web.postMultipart(
                "/my/dossiers/\(id)/supplement", [],
                files: [
                    WebUpload(
                        field: "doc_parent_id", filename: "cccd.pdf", contentType: "application/pdf",
                        bytes: SamplePDF.bytes(title: "CCCD"))
                ])
            #expect(sent.status == 303)
            #expect(try await test.store.dossier(id: id, tenant: Fixtures.tenant)?.state == .submitted)

            let accepted = try await api.act(id, "accept", token: reception)
            #expect(accepted.status == 200)
            #expect(
                try await api.act(id, "assign", token: reception, json: #"{"officerId":"officer-specialist.a"}"#).status
                    == 200)
            let specialist = try await api.login("specialist.a")
            #expect(try await api.act(id, "appraise", token: specialist, json: #"{"note":"Hợp lệ"}"#).status == 200)
            #expect(
                try await api.act(id, "submit_for_approval", token: specialist, json: #"{"summary":"Đề nghị cấp"}"#)
                    .status == 200)
            #expect(try await api.act(id, "approve", token: try await api.login("leader.a")).status == 200)
            let clerk = try await api.login("clerk.a")
            #expect(try await api.act(id, "issue", token: clerk, json: #"{"resultNumber":"12/KS"}"#).status == 200)

            let ready = try await web.get("/my/dossiers/\(id)")
            #expect(ready.contains("12/KS"))
            let result = try await web.get("/my/dossiers/\(id)/result")
            #expect(result.status == 200 && result.contains("Giấy khai sinh"))
            let verifyLink = try #require(result.first(#"href="(/verify\?[^"]+)""#))
            let verified = try await browser().get(WebResponse.unescaped(verifyLink))
            #expect(verified.status == 200 && verified.contains("Kết quả hợp lệ"))
            let record = try await web.get("/my/dossiers/\(id)/result/signed-record.zip")
            #expect(record.status == 200 && record.headers[.contentType] == "application/zip")
            #expect(try await browser().get("/my/dossiers/\(id)/result").status == 303)

            #expect(try await api.act(id, "deliver", token: clerk, json: #"{"channel":"electronic"}"#).status == 200)
            let unrated = try await web.post("/my/dossiers/\(id)/evaluate", [("comment", "Nhanh")])
            #expect(unrated.status == 422)
            let rated = try await web.post("/my/dossiers/\(id)/evaluate", [("rating", "5"), ("comment", "Nhanh")])
            #expect(rated.status == 303)
            #expect(try await test.store.evaluation(dossierID: id, tenant: Fixtures.tenant)?.rating == 5)
        }
    }

    @Test func withdrawalNeedsAReason() async throws {
        try await withWeb { test, _, browser in
            let web = browser()
            try await web.signIn("an")
            let (id, _) = try await Self.apply(web)
            let missing = try await web.post("/my/dossiers/\(id)/withdraw", [("reason", "")])
            #expect(missing.status == 422)
            #expect(missing.contains("Nhập lý do rút hồ sơ."))
            let done = try await web.post("/my/dossiers/\(id)/withdraw", [("reason", "Nộp nhầm thủ tục")])
            #expect(done.status == 303)
            #expect(try await test.store.dossier(id: id, tenant: Fixtures.tenant)?.state == .withdrawn)
            let other = browser()
            try await other.signIn("binh")
            #expect(try await other.get("/my/dossiers/\(id)").status == 404)
        }
    }
}
