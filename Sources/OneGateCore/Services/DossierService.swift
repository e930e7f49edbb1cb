import Foundation

/// What a change-making use case returns: the dossier and its stored answer, or the first answer
/// to an idempotency key that was used before.
public enum ServiceResult: Sendable {
    case fresh(Dossier, StoredResponse?)
    case replayed(StoredResponse)
}

/// The form and documents of a new dossier.
public struct ApplicationInput: Sendable {
    public var procedureCode: String
    public var receivingUnit: String?
    public var competentUnit: String?
    /// The status-lookup secret given to the applicant (shown once; only its hash is stored).
    public var secret: String
    public var data: [String: JSONValue]
    public var components: [DossierComponent]

    public init(
        procedureCode: String, receivingUnit: String?, competentUnit: String?, secret: String,
        data: [String: JSONValue], components: [DossierComponent]
    ) {
        self.procedureCode = procedureCode
        self.receivingUnit = receivingUnit
        self.competentUnit = competentUnit
        self.secret = secret
        self.data = data
        self.components = components
    }
}

/// The dossier use cases: submit, receive at a counter, every lifecycle action, reads. The domain
/// decides here; the store, the signer and the clock are ports.
public struct DossierService: Sendable {
    public let tenant: String
    public let store: any OneGateStore
    public let signer: any EventSigner
    /// The working calendar, replaced as a whole when an administrator changes a year's holidays,
    /// so that due dates computed afterwards follow the change without a restart.
    public let calendars: Snapshot<WorkingCalendar>
    public let clock: Clock
    public let ids: IdentifierSource
    public let codeFormat: DossierCodeFormat
    public let units: Snapshot<UnitTree>
    /// Makes the signed PDFs of results at approval and issue; without it results are recorded by
    /// number only (tests of the lifecycle alone).
    public var documents: (any ResultDocumentMaker)?
    /// The instance name written into transparency log entries.
    public var instanceName: String = "OneGate"
    private let procedures = ImmutableCache<String, Procedure>()

    public init(
        tenant: String, store: any OneGateStore, signer: any EventSigner, calendar: WorkingCalendar, clock: Clock,
        ids: IdentifierSource, codeFormat: DossierCodeFormat, units: Snapshot<UnitTree>
    ) {
        self.tenant = tenant
        self.store = store
        self.signer = signer
        self.calendars = Snapshot(calendar)
        self.clock = clock
        self.ids = ids
        self.codeFormat = codeFormat
        self.units = units
    }

    public var authorizer: Authorizer { Authorizer(tree: units.value) }

    /// The calendar in force now. Read it once per use case: two reads may straddle a change.
    public var calendar: WorkingCalendar { calendars.value }

    // MARK: - Opening dossiers

    /// An applicant submits online. The dossier waits for the reception check (8 working hours).
    public func submitOnline(
        _ input: ApplicationInput, by applicant: Applicant, idempotency: IdempotencyClaim?
    ) async throws -> ServiceResult {
        if let replay = try await replay(idempotency) { return replay }
        let procedure = try await currentProcedure(input.procedureCode)
        guard procedure.onlineLevel != .none else {
            throw OneGateError(
                .unprocessable, "not_offered_online", vi: "Thủ tục này không được cung cấp trực tuyến.",
                en: "This procedure is not offered online.", details: ["procedure": procedure.code])
        }
        try await checkDocuments(input.components, ownedBy: applicant.id)
        let (receiving, competent) = try route(input, procedure: procedure)
        let actor = EventActor(id: applicant.id, role: Role.citizen.rawValue, unit: receiving)
        return try await open(
            input, procedure: procedure, applicantID: applicant.id, channel: .online, assisted: false,
            receiving: receiving, competent: competent, actor: actor, signer: .receptionService,
            idempotency: idempotency)
    }

