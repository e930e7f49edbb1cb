import Foundation
import Hummingbird
import OneGateCore

/// The public catalogue: search, detail, export; import for administrators.
struct CatalogueController {
    let dependencies: AppDependencies

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("procedures", use: search)
        group.get("procedures/{code}", use: detail)
        group.get("catalogue/export", use: export)
        group.post("catalogue/import", use: importCatalogue)
        group.get("units", use: units)
        group.get("units/{code}", use: unit)
    }

    struct ProcedurePage: Encodable {
        var items: [Procedure]
        var total: Int
        var limit: Int
        var offset: Int
    }

    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> Response {
        let parameters = QueryText(request)
        let query = TextFolding.fold(String((parameters["q"] ?? "").prefix(200)))
        var level: ProcedureLevel?
        if let text = parameters["level"] {
            guard let parsed = ProcedureLevel(rawValue: text) else {
                throw OneGateError.invalid(field: "level", vi: "Cấp thực hiện không hợp lệ.", en: "Unknown level.")
            }
            level = parsed
        }
        let limit = try parameters.integer("limit", default: 20, in: 1...dependencies.limits.maximumPageSize)
        let offset = try parameters.integer("offset", default: 0, in: 0...Int(Int32.max))
        let page = try await dependencies.store.searchProcedures(
            folded: query, level: level, tenant: dependencies.tenant, limit: limit, offset: offset)
        return try JSONBody.response(
            ProcedurePage(items: page.items, total: page.total, limit: page.limit, offset: page.offset))
    }

    @Sendable func detail(_ request: Request, context: AppRequestContext) async throws -> Response {
        let code = try context.parameters.require("code")
        var version: Int?
        if let text = QueryText(request)["version"] {
            guard let parsed = Int(text), parsed > 0 else {
                throw OneGateError.invalid(field: "version", vi: "Phiên bản không hợp lệ.", en: "Invalid version.")
            }
            version = parsed
        }
        guard
            let procedure = try await dependencies.store.procedure(
                code: code, version: version, tenant: dependencies.tenant)
        else { throw OneGateError.notFound("procedure") }
        return try JSONBody.response(procedure)
    }

    struct CatalogueDocument: Codable {
        var procedures: [Procedure]
    }

    @Sendable func export(_ request: Request, context: AppRequestContext) async throws -> Response {
        let procedures = try await dependencies.store.currentProcedures(tenant: dependencies.tenant)
        return try JSONBody.response(CatalogueDocument(procedures: procedures))
    }

    @Sendable func importCatalogue(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireOfficer()
        let tree = dependencies.service.units.value
        guard let root = tree.roots.first?.code,
            officer.roles.contains(where: { [.admin, .unitAdmin].contains($0.role) && $0.unit == root })
        else { throw OneGateError.forbidden }
        let document = try await JSONBody.decode(CatalogueDocument.self, from: request, limit: 16 * 1_048_576)
        let summary = try await dependencies.store.importProcedures(document.procedures, tenant: dependencies.tenant)
        dependencies.catalogue.invalidate()
        return try JSONBody.response(summary)
    }

    @Sendable func units(_ request: Request, context: AppRequestContext) async throws -> Response {
        let tree = dependencies.service.units.value
        return try JSONBody.response(tree.units.values.sorted { $0.code < $1.code })
    }

    @Sendable func unit(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let unit = dependencies.service.units.value[try context.parameters.require("code")] else {
            throw OneGateError.notFound("unit")
        }
        return try JSONBody.response(unit)
    }
}
