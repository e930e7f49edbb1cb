import Foundation
import OneGateCore

/// The lifecycle actions an officer can start from the dossier workspace: which ones to offer,
/// and how each one's form becomes a `DossierAction`. The offer mirrors the rules of
/// `DossierService` so that the page does not show buttons that can only fail; the service still
/// decides, and its refusal is shown next to the form.
enum OfficerActionForms {
    /// The actions of the workspace, in the order of the process.
    static let order: [ActionName] = [
        .accept, .requestSupplement, .refuse, .assign, .appraise, .submitForApproval, .sendToOtherAgency,
        .returnFromOtherAgency, .assessFee, .pay, .extend, .approve, .returnForRework, .issue, .deliver, .stop,
        .withdraw,
    ]

    /// Actions that end or shorten the process for good: the form asks before sending.
    static let irreversible: Set<ActionName> = [.refuse, .stop, .withdraw]

    /// Whether `officer` may try `action` on `dossier` now: allowed from the current position, and
    /// a role the action needs held at the unit the service checks it at.
    static func offers(_ action: ActionName, on dossier: Dossier, to officer: Officer, authorizer: Authorizer) -> Bool {
        guard TransitionTable.isAllowed(action, from: LifecyclePosition(dossier.state, dossier.step)) else {
            return false
        }
        func acts(_ roles: [Role], at unit: String) -> Role? {
            authorizer.actingRole(of: officer, among: roles, at: unit)
        }
        switch action {
        case .accept, .refuse, .pay, .withdraw:
            return acts([.reception], at: dossier.receivingUnit) != nil
        case .requestSupplement:
            if dossier.state == .submitted { return acts([.reception], at: dossier.receivingUnit) != nil }
            return isAssignedSpecialist(officer, dossier, authorizer)
        case .assign:
            if dossier.state == .received {
                return acts([.reception], at: dossier.receivingUnit) != nil
                    || acts([.leader], at: dossier.competentUnit) != nil
            }
            return acts([.leader], at: dossier.competentUnit) != nil
        case .appraise, .submitForApproval, .sendToOtherAgency, .assessFee:
            return isAssignedSpecialist(officer, dossier, authorizer)
        case .returnFromOtherAgency:
            return acts([.specialist], at: dossier.otherAgency ?? dossier.competentUnit) != nil
        case .extend:
            return !dossier.extended && acts([.leader], at: dossier.competentUnit) != nil
        case .stop, .approve, .returnForRework:
            return acts([.leader], at: dossier.competentUnit) != nil
        case .issue:
            return acts([.clerk], at: dossier.competentUnit) != nil
        case .deliver:
            return acts([.reception], at: dossier.receivingUnit) != nil
                || acts([.clerk], at: dossier.competentUnit) != nil
        case .submit, .receiveAtCounter, .supplement:
            return false
        }
    }

    /// A specialist acts on an assigned dossier only when it is theirs (an admin acts on any).
    private static func isAssignedSpecialist(_ officer: Officer, _ dossier: Dossier, _ authorizer: Authorizer) -> Bool {
        switch authorizer.actingRole(of: officer, among: [.specialist], at: dossier.competentUnit) {
        case .specialist?: return dossier.assignee == officer.id
        case .some: return true
        case nil: return false
        }
    }

    /// The form fields each action reads (for putting typed values back after a refusal).
    static let fields: [ActionName: [String]] = [
        .requestSupplement: ["reason"], .refuse: ["reason", "redirect"], .assign: ["officerId"],
        .appraise: ["note"], .submitForApproval: ["outcome", "summary"], .sendToOtherAgency: ["unit", "note"],
        .returnFromOtherAgency: ["note"], .assessFee: ["amount", "reference"], .pay: ["reference"],
        .extend: ["newDue", "reason"], .stop: ["legalReason"], .approve: ["comment"],
        .returnForRework: ["comment"], .issue: ["resultNumber"], .deliver: ["channel"], .withdraw: ["reason"],
    ]

    /// How many item rows the supplementation form offers (no script adds rows).
    static func supplementRows(_ procedure: Procedure) -> Int { max(3, min(10, procedure.documents.count + 1)) }

    /// One problem with a submitted action form, to show next to the field.
    struct FieldProblem {
        var field: String
        var message: LocalizedText
    }

