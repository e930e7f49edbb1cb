/// Roles of lifecycle.md. Officers hold roles per unit; a role held at a unit also covers the
/// units below it.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    case citizen, reception, specialist, leader, clerk, auditor, admin
    case unitAdmin = "unit_admin"
}

/// One role held at one unit.
public struct RoleAssignment: Sendable, Hashable, Codable {
    public var role: Role
    public var unit: String

    public init(role: Role, unit: String) {
        self.role = role
        self.unit = unit
    }
}
