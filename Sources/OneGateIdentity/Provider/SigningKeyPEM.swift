import Crypto
import Foundation
import JWTKit

extension IdentityProvider {
    /// A new random P-256 signing key as PEM (PKCS#8), for `onegate idp --key FILE`.
    public static func newSigningKeyPEM() -> String {
        P256.Signing.PrivateKey().pemRepresentation
    }

    /// Loads a P-256 signing key from PEM (PKCS#8 or SEC 1).
    public static func signingKey(pem: String) throws -> ES256PrivateKey {
        do {
            return try ES256PrivateKey(pem: pem)
        } catch {
            throw IdentityProviderSetupError("Not a P-256 private key in PEM form: \(error)")
        }
    }

    /// A key id derived from the public key: its JWK thumbprint (RFC 7638), so the same key file
    /// always gives the same `kid` and a new key a new one, without anybody choosing names.
    public static func keyID(for key: ES256PrivateKey) -> String {
        guard let parameters = key.parameters else { return "es256" }
        // RFC 7638 §3.2: the required members only, sorted, no whitespace.
        let canonical = #"{"crv":"P-256","kty":"EC","x":"\#(parameters.x)","y":"\#(parameters.y)"}"#
        return Base64URL.encode(Array(SHA256.hash(data: Data(canonical.utf8))))
    }
}
