import Foundation

/// Which units a unit's figure covers (kpi.md "Scope and periods").
public enum RollUp {
    /// The unit and every unit below it, historical units included: a merged district keeps its place
    /// in the tree (units are never deleted), so its counters count towards its parent for the months it
    /// existed, and it simply has none afterwards.
    ///
    /// - Parameter includingPredecessors: also count the units this subtree's units succeeded (and their
    ///   subtrees), so that a commune formed from a district shows the district's history. Off by default:
    ///   a district split between several communes would otherwise count in full for each of them.
    public static func units(of unit: String, in tree: UnitTree, includingPredecessors: Bool = false) -> [String] {
        var result: [String] = []
        var seen: Set<String> = []
        var pending = [unit]
        while let next = pending.popLast() {
            for code in tree.subtree(of: next) where seen.insert(code).inserted {
                result.append(code)
                if includingPredecessors, let predecessors = tree[code]?.predecessors {
                    pending.append(contentsOf: predecessors.filter { !seen.contains($0) })
                }
            }
        }
        return result.sorted()
    }

    /// The units of the subtree that exist on `day`: the ones whose competence defines the catalogue
    /// indicators for that day.
    public static func activeUnits(of unit: String, in tree: UnitTree, on day: LocalDate) -> [AdministrativeUnit] {
        tree.subtree(of: unit).compactMap { tree[$0] }.filter { $0.isActive(on: day) }.sorted { $0.code < $1.code }
    }
}
