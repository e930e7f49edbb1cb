/// A civil servant with a local password account and roles at units.
public struct Officer: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var username: String
    public var fullName: String
    public var roles: [RoleAssignment]
    public var active: Bool

    public init(id: String, username: String, fullName: String, roles: [RoleAssignment], active: Bool = true) {
        self.id = id
        self.username = username
        self.fullName = fullName
        self.roles = roles
        self.active = active
    }
}
