import Foundation

/// The six groups of the Decision 766 service index (kpi.md), with their maxima (100 in all).
public enum Group766: String, Sendable, Hashable, Codable, CaseIterable {
    case publicity, progress, online, payment, digitisation, satisfaction

    /// The group's maximum, from kpi.md.
    public var maximum: Double {
        switch self {
        case .publicity: 18
        case .progress: 20
        case .online: 12
        case .payment: 10
        case .digitisation: 22
        case .satisfaction: 18
        }
    }

    /// Vietnamese and English names for display.
    public var label: LocalizedText {
        switch self {
        case .publicity: LocalizedText(vi: "Công khai, minh bạch", en: "Publicity and transparency")
        case .progress: LocalizedText(vi: "Tiến độ giải quyết", en: "Progress")
        case .online: LocalizedText(vi: "Dịch vụ trực tuyến", en: "Online service")
        case .payment: LocalizedText(vi: "Thanh toán trực tuyến", en: "Online payment")
        case .digitisation: LocalizedText(vi: "Số hóa hồ sơ", en: "Digitisation")
        case .satisfaction: LocalizedText(vi: "Mức độ hài lòng", en: "Satisfaction")
        }
    }
}

/// Where a component's weight and threshold come from.
public enum WeightSource: String, Sendable, Hashable, Codable {
    /// Published (kpi.md quotes the formula or the full-marks threshold).
    case published
    /// OneGate's own split of the group's maximum, until the official breakdown is entered.
    case oneGate = "onegate"
}

/// How a component turns a share into points.
public enum PointsRule: Sendable, Hashable, Codable {
    /// `maximum × share`.
    case linear
    /// `min(maximum, maximum × share / threshold)`: full marks at `threshold` and above.
    case fullMarksAt(Double)

    /// The points for `share` out of `maximum`.
    public func points(_ share: Double, maximum: Double) -> Double {
        switch self {
        case .linear: maximum * share
        case .fullMarksAt(let threshold): min(maximum, maximum * share / threshold)
        }
    }

    /// The formula as written in the docs, e.g. `min(6, 6·C/0.50)`.
    public func formula(_ symbol: String, maximum: Double) -> String {
        let max = Self.number(maximum)
        switch self {
        case .linear: return "\(max)·\(symbol)"
        case .fullMarksAt(let threshold):
            return "min(\(max), \(max)·\(symbol)/\(String(format: "%.2f", threshold)))"
        }
    }

    static func number(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }
}

/// One component of a group: the share it reads, its maximum and rule, and the points scored.
public struct ScoreComponent: Sendable, Hashable {
    /// Stable identifier, e.g. `online.3.1`.
    public var id: String
    /// The group it belongs to.
    public var group: Group766
    /// Names for display.
    public var label: LocalizedText
    /// The symbol used in the formula (`A`, `B`, `C`, ...).
    public var symbol: String
    /// The most points it can give.
    public var maximum: Double
    /// How the share becomes points.
    public var rule: PointsRule
    /// Where the weight and threshold come from.
    public var source: WeightSource
    /// The indicator the share comes from, when it is one.
    public var indicator: IndicatorID?
    /// The share, when computable and there is data.
    public var ratio: Ratio?
    /// Whether OneGate's own data can ever compute this component.
    public var computable: Bool
    /// Why a component is not computable, or how it is read.
    public var note: String?

    /// The points scored, or `nil` when not computable or without data.
    public var points: Double? {
        guard computable, let share = ratio?.value else { return nil }
        return rule.points(share, maximum: maximum)
    }

    /// The formula, e.g. `min(2, 2·A/0.80)`.
    public var formula: String { computable ? rule.formula(symbol, maximum: maximum) : "—" }
}

/// A group's components and total.
public struct ScoreGroup: Sendable, Hashable {
    /// The group.
    public var group: Group766
    /// The components, in order.
    public var components: [ScoreComponent]

    /// The group's maximum (kpi.md).
    public var maximum: Double { group.maximum }
    /// Points scored by the components that have a value.
    public var points: Double { components.compactMap(\.points).reduce(0, +) }
    /// The maximum of the components OneGate can compute.
    public var computableMaximum: Double { components.filter(\.computable).map(\.maximum).reduce(0, +) }
    /// The maximum of the components that have a value now (the honest "out of").
    public var scoredMaximum: Double { components.filter { $0.points != nil }.map(\.maximum).reduce(0, +) }
    /// The group formula, e.g. `min(2, 2·A/0.80) + 4·B + min(6, 6·C/0.50)`.
    public var formula: String {
        let parts = components.filter(\.computable).map(\.formula)
        return parts.isEmpty ? "—" : parts.joined(separator: " + ")
    }
}

/// The `score_766` indicator: the Decision 766 groups OneGate's own data supports, each broken down.
public struct Score766: Sendable, Hashable {
    /// The six groups, in order.
    public var groups: [ScoreGroup]

    /// 100.
    public var maximum: Double { groups.map(\.maximum).reduce(0, +) }
    /// Points scored in all.
    public var points: Double { groups.map(\.points).reduce(0, +) }
    /// The maximum of the components OneGate can compute (70).
    public var computableMaximum: Double { groups.map(\.computableMaximum).reduce(0, +) }
    /// The maximum of the components that have a value now.
    public var scoredMaximum: Double { groups.map(\.scoredMaximum).reduce(0, +) }
    /// The components one instance's data cannot compute (measured nationally or not recorded yet).
    public var notComputable: [ScoreComponent] { groups.flatMap(\.components).filter { !$0.computable } }