    /// A reception officer receives a paper (or postal, or assisted) dossier: code and appointment at once.
    public func receiveAtCounter(
        _ input: ApplicationInput, applicant: Applicant, channel: Channel, assisted: Bool, by officer: Officer,
        idempotency: IdempotencyClaim?
    ) async throws -> ServiceResult {
        if let replay = try await replay(idempotency) { return replay }
        if let requested = input.receivingUnit, !authorizer.officer(officer, has: [.reception], at: requested) {
            throw OneGateError.forbidden
        }
        let procedure = try await currentProcedure(input.procedureCode)
        let (receiving, competent) = try route(input, procedure: procedure)
        guard authorizer.officer(officer, has: [.reception], at: receiving) else { throw OneGateError.forbidden }
        guard Applicant.validate(kind: applicant.kind, identifier: applicant.identifier) else {
            throw OneGateError.invalid(
                field: "applicant.identifier", vi: "Số định danh hoặc mã số thuế không hợp lệ.",
                en: "The personal identification number or tax code is not valid.")
        }
        // Scans attached at the counter must be the officer's own uploads.
        try await checkDocuments(input.components, ownedBy: officer.id)
        // Everything that can be refused is checked before anything is written.
        var probe = Dossier(
            id: "", tenant: tenant, reference: "", secretHash: "", procedure: procedure, applicantID: "",
            channel: channel == .online ? .counter : channel, assisted: assisted, receivingUnit: receiving,
            competentUnit: competent, data: input.data, components: input.components, submittedAt: clock.now())
        probe.state = .draft
        try Lifecycle.checkSubmission(probe, procedure: procedure)
        let stored: Applicant
        if let existing = try await store.applicant(identifier: applicant.identifier, tenant: tenant) {
            stored = existing
        } else {
            var created = applicant
            created.id = ids.id()
            try await store.saveApplicant(created, passwordHash: nil, tenant: tenant)
            stored = created
        }
        let actor = EventActor(id: officer.id, role: Role.reception.rawValue, unit: receiving)
        return try await open(
            input, procedure: procedure, applicantID: stored.id, channel: channel == .online ? .counter : channel,
            assisted: assisted, receiving: receiving, competent: competent, actor: actor,
            signer: .officer(id: officer.id, name: officer.fullName), idempotency: idempotency)
    }

    private func open(
        _ input: ApplicationInput, procedure: Procedure, applicantID: String, channel: Channel, assisted: Bool,
        receiving: String, competent: String, actor: EventActor, signer identity: SignerIdentity,
        idempotency: IdempotencyClaim?
    ) async throws -> ServiceResult {
        let now = Timestamp.truncate(clock.now())
        let secret = input.secret.uppercased()
        let reference = "S" + IdentifierSource.randomToken(length: 11)
        var dossier = Dossier(
            id: ids.id(), tenant: tenant, reference: reference, secretHash: signer.digest(Array(secret.utf8)),
            procedure: procedure, applicantID: applicantID, channel: channel, assisted: assisted,
            receivingUnit: receiving, competentUnit: competent, data: input.data, components: input.components,
            submittedAt: now)
        let code = channel == .online ? nil : try await allocateCode(unit: receiving, at: now)
        let context = LifecycleContext(
            procedure: procedure, calendar: calendar, now: now, actorID: actor.id, newCode: code)
        let transition = try Lifecycle.open(dossier, context: context)
        dossier = transition.dossier
        return try await record(
            transition, before: nil, procedure: procedure, actor: actor, signer: identity, at: now,
            idempotency: idempotency)
    }

    // MARK: - Lifecycle actions

