import Foundation
import HTTPTypes
import Hummingbird
import OneGateCore

/// Uploads and downloads of dossier documents: stored once by SHA-256, checked by content.
struct DocumentController {
    let dependencies: AppDependencies

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("documents", use: upload)
        group.get("documents/{sha256}", use: download)
    }

    struct UploadResponse: Encodable {
        var sha256: String
        var contentType: String
        var size: Int
    }

    @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let bytes = try await JSONBody.collect(request, limit: dependencies.limits.maximumDocumentBytes)
        let contentType = try DocumentInspector.check(
            bytes, declared: request.headers[.contentType], maximumBytes: dependencies.limits.maximumDocumentBytes)
        let sha256 = dependencies.service.signer.digest(bytes)
        let created = try await dependencies.store.putDocument(
            StoredDocument(
                sha256: sha256, contentType: contentType, bytes: bytes, createdAt: dependencies.service.clock.now()),
            owner: principal.id, tenant: dependencies.tenant)
        return try JSONBody.response(
            UploadResponse(sha256: sha256, contentType: contentType, size: bytes.count),
            status: created ? .created : .ok)
    }

    /// A document is readable by whoever uploaded it, and by anyone who can read a dossier that
    /// references it (checked through the dossier given as `?dossier=`).
    @Sendable func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let sha256 = try context.parameters.require("sha256")
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else { throw OneGateError.notFound("document") }
        var allowed = try await dependencies.store.documentOwned(
            sha256: sha256, by: principal.id, tenant: dependencies.tenant)
        if !allowed, let key = QueryText(request)["dossier"] {
            let dossier = try await dependencies.service.readable(key, by: principal)
            allowed = dossier.components.contains { $0.document == sha256 }
            if allowed, case .officer(let officer) = principal {
                try await DataAccessRecorder(dependencies: dependencies).officer(
                    officer, read: .documentRead, of: dossier, resource: sha256)
            }
        }
        guard allowed, let document = try await dependencies.store.document(sha256: sha256, tenant: dependencies.tenant)
        else { throw OneGateError.notFound("document") }
        return Response(
            status: .ok,
            headers: [
                .contentType: document.contentType, .cacheControl: "private, max-age=3600",
                HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            ],
            body: .init(byteBuffer: .init(bytes: document.bytes)))
    }
}
