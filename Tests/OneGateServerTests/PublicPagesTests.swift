import Foundation
import HTTPTypes
import OneGateCore
import OneGateDemo
import OneGateTestSupport
import Testing

/// The public pages, sign-in and the rules every page follows.
struct PublicPagesTests {
    @Test func homeSearchAndProcedureInBothLanguages() async throws {
        try await withWeb { _, _, browser in
            let web = browser()
            let home = try await web.get("/")
            #expect(home.status == 200)
            #expect(home.contains(#"<html lang="vi">"#))
            #expect(home.contains("Thủ tục hành chính trực tuyến"))
            #expect(home.contains("Hộ tịch"))
            #expect(home.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            // Diacritics and case do not matter.
            for query in ["khai sinh", "KHAI SINH", "đăng ký khai sinh", "dang ky khai sinh"] {
                let found = try await web.get("/procedures?q=\(WebTestSession.formEscape(query))")
                #expect(found.contains("/procedures/1.001193"), "\(query)")
                #expect(!found.contains("/procedures/DEMO.0002"), "\(query)")
            }
            let byLevel = try await web.get("/procedures?level=department")
            #expect(byLevel.contains("/procedures/DEMO.0002") && !byLevel.contains("/procedures/1.001193"))
            let procedure = try await web.get("/procedures/1.001193")
            #expect(procedure.contains("Giấy chứng sinh"))
            #expect(procedure.contains("Luật Hộ tịch 2014"))
            #expect(procedure.contains("3 ngày làm việc"))
            #expect(procedure.contains("/sign-in?next=/apply/1.001193"))
            #expect(try await web.get("/procedures/NOPE").status == 404)

            let switched = try await web.get("/language/en?next=/procedures/1.001193")
            #expect(switched.status == 303 && switched.location == "/procedures/1.001193")
            let english = try await web.get("/procedures/1.001193")
            #expect(english.contains(#"<html lang="en">"#))
            #expect(english.contains("Birth registration") && english.contains("3 working days"))
            // The return address must stay on the site.
            #expect(try await web.get("/language/vi?next=//evil.example").location == "/")
        }
    }

    @Test func signInWithTheFormOnly() async throws {
        try await withWeb { _, _, browser in
            let web = browser()
            _ = try await web.get("/sign-in")
            let wrong = try await web.post("/sign-in", [("username", "an"), ("password", "nope")])
            #expect(wrong.status == 422)
            #expect(wrong.contains("Tên đăng nhập hoặc mật khẩu không đúng."))
            #expect(wrong.contains(#"aria-invalid="true""#))
            let forged = try await browser().post(
                "/sign-in", [("username", "an"), ("password", Fixtures.password), ("_csrf", "x")])
            #expect(forged.status == 403)
            let right = try await web.post(
                "/sign-in", [("username", "an"), ("password", Fixtures.password), ("next", "/")])
            #expect(right.status == 303 && right.location == "/my/dossiers")
            let cookie = right.headers[values: .setCookie].first { $0.hasPrefix("onegate_session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
            let mine = try await web.get("/my/dossiers")
            #expect(mine.status == 200 && mine.contains("Nguyễn Văn An"))
            let out = try await web.post("/sign-out", [])
            #expect(out.status == 303)
            #expect(try await web.get("/my/dossiers").status == 303)
            // A sign-in never sends anyone off the site.
            let offsite = browser()
            _ = try await offsite.get("/sign-in")
            let answer = try await offsite.post(
                "/sign-in", [("username", "an"), ("password", Fixtures.password), ("next", "https://evil.example/")])
            #expect(answer.location == "/my/dossiers")
        }
    }

    @Test func statusByCodeAndSecretAndResultVerification() async throws {
        try await withWeb { _, api, browser in
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
            let secret = try #require(submitted.json["secret"]?.stringValue)
            let reception = try await api.login("reception.a")
            let code = try #require(try await api.act(id, "accept", token: reception).json["code"]?.stringValue)

            let web = browser()
            _ = try await web.get("/status")
            let missing = try await web.post("/status", [("code", code)])
            #expect(missing.status == 422 && missing.contains("Nhập mã tra cứu."))
            let wrong = try await web.post("/status", [("code", code), ("secret", "WRONG123")])
            #expect(wrong.status == 422 && wrong.contains("Không tìm thấy hồ sơ"))
            let found = try await web.post("/status", [("code", code), ("secret", secret.lowercased())])
            #expect(found.status == 200)
            #expect(found.contains("Được tiếp nhận") && found.contains("Tiếp nhận hồ sơ"))
            // Officers' names never reach the public page.
            #expect(!found.contains("Cán bộ reception.a"))

            let unknown = try await web.get("/verify?code=\(code)&result=12/KS")
            #expect(unknown.status == 404 && unknown.contains("Không có kết quả"))
            #expect(
                try await api.act(id, "assign", token: reception, json: #"{"officerId":"officer-specialist.a"}"#).status
                    == 200)
            let specialist = try await api.login("specialist.a")
            _ = try await api.act(id, "appraise", token: specialist, json: #"{"note":"Hợp lệ"}"#)
            _ = try await api.act(id, "submit_for_approval", token: specialist, json: #"{"summary":"Đề nghị cấp"}"#)
            _ = try await api.act(id, "approve", token: try await api.login("leader.a"))
            _ = try await api.act(
                id, "issue", token: try await api.login("clerk.a"), json: #"{"resultNumber":"12/KS"}"#)
            let valid = try await web.get("/verify?code=\(code)&result=12/KS")
            #expect(valid.status == 200 && valid.contains("Kết quả hợp lệ") && valid.contains("Giấy khai sinh"))
            let wrongNumber = try await web.get("/verify?code=\(code)&result=13/KS")
            #expect(wrongNumber.status == 404)
        }
    }

    @Test func errorsArePagesWithStableCodes() async throws {
        try await withWeb { _, _, browser in
            let web = browser()
            let missing = try await web.get("/no/such/page")
            #expect(missing.status == 404)
            #expect(missing.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(missing.contains("not_found"))
            let noToken = try await web.post("/status", [("code", "x"), ("secret", "y")], csrf: false)
            #expect(noToken.status == 403 && noToken.contains("csrf_failed"))
            // The API keeps answering JSON.
            let api = try await web.get("/api/v1/nothing")
            #expect(api.status == 404 && api.headers[.contentType]?.hasPrefix("application/json") == true)
            let css = try await web.get("/static/onegate.css")
            #expect(css.status == 200 && css.headers[.contentType]?.hasPrefix("text/css") == true)
            #expect(try await web.get("/static/..%2Fsecret").status == 404)
        }
    }
}
