import Crypto
public import Foundation
public import OneGateCore
import SwiftASN1
import Synchronization
import X509

/// The instance's signer: its root CA, the keys of officers, unit seals and the reception service,
/// kept in a `CredentialStore` encrypted under the `MasterKey`, and an in-memory cache of the
/// decrypted keys for the hot path.
///
/// ```swift
/// let signer = try await InstanceSigner.start(store: store, masterKey: key, instanceName: "Tỉnh Mẫu")
/// let (signature, serial) = try await signer.sign(envelope.canonicalBytes, as: .officer(id: "u-12", name: "A"))
/// ```
///
/// Key choice: the identity's newest unrevoked certificate that is valid at the event's `at` (read
/// from the canonical bytes; the current time for other bytes). When there is none, a key and
/// certificate are issued, saved through the store and cached; concurrent requests for the same
/// identity wait for that one issuance instead of creating two. Certificates issued for a past
/// `at` start one hour before it, so that histories generated or imported after the fact verify.
public final class InstanceSigner: EventSigner {
    /// How far before the signing time lazily issued certificates start.
    public static let issuanceMargin: TimeInterval = 3600
    /// How far back a newly created root CA is dated by default: two years, so that demo data and
    /// imported histories (up to 18 months old) can be signed at their own dates.
    public static let defaultRootBackdate: TimeInterval = 2 * 365 * 86_400

    /// The instance name written into every certificate.
    public let instanceName: String
    /// The root CA (its certificate is the trust anchor of exports).
    public let authority: CertificateAuthority

    private let store: any CredentialStore
    private let masterKey: MasterKey
    private let now: @Sendable () -> Date
    private let state: Mutex<State>

    private struct State: Sendable {
        /// Every credential known, by serial (the root's included): the lookups for verification.
        var credentials: [String: StoredCredential] = [:]
        /// Decrypted unrevoked keys by `SignerIdentity.subjectKey`, newest `notBefore` first; absent
        /// until the identity first signs.
        var keys: [String: [SigningKey]] = [:]
        /// Issuances in flight by subject key, so that concurrent first signatures share one.
        var issuing: [String: Task<Void, any Error>] = [:]
    }

    private init(
        instanceName: String, authority: CertificateAuthority, store: any CredentialStore, masterKey: MasterKey,
        credentials: [StoredCredential], now: @escaping @Sendable () -> Date
    ) {
        self.instanceName = instanceName
        self.authority = authority
        self.store = store
        self.masterKey = masterKey
        self.now = now
        var initial = State()
        for credential in credentials { initial.credentials[credential.serial] = credential }
        state = Mutex(initial)
    }

    /// Loads the root CA and the reception credential from `store`, creating and saving them when
    /// missing.
    ///
    /// - Parameters:
    ///   - rootNotBefore: start of a newly created root's validity; defaults to `defaultRootBackdate`
    ///     before now. Events dated before it cannot be signed.
    ///   - now: the clock (injected for tests).
    /// - Throws: `keyDecryptionFailed` when `masterKey` is not the one the keys were sealed with, or
    ///   the store's errors.
    public static func start(
        store: any CredentialStore, masterKey: MasterKey, instanceName: String, rootNotBefore: Date? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) async throws -> InstanceSigner {
        var credentials = try await store.allCredentials()
        let roots = credentials.filter { $0.subject == CertificateAuthority.subjectKey && $0.revokedAt == nil }
        let authority: CertificateAuthority
        if let root = roots.max(by: { $0.notBefore < $1.notBefore }) {
            authority = try CertificateAuthority(credential: root, masterKey: masterKey, instanceName: instanceName)
        } else {
            authority = try CertificateAuthority.create(
                instanceName: instanceName, masterKey: masterKey,
                notBefore: rootNotBefore ?? now().addingTimeInterval(-defaultRootBackdate))
            try await store.saveCredential(authority.credential)
            credentials.append(authority.credential)
        }
        let signer = InstanceSigner(
            instanceName: instanceName, authority: authority, store: store, masterKey: masterKey,
            credentials: credentials, now: now)
        // The reception seal signs every online submission: create it now rather than on the first.
        _ = try await signer.signingKey(for: .receptionService, at: EventTimeStamp(now()))
        return signer
    }

