import Foundation
import Hummingbird
import OneGateCore

/// The leaders' dashboard of indicators and its drill-down (sub-units → procedures → the dossiers
/// behind a figure), and the public statistics page. Every table is one calculator call, and the
/// figures come from the same code as the API, which serves each table as CSV.
struct IndicatorPages {
    let web: Web

    var access: IndicatorAccess { IndicatorAccess(dependencies: web.dependencies) }

    static let dossierPageSize = 50
    /// The indicators of the sub-unit, procedure and public tables (the full list is on the dashboard).
    static let headline: [IndicatorID] = [
        .onTime, .dossiersOnline, .dossiersFullOnline, .digitisedAtReception, .resultsElectronic, .satisfaction,
    ]

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("dashboard", use: dashboard)
        router.get("dashboard/procedures", use: procedures)
        router.get("dashboard/dossiers", use: dossiers)
        router.get("statistics", use: statistics)
        IndicatorLedgerPages(web: web).addRoutes(to: router)
    }

    // MARK: - Dashboard

    @Sendable func dashboard(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let officer = try OfficerPages.requireStaff(web, visitor)
        let query = QueryText(request)
        let scope = try access.scope(unit: query["unit"], period: query["period"], officer: officer)
        let chosen =
            query["indicator"].flatMap(IndicatorID.init(rawValue:)).flatMap {
                Self.charted.contains($0) ? $0 : nil
            } ?? .onTime
        let calculator = try await access.calculator()
        let now = access.now
        let report = try await calculator.report(unit: scope.unit, period: scope.period, now: now)
        let previous = try await calculator.report(unit: scope.unit, period: scope.period.shifted(by: -1), now: now)
        let children = try await calculator.reportsOfChildren(unit: scope.unit, period: scope.period, now: now)
        let lastMonth = scope.resolved.months.last ?? MonthKey(scope.resolved.lastDay)
        let months = (0..<12).reversed().map { lastMonth.adding(months: -$0) }
        let monthly = try await calculator.monthlyReports(unit: scope.unit, months: months, now: now)
        let series: [(MonthKey, IndicatorValue?)] = zip(months, monthly).map { ($0, $1[chosen]) }

        let links = Links(unit: scope.unit, period: scope.periodKey)
        let rows = IndicatorAccess.ordered(report.values).map { value in
            figureRow(
                value, comparison: report.targets[value.indicator], previous: previous[value.indicator],
                visitor: visitor, links: links)
        }
        let unitName = access.unitName(scope.unit, visitor.language)
        let periodText = Self.periodLabel(scope.period, visitor)
        let label = visitor.text(chosen.label)

        let childBars = children.map { child in
            IndicatorChart.Bar(
                label: access.unitName(child.unit, visitor.language), value: child[chosen]?.value,
                display: child[chosen]?.display ?? "—")
        }
        let target = report.targets[chosen]?.target.value
        let childrenChart = IndicatorChart.bars(
            id: "chart-children", title: "\(label) — \(visitor.text("ind_children_title")) — \(periodText)",
            description: childBars.map { "\($0.label): \($0.display)" }.joined(separator: "; "), bars: childBars,
            target: target, targetLabel: visitor.text("ind_target"), noData: visitor.text("ind_no_data_short"))
        let seriesBars = series.map { month, value in
            IndicatorChart.Bar(
                label: String(format: "%02d/%02d", month.month, month.year % 100), value: value?.value,
                display: value?.display ?? "—")
        }
        let seriesChart = IndicatorChart.columns(
            id: "chart-series", title: "\(label) — \(visitor.text("ind_series_title")) — \(unitName)",
            description: seriesBars.map { "\($0.label): \($0.display)" }.joined(separator: "; "), bars: seriesBars,
            noData: visitor.text("ind_no_data_short"))

        let score = report.score
        var data: [String: Any] = [
            "unitName": unitName, "unitCode": scope.unit, "periodLabel": periodText,
            "asOf": web.dateTime(report.asOf), "widened": false,
            "units": unitOptions(Array(access.visibleUnits(of: officer)), selected: scope.unit, visitor: visitor),
            "periods": Self.periodOptions(
                selected: scope.periodKey, today: access.calendar.localDate(of: now), visitor),
            "indicatorOptions": Self.charted.map {
                ["value": $0.rawValue, "label": visitor.text($0.label), "selected": $0 == chosen] as [String: Any]
            },
            "rows": rows,
            "score": String(format: "%.1f", score.points), "scoreOutOf": String(format: "%.0f", score.scoredMaximum),
            "scoreComputable": String(format: "%.0f", score.computableMaximum),
            "timeliness": timelinessFacts(report.timeliness, visitor: visitor),
            "chosenLabel": label,
            "childrenChart": childrenChart, "hasChildren": !children.isEmpty,
            "childrenHeader": Self.headline.map { ["label": visitor.text($0.label)] },
            "children": children.map { child in
                [
                    "name": access.unitName(child.unit, visitor.language), "code": child.unit,
                    "href": "/dashboard?unit=\(Web.queryEscape(child.unit))&period=\(scope.periodKey)"
                        + "&indicator=\(chosen.rawValue)",
                    "cells": Self.headline.map { id in
                        [
                            "label": visitor.text(id.label), "value": child[id]?.display ?? "—",
                            "status": child.targets[id].map { visitor.text(Self.statusKey($0.status)) } ?? "",
                        ]
                    },
                    "score": String(format: "%.1f", child.score.points),
                ] as [String: Any]
            },
            "seriesChart": seriesChart,
            "series": series.map { month, value in
                [
                    "month": String(format: "%02d/%04d", month.month, month.year), "value": value?.display ?? "—",
                    "parts": value.map { "\($0.numerator)/\($0.denominator)" } ?? "",
                ]
            },
            "proceduresHref": "/dashboard/procedures?\(links.query)",
            "ledgerHref": "/work/ledger?\(links.query)",
            "teamHref": "/work/team?unit=\(Web.queryEscape(scope.unit))",
            "csvReport": "/api/v1/indicators?\(links.query)&format=csv&lang=\(visitor.language.rawValue)",
            "csvChildren": "/api/v1/indicators/children?\(links.query)&format=csv&lang=\(visitor.language.rawValue)",
            "csvSeries": "/api/v1/indicators/series?unit=\(Web.queryEscape(scope.unit))"
                + "&from=\(series.first?.0.description ?? "")&to=\(lastMonth.description)&format=csv"
                + "&lang=\(visitor.language.rawValue)",
        ]
        if let parent = access.tree[scope.unit]?.parent, access.visibleUnits(of: officer).contains(parent) {
            data["parentHref"] = "/dashboard?unit=\(Web.queryEscape(parent))&period=\(scope.periodKey)"
            data["parentName"] = access.unitName(parent, visitor.language)
        }
        return web.page(
            "indicator-dashboard", title: "\(visitor.text("ind_dashboard_title")) — \(unitName)", visitor: visitor,
            data: data)
    }

    /// The indicators a chart can show: the shares of dossiers (the catalogue ones hardly move by month).
    static let charted: [IndicatorID] = IndicatorAccess.drillable

    /// The URL pieces of a unit and period.
    struct Links {
        var unit: String
        var period: String
        var query: String { "unit=\(Web.queryEscape(unit))&period=\(Web.queryEscape(period))" }

        func dossiers(_ indicator: IndicatorID, _ part: IndicatorAccess.Part, procedure: String? = nil) -> String {
            "/dashboard/dossiers?\(query)&indicator=\(indicator.rawValue)&part=\(part.rawValue)"
                + (procedure.map { "&procedure=\(Web.queryEscape($0))" } ?? "")
        }
    }

    /// One indicator's row: value with its parts (each linked to the dossiers behind it), target, gap,
    /// status in words and as a tag, and the trend against the previous period.
    private func figureRow(
        _ value: IndicatorValue, comparison: TargetComparison?, previous: IndicatorValue?, visitor: Visitor,
        links: Links
    ) -> [String: Any] {
        var row: [String: Any] = [
            "label": visitor.text(value.indicator.label), "id": value.indicator.rawValue, "value": value.display,
            "numerator": value.numerator, "denominator": value.denominator,
        ]
        if IndicatorAccess.drillable.contains(value.indicator) {
            row["numeratorHref"] = links.dossiers(value.indicator, .numerator)
            row["denominatorHref"] = links.dossiers(value.indicator, .denominator)
        }
        if let comparison {
            row["target"] = IndicatorValue.percent(comparison.target.value)
            row["gap"] =
                comparison.gapPoints.map { String(format: "%+.1f", $0) + " " + visitor.text("ind_points") } ?? ""
            row["status"] = visitor.text(Self.statusKey(comparison.status))
            row["statusClass"] = Self.statusClass(comparison.status)
            row["origin"] = {
                switch comparison.target.origin {
                case .national: return visitor.text("ind_origin_national")
                case .unit(let code):
                    return "\(visitor.text("ind_origin_unit")) \(access.unitName(code, visitor.language))"
                }
            }()
        }
        row["trend"] = Self.trend(value.value, previous?.value, visitor: visitor)
        return row
    }

    static func trend(_ now: Double?, _ before: Double?, visitor: Visitor) -> String {
        guard let now, let before else { return visitor.text("ind_trend_none") }
        let points = (now - before) * 100
        if abs(points) < 0.05 { return "→ " + visitor.text("ind_trend_same") }
        let amount = String(format: "%.1f", abs(points)) + " " + visitor.text("ind_points")
        return points > 0
            ? "↑ \(visitor.text("ind_trend_up")) \(amount)" : "↓ \(visitor.text("ind_trend_down")) \(amount)"
    }

    static func statusKey(_ status: TargetStatus) -> String {
        switch status {
        case .met: "ind_status_met"
        case .close: "ind_status_close"
        case .behind: "ind_status_behind"
        case .noData: "ind_status_no_data"
        }
    }

    static func statusClass(_ status: TargetStatus) -> String {
        switch status {
        case .met: "tag-online"
        case .close: "tag-today"
        case .behind: "tag-overdue"
        case .noData: "tag-muted"
        }
    }

    private func timelinessFacts(_ parts: IndicatorFormulas.TimelinessParts, visitor: Visitor) -> [[String: Any]] {
        [
            ("ind_t_received", parts.received), ("ind_t_withdrawn", parts.withdrawn), ("ind_t_early", parts.early),
            ("ind_t_on_time", parts.finishedOnTime), ("ind_t_late", parts.finishedLate), ("ind_t_open", parts.open),
            ("ind_t_open_past_due", parts.openPastDue),
        ].map { ["label": visitor.text($0.0), "value": $0.1] }
    }

    // MARK: - By procedure

    @Sendable func procedures(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let officer = try OfficerPages.requireStaff(web, visitor)
        let query = QueryText(request)
        let scope = try access.scope(unit: query["unit"], period: query["period"], officer: officer)
        let calculator = try await access.calculator()
        let figures = try await calculator.figuresByProcedure(unit: scope.unit, period: scope.period, now: access.now)
        let names = Dictionary(calculator.catalogue.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let links = Links(unit: scope.unit, period: scope.periodKey)
        let rows = figures.keys.sorted().map { code -> [String: Any] in
            let values = figures[code] ?? [:]
            return [
                "code": code, "name": names[code].map(visitor.text) ?? code,
                "received": values[.dossiersOnline]?.denominator ?? 0,
                "receivedHref": links.dossiers(.dossiersOnline, .denominator, procedure: code),
                "cells": Self.headline.map { id -> [String: Any] in
                    var cell: [String: Any] = ["label": visitor.text(id.label), "value": values[id]?.display ?? "—"]
                    if let value = values[id], value.numerator > 0 {
                        cell["href"] = links.dossiers(id, .numerator, procedure: code)
                    }
                    return cell
                },
            ]
        }
        let unitName = access.unitName(scope.unit, visitor.language)
        return web.page(
            "indicator-procedures", title: "\(visitor.text("ind_procedures_title")) — \(unitName)", visitor: visitor,
            data: [
                "unitName": unitName, "periodLabel": Self.periodLabel(scope.period, visitor), "rows": rows,
                "hasRows": !rows.isEmpty, "header": Self.headline.map { ["label": visitor.text($0.label)] },
                "dashboardHref": "/dashboard?\(links.query)",
                "csvHref": "/api/v1/indicators/procedures?\(links.query)&format=csv&lang=\(visitor.language.rawValue)",
            ])
    }

    // MARK: - Dossiers behind a figure

    @Sendable func dossiers(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let officer = try OfficerPages.requireStaff(web, visitor)
        let query = QueryText(request)
        let scope = try access.scope(unit: query["unit"], period: query["period"], officer: officer)
        let question = try IndicatorAccess.drillQuestion(query)
        let page = max(1, min(100_000, Int(query["page"] ?? "1") ?? 1))
        let found = try await access.dossiersBehind(question, scope: scope)
        let catalogue = try await web.dependencies.catalogue.current(store: web.store, tenant: web.dependencies.tenant)
        let names = Dictionary(catalogue.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let presenter = DossierPresenter(web: web, visitor: visitor)
        let slice = found.dropFirst((page - 1) * Self.dossierPageSize).prefix(Self.dossierPageSize)
        let rows = slice.map { dossier -> [String: Any] in
            [
                "href": "/work/dossiers/\(dossier.id)", "code": dossier.publicIdentifier,
                "procedure": names[dossier.procedureCode].map(visitor.text) ?? dossier.procedureCode,
                "unit": presenter.unitName(dossier.competentUnit), "receivedAt": web.dateTime(dossier.receivedAt),
                "dueAt": web.dateTime(dossier.dueAt), "finishedAt": web.dateTime(dossier.finishedAt),
                "state": visitor.text(dossier.state.label),
                "timeliness": dossier.timeliness.map { visitor.text(DossierPresenter.timelinessLabel($0)) } ?? "",
            ]
        }
        let links = Links(unit: scope.unit, period: scope.periodKey)
        var base =
            "/dashboard/dossiers?\(links.query)&indicator=\(question.indicator.rawValue)"
            + "&part=\(question.part.rawValue)"
        if let procedure = question.procedure { base += "&procedure=\(Web.queryEscape(procedure))" }
        let unitName = access.unitName(scope.unit, visitor.language)
        var data: [String: Any] = [
            "indicator": visitor.text(question.indicator.label),
            "part": visitor.text(question.part == .numerator ? "ind_part_numerator" : "ind_part_denominator"),
            "unitName": unitName, "periodLabel": Self.periodLabel(scope.period, visitor), "total": found.count,
            "rows": rows, "hasRows": !rows.isEmpty,
            "dashboardHref": "/dashboard?\(links.query)",
            "csvHref": "/api/v1/indicators/dossiers?\(base.split(separator: "?", maxSplits: 1).last ?? "")"
                + "&format=csv&lang=\(visitor.language.rawValue)",
            "pagination": Pagination(page: page, pageSize: Self.dossierPageSize, total: found.count, base: base + "&")
                .values(visitor),
        ]
        if let procedure = question.procedure {
            data["procedure"] = names[procedure].map(visitor.text) ?? procedure
        }
        return web.page(
            "indicator-dossiers", title: "\(visitor.text("ind_dossiers_title")) — \(data["indicator"] ?? "")",
            visitor: visitor, data: data)
    }

    // MARK: - Public statistics

    /// Headline figures of any unit and of its sub-units, for anyone: aggregates only, no dossier,
    /// person or officer appears.
    @Sendable func statistics(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let query = QueryText(request)
        let tree = access.tree
        guard let root = tree.roots.sorted(by: { $0.code < $1.code }).first?.code else {
            throw OneGateError.notFound("unit")
        }
        let unit = query["unit"].flatMap { $0.isEmpty ? nil : $0 } ?? root
        guard tree[unit] != nil else { throw OneGateError.notFound("unit") }
        let scope = try access.scope(unit: unit, period: query["period"])
        let calculator = try await access.calculator()
        let now = access.now
        let report = try await calculator.report(unit: unit, period: scope.period, now: now)
        let children = try await calculator.reportsOfChildren(unit: unit, period: scope.period, now: now)
        let today = access.calendar.localDate(of: now)
        let unitName = access.unitName(unit, visitor.language)
        let headline = Self.headline.compactMap { id -> [String: Any]? in
            guard let value = report[id] else { return nil }
            var row: [String: Any] = [
                "label": visitor.text(id.label), "value": value.display, "numerator": value.numerator,
                "denominator": value.denominator,
            ]
            if let comparison = report.targets[id] {
                row["target"] = IndicatorValue.percent(comparison.target.value)
                row["status"] = visitor.text(Self.statusKey(comparison.status))
                row["statusClass"] = Self.statusClass(comparison.status)
            }
            return row
        }
        let activeUnits = tree.units.values.filter { $0.isActive(on: today) || $0.code == unit }.map(\.code)
        var data: [String: Any] = [
            "unitName": unitName, "periodLabel": Self.periodLabel(scope.period, visitor),
            "units": unitOptions(activeUnits, selected: unit, visitor: visitor),
            "periods": Self.periodOptions(selected: scope.periodKey, today: today, visitor),
            "headline": headline, "received": report.timeliness.received,
            "score": String(format: "%.1f", report.score.points),
            "scoreOutOf": String(format: "%.0f", report.score.scoredMaximum),
            "hasChildren": !children.isEmpty,
            "header": Self.headline.map { ["label": visitor.text($0.label)] },
            "children": children.filter { tree[$0.unit]?.isActive(on: today) == true || $0.timeliness.received > 0 }
                .map { child in
                    [
                        "name": access.unitName(child.unit, visitor.language),
                        "href": "/statistics?unit=\(Web.queryEscape(child.unit))&period=\(scope.periodKey)",
                        "received": child.timeliness.received,
                        "cells": Self.headline.map { id in
                            ["label": visitor.text(id.label), "value": child[id]?.display ?? "—"]
                        },
                    ] as [String: Any]
                },
        ]
        if let parent = tree[unit]?.parent {
            data["parentHref"] = "/statistics?unit=\(Web.queryEscape(parent))&period=\(scope.periodKey)"
            data["parentName"] = access.unitName(parent, visitor.language)
        }
        return web.page(
            "indicator-statistics", title: "\(visitor.text("ind_statistics_title")) — \(unitName)", visitor: visitor,
            data: data)
    }

    // MARK: - Choices

    /// The units of a select, in tree order, indented by depth.
    func unitOptions(_ codes: [String], selected: String, visitor: Visitor) -> [[String: Any]] {
        let tree = access.tree
        let wanted = Set(codes)
        var ordered: [(String, Int)] = []
        func visit(_ code: String, _ depth: Int) {
            if wanted.contains(code) { ordered.append((code, depth)) }
            for child in tree.children(of: code).sorted(by: { $0.code < $1.code }) { visit(child.code, depth + 1) }
        }
        for root in tree.roots.sorted(by: { $0.code < $1.code }) { visit(root.code, 0) }
        return ordered.map { code, depth in
            [
                "value": code, "selected": code == selected,
                "label": String(repeating: "— ", count: depth) + access.unitName(code, visitor.language),
            ]
        }
    }

    /// The periods of a select: the last twelve months, five quarters and three years, and the period
    /// shown if it is none of them.
    static func periodOptions(selected: String, today: LocalDate, _ visitor: Visitor) -> [[String: Any]] {
        let month = MonthKey(today)
        let quarter = ReportPeriod.quarter(year: today.year, quarter: (today.month - 1) / 3 + 1)
        var periods: [ReportPeriod] = (0..<12).map {
            let key = month.adding(months: -$0)
            return .month(year: key.year, month: key.month)
        }
        periods += (0..<5).map { quarter.shifted(by: -$0) }
        periods += (0..<3).map { .year(today.year - $0) }
        if let chosen = try? IndicatorAccess.parsePeriod(selected), !periods.contains(chosen) {
            periods.insert(chosen, at: 0)
        }
        return periods.map { period in
            let key = IndicatorAccess.key(period)
            return ["value": key, "label": periodLabel(period, visitor), "selected": key == selected]
        }
    }

    /// "Tháng 03/2026", "Quý 1/2026", "Năm 2026".
    static func periodLabel(_ period: ReportPeriod, _ visitor: Visitor) -> String {
        switch period {
        case .month(let year, let month): visitor.text("ind_month") + String(format: " %02d/%04d", month, year)
        case .quarter(let year, let quarter): "\(visitor.text("ind_quarter")) \(quarter)/\(year)"
        case .year(let year): "\(visitor.text("ind_year")) \(year)"
        case .range(let from, let to): "\(from) – \(to)"
        }
    }
}
