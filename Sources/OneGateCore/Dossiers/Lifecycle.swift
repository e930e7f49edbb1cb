import Foundation

/// What a lifecycle action needs besides the dossier: the procedure version it was received under,
/// the working calendar, the moment, and (for reception) the newly allocated code.
public struct LifecycleContext: Sendable {
    public var procedure: Procedure
    public var calendar: WorkingCalendar
    public var now: Date
    public var actorID: String
    /// The code allocated for a reception; required by `accept`.
    public var newCode: String?

    public init(procedure: Procedure, calendar: WorkingCalendar, now: Date, actorID: String, newCode: String? = nil) {
        self.procedure = procedure
        self.calendar = calendar
        self.now = now
        self.actorID = actorID
        self.newCode = newCode
    }
}

/// The outcome of a lifecycle action: the new dossier and the payload of the event that records it.
public struct LifecycleTransition: Sendable {
    public var dossier: Dossier
    public var eventType: String
    public var eventData: [String: JSONValue]
}

/// The lifecycle rules of lifecycle.md and calendar.md as pure functions: no clock, no store.
public enum Lifecycle {
    /// Creates a dossier at submission (online) or at reception (counter, post).
    public static func open(
        _ dossier: Dossier, context: LifecycleContext
    ) throws(OneGateError) -> LifecycleTransition {
        var next = dossier
        let now = context.now
        try checkSubmission(dossier, procedure: context.procedure)
        next.submittedAt = now
        next.updatedAt = now
        var data: [String: JSONValue] = [
            "reference": .string(dossier.reference),
            "procedure": .string(context.procedure.code),
            "procedureVersion": .int(Int64(context.procedure.version)),
            "channel": .string(dossier.channel.rawValue),
            "receivingUnit": .string(dossier.receivingUnit),
            "applicant": .string(dossier.applicantID),
            "competentUnit": .string(dossier.competentUnit),
            "components": componentsJSON(dossier.components),
        ]
        if dossier.assisted { data["assisted"] = true }
        if dossier.channel == .online {
            next.state = .submitted
            let check = context.calendar.due(for: context.calendar.configuration.onlineReceptionCheck, from: now)
            next.receptionDue = check.due
            next.steps = [
                StepRecord(
                    step: "receive", actor: nil, unit: dossier.receivingUnit, startedAt: now,
                    allottedMinutes: nil, due: check.due)
            ]
            return LifecycleTransition(dossier: next, eventType: ActionName.submit.rawValue, eventData: data)
        }
        guard let code = context.newCode else { throw missingCode }
        next.code = code
        data["code"] = .string(code)
        receive(&next, context: context)
        data["due"] = .string(Timestamp.format(next.dueAt ?? now))
        return LifecycleTransition(dossier: next, eventType: ActionName.receiveAtCounter.rawValue, eventData: data)
    }

