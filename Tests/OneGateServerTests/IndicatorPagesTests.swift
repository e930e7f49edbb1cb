import Foundation
import OneGateCore
import OneGateTestSupport
import Testing

@testable import OneGateServer

/// The dashboard, its drill-down, the public statistics, the ledger (form 07) and the team view.
struct IndicatorPagesTests {
    @Test func theLeadersDashboardShowsFiguresTargetsTrendsAndCharts() async throws {
        try await withWeb { test, api, browser in
            let (finished, open) = try await IndicatorAPITests.walk(api)
            let leader = browser()
            try await leader.signIn("leader.a")
            let page = try await leader.get("/dashboard")
            #expect(page.status == 200)
            #expect(page.contains("Bảng điều hành chỉ số: Ủy ban nhân dân phường Hạ Long"))
            #expect(page.contains("Tháng 03/2026"))
            #expect(
                page.contains("<svg") && page.contains("role=\"img\"")
                    && page.contains("<title id=\"chart-series-title\">"))
            #expect(page.contains("<desc id=\"chart-series-desc\">"))
            #expect(page.contains("Đúng hạn") && page.contains("100.0%"))
            // Full-online dossiers: 0 of 3 against the 70 % national target for localities.
            #expect(page.contains("Chưa đạt") && page.contains("tag tag-overdue") && page.contains("-70.0 điểm %"))
            #expect(page.contains("chỉ tiêu quốc gia"))
            #expect(page.contains("— chưa có số liệu để so sánh"))
            #expect(page.contains("Đơn vị này không có đơn vị trực thuộc."))
            let drill = "/dashboard/dossiers?unit=\(Fixtures.communeA)&amp;period=2026-03&amp;indicator=on_time"
            #expect(page.body.contains(drill + "&amp;part=denominator"))
            #expect(
                page.body.contains("/api/v1/indicators?unit=\(Fixtures.communeA)&amp;period=2026-03&amp;format=csv"))
            #expect(page.body.contains("/api/v1/indicators/children?"))
            #expect(page.body.contains("/api/v1/indicators/series?"))
            #expect(page.contains("/dashboard/procedures?unit=\(Fixtures.communeA)"))

            let english = try await leader.get("/dashboard?lang=en")
            #expect(english.contains("Indicator dashboard") && english.contains("Timeliness"))

            let behind = try await leader.get(
                "/dashboard/dossiers?unit=\(Fixtures.communeA)&period=2026-03&indicator=on_time&part=denominator")
            #expect(behind.status == 200)
            #expect(behind.contains("3 hồ sơ") && behind.contains(finished) && open.allSatisfy(behind.contains))
            #expect(behind.contains("/work/dossiers/"))
            let unsupported = try await leader.get(
                "/dashboard/dossiers?unit=\(Fixtures.communeA)&period=2026-03&indicator=procedures_online")
            #expect(unsupported.status == 422)

            let procedures = try await leader.get("/dashboard/procedures?unit=\(Fixtures.communeA)&period=2026-03")
            #expect(procedures.status == 200 && procedures.contains("Đăng ký khai sinh"))
            #expect(procedures.body.contains("procedure=1.001193"))
            #expect(procedures.body.contains("/api/v1/indicators/procedures?"))

