import Foundation
import HTTPTypes
import OneGateCore
import OneGateRuntime
import OneGateTestSupport
import Testing

/// The administration pages through the real router, signed in through the real form.
struct AdminPagesTests {
    /// A unit administrator of the Department of Justice only.
    static let justiceAdmin = Fixtures.officer("ua.justice", [(.unitAdmin, Fixtures.justice)])

    static func addJusticeAdmin(_ test: TestInstance) async throws {
        try await test.store.saveOfficer(
            justiceAdmin, passwordHash: try test.dependencies.passwords.hash(Fixtures.password), tenant: Fixtures.tenant
        )
    }

    @Test func overviewOnlyForAdministrators() async throws {
        try await withWeb { test, _, browser in
            let anonymous = try await browser().get("/admin/units")
            #expect(anonymous.status == 303 && anonymous.location == "/sign-in?next=/admin/units")

            let specialist = browser()
            try await specialist.signIn("specialist.a")
            for path in [
                "/admin", "/admin/units", "/admin/officers", "/admin/procedures", "/admin/calendar", "/admin/targets",
                "/admin/units/\(Fixtures.communeA)", "/admin/officers/officer-specialist.a",
            ] {
                #expect(try await specialist.get(path).status == 403, "\(path)")
            }
            let refused = try await specialist.post(
                "/admin/units/\(Fixtures.communeA)", [("nameVi", "Phường mới"), ("kind", "commune")])
            #expect(refused.status == 403)
            #expect(refused.contains("forbidden"))
            let citizen = browser()
            try await citizen.signIn("an")
            #expect(try await citizen.get("/admin").status == 403)

            let admin = browser()
            try await admin.signIn("admin")
            let overview = try await admin.get("/admin")
            #expect(overview.status == 200)
            #expect(overview.contains("Quản trị hệ thống") && overview.contains("Toàn hệ thống"))
            for link in ["/admin/units", "/admin/officers", "/admin/procedures", "/admin/calendar", "/admin/targets"] {
                #expect(overview.contains(#"href="\#(link)""#), "\(link)")
            }
            let english = try await admin.get("/admin?lang=en")
            #expect(english.contains("Administration") && english.contains("Days off by year"))

            try await Self.addJusticeAdmin(test)
            let unitAdmin = browser()
            try await unitAdmin.signIn("ua.justice")
            let scoped = try await unitAdmin.get("/admin")
            #expect(scoped.status == 200)
            #expect(!scoped.contains(#"href="/admin/calendar""#) && !scoped.contains(#"href="/admin/procedures""#))
        }
    }

    @Test func formsWithoutTheTokenAreRefused() async throws {
        try await withWeb { _, _, browser in
            let admin = browser()
            try await admin.signIn("admin")
            for path in [
                "/admin/units", "/admin/units/\(Fixtures.justice)", "/admin/officers",
                "/admin/officers/officer-specialist.a/roles", "/admin/officers/officer-specialist.a/roles/remove",
                "/admin/officers/officer-specialist.a/active", "/admin/procedures/1.001193", "/admin/calendar/2026",
                "/admin/targets",
            ] {
                let missing = try await admin.post(path, [("nameVi", "x")], csrf: false)
                #expect(missing.status == 403, "\(path)")
                #expect(missing.contains("csrf_failed"), "\(path)")
                let forged = try await admin.post(path, [("nameVi", "x"), ("_csrf", "forged")])
                #expect(forged.status == 403 && forged.contains("csrf_failed"), "\(path)")
            }
        }
    }

