import Foundation
import OneGateCore

/// The due-date explanation of one dossier: how the appointment was computed, what moved it
/// (pauses, an extension), and how each step did against its allotted time.
struct DueDateReport: Encodable {
    var timeLimit: TimeLimit
    var receivedAt: Date?
    var initial: DueExplanation?
    var dueAt: Date?
    var timelinessDue: Date?
    var pausedMinutes: Int
    var extended: Bool
    var receptionDue: Date?
    var timeliness: Timeliness?
    var steps: [StepRecord]
    var explanation: LocalizedText

    init(dossier: Dossier, procedure: Procedure, calendar: WorkingCalendar) {
        timeLimit = procedure.timeLimit
        receivedAt = dossier.receivedAt
        initial = dossier.receivedAt.map { calendar.due(for: procedure.timeLimit, from: $0) }
        dueAt = dossier.dueAt
        timelinessDue = dossier.timelinessDue
        if let initialDue = initial?.due, let measured = dossier.timelinessDue {
            pausedMinutes = calendar.officeMinutes(from: initialDue, to: measured)
        } else {
            pausedMinutes = 0
        }
        extended = dossier.extended
        receptionDue = dossier.receptionDue
        timeliness = dossier.timeliness
        steps = dossier.steps
        var vi = initial?.render(language: .vi) ?? "Hồ sơ chưa được tiếp nhận; thời hạn bắt đầu tính từ khi tiếp nhận."
        var en = initial?.render(language: .en) ?? "Not received yet; the clock starts at valid reception."
        if pausedMinutes > 0 {
            vi += "\nThời gian tạm dừng chờ bổ sung: \(pausedMinutes) phút làm việc; hạn được lùi tương ứng."
            en += "\nPaused for supplementation: \(pausedMinutes) office minutes; the due moment moved by as much."
        }
        if dossier.extended {
            vi += "\nĐã gia hạn một lần bằng văn bản xin lỗi; việc đánh giá đúng hạn vẫn theo hạn trước khi gia hạn."
            en += "\nExtended once with an apology letter; timeliness is still measured against the earlier due moment."
        }
        explanation = LocalizedText(vi: vi, en: en)
    }
}
