import Foundation
import Hummingbird
import NIOCore
import OneGateCore

/// The indicators over the API: a unit's report, its breakdown by sub-unit and by procedure, a monthly
/// series, and the dossiers behind a figure; each as JSON or, with `format=csv`, as a CSV download.
/// Officers read the units within the subtrees of their roles (a role at the province covers all).
struct IndicatorController {
    let dependencies: AppDependencies

    var access: IndicatorAccess { IndicatorAccess(dependencies: dependencies) }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("indicators", use: report)
        group.get("indicators/children", use: children)
        group.get("indicators/procedures", use: procedures)
        group.get("indicators/series", use: series)
        group.get("indicators/dossiers", use: dossiers)
    }

    /// The officer asking, the unit (default: their highest) and the period (default: this month).
    private func scope(_ request: Request, _ context: AppRequestContext) throws -> IndicatorScope {
        let officer = try IndicatorAccess.requireStaff(context.requirePrincipal())
        let query = QueryText(request)
        _ = try Self.format(query)
        return try access.scope(unit: query["unit"], period: query["period"], officer: officer)
    }

    private static func format(_ query: QueryText) throws -> Bool {
        switch query["format"] {
        case nil, "json": return false
        case "csv": return true
        default:
            throw OneGateError.invalid(
                field: "format", vi: "Định dạng phải là json hoặc csv.", en: "format must be json or csv.")
        }
    }

    private static func language(_ query: QueryText) throws -> Language {
        guard let text = query["lang"] else { return .vi }
        guard let language = Language(rawValue: text) else {
            throw OneGateError.invalid(field: "lang", vi: "Ngôn ngữ phải là vi hoặc en.", en: "lang must be vi or en.")
        }
        return language
    }

    @Sendable func report(_ request: Request, context: AppRequestContext) async throws -> Response {
        let scope = try scope(request, context)
        let query = QueryText(request)
        let calculator = try await access.calculator()
        let report = try await calculator.report(unit: scope.unit, period: scope.period, now: access.now)
        let view = IndicatorReportView(report, tree: calculator.tree, key: scope.periodKey)
        guard try Self.format(query) else { return try JSONBody.response(view) }
        let language = try Self.language(query)
        let name = access.unitName(scope.unit, language)
        let rows = view.indicators.map { value in
            [scope.unit, name, scope.periodKey] + IndicatorCSV.figure(value, language: language)
        }
        return IndicatorCSV.response(
            header: ["unit_code", "unit_name", "period"] + IndicatorCSV.figureHeader, rows: rows,
            filename: "indicators-\(scope.unit)-\(scope.periodKey)")
    }

    @Sendable func children(_ request: Request, context: AppRequestContext) async throws -> Response {
        let scope = try scope(request, context)
        let query = QueryText(request)
        let calculator = try await access.calculator()
        let reports = try await calculator.reportsOfChildren(unit: scope.unit, period: scope.period, now: access.now)
        let view = IndicatorChildrenView(
            unit: UnitView(scope.unit, tree: calculator.tree), period: PeriodView(key: scope.periodKey, scope.resolved),
            children: reports.map { IndicatorRowView($0, tree: calculator.tree) })
        guard try Self.format(query) else { return try JSONBody.response(view) }
        let language = try Self.language(query)
        var rows: [[String]] = []
        for child in view.children {
            for value in child.indicators {
                rows.append(
                    [child.unit.code, child.unit.name.text(language), scope.periodKey]
                        + IndicatorCSV.figure(value, language: language))
            }
        }
        return IndicatorCSV.response(
            header: ["unit_code", "unit_name", "period"] + IndicatorCSV.figureHeader, rows: rows,
            filename: "indicators-children-\(scope.unit)-\(scope.periodKey)")
    }

    @Sendable func procedures(_ request: Request, context: AppRequestContext) async throws -> Response {
        let scope = try scope(request, context)
        let query = QueryText(request)
        let calculator = try await access.calculator()
        let figures = try await calculator.figuresByProcedure(unit: scope.unit, period: scope.period, now: access.now)
        let names = Dictionary(calculator.catalogue.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let view = IndicatorProceduresView(
            unit: UnitView(scope.unit, tree: calculator.tree), period: PeriodView(key: scope.periodKey, scope.resolved),
            procedures: figures.keys.sorted().map { code in
                ProcedureFiguresView(
                    code: code, name: names[code],
                    indicators: IndicatorAccess.ordered(figures[code] ?? [:]).map { IndicatorFigureView($0) })
            })
        guard try Self.format(query) else { return try JSONBody.response(view) }
        let language = try Self.language(query)
        var rows: [[String]] = []
        for procedure in view.procedures {
            for value in procedure.indicators {
                rows.append(
                    [procedure.code, procedure.name?.text(language) ?? "", scope.periodKey]
                        + IndicatorCSV.figure(value, language: language))
            }
        }
        return IndicatorCSV.response(
            header: ["procedure_code", "procedure_name", "period"] + IndicatorCSV.figureHeader, rows: rows,
            filename: "indicators-procedures-\(scope.unit)-\(scope.periodKey)")
    }

    @Sendable func series(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try IndicatorAccess.requireStaff(context.requirePrincipal())
        let query = QueryText(request)
        let csv = try Self.format(query)
        let unit = try access.unit(query["unit"], officer: officer)
        let months = try access.months(from: query["from"], to: query["to"])
        let calculator = try await access.calculator()
        let reports = try await calculator.monthlyReports(unit: unit, months: months, now: access.now)
        let points = zip(months, reports).map { month, report in
            IndicatorMonthView(
                month: month.description,
                indicators: IndicatorAccess.ordered(report.values).map { IndicatorFigureView($0) })
        }
        let view = IndicatorSeriesView(
            unit: UnitView(unit, tree: calculator.tree), from: months.first?.description ?? "",
            to: months.last?.description ?? "", months: points)
        guard csv else { return try JSONBody.response(view) }
        let language = try Self.language(query)
        let rows = view.months.flatMap { month in
            month.indicators.map { [unit, month.month] + IndicatorCSV.figure($0, language: language) }
        }
        return IndicatorCSV.response(
            header: ["unit_code", "month"] + IndicatorCSV.figureHeader, rows: rows,
            filename: "indicators-series-\(unit)-\(view.from)-\(view.to)")
    }

    @Sendable func dossiers(_ request: Request, context: AppRequestContext) async throws -> Response {
        let scope = try scope(request, context)
        let query = QueryText(request)
        let question = try IndicatorAccess.drillQuestion(query)
        let limit = try query.integer("limit", default: 50, in: 1...dependencies.limits.maximumPageSize)
        let offset = try query.integer("offset", default: 0, in: 0...Int(Int32.max))
        let found = try await access.dossiersBehind(question, scope: scope)
        let catalogue = try await dependencies.catalogue.current(store: dependencies.store, tenant: dependencies.tenant)
        let names = Dictionary(catalogue.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        if try Self.format(query) {
            let language = try Self.language(query)
            let rows = found.map { dossier -> [String] in
                [
                    dossier.publicIdentifier, dossier.procedureCode,
                    names[dossier.procedureCode]?.text(language) ?? "", dossier.competentUnit,
                    dossier.receivingUnit, dossier.state.rawValue, IndicatorCSV.instant(dossier.receivedAt),
                    IndicatorCSV.instant(dossier.dueAt), IndicatorCSV.instant(dossier.finishedAt),
                    dossier.timeliness?.rawValue ?? "",
                ]
            }
            return IndicatorCSV.response(
                header: [
                    "code", "procedure_code", "procedure_name", "competent_unit", "receiving_unit", "state",
                    "received_at", "due_at", "finished_at", "timeliness",
                ], rows: rows,
                filename: "dossiers-\(question.indicator.rawValue)-\(scope.unit)-\(scope.periodKey)")
        }
        let page = found.dropFirst(offset).prefix(limit)
        return try JSONBody.response(
            IndicatorDossiersView(
                unit: UnitView(scope.unit, tree: access.tree), period: PeriodView(key: scope.periodKey, scope.resolved),
                indicator: question.indicator, part: question.part, procedure: question.procedure, total: found.count,
                limit: limit, offset: offset,
                items: page.map { IndicatorDossierView($0, procedureName: names[$0.procedureCode]) }))
    }
}

// MARK: - Access, periods, drill-down

/// A unit and period an officer may look at, checked and resolved.
struct IndicatorScope: Sendable {
    var unit: String
    var period: ReportPeriod
    var resolved: ResolvedPeriod
    /// The period as written in URLs: `2026-03`, `2026-Q1` or `2026`.
    var periodKey: String
}

/// What both the API and the pages need: who may see which unit, periods as written in URLs, a
/// calculator over the store, and the dossiers behind a figure.
struct IndicatorAccess: Sendable {
    let dependencies: AppDependencies

    var tree: UnitTree { dependencies.service.units.value }
    var calendar: WorkingCalendar { dependencies.service.calendar }
    var now: Date { dependencies.service.clock.now() }

    /// The most candidate rows a drill-down reads. The store filters dossiers by unit, state and
    /// procedure but not by date, so a list is cut off here rather than read without bound.
    static let scanLimit = 10_000
    /// The longest monthly series answered (each month is one report).
    static let maximumSeriesMonths = 36
    /// Years a period may name: the years the working calendar tabulates.
    static let years = 1900...2199

    /// An officer holding some role other than citizen; anyone else is refused.
    static func requireStaff(_ principal: Principal) throws -> Officer {
        guard case .officer(let officer) = principal else { throw OneGateError.forbidden }
        guard officer.active, officer.roles.contains(where: { $0.role != .citizen }) else {
            throw OneGateError.forbidden
        }
        return officer
    }

    /// Every unit within the subtrees of the officer's roles (a province role covers all).
    func visibleUnits(of officer: Officer) -> Set<String> {
        let tree = tree
        return Set(officer.roles.filter { $0.role != .citizen }.flatMap { tree.subtree(of: $0.unit) })
    }

    /// The highest unit among the officer's roles: where a leader's dashboard opens.
    /// Units that no longer exist (merged away) come last: their figures are history.
    func defaultUnit(of officer: Officer) -> String? {
        let today = calendar.localDate(of: now)
        return officer.roles.filter { $0.role != .citizen && tree[$0.unit] != nil }.map(\.unit)
            .min { first, second in
                let firstActive = tree[first]?.isActive(on: today) == true
                let secondActive = tree[second]?.isActive(on: today) == true
                if firstActive != secondActive { return firstActive }
                return (depth(first), first) < (depth(second), second)
            }
    }

    func depth(_ code: String) -> Int {
        var depth = 0
        var current = tree[code]?.parent
        while let parent = current, depth < 64 {
            depth += 1
            current = tree[parent]?.parent
        }
        return depth
    }

    /// The unit asked for (or the officer's highest), which must exist and be visible to them.
    func unit(_ requested: String?, officer: Officer) throws -> String {
        let code: String
        if let requested, !requested.isEmpty {
            code = requested
        } else if let fallback = defaultUnit(of: officer) {
            code = fallback
        } else {
            throw OneGateError.forbidden
        }
        guard tree[code] != nil else { throw OneGateError.notFound("unit") }
        guard visibleUnits(of: officer).contains(code) else { throw OneGateError.forbidden }
        return code
    }

    func scope(unit requested: String?, period text: String?, officer: Officer) throws -> IndicatorScope {
        let unit = try unit(requested, officer: officer)
        return try scope(unit: unit, period: text)
    }

    /// A scope for a unit already checked (or public).
    func scope(unit: String, period text: String?) throws -> IndicatorScope {
        let period = try text.flatMap { $0.isEmpty ? nil : $0 }.map(Self.parsePeriod) ?? currentMonth
        return IndicatorScope(
            unit: unit, period: period, resolved: try period.resolve(in: calendar), periodKey: Self.key(period))
    }

    /// This month in the instance's time zone.
    var currentMonth: ReportPeriod {
        let today = calendar.localDate(of: now)
        return .month(year: today.year, month: today.month)
    }

    /// `2026-03` (month), `2026-Q1` (quarter) or `2026` (year).
    static func parsePeriod(_ text: String) throws -> ReportPeriod {
        let invalid = OneGateError.invalid(
            field: "period", vi: "Kỳ báo cáo phải có dạng 2026-03, 2026-Q1 hoặc 2026.",
            en: "period must look like 2026-03, 2026-Q1 or 2026.")
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, first.count == 4, first.allSatisfy(\.isASCII), let year = Int(first),
            years.contains(year), parts.count <= 2
        else { throw invalid }
        guard parts.count == 2 else { return .year(year) }
        let rest = parts[1]
        if rest.count == 2, rest.first == "Q", let quarter = Int(rest.dropFirst()), (1...4).contains(quarter) {
            return .quarter(year: year, quarter: quarter)
        }
        guard rest.count == 2, rest.allSatisfy({ $0.isASCII && $0.isNumber }), let month = Int(rest),
            (1...12).contains(month)
        else { throw invalid }
        return .month(year: year, month: month)
    }

    /// The period as written in URLs (ranges, which the URLs do not take, as `from..to`).
    static func key(_ period: ReportPeriod) -> String {
        switch period {
        case .month(let year, let month): MonthKey(year: year, month: month).description
        case .quarter(let year, let quarter): "\(year)-Q\(quarter)"
        case .year(let year): String(year)
        case .range(let from, let to): "\(from)..\(to)"
        }
    }

    /// The months of a series: `from`…`to` (`YYYY-MM`), by default the twelve months ending this one.
    func months(from: String?, to: String?) throws -> [MonthKey] {
        func parse(_ text: String?, _ field: String, fallback: MonthKey) throws -> MonthKey {
            guard let text, !text.isEmpty else { return fallback }
            guard let key = MonthKey(string: text), Self.years.contains(key.year) else {
                throw OneGateError.invalid(
                    field: field, vi: "Tháng phải có dạng 2026-03.", en: "\(field) must be a month such as 2026-03.")
            }
            return key
        }
        let today = calendar.localDate(of: now)
        let end = try parse(to, "to", fallback: MonthKey(year: today.year, month: today.month))
        let start = try parse(from, "from", fallback: end.adding(months: -11))
        let count = (end.year - start.year) * 12 + end.month - start.month + 1
        guard count >= 1, count <= Self.maximumSeriesMonths else {
            throw OneGateError.invalid(
                field: "from", vi: "Chuỗi tháng phải từ 1 đến 36 tháng, tháng đầu trước tháng cuối.",
                en: "A series covers 1 to 36 months, from before to.")
        }
        return (0..<count).map { start.adding(months: $0) }
    }

    /// A calculator over the store, with the current catalogue and the targets units have set.
    func calculator() async throws -> IndicatorCalculator {
        let store = dependencies.store
        let tenant = dependencies.tenant
        return IndicatorCalculator(
            tenant: tenant, tree: tree, calendar: calendar, counters: store, openDossiers: store,
            catalogue: try await dependencies.catalogue.current(store: store, tenant: tenant),
            targets: try InstanceSettings.targets(from: try await store.setting(InstanceSettings.targetsKey)))
    }

    func unitName(_ code: String, _ language: Language) -> String {
        tree[code].map { $0.name.text(language) } ?? code
    }

    /// Every indicator but the score, in the order of kpi.md.
    static func ordered(_ values: [IndicatorID: IndicatorValue]) -> [IndicatorValue] {
        IndicatorID.allCases.compactMap { values[$0] }
    }

    // MARK: Drill-down

    /// Which side of a figure a list shows.
    enum Part: String, Sendable, Codable, CaseIterable {
        case numerator, denominator
    }

    /// The figure whose dossiers are asked for.
    struct DrillQuestion: Sendable {
        var indicator: IndicatorID
        var part: Part
        var procedure: String?
    }

    /// The indicators a list of dossiers can be given for: every dossier indicator. The catalogue
    /// indicators count procedures and the score is made of other figures, so no list of dossiers
    /// adds up to them.
    static let drillable: [IndicatorID] = IndicatorID.allCases.filter { !$0.isProcedureBased && $0 != .score766 }

    static func drillQuestion(_ query: QueryText) throws -> DrillQuestion {
        guard let text = query["indicator"], let indicator = IndicatorID(rawValue: text) else {
            throw OneGateError.invalid(field: "indicator", vi: "Chỉ số không hợp lệ.", en: "Unknown indicator.")
        }
        guard drillable.contains(indicator) else {
            throw OneGateError(
                .unprocessable, "drill_down_unsupported",
                vi: "Chỉ số này không tính từ danh sách hồ sơ nên không có danh sách hồ sơ đi kèm.",
                en: "This indicator is not a count of dossiers, so there is no list of dossiers behind it.",
                details: [
                    "indicator": indicator.rawValue, "supported": drillable.map(\.rawValue).joined(separator: ","),
                ])
        }
        var part = Part.numerator
        if let text = query["part"] {
            guard let chosen = Part(rawValue: text) else {
                throw OneGateError.invalid(
                    field: "part", vi: "Phần phải là numerator hoặc denominator.",
                    en: "part must be numerator or denominator.")
            }
            part = chosen
        }
        let procedure = query["procedure"].flatMap { $0.isEmpty ? nil : String($0.prefix(80)) }
        return DrillQuestion(indicator: indicator, part: part, procedure: procedure)
    }

    /// Whether the figure is counted in the month processing ended rather than the month of reception.
    static func countsByFinishing(_ indicator: IndicatorID) -> Bool {
        [.processedFullyElectronic, .resultsElectronic, .satisfaction].contains(indicator)
    }

    /// The dossiers behind one side of a figure, oldest first. They are picked with
    /// ``DrillDown`` (the projection that made the counters) and ``DrillDown/openPastDue`` (for the
    /// open dossiers past due that `on_time` and `late` include), so the list always adds up to the
    /// number on the dashboard.
    /// - Throws: `drill_down_too_large` when more than ``scanLimit`` candidate rows would have to be read.
    func dossiersBehind(_ question: DrillQuestion, scope: IndicatorScope) async throws -> [Dossier] {
        let units = RollUp.units(of: scope.unit, in: tree)
        let finishing = Self.countsByFinishing(question.indicator)
        let states: [DossierState] =
            finishing
            ? [.refused, .stopped, .processed, .returned]
            : DossierState.allCases.filter { $0 != .draft && $0 != .submitted }
        let candidates = try await candidates(
            units: units, states: states, procedure: question.procedure,
            received: finishing ? nil : scope.resolved.receptionRange,
            finished: finishing ? scope.resolved.receptionRange : nil)
        var procedures: [String: Procedure] = [:]
        for dossier in candidates {
            let key = "\(dossier.procedureCode)#\(dossier.procedureVersion)"
            if procedures[key] == nil {
                procedures[key] = try? await dependencies.service.procedureVersion(
                    dossier.procedureCode, dossier.procedureVersion)
            }
        }
        let unitSet = Set(units)
        let months = Set(scope.resolved.periodKeys)
        let calendar = calendar
        func with(_ metric: CounterProjection.Metric) -> Set<String> {
            Set(
                DrillDown.dossiers(
                    candidates, metric: metric, units: unitSet, months: months,
                    procedure: { procedures["\($0.procedureCode)#\($0.procedureVersion)"] }, calendar: calendar
                ).map(\.id))
        }
        let asOf = scope.resolved.referenceInstant(now: now)
        func pastDue(apologised: Bool = false) -> Set<String> {
            guard scope.resolved.start < asOf else { return [] }
            return Set(
                DrillDown.openPastDue(candidates, units: unitSet, received: scope.resolved.receptionRange, at: asOf)
                    .filter { !apologised || $0.extended }.map(\.id))
        }
        typealias M = CounterProjection.Metric
        let chosen: Set<String>
        switch (question.indicator, question.part) {
        case (.dossiersFullOnline, .numerator): chosen = with(.receivedFullOnline)
        case (.dossiersOnline, .numerator): chosen = with(.receivedOnline)
        case (.digitisedAtReception, .numerator): chosen = with(.receivedFullyElectronic)
        case (.reusedData, .numerator): chosen = with(.receivedReused)
        case (.dossiersFullOnline, .denominator), (.dossiersOnline, .denominator),
            (.digitisedAtReception, .denominator), (.reusedData, .denominator):
            chosen = with(.received)
        case (.paidOnline, .numerator): chosen = with(.paidOnline)
        case (.paidOnline, .denominator): chosen = with(.withFee)
        case (.processedFullyElectronic, .numerator): chosen = with(.finishedFullyElectronic)
        case (.processedFullyElectronic, .denominator), (.satisfaction, .denominator): chosen = with(.finished)
        case (.resultsElectronic, .numerator): chosen = with(.resultNative).union(with(.resultDigitised))
        case (.resultsElectronic, .denominator): chosen = with(.finishedWithResult)
        case (.satisfaction, .numerator):
            chosen = with(.finished).subtracting(with(M.late)).subtracting(with(.finishedDissatisfied))
        case (.early, .numerator): chosen = with(.receivedEarly)
        case (.onTime, .numerator):
            chosen = with(.receivedEarly).union(with(.receivedOnTime))
                .union(with(.receivedOpen).subtracting(pastDue()))
        case (.late, .numerator): chosen = with(.receivedLate).union(pastDue().intersection(with(.receivedOpen)))
        case (.lateApologised, .numerator):
            chosen = with(.receivedLateApologised).union(pastDue(apologised: true).intersection(with(.receivedOpen)))
        case (.onTime, .denominator), (.early, .denominator), (.late, .denominator), (.lateApologised, .denominator):
            chosen = with(.received).subtracting(with(.receivedWithdrawn))
        case (.proceduresOnline, _), (.proceduresFullOnline, _), (.score766, _):
            chosen = []
        }
        return candidates.filter { chosen.contains($0.id) }.sorted { left, right in
            let a = finishing ? left.finishedAt : left.receivedAt
            let b = finishing ? right.finishedAt : right.receivedAt
            return (a ?? .distantPast, left.publicIdentifier) < (b ?? .distantPast, right.publicIdentifier)
        }
    }

    /// The dossiers the ledger lists: those received in the period by the unit's subtree (the
    /// `received` counter), oldest first.
    func received(scope: IndicatorScope) async throws -> [Dossier] {
        try await dossiersBehind(DrillQuestion(indicator: .dossiersOnline, part: .denominator), scope: scope)
    }

    /// Every dossier of the units in the given states received (or finished) in the period, page
    /// by page, at most ``scanLimit``.
    func candidates(
        units: [String], states: [DossierState], procedure: String?, received: Range<Date>?, finished: Range<Date>?
    ) async throws -> [Dossier] {
        var result: [Dossier] = []
        var offset = 0
        let everywhere = Set(units).count >= tree.units.count
        while true {
            var query = DossierQuery(
                tenant: dependencies.tenant, units: everywhere ? nil : units, states: states,
                procedureCode: procedure, limit: 200, offset: offset)
            query.receivedIn = received
            query.finishedIn = finished
            let page = try await dependencies.store.dossiers(query)
            if page.total > Self.scanLimit {
                throw OneGateError(
                    .unprocessable, "drill_down_too_large",
                    vi: "Có quá nhiều hồ sơ để liệt kê; hãy chọn một đơn vị cấp dưới hoặc một thủ tục.",
                    en: "Too many dossiers to list; choose a sub-unit or a procedure.",
                    details: ["limit": String(Self.scanLimit)])
            }
            result += page.items
            offset += page.items.count
            if page.items.isEmpty || offset >= page.total { return result }
        }
    }
}

// MARK: - CSV

/// CSV downloads (RFC 4180): a header row, CRLF line ends, fields quoted when they hold a comma, a
/// quote or a line break, UTF-8 with a byte order mark so that Excel reads Vietnamese correctly.
enum IndicatorCSV {
    static let figureHeader = [
        "indicator", "indicator_name", "numerator", "denominator", "value_percent", "target_percent", "gap_points",
        "status",
    ]

    /// One figure as the columns of ``figureHeader``; shares as percentages with a point.
    static func figure(_ value: IndicatorFigureView, language: Language) -> [String] {
        [
            value.id.rawValue, value.id.label.text(language), String(value.numerator), String(value.denominator),
            percent(value.value), percent(value.target?.value), points(value.gap), value.status?.rawValue ?? "",
        ]
    }

    static func percent(_ share: Double?) -> String { share.map { String(format: "%.1f", $0 * 100) } ?? "" }
    static func points(_ gap: Double?) -> String { gap.map { String(format: "%.1f", $0 * 100) } ?? "" }
    static func instant(_ date: Date?) -> String { date.map(Timestamp.format) ?? "" }

    /// One field, quoted when needed. A text that a spreadsheet would run as a formula (`=`, `+`, `@`,
    /// or `-` not starting a number) gets a leading apostrophe: names come from people.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first,
            "=+@\t\r".contains(first)
                || (first == "-" && !(value.dropFirst().first?.isNumber ?? false))
        {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func document(header: [String], rows: [[String]]) -> [UInt8] {
        var text = "\u{FEFF}"
        for row in [header] + rows {
            text += row.map(field).joined(separator: ",") + "\r\n"
        }
        return Array(text.utf8)
    }

    static func response(header: [String], rows: [[String]], filename: String) -> Response {
        let safe = filename.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                .contentDisposition: "attachment; filename=\"\(safe).csv\"",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: document(header: header, rows: rows))))
    }
}

