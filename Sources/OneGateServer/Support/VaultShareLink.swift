import Crypto
import Foundation
import OneGateIdentity

/// A link a person makes in their vault to give one document to someone (an employer, a bank, an
/// agency without the data-sharing API): the document's hash, the owner and an expiry, signed with
/// the instance's share key. Anyone holding the link can download that document until it expires
/// or the owner removes it from their vault; every download is written to the owner's access log.
struct VaultShareLink: Sendable, Hashable {
    var sha256: String
    var owner: String
    var expires: Date

    /// How long a link works.
    static let lifetime: TimeInterval = 7 * 86_400

    /// `payload.signature`, both base64url: the payload is `sha256|owner|expiry seconds`.
    func token(key: [UInt8]) -> String {
        let payload = Array("\(sha256)|\(owner)|\(Int(expires.timeIntervalSince1970))".utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: payload, using: SymmetricKey(data: key))
        return Base64URL.encode(payload) + "." + Base64URL.encode(Array(mac))
    }

    /// The link a token stands for, if its signature is right and it has not expired at `now`.
    static func verify(_ token: String, key: [UInt8], now: Date) -> VaultShareLink? {
        let parts = token.split(separator: ".")
        guard token.count <= 512, parts.count == 2, let payload = Base64URL.decode(String(parts[0])),
            let mac = Base64URL.decode(String(parts[1])),
            HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: payload, using: SymmetricKey(data: key))
        else { return nil }
        let fields = String(decoding: payload, as: UTF8.self).split(separator: "|")
        guard fields.count == 3, let seconds = Int(fields[2]) else { return nil }
        let link = VaultShareLink(
            sha256: String(fields[0]), owner: String(fields[1]), expires: Date(timeIntervalSince1970: Double(seconds)))
        return link.expires > now ? link : nil
    }
}
