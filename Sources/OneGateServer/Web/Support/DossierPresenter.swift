import Foundation
import OneGateCore

/// Turns dossiers and their events into what the pages show, in the visitor's language. Shared
/// by the public status page, the citizen's pages and the officers' workspace so that everyone
/// reads the same history in the same words.
struct DossierPresenter {
    let web: Web
    let visitor: Visitor

    /// The headline facts of a dossier (no personal data beyond what the viewer may already see).
    func summary(_ dossier: Dossier, procedure: Procedure?) -> [String: Any] {
        let now = web.service.clock.now()
        let running: Set<DossierState> = [.submitted, .received, .inProgress, .awaitingPayment]
        let due = dossier.state == .submitted ? dossier.receptionDue : dossier.dueAt
        let overdue = running.contains(dossier.state) && (due.map { $0 < now } ?? false)
        let today = web.service.calendar.localDate(of: now)
        let dueToday =
            !overdue && running.contains(dossier.state)
            && due.map { web.service.calendar.localDate(of: $0) == today } == true
        var values: [String: Any] = [
            "id": dossier.id,
            "code": dossier.publicIdentifier,
            "hasCode": dossier.code != nil,
            "state": dossier.state.rawValue,
            "stateLabel": visitor.text(dossier.state.label),
            "stepLabel": dossier.step.map { visitor.text(Self.stepLabel($0)) } ?? "",
            "procedureCode": dossier.procedureCode,
            "procedureName": procedure.map { visitor.text($0.name) } ?? dossier.procedureCode,
            "submittedAt": web.dateTime(dossier.submittedAt),
            "receivedAt": web.dateTime(dossier.receivedAt),
            "dueAt": web.dateTime(due),
            "hasDue": due != nil,
            "overdue": overdue,
            "dueToday": dueToday,
            "finishedAt": web.dateTime(dossier.finishedAt),
            "receivingUnit": unitName(dossier.receivingUnit),
            "competentUnit": unitName(dossier.competentUnit),
            "channel": visitor.text(Self.channelLabel(dossier.channel)),
            "terminal": dossier.state.isTerminal,
            "feeAmount": Web.money(dossier.feeAmount),
            "hasFee": dossier.feeAmount > 0,
            "awaitsApplicant": dossier.awaitsApplicant,
            "supplementRequested": dossier.state == .supplementRequested,
            "awaitingPayment": dossier.state == .awaitingPayment,
            "resultNumber": dossier.resultNumber ?? "",
            "hasResult": dossier.resultNumber != nil && dossier.outcome == .granted,
            "timeliness": dossier.timeliness.map { visitor.text(Self.timelinessLabel($0)) } ?? "",
        ]
        values["supplementItems"] = dossier.supplementItems.map { item in
            [
                "description": item.description,
                "requirement": item.requirement.flatMap { id in
                    procedure?.documents.first { $0.id == id }.map { visitor.text($0.name) }
                } ?? "",
            ]
        }
        return values
    }

    /// The history as a timeline: what happened, when, by which role (names of officers are not
    /// shown to the public; officers see them in their workspace).
    func timeline(_ events: [SignedEvent], showActors: Bool, officers: [String: String] = [:]) -> [[String: Any]] {
        events.map { event in
            let data = (try? JSONDecoder().decode(JSONValue.self, from: Data(event.canonical)))?["data"]
            var note = ""
            if case .object(let fields) = data {
                for key in ["reason", "note", "comment", "summary", "legalReason"] {
                    if let text = fields[key]?.stringValue, !text.isEmpty {
                        note = text
                        break
                    }
                }
            }
            return [
                "at": web.dateTime(event.at),
                "atISO": Timestamp.format(event.at),
                "label": visitor.text(Self.eventLabel(event.type)),
                "role": visitor.text(Self.roleLabel(event.actor.role)),
                "actor": showActors ? (officers[event.actor.id] ?? "") : "",
                "note": note,
                "seq": event.seq,
            ]
        }
    }

    func unitName(_ code: String) -> String {
        web.service.units.value[code].map { visitor.text($0.name) } ?? code
    }

    // MARK: - Labels

