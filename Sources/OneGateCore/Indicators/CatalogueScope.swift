import Foundation

/// Which catalogue procedures are "in competence" of a scope, for the procedure-based indicators.
public enum CatalogueScope {
    /// The procedures that some unit of `units` may decide (by code or by kind), among `catalogue` (the
    /// current version of each procedure). Pass the units that exist on the reference day: a historical
    /// district must not bring in procedures that no existing unit decides any more.
    public static func procedures(
        inCompetenceOf units: [AdministrativeUnit], from catalogue: [Procedure]
    ) -> [Procedure] {
        let codes = Set(units.map(\.code))
        let kinds = Set(units.map { "kind:\($0.kind.rawValue)" })
        return catalogue.filter { procedure in
            procedure.competentUnits.contains { codes.contains($0) || kinds.contains($0) }
        }
    }
}

extension CatalogueScope {
    /// ``CatalogueScope/procedures(inCompetenceOf:from:)`` over one catalogue for many scopes (the
    /// children of a unit, the months of a series): the catalogue is indexed by competent unit once,
    /// so that each scope costs a lookup per unit instead of a pass over the catalogue.
    public struct Index: Sendable {
        private let catalogue: [Procedure]
        /// Competent unit (a code or `kind:…`) → positions in the catalogue.
        private let positions: [String: [Int]]

        /// Indexes `catalogue` (the current version of each procedure).
        public init(_ catalogue: [Procedure]) {
            self.catalogue = catalogue
            var positions: [String: [Int]] = [:]
            for (position, procedure) in catalogue.enumerated() {
                for competent in Set(procedure.competentUnits) { positions[competent, default: []].append(position) }
            }
            self.positions = positions
        }

        /// The same procedures, in the same order, as ``CatalogueScope/procedures(inCompetenceOf:from:)``.
        public func procedures(inCompetenceOf units: [AdministrativeUnit]) -> [Procedure] {
            var selected = [Bool](repeating: false, count: catalogue.count)
            func select(_ key: String) {
                for position in positions[key] ?? [] { selected[position] = true }
            }
            for unit in units { select(unit.code) }
            for kind in Set(units.map(\.kind)) { select("kind:\(kind.rawValue)") }
            return catalogue.indices.filter { selected[$0] }.map { catalogue[$0] }
        }
    }
}
