import Foundation
import HTTPTypes
import Hummingbird
import OneGateCore

/// The signed files behind the pages. For the applicant, of their own dossiers only: the issued
/// result's PDF and the unit's detached signature, and the receipt (form 01) signed on demand. For
/// officers, of the dossiers they may read: forms 01–06 as signed PDFs with the content of their
/// HTML pages, the result's PDF, and the ledger of form 07 with the page's parameters and checks.
struct DocumentDownloads {
    let web: Web

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("my/dossiers/{id}/result.pdf", use: citizenResult)
        router.get("my/dossiers/{id}/result.p7s", use: citizenSignature)
        router.get("my/dossiers/{id}/receipt.pdf", use: citizenReceipt)
        router.get("work/dossiers/{id}/forms/{number}.pdf", use: officerForm)
        router.get("work/dossiers/{id}/result.pdf", use: officerResult)
        router.get("work/ledger.pdf", use: ledger)
    }

    private var files: ResultController { ResultController(dependencies: web.dependencies) }

    // MARK: - The applicant's

    private func applicantDossier(_ request: Request, _ context: AppRequestContext) async throws -> (Dossier, Visitor) {
        let visitor = web.visitor(request, context)
        let applicant = try web.requireApplicant(visitor)
        let dossier = try await web.service.readable(try context.parameters.require("id"), by: .applicant(applicant))
        return (dossier, visitor)
    }

    private func issued(_ dossier: Dossier) async throws -> IssuedResult {
        guard let result = try await web.store.result(dossierID: dossier.id, tenant: web.dependencies.tenant) else {
            throw OneGateError.notFound("result")
        }
        return result
    }

    @Sendable func citizenResult(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (dossier, _) = try await applicantDossier(request, context)
        let result = try await issued(dossier)
        return try await files.file(
            result.document, type: "application/pdf", name: "\(ResultController.fileName(result)).pdf")
    }

    @Sendable func citizenSignature(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (dossier, _) = try await applicantDossier(request, context)
        let result = try await issued(dossier)
        guard let signature = result.detachedSignature else { throw OneGateError.notFound("signature") }
        return try await files.file(
            signature, type: "application/pkcs7-signature", name: "\(ResultController.fileName(result)).p7s")
    }

    /// Form 01 of the applicant's dossier, signed now: what was received, the fee and the
    /// appointment; no lookup secret and no officer's name.
    @Sendable func citizenReceipt(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (dossier, visitor) = try await applicantDossier(request, context)
        let form = try await OfficerPrintForms.gather("01", dossier: dossier, web: web, visitor: visitor)
        let pdf = try await FormDocuments(web: web, visitor: visitor).signed(form, dossier: dossier, forApplicant: true)
        return Self.pdf(pdf, name: "giay-tiep-nhan-\(Self.ascii(dossier.publicIdentifier)).pdf", attachment: true)
    }

    // MARK: - Officers'

    @Sendable func officerForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let officer = try OfficerPages.requireStaff(web, visitor)
        let dossier = try await web.service.readable(try context.parameters.require("id"), by: .officer(officer))
        let number = try context.parameters.require("number")
        let form = try await OfficerPrintForms.gather(number, dossier: dossier, web: web, visitor: visitor)
        let pdf = try await FormDocuments(web: web, visitor: visitor).signed(form, dossier: dossier)
        return Self.pdf(pdf, name: "mau-\(number)-\(Self.ascii(dossier.publicIdentifier)).pdf", attachment: false)
    }

    @Sendable func officerResult(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let officer = try OfficerPages.requireStaff(web, visitor)
        let dossier = try await web.service.readable(try context.parameters.require("id"), by: .officer(officer))
        let result = try await issued(dossier)
        return try await files.file(
            result.document, type: "application/pdf", name: "\(ResultController.fileName(result)).pdf")
    }

    /// Form 07 for the unit and period of `/work/ledger` (same parameters, same checks), every row
    /// of the period in one signed document.
    @Sendable func ledger(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let officer = try OfficerPages.requireStaff(web, visitor)
        let pages = IndicatorLedgerPages(web: web)
        let query = QueryText(request)
        let scope = try pages.access.scope(unit: query["unit"], period: query["period"], officer: officer)
        let found = try await pages.access.received(scope: scope)
        let rows = try await pages.ledgerRows(found, first: 0, visitor: visitor)
        let now = web.service.clock.now()
        let documents = FormDocuments(web: web, visitor: visitor)
        let document = try documents.ledger(
            unit: scope.unit, periodKey: scope.periodKey,
            periodLabel: IndicatorPages.periodLabel(scope.period, visitor), rows: rows, officer: officer, at: now)
        let pdf = try await documents.sign(document, slot: "officer", at: now)
        return Self.pdf(
            pdf, name: "so-theo-doi-\(Self.ascii(scope.unit))-\(Self.ascii(scope.periodKey)).pdf", attachment: false)
    }

    // MARK: - Answers

    static func pdf(_ bytes: [UInt8], name: String, attachment: Bool) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "application/pdf", .cacheControl: "private, no-store",
                .contentDisposition: "\(attachment ? "attachment" : "inline"); filename=\"\(name)\"",
                HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            ],
            body: .init(byteBuffer: .init(bytes: bytes)))
    }

    /// A file name part in plain ASCII letters, digits, dots and dashes.
    static func ascii(_ text: String) -> String {
        text.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
    }
}