    /// Applies `action` to `dossier`, or refuses it without changing anything.
    public static func apply(
        _ action: DossierAction, to dossier: Dossier, context: LifecycleContext
    ) throws(OneGateError) -> LifecycleTransition {
        let from = LifecyclePosition(dossier.state, dossier.step)
        guard let targets = TransitionTable.allowed[action.name]?[from] else {
            throw illegal(action.name, from)
        }
        var next = dossier
        let now = context.now
        next.updatedAt = now
        var data: [String: JSONValue] = [:]
        switch action {
        case .accept:
            guard let code = context.newCode else { throw missingCode }
            next.code = code
            closeStep(&next, "receive", context: context)
            receive(&next, context: context)
            data = ["code": .string(code), "due": .string(Timestamp.format(next.dueAt ?? now))]
        case .requestSupplement(let items, let reason):
            guard !items.isEmpty else { throw required("items") }
            try requireText(reason, "reason")
            next.supplementItems = items
            if dossier.state == .inProgress {
                next.pausedAt = now
                next.supplementRequests += 1
                next.resumeState = .inProgress
                next.resumeStep = dossier.step
            } else {
                next.resumeState = dossier.state
                next.resumeStep = nil
            }
            next.state = .supplementRequested
            next.step = nil
            data = [
                "items": .array(items.map(itemJSON)), "reason": .string(reason),
                "request": .int(Int64(next.supplementRequests)),
            ]
        case .supplement(let components, let formData):
            var byRequirement = Dictionary(next.components.map { ($0.requirement, $0) }, uniquingKeysWith: { $1 })
            for component in components { byRequirement[component.requirement] = component }
            next.components = context.procedure.documents.compactMap { byRequirement[$0.id] }
            next.data.merge(formData) { _, new in new }
            try checkSubmission(next, procedure: context.procedure)
            if let pausedAt = dossier.pausedAt, let due = dossier.dueAt, let measured = dossier.timelinessDue {
                next.dueAt = context.calendar.resumed(due: due, pausedFrom: pausedAt, resumedAt: now)
                next.timelinessDue = context.calendar.resumed(due: measured, pausedFrom: pausedAt, resumedAt: now)
                data["pausedMinutes"] = .int(Int64(context.calendar.officeMinutes(from: pausedAt, to: now)))
                data["due"] = .string(Timestamp.format(next.dueAt ?? now))
            }
            next.pausedAt = nil
            next.supplementItems = []
            next.state = dossier.resumeState ?? .submitted
            next.step = dossier.resumeStep
            next.resumeState = nil
            next.resumeStep = nil
            data["components"] = componentsJSON(components)
            data["fields"] = .array(formData.keys.sorted().map { .string($0) })
        case .refuse(let reason, let redirect):
            try requireText(reason, "reason")
            next.state = .refused
            next.step = nil
            next.outcome = .refusal
            finish(&next, context: context)
            data = ["reason": .string(reason)]
            if let redirect, !redirect.isEmpty { data["redirect"] = .string(redirect) }
        case .assign(let officerID):
            try requireText(officerID, "officerID")
            if dossier.state == .received {
                closeStep(&next, "transfer", context: context)
            }
            next.assignee = officerID
            next.state = .inProgress
            next.step = .assigned
            openStep(&next, "appraise", actor: officerID, unit: dossier.competentUnit, context: context)
            data = ["assignee": .string(officerID)]
        case .appraise(let note):
            try requireText(note, "note")
            next.step = .appraising
            data = ["note": .string(note)]
        case .submitForApproval(let outcome, let summary):
            try requireText(summary, "summary")
            next.draftOutcome = outcome
            next.step = .awaitingApproval
            closeStep(&next, "appraise", context: context)
            openStep(&next, "approve", actor: nil, unit: dossier.competentUnit, context: context)
            data = ["outcome": .string(outcome.rawValue), "summary": .string(summary)]
        case .sendToOtherAgency(let unit, let note):
            try requireText(unit, "unit")
            guard unit != dossier.competentUnit else {
                throw OneGateError.invalid(
                    field: "unit", vi: "Cơ quan phối hợp phải khác đơn vị đang xử lý.",
                    en: "The other agency must differ from the competent unit.")
            }
            next.otherAgency = unit
            next.resumeStep = dossier.step
            next.step = .atOtherAgency
            openStep(&next, "inter_agency", actor: nil, unit: unit, context: context)
            data = ["unit": .string(unit), "note": .string(note)]
        case .returnFromOtherAgency(let note):
            closeStep(&next, "inter_agency", context: context)
            data = ["unit": .string(dossier.otherAgency ?? ""), "note": .string(note)]
            next.otherAgency = nil
            next.resumeStep = nil
            next.step = .appraising
        case .assessFee(let amount, let reference):
            guard amount > 0 else {
                throw OneGateError.invalid(
                    field: "amount", vi: "Số tiền phải lớn hơn 0.", en: "The amount must be positive.")
            }
            try requireText(reference, "reference")
            next.feeAmount = amount
            next.paymentReference = reference
            next.paymentState = .pending
            next.resumeState = .inProgress
            next.resumeStep = dossier.step
            next.state = .awaitingPayment
            next.step = nil
            data = ["amount": .int(amount), "reference": .string(reference)]
        case .pay(let method, let reference):
            try requireText(reference, "reference")
            next.paymentState = method == .online ? .paidOnline : .paidAtCounter
            next.state = .inProgress
            next.step = dossier.resumeStep ?? .appraising
            next.resumeState = nil
            next.resumeStep = nil
            data = [
                "method": .string(method.rawValue), "reference": .string(reference), "amount": .int(dossier.feeAmount),
            ]
        case .extend(let newDue, let reason):
            try requireText(reason, "reason")
            guard !dossier.extended else {
                throw OneGateError(
                    .conflict, "already_extended", vi: "Hồ sơ chỉ được gia hạn một lần.",
                    en: "A dossier can be extended only once.")
            }
            guard let due = dossier.dueAt else { throw illegal(action.name, from) }
            guard newDue > due else {
                throw OneGateError.invalid(
                    field: "newDue", vi: "Ngày hẹn mới phải sau ngày hẹn hiện tại.",
                    en: "The new appointment must be after the current one.")
            }
            guard now <= context.calendar.latestExtensionMoment(forDue: due) else {
                throw OneGateError(
                    .unprocessable, "extension_too_late",
                    vi: "Văn bản xin lỗi phải được ban hành chậm nhất một ngày làm việc trước ngày hẹn.",
                    en: "The apology letter must be issued at least one working day before the due date.",
                    details: ["due": Timestamp.format(due)])
            }
            next.extended = true
            next.dueAt = Timestamp.truncate(newDue)
            data = [
                "previousDue": .string(Timestamp.format(due)), "newDue": .string(Timestamp.format(newDue)),
                "reason": .string(reason),
            ]
        case .stop(let legalReason):
            try requireText(legalReason, "legalReason")
            next.state = .stopped
            next.step = nil
            finish(&next, context: context)
            data = ["legalReason": .string(legalReason)]
        case .approve(let comment):
            guard let draft = dossier.draftOutcome else { throw illegal(action.name, from) }
            next.outcome = draft
            next.step = .awaitingIssue
            closeStep(&next, "approve", context: context)
            openStep(&next, "issue", actor: nil, unit: dossier.competentUnit, context: context)
            data = ["outcome": .string(draft.rawValue), "comment": .string(comment)]
        case .returnForRework(let comment):
            try requireText(comment, "comment")
            next.step = .appraising
            next.draftOutcome = nil
            closeStep(&next, "approve", context: context)
            openStep(&next, "appraise", actor: dossier.assignee, unit: dossier.competentUnit, context: context)
            data = ["comment": .string(comment)]
        case .issue(let resultNumber):
            try requireText(resultNumber, "resultNumber")
            next.resultNumber = resultNumber
            next.state = .processed
            next.step = nil
            closeStep(&next, "issue", context: context)
            finish(&next, context: context)
            data = ["resultNumber": .string(resultNumber), "outcome": .string((next.outcome ?? .granted).rawValue)]
        case .deliver(let channel):
            next.deliveryState = DeliveryState(rawValue: channel.rawValue) ?? .electronic
            next.state = .returned
            data = ["channel": .string(channel.rawValue)]
        case .withdraw(let reason):
            next.state = .withdrawn
            next.step = nil
            next.pausedAt = nil
            data = reason.isEmpty ? [:] : ["reason": .string(reason)]
        }
        let reached = LifecyclePosition(next.state, next.step)
        guard targets.contains(reached) else {
            throw OneGateError(
                .internalFailure, "lifecycle_table_mismatch", vi: "Lỗi quy trình nội bộ.",
                en: "Internal lifecycle error.", details: ["from": from.description, "to": reached.description])
        }
        return LifecycleTransition(dossier: next, eventType: action.name.rawValue, eventData: data)
    }

