import Foundation

/// A person as the population registry answers `GET /population/v1/people/{identifier}`
/// (docs/registry.md), named as on the wire.
public struct RegistryPerson: Codable, Sendable, Hashable {
    /// The 12-digit personal identification number.
    public var identifier: String
    public var fullName: String
    /// `YYYY-MM-DD`.
    public var birthDate: String
    /// `male` or `female`.
    public var gender: String
    /// ISO 3166-1 alpha-2 country code (`VN`).
    public var nationality: String
    /// The permanent residence (thường trú) as one line.
    public var permanentAddress: String
    /// The current residence (nơi ở hiện tại) as one line; the permanent one when they are the same.
    public var currentAddress: String
    /// The head of the household the person is registered in (possibly the person); absent when
    /// the registry holds no household for them.
    public var householdHead: RegistryHouseholdHead?

    public init(
        identifier: String, fullName: String, birthDate: String, gender: String, nationality: String = "VN",
        permanentAddress: String, currentAddress: String, householdHead: RegistryHouseholdHead? = nil
    ) {
        self.identifier = identifier
        self.fullName = fullName
        self.birthDate = birthDate
        self.gender = gender
        self.nationality = nationality
        self.permanentAddress = permanentAddress
        self.currentAddress = currentAddress
        self.householdHead = householdHead
    }
}

/// The head of a household (chủ hộ): forms about residence ask for both the name and the number.
public struct RegistryHouseholdHead: Codable, Sendable, Hashable {
    public var identifier: String
    public var fullName: String

    public init(identifier: String, fullName: String) {
        self.identifier = identifier
        self.fullName = fullName
    }
}

/// An enterprise as the business registry answers `GET /business/v1/enterprises/{taxCode}`.
public struct RegistryEnterprise: Codable, Sendable, Hashable {
    /// The tax code, which is also the enterprise code: 10 digits, or 13 with a dash for a branch.
    public var taxCode: String
    public var name: String
    /// The head office address as one line.
    public var address: String
    /// The legal representative's full name.
    public var legalRepresentative: String
    /// `active`, `suspended`, `dissolving` or `dissolved`; kept as text so that a status the
    /// registry adds later reaches the officer instead of failing the lookup.
    public var status: String
    /// The first registration date, `YYYY-MM-DD`.
    public var registeredOn: String

    public init(
        taxCode: String, name: String, address: String, legalRepresentative: String, status: String = "active",
        registeredOn: String
    ) {
        self.taxCode = taxCode
        self.name = name
        self.address = address
        self.legalRepresentative = legalRepresentative
        self.status = status
        self.registeredOn = registeredOn
    }
}

/// One entry of the registry's own lookup log (`GET /audit/v1/lookups`): who asked for whom, for
/// what, and whether the registry had them.
public struct RegistryLookup: Codable, Sendable, Hashable {
    /// When the registry answered.
    public var at: Date
    /// The client id that asked.
    public var client: String
    /// The purpose, decoded (the dossier code or legal basis).
    public var purpose: String
    /// The actor, decoded (`officer:<id>` or `citizen:<id>`).
    public var actor: String
    /// `population` or `business`.
    public var register: String
    /// The personal identifier or the tax code asked for.
    public var identifier: String
    /// Whether the registry had a record for it.
    public var found: Bool

    public init(
        at: Date, client: String, purpose: String, actor: String, register: String, identifier: String, found: Bool
    ) {
        self.at = at
        self.client = client
        self.purpose = purpose
        self.actor = actor
        self.register = register
        self.identifier = identifier
        self.found = found
    }
}

/// The body of every error answer: `{"error": "not_found"}`.
struct RegistryProblem: Codable, Sendable {
    var error: String
}

/// The body of `GET /audit/v1/lookups`.
struct RegistryLookupList: Codable, Sendable {
    var lookups: [RegistryLookup]
}

/// The JSON both ends use: sorted keys, slashes as they are, instants as RFC 3339.
enum RegistryJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
