import Foundation

/// The indicators of kpi.md, by their stable identifiers.
public enum IndicatorID: String, Sendable, Hashable, Codable, CaseIterable {
    case proceduresOnline = "procedures_online"
    case proceduresFullOnline = "procedures_full_online"
    case dossiersFullOnline = "dossiers_full_online"
    case dossiersOnline = "dossiers_online"
    case processedFullyElectronic = "processed_fully_electronic"
    case digitisedAtReception = "digitised_at_reception"
    case resultsElectronic = "results_electronic"
    case onTime = "on_time"
    case early
    case late
    case lateApologised = "late_apologised"
    case paidOnline = "paid_online"
    case reusedData = "reused_data"
    case satisfaction
    case score766 = "score_766"

    /// Whether the indicator is a count of catalogue procedures rather than of dossiers.
    public var isProcedureBased: Bool { self == .proceduresOnline || self == .proceduresFullOnline }

    /// Vietnamese and English names for display.
    public var label: LocalizedText {
        switch self {
        case .proceduresOnline: LocalizedText(vi: "TTHC cung cấp trực tuyến", en: "Procedures offered online")
        case .proceduresFullOnline:
            LocalizedText(vi: "TTHC đủ điều kiện cung cấp trực tuyến toàn trình", en: "Eligible procedures full online")
        case .dossiersFullOnline: LocalizedText(vi: "Hồ sơ trực tuyến toàn trình", en: "Full-online dossiers")
        case .dossiersOnline: LocalizedText(vi: "Hồ sơ trực tuyến", en: "Online dossiers")
        case .processedFullyElectronic:
            LocalizedText(vi: "Hồ sơ xử lý hoàn toàn trên môi trường điện tử", en: "Processed fully electronically")
        case .digitisedAtReception: LocalizedText(vi: "Số hóa khi tiếp nhận", en: "Digitised at reception")
        case .resultsElectronic: LocalizedText(vi: "Kết quả điện tử", en: "Electronic results")
        case .onTime: LocalizedText(vi: "Đúng hạn", en: "Timeliness")
        case .early: LocalizedText(vi: "Trước hạn", en: "Early")
        case .late: LocalizedText(vi: "Quá hạn", en: "Late")
        case .lateApologised: LocalizedText(vi: "Quá hạn có xin lỗi", en: "Late, apologised")
        case .paidOnline: LocalizedText(vi: "Thanh toán trực tuyến", en: "Online payment")
        case .reusedData: LocalizedText(vi: "Tái sử dụng dữ liệu", en: "Data reuse")
        case .satisfaction: LocalizedText(vi: "Mức độ hài lòng", en: "Satisfaction")
        case .score766: LocalizedText(vi: "Chỉ số 766", en: "Service index (Decision 766)")
        }
    }
}

/// One figure: a share with its numerator and denominator, so that it can be checked by hand.
public struct IndicatorValue: Sendable, Hashable, Codable {
    /// Which indicator this is.
    public var indicator: IndicatorID
    /// What is counted (e.g. dossiers received online).
    public var numerator: Int
    /// What it is counted out of (e.g. dossiers received).
    public var denominator: Int

    /// Makes a figure from its parts.
    public init(_ indicator: IndicatorID, numerator: Int, denominator: Int) {
        self.indicator = indicator
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The share, 0...1, or `nil` when there is nothing to divide by (shown as "—", never as 0%).
    public var value: Double? {
        denominator > 0 ? Double(numerator) / Double(denominator) : nil
    }

    /// `87.5%`, or `—` without data.
    public var display: String { IndicatorValue.percent(value) }

    /// A share as a percentage with one decimal, or `—`.
    public static func percent(_ share: Double?) -> String {
        guard let share else { return "—" }
        return String(format: "%.1f%%", share * 100)
    }
}
