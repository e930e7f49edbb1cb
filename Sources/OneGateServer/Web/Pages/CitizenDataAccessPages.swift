import Foundation
import Hummingbird
import OneGateCore
import OneGateSigning

/// "Who used my data" (once-only.md): every read of the person's data by someone else — who, for
/// which unit, when, what, for which dossier or legal basis — from their signed, chained access
/// log, with the result of checking that chain.
struct CitizenDataAccessPages {
    let web: Web
    static let pageSize = 50

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("my/data-access", use: list)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let applicant = try web.requireApplicant(visitor)
        let page = max(1, min(10_000, Int(QueryText(request)["page"] ?? "1") ?? 1))
        let log = DataAccessRecorder(dependencies: web.dependencies).log
        let found = try await log.store.accessRecords(
            subject: applicant.id, tenant: web.dependencies.tenant, limit: Self.pageSize,
            offset: (page - 1) * Self.pageSize)
        let presenter = DossierPresenter(web: web, visitor: visitor)
        let rows: [[String: Any]] = found.items.map { record in
            let access = record.access
            return [
                "at": web.dateTime(access.at), "who": access.actorName,
                "unit": access.unit.map { presenter.unitName($0) } ?? "",
                "what": visitor.text("access_\(access.action.rawValue)"),
                "resource": Self.shortResource(access.resource),
                "purpose": access.purpose,
                // Codes and hashes read best in a fixed-width font; words (with Vietnamese
                // diacritics, which monospace fonts stack badly) do not.
                "resourceIsCode": !access.resource.contains(" "),
            ]
        }
        let signer = web.dependencies.documents?.pades.signer
        let broken = try await log.firstBrokenLink(subject: applicant.id) { record in
            signer?.isValid(
                signature: record.signature, over: record.canonical, serial: record.certificateSerial,
                at: record.access.at) ?? false
        }
        return web.page(
            "citizen-data-access", title: visitor.text("access_title"), visitor: visitor,
            data: [
                "rows": rows, "hasRows": !rows.isEmpty, "total": found.total, "verified": broken == nil,
                "brokenAt": broken.map(String.init) ?? "",
                "pagination": Pagination(
                    page: page, pageSize: Self.pageSize, total: found.total, base: "/my/data-access?"
                )
                .values(visitor),
            ])
    }

    /// A document's hash is shortened for reading; codes are shown whole.
    static func shortResource(_ resource: String) -> String {
        guard let last = resource.split(separator: ":").last, last.count == 64 else { return resource }
        let prefix = resource.dropLast(64)
        return prefix + last.prefix(12) + "…"
    }
}
