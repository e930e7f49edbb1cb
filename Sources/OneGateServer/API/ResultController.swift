import Foundation
import Hummingbird
import OneGateCore
import OneGateSigning

/// Results and the transparency log: public verification (by code and number, or an uploaded PDF),
/// signed tree heads, inclusion and consistency proofs, the result's PDF and detached signature for
/// those allowed to read the dossier, and revocation by the competent unit's leader.
struct ResultController {
    let dependencies: AppDependencies

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("results/verify", use: verifyByCode)
        group.post("results/verify", use: verifyUpload)
        group.get("dossiers/{id}/result.pdf", use: resultPDF)
        group.get("dossiers/{id}/result.p7s", use: resultSignature)
        group.post("dossiers/{id}/result/revoke", use: revoke)
        group.post("dossiers/{id}/result/digitised", use: digitised)
        group.get("transparency/head", use: head)
        group.get("transparency/heads", use: heads)
        group.get("transparency/entries/{index}", use: entry)
        group.get("transparency/proofs/inclusion", use: inclusion)
        group.get("transparency/proofs/consistency", use: consistency)
    }

    var log: TransparencyLog {
        get throws {
            guard let log = dependencies.transparency else {
                throw OneGateError(
                    .unavailable, "transparency_unavailable", vi: "Sổ nhật ký minh bạch chưa sẵn sàng.",
                    en: "The transparency log is not available.")
            }
            return log
        }
    }

    var verifier: ResultVerifier {
        get throws {
            guard let verifier = dependencies.verifier else {
                throw OneGateError(
                    .unavailable, "verification_unavailable", vi: "Chức năng kiểm tra chưa sẵn sàng.",
                    en: "Verification is not available.")
            }
            return verifier
        }
    }

    // MARK: - Verification

    @Sendable func verifyByCode(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = QueryText(request)
        guard let code = query["code"], let number = query["number"], code.count <= 60, number.count <= 60 else {
            throw OneGateError.invalid(
                field: "code", vi: "Cần mã hồ sơ và số văn bản.",
                en: "The dossier code and the result number are required.")
        }
        let verification = try await verifier.verify(code: code, number: number, now: dependencies.service.clock.now())
        return try JSONBody.response(
            ResultVerificationView(verification, instance: dependencies.instanceName),
            status: verification.verdict == .notFound ? .notFound : .ok)
    }

    @Sendable func verifyUpload(_ request: Request, context: AppRequestContext) async throws -> Response {
        let bytes = try await JSONBody.collect(request, limit: dependencies.limits.maximumDocumentBytes)
        guard bytes.starts(with: Array("%PDF-".utf8)) else {
            throw OneGateError(
                .unsupportedMediaType, "not_a_pdf", vi: "Tệp tải lên không phải PDF.", en: "The upload is not a PDF.")
        }
        let verification = try await verifier.verify(pdf: bytes, now: dependencies.service.clock.now())
        return try JSONBody.response(ResultVerificationView(verification, instance: dependencies.instanceName))
    }

    // MARK: - The result's files

    private func issued(_ request: Request, context: AppRequestContext) async throws -> IssuedResult {
        let principal = try context.requirePrincipal()
        let dossier = try await dependencies.service.readable(try context.parameters.require("id"), by: principal)
        guard let result = try await dependencies.store.result(dossierID: dossier.id, tenant: dependencies.tenant)
        else { throw OneGateError.notFound("result") }
        return result
    }

    @Sendable func resultPDF(_ request: Request, context: AppRequestContext) async throws -> Response {
        let result = try await issued(request, context: context)
        return try await file(result.document, type: "application/pdf", name: "\(Self.fileName(result)).pdf")
    }

    @Sendable func resultSignature(_ request: Request, context: AppRequestContext) async throws -> Response {
        let result = try await issued(request, context: context)
        guard let signature = result.detachedSignature else { throw OneGateError.notFound("signature") }
        return try await file(signature, type: "application/pkcs7-signature", name: "\(Self.fileName(result)).p7s")
    }

    /// `ket-qua-000.00.12.H40-260302-0042`: ASCII, no personal data.
    static func fileName(_ result: IssuedResult) -> String {
        "ket-qua-" + result.dossierCode.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
    }

    func file(_ sha: String, type: String, name: String) async throws -> Response {
        guard let document = try await dependencies.store.document(sha256: sha, tenant: dependencies.tenant) else {
            throw OneGateError.notFound("document")
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: type, .cacheControl: "private, no-store",
                .contentDisposition: "attachment; filename=\"\(name)\"",
            ],
            body: .init(byteBuffer: .init(bytes: document.bytes)))
    }

    // MARK: - Revocation

    struct RevokeRequest: Decodable {
        var reason: String
        var supersededBy: String?
    }

    @Sendable func revoke(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireOfficer()
        let body = try await JSONBody.collect(request, limit: dependencies.limits.maximumJSONBytes)
        let input = try JSONBody.decode(RevokeRequest.self, body: body, request: request)
        let dossier = try await dependencies.service.readable(
            try context.parameters.require("id"), by: .officer(officer))
        let result = try await ResultRevocation(dependencies: dependencies).revoke(
            dossier: dossier, by: officer, reason: input.reason, supersededBy: input.supersededBy)
        return try JSONBody.response(ResultView(result))
    }

    /// A scanned paper result (PDF body), its number in the query.
    @Sendable func digitised(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireOfficer()
        let query = QueryText(request)
        try Self.require(["number"], in: query)
        let dossier = try await dependencies.service.readable(
            try context.parameters.require("id"), by: .officer(officer))
        let scan = try await JSONBody.collect(request, limit: dependencies.limits.maximumDocumentBytes)
        let result = try await DigitisedResults(dependencies: dependencies).record(
            scan: scan, number: query["number"] ?? "", dossier: dossier, by: officer)
        return try JSONBody.response(ResultView(result), status: .created)
    }

    // MARK: - Transparency log

    @Sendable func head(_ request: Request, context: AppRequestContext) async throws -> Response {
        let head = try await log.currentHead()
        return try JSONBody.response(try await TreeHeadView(head, dependencies: dependencies))
    }

    @Sendable func heads(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = QueryText(request)
        let limit = try query.integer("limit", default: 50, in: 1...dependencies.limits.maximumPageSize)
        let offset = try query.integer("offset", default: 0, in: 0...Int(Int32.max))
        _ = try await log.currentHead()
        let heads = try await dependencies.store.treeHeads(limit: limit, offset: offset, tenant: dependencies.tenant)
        var views: [TreeHeadView] = []
        for head in heads { views.append(try await TreeHeadView(head, dependencies: dependencies)) }
        return try JSONBody.response(TreeHeadList(items: views, limit: limit, offset: offset))
    }

    @Sendable func entry(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let index = Int(try context.parameters.require("index")), index >= 0 else {
            throw OneGateError.invalid(field: "index", vi: "Số thứ tự không hợp lệ.", en: "The index is not valid.")
        }
        guard
            let leaf = try await dependencies.store.transparencyLeaves(
                from: index, limit: 1, tenant: dependencies.tenant
            )
            .first, leaf.index == index
        else { throw OneGateError.notFound("entry") }
        return try JSONBody.response(EntryView(leaf))
    }

    @Sendable func inclusion(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = QueryText(request)
        try Self.require(["index", "size"], in: query)
        let index = try query.integer("index", default: 0, in: 0...Int(Int32.max))
        let size = try query.integer("size", default: 1, in: 1...Int(Int32.max))
        guard index < size else {
            throw OneGateError.invalid(
                field: "index", vi: "Số thứ tự phải nhỏ hơn kích thước cây.",
                en: "The index must be below the tree size.")
        }
        let proof = try await log.inclusionProof(index: index, size: size)
        let leaf = try await log.leafHash(index) ?? []
        return try JSONBody.response(
            InclusionView(index: index, treeSize: size, leafHash: Hex.encode(leaf), auditPath: proof.map(Hex.encode)))
    }

    @Sendable func consistency(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = QueryText(request)
        try Self.require(["from", "to"], in: query)
        let from = try query.integer("from", default: 1, in: 1...Int(Int32.max))
        let to = try query.integer("to", default: 1, in: 1...Int(Int32.max))
        guard from <= to else {
            throw OneGateError.invalid(
                field: "from", vi: "Kích thước cũ phải không lớn hơn kích thước mới.",
                en: "The old size must not exceed the new size.")
        }
        let proof = try await log.consistencyProof(from: from, to: to)
        return try JSONBody.response(
            ConsistencyView(
                fromSize: from, toSize: to, fromRoot: Hex.encode(try await log.root(size: from)),
                toRoot: Hex.encode(try await log.root(size: to)), proof: proof.map(Hex.encode)))
    }

    static func require(_ names: [String], in query: QueryText) throws {
        for name in names where query[name] == nil {
            throw OneGateError.invalid(field: name, vi: "Thiếu tham số \(name).", en: "\(name) is required.")
        }
    }
}