    /// Performs a lifecycle action on a dossier, as `principal`.
    public func perform(
        _ action: DossierAction, on dossierKey: String, by principal: Principal, idempotency: IdempotencyClaim?
    ) async throws -> ServiceResult {
        if let replay = try await replay(idempotency) { return replay }
        guard let dossier = try await find(dossierKey), authorizer.canRead(dossier, principal: principal) else {
            throw OneGateError.notFound("dossier")
        }
        let (actor, identity) = try await authorise(action, on: dossier, principal: principal)
        if case .supplement(let components, _) = action { try await checkDocuments(components, ownedBy: principal.id) }
        let procedure = try await procedureVersion(dossier.procedureCode, dossier.procedureVersion)
        let now = Timestamp.truncate(clock.now())
        var code: String?
        if case .accept = action, TransitionTable.isAllowed(.accept, from: .init(dossier.state, dossier.step)) {
            code = try await allocateCode(unit: dossier.receivingUnit, at: now)
        }
        let context = LifecycleContext(
            procedure: procedure, calendar: calendar, now: now, actorID: actor.id, newCode: code)
        let transition = try Lifecycle.apply(action, to: dossier, context: context)
        var attachments = ChangeAttachments()
        if let documents, case .officer(let officer) = principal {
            attachments = try await resultDocuments(
                action, transition: transition, before: dossier, procedure: procedure, officer: officer,
                maker: documents,
                at: now)
        }
        let result = try await record(
            transition, before: dossier, procedure: procedure, actor: actor, signer: identity, at: now,
            idempotency: idempotency, attachments: attachments)
        // The issued result goes into the applicant's vault once the issue is committed (not
        // before: a failed commit must not leave a "result" there).
        if let issued = attachments.result, case .fresh = result {
            try await deliverToVault(issued, applicantID: dossier.applicantID, at: now)
        }
        return result
    }

    /// Gives the applicant the right to the issued result's PDF and signature: it appears in their
    /// vault and can be attached to another application by reference.
    public func deliverToVault(_ result: IssuedResult, applicantID: String, at now: Date) async throws {
        for sha in [result.document] + (result.detachedSignature.map { [$0] } ?? []) {
            guard let stored = try await store.document(sha256: sha, tenant: tenant) else { continue }
            try await store.putDocument(stored, owner: applicantID, tenant: tenant)
        }
    }

    /// What an approval or an issue adds to its change: the signed PDF (stored first; it is
    /// content-addressed, so a failed commit leaves only an unreferenced copy), its hash in the
    /// signed event, and for an issue the result row and its transparency log entry.
    private func resultDocuments(
        _ action: DossierAction, transition: LifecycleTransition, before: Dossier, procedure: Procedure,
        officer: Officer, maker: any ResultDocumentMaker, at now: Date
    ) async throws -> ChangeAttachments {
        var attachments = ChangeAttachments()
        switch action {
        case .approve:
            let pdf = try await maker.leaderSigned(transition.dossier, procedure: procedure, leader: officer, at: now)
            attachments.eventData["resultDocument"] = .string(try await storePDF(pdf, owner: officer.id, at: now))
        case .issue(let number):
            let events = try await store.events(dossierID: before.id, tenant: tenant)
            guard let approval = events.last(where: { $0.type == ActionName.approve.rawValue }),
                case .string(let leaderSHA)? = Self.eventData(approval)["resultDocument"]
            else {
                // Approved before results became documents: issued by number, as it was then.
                return attachments
            }
            guard let leaderPDF = try await store.document(sha256: leaderSHA, tenant: tenant) else {
                throw OneGateError(
                    .conflict, "result_not_signed", vi: "Không tìm thấy bản kết quả đã được lãnh đạo ký số.",
                    en: "The result signed by the leader cannot be found.")
            }
            let sealed = try await maker.sealed(
                leaderPDF.bytes, dossier: transition.dossier, procedure: procedure, number: number, clerk: officer,
                at: now)
            let sha = try await storePDF(sealed.pdf, owner: officer.id, at: now)
            let detached = try await storePDF(
                sealed.detached, owner: officer.id, at: now, contentType: "application/pkcs7-signature")
            attachments.eventData["resultDocument"] = .string(sha)
            var result = IssuedResult(
                dossierID: before.id, tenant: tenant, dossierCode: transition.dossier.publicIdentifier, number: number,
                document: sha, leaderDocument: leaderSHA, unit: transition.dossier.competentUnit,
                granted: (transition.dossier.outcome ?? .granted) == .granted, issuedAt: now, validUntil: nil)
            result.detachedSignature = detached
            let entry = TransparencyEntries.issued(result, instance: instanceName)
            attachments.result = result
            attachments.transparency = [
                TransparencyEntry(
                    entry: entry, leafHash: TransparencyEntries.leafHash(entry, digest: signer.digest), at: now)
            ]
        default:
            break
        }
        return attachments
    }