    /// One group.
    public func group(_ group: Group766) -> ScoreGroup? { groups.first { $0.group == group } }
    /// One component by its identifier.
    public func component(_ id: String) -> ScoreComponent? {
        groups.lazy.flatMap(\.components).first { $0.id == id }
    }
}

/// The components of each group: weights, thresholds and sources. Group 3's formula is the published
/// one, `min(2, 2·A/0.80) + 4·B + min(6, 6·C/0.50)`; the other splits are OneGate's until the official
/// breakdown is entered (`docs/indicators.md` lists each with its source).
public enum Score766Formula {
    /// Scores a scope from its indicators and the share of online services that received online dossiers.
    public static func score(_ values: [IndicatorID: IndicatorValue], onlineServicesUsed: Ratio?) -> Score766 {
        func ratio(_ id: IndicatorID) -> Ratio? { values[id]?.ratio }
        func part(
            _ id: String, _ group: Group766, _ symbol: String, _ maximum: Double, _ rule: PointsRule,
            _ source: WeightSource, _ indicator: IndicatorID?, _ ratio: Ratio?, _ en: String, _ vi: String,
            note: String? = nil
        ) -> ScoreComponent {
            ScoreComponent(
                id: id, group: group, label: LocalizedText(vi: vi, en: en), symbol: symbol, maximum: maximum,
                rule: rule, source: source, indicator: indicator, ratio: ratio, computable: true, note: note)
        }
        func missing(
            _ id: String, _ group: Group766, _ maximum: Double, _ en: String, _ vi: String, note: String
        )
            -> ScoreComponent
        {
            ScoreComponent(
                id: id, group: group, label: LocalizedText(vi: vi, en: en), symbol: "", maximum: maximum,
                rule: .linear, source: .published, indicator: nil, ratio: nil, computable: false, note: note)
        }
        return Score766(groups: [
            ScoreGroup(
                group: .publicity,
                components: [
                    missing(
                        "publicity", .publicity, 18,
                        "Procedures published on time; dossier status public and synchronised",
                        "Công khai TTHC đúng hạn; công khai, đồng bộ trạng thái hồ sơ",
                        note: "Measured by the National Public Service Portal against the national procedure database "
                            + "and its synchronisation log; one instance holds neither.")
                ]),
            ScoreGroup(
                group: .progress,
                components: [
                    part(
                        "progress.on_time", .progress, "T", 20, .linear, .oneGate, .onTime, ratio(.onTime),
                        "Dossiers finished early or on time, or open and not past due", "Hồ sơ giải quyết đúng hạn",
                        note: "kpi.md ties on_time to group 2; the linear scale is OneGate's.")
                ]),
            ScoreGroup(
                group: .online,
                components: [
                    part(
                        "online.3.1", .online, "A", 2, .fullMarksAt(0.80), .published, .proceduresOnline,
                        ratio(.proceduresOnline), "Procedures offered online", "TTHC cung cấp trực tuyến"),
                    part(
                        "online.3.2", .online, "B", 4, .linear, .published, nil, onlineServicesUsed,
                        "Online services that received an online dossier", "DVC trực tuyến có phát sinh hồ sơ",
                        note: "Needs counters broken down by procedure."),
                    part(
                        "online.3.3", .online, "C", 6, .fullMarksAt(0.50), .published, .dossiersOnline,
                        ratio(.dossiersOnline), "Dossiers submitted online", "Hồ sơ trực tuyến"),
                ]),
            ScoreGroup(
                group: .payment,
                components: [
                    part(
                        "payment.paid_online", .payment, "P", 10, .linear, .oneGate, .paidOnline, ratio(.paidOnline),
                        "Fee-bearing dossiers paid online", "Hồ sơ có phí được thanh toán trực tuyến")
                ]),
            ScoreGroup(
                group: .digitisation,
                components: [
                    part(
                        "digitisation.reception", .digitisation, "D", 8, .linear, .oneGate, .digitisedAtReception,
                        ratio(.digitisedAtReception), "Dossiers digitised at reception", "Hồ sơ số hóa khi tiếp nhận"),
                    part(
                        "digitisation.results", .digitisation, "E", 8, .linear, .oneGate, .resultsElectronic,
                        ratio(.resultsElectronic), "Electronic results", "Kết quả điện tử"),
                    part(
                        "digitisation.reuse", .digitisation, "R", 6, .fullMarksAt(0.80), .oneGate, .reusedData,
                        ratio(.reusedData), "Dossiers reusing data", "Hồ sơ tái sử dụng dữ liệu",
                        note: "Full marks at 80% as kpi.md quotes (766 4.3); the weight of 6 is OneGate's."),
                ]),
            ScoreGroup(
                group: .satisfaction,
                components: [
                    part(
                        "satisfaction.dossiers", .satisfaction, "S", 6, .fullMarksAt(0.90), .oneGate, .satisfaction,
                        ratio(.satisfaction), "Satisfaction with dossier handling", "Hài lòng trong giải quyết TTHC",
                        note: "Full marks at 90% (kpi.md, 766 5.4); 6 of the 18 points follows published summaries of "
                            + "the decision, to be checked against its appendix. Complaints and evaluations are not "
                            + "recorded yet, so only the late share lowers it."),
                    missing(
                        "satisfaction.feedback", .satisfaction, 12,
                        "Feedback and petitions handled on time and to the citizen's satisfaction",
                        "Xử lý phản ánh, kiến nghị đúng hạn và hài lòng",
                        note: "OneGate records no feedback or petitions yet (national feedback system)."),
                ]),
        ])
    }
}
