import Foundation
import Hummingbird
import OneGateCore

/// Dossiers: submission, counter reception, lifecycle actions, reads, events and audit.
struct DossierController {
    let dependencies: AppDependencies

    var service: DossierService { dependencies.service }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("dossiers", use: submit)
        group.post("counter/dossiers", use: receiveAtCounter)
        group.get("dossiers", use: list)
        group.get("dossiers/{id}", use: detail)
        group.post("dossiers/{id}/actions/{action}", use: act)
        group.get("dossiers/{id}/events", use: events)
        group.get("dossiers/{id}/due", use: due)
        group.get("dossiers/{id}/verify", use: verify)
        group.get("dossiers/{id}/audit-export", use: auditExport)
        group.post("public/status", use: publicStatus)
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard case .applicant(let applicant) = try context.requirePrincipal() else {
            throw OneGateError(
                .forbidden, "applicants_only", vi: "Chỉ công dân, tổ chức nộp hồ sơ trực tuyến.",
                en: "Only applicants submit online; officers use the counter endpoint.")
        }
        let body = try await JSONBody.collect(request, limit: dependencies.limits.maximumJSONBytes)
        let application = try JSONBody.decode(ApplicationRequest.self, body: body, request: request)
        let secret = service.ids.secret()
        let render = created(secret: secret)
        let claim = try Idempotency.claim(
            request, body: body, principal: .applicant(applicant), digest: service.signer.digest, respond: render)
        let result = try await service.submitOnline(
            application.input(secret: secret), by: applicant, idempotency: claim)
        return try Idempotency.response(result, render: render)
    }

    @Sendable func receiveAtCounter(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireOfficer()
        let body = try await JSONBody.collect(request, limit: dependencies.limits.maximumJSONBytes)
        let application = try JSONBody.decode(ApplicationRequest.self, body: body, request: request)
        guard let person = application.applicant else {
            throw OneGateError.invalid(
                field: "applicant", vi: "Cần nhập thông tin người nộp.", en: "The applicant is required.")
        }
        guard !person.fullName.trimmingCharacters(in: .whitespaces).isEmpty, person.fullName.count <= 200 else {
            throw OneGateError.invalid(
                field: "applicant.fullName", vi: "Cần nhập họ tên người nộp.",
                en: "The applicant's full name is required.")
        }
        let applicant = Applicant(
            id: "", kind: person.kind ?? .person, identifier: person.identifier, fullName: person.fullName,
            phone: person.phone, email: person.email, address: person.address)
        let secret = service.ids.secret()
        let render = created(secret: secret)
        let claim = try Idempotency.claim(
            request, body: body, principal: .officer(officer), digest: service.signer.digest, respond: render)
        let result = try await service.receiveAtCounter(
            application.input(secret: secret), applicant: applicant, channel: application.channel ?? .counter,
            assisted: application.assisted ?? false, by: officer, idempotency: claim)
        return try Idempotency.response(result, render: render)
    }

    /// The answer to a creation: 201 with the dossier and, once, its secret.
    private func created(secret: String) -> @Sendable (Dossier) throws -> StoredResponse {
        { dossier in
            StoredResponse(status: 201, body: try JSONBody.bytes(DossierView(dossier, secret: secret)))
        }
    }

    @Sendable func act(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.require("id")
        guard let name = ActionName(rawValue: try context.parameters.require("action")),
            name != .submit, name != .receiveAtCounter
        else { throw OneGateError.notFound("action") }
        let body = try await JSONBody.collect(request, limit: dependencies.limits.maximumJSONBytes)
        let payload = try JSONBody.decode(
            ActionRequest.self, body: body.isEmpty ? Array("{}".utf8) : body, request: request)
        let action = try payload.action(name)
        let render: @Sendable (Dossier) throws -> StoredResponse = { dossier in
            StoredResponse(status: 200, body: try JSONBody.bytes(DossierView(dossier)))
        }
        let claim = try Idempotency.claim(
            request, body: body, principal: principal, digest: service.signer.digest, respond: render)
        let result = try await service.perform(action, on: id, by: principal, idempotency: claim)
        return try Idempotency.response(result, render: render)
    }

    @Sendable func detail(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let dossier = try await service.readable(try context.parameters.require("id"), by: principal)
        if case .officer(let officer) = principal {
            try await DataAccessRecorder(dependencies: dependencies).officer(officer, read: .dossierRead, of: dossier)
        }
        let procedure = try await service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
        return try JSONBody.response(DossierView(dossier, procedureName: procedure.name))
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let parameters = QueryText(request)
        let limit = try parameters.integer("limit", default: 50, in: 1...dependencies.limits.maximumPageSize)
        let offset = try parameters.integer("offset", default: 0, in: 0...Int(Int32.max))
        var states: [DossierState]?
        if let text = parameters["state"] {
            states = try text.split(separator: ",").map { raw in
                guard let state = DossierState(rawValue: String(raw)) else {
                    throw OneGateError.invalid(field: "state", vi: "Trạng thái không hợp lệ.", en: "Unknown state.")
                }
                return state
            }
        }
        var query = DossierQuery(
            tenant: dependencies.tenant, states: states,
            procedureCode: parameters["procedure"], limit: limit, offset: offset)
        if try parameters.boolean("overdue") {
            // Overdue means the clock runs and the due moment has passed: open, not paused.
            query.dueBefore = service.clock.now()
            let running: [DossierState] = [.submitted, .received, .inProgress, .awaitingPayment]
            query.states = (states ?? running).filter(running.contains)
        }
        switch principal {
        case .applicant(let applicant):
            query.applicantID = applicant.id
        case .officer(let officer):
            let tree = service.units.value
            var scope = Set(officer.roles.filter { $0.role != .citizen }.flatMap { tree.subtree(of: $0.unit) })
            if let unit = parameters["unit"] {
                guard scope.contains(unit) else { throw OneGateError.forbidden }
                scope = Set(tree.subtree(of: unit))
            }
            query.units = scope.sorted()
            switch parameters["assignee"] {
            case nil: break
            case "me": query.assignee = officer.id
            default:
                throw OneGateError.invalid(
                    field: "assignee", vi: "Chỉ hỗ trợ assignee=me.", en: "Only assignee=me is supported.")
            }
        case .system:
            break
        }
        let page = try await dependencies.store.dossiers(query)
        return try JSONBody.response(
            DossierPage(
                items: page.items.map { DossierView($0) }, total: page.total, limit: page.limit, offset: page.offset))
    }

    @Sendable func events(_ request: Request, context: AppRequestContext) async throws -> Response {
        let dossier = try await service.readable(
            try context.parameters.require("id"), by: try context.requirePrincipal())
        let events = try await dependencies.store.events(dossierID: dossier.id, tenant: dependencies.tenant)
        return try JSONBody.response(EventList(dossier: dossier.publicIdentifier, events: events.map(EventView.init)))
    }

    @Sendable func due(_ request: Request, context: AppRequestContext) async throws -> Response {
        let dossier = try await service.readable(
            try context.parameters.require("id"), by: try context.requirePrincipal())
        let procedure = try await service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
        let explanation = DueDateReport(dossier: dossier, procedure: procedure, calendar: service.calendar)
        return try JSONBody.response(explanation)
    }

    @Sendable func verify(_ request: Request, context: AppRequestContext) async throws -> Response {
        let dossier = try await service.readable(
            try context.parameters.require("id"), by: try context.requirePrincipal())
        let events = try await dependencies.store.events(dossierID: dossier.id, tenant: dependencies.tenant)
        let failure = try await dependencies.audit.verify(events: events)
        return try JSONBody.response(
            VerificationView(
                dossier: dossier.publicIdentifier, events: events.count, valid: failure == nil, failure: failure,
                lastHash: events.last?.hash))
    }

    @Sendable func auditExport(_ request: Request, context: AppRequestContext) async throws -> Response {
        let dossier = try await service.readable(
            try context.parameters.require("id"), by: try context.requirePrincipal())
        let events = try await dependencies.store.events(dossierID: dossier.id, tenant: dependencies.tenant)
        let zip = try await dependencies.audit.exportZip(events: events, dossierCode: dossier.publicIdentifier)
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/zip",
                .contentDisposition: "attachment; filename=\"audit-\(dossier.publicIdentifier).zip\"",
            ],
            body: .init(byteBuffer: .init(bytes: zip)))
    }

    @Sendable func publicStatus(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Lookup: Decodable {
            var code: String
            var secret: String
        }
        let lookup = try await JSONBody.decode(Lookup.self, from: request, limit: 4096)
        let dossier = try await service.publicStatus(code: lookup.code, secret: lookup.secret)
        let procedure = try await service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
        return try JSONBody.response(PublicStatus(dossier: dossier, procedure: procedure))
    }
}

struct DossierPage: Encodable {
    let items: [DossierView]
    let total: Int
    let limit: Int
    let offset: Int
}

struct EventList: Encodable {
    let dossier: String
    let events: [EventView]
}

struct VerificationView: Encodable {
    let dossier: String
    let events: Int
    let valid: Bool
    let failure: String?
    let lastHash: String?
}

/// The minimum public data for a status lookup: no names, no identifiers, no form data.
struct PublicStatus: Encodable {
    let code: String
    let procedure: LocalizedText
    let state: DossierState
    let stateLabel: LocalizedText
    let nationalStatus: Int?
    let submittedAt: Date
    let receivedAt: Date?
    let dueAt: Date?
    let awaitsApplicant: Bool
    let finishedAt: Date?

    init(dossier: Dossier, procedure: Procedure) {
        code = dossier.publicIdentifier
        self.procedure = procedure.name
        state = dossier.state
        stateLabel = dossier.state.label
        nationalStatus = dossier.state.nationalCode
        submittedAt = dossier.submittedAt
        receivedAt = dossier.receivedAt
        dueAt = dossier.dueAt
        awaitsApplicant = dossier.awaitsApplicant
        finishedAt = dossier.finishedAt
    }
}
