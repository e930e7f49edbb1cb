import Foundation
import OneGateCore
import OneGateDemo
import OneGateTestSupport
import Testing

/// The officers' inbox, dossier workspace, actions, downloads and printable forms.
struct OfficerPagesTests {
    /// A birth registration received at commune A's counter by its reception officer.
    static func received(_ test: TestInstance) async throws -> (Dossier, String) {
        let sha = try await test.upload(by: "officer-reception.a")
        let input = ApplicationInput(
            procedureCode: "1.001193", receivingUnit: Fixtures.communeA, competentUnit: Fixtures.communeA,
            secret: "SECRET1234", data: Fixtures.birthData,
            components: [DossierComponent(requirement: "birth_notice", document: sha, digitised: true)])
        let dossier = try TestInstance.dossier(
            try await test.service.receiveAtCounter(
                input, applicant: test.citizen("an"), channel: .counter, assisted: false,
                by: test.officer("reception.a"), idempotency: nil))
        return (dossier, sha)
    }

    static func act(
        _ session: WebTestSession, _ id: String, _ action: String, _ fields: [(String, String)] = []
    ) async throws -> WebResponse {
        _ = try await session.get("/work/dossiers/\(id)")
        return try await session.post("/work/dossiers/\(id)/actions/\(action)", fields)
    }

