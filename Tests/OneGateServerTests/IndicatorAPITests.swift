import Foundation
import HTTPTypes
import OneGateCore
import OneGateTestSupport
import Testing

@testable import OneGateServer

/// The indicator API over real dossiers: figures against hand-computed values, CSV, drill-down and
/// who may read what.
struct IndicatorAPITests {
    /// A birth registration received at commune A's counter through the API, returned with its id and code.
    static func receive(_ api: APIClient, token: String, name: String) async throws -> (String, String) {
        let answer = try await api.request(
            .post, "/api/v1/counter/dossiers", token: token,
            json: """
                {"procedureCode":"1.001193","receivingUnit":"\(Fixtures.communeA)",
                 "competentUnit":"\(Fixtures.communeA)",
                 "data":{"child_name":"\(name)","date_of_birth":"2026-02-28"},
                 "components":[{"requirement":"birth_notice","digitised":true}],
                 "applicant":{"identifier":"022090001234","fullName":"Nguyễn Văn An"}}
                """)
        guard answer.status == 201, let id = answer.json["id"]?.stringValue,
            let code = answer.json["code"]?.stringValue
        else { throw TestFailure("counter reception failed: \(answer.status) \(answer.json)") }
        return (id, code)
    }

    /// Three dossiers received on Monday 2 March 2026 at commune A; the first taken to its result
    /// the same day (early), the other two left open (due after three working days).
    static func walk(_ api: APIClient) async throws -> (finished: String, open: [String]) {
        let reception = try await api.login("reception.a")
        let (first, firstCode) = try await receive(api, token: reception, name: "Nguyễn Thị Hoa")
        let (_, second) = try await receive(api, token: reception, name: "Trần Văn Bình")
        let (_, third) = try await receive(api, token: reception, name: "Lê Thị Cúc")
        #expect(
            try await api.act(first, "assign", token: reception, json: #"{"officerId":"officer-specialist.a"}"#).status
                == 200)
        let specialist = try await api.login("specialist.a")
        #expect(
            try await api.act(first, "submit_for_approval", token: specialist, json: #"{"summary":"Đề nghị cấp"}"#)
                .status == 200)
        #expect(try await api.act(first, "approve", token: try await api.login("leader.a")).status == 200)
        let issued = try await api.act(
            first, "issue", token: try await api.login("clerk.a"), json: #"{"resultNumber":"1/KS"}"#)
        #expect(issued.json["state"] == "processed", "\(issued.json)")
        return (firstCode, [second, third])
    }

    static func figure(_ json: JSONValue, _ id: String) -> JSONValue? {
        guard case .array(let list)? = json["indicators"] else { return nil }
        return list.first { $0["id"]?.stringValue == id }
    }

    static func share(_ value: JSONValue?) -> Double? {
        switch value {
        case .int(let number)?: Double(number)
        case .double(let number)?: number
        default: nil
        }
    }

    static func codes(_ json: JSONValue) -> Set<String> {
        guard case .array(let items)? = json["items"] else { return [] }
        return Set(items.compactMap { $0["code"]?.stringValue })
    }

    @Test func figuresMatchTheDossiersWalkedThroughTheAPI() async throws {
        try await withAPI { test, api in
            let (finished, open) = try await Self.walk(api)
            var leader = try await api.login("leader.a")
            let march = "/api/v1/indicators?unit=\(Fixtures.communeA)&period=2026-03"

            // While the period runs, nothing is past due: 1 finished early + 2 open in time, of 3.
            let now = try await api.request(.get, march, token: leader)
            #expect(now.status == 200, "\(now.json)")
            #expect(now.json["period"]?["key"] == "2026-03" && now.json["period"]?["from"] == "2026-03-01")
            #expect(now.json["timeliness"]?["received"] == 3 && now.json["timeliness"]?["finishedOnTime"] == 0)
            #expect(now.json["timeliness"]?["early"] == 1 && now.json["timeliness"]?["open"] == 2)
            let onTime = try #require(Self.figure(now.json, "on_time"))
            #expect(onTime["numerator"] == 3 && onTime["denominator"] == 3 && Self.share(onTime["value"]) == 1)
            let online = try #require(Self.figure(now.json, "dossiers_online"))
            #expect(online["numerator"] == 0 && online["denominator"] == 3)
            let electronic = try #require(Self.figure(now.json, "results_electronic"))
            #expect(electronic["numerator"] == 1 && electronic["denominator"] == 1)
            let fullOnline = try #require(Self.figure(now.json, "dossiers_full_online"))
            #expect(Self.share(fullOnline["target"]?["value"]) == 0.7 && fullOnline["status"] == "behind")
            #expect(Self.share(now.json["score"]?["maximum"]) == 100)

            // Past the due moment (three working days), the two open dossiers are late.
            test.clock.set(TestInstance.monday.addingTimeInterval(10 * 86_400))
            leader = try await api.login("leader.a")  // sessions last 8 hours
            let later = try await api.request(.get, march, token: leader)
            #expect(later.json["timeliness"]?["openPastDue"] == 2)
            let lateOnTime = try #require(Self.figure(later.json, "on_time"))
            #expect(lateOnTime["numerator"] == 1 && lateOnTime["denominator"] == 3)
            let late = try #require(Self.figure(later.json, "late"))
            #expect(late["numerator"] == 2 && late["denominator"] == 3)

            // The dossiers behind the figures add up to them.
            let behindLate = try await api.request(
                .get, "/api/v1/indicators/dossiers?unit=\(Fixtures.communeA)&period=2026-03&indicator=late",
                token: leader)
            #expect(behindLate.status == 200, "\(behindLate.json)")
            #expect(behindLate.json["total"] == 2 && Self.codes(behindLate.json) == Set(open))
            let behindOnTime = try await api.request(
                .get, "/api/v1/indicators/dossiers?unit=\(Fixtures.communeA)&period=2026-03&indicator=on_time",
                token: leader)
            #expect(Self.codes(behindOnTime.json) == [finished])
            let denominator = try await api.request(
                .get,
                "/api/v1/indicators/dossiers?unit=\(Fixtures.communeA)&period=2026-03&indicator=on_time"
                    + "&part=denominator&limit=2",
                token: leader)
            #expect(denominator.json["total"] == 3 && Self.codes(denominator.json).count == 2)
            let unsupported = try await api.request(
                .get, "/api/v1/indicators/dossiers?unit=\(Fixtures.communeA)&period=2026-03&indicator=score_766",
                token: leader)
            #expect(unsupported.status == 422 && unsupported.errorCode == "drill_down_unsupported")

            // By sub-unit, by procedure, by month.
            let admin = try await api.login("admin")
            let children = try await api.request(
                .get, "/api/v1/indicators/children?unit=\(Fixtures.tenant)&period=2026-Q1", token: admin)
            #expect(children.status == 200, "\(children.json)")
            guard case .array(let rows)? = children.json["children"] else { throw TestFailure("no children") }
            let communeA = try #require(rows.first { $0["unit"]?["code"]?.stringValue == Fixtures.communeA })
            #expect(Self.figure(communeA, "on_time")?["denominator"] == 3)
            let communeB = try #require(rows.first { $0["unit"]?["code"]?.stringValue == Fixtures.communeB })
            #expect(Self.figure(communeB, "on_time")?["denominator"] == 0)
            #expect(Self.figure(communeB, "on_time")?["value"] == nil)

            let procedures = try await api.request(
                .get, "/api/v1/indicators/procedures?unit=\(Fixtures.tenant)&period=2026", token: admin)
            guard case .array(let byProcedure)? = procedures.json["procedures"] else {
                throw TestFailure("no procedures: \(procedures.json)")
            }
            #expect(byProcedure.count == 1 && byProcedure.first?["code"] == "1.001193")
            #expect(byProcedure.first?["name"]?["vi"] == "Đăng ký khai sinh")
            #expect(Self.figure(try #require(byProcedure.first), "late")?["numerator"] == 2)

            let series = try await api.request(
                .get, "/api/v1/indicators/series?unit=\(Fixtures.communeA)&from=2026-01&to=2026-03", token: leader)
            guard case .array(let months)? = series.json["months"] else { throw TestFailure("no series") }
            #expect(months.map { $0["month"]?.stringValue } == ["2026-01", "2026-02", "2026-03"])
            #expect(Self.figure(months[2], "on_time")?["denominator"] == 3)
            #expect(Self.figure(months[0], "on_time")?["denominator"] == 0)

            // Defaults: the leader's own unit and this month.
            let defaults = try await api.request(.get, "/api/v1/indicators", token: leader)
            #expect(defaults.json["unit"]?["code"]?.stringValue == Fixtures.communeA)
            #expect(defaults.json["period"]?["key"] == "2026-03")
        }
    }

    @Test func csvDownloadsHaveAHeaderQuotingAndABOM() async throws {
        try await withAPI { test, api in
            _ = try await Self.walk(api)
            let leader = try await api.login("leader.a")
            let csv = try await api.request(
                .get, "/api/v1/indicators?unit=\(Fixtures.communeA)&period=2026-03&format=csv", token: leader)
            #expect(csv.status == 200)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition]?.contains("attachment; filename=\"indicators-") == true)
            #expect(csv.bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            let text = String(decoding: csv.bytes.dropFirst(3), as: UTF8.self)
            let lines = text.components(separatedBy: "\r\n")
            #expect(lines.first == "unit_code,unit_name,period," + IndicatorCSV.figureHeader.joined(separator: ","))
            #expect(lines.last == "")
            let onTime = try #require(lines.first { $0.contains(",on_time,") })
            #expect(
                onTime == "\(Fixtures.communeA),Ủy ban nhân dân phường Hạ Long,2026-03,on_time,Đúng hạn,3,3,100.0,,,")
            #expect(lines.count == 1 + 14 + 1)

            let english = try await api.request(
                .get,
                "/api/v1/indicators/dossiers?unit=\(Fixtures.communeA)&period=2026-03&indicator=on_time"
                    + "&part=denominator&format=csv&lang=en", token: leader)
            let rows = String(decoding: english.bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
            #expect(rows.first?.hasPrefix("code,procedure_code,procedure_name,") == true)
            #expect(rows.count == 1 + 3 + 1 && rows[1].contains(",1.001193,Birth registration,"))

            // RFC 4180 quoting, and no formula a spreadsheet would run.
            #expect(IndicatorCSV.field("Sở Tư pháp") == "Sở Tư pháp")
            #expect(IndicatorCSV.field("Hạ Long, Quảng Ninh") == "\"Hạ Long, Quảng Ninh\"")
            #expect(IndicatorCSV.field("Phường \"Mới\"") == "\"Phường \"\"Mới\"\"\"")
            #expect(IndicatorCSV.field("dòng 1\ndòng 2") == "\"dòng 1\ndòng 2\"")
            #expect(IndicatorCSV.field("=SUM(A1)") == "'=SUM(A1)" && IndicatorCSV.field("-12.5") == "-12.5")
            let bad = try await api.request(
                .get, "/api/v1/indicators?unit=\(Fixtures.communeA)&format=xml", token: leader)
            #expect(bad.status == 422 && bad.json["error"]?["details"]?["field"] == "format")
        }
    }

    @Test func onlyOfficersOfTheUnitOrAboveMayRead() async throws {
        try await withAPI { test, api in
            let path = "/api/v1/indicators?unit=\(Fixtures.communeA)&period=2026-03"
            #expect(try await api.request(.get, path).status == 401)
            #expect(try await api.request(.get, path, token: try await api.login("an")).status == 403)
            let stranger = try await api.login("reception.b")
            #expect(try await api.request(.get, path, token: stranger).status == 403)
            #expect(
                try await api.request(.get, "/api/v1/indicators/children?unit=\(Fixtures.tenant)", token: stranger)
                    .status == 403)
            #expect(
                try await api.request(
                    .get, "/api/v1/indicators/dossiers?unit=\(Fixtures.communeA)&indicator=late", token: stranger
                ).status == 403)
            #expect(
                try await api.request(.get, "/api/v1/indicators?unit=\(Fixtures.communeB)", token: stranger).status
                    == 200)
            #expect(try await api.request(.get, path, token: try await api.login("auditor")).status == 200)
            #expect(try await api.request(.get, path, token: try await api.login("admin")).status == 200)
            let unknown = try await api.request(.get, "/api/v1/indicators?unit=999.99.99.H40", token: stranger)
            #expect(unknown.status == 404)
            for bad in ["2026-13", "2026-Q5", "26", "1800", "2026-3"] {
                let answer = try await api.request(
                    .get, "/api/v1/indicators?unit=\(Fixtures.communeB)&period=\(bad)", token: stranger)
                #expect(answer.status == 422 && answer.json["error"]?["details"]?["field"] == "period", "\(bad)")
            }
            let long = try await api.request(
                .get, "/api/v1/indicators/series?unit=\(Fixtures.communeB)&from=2020-01&to=2026-03", token: stranger)
            #expect(long.status == 422)
            // The session cookie of the web pages is enough for these reads (CSV links on the dashboard).
            let token = try await api.login("leader.a")
            let cookie = try await api.request(
                .get, path, headers: [.cookie: "\(AuthenticationMiddleware.cookieName)=\(token)"])
            #expect(cookie.status == 200)
        }
    }

    @Test func theOpenAPIDocumentDescribesTheIndicatorEndpoints() async throws {
        let document = try JSONDecoder().decode(JSONValue.self, from: Data(OpenAPIDocument.json.utf8))
        for path in [
            "/api/v1/indicators", "/api/v1/indicators/children", "/api/v1/indicators/procedures",
            "/api/v1/indicators/series", "/api/v1/indicators/dossiers",
        ] {
            let operation = try #require(document["paths"]?[path]?["get"], "\(path)")
            for status in ["200", "401", "403", "404", "422"] {
                #expect(operation["responses"]?[status] != nil, "\(path) \(status)")
            }
            #expect(operation["responses"]?["200"]?["content"]?["text/csv"] != nil, "\(path)")
        }
    }
}
