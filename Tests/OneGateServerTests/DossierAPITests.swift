import Foundation
import HTTPTypes
import OneGateCore
import OneGateDemo
import OneGateTestSupport
import Testing

/// The JSON API through the real router on a live HTTP connection.
struct DossierAPITests {
    @Test func citizenSubmitsOnlineAndOfficersTakeItToTheEnd() async throws {
        try await withAPI { test, api in
            let citizen = try await api.login("an")
            let upload = try await api.request(
                .post, "/api/v1/documents", token: citizen,
                bytes: SamplePDF.bytes(title: "Giay chung sinh"), headers: [.contentType: "application/pdf"])
            #expect(upload.status == 201)
            let sha = try #require(upload.json["sha256"]?.stringValue)
            let body = """
                {"procedureCode":"1.001193","receivingUnit":"\(Fixtures.communeA)",
                 "data":{"child_name":"Nguyễn Thị Hoa","date_of_birth":"2026-02-28"},
                 "components":[{"requirement":"birth_notice","document":"\(sha)"}]}
                """
            let submitted = try await api.request(.post, "/api/v1/dossiers", token: citizen, json: body)
            #expect(submitted.status == 201, "\(submitted.json)")
            let id = try #require(submitted.json["id"]?.stringValue)
            let secret = try #require(submitted.json["secret"]?.stringValue)
            #expect(submitted.json["state"] == "submitted")

            let reception = try await api.login("reception.a")
            let accepted = try await api.act(id, "accept", token: reception)
            #expect(accepted.status == 200)
            let code = try #require(accepted.json["code"]?.stringValue)
            #expect(code.hasPrefix("\(Fixtures.communeA)-260302-"))
            #expect(accepted.json["secret"] == nil)
            #expect(
                try await api.act(id, "assign", token: reception, json: #"{"officerId":"officer-specialist.a"}"#).status
                    == 200)
            let specialist = try await api.login("specialist.a")
            #expect(try await api.act(id, "appraise", token: specialist, json: #"{"note":"Hợp lệ"}"#).status == 200)
            let supplement = try await api.act(
                id, "request_supplement", token: specialist,
                json: #"{"reason":"Thiếu","items":[{"requirement":"parent_id","description":"Bổ sung CCCD của cha"}]}"#)
            #expect(supplement.json["state"] == "supplement_requested")
            let supplied = try await api.act(
                id, "supplement", token: citizen,
                json: #"{"components":[{"requirement":"parent_id","document":"\#(sha)"}]}"#)
            #expect(supplied.json["state"] == "in_progress", "\(supplied.json)")
            #expect(
                try await api.act(id, "submit_for_approval", token: specialist, json: #"{"summary":"Đề nghị cấp"}"#)
                    .status == 200)
            let leader = try await api.login("leader.a")
            #expect(try await api.act(id, "approve", token: leader).status == 200)
            let clerk = try await api.login("clerk.a")
            #expect(
                try await api.act(id, "issue", token: clerk, json: #"{"resultNumber":"12/KS"}"#).json["state"]
                    == "processed")
            #expect(
                try await api.act(id, "deliver", token: clerk, json: #"{"channel":"electronic"}"#).json["state"]
                    == "returned")

            let events = try await api.request(.get, "/api/v1/dossiers/\(id)/events", token: clerk)
            guard case .array(let list)? = events.json["events"] else { throw TestFailure("no events") }
            #expect(list.count == 10)
            let verify = try await api.request(
                .get, "/api/v1/dossiers/\(id)/verify", token: try await api.login("auditor"))
            #expect(verify.json["valid"] == true, "\(verify.json)")
            let due = try await api.request(.get, "/api/v1/dossiers/\(id)/due", token: citizen)
            #expect(due.status == 200 && due.json["explanation"]?["vi"] != nil)
            let zip = try await api.request(.get, "/api/v1/dossiers/\(id)/audit-export", token: clerk)
            #expect(zip.status == 200 && zip.bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))

            let status = try await api.request(
                .post, "/api/v1/public/status", json: #"{"code":"\#(code)","secret":"\#(secret)"}"#)
            #expect(status.status == 200 && status.json["state"] == "returned")
            #expect(status.json["applicantId"] == nil && status.json["data"] == nil)
            let wrong = try await api.request(
                .post, "/api/v1/public/status", json: #"{"code":"\#(code)","secret":"NOPE"}"#)
            #expect(wrong.status == 404)

            let mine = try await api.request(.get, "/api/v1/dossiers", token: citizen)
            #expect(mine.json["total"] == 1)
            let other = try await api.request(.get, "/api/v1/dossiers", token: try await api.login("binh"))
            #expect(other.json["total"] == 0)
            // Overdue among finished states matches nothing (not everything).
            let overdueFinished = try await api.request(
                .get, "/api/v1/dossiers?overdue=true&state=returned", token: clerk)
            #expect(overdueFinished.json["total"] == 0)
            let returned = try await api.request(.get, "/api/v1/dossiers?state=returned", token: clerk)
            #expect(returned.json["total"] == 1)
            let badLimit = try await api.request(.get, "/api/v1/dossiers?limit=ten", token: clerk)
            #expect(badLimit.status == 422 && badLimit.json["error"]?["details"]?["field"] == "limit")
            let document = try await api.request(.get, "/api/v1/documents/\(sha)?dossier=\(id)", token: clerk)
            #expect(document.status == 200 && document.headers[.contentType] == "application/pdf")
            let stranger = try await api.request(
                .get, "/api/v1/documents/\(sha)", token: try await api.login("reception.b"))
            #expect(stranger.status == 404)
        }
    }

    @Test func errorsHaveStableCodesAndStatuses() async throws {
        try await withAPI { test, api in
            #expect(try await api.request(.get, "/api/v1/dossiers").status == 401)
            let badToken = try await api.request(.get, "/api/v1/procedures", token: "forged")
            #expect(badToken.status == 401 && badToken.errorCode == "invalid_token")
            let wrongPassword = try await api.request(
                .post, "/api/v1/auth/login", json: #"{"username":"an","password":"x"}"#)
            #expect(wrongPassword.status == 401 && wrongPassword.errorCode == "invalid_credentials")
            let citizen = try await api.login("an")
            let malformed = try await api.request(.post, "/api/v1/dossiers", token: citizen, json: "{not json")
            #expect(malformed.status == 400 && malformed.errorCode == "malformed_json")
            let incomplete = try await api.request(
                .post, "/api/v1/dossiers", token: citizen,
                json: #"{"procedureCode":"1.001193","receivingUnit":"\#(Fixtures.communeA)","data":{}}"#)
            #expect(incomplete.status == 422 && incomplete.errorCode == "invalid_submission")
            #expect(
                incomplete.json["error"]?["details"]?["problems"]?.stringValue?.contains("child_name:required") == true)
            let unknown = try await api.request(
                .post, "/api/v1/dossiers", token: citizen, json: #"{"procedureCode":"9.999"}"#)
            #expect(unknown.status == 404)
            let html = try await api.request(
                .post, "/api/v1/documents", token: citizen, bytes: Array("<html>".utf8),
                headers: [.contentType: "application/pdf"])
            #expect(html.status == 415 && html.errorCode == "unsupported_document_type")
            let huge = try await api.request(
                .post, "/api/v1/documents", token: citizen,
                bytes: Array("%PDF-".utf8) + [UInt8](repeating: 0x20, count: 21 * 1_048_576))
            #expect(huge.status == 413)
            let counter = try await api.request(
                .post, "/api/v1/counter/dossiers", token: try await api.login("reception.a"),
                json: """
                    {"procedureCode":"DEMO.0003","receivingUnit":"\(Fixtures.communeA)","data":{"pages":3},
                     "components":[{"requirement":"original","digitised":true}],
                     "applicant":{"identifier":"022090001234","fullName":"Nguyễn Văn An"}}
                    """)
            #expect(counter.status == 201, "\(counter.json)")
            let id = try #require(counter.json["id"]?.stringValue)
            let illegal = try await api.act(id, "approve", token: try await api.login("leader.a"))
            #expect(illegal.status == 409 && illegal.errorCode == "illegal_transition")
            #expect(illegal.json["error"]?["details"]?["state"] == "received")
            let forbidden = try await api.act(id, "approve", token: try await api.login("clerk.a"))
            #expect(forbidden.status == 403)
            let missing = try await api.act(id, "refuse", token: try await api.login("reception.a"))
            #expect(missing.status == 422 && missing.errorCode == "invalid_field")
            let noSuchAction = try await api.act(id, "teleport", token: citizen)
            #expect(noSuchAction.status == 404)
            let noRoute = try await api.request(.get, "/api/v1/nothing-here")
            #expect(noRoute.status == 404 && noRoute.errorCode == "not_found")
        }
    }

    @Test func idempotencyKeyReplaysOverHTTP() async throws {
        try await withAPI { test, api in
            let reception = try await api.login("reception.a")
            let body = """
                {"procedureCode":"DEMO.0003","receivingUnit":"\(Fixtures.communeA)","data":{"pages":1},
                 "components":[{"requirement":"original","digitised":true}],
                 "applicant":{"identifier":"022090001234","fullName":"Nguyễn Văn An"}}
                """
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "counter-7"]
            let first = try await api.request(
                .post, "/api/v1/counter/dossiers", token: reception, json: body, headers: key)
            let second = try await api.request(
                .post, "/api/v1/counter/dossiers", token: reception, json: body, headers: key)
            #expect(first.status == 201 && second.status == 201)
            #expect(first.bytes == second.bytes)
            #expect(second.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            let list = try await api.request(.get, "/api/v1/dossiers", token: reception)
            #expect(list.json["total"] == 1)
            let changed = try await api.request(
                .post, "/api/v1/counter/dossiers", token: reception,
                json: body.replacingOccurrences(of: "\"pages\":1", with: "\"pages\":2"), headers: key)
            #expect(changed.status == 422 && changed.errorCode == "idempotency_key_reused")
        }
    }

    @Test func catalogueSearchHealthAndOpenAPI() async throws {
        try await withAPI { test, api in
            let search = try await api.request(.get, "/api/v1/procedures?q=dang%20ky%20khai%20sinh")
            #expect(search.json["total"] == 1)
            #expect(search.json["items"]?.objectValue == nil)
            let detail = try await api.request(.get, "/api/v1/procedures/1.001193")
            #expect(detail.json["name"]?["vi"] == "Đăng ký khai sinh")
            #expect(try await api.request(.get, "/health").json["status"] == "ok")
            let metrics = try await api.request(.get, "/metrics")
            #expect(String(decoding: metrics.bytes, as: UTF8.self).contains("onegate_http_requests_total"))
            let openapi = try await api.request(.get, "/api/v1/openapi.json")
            #expect(openapi.json["openapi"]?.stringValue?.hasPrefix("3.1") == true)
            let holidays = try await api.request(.get, "/api/v1/calendar/holidays/2026")
            #expect(holidays.status == 200)
            let due = try await api.request(.get, "/api/v1/calendar/due?limit=5%20working_days&from=2026-02-13T10:00")
            #expect(due.json["due"] == "2026-02-27T10:00:00.000Z", "\(due.json)")
            let ca = try await api.request(.get, "/api/v1/certificates/ca.pem")
            #expect(String(decoding: ca.bytes, as: UTF8.self).hasPrefix("-----BEGIN CERTIFICATE-----"))
            let export = try await api.request(.get, "/api/v1/catalogue/export")
            guard case .array(let procedures)? = export.json["procedures"] else { throw TestFailure("no export") }
            #expect(procedures.count == 3)
            let forbidden = try await api.request(
                .post, "/api/v1/catalogue/import", token: try await api.login("reception.a"),
                json: String(decoding: export.bytes, as: UTF8.self))
            #expect(forbidden.status == 403)
            let imported = try await api.request(
                .post, "/api/v1/catalogue/import", token: try await api.login("admin"),
                json: String(decoding: export.bytes, as: UTF8.self))
            #expect(imported.json["unchanged"] == 3, "\(imported.json)")
            // A version number that would overflow on the next edit is refused up front.
            let huge = String(decoding: export.bytes, as: UTF8.self)
                .replacingOccurrences(of: "\"version\":1", with: "\"version\":9223372036854775807")
            let overflow = try await api.request(
                .post, "/api/v1/catalogue/import", token: try await api.login("admin"),
                json: huge)
            #expect(overflow.status == 422 && overflow.errorCode == "invalid_procedure", "\(overflow.json)")
        }
    }
}
