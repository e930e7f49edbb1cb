import Crypto
import Foundation
import OneGateCore

/// A decrypted, unrevoked signer key held in memory, with its validity as comparable stamps so
/// that choosing a key for an event costs no date arithmetic.
struct SigningKey: Sendable {
    let serial: String
    let key: P256.Signing.PrivateKey
    let notBefore: EventTimeStamp
    let notAfter: EventTimeStamp

    init(credential: StoredCredential, key: P256.Signing.PrivateKey) {
        serial = credential.serial
        self.key = key
        notBefore = EventTimeStamp(credential.notBefore)
        notAfter = EventTimeStamp(credential.notAfter)
    }

    /// Whether the certificate is valid at `stamp` (`notBefore ≤ stamp ≤ notAfter`, as RFC 5280).
    func covers(_ stamp: EventTimeStamp) -> Bool {
        notBefore <= stamp && stamp <= notAfter
    }

    /// ECDSA P-256 over SHA-256 of `bytes`, DER-encoded.
    func sign(_ bytes: [UInt8]) throws(OneGateError) -> [UInt8] {
        do {
            return Array(try key.signature(for: bytes).derRepresentation)
        } catch {
            throw .signingFailure("sign")
        }
    }
}
