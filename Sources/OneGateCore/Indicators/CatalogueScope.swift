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