    static func eventLabel(_ type: String) -> LocalizedText {
        switch ActionName(rawValue: type) {
        case .submit: return .t("Nộp hồ sơ trực tuyến", "Submitted online")
        case .receiveAtCounter: return .t("Tiếp nhận hồ sơ tại quầy", "Received at the counter")
        case .accept: return .t("Tiếp nhận hồ sơ", "Accepted at reception")
        case .requestSupplement: return .t("Yêu cầu bổ sung hồ sơ", "Supplementation requested")
        case .refuse: return .t("Từ chối tiếp nhận", "Refused")
        case .assign: return .t("Phân công xử lý", "Assigned to an officer")
        case .appraise: return .t("Thẩm định hồ sơ", "Appraised")
        case .submitForApproval: return .t("Trình phê duyệt", "Submitted for approval")
        case .sendToOtherAgency: return .t("Chuyển cơ quan phối hợp", "Sent to another agency")
        case .returnFromOtherAgency: return .t("Cơ quan phối hợp trả lại", "Returned by the other agency")
        case .supplement: return .t("Bổ sung hồ sơ", "Supplemented")
        case .assessFee: return .t("Thông báo nghĩa vụ tài chính", "Fee assessed")
        case .pay: return .t("Đã thanh toán", "Paid")
        case .extend: return .t("Gia hạn, hẹn lại ngày trả", "Extended with apology")
        case .stop: return .t("Dừng xử lý", "Stopped")
        case .approve: return .t("Lãnh đạo phê duyệt, ký số", "Approved and signed by the leader")
        case .issue: return .t("Ban hành kết quả", "Result issued")
        case .returnForRework: return .t("Trả lại để xử lý lại", "Returned for rework")
        case .deliver: return .t("Trả kết quả", "Result delivered")
        case .withdraw: return .t("Rút hồ sơ", "Withdrawn")
        case nil: return .t(type, type)
        }
    }

    static func roleLabel(_ role: String) -> LocalizedText {
        switch Role(rawValue: role) {
        case .citizen: return .t("Người nộp", "Applicant")
        case .reception: return .t("Bộ phận một cửa", "One-stop reception")
        case .specialist: return .t("Chuyên viên xử lý", "Handling officer")
        case .leader: return .t("Lãnh đạo", "Leader")
        case .clerk: return .t("Văn thư", "Clerk")
        case .auditor: return .t("Kiểm tra", "Auditor")
        case .admin, .unitAdmin: return .t("Quản trị", "Administrator")
        case nil: return .t("Hệ thống", "System")
        }
    }

    static func stepLabel(_ step: ProcessingStep) -> LocalizedText {
        switch step {
        case .assigned: return .t("Đã phân công", "Assigned")
        case .appraising: return .t("Đang thẩm định", "Being appraised")
        case .awaitingApproval: return .t("Chờ phê duyệt", "Waiting for approval")
        case .awaitingIssue: return .t("Chờ ban hành", "Waiting to be issued")
        case .atOtherAgency: return .t("Tại cơ quan phối hợp", "At another agency")
        }
    }

    static func channelLabel(_ channel: Channel) -> LocalizedText {
        switch channel {
        case .online: return .t("Trực tuyến", "Online")
        case .counter: return .t("Trực tiếp tại quầy", "At the counter")
        case .post: return .t("Qua bưu chính", "By post")
        }
    }

    static func timelinessLabel(_ timeliness: Timeliness) -> LocalizedText {
        switch timeliness {
        case .early: return .t("Trước hạn", "Early")
        case .onTime: return .t("Đúng hạn", "On time")
        case .late: return .t("Quá hạn", "Late")
        }
    }

    static func levelLabel(_ level: ProcedureLevel) -> LocalizedText {
        switch level {
        case .province: return .t("Cấp tỉnh", "Province")
        case .department: return .t("Cấp sở, ngành", "Department")
        case .commune: return .t("Cấp xã", "Commune")
        case .interAgency: return .t("Liên thông", "Inter-agency")
        }
    }

    static func onlineLevelLabel(_ level: OnlineLevel) -> LocalizedText {
        switch level {
        case .full: return .t("Dịch vụ công trực tuyến toàn trình", "Fully online")
        case .partial: return .t("Dịch vụ công trực tuyến một phần", "Partly online")
        case .none: return .t("Chỉ nộp trực tiếp", "In person only")
        }
    }
}
