import Foundation
import Hummingbird
import OneGateCore

/// Pages anyone can open: search and browse the catalogue, a procedure, and a dossier's status by
/// code and secret. The verification of an issued result is in `ResultPages`.
struct PublicPages {
    let web: Web

    static let pageSize = 20

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("", use: home)
        router.get("procedures", use: procedures)
        router.get("procedures/{code}", use: procedure)
        router.get("status", use: statusForm)
        router.post("status", use: status)
    }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let all = try await web.dependencies.catalogue.current(store: web.store, tenant: web.dependencies.tenant)
        var topics: [String: (LocalizedText, Int)] = [:]
        for procedure in all {
            let key = procedure.topic.vi
            topics[key] = (procedure.topic, (topics[key]?.1 ?? 0) + 1)
        }
        let topicList = topics.values.sorted {
            TextFolding.fold(visitor.text($0.0)) < TextFolding.fold(visitor.text($1.0))
        }.map { topic, count in
            [
                "name": visitor.text(topic), "count": count,
                "href": "/procedures?topic=\(Web.queryEscape(topic.vi))",
            ] as [String: Any]
        }
        return web.page(
            "home", title: visitor.text("home_title"), visitor: visitor,
            data: ["topics": topicList, "levels": levels(visitor, selected: nil), "procedureCount": all.count])
    }

    private func levels(_ visitor: Visitor, selected: ProcedureLevel?) -> [[String: Any]] {
        ProcedureLevel.allCases.map { level in
            [
                "value": level.rawValue, "label": visitor.text(DossierPresenter.levelLabel(level)),
                "selected": level == selected, "href": "/procedures?level=\(level.rawValue)",
            ]
        }
    }

    @Sendable func procedures(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let query = QueryText(request)
        let text = String((query["q"] ?? "").prefix(200))
        var level: ProcedureLevel?
        if let raw = query["level"], !raw.isEmpty { level = ProcedureLevel(rawValue: raw) }
        let topic = query["topic"].map { String($0.prefix(200)) }
        let page = max(1, min(10_000, Int(query["page"] ?? "1") ?? 1))
        var found: [Procedure]
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            found = try await web.dependencies.catalogue.current(store: web.store, tenant: web.dependencies.tenant)
                .filter { level == nil || $0.level == level }
                .sorted { TextFolding.fold(visitor.text($0.name)) < TextFolding.fold(visitor.text($1.name)) }
        } else {
            found = try await web.store.searchProcedures(
                folded: TextFolding.fold(text), level: level, tenant: web.dependencies.tenant, limit: 500, offset: 0
            ).items
        }
        if let topic, !topic.isEmpty { found = found.filter { $0.topic.vi == topic } }
        let total = found.count
        let slice = found.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize)
        let items = slice.map { procedure in
            [
                "code": procedure.code, "name": visitor.text(procedure.name),
                "topic": visitor.text(procedure.topic),
                "level": visitor.text(DossierPresenter.levelLabel(procedure.level)),
                "onlineLevel": visitor.text(DossierPresenter.onlineLevelLabel(procedure.onlineLevel)),
                "timeLimit": procedure.timeLimit.text(in: visitor.language),
                "online": procedure.onlineLevel != .none,
            ] as [String: Any]
        }
        var filters: [String] = []
        if !text.isEmpty { filters.append("q=\(Web.queryEscape(text))") }
        if let level { filters.append("level=\(level.rawValue)") }
        if let topic, !topic.isEmpty { filters.append("topic=\(Web.queryEscape(topic))") }
        let base = "/procedures?" + (filters.isEmpty ? "" : filters.joined(separator: "&") + "&")
        return web.page(
            "procedures", title: visitor.text("procedures_title"), visitor: visitor,
            data: [
                "q": text, "topic": topic ?? "", "hasTopic": !(topic ?? "").isEmpty,
                "levels": levels(visitor, selected: level),
                "items": items, "total": total, "hasItems": !items.isEmpty,
                "pagination": Pagination(page: page, pageSize: Self.pageSize, total: total, base: base).values(visitor),
            ])
    }

    @Sendable func procedure(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let code = try context.parameters.require("code")
        guard let procedure = try await web.store.procedure(code: code, version: nil, tenant: web.dependencies.tenant)
        else { throw OneGateError.notFound("procedure") }
        let tree = web.service.units.value
        let today = web.service.calendar.localDate(of: web.service.clock.now())
        let places = tree.units.values
            .filter { procedure.isCompetent($0) && $0.isActive(on: today) }
            .sorted { $0.code < $1.code }
            .prefix(30)
            .map { ["name": visitor.text($0.name)] }
        let documents = procedure.documents.map { document in
            ["name": visitor.text(document.name), "required": document.required] as [String: Any]
        }
        let steps = procedure.process.map { step in
            [
                "name": visitor.text(step.name),
                "role": visitor.text(DossierPresenter.roleLabel(step.role.rawValue)),
                "hours": String(format: "%.1f", Double(step.allottedMinutes) / 60),
            ] as [String: Any]
        }
        let fee: String
        if procedure.fee.amount == 0 {
            fee = visitor.text("free_of_charge")
        } else {
            fee =
                "\(Web.money(procedure.fee.amount)) \(visitor.text("currency_vnd"))"
                + (procedure.fee.freeOnline ? " — \(visitor.text("procedure_free_online"))" : "")
        }
        return web.page(
            "procedure", title: visitor.text(procedure.name), visitor: visitor,
            data: [
                "code": procedure.code, "version": procedure.version, "name": visitor.text(procedure.name),
                "topic": visitor.text(procedure.topic),
                "level": visitor.text(DossierPresenter.levelLabel(procedure.level)),
                "onlineLevel": visitor.text(DossierPresenter.onlineLevelLabel(procedure.onlineLevel)),
                "online": procedure.onlineLevel != .none,
                "timeLimit": procedure.timeLimit.text(in: visitor.language), "fee": fee,
                "documents": documents, "hasDocuments": !documents.isEmpty, "places": places, "steps": steps,
                "resultName": visitor.text(procedure.resultName), "legalBasis": procedure.legalBasis,
                "isApplicant": visitor.applicant != nil, "isAnonymous": visitor.principal == nil,
            ])
    }

    // MARK: - Status by code and secret

    /// The lookup form; `?code=` fills in the code (the QR code's short link comes here before a
    /// result is issued). The secret is never taken from a URL.
    @Sendable func statusForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let code = String((QueryText(request)["code"] ?? "").prefix(60)).trimmingCharacters(in: .whitespaces)
        return web.page("status", title: visitor.text("status_title"), visitor: visitor, data: ["code": code])
    }

    /// The code and secret travel in a POST body, never in a URL, so they stay out of logs and history.
    @Sendable func status(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let form = try await web.readForm(request, visitor, limit: 4096)
        let code = String((form["code"] ?? "").prefix(60))
        let secret = String((form["secret"] ?? "").prefix(60))
        var errors: [[String: String]] = []
        if code.isEmpty { errors.append(["field": "code", "message": visitor.text("status_code_missing")]) }
        if secret.isEmpty { errors.append(["field": "secret", "message": visitor.text("status_secret_missing")]) }
        var dossier: Dossier?
        if errors.isEmpty {
            dossier = try? await web.service.publicStatus(code: code, secret: secret)
            if dossier == nil { errors.append(["field": "code", "message": visitor.text("status_not_found")]) }
        }
        guard let dossier else {
            return web.page(
                "status", title: visitor.text("status_title"), visitor: visitor,
                data: ["code": code, "errors": errors, "hasErrors": true].merging(SignInPages.fieldErrors(errors)) {
                    $1
                }, status: .unprocessableContent)
        }
        let procedure = try? await web.service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
        let events = try await web.store.events(dossierID: dossier.id, tenant: web.dependencies.tenant)
        let presenter = DossierPresenter(web: web, visitor: visitor)
        return web.page(
            "status", title: visitor.text("status_title"), visitor: visitor,
            data: [
                "code": code, "found": true, "dossier": presenter.summary(dossier, procedure: procedure),
                "timeline": presenter.timeline(events, showActors: false),
            ])
    }
}

/// Page links for long lists: previous, next, and where we are.
struct Pagination {
    var page: Int
    var pageSize: Int
    var total: Int
    /// The list's URL ending in `?` or `&`, to which `page=N` is appended.
    var base: String

    var pages: Int { max(1, (total + pageSize - 1) / pageSize) }

    func values(_ visitor: Visitor) -> [String: Any] {
        [
            "show": pages > 1, "page": page, "pages": pages,
            "hasPrevious": page > 1, "previous": "\(base)page=\(page - 1)",
            "hasNext": page < pages, "next": "\(base)page=\(page + 1)",
        ]
    }
}