    @Test func unitsListViewCreateAndEdit() async throws {
        try await withWeb { test, _, browser in
            let admin = browser()
            try await admin.signIn("admin")
            let list = try await admin.get("/admin/units")
            #expect(list.status == 200)
            for unit in Fixtures.units { #expect(list.contains(unit.code), "\(unit.code)") }
            #expect(list.contains("Sở Tư pháp") && list.contains("30/06/2025"))
            let view = try await admin.get("/admin/units/\(Fixtures.oldDistrict)")
            #expect(view.status == 200 && view.contains("Ủy ban nhân dân huyện Cũ"))
            #expect(view.contains("/admin/units/\(Fixtures.communeA)"))
            #expect(try await admin.get("/admin/units/999.99.99.H40").status == 404)
            #expect(try await admin.get("/admin/units/new?parent=\(Fixtures.justice)").status == 200)

            let invalid = try await admin.post(
                "/admin/units",
                [
                    ("code", "bad code"), ("nameVi", ""), ("kind", "commune"), ("parent", Fixtures.tenant),
                    ("effectiveFrom", "2026-02-30"),
                ])
            #expect(invalid.status == 422)
            #expect(invalid.contains("error-summary"))
            #expect(invalid.contains(#"id="code-error""#) && invalid.contains("Mã đơn vị chỉ gồm chữ"))
            #expect(invalid.contains(#"id="nameVi-error""#) && invalid.contains(#"id="effectiveFrom-error""#))
            #expect(invalid.contains(#"value="bad code""#))
            let taken = try await admin.post(
                "/admin/units",
                [("code", Fixtures.justice), ("nameVi", "Trùng"), ("kind", "department"), ("parent", Fixtures.tenant)])
            #expect(taken.status == 422 && taken.contains("Đã có đơn vị mang mã này."))

            let code = "000.03.40.H40"
            let created = try await admin.post(
                "/admin/units",
                [
                    ("code", code), ("nameVi", "Ủy ban nhân dân xã Mới"), ("nameEn", "New Commune"),
                    ("kind", "commune"), ("parent", Fixtures.tenant), ("effectiveFrom", "2026-04-01"),
                ])
            #expect(created.status == 303 && created.location == "/admin/units/\(code)?notice=unit_created")
            let shown = try await admin.get(created.location!)
            #expect(shown.contains("Đã tạo đơn vị.") && shown.contains("Ủy ban nhân dân xã Mới"))
            // The tree every request authorises against has it, without a restart.
            #expect(test.service.units.value[code]?.parent == Fixtures.tenant)

            // Merging commune B into the new commune: end date, successor, mirrored predecessor.
            let edited = try await admin.post(
                "/admin/units/\(Fixtures.communeB)",
                [
                    ("nameVi", "Ủy ban nhân dân xã Vân Đồn"), ("nameEn", "Van Don Commune"), ("kind", "commune"),
                    ("parent", Fixtures.tenant), ("effectiveFrom", "2025-07-01"), ("effectiveTo", "2026-03-31"),
                    ("successors", code),
                ])
            #expect(edited.status == 303 && edited.location == "/admin/units/\(Fixtures.communeB)?notice=unit_saved")
            let stored = try await test.store.units(tenant: Fixtures.tenant)
            #expect(stored.first { $0.code == Fixtures.communeB }?.successors == [code])
            #expect(stored.first { $0.code == code }?.predecessors == [Fixtures.communeB])
            let cycle = try await admin.post(
                "/admin/units/\(Fixtures.tenant)", [("nameVi", "Tỉnh"), ("kind", "province"), ("parent", code)])
            #expect(cycle.status == 422 && cycle.contains(#"id="parent-error""#))
            let order = try await admin.post(
                "/admin/units/\(code)",
                [
                    ("nameVi", "Xã Mới"), ("kind", "commune"), ("parent", Fixtures.tenant),
                    ("effectiveFrom", "2026-04-01"), ("effectiveTo", "2026-01-01"),
                ])
            #expect(order.status == 422 && order.contains(#"id="effectiveTo-error""#))
            let editForm = try await admin.get("/admin/units/\(code)/edit")
            #expect(editForm.status == 200 && editForm.contains(#"value="Ủy ban nhân dân xã Mới""#))
        }
    }

    @Test func unitAdministratorStaysInsideTheirSubtree() async throws {
        try await withWeb { test, _, browser in
            try await Self.addJusticeAdmin(test)
            let web = browser()
            try await web.signIn("ua.justice")
            let list = try await web.get("/admin/units")
            #expect(list.status == 200 && list.contains(Fixtures.justice) && !list.contains(Fixtures.communeA))
            #expect(try await web.get("/admin/units/\(Fixtures.justice)").status == 200)
            #expect(try await web.get("/admin/units/\(Fixtures.communeA)").status == 403)
            #expect(try await web.get("/admin/units/\(Fixtures.communeA)/edit").status == 403)
            #expect(try await web.get("/admin/officers?unit=\(Fixtures.communeA)").status == 403)
            #expect(try await web.get("/admin/officers/officer-specialist.a").status == 403)
            #expect(try await web.get("/admin/targets?unit=\(Fixtures.communeA)").status == 403)
            #expect(try await web.get("/admin/calendar").status == 403)
            #expect(try await web.get("/admin/procedures").status == 403)
            #expect(try await web.get("/admin/procedures/1.001193/edit").status == 403)
            let outside = try await web.post(
                "/admin/units/\(Fixtures.communeA)", [("nameVi", "Chiếm quyền"), ("kind", "commune")])
            #expect(outside.status == 403)
            #expect(test.service.units.value[Fixtures.communeA]?.name.vi == "Ủy ban nhân dân phường Hạ Long")
            #expect(try await web.post("/admin/calendar/2026", [("source", "x")]).status == 403)
            #expect(
                try await web.post("/admin/targets", [("unit", Fixtures.communeA), ("year", "2026")]).status == 403)
            #expect(
                try await web.post("/admin/officers/officer-specialist.a/active", [("active", "false")]).status == 403)

            // A new unit must go below one of theirs; a unit of their own they may edit.
            let root = try await web.post(
                "/admin/units", [("code", "000.00.99.H40"), ("nameVi", "Đơn vị gốc"), ("kind", "department")])
            #expect(root.status == 422 && root.contains(#"id="parent-error""#))
            let elsewhere = try await web.post(
                "/admin/units",
                [("code", "000.00.98.H40"), ("nameVi", "Phòng"), ("kind", "department"), ("parent", Fixtures.communeA)])
            #expect(elsewhere.status == 422 && elsewhere.contains("Đơn vị cấp trên phải thuộc phạm vi bạn quản trị."))
            let below = try await web.post(
                "/admin/units",
                [
                    ("code", "000.12.01.H40"), ("nameVi", "Phòng Hành chính tư pháp"), ("kind", "department"),
                    ("parent", Fixtures.justice),
                ])
            #expect(below.status == 303)
            let own = try await web.post(
                "/admin/units/\(Fixtures.justice)",
                [
                    ("nameVi", "Sở Tư pháp tỉnh Mẫu"), ("nameEn", "Department of Justice"), ("kind", "department"),
                    ("parent", Fixtures.tenant),
                ])
            #expect(own.status == 303)
            #expect(test.service.units.value[Fixtures.justice]?.name.vi == "Sở Tư pháp tỉnh Mẫu")

            // Roles: inside the subtree, never `admin`.
            let escalate = try await web.post(
                "/admin/officers/officer-specialist.justice/roles", [("role", "admin"), ("unit", Fixtures.justice)])
            #expect(escalate.status == 422 && escalate.contains("Bạn không thể giao vai trò này tại đơn vị này."))
            let granted = try await web.post(
                "/admin/officers/officer-specialist.justice/roles", [("role", "leader"), ("unit", Fixtures.justice)])
            #expect(granted.status == 303)
            let selfRemoval = try await web.post(
                "/admin/officers/officer-ua.justice/roles/remove", [("role", "unit_admin"), ("unit", Fixtures.justice)])
            #expect(selfRemoval.status == 403)
        }
    }

    @Test func officersCreateSignInRolesAndDeactivation() async throws {
        try await withWeb { test, _, browser in
            let admin = browser()
            try await admin.signIn("admin")
            let list = try await admin.get("/admin/officers?unit=\(Fixtures.justice)")
            #expect(list.status == 200)
            #expect(list.contains("specialist.justice") && list.contains("leader.justice"))
            #expect(!list.contains("specialist.a<"))
            #expect(try await admin.get("/admin/officers/new?unit=\(Fixtures.justice)").status == 200)

            let invalid = try await admin.post(
                "/admin/officers",
                [
                    ("username", "Bad Name"), ("fullName", ""), ("password", "short"), ("role", "specialist"),
                    ("unit", Fixtures.justice),
                ])
            #expect(invalid.status == 422)
            #expect(invalid.contains(#"id="username-error""#) && invalid.contains(#"id="fullName-error""#))
            #expect(
                invalid.contains(#"id="password-error""#) && invalid.contains("Mật khẩu phải có từ 8 đến 200 ký tự."))
            let taken = try await admin.post(
                "/admin/officers",
                [
                    ("username", "binh"), ("fullName", "Trùng tên"), ("password", "long enough"),
                    ("role", "specialist"), ("unit", Fixtures.justice),
                ])
            #expect(taken.status == 422 && taken.contains("Tên đăng nhập này đã được dùng."))

            let created = try await admin.post(
                "/admin/officers",
                [
                    ("username", "chuyenvien3.stp"), ("fullName", "Lê Thị Cúc"), ("password", "mật khẩu mới 1"),
                    ("role", "specialist"), ("unit", Fixtures.justice),
                ])
            #expect(created.status == 303)
            let location = try #require(created.location)
            #expect(location.hasPrefix("/admin/officers/") && location.hasSuffix("?notice=officer_created"))
            let id = String(location.dropFirst("/admin/officers/".count).prefix { $0 != "?" })
            let page = try await admin.get(location)
            #expect(page.status == 200 && page.contains("Lê Thị Cúc") && page.contains("Đã tạo tài khoản cán bộ."))

            let newcomer = browser()
            try await newcomer.signIn("chuyenvien3.stp", password: "mật khẩu mới 1")
            #expect(newcomer.cookie("onegate_session") != nil)

            let added = try await admin.post(
                "/admin/officers/\(id)/roles", [("role", "leader"), ("unit", Fixtures.justice)])
            #expect(added.status == 303 && added.location == "/admin/officers/\(id)?notice=role_added")
            #expect(try await test.store.officer(id: id)?.roles.count == 2)
            let twice = try await admin.post(
                "/admin/officers/\(id)/roles", [("role", "leader"), ("unit", Fixtures.justice)])
            #expect(twice.status == 422 && twice.contains(#"id="role-error""#))
            let noUnit = try await admin.post("/admin/officers/\(id)/roles", [("role", "leader")])
            #expect(noUnit.status == 422 && noUnit.contains(#"id="unit-error""#))
            let removed = try await admin.post(
                "/admin/officers/\(id)/roles/remove", [("role", "specialist"), ("unit", Fixtures.justice)])
            #expect(removed.status == 303)
            #expect(
                try await test.store.officer(id: id)?.roles == [RoleAssignment(role: .leader, unit: Fixtures.justice)])
            // The password survives role changes.
            try await browser().signIn("chuyenvien3.stp", password: "mật khẩu mới 1")

            let off = try await admin.post("/admin/officers/\(id)/active", [("active", "false")])
            #expect(off.status == 303 && off.location == "/admin/officers/\(id)?notice=officer_deactivated")
            #expect(try await test.store.officer(id: id)?.active == false)
            let late = browser()
            _ = try await late.get("/sign-in")
            let refused = try await late.post(
                "/sign-in", [("username", "chuyenvien3.stp"), ("password", "mật khẩu mới 1")])
            #expect(refused.status == 422)
            let on = try await admin.post("/admin/officers/\(id)/active", [("active", "true")])
            #expect(on.status == 303)
            #expect(try await test.store.officer(id: id)?.active == true)
            // Nobody locks themselves out.
            #expect(try await admin.post("/admin/officers/officer-admin/active", [("active", "false")]).status == 403)
            #expect(try await admin.get("/admin/officers/nobody").status == 404)
        }
    }

    /// The edit form's fields for a procedure, as a browser would send them back.
    static func procedureForm(_ procedure: Procedure, version: Int) throws -> [(String, String)] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return [
            ("baseVersion", String(version)), ("nameVi", procedure.name.vi), ("nameEn", procedure.name.en),
            ("topicVi", procedure.topic.vi), ("topicEn", procedure.topic.en), ("level", procedure.level.rawValue),
            ("timeLimit", procedure.timeLimit.description), ("fee", String(procedure.fee.amount)),
            ("onlineLevel", procedure.onlineLevel.rawValue),
            ("fullOnlineEligible", procedure.fullOnlineEligible ? "true" : ""),
            ("resultNameVi", procedure.resultName.vi), ("resultNameEn", procedure.resultName.en),
            ("legalBasis", procedure.legalBasis),
            ("documents", String(decoding: try encoder.encode(procedure.documents), as: UTF8.self)),
            ("formFields", String(decoding: try encoder.encode(procedure.form.fields), as: UTF8.self)),
        ]
    }

    @Test func procedureEditMakesANewVersionAndKeepsTheOld() async throws {
        try await withWeb { test, _, browser in
            let admin = browser()
            try await admin.signIn("admin")
            let list = try await admin.get("/admin/procedures")
            #expect(list.status == 200 && list.contains("1.001193") && list.contains("Đăng ký khai sinh"))
            let form = try await admin.get("/admin/procedures/1.001193/edit")
            #expect(form.status == 200 && form.contains(#"<textarea id="documents""#))
            #expect(form.contains("birth_notice") && form.contains(#"name="baseVersion" value="1""#))

            var changed = Fixtures.birthRegistration
            changed.timeLimit = TimeLimit(amount: 5, unit: .workingDays)
            changed.fee = Fee(amount: 8000)
            changed.documents.append(
                RequiredDocument(
                    id: "marriage", name: .init(vi: "Giấy chứng nhận kết hôn", en: "Marriage certificate"),
                    documentType: "marriage_certificate", required: false))
            var fields = try Self.procedureForm(changed, version: 1)

            let broken = fields.map { $0.0 == "documents" ? ($0.0, "[{\"id\": \"x\"") : $0 }
            let badJSON = try await admin.post("/admin/procedures/1.001193", broken)
            #expect(badJSON.status == 422 && badJSON.contains(#"id="documents-error""#))
            let badLimit = try await admin.post(
                "/admin/procedures/1.001193", fields.map { $0.0 == "timeLimit" ? ($0.0, "năm ngày") : $0 })
            #expect(badLimit.status == 422 && badLimit.contains(#"id="timeLimit-error""#))
            #expect(badLimit.contains(#"value="năm ngày""#))
            // Procedure.validate() is the last word: full online needs eligibility.
            let ineligible = try await admin.post(
                "/admin/procedures/1.001193", fields.map { $0.0 == "fullOnlineEligible" ? ($0.0, "") : $0 })
            #expect(ineligible.status == 422 && ineligible.contains(#"id="onlineLevel-error""#))

            let saved = try await admin.post("/admin/procedures/1.001193", fields)
            #expect(saved.status == 303 && saved.location == "/admin/procedures/1.001193?notice=procedure_saved")
            let current = try #require(
                try await test.store.procedure(code: "1.001193", version: nil, tenant: Fixtures.tenant))
            #expect(current.version == 2 && current.timeLimit.amount == 5 && current.documents.count == 3)
            let old = try #require(
                try await test.store.procedure(code: "1.001193", version: 1, tenant: Fixtures.tenant))
            #expect(old.timeLimit.amount == 3 && old.fee.amount == 0)
            let page = try await admin.get(saved.location!)
            #expect(page.contains("Đã lưu phiên bản mới") && page.contains("5 ngày làm việc"))
            #expect(page.contains("/admin/procedures/1.001193?version=1"))
            let first = try await admin.get("/admin/procedures/1.001193?version=1")
            #expect(first.status == 200 && first.contains("3 ngày làm việc") && first.contains("phiên bản cũ"))

            // The same form again (from version 1) would undo version 2: refused.
            let stale = try await admin.post("/admin/procedures/1.001193", fields)
            #expect(stale.status == 422 && stale.contains("vừa được người khác lưu phiên bản mới"))
            fields = try Self.procedureForm(changed, version: 2)
            let unchanged = try await admin.post("/admin/procedures/1.001193", fields)
            #expect(unchanged.location == "/admin/procedures/1.001193?notice=procedure_unchanged")
        }
    }

    @Test func holidayOverrideMovesADueDateWithoutRestart() async throws {
        try await withWeb { test, _, browser in
            let admin = browser()
            try await admin.signIn("admin")
            let limit = TimeLimit(amount: 3, unit: .workingDays)
            // Received Monday 2 March 2026 09:00: due Thursday 5 March, 17:00 (10:00 UTC).
            let before = test.service.calendar.dueDate(for: limit, from: TestInstance.monday)
            #expect(before == Date(timeIntervalSince1970: 1_772_704_800))

            let year = try await admin.get("/admin/calendar/2026")
            #expect(year.status == 200 && year.contains("Tết Nguyên đán") && year.contains("02/09/2026"))
            let wrong = try await admin.post(
                "/admin/calendar/2026",
                [
                    ("extraDaysOff", "2026-03-04 | Nghỉ thử"), ("makeUpWorkingDays", "2026-03-03"),
                    ("cancelledDaysOff", "2026-03-05\n2026-13-01"),
                ])
            #expect(wrong.status == 422)
            #expect(
                wrong.contains(#"id="makeUpWorkingDays-error""#) && wrong.contains("Ngày này vốn đã là ngày làm việc"))
            #expect(wrong.contains(#"id="cancelledDaysOff-error""#))
            #expect(test.service.calendar.dueDate(for: limit, from: TestInstance.monday) == before)

            let saved = try await admin.post(
                "/admin/calendar/2026",
                [
                    ("source", "Thông báo thử nghiệm"),
                    ("extraDaysOff", "2026-03-04 | Nghỉ hoán đổi (thử) | Swapped day off (test)"),
                    ("makeUpWorkingDays", "2026-03-07"),
                ])
            #expect(saved.status == 303 && saved.location == "/admin/calendar/2026?notice=calendar_saved")
            // Wednesday is off now, Saturday is worked: due Friday 6 March 17:00. No restart.
            #expect(
                test.service.calendar.dueDate(for: limit, from: TestInstance.monday)
                    == Date(timeIntervalSince1970: 1_772_791_200))
            #expect(test.dependencies.calendar.isWorkingDay(LocalDate(year: 2026, month: 3, day: 7)))
            let shown = try await admin.get(saved.location!)
            #expect(
                shown.contains("Nghỉ hoán đổi (thử)") && shown.contains("04/03/2026") && shown.contains("07/03/2026"))
            let years = try await admin.get("/admin/calendar")
            #expect(years.contains("Thông báo thử nghiệm") && years.contains(#"href="/admin/calendar/2026""#))
            #expect(try await admin.get("/admin/calendar?year=1800").status == 422)
            #expect(try await admin.get("/admin/calendar?year=2027").location == "/admin/calendar/2027")

            // The saved decision is applied again when the instance opens.
            let reopened = try await Instance.open(
                folder: test.folder, configuration: test.instance.configuration, clock: test.clock.clock)
            #expect(
                reopened.service.calendar.dueDate(for: limit, from: TestInstance.monday)
                    == Date(timeIntervalSince1970: 1_772_791_200))
            await reopened.store.shutdown()
        }
    }

    @Test func targetsCanOnlyBeTightened() async throws {
        try await withWeb { test, _, browser in
            let admin = browser()
            try await admin.signIn("admin")
            let page = try await admin.get("/admin/targets?unit=\(Fixtures.justice)&year=2026")
            #expect(page.status == 200)
            // The national template for localities from 2025 on: 70 % of dossiers full online.
            #expect(page.contains("Hồ sơ trực tuyến toàn trình") && page.contains("70 %"))
            let loose = try await admin.post(
                "/admin/targets", [("unit", Fixtures.justice), ("year", "2026"), ("target_dossiers_full_online", "50")])
            #expect(loose.status == 422)
            #expect(loose.contains(#"id="target_dossiers_full_online-error""#))
            #expect(loose.contains("Chỉ tiêu không được thấp hơn chỉ tiêu được giao."))
            let typo = try await admin.post(
                "/admin/targets", [("unit", Fixtures.justice), ("year", "2026"), ("target_satisfaction", "120")])
            #expect(typo.status == 422 && typo.contains(#"id="target_satisfaction-error""#))

            let province = try await admin.post(
                "/admin/targets", [("unit", Fixtures.tenant), ("year", "2026"), ("target_dossiers_full_online", "80")])
            #expect(province.status == 303)
            let saved = try await admin.post(
                "/admin/targets",
                [("unit", Fixtures.justice), ("year", "2026"), ("target_dossiers_full_online", "92,5")])
            #expect(saved.location == "/admin/targets?unit=\(Fixtures.justice)&year=2026&notice=targets_saved")
            let book = try InstanceSettings.targets(from: try await test.store.setting(InstanceSettings.targetsKey))
            let tree = test.service.units.value
            #expect(
                book.effective(unit: Fixtures.justice, year: 2026, indicator: .dossiersFullOnline, tree: tree)?.value
                    == 0.925)
            // The province's 80 % now applies to every commune below it.
            #expect(
                book.effective(unit: Fixtures.communeA, year: 2026, indicator: .dossiersFullOnline, tree: tree)?.value
                    == 0.8)
            let shown = try await admin.get(saved.location!)
            #expect(shown.contains(#"value="92.5""#) && shown.contains("80 %") && shown.contains("Đã lưu chỉ tiêu."))
            let below = try await admin.post(
                "/admin/targets",
                [("unit", Fixtures.communeA), ("year", "2026"), ("target_dossiers_full_online", "75")])
            #expect(below.status == 422)
        }
    }
}
