/// The channel a dossier arrived through; recorded once, never changed.
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
    case online, counter, post

    /// The national synchronisation code: 1 counter, 2 online, 3 post.
    public var nationalCode: Int {
        switch self {
        case .counter: return 1
        case .online: return 2
        case .post: return 3
        }
    }
}

/// Business states of lifecycle.md, each mapped to its national status code.
public enum DossierState: String, Sendable, Hashable, Codable, CaseIterable {
    case draft, submitted, received, refused
    case inProgress = "in_progress"
    case supplementRequested = "supplement_requested"
    case awaitingPayment = "awaiting_payment"
    case withdrawn, stopped, processed, returned

    /// The national status code used for reporting and sync; `nil` for drafts.
    public var nationalCode: Int? {
        switch self {
        case .draft: return nil
        case .submitted: return 1
        case .received: return 2
        case .refused: return 3
        case .inProgress: return 4
        case .supplementRequested: return 5
        case .awaitingPayment: return 6
        case .withdrawn: return 7
        case .stopped: return 8
        case .processed: return 9
        case .returned: return 10
        }
    }

    /// States after which nothing else can happen.
    public var isTerminal: Bool { [.refused, .withdrawn, .stopped, .returned].contains(self) }

    /// Vietnamese and English names for display.
    public var label: LocalizedText {
        switch self {
        case .draft: return LocalizedText(vi: "Bản nháp", en: "Draft")
        case .submitted: return LocalizedText(vi: "Mới đăng ký", en: "Submitted")
        case .received: return LocalizedText(vi: "Được tiếp nhận", en: "Received")
        case .refused: return LocalizedText(vi: "Không được tiếp nhận", en: "Refused")
        case .inProgress: return LocalizedText(vi: "Đang xử lý", en: "In progress")
        case .supplementRequested: return LocalizedText(vi: "Yêu cầu bổ sung", en: "Supplement requested")
        case .awaitingPayment:
            return LocalizedText(vi: "Yêu cầu thực hiện nghĩa vụ tài chính", en: "Awaiting payment")
        case .withdrawn: return LocalizedText(vi: "Công dân yêu cầu rút hồ sơ", en: "Withdrawn")
        case .stopped: return LocalizedText(vi: "Dừng xử lý", en: "Stopped")
        case .processed: return LocalizedText(vi: "Đã xử lý xong", en: "Processed")
        case .returned: return LocalizedText(vi: "Đã trả kết quả", en: "Returned")
        }
    }
}

/// Where an `in_progress` dossier is within the competent unit. `awaiting_issue` (approved by the
/// leader, waiting for the clerk's number and seal) is OneGate's addition to lifecycle.md, so that
/// "leader, then clerk" are two signed events.
public enum ProcessingStep: String, Sendable, Hashable, Codable, CaseIterable {
    case assigned, appraising
    case awaitingApproval = "awaiting_approval"
    case awaitingIssue = "awaiting_issue"
    case atOtherAgency = "at_other_agency"
}

/// Payment state, kept apart from the business state.
public enum PaymentState: String, Sendable, Hashable, Codable, CaseIterable {
    case none, pending
    case paidOnline = "paid_online"
    case paidAtCounter = "paid_at_counter"
}

/// How (and whether) the result reached the applicant.
public enum DeliveryState: String, Sendable, Hashable, Codable, CaseIterable {
    case pending, electronic, counter, post
}

/// Synchronisation with the national portal.
public enum SyncState: String, Sendable, Hashable, Codable, CaseIterable {
    case pending, synced
}

/// The outcome a draft or an issued result carries.
public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
    case granted, refusal
}