// MARK: - JSON views

struct UnitView: Encodable, Sendable {
    let code: String
    let name: LocalizedText

    init(_ code: String, tree: UnitTree) {
        self.code = code
        name = tree[code]?.name ?? LocalizedText(vi: code, en: code)
    }
}

struct PeriodView: Encodable, Sendable {
    /// `2026-03`, `2026-Q1` or `2026`.
    let key: String
    let from: String
    let to: String
    let months: [String]

    init(key: String, _ resolved: ResolvedPeriod) {
        self.key = key
        from = resolved.firstDay.description
        to = resolved.lastDay.description
        months = resolved.periodKeys
    }
}

struct TargetView: Encodable, Sendable {
    let value: Double
    /// `national` (the template of the unit's category) or `unit` (set on `unit` or above).
    let origin: String
    let category: String?
    let unit: String?

    init(_ target: ResolvedTarget) {
        value = target.value
        switch target.origin {
        case .national(let category):
            origin = "national"
            self.category = category.rawValue
            unit = nil
        case .unit(let code):
            origin = "unit"
            category = nil
            unit = code
        }
    }
}

/// One figure with its parts and, when it has one, its target.
struct IndicatorFigureView: Encodable, Sendable {
    let id: IndicatorID
    let label: LocalizedText
    let numerator: Int
    let denominator: Int
    let value: Double?
    let target: TargetView?
    let gap: Double?
    let status: TargetStatus?