    private func storePDF(
        _ pdf: [UInt8], owner: String, at now: Date, contentType: String = "application/pdf"
    ) async throws -> String {
        let sha = signer.digest(pdf)
        try await store.putDocument(
            StoredDocument(sha256: sha, contentType: contentType, bytes: pdf, createdAt: now), owner: owner,
            tenant: tenant)
        return sha
    }

    /// The `data` member of a signed event.
    static func eventData(_ event: SignedEvent) -> [String: JSONValue] {
        (try? JSONDecoder().decode(JSONValue.self, from: Data(event.canonical)))?["data"]?.objectValue ?? [:]
    }

    /// Which role and key an action is done with, or `forbidden`.
    private func authorise(
        _ action: DossierAction, on dossier: Dossier, principal: Principal
    ) async throws -> (EventActor, SignerIdentity) {
        switch principal {
        case .system:
            return (.system(unit: dossier.receivingUnit), .receptionService)
        case .applicant(let applicant):
            let allowed: Set<ActionName> = [.supplement, .pay, .withdraw]
            guard allowed.contains(action.name), dossier.applicantID == applicant.id else {
                throw OneGateError.forbidden
            }
            if case .pay(let method, _) = action, method != .online { throw OneGateError.forbidden }
            return (
                EventActor(id: applicant.id, role: Role.citizen.rawValue, unit: dossier.receivingUnit),
                .receptionService
            )
        case .officer(let officer):
            let roles = TransitionTable.roles(for: action.name).filter { $0 != .citizen }
            var unit: String
            switch action.name {
            case .accept, .refuse, .supplement, .withdraw, .pay:
                unit = dossier.receivingUnit
            case .requestSupplement:
                unit = dossier.state == .submitted ? dossier.receivingUnit : dossier.competentUnit
            case .assign:
                unit = dossier.state == .received ? dossier.receivingUnit : dossier.competentUnit
            case .returnFromOtherAgency:
                unit = dossier.otherAgency ?? dossier.competentUnit
            case .deliver:
                unit =
                    authorizer.officer(officer, has: [.reception], at: dossier.receivingUnit)
                    ? dossier.receivingUnit : dossier.competentUnit
            default:
                unit = dossier.competentUnit
            }
            var candidates = roles
            if action.name == .assign && dossier.state != .received { candidates = [.leader] }
            if action.name == .requestSupplement && dossier.state == .submitted { candidates = [.reception] }
            if action.name == .requestSupplement && dossier.state != .submitted { candidates = [.specialist] }
            // A dossier received by a service centre for a department may be assigned by the
            // centre's reception (transfer and assign) or by the department's head.
            if action.name == .assign, dossier.state == .received,
                authorizer.actingRole(of: officer, among: [.reception], at: unit) == nil,
                authorizer.actingRole(of: officer, among: [.leader], at: dossier.competentUnit) != nil
            {
                unit = dossier.competentUnit
                candidates = [.leader]
            }
            guard let role = authorizer.actingRole(of: officer, among: candidates, at: unit) else {
                throw OneGateError.forbidden
            }
            let specialistActions: Set<ActionName> = [
                .appraise, .submitForApproval, .sendToOtherAgency, .assessFee,
                .requestSupplement,
            ]
            if specialistActions.contains(action.name), dossier.state == .inProgress, role == .specialist,
                dossier.assignee != officer.id
            {
                throw OneGateError(
                    .forbidden, "not_assignee", vi: "Hồ sơ được phân công cho cán bộ khác.",
                    en: "The dossier is assigned to another officer.")
            }
            if case .assign(let officerID) = action {
                guard let assignee = try await store.officer(id: officerID),
                    authorizer.officer(assignee, has: [.specialist], at: dossier.competentUnit)
                else {
                    throw OneGateError.invalid(
                        field: "officerId",
                        vi: "Cán bộ được phân công không thuộc đơn vị có thẩm quyền.",
                        en: "The officer to assign is not a handling officer of the competent unit.")
                }
            }
            if case .sendToOtherAgency(let other, _) = action, units.value[other] == nil {
                throw OneGateError.invalid(field: "unit", vi: "Không có đơn vị này.", en: "There is no such unit.")
            }
            return (
                EventActor(id: officer.id, role: role.rawValue, unit: unit),
                .officer(id: officer.id, name: officer.fullName)
            )
        }
    }