    @Test func aDossierWalksThroughThePagesFromAssignmentToHandOver() async throws {
        try await withWeb { test, api, browser in
            let (dossier, _) = try await Self.received(test)
            let id = dossier.id
            let code = try #require(dossier.code)

            let reception = browser()
            try await reception.signIn("reception.a")
            let workspace = try await reception.get("/work/dossiers/\(id)")
            #expect(workspace.status == 200)
            #expect(workspace.contains(code) && workspace.contains("Nguyễn Thị Hoa"))
            #expect(workspace.contains("Họ tên trẻ") && workspace.contains("28/02/2026"))
            #expect(workspace.contains("Giấy chứng sinh") && workspace.contains("Đã số hóa"))
            #expect(workspace.contains("/work/documents/"))
            #expect(workspace.contains("Cách tính hạn giải quyết") && workspace.contains("Thời hạn: 3 ngày làm việc"))
            #expect(workspace.contains("Tiếp nhận hồ sơ tại quầy") && workspace.contains("Cán bộ reception.a"))
            #expect(workspace.contains("action=\"/work/dossiers/\(id)/actions/assign\""))
            #expect(workspace.contains("value=\"officer-specialist.a\""))
            #expect(!workspace.contains("/actions/approve\""))

            let assigned = try await Self.act(reception, id, "assign", [("officerId", "officer-specialist.a")])
            #expect(assigned.status == 303 && assigned.location == "/work/dossiers/\(id)?done=assign")
            let done = try await reception.get(assigned.location ?? "")
            #expect(done.contains("Đã thực hiện: Phân công xử lý"))

            let leader = browser()
            try await leader.signIn("leader.a")
            let extended = try await Self.act(
                leader, id, "extend", [("newDue", "2026-03-10"), ("reason", "Chờ xác minh thông tin khai sinh")])
            #expect(extended.status == 303, "\(extended.body)")
            let apology = try await leader.get("/work/dossiers/\(id)/forms/04")
            #expect(apology.status == 200 && apology.contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"))
            #expect(apology.contains("10/03/2026 17:00") && apology.contains("Chờ xác minh thông tin khai sinh"))

            let specialist = browser()
            try await specialist.signIn("specialist.a")
            let inbox = try await specialist.get("/work?mine=1")
            #expect(inbox.status == 200 && inbox.contains(code) && inbox.contains("Của tôi"))
            #expect(try await Self.act(specialist, id, "appraise", [("note", "Hồ sơ hợp lệ")]).status == 303)
            #expect(
                try await Self.act(
                    specialist, id, "submit_for_approval", [("outcome", "granted"), ("summary", "Đề nghị cấp")]
                ).status == 303)
            #expect(try await Self.act(leader, id, "approve", [("comment", "Đồng ý")]).status == 303)
            let clerk = browser()
            try await clerk.signIn("clerk.a")
            #expect(try await Self.act(clerk, id, "issue", [("resultNumber", "12/GKS")]).status == 303)

            let desk = try await reception.get("/counter")
            #expect(desk.contains("Kết quả chờ trả") && desk.contains("12/GKS"))
            let delivered = try await Self.act(reception, id, "deliver", [("channel", "counter")])
            #expect(delivered.status == 303)
            let final = try #require(try await test.store.dossier(id: id, tenant: Fixtures.tenant))
            #expect(final.state == .returned && final.deliveryState == .counter && final.resultNumber == "12/GKS")

            let control = try await reception.get("/work/dossiers/\(id)/forms/06")
            #expect(control.status == 200 && control.contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"))
            #expect(control.contains("Thẩm định") && control.contains("Cán bộ specialist.a"))
            let receipt = try await reception.get("/work/dossiers/\(id)/forms/01")
            #expect(receipt.status == 200 && receipt.contains(code) && !receipt.contains("SECRET1234"))
            #expect(try await reception.get("/work/dossiers/\(id)/forms/02").status == 404)
            let history = try await reception.get("/work/dossiers/\(id)")
            #expect(history.contains("Ban hành kết quả") && history.contains("Trả kết quả"))
            #expect(history.contains("Bạn không có thao tác nào"))
        }
    }

    @Test func everyPageAndActionChecksWhoIsAsking() async throws {
        try await withWeb { test, api, browser in
            let (dossier, sha) = try await Self.received(test)
            let id = dossier.id

            let anonymous = browser()
            let away = try await anonymous.get("/work")
            #expect(away.status == 303 && away.location == "/sign-in?next=/work")
            #expect(try await anonymous.get("/work/dossiers/\(id)").status == 303)

            let citizen = browser()
            try await citizen.signIn("an")
            #expect(try await citizen.get("/work").status == 403)
            #expect(try await citizen.get("/work/dossiers/\(id)").status == 403)

            let stranger = browser()
            try await stranger.signIn("reception.b")
            #expect(try await stranger.get("/work/dossiers/\(id)").status == 404)
            #expect(try await stranger.get("/work/dossiers/\(id)/forms/01").status == 404)
            #expect(try await stranger.get("/work/documents/\(sha)?dossier=\(id)").status == 404)
            _ = try await stranger.get("/work")
            let foreign = try await stranger.post("/work/dossiers/\(id)/actions/refuse", [("reason", "Không")])
            #expect(foreign.status == 404)
            #expect(!(try await stranger.get("/work")).contains(dossier.code ?? "?"))

            let specialist = browser()
            try await specialist.signIn("specialist.a")
            let document = try await specialist.get("/work/documents/\(sha)?dossier=\(id)")
            #expect(document.status == 200 && document.headers[.contentType] == "application/pdf")
            #expect(document.body.hasPrefix("%PDF-"))
            #expect(
                try await specialist.get("/work/documents/\(String(repeating: "a", count: 64))?dossier=\(id)").status
                    == 404)
            #expect(try await specialist.get("/work/documents/\(sha)").status == 404)

            // A role the action needs is missing: 403, shown on the workspace.
            let clerk = browser()
            try await clerk.signIn("clerk.a")
            let forbidden = try await Self.act(clerk, id, "approve")
            #expect(forbidden.status == 403 && forbidden.contains("Bạn không có quyền thực hiện thao tác này."))
            // Not allowed in this state: 409, next to the form, nothing changed.
            let leader = browser()
            try await leader.signIn("leader.a")
            let illegal = try await Self.act(leader, id, "approve")
            #expect(illegal.status == 409 && illegal.contains("error-summary"))
            #expect(illegal.contains("Không thể thực hiện thao tác approve"))
            // A required reason is missing: 422 with the message next to the field.
            let reception = browser()
            try await reception.signIn("reception.a")
            let noReason = try await Self.act(reception, id, "refuse", [("reason", "  ")])
            #expect(
                noReason.status == 422 && noReason.contains("Nhập lý do.")
                    && noReason.contains("href=\"#refuse-reason\""))
            let noSuchAction = try await Self.act(reception, id, "teleport")
            #expect(noSuchAction.status == 404)
            // Without the CSRF token nothing is read.
            let forged = try await reception.post(
                "/work/dossiers/\(id)/actions/refuse", [("reason", "Giả mạo")], csrf: false)
            #expect(forged.status == 403 && forged.contains("csrf_failed"))
            let unchanged = try #require(try await test.store.dossier(id: id, tenant: Fixtures.tenant))
            #expect(unchanged.state == .received && unchanged.version == dossier.version)

            let refused = try await Self.act(
                reception, id, "refuse", [("reason", "Không thuộc thẩm quyền"), ("redirect", "UBND xã Vân Đồn")])
            #expect(refused.status == 303)
            let form = try await reception.get("/work/dossiers/\(id)/forms/03")
            #expect(form.status == 200 && form.contains("PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ"))
            #expect(form.contains("Không thuộc thẩm quyền") && form.contains("UBND xã Vân Đồn"))
        }
    }

    @Test func inboxFiltersSearchesAndRequestsSupplementationInOneGo() async throws {
        try await withWeb { test, api, browser in
            let citizen = try await api.login("an")
            let sha = try await test.upload(by: "applicant-an")
            let submitted = try await api.request(
                .post, "/api/v1/dossiers", token: citizen,
                json: """
                    {"procedureCode":"1.001193","receivingUnit":"\(Fixtures.communeA)",
                     "data":{"child_name":"Nguyễn Thị Hoa","date_of_birth":"2026-02-28"},
                     "components":[{"requirement":"birth_notice","document":"\(sha)"}]}
                    """)
            let id = try #require(submitted.json["id"]?.stringValue)
            let reference = try #require(submitted.json["reference"]?.stringValue)
            let (counter, _) = try await Self.received(test)

            let reception = browser()
            try await reception.signIn("reception.a")
            let inbox = try await reception.get("/work")
            #expect(inbox.status == 200 && inbox.contains(reference) && inbox.contains(counter.code ?? "?"))
            // Soonest due first: the online reception check (8 working hours) before the 3-day appointment.
            let online = try #require(inbox.body.range(of: reference))
            let paper = try #require(inbox.body.range(of: counter.code ?? "?"))
            #expect(online.lowerBound < paper.lowerBound)
            let submittedOnly = try await reception.get("/work?state=submitted")
            #expect(submittedOnly.contains(reference) && !submittedOnly.contains(counter.code ?? "?"))
            let byProcedure = try await reception.get("/work?procedure=DEMO.0003")
            #expect(!byProcedure.contains(reference) && byProcedure.contains("0 hồ sơ"))
            let search = try await reception.get("/work?q=\(counter.code ?? "")")
            #expect(search.status == 303 && search.location == "/work/dossiers/\(counter.id)")
            let missing = try await reception.get("/work?q=NOPE")
            #expect(missing.status == 200 && missing.contains("Không tìm thấy hồ sơ"))
            #expect(try await reception.get("/work?overdue=1").contains("0 hồ sơ"))

            // Two working days later the online check is overdue, and says so in words.
            test.clock.set(TestInstance.monday.addingTimeInterval(2 * 86_400))
            try await reception.signIn("reception.a")  // the session of two days ago has expired
            let late = try await reception.get("/work?overdue=1")
            #expect(late.contains(reference) && late.contains("Quá hạn"))
            #expect(try await reception.get("/counter").contains("Quá hạn"))

            let workspace = try await reception.get("/work/dossiers/\(id)")
            #expect(workspace.contains("/actions/accept\"") && workspace.contains("/actions/request_supplement\""))
            #expect(workspace.contains("name=\"item_description_3\""))
            let empty = try await reception.post(
                "/work/dossiers/\(id)/actions/request_supplement", [("reason", "Thiếu giấy tờ")])
            #expect(empty.status == 422 && empty.contains("Nêu ít nhất một nội dung cần bổ sung."))
            let requested = try await reception.post(
                "/work/dossiers/\(id)/actions/request_supplement",
                [
                    ("reason", "Hồ sơ chưa đầy đủ"), ("item_requirement_1", "parent_id"),
                    ("item_description_1", "Bổ sung căn cước của cha"), ("item_requirement_2", ""),
                    ("item_description_2", "Ghi rõ nơi sinh"), ("item_description_3", ""),
                ])
            #expect(requested.status == 303)
            let form = try await reception.get("/work/dossiers/\(id)/forms/02")
            #expect(form.status == 200 && form.contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"))
            #expect(form.contains("Bổ sung căn cước của cha") && form.contains("Ghi rõ nơi sinh"))
            #expect(form.contains("Giấy tờ tùy thân của cha mẹ"))
            let after = try #require(try await test.store.dossier(id: id, tenant: Fixtures.tenant))
            #expect(after.state == .supplementRequested && after.supplementItems.count == 2)
            let english = try await reception.get("/work/dossiers/\(id)/forms/02?lang=en")
            #expect(english.contains("REQUEST TO SUPPLEMENT THE DOSSIER"))
        }
    }
}