    // MARK: - Rules shared by several actions

    private static func receive(_ dossier: inout Dossier, context: LifecycleContext) {
        let due = context.calendar.due(for: context.procedure.timeLimit, from: context.now).due
        dossier.state = .received
        dossier.step = nil
        dossier.receivedAt = context.now
        dossier.dueAt = due
        dossier.timelinessDue = due
        openStep(&dossier, "transfer", actor: nil, unit: dossier.receivingUnit, context: context)
    }

    /// Ends processing (calendar.md): timeliness against the due moment before any extension; a
    /// dossier with more than one supplementation request counts as late.
    private static func finish(_ dossier: inout Dossier, context: LifecycleContext) {
        guard dossier.finishedAt == nil else { return }
        dossier.finishedAt = context.now
        guard let due = dossier.timelinessDue else { return }
        let measured = context.calendar.timeliness(finishedAt: context.now, due: due)
        dossier.timeliness = dossier.supplementRequests > 1 ? .late : measured
    }

    private static func openStep(
        _ dossier: inout Dossier, _ step: String, actor: String?, unit: String, context: LifecycleContext
    ) {
        let allotted = context.procedure.process.first { $0.id == step }?.allottedMinutes
        let due = allotted.map { context.calendar.adding(officeMinutes: $0, to: context.now) }
        dossier.steps.append(
            StepRecord(
                step: step, actor: actor, unit: unit, startedAt: context.now, allottedMinutes: allotted, due: due))
    }