    /// Reads an action form into the action, or the problems to show next to its fields.
    static func action(
        _ name: ActionName, from form: FormData, procedure: Procedure, calendar: WorkingCalendar
    ) -> (action: DossierAction?, problems: [FieldProblem]) {
        var problems: [FieldProblem] = []
        func text(_ field: String, required: Bool, message: LocalizedText) -> String {
            let value = String((form[field] ?? "").prefix(4000))
            if required && value.isEmpty { problems.append(FieldProblem(field: field, message: message)) }
            return value
        }
        let action: DossierAction
        switch name {
        case .accept:
            action = .accept
        case .requestSupplement:
            let reason = text("reason", required: true, message: missingReason)
            var items: [SupplementItem] = []
            let known = Set(procedure.documents.map(\.id))
            for row in 1...supplementRows(procedure) {
                guard let description = form["item_description_\(row)"] else { continue }
                let requirement = form["item_requirement_\(row)"].flatMap { known.contains($0) ? $0 : nil }
                items.append(SupplementItem(requirement: requirement, description: String(description.prefix(1000))))
            }
            if items.isEmpty {
                problems.append(
                    FieldProblem(
                        field: "item_description_1",
                        message: .t(
                            "Nêu ít nhất một nội dung cần bổ sung.", "List at least one thing to add or correct.")))
            }
            action = .requestSupplement(items: items, reason: reason)
        case .refuse:
            let reason = text("reason", required: true, message: missingReason)
            action = .refuse(reason: reason, redirect: form["redirect"].map { String($0.prefix(1000)) })
        case .assign:
            let officer = text(
                "officerId", required: true,
                message: .t("Chọn cán bộ được phân công.", "Choose the officer to assign."))
            action = .assign(officerID: officer)
        case .appraise:
            action = .appraise(
                note: text(
                    "note", required: true,
                    message: .t("Nhập ý kiến thẩm định.", "Enter the appraisal note.")))
        case .submitForApproval:
            let outcome = Outcome(rawValue: form["outcome"] ?? "") ?? .granted
            let summary = text(
                "summary", required: true,
                message: .t("Nhập tóm tắt dự thảo kết quả.", "Enter a summary of the draft result."))
            action = .submitForApproval(outcome: outcome, summary: summary)
        case .sendToOtherAgency:
            let unit = text(
                "unit", required: true, message: .t("Chọn cơ quan phối hợp.", "Choose the other agency."))
            action = .sendToOtherAgency(unit: unit, note: text("note", required: false, message: missingReason))
        case .returnFromOtherAgency:
            action = .returnFromOtherAgency(note: text("note", required: false, message: missingReason))
        case .assessFee:
            let raw = (form["amount"] ?? "").replacingOccurrences(of: ".", with: "")
                .replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " ", with: "")
            let amount = Int64(raw) ?? 0
            if amount <= 0 {
                problems.append(
                    FieldProblem(
                        field: "amount",
                        message: .t("Nhập số tiền (đồng), lớn hơn 0.", "Enter the amount in đồng, more than 0.")))
            }
            let reference = text(
                "reference", required: true,
                message: .t("Nhập số tham chiếu thanh toán.", "Enter the payment reference."))
            action = .assessFee(amount: amount, reference: reference)
        case .pay:
            let reference = text(
                "reference", required: true,
                message: .t("Nhập số biên lai thu tiền.", "Enter the number of the payment receipt."))
            action = .pay(method: .counter, reference: reference)
        case .extend:
            let reason = text("reason", required: true, message: missingReason)
            var due = Date.distantPast
            if let day = LocalDate(string: form["newDue"] ?? ""), day.isValid {
                // The new appointment is the close of office on the chosen day: the applicant
                // may come at any time that day.
                due = calendar.closeOfOffice(on: day)
            } else {
                problems.append(
                    FieldProblem(
                        field: "newDue",
                        message: .t("Chọn ngày hẹn trả mới (ngày/tháng/năm).", "Choose the new appointment date.")))
            }
            action = .extend(newDue: due, reason: reason)
        case .stop:
            action = .stop(
                legalReason: text(
                    "legalReason", required: true,
                    message: .t("Nêu căn cứ pháp lý dừng xử lý.", "State the legal ground for stopping.")))
        case .approve:
            action = .approve(comment: text("comment", required: false, message: missingReason))
        case .returnForRework:
            action = .returnForRework(
                comment: text(
                    "comment", required: true,
                    message: .t("Nêu nội dung cần xử lý lại.", "Say what must be reworked.")))
        case .issue:
            action = .issue(
                resultNumber: text(
                    "resultNumber", required: true,
                    message: .t("Nhập số, ký hiệu văn bản kết quả.", "Enter the number of the result document.")))
        case .deliver:
            action = .deliver(channel: DeliveryChannel(rawValue: form["channel"] ?? "") ?? .counter)
        case .withdraw:
            action = .withdraw(reason: text("reason", required: false, message: missingReason))
        case .submit, .receiveAtCounter, .supplement:
            return (nil, [FieldProblem(field: "action", message: .t("Thao tác không hợp lệ.", "Unknown action."))])
        }
        return problems.isEmpty ? (action, []) : (nil, problems)
    }

    private static let missingReason = LocalizedText.t("Nhập lý do.", "Enter the reason.")

    /// The form field a service refusal is about, from its `field` detail.
    static func field(of failure: OneGateError) -> String? {
        guard let field = failure.details["field"] else { return nil }
        return field == "officerID" ? "officerId" : field
    }
}