    init(_ value: IndicatorValue, comparison: TargetComparison? = nil) {
        id = value.indicator
        label = value.indicator.label
        numerator = value.numerator
        denominator = value.denominator
        self.value = value.value
        target = comparison.map { TargetView($0.target) }
        gap = comparison?.gap
        status = comparison?.status
    }
}

struct TimelinessView: Encodable, Sendable {
    let received, withdrawn, early, finishedOnTime, finishedLate, open, openPastDue, lateApologised: Int

    init(_ parts: IndicatorFormulas.TimelinessParts) {
        received = parts.received
        withdrawn = parts.withdrawn
        early = parts.early
        finishedOnTime = parts.finishedOnTime
        finishedLate = parts.finishedLate
        open = parts.open
        openPastDue = parts.openPastDue
        lateApologised = parts.lateApologised
    }
}

struct ScoreComponentView: Encodable, Sendable {
    let id: String
    let label: LocalizedText
    let maximum: Double
    let formula: String
    let computable: Bool
    let share: Double?
    let points: Double?
    let note: String?
}

struct ScoreGroupView: Encodable, Sendable {
    let group: String
    let label: LocalizedText
    let maximum: Double
    let points: Double
    let scoredMaximum: Double
    let components: [ScoreComponentView]
}

struct ScoreView: Encodable, Sendable {
    let points: Double
    let maximum: Double
    let computableMaximum: Double
    let scoredMaximum: Double
    let groups: [ScoreGroupView]

