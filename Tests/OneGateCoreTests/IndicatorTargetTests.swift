import Foundation
import OneGateTestSupport
import Testing

@testable import OneGateCore

/// Targets: the national template by unit kind and year, stricter targets down the tree, status and gap.
struct IndicatorTargetTests {
    let tree = KPI.tree

    @Test func nationalTemplateByCategoryAndYear() {
        #expect(TargetTemplate.national(.locality, year: 2024)[.dossiersFullOnline] == 0.30)
        #expect(TargetTemplate.national(.locality, year: 2025)[.dossiersFullOnline] == 0.70)
        #expect(TargetTemplate.national(.ministryOrBranch, year: 2024)[.dossiersFullOnline] == 0.70)
        #expect(TargetTemplate.national(.ministryOrBranch, year: 2025)[.dossiersFullOnline] == 0.85)
        #expect(TargetTemplate.national(.locality, year: 2024)[.proceduresFullOnline] == nil)
        #expect(TargetTemplate.national(.locality, year: 2025)[.proceduresFullOnline] == 1.0)
        #expect(TargetTemplate.national(.locality, year: 2025)[.processedFullyElectronic] == 0.80)
        #expect(TargetTemplate.national(.locality, year: 2026) == TargetTemplate.national(.locality, year: 2025))
        #expect(TargetTemplate.national(.locality, year: 2023).isEmpty)
        #expect(TargetTemplate.national(.ministryOrBranch, year: 2025)[.satisfaction] == 0.90)
        #expect(TargetCategory(.commune) == .locality && TargetCategory(.department) == .locality)
        #expect(TargetCategory(.ministry) == .ministryOrBranch && TargetCategory(.verticalOffice) == .ministryOrBranch)
    }

    @Test func defaultsComeFromTheUnitsCategory() {
        let book = TargetBook()
        let commune = book.effective(unit: Fixtures.communeA, year: 2025, indicator: .dossiersFullOnline, tree: tree)
        #expect(commune == ResolvedTarget(value: 0.70, origin: .national(.locality)))
        let police = book.effective(unit: Fixtures.police, year: 2025, indicator: .dossiersFullOnline, tree: tree)
        #expect(police == ResolvedTarget(value: 0.85, origin: .national(.ministryOrBranch)))
        #expect(book.effective(unit: Fixtures.communeA, year: 2025, indicator: .early, tree: tree) == nil)
    }

    @Test func aProvinceTargetAppliesBelowAndOnlyStricterOnesMaySucceedIt() throws {
        var book = TargetBook()
        try book.set(Target(unit: Fixtures.tenant, year: 2025, indicator: .dossiersFullOnline, value: 0.80), tree: tree)
        #expect(
            book.effective(unit: Fixtures.communeA, year: 2025, indicator: .dossiersFullOnline, tree: tree)
                == ResolvedTarget(value: 0.80, origin: .unit(Fixtures.tenant)))
        #expect(
            book.effective(unit: Fixtures.communeA, year: 2024, indicator: .dossiersFullOnline, tree: tree)?.value
                == 0.30, "another year keeps the national default")

        #expect(throws: OneGateError.self) {
            try book.set(
                Target(unit: Fixtures.communeA, year: 2025, indicator: .dossiersFullOnline, value: 0.75),
                tree: tree)
        }
        do {
            try book.set(
                Target(unit: Fixtures.communeA, year: 2025, indicator: .dossiersFullOnline, value: 0.60),
                tree: tree)
            Issue.record("a looser target was accepted")
        } catch {
            #expect(error.code == "target_too_loose")
        }
        try book.set(
            Target(unit: Fixtures.communeA, year: 2025, indicator: .dossiersFullOnline, value: 0.90), tree: tree)
        #expect(
            book.effective(unit: Fixtures.communeA, year: 2025, indicator: .dossiersFullOnline, tree: tree)
                == ResolvedTarget(value: 0.90, origin: .unit(Fixtures.communeA)))
        #expect(
            book.effective(unit: Fixtures.communeB, year: 2025, indicator: .dossiersFullOnline, tree: tree)?.value
                == 0.80, "a sibling is not affected")
        // Setting it again replaces it.
        try book.set(
            Target(unit: Fixtures.communeA, year: 2025, indicator: .dossiersFullOnline, value: 0.95), tree: tree)
        #expect(book.targets.filter { $0.unit == Fixtures.communeA }.count == 1)
        book.remove(unit: Fixtures.communeA, year: 2025, indicator: .dossiersFullOnline)
        #expect(book.targets.count == 1)
    }

    @Test func invalidTargetsAreRefused() {
        let book = TargetBook()
        let cases = [
            Target(unit: "nowhere", year: 2025, indicator: .onTime, value: 0.9),
            Target(unit: Fixtures.communeA, year: 2025, indicator: .onTime, value: 1.2),
            Target(unit: Fixtures.communeA, year: 2025, indicator: .onTime, value: -0.1),
            Target(unit: Fixtures.communeA, year: 2025, indicator: .score766, value: 0.5),
        ]
        for target in cases {
            #expect(throws: OneGateError.self) { try book.validate(target, tree: tree) }
        }
    }

    @Test func statusAndGap() {
        let target = ResolvedTarget(value: 0.70, origin: .national(.locality))
        func status(_ numerator: Int, _ denominator: Int) -> TargetComparison {
            TargetComparison(
                IndicatorValue(.dossiersFullOnline, numerator: numerator, denominator: denominator),
                target: target)
        }
        #expect(status(7, 10).status == .met)
        #expect(status(8, 10).status == .met)
        #expect(status(6, 10).status == .close, "exactly 10 points below is still close")
        #expect(status(59, 100).status == .behind)
        #expect(status(0, 0).status == .noData && status(0, 0).gap == nil)
        #expect(abs((status(6, 10).gapPoints ?? 0) + 10) < 1e-9)
        #expect(abs((status(8, 10).gap ?? 0) - 0.1) < 1e-9)
        // 0.8 − 0.7 is 0.10000000000000009 in floating point: still close.
        let eighty = ResolvedTarget(value: 0.80, origin: .national(.locality))
        #expect(
            TargetComparison(IndicatorValue(.onTime, numerator: 7, denominator: 10), target: eighty).status == .close)
    }
}
