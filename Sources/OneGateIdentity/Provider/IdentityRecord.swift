/// One person of the identity provider's population: what the national e-ID knows about them and
/// hands to a relying party in the ID token and at the userinfo endpoint.
public struct IdentityRecord: Sendable, Codable, Hashable {
    /// The personal identifier (12-digit CCCD number), sent as the `sub` claim.
    public var subject: String
    public var fullName: String
    /// `YYYY-MM-DD`, the `birthdate` claim.
    public var birthDate: String?
    /// `male` or `female`, the `gender` claim.
    public var gender: String?
    /// The permanent address as one line, the `address` claim (a plain string, not the OIDC object,
    /// because Vietnamese addresses are written and registered as one line).
    public var address: String?
    /// The `phone_number` claim.
    public var phone: String?
    /// The VNeID assurance level, 1 or 2, sent as `acr` `urn:vneid:loa:<n>`.
    public var assuranceLevel: Int

    public init(
        subject: String, fullName: String, birthDate: String? = nil, gender: String? = nil, address: String? = nil,
        phone: String? = nil, assuranceLevel: Int = 2
    ) {
        self.subject = subject
        self.fullName = fullName
        self.birthDate = birthDate
        self.gender = gender
        self.address = address
        self.phone = phone
        self.assuranceLevel = assuranceLevel
    }

    /// The `acr` value for this person's assurance level.
    public var authenticationContextClass: String { "urn:vneid:loa:\(assuranceLevel)" }
}
