import Foundation
import JWTKit

extension IdentityProvider {
    /// The claims of an ID token this provider issues (OIDC Core §2 and §5.1), named as on the
    /// wire. Times are whole seconds since 1970.
    struct IssuedIDToken: JWTPayload {
        var iss: String
        var sub: String
        var aud: String
        var exp: Int
        var iat: Int
        var auth_time: Int
        var nonce: String
        var acr: String
        var amr: [String]
        var name: String
        var birthdate: String?
        var gender: String?
        var address: String?
        var phone_number: String?

        /// Never called: the provider signs these, relying parties verify them.
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    /// The person's claims at the userinfo endpoint (OIDC Core §5.3.2).
    struct UserInfo: Encodable {
        var sub: String
        var name: String
        var birthdate: String?
        var gender: String?
        var address: String?
        var phone_number: String?
        var acr: String

        init(_ person: IdentityRecord) {
            sub = person.subject
            name = person.fullName
            birthdate = person.birthDate
            gender = person.gender
            address = person.address
            phone_number = person.phone
            acr = person.authenticationContextClass
        }
    }

    /// Signs the ID token for `person`, issued to the client of `grant`.
    func idToken(for person: IdentityRecord, grant: AuthorizationGrant, issuedAt: Date) async throws -> String {
        let iat = Int(issuedAt.timeIntervalSince1970.rounded(.down))
        let claims = IssuedIDToken(
            iss: issuer, sub: person.subject, aud: grant.clientID, exp: iat + Int(configuration.tokenLifetime),
            iat: iat, auth_time: Int(grant.authTime.timeIntervalSince1970.rounded(.down)), nonce: grant.nonce,
            acr: person.authenticationContextClass, amr: ["pwd"], name: person.fullName, birthdate: person.birthDate,
            gender: person.gender, address: person.address, phone_number: person.phone)
        return try await keys.sign(claims, kid: JWKIdentifier(string: keyID))
    }
}
