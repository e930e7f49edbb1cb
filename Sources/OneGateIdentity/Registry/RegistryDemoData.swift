import OneGateCore

/// The demo registries: the people and businesses of a demo population (`DemoProvince.citizens`
/// in `onegate registry` and the tests), completed with what a registry holds and the population
/// does not say, derived from the identifiers so that it is the same from run to run.
public struct RegistryDemoData: Sendable {
    /// The population registry: every person with a 12-digit identifier.
    public var people: [RegistryPerson]
    /// The business registry: every business, its tax code being its identifier.
    public var enterprises: [RegistryEnterprise]

    /// The registries of `citizens`. People registered at the same permanent address form one
    /// household, headed by its oldest member.
    public init(citizens: [(kind: ApplicantKind, identifier: String, fullName: String, address: String?)]) {
        let people = citizens.filter { $0.kind == .person }.compactMap {
            Self.person(identifier: $0.identifier, fullName: $0.fullName, address: $0.address)
        }
        var heads: [String: RegistryPerson] = [:]
        for person in people {
            guard let head = heads[person.permanentAddress] else {
                heads[person.permanentAddress] = person
                continue
            }
            if (person.birthDate, person.identifier) < (head.birthDate, head.identifier) {
                heads[person.permanentAddress] = person
            }
        }
        self.people = people.map { person in
            var person = person
            person.householdHead = heads[person.permanentAddress].map {
                RegistryHouseholdHead(identifier: $0.identifier, fullName: $0.fullName)
            }
            return person
        }
        // Representatives are chosen among the adults of the same population, so that the demo
        // can look the representative up too.
        let adults = self.people.filter { $0.birthDate < "2000" }
        enterprises = citizens.filter { $0.kind == .business }.map {
            Self.enterprise(taxCode: $0.identifier, name: $0.fullName, address: $0.address, representatives: adults)
        }
    }

    /// A person of the population registry. Birth date and sex are those `IdentityRecord.demo`
    /// gives the simulated e-ID, so the two reference services agree about everybody; nil when the
    /// identifier is not 12 digits, since then neither can be derived.
    public static func person(identifier: String, fullName: String, address: String?) -> RegistryPerson? {
        let record = IdentityRecord.demo(subject: identifier, fullName: fullName, address: address, phone: nil)
        guard let birthDate = record.birthDate, let gender = record.gender else { return nil }
        let address = address ?? ""
        return RegistryPerson(
            identifier: identifier, fullName: fullName, birthDate: birthDate, gender: gender, nationality: "VN",
            permanentAddress: address, currentAddress: address)
    }

    /// An active enterprise of the business registry. Its representative is one of
    /// `representatives` (picked by the tax code) and its registration date is made of the tax
    /// code's digits: both only need to be plausible and stable.
    public static func enterprise(
        taxCode: String, name: String, address: String?, representatives: [RegistryPerson]
    ) -> RegistryEnterprise {
        let digits = taxCode.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        func digit(_ index: Int) -> Int { index < digits.count ? digits[index] : 0 }
        let serial = digits.reduce(0) { ($0 * 10 + $1) % 1_000_003 }
        let representative =
            representatives.isEmpty ? "Nguyễn Văn Đại" : representatives[serial % representatives.count].fullName
        let year = 2000 + (digit(2) * 10 + digit(3)) % 24
        let month = (digit(4) * 10 + digit(5)) % 12 + 1
        let day = (digit(6) * 10 + digit(7)) % 28 + 1
        let registeredOn = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        return RegistryEnterprise(
            taxCode: taxCode, name: name, address: address ?? "", legalRepresentative: representative,
            status: "active", registeredOn: registeredOn)
    }
}
