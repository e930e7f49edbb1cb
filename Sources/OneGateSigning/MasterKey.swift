import Crypto
import Foundation
public import OneGateCore

/// The key that seals private keys at rest (AES-256-GCM), derived from the instance secret of the
/// configuration with HKDF-SHA256.
///
/// Each sealed box is bound to a context (the certificate serial) as authenticated data, so an
/// encrypted key copied onto another credential row fails to open instead of signing as someone
/// else.
///
/// ```swift
/// let key = try MasterKey(secret: configuration.instanceSecret)
/// let sealed = try key.seal(rawKey, context: serial)
/// let raw = try key.open(sealed, context: serial)
/// ```
public struct MasterKey: Sendable {
    private let key: SymmetricKey

    /// Fixed salt: it only separates this use of the secret from any other; the secret carries the entropy.
    private static let salt = Array("onegate/master-key/v1".utf8)
    private static let info = Array("private-key-encryption".utf8)

    /// Derives the key from the instance secret; throws `weakInstanceSecret` below 16 characters.
    public init(secret: String) throws(OneGateError) {
        guard secret.utf8.count >= 16 else { throw .weakInstanceSecret }
        key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: Array(secret.utf8)), salt: Self.salt, info: Self.info,
            outputByteCount: 32)
    }

    /// A separate 32-byte key for another purpose (web form tokens, say), derived from the same
    /// secret so that every server of an instance derives the same one.
    public static func derivedKey(secret: String, purpose: String) -> [UInt8] {
        let derived = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: Array(secret.utf8)), salt: salt, info: Array(purpose.utf8),
            outputByteCount: 32)
        return derived.withUnsafeBytes { Array($0) }
    }

    /// Encrypts `plaintext`; returns nonce ‖ ciphertext ‖ tag.
    public func seal(_ plaintext: [UInt8], context: String) throws(OneGateError) -> [UInt8] {
        do {
            let box = try AES.GCM.seal(plaintext, using: key, authenticating: Array(context.utf8))
            guard let combined = box.combined else { throw OneGateError.signingFailure("seal") }
            return Array(combined)
        } catch {
            throw .signingFailure("seal")
        }
    }

    /// Decrypts what `seal` produced for the same `context`; throws `keyDecryptionFailed` when the
    /// secret differs or the bytes were altered.
    public func open(_ sealed: [UInt8], context: String) throws(OneGateError) -> [UInt8] {
        do {
            let box = try AES.GCM.SealedBox(combined: sealed)
            return Array(try AES.GCM.open(box, using: key, authenticating: Array(context.utf8)))
        } catch {
            throw .keyDecryptionFailed
        }
    }

    /// Seals a P-256 private key (its 32-byte raw scalar).
    func seal(privateKey: P256.Signing.PrivateKey, serial: String) throws(OneGateError) -> [UInt8] {
        try seal(Array(privateKey.rawRepresentation), context: serial)
    }

    /// Opens a sealed P-256 private key.
    func openPrivateKey(_ sealed: [UInt8], serial: String) throws(OneGateError) -> P256.Signing.PrivateKey {
        let raw = try open(sealed, context: serial)
        guard let key = try? P256.Signing.PrivateKey(rawRepresentation: raw) else { throw .keyDecryptionFailed }
        return key
    }
}