    init(_ score: Score766) {
        points = score.points
        maximum = score.maximum
        computableMaximum = score.computableMaximum
        scoredMaximum = score.scoredMaximum
        groups = score.groups.map { group in
            ScoreGroupView(
                group: group.group.rawValue, label: group.group.label, maximum: group.maximum, points: group.points,
                scoredMaximum: group.scoredMaximum,
                components: group.components.map {
                    ScoreComponentView(
                        id: $0.id, label: $0.label, maximum: $0.maximum, formula: $0.formula, computable: $0.computable,
                        share: $0.ratio?.value, points: $0.points, note: $0.note)
                })
        }
    }
}

/// A unit's whole report for a period.
struct IndicatorReportView: Encodable, Sendable {
    let unit: UnitView
    let period: PeriodView
    let asOf: Date
    let indicators: [IndicatorFigureView]
    let timeliness: TimelinessView
    let reception: [IndicatorFigureView]
    let score: ScoreView

    init(_ report: IndicatorReport, tree: UnitTree, key: String) {
        unit = UnitView(report.unit, tree: tree)
        period = PeriodView(key: key, report.period)
        asOf = report.asOf
        indicators = IndicatorAccess.ordered(report.values).map {
            IndicatorFigureView($0, comparison: report.targets[$0.indicator])
        }
        timeliness = TimelinessView(report.timeliness)
        reception = IndicatorAccess.ordered(report.reception).map { IndicatorFigureView($0) }
        score = ScoreView(report.score)
    }
}

