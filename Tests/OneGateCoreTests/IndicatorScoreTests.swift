import Foundation
import Testing

@testable import OneGateCore

/// The Decision 766 score: the published online-group formula exactly, each group's maximum, the caps,
/// and what is not computable.
struct IndicatorScoreTests {
    static func value(_ id: IndicatorID, _ numerator: Int, _ denominator: Int) -> (IndicatorID, IndicatorValue) {
        (id, IndicatorValue(id, numerator: numerator, denominator: denominator))
    }

    static func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }

    @Test func groupsAndMaximaAreThoseOfKPI() {
        let score = Score766Formula.score([:], onlineServicesUsed: nil)
        #expect(score.groups.map(\.group) == Group766.allCases)
        #expect(score.groups.map(\.maximum) == [18, 20, 12, 10, 22, 18])
        #expect(score.maximum == 100)
        for group in score.groups {
            #expect(group.components.map(\.maximum).reduce(0, +) == group.maximum, "\(group.group)")
        }
        #expect(score.computableMaximum == 70)
        #expect(score.notComputable.map(\.id) == ["publicity", "satisfaction.feedback"])
        #expect(score.group(.online)?.formula == "min(2, 2·A/0.80) + 4·B + min(6, 6·C/0.50)")
    }

    @Test func onlineGroupFormula() {
        // A = 0.4 → min(2, 2·0.4/0.8) = 1; B = 0.5 → 2; C = 0.25 → min(6, 6·0.25/0.5) = 3.
        let values = Dictionary(uniqueKeysWithValues: [
            Self.value(.proceduresOnline, 2, 5), Self.value(.dossiersOnline, 1, 4),
        ])
        let online = Score766Formula.score(values, onlineServicesUsed: Ratio(1, of: 2)).group(.online)
        #expect(Self.close(online?.components[0].points, 1))
        #expect(Self.close(online?.components[1].points, 2))
        #expect(Self.close(online?.components[2].points, 3))
        #expect(Self.close(online?.points, 6))
    }

    @Test func onlineGroupCapsAtFullMarks() {
        // A = 1 would give 2.5 and C = 0.6 would give 7.2: capped at 2 and 6.
        let values = Dictionary(uniqueKeysWithValues: [
            Self.value(.proceduresOnline, 5, 5), Self.value(.dossiersOnline, 3, 5),
        ])
        let online = Score766Formula.score(values, onlineServicesUsed: Ratio(3, of: 3)).group(.online)
        #expect(online?.points == 12)
        // Exactly at the thresholds: full marks.
        let atThreshold = Dictionary(uniqueKeysWithValues: [
            Self.value(.proceduresOnline, 4, 5), Self.value(.dossiersOnline, 1, 2),
        ])
        let exact = Score766Formula.score(atThreshold, onlineServicesUsed: Ratio(0, of: 3)).group(.online)
        #expect(Self.close(exact?.points, 8))
    }

    @Test func everyGroupHandComputed() {
        let values = Dictionary(uniqueKeysWithValues: [
            Self.value(.proceduresOnline, 2, 5), Self.value(.dossiersOnline, 1, 4), Self.value(.onTime, 9, 10),
            Self.value(.paidOnline, 1, 2), Self.value(.digitisedAtReception, 3, 4),
            Self.value(.resultsElectronic, 1, 1),
            Self.value(.reusedData, 2, 5), Self.value(.satisfaction, 9, 10),
        ])
        let score = Score766Formula.score(values, onlineServicesUsed: Ratio(1, of: 2))
        #expect(score.group(.publicity)?.points == 0 && score.group(.publicity)?.computableMaximum == 0)
        #expect(Self.close(score.group(.progress)?.points, 18))  // 20 × 0.9
        #expect(Self.close(score.group(.online)?.points, 6))
        #expect(Self.close(score.group(.payment)?.points, 5))  // 10 × 0.5
        // 8 × 0.75 + 8 × 1 + min(6, 6 × 0.4 / 0.8)
        #expect(Self.close(score.group(.digitisation)?.points, 6 + 8 + 3))
        #expect(Self.close(score.group(.satisfaction)?.points, 6))  // full marks at 90%
        #expect(Self.close(score.points, 52))
        #expect(score.scoredMaximum == 70)
        #expect(score.component("digitisation.reuse")?.formula == "min(6, 6·R/0.80)")
        #expect(score.component("progress.on_time")?.formula == "20·T")
    }

    @Test func componentsWithoutDataScoreNothingAndLeaveTheOutOf() {
        let values = Dictionary(uniqueKeysWithValues: [Self.value(.onTime, 1, 2), Self.value(.paidOnline, 0, 0)])
        let score = Score766Formula.score(values, onlineServicesUsed: nil)
        #expect(Self.close(score.points, 10))
        #expect(score.scoredMaximum == 20)
        #expect(score.component("payment.paid_online")?.points == nil)
    }
}
