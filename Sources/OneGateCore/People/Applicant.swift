/// Whether an applicant is a person or a business.
public enum ApplicantKind: String, Sendable, Hashable, Codable {
    case person, business
}

/// A citizen or a business. Persons are identified by the 12-digit personal identification
/// number, businesses by their tax code.
public struct Applicant: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var kind: ApplicantKind
    public var identifier: String
    public var fullName: String
    public var username: String?
    public var phone: String?
    public var email: String?
    public var address: String?

    public init(
        id: String, kind: ApplicantKind, identifier: String, fullName: String, username: String? = nil,
        phone: String? = nil, email: String? = nil, address: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.identifier = identifier
        self.fullName = fullName
        self.username = username
        self.phone = phone
        self.email = email
        self.address = address
    }

    /// The identifier with all but the last three digits hidden, for anything shown publicly.
    public var maskedIdentifier: String {
        let visible = identifier.suffix(3)
        return String(repeating: "•", count: max(0, identifier.count - 3)) + visible
    }

    /// Validates the identifier: 12 digits for a person, 10 or 13 digits (with a dash) for a tax code.
    public static func validate(kind: ApplicantKind, identifier: String) -> Bool {
        switch kind {
        case .person:
            return identifier.count == 12 && identifier.allSatisfy(\.isASCII) && identifier.allSatisfy(\.isNumber)
        case .business:
            let digits = identifier.replacingOccurrences(of: "-", with: "")
            return [10, 13].contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
        }
    }
}