    // MARK: Signing

    /// Signs `canonical` as `identity` (see the type's documentation for which key).
    /// Returns the DER ECDSA P-256 signature over SHA-256 of the bytes, and the certificate serial.
    public func sign(
        _ canonical: [UInt8], as identity: SignerIdentity
    ) async throws -> (
        signature: [UInt8], serial: String
    ) {
        let stamp = EventTimeStamp.find(in: canonical) ?? EventTimeStamp(now())
        let key = try await signingKey(for: identity, at: stamp)
        return (try key.sign(canonical), key.serial)
    }

    /// The certificate `identity` signs with at `at` (issued on first use, like `sign`).
    public func credential(for identity: SignerIdentity, at: Date) async throws -> StoredCredential {
        let key = try await signingKey(for: identity, at: EventTimeStamp(at))
        guard let credential = credential(serial: key.serial) else { throw OneGateError.signingFailure("credential") }
        return credential
    }

    /// Signs `bytes` (a document's signed attributes) as `identity` with the key valid at `at`.
    /// Returns the DER signature and the certificate used.
    public func signDocument(
        _ bytes: [UInt8], as identity: SignerIdentity, at: Date
    ) async throws -> (signature: [UInt8], credential: StoredCredential) {
        let key = try await signingKey(for: identity, at: EventTimeStamp(at))
        guard let credential = credential(serial: key.serial) else { throw OneGateError.signingFailure("credential") }
        return (try key.sign(bytes), credential)
    }

    /// Whether `signature` over `bytes` verifies with the certificate `serial`, which must chain to
    /// this instance's root and not have been revoked before `at`.
    public func isValid(signature: [UInt8], over bytes: [UInt8], serial: String, at: Date) -> Bool {
        guard let credential = credential(serial: serial), credential.revokedAt.map({ at < $0 }) ?? true,
            at >= credential.notBefore, at <= credential.notAfter,
            let certificate = try? Certificate(derEncoded: credential.certificateDER),
            let root = try? Certificate(derEncoded: authority.certificateDER),
            root.publicKey.isValidSignature(certificate.signature, for: certificate),
            let key = P256.Signing.PublicKey(certificate.publicKey),
            let parsed = try? P256.Signing.ECDSASignature(derRepresentation: signature)
        else { return false }
        return key.isValidSignature(parsed, for: bytes)
    }

    /// Hex SHA-256 of `bytes` (lowercase).
    public func digest(_ bytes: [UInt8]) -> String {
        Hex.sha256(bytes)
    }

    /// Issues a new key and certificate for `identity` valid from `notBefore`, saves and caches it.
    /// It becomes the identity's key for events from `notBefore` on (the newest wins). The demo uses
    /// this to back-date officers' certificates to the start of its history.
    @discardableResult
    public func issueCredential(for identity: SignerIdentity, notBefore: Date) async throws -> StoredCredential {
        let issued = try authority.issueWithKey(for: identity, notBefore: notBefore, masterKey: masterKey)
        try await store.saveCredential(issued.credential)
        state.withLock { state in
            state.credentials[issued.credential.serial] = issued.credential
            if state.keys[identity.subjectKey] != nil {
                Self.insert(
                    SigningKey(credential: issued.credential, key: issued.key), into: &state.keys, for: identity)
            }
        }
        return issued.credential
    }

    private enum Step {
        case found(SigningKey)
        case wait(Task<Void, any Error>)
    }

