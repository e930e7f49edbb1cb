import Foundation
import Hummingbird
import OneGateCore

/// The tracking ledger of form 07 (sổ theo dõi hồ sơ) of a unit for a period, and the unit head's
/// view of each officer's load: open dossiers, due soon, overdue, and time spent per step.
struct IndicatorLedgerPages {
    let web: Web

    var access: IndicatorAccess { IndicatorAccess(dependencies: web.dependencies) }

    static let pageSize = 100
    /// How far back "recently finished" reaches on the team page.
    static let recentDays = 30.0
    /// Roles that lead a unit's staff.
    static let headRoles: Set<Role> = [.leader, .admin, .unitAdmin, .auditor]

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("work/ledger", use: ledger)
        router.get("work/team", use: team)
    }

    // MARK: - Form 07

    /// Every dossier the unit's subtree received in the period (the `received` figure of the
    /// dashboard), with applicant, procedure, dates and result, a hundred per page.
    @Sendable func ledger(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let officer = try OfficerPages.requireStaff(web, visitor)
        let query = QueryText(request)
        let scope = try access.scope(unit: query["unit"], period: query["period"], officer: officer)
        let page = max(1, min(100_000, Int(query["page"] ?? "1") ?? 1))
        let found = try await access.received(scope: scope)
        let first = (page - 1) * Self.pageSize
        let rows = try await ledgerRows(
            Array(found.dropFirst(first).prefix(Self.pageSize)), first: first, visitor: visitor)
        let pages = IndicatorPages(web: web)
        let links = IndicatorPages.Links(unit: scope.unit, period: scope.periodKey)
        let unitName = access.unitName(scope.unit, visitor.language)
        return web.page(
            "indicator-ledger", title: "\(visitor.text("ind_ledger_title")) — \(unitName)", visitor: visitor,
            data: [
                "unitName": unitName, "periodLabel": IndicatorPages.periodLabel(scope.period, visitor),
                "units": pages.unitOptions(
                    Array(access.visibleUnits(of: officer)), selected: scope.unit, visitor: visitor),
                "periods": IndicatorPages.periodOptions(
                    selected: scope.periodKey, today: access.calendar.localDate(of: access.now), visitor),
                "rows": rows, "hasRows": !rows.isEmpty, "total": found.count,
                "pdfHref": "/work/ledger.pdf?\(links.query)",
                "csvHref": "/api/v1/indicators/dossiers?\(links.query)&indicator=dossiers_online&part=denominator"
                    + "&format=csv&lang=\(visitor.language.rawValue)",
                "pagination": Pagination(
                    page: page, pageSize: Self.pageSize, total: found.count, base: "/work/ledger?\(links.query)&"
                ).values(visitor),
            ])
    }

    /// The ledger's rows for `dossiers`, numbered from `first + 1`: shared by the page and the
    /// signed PDF, so that both say the same. One look-up per applicant, never per dossier.
    func ledgerRows(_ dossiers: [Dossier], first: Int, visitor: Visitor) async throws -> [[String: Any]] {
        let catalogue = try await web.dependencies.catalogue.current(store: web.store, tenant: web.dependencies.tenant)
        let names = Dictionary(catalogue.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        var applicants: [String: String] = [:]
        for id in Set(dossiers.map(\.applicantID)) {
            applicants[id] = (try? await web.store.applicant(id: id))?.fullName ?? ""
        }
        return dossiers.enumerated().map { index, dossier -> [String: Any] in
            var result = visitor.text(dossier.state.label)
            if let outcome = dossier.outcome {
                result = visitor.text(outcome == .granted ? "ind_outcome_granted" : "ind_outcome_refusal")
            }
            return [
                "number": first + index + 1, "href": "/work/dossiers/\(dossier.id)", "code": dossier.publicIdentifier,
                "applicant": applicants[dossier.applicantID] ?? "",
                "procedure": names[dossier.procedureCode].map(visitor.text) ?? dossier.procedureCode,
                "receivedAt": web.dateTime(dossier.receivedAt), "dueAt": web.dateTime(dossier.dueAt),
                "finishedAt": web.dateTime(dossier.finishedAt), "result": result,
                "timeliness": dossier.timeliness.map { visitor.text(DossierPresenter.timelinessLabel($0)) } ?? "",
            ]
        }
    }

    // MARK: - Team

    /// Per officer of the unit: open dossiers assigned, due within two working days, overdue, and the
    /// average working hours of the steps they finished (in open and recently finished dossiers).
    @Sendable func team(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let officer = try OfficerPages.requireStaff(web, visitor)
        let query = QueryText(request)
        let tree = access.tree
        let leads = officer.roles.filter { Self.headRoles.contains($0.role) }.map(\.unit)
        let requested =
            query["unit"].flatMap { $0.isEmpty ? nil : $0 }
            ?? leads.min {
                (access.depth($0), $0) < (access.depth($1), $1)
            }
        guard let unit = requested else { throw OneGateError.forbidden }
        guard tree[unit] != nil else { throw OneGateError.notFound("unit") }
        guard leads.contains(where: { tree.isWithin(unit, subtreeOf: $0) }) else { throw OneGateError.forbidden }

        let units = RollUp.units(of: unit, in: tree)
        let open = try await access.candidates(
            units: units, states: OfficerPages.openStates, procedure: nil, received: nil, finished: nil)
        let now = access.now
        let finished = try await recentlyFinished(
            units: units, since: now.addingTimeInterval(-Self.recentDays * 86_400))
        let calendar = access.calendar
        let soon = calendar.dueDate(for: TimeLimit(amount: 2, unit: .workingDays), from: now)
        let running: Set<DossierState> = [.submitted, .received, .inProgress, .awaitingPayment]
        let staff = try await web.store.officers(tenant: web.dependencies.tenant, unit: nil).filter { candidate in
            candidate.roles.contains { $0.role != .citizen && tree.isWithin($0.unit, subtreeOf: unit) }
        }.sorted { $0.fullName < $1.fullName }

        struct Load {
            var open = 0
            var soon = 0
            var overdue = 0
            var minutes = 0
            var steps = 0
        }
        var loads: [String: Load] = [:]
        for dossier in open {
            guard let assignee = dossier.assignee else { continue }
            var load = loads[assignee, default: Load()]
            load.open += 1
            if running.contains(dossier.state), let due = dossier.dueAt {
                if due < now {
                    load.overdue += 1
                } else if due <= soon {
                    load.soon += 1
                }
            }
            loads[assignee] = load
        }
        for dossier in open + finished {
            for step in dossier.steps {
                guard let actor = step.actor, let ended = step.endedAt else { continue }
                loads[actor, default: Load()].minutes += calendar.officeMinutes(from: step.startedAt, to: ended)
                loads[actor, default: Load()].steps += 1
            }
        }
        let rows = staff.map { member -> [String: Any] in
            let load = loads[member.id] ?? Load()
            let roles = member.roles.filter { tree.isWithin($0.unit, subtreeOf: unit) }.map {
                visitor.text(DossierPresenter.roleLabel($0.role.rawValue))
            }
            return [
                "name": member.fullName, "roles": Array(Set(roles)).sorted().joined(separator: ", "),
                "open": load.open, "soon": load.soon, "overdue": load.overdue, "hasOverdue": load.overdue > 0,
                "steps": load.steps,
                "average": load.steps == 0
                    ? "—" : String(format: "%.1f", Double(load.minutes) / Double(load.steps) / 60),
            ]
        }
        let unitName = access.unitName(unit, visitor.language)
        let pages = IndicatorPages(web: web)
        let visible = leads.flatMap { tree.subtree(of: $0) }
        return web.page(
            "indicator-team", title: "\(visitor.text("ind_team_title")) — \(unitName)", visitor: visitor,
            data: [
                "unitName": unitName, "rows": rows, "hasRows": !rows.isEmpty,
                "units": pages.unitOptions(visible, selected: unit, visitor: visitor),
                "openCount": open.count, "finishedCount": finished.count,
                "asOf": web.dateTime(now), "inboxHref": "/work",
            ])
    }

    /// Finished dossiers of the units whose processing ended since `since` (a range of the
    /// indexed `finished_at`).
    private func recentlyFinished(units: [String], since: Date) async throws -> [Dossier] {
        try await access.candidates(
            units: units, states: [.refused, .stopped, .processed, .returned], procedure: nil, received: nil,
            finished: since..<access.now.addingTimeInterval(1))
    }
}