    // MARK: - Recording

    /// Signs the event of a transition and commits it with the dossier row and counters.
    private func record(
        _ transition: LifecycleTransition, before: Dossier?, procedure: Procedure, actor: EventActor,
        signer identity: SignerIdentity, at now: Date, idempotency: IdempotencyClaim?,
        attachments: ChangeAttachments = ChangeAttachments()
    ) async throws -> ServiceResult {
        var dossier = transition.dossier
        var eventData = transition.eventData
        eventData.merge(attachments.eventData) { $1 }
        // The signed record fixes the form answers by digest (RFC 8785 bytes, SHA-256) rather than
        // copying personal data into every event and every audit export.
        if before == nil || before?.data != dossier.data {
            eventData["formDigest"] = .string(signer.digest(CanonicalJSON.encode(.object(dossier.data))))
        }
        let envelope = EventEnvelope(
            dossier: dossier.publicIdentifier, seq: dossier.version + 1, type: transition.eventType, at: now,
            actor: actor, data: .object(eventData), prev: dossier.lastEventHash)
        let canonical = envelope.canonicalBytes
        let hash = signer.digest(canonical)
        let (signature, serial) = try await signer.sign(canonical, as: identity)
        dossier.version += 1
        dossier.lastEventHash = hash
        let event = SignedEvent(
            dossierID: dossier.id, seq: envelope.seq, type: envelope.type, at: now, actor: actor, canonical: canonical,
            signature: signature, certificateSerial: serial, hash: hash)
        var change = DossierChange(
            dossier: dossier, expectedVersion: before?.version ?? 0, event: event,
            counters: CounterProjection.deltas(from: before, to: dossier, procedure: procedure, calendar: calendar),
            idempotency: idempotency)
        change.result = attachments.result
        change.transparency = attachments.transparency
        switch try await store.commit(change) {
        case .committed(let response): return .fresh(dossier, response)
        case .replayed(let response): return .replayed(response)
        }
    }

    /// Every attached document must exist and have been uploaded by the one attaching it.
    private func checkDocuments(_ components: [DossierComponent], ownedBy owner: String) async throws {
        for component in components {
            if let document = component.document,
                try await !store.documentOwned(sha256: document, by: owner, tenant: tenant)
            {
                throw OneGateError(
                    .unprocessable, "unknown_document", vi: "Tài liệu đính kèm không tồn tại.",
                    en: "An attached document does not exist or is not yours.",
                    details: ["requirement": component.requirement])
            }
        }
    }

    private func replay(_ claim: IdempotencyClaim?) async throws -> ServiceResult? {
        guard let claim, let stored = try await store.idempotentResponse(principal: claim.principal, key: claim.key)
        else { return nil }
        guard stored.requestHash == claim.requestHash else { throw OneGateError.idempotencyKeyReused }
        return .replayed(stored.response)
    }