    private static func closeStep(_ dossier: inout Dossier, _ step: String, context: LifecycleContext) {
        guard let index = dossier.steps.lastIndex(where: { $0.step == step && $0.endedAt == nil }) else { return }
        dossier.steps[index].endedAt = context.now
        if dossier.steps[index].actor == nil { dossier.steps[index].actor = context.actorID }
        if let due = dossier.steps[index].due {
            dossier.steps[index].timeliness = context.calendar.timeliness(finishedAt: context.now, due: due)
        }
    }

    /// Every problem with the form data and the required documents, reported together.
    public static func checkSubmission(_ dossier: Dossier, procedure: Procedure) throws(OneGateError) {
        var problems = procedure.form.problems(in: dossier.data).map { "\($0.field):\($0.code)" }
        let provided = Dictionary(dossier.components.map { ($0.requirement, $0) }, uniquingKeysWith: { $1 })
        let known = Set(procedure.documents.map(\.id))
        for component in dossier.components where !known.contains(component.requirement) {
            problems.append("documents.\(component.requirement):unknown_requirement")
        }
        for requirement in procedure.documents where requirement.required {
            let component = provided[requirement.id]
            if component == nil || (dossier.channel == .online && component?.document == nil) {
                problems.append("documents.\(requirement.id):required")
            }
        }
        guard problems.isEmpty else {
            throw OneGateError(
                .unprocessable, "invalid_submission",
                vi: "Hồ sơ chưa đầy đủ hoặc có thông tin không hợp lệ.",
                en: "The application is incomplete or has invalid entries.",
                details: ["problems": problems.joined(separator: ",")])
        }
    }

    private static func illegal(_ action: ActionName, _ from: LifecyclePosition) -> OneGateError {
        OneGateError(
            .conflict, "illegal_transition",
            vi: "Không thể thực hiện thao tác \(action.rawValue) khi hồ sơ ở trạng thái \(from).",
            en: "The action \(action.rawValue) is not allowed in state \(from).",
            details: ["state": from.description, "action": action.rawValue])
    }

    private static let missingCode = OneGateError(
        .internalFailure, "code_not_allocated",
        vi: "Chưa cấp được mã hồ sơ.", en: "No dossier code was allocated.")

    private static func required(_ field: String) -> OneGateError {
        OneGateError.invalid(
            field: field, vi: "Thiếu thông tin bắt buộc: \(field).", en: "Missing required value: \(field).")
    }

    private static func requireText(_ text: String, _ field: String) throws(OneGateError) {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw required(field) }
        guard text.count <= 4000 else {
            throw OneGateError.invalid(field: field, vi: "Nội dung quá dài.", en: "The text is too long.")
        }
    }

    private static func componentsJSON(_ components: [DossierComponent]) -> JSONValue {
        .array(
            components.map { component in
                var object: [String: JSONValue] = ["requirement": .string(component.requirement)]
                if let document = component.document { object["sha256"] = .string(document) }
                if component.digitised { object["digitised"] = true }
                if component.reused { object["reused"] = true }
                return .object(object)
            })
    }

    private static func itemJSON(_ item: SupplementItem) -> JSONValue {
        var object: [String: JSONValue] = ["description": .string(item.description)]
        if let requirement = item.requirement { object["requirement"] = .string(requirement) }
        return .object(object)
    }
}
