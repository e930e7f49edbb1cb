import Foundation
import OneGateCore

/// The demo province of demo-data.md: units, accounts and the catalogue, decoded from the
/// generated `DemoProvinceData.json`.
public struct DemoProvince: Decodable, Sendable {
    public struct OfficerAccount: Decodable, Sendable {
        public var username: String
        public var fullName: String
        public var roles: [RoleAssignment]
    }

    public struct CitizenAccount: Decodable, Sendable {
        public var username: String?
        public var kind: ApplicantKind
        public var identifier: String
        public var fullName: String
        public var phone: String?
        public var address: String?
    }

    public var instanceName: String
    public var tenant: String
    public var units: [AdministrativeUnit]
    public var officers: [OfficerAccount]
    public var citizens: [CitizenAccount]
    public var procedures: [Procedure]

    /// The built-in demo province.
    public static func load() throws -> DemoProvince {
        try JSONDecoder().decode(DemoProvince.self, from: Data(DemoProvinceData.json.utf8))
    }

    /// The password of every demo account (printed by `onegate demo`; demo instances only).
    public static let password = "demo1234"
}