    /// The key for `identity` at `stamp`: cached, or decrypted from known credentials once, or issued.
    private func signingKey(for identity: SignerIdentity, at stamp: EventTimeStamp) async throws -> SigningKey {
        let subject = identity.subjectKey
        while true {
            let step = try state.withLock { state throws -> Step in
                if state.keys[subject] == nil {
                    // First use since start: decrypt this identity's stored keys, once.
                    state.keys[subject] = try state.credentials.values
                        .filter { $0.subject == subject && $0.revokedAt == nil }
                        .map { credential throws(OneGateError) in
                            SigningKey(
                                credential: credential,
                                key: try masterKey.openPrivateKey(
                                    credential.encryptedPrivateKey, serial: credential.serial))
                        }
                        .sorted { $0.notBefore > $1.notBefore }
                }
                if let key = state.keys[subject]?.first(where: { $0.covers(stamp) }) { return .found(key) }
                if let running = state.issuing[subject] { return .wait(running) }
                let task = Task { try await self.issueForSigning(identity, at: stamp) }
                state.issuing[subject] = task
                return .wait(task)
            }
            switch step {
            case .found(let key): return key
            case .wait(let task): try await task.value
            }
        }
    }

    /// Issues the key that `signingKey` found missing, then clears the in-flight marker.
    private func issueForSigning(_ identity: SignerIdentity, at stamp: EventTimeStamp) async throws {
        defer { _ = state.withLock { $0.issuing.removeValue(forKey: identity.subjectKey) } }
        let current = now()
        let at = stamp.date ?? current
        guard at >= authority.credential.notBefore else {
            throw OneGateError.signingTimeOutOfRange(Timestamp.format(at))
        }
        let issued = try authority.issueWithKey(
            for: identity,
            notBefore: max(
                min(at, current).addingTimeInterval(-Self.issuanceMargin),
                authority.credential.notBefore),
            masterKey: masterKey)
        let key = SigningKey(credential: issued.credential, key: issued.key)
        // An `at` past the root's end (or 5 years ahead) cannot be covered; without this check the
        // waiting signer would issue again and again.
        guard key.covers(stamp) else { throw OneGateError.signingTimeOutOfRange(Timestamp.format(at)) }
        try await store.saveCredential(issued.credential)
        state.withLock { state in
            state.credentials[issued.credential.serial] = issued.credential
            Self.insert(key, into: &state.keys, for: identity)
        }
    }

    private static func insert(_ key: SigningKey, into keys: inout [String: [SigningKey]], for identity: SignerIdentity)
    {
        var list = keys[identity.subjectKey] ?? []
        list.append(key)
        list.sort { $0.notBefore > $1.notBefore }
        keys[identity.subjectKey] = list
    }

    // MARK: Revocation and lookups

    /// Revokes the certificate `serial` from `at` on: signatures made before `at` stay valid, later
    /// ones fail verification, and the key is never used again.
    public func revoke(serial: String, at: Date) async throws {
        try await store.revokeCredential(serial: serial, at: at)
        state.withLock { state in
            guard var credential = state.credentials[serial] else { return }
            credential.revokedAt = at
            state.credentials[serial] = credential
            state.keys[credential.subject]?.removeAll { $0.serial == serial }
        }
    }

    /// The root CA certificate, PEM (the trust anchor; `ca.pem` of exports).
    public var caCertificatePEM: String { authority.certificatePEM }

    /// The stored credential with this serial (certificate DER, validity, revocation), if known.
    public func credential(serial: String) -> StoredCredential? {
        state.withLock { $0.credentials[serial] }
    }

    /// The certificate with this serial, PEM, if known.
    public func certificatePEM(serial: String) -> String? {
        guard let credential = credential(serial: serial) else { return nil }
        return PEMDocument(type: "CERTIFICATE", derBytes: credential.certificateDER).pemString
    }

    /// Every credential known to this signer (the root's included).
    public func allCredentials() -> [StoredCredential] {
        state.withLock { Array($0.credentials.values) }
    }

    /// A verifier trusting this instance's root, knowing every certificate and revocation so far.
    public func verifier() throws -> EventVerifier {
        try EventVerifier(trustAnchorPEM: caCertificatePEM, credentials: allCredentials())
    }
}