            // The province: children table with a bar chart, each child linking to its own dashboard.
            let admin = browser()
            try await admin.signIn("admin")
            let province = try await admin.get("/dashboard?period=2026-03&indicator=dossiers_online")
            #expect(province.status == 200)
            #expect(province.contains("Ủy ban nhân dân tỉnh Mẫu"))
            #expect(province.contains("<title id=\"chart-children-title\">Hồ sơ trực tuyến — Theo đơn vị trực thuộc"))
            #expect(province.body.contains("/dashboard?unit=\(Fixtures.communeA)&amp;period=2026-03"))
            #expect(province.contains("Ủy ban nhân dân xã Vân Đồn"))
            #expect(province.contains("Chỉ tiêu 50.0%"))
        }
    }

    @Test func dashboardsCheckWhoIsAsking() async throws {
        try await withWeb { test, api, browser in
            let anonymous = browser()
            let away = try await anonymous.get("/dashboard")
            #expect(away.status == 303 && away.location == "/sign-in?next=/dashboard")
            let citizen = browser()
            try await citizen.signIn("an")
            #expect(try await citizen.get("/dashboard").status == 403)
            #expect(try await citizen.get("/work/ledger").status == 403)
            let stranger = browser()
            try await stranger.signIn("reception.b")
            #expect(try await stranger.get("/dashboard?unit=\(Fixtures.communeA)").status == 403)
            #expect(try await stranger.get("/work/ledger?unit=\(Fixtures.communeA)").status == 403)
            #expect(try await stranger.get("/dashboard?unit=nope").status == 404)
            #expect(try await stranger.get("/dashboard?period=2026-13").status == 422)
            // The team view is for the unit's heads.
            #expect(try await stranger.get("/work/team").status == 403)
        }
    }

    @Test func publicStatisticsShowFiguresWithoutPeople() async throws {
        try await withWeb { test, api, browser in
            let (finished, open) = try await IndicatorAPITests.walk(api)
            let visitor = browser()
            let page = try await visitor.get("/statistics")
            #expect(page.status == 200)
            #expect(page.contains("Thống kê giải quyết thủ tục hành chính: Ủy ban nhân dân tỉnh Mẫu"))
            #expect(page.contains("Ủy ban nhân dân phường Hạ Long") && page.contains("Đúng hạn"))
            #expect(page.body.contains("href=\"/statistics\""))
            #expect(!page.contains("Nguyễn Văn An") && !page.contains("Cán bộ") && !page.contains(finished))
            #expect(!open.contains(where: page.contains) && !page.contains("022090001234"))
            let commune = try await visitor.get("/statistics?unit=\(Fixtures.communeA)&period=2026-03")
            #expect(commune.status == 200 && commune.contains("3") && commune.contains("Đơn vị này không có"))
            #expect(try await visitor.get("/statistics?unit=nope").status == 404)
        }
    }

    @Test func theLedgerAndTheTeamView() async throws {
        try await withWeb { test, api, browser in
            let (finished, open) = try await IndicatorAPITests.walk(api)
            let leader = browser()
            try await leader.signIn("leader.a")
            let ledger = try await leader.get("/work/ledger?unit=\(Fixtures.communeA)&period=2026-03")
            #expect(ledger.status == 200)
            #expect(ledger.contains("Sổ theo dõi hồ sơ (Mẫu số 07)") && ledger.contains("3 hồ sơ"))
            #expect(ledger.contains(finished) && open.allSatisfy(ledger.contains))
            #expect(ledger.contains("Nguyễn Văn An") && ledger.contains("Đăng ký khai sinh"))
            #expect(ledger.contains("Đã giải quyết (cấp kết quả)") && ledger.contains("Trước hạn"))
            let empty = try await leader.get("/work/ledger?unit=\(Fixtures.communeA)&period=2026-02")
            #expect(empty.contains("0 hồ sơ") && empty.contains("Không có hồ sơ nào."))

            // The unit's officers (and no one else's); the specialist holds nothing open any more.
            let team = try await leader.get("/work/team")
            #expect(team.status == 200)
            #expect(team.contains("Cán bộ specialist.a") && team.contains("Cán bộ clerk.a"))
            #expect(!team.contains("Cán bộ reception.b"))
            let specialistRow = try #require(
                team.first(#"Cán bộ specialist\.a</th>([\s\S]*?)</tr>"#))
            #expect(specialistRow.contains(">0<"))
            let reception = browser()
            try await reception.signIn("reception.a")
            #expect(try await reception.get("/work/team").status == 403)
        }
    }

    @Test func chartsEscapeEveryText() {
        let svg = IndicatorChart.bars(
            id: "x", title: "<script>alert(1)</script>", description: "a & b",
            bars: [IndicatorChart.Bar(label: "\"Đơn vị\" <b>", value: 0.5, display: "50.0%")], target: 0.7,
            targetLabel: "Chỉ tiêu", noData: "—")
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"))
        #expect(!svg.contains("<script>") && svg.contains("&lt;script&gt;") && svg.contains("a &amp; b"))
        #expect(svg.contains("&quot;Đơn vị&quot; &lt;b&gt;") && svg.contains("Chỉ tiêu 70.0%"))
        let columns = IndicatorChart.columns(
            id: "y", title: "T", description: "D",
            bars: [IndicatorChart.Bar(label: "03/26", value: nil, display: "—")], noData: "không có số liệu")
        #expect(columns.contains("không có số liệu") && columns.contains("role=\"img\""))
    }
}
