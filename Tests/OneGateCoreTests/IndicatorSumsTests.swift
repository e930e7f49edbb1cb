import Foundation
import OneGateTestSupport
import Testing

@testable import OneGateCore

/// The structures that make a province's breakdown cheap give the same answers as the plain ones:
/// counter sums kept by metric position, the catalogue indexed by competent unit, and every target
/// of a unit looked up at once.
struct IndicatorSumsTests {
    typealias M = CounterProjection.Metric

    /// Procedure → metric name → sum, added up as the store's `GROUP BY` does.
    static func reference(_ rows: [(String, String, Int)]) -> [String: [String: Int]] {
        var sums: [String: [String: Int]] = [:]
        for (procedure, metric, value) in rows { sums[procedure, default: [:]][metric, default: 0] += value }
        return sums
    }

    /// Deterministic rows over known metrics, a metric this version does not know, and zeros.
    static func rows(seed: UInt64, count: Int) -> [(String, String, Int)] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let metrics = M.allCases.map(\.rawValue) + ["future_metric"]
        return (0..<count).map { _ in
            ("P\(next(7))", metrics[next(metrics.count)], next(4) == 0 ? 0 : next(50) - 10)
        }
    }

    @Test func sumsAddUpLikeNestedDictionaries() {
        let first = Self.rows(seed: 1, count: 400)
        let second = Self.rows(seed: 2, count: 300)
        var built = CounterSums()
        for (procedure, metric, value) in first { built.add(value, procedure: procedure, metric: metric) }
        let expected = Self.reference(first)
        #expect(built.byProcedure == expected)
        #expect(built == CounterSums(byProcedure: expected))
        #expect(CounterSums(byProcedure: expected).byProcedure == expected)

        let other = CounterSums(byProcedure: Self.reference(second))
        let together = built.adding(other)
        let both = Self.reference(first + second)
        #expect(together.byProcedure == both)
        #expect(together == CounterSums(byProcedure: both))
        var inPlace = built
        inPlace.add(other)
        #expect(inPlace == together)
        #expect(CounterSums().adding(other) == other && other.adding(CounterSums()) == other)

        var totals: [String: Int] = [:]
        for metrics in both.values {
            for (metric, value) in metrics { totals[metric, default: 0] += value }
        }
        #expect(together.totals == totals)
        for metric in M.allCases {
            #expect(together[metric] == (totals[metric.rawValue] ?? 0), "\(metric.rawValue)")
            for procedure in both.keys {
                #expect(together.value(metric, procedure: procedure) == (both[procedure]?[metric.rawValue] ?? 0))
            }
        }
        #expect(Set(together.procedureCodes) == Set(both.keys))
        #expect(together.only(procedure: "P3").byProcedure == both["P3"].map { ["P3": $0] })
        #expect(together.only(procedure: "absent").byProcedure.isEmpty)
        #expect(together.hasProcedures)
    }

    @Test func aMetricGivenAsZeroIsKept() {
        var sums = CounterSums()
        sums.add(0, procedure: "P", metric: M.received.rawValue)
        #expect(sums.byProcedure == ["P": ["received": 0]])
        #expect(sums != CounterSums(byProcedure: ["P": [:]]))
        #expect(sums.totals == ["received": 0])
        let totalsOnly = CounterSums(totals: ["received": 3, "future_metric": 1])
        #expect(!totalsOnly.hasProcedures && totalsOnly[.received] == 3)
        #expect(totalsOnly.totals == ["received": 3, "future_metric": 1])
        #expect(CounterSums(totals: [:]) == CounterSums())
    }

    @Test func sumsFromRowsMatchTheReference() {
        let rows = Self.rows(seed: 3, count: 200).enumerated().map { index, row in
            CounterDelta(
                unit: index.isMultiple(of: 3) ? "U1" : "U2", procedure: row.0,
                period: index.isMultiple(of: 2) ? "2026-01" : "2026-02", metric: row.1, delta: row.2)
        }
        let sums = CounterSums(rows: rows, units: ["U1"], periods: ["2026-01"])
        let kept = rows.filter { $0.unit == "U1" && $0.period == "2026-01" }
        #expect(sums.byProcedure == Self.reference(kept.map { ($0.procedure, $0.metric, $0.delta) }))
    }

    @Test func indexedCatalogueScopeMatchesTheFilter() {
        let tree = KPI.tree
        let catalogue = Fixtures.procedures
        let index = CatalogueScope.Index(catalogue)
        var scopes: [[AdministrativeUnit]] = [[], Fixtures.units]
        scopes += Fixtures.units.map { [$0] }
        scopes += Fixtures.units.map { unit in tree.subtree(of: unit.code).compactMap { tree[$0] } }
        for units in scopes {
            let expected = CatalogueScope.procedures(inCompetenceOf: units, from: catalogue).map(\.code)
            #expect(index.procedures(inCompetenceOf: units).map(\.code) == expected, "\(units.map(\.code))")
        }
    }

    @Test func everyTargetAtOnceMatchesOneByOne() throws {
        let tree = KPI.tree
        var book = TargetBook()
        try book.set(Target(unit: Fixtures.tenant, year: 2025, indicator: .dossiersOnline, value: 0.6), tree: tree)
        try book.set(Target(unit: Fixtures.communeA, year: 2025, indicator: .dossiersOnline, value: 0.6), tree: tree)
        try book.set(Target(unit: Fixtures.communeA, year: 2025, indicator: .onTime, value: 0.95), tree: tree)
        try book.set(Target(unit: Fixtures.tenant, year: 2026, indicator: .satisfaction, value: 0.9), tree: tree)
        for book in [TargetBook(), book] {
            for unit in Fixtures.units.map(\.code) + ["unknown"] {
                for year in [2023, 2024, 2025, 2026] {
                    let all = book.effective(unit: unit, year: year, tree: tree)
                    for indicator in IndicatorID.allCases {
                        let one = book.effective(unit: unit, year: year, indicator: indicator, tree: tree)
                        #expect(all[indicator] == one, "\(unit) \(year) \(indicator)")
                    }
                }
            }
        }
    }

    /// The reports of a breakdown or a series are made on every core and come back in order.
    @Test func concurrentMapKeepsTheOrder() async {
        for count in [0, 1, 2, 3, 33, 101] {
            let elements = Array(0..<count)
            #expect(await IndicatorCalculator.concurrentMap(elements) { $0 * 7 + 1 } == elements.map { $0 * 7 + 1 })
        }
    }
}
