/// Who is making a request: an officer with roles, an applicant, or nobody.
public enum Principal: Sendable, Hashable {
    case officer(Officer)
    case applicant(Applicant)
    case system

    public var id: String {
        switch self {
        case .officer(let officer): return officer.id
        case .applicant(let applicant): return applicant.id
        case .system: return "system"
        }
    }
}

/// Authorisation rules shared by every adapter, so that the API and the web pages cannot disagree.
public struct Authorizer: Sendable {
    public let tree: UnitTree

    public init(tree: UnitTree) { self.tree = tree }

    /// Whether the officer holds one of `roles` at `unit` or at one of its ancestors.
    public func officer(_ officer: Officer, has roles: Set<Role>, at unit: String) -> Bool {
        officer.active
            && officer.roles.contains { assignment in
                (roles.contains(assignment.role) || assignment.role == .admin)
                    && tree.isWithin(unit, subtreeOf: assignment.unit)
            }
    }

    /// The role the officer acts in for `unit`, picked from `allowed` in a fixed order of preference.
    public func actingRole(of officer: Officer, among allowed: [Role], at unit: String) -> Role? {
        allowed.first { role in
            officer.roles.contains { $0.role == role && tree.isWithin(unit, subtreeOf: $0.unit) }
        } ?? (officer.roles.contains { $0.role == .admin && tree.isWithin(unit, subtreeOf: $0.unit) } ? .admin : nil)
    }

    /// Whether the principal may read the dossier: its applicant, an officer of the receiving or
    /// competent unit's subtree (or of the agency it is currently at), or an auditor.
    public func canRead(_ dossier: Dossier, principal: Principal) -> Bool {
        switch principal {
        case .system: return true
        case .applicant(let applicant): return dossier.applicantID == applicant.id
        case .officer(let officer):
            let units = [dossier.receivingUnit, dossier.competentUnit] + (dossier.otherAgency.map { [$0] } ?? [])
            return units.contains { unit in
                self.officer(officer, has: Set(Role.allCases).subtracting([.citizen]), at: unit)
            }
        }
    }
}