/// One sub-unit's figures.
struct IndicatorRowView: Encodable, Sendable {
    let unit: UnitView
    let indicators: [IndicatorFigureView]
    let score: Double

    init(_ report: IndicatorReport, tree: UnitTree) {
        unit = UnitView(report.unit, tree: tree)
        indicators = IndicatorAccess.ordered(report.values).map {
            IndicatorFigureView($0, comparison: report.targets[$0.indicator])
        }
        score = report.score.points
    }
}

struct IndicatorChildrenView: Encodable, Sendable {
    let unit: UnitView
    let period: PeriodView
    let children: [IndicatorRowView]
}

struct ProcedureFiguresView: Encodable, Sendable {
    let code: String
    let name: LocalizedText?
    let indicators: [IndicatorFigureView]
}

struct IndicatorProceduresView: Encodable, Sendable {
    let unit: UnitView
    let period: PeriodView
    let procedures: [ProcedureFiguresView]
}

struct IndicatorMonthView: Encodable, Sendable {
    let month: String
    let indicators: [IndicatorFigureView]
}

struct IndicatorSeriesView: Encodable, Sendable {
    let unit: UnitView
    let from: String
    let to: String
    let months: [IndicatorMonthView]
}

/// A dossier behind a figure: what identifies it and its dates, no personal data.
struct IndicatorDossierView: Encodable, Sendable {
    let id: String
    let code: String
    let procedureCode: String
    let procedureName: LocalizedText?
    let competentUnit: String
    let receivingUnit: String
    let state: DossierState
    let receivedAt: Date?
    let dueAt: Date?
    let finishedAt: Date?
    let timeliness: Timeliness?

    init(_ dossier: Dossier, procedureName: LocalizedText?) {
        id = dossier.id
        code = dossier.publicIdentifier
        procedureCode = dossier.procedureCode
        self.procedureName = procedureName
        competentUnit = dossier.competentUnit
        receivingUnit = dossier.receivingUnit
        state = dossier.state
        receivedAt = dossier.receivedAt
        dueAt = dossier.dueAt
        finishedAt = dossier.finishedAt
        timeliness = dossier.timeliness
    }
}

struct IndicatorDossiersView: Encodable, Sendable {
    let unit: UnitView
    let period: PeriodView
    let indicator: IndicatorID
    let part: IndicatorAccess.Part
    let procedure: String?
    let total: Int
    let limit: Int
    let offset: Int
    let items: [IndicatorDossierView]
}