    private func allocateCode(unit: String, at now: Date) async throws -> String {
        let day = calendar.localDate(of: now)
        let sequence = try await store.nextCodeSequence(
            unit: unit, day: DossierCodeFormat.sequenceDay(day), tenant: tenant)
        return codeFormat.code(unit: unit, day: day, sequence: sequence)
    }

    /// Picks the receiving and competent units: the service centre receives whatever the address,
    /// and routes to a competent unit of the procedure.
    private func route(_ input: ApplicationInput, procedure: Procedure) throws -> (String, String) {
        let tree = units.value
        let today = calendar.localDate(of: clock.now())
        let competentCandidates = tree.units.values
            .filter { procedure.isCompetent($0) && $0.isActive(on: today) }
            .sorted { $0.code < $1.code }
        let competent: String
        if let requested = input.competentUnit {
            guard let unit = tree[requested], procedure.isCompetent(unit), unit.isActive(on: today) else {
                throw OneGateError.invalid(
                    field: "competentUnit", vi: "Đơn vị này không có thẩm quyền giải quyết thủ tục.",
                    en: "This unit is not competent for the procedure.")
            }
            competent = requested
        } else if let first = competentCandidates.first {
            competent = first.code
        } else {
            throw OneGateError(
                .unprocessable, "no_competent_unit", vi: "Không có đơn vị có thẩm quyền.",
                en: "No unit is competent for this procedure.")
        }
        let receiving = input.receivingUnit ?? competent
        guard let unit = tree[receiving], unit.isActive(on: today) else {
            throw OneGateError.invalid(
                field: "receivingUnit", vi: "Đơn vị tiếp nhận không tồn tại.",
                en: "There is no such receiving unit.")
        }
        return (receiving, competent)
    }

    // MARK: - Reads

    /// A dossier by id, code or submission reference.
    public func find(_ key: String) async throws -> Dossier? {
        if let byID = try await store.dossier(id: key, tenant: tenant) { return byID }
        if key.hasPrefix("S"), let byReference = try await store.dossier(reference: key, tenant: tenant) {
            return byReference
        }
        return try await store.dossier(code: key, tenant: tenant)
    }

    /// A dossier the principal may read, or `not_found` (whether it exists is not revealed).
    public func readable(_ key: String, by principal: Principal) async throws -> Dossier {
        guard let dossier = try await find(key), authorizer.canRead(dossier, principal: principal) else {
            throw OneGateError.notFound("dossier")
        }
        return dossier
    }

    /// Public status lookup: the code (or reference) plus the secret the applicant holds.
    public func publicStatus(code: String, secret: String) async throws -> Dossier {
        guard let dossier = try await find(code.trimmingCharacters(in: .whitespaces)),
            constantTimeEqual(dossier.secretHash, signer.digest(Array(secret.uppercased().utf8)))
        else { throw OneGateError.notFound("dossier") }
        return dossier
    }

    public func currentProcedure(_ code: String) async throws -> Procedure {
        guard let procedure = try await store.procedure(code: code, version: nil, tenant: tenant) else {
            throw OneGateError.notFound("procedure")
        }
        procedures.store(procedure, for: procedure.id)
        return procedure
    }

    /// A procedure at the version a dossier was received under (immutable, so cached).
    public func procedureVersion(_ code: String, _ version: Int) async throws -> Procedure {
        if let cached = procedures.value("\(code)@\(version)") { return cached }
        guard let procedure = try await store.procedure(code: code, version: version, tenant: tenant) else {
            throw OneGateError.notFound("procedure")
        }
        procedures.store(procedure, for: procedure.id)
        return procedure
    }

    private func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// What a use case adds to a change besides the transition: event data, an issued result and
/// transparency log entries.
struct ChangeAttachments: Sendable {
    var eventData: [String: JSONValue] = [:]
    var result: IssuedResult?
    var transparency: [TransparencyEntry] = []
}
