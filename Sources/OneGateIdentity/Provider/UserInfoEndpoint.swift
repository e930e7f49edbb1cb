import Foundation
import Hummingbird

extension IdentityProvider {
    /// `GET`/`POST /userinfo`: the signed-in person's claims for the holder of an access token
    /// (OIDC Core §5.3), which is sent as `Authorization: Bearer` (RFC 6750 §2.1).
    func userInfo(_ request: Request) async -> Response {
        guard let authorization = request.headers[.authorization] else {
            // RFC 6750 §3.1: no credentials at all gets the bare challenge, without an error code.
            return Self.oauthError(
                "invalid_request", "An access token is required.", status: .unauthorized,
                extra: [.wwwAuthenticate: #"Bearer realm="\#(issuer)""#])
        }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer",
            let grant = await ledger.accessGrant(
                parts[1].trimmingCharacters(in: .whitespaces), now: self.now()),
            let person = people[grant.subject]
        else {
            return Self.oauthError(
                "invalid_token", "The access token is not valid or has expired.", status: .unauthorized,
                extra: [.wwwAuthenticate: #"Bearer realm="\#(issuer)", error="invalid_token""#])
        }
        return Self.json(UserInfo(person))
    }
}
