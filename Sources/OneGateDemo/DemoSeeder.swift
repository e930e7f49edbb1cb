import Foundation
import OneGateCore

/// Writes the demo province into a store: units, officers, citizens and the catalogue. Idempotent:
/// ids are derived from usernames and identifiers, and the catalogue import leaves unchanged
/// procedures alone.
public struct DemoSeeder: Sendable {
    public let province: DemoProvince
    public let store: any OneGateStore
    public let passwords: any PasswordHasher

    public init(province: DemoProvince, store: any OneGateStore, passwords: any PasswordHasher) {
        self.province = province
        self.store = store
        self.passwords = passwords
    }

    /// The stable id of a demo officer.
    public static func officerID(_ username: String) -> String { "officer-\(username)" }

    /// The stable id of a demo applicant.
    public static func applicantID(_ identifier: String) -> String { "applicant-\(identifier)" }

    /// Seeds everything; returns the officers and applicants created.
    @discardableResult
    public func seed() async throws -> (officers: [Officer], applicants: [Applicant]) {
        let tenant = province.tenant
        try await store.saveUnits(province.units, tenant: tenant)
        // One scrypt hash for every demo account: scrypt is deliberately slow, and these accounts
        // share one published password anyway.
        let hash = try passwords.hash(DemoProvince.password)
        // The staff of a unit that took over merged units keep their roles there, so that the
        // merged units' history stays reachable (and, in the demo, has people who acted in it).
        var predecessors: [String: [String]] = [:]
        for unit in province.units where unit.effectiveTo != nil {
            for successor in unit.successors { predecessors[successor, default: []].append(unit.code) }
        }
        var officers: [Officer] = []
        for account in province.officers {
            let inherited = account.roles.flatMap { role in
                (predecessors[role.unit] ?? []).map { RoleAssignment(role: role.role, unit: $0) }
            }
            let officer = Officer(
                id: Self.officerID(account.username), username: account.username, fullName: account.fullName,
                roles: account.roles + inherited)
            try await store.saveOfficer(officer, passwordHash: hash, tenant: tenant)
            officers.append(officer)
        }
        var applicants: [Applicant] = []
        for account in province.citizens {
            let applicant = Applicant(
                id: Self.applicantID(account.identifier), kind: account.kind, identifier: account.identifier,
                fullName: account.fullName, username: account.username, phone: account.phone, address: account.address)
            try await store.saveApplicant(applicant, passwordHash: account.username == nil ? nil : hash, tenant: tenant)
            applicants.append(applicant)
        }
        _ = try await store.importProcedures(province.procedures, tenant: tenant)
        return (officers, applicants)
    }
}
