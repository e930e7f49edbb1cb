import Crypto
public import Foundation
public import OneGateCore
import SwiftASN1
import X509

/// The instance's root certificate authority: a self-signed P-256 certificate whose key signs the
/// certificates of officers, unit seals and the reception service (signatures.md).
///
/// ```swift
/// let ca = try CertificateAuthority.create(instanceName: "Tỉnh Mẫu", masterKey: key, notBefore: now)
/// try await store.saveCredential(ca.credential)
/// let officer = try ca.issue(for: .officer(id: "u-12", name: "Nguyễn Văn A"), notBefore: now, masterKey: key)
/// ```
public struct CertificateAuthority: Sendable {
    /// `StoredCredential.subject` of the root CA's own row.
    public static let subjectKey = "ca"
    /// Default validity of the root: 20 years.
    public static let rootValidityYears = 20
    /// Default validity of signer certificates: 5 years.
    public static let signerValidityYears = 5

    /// The instance name written into every subject's `O`.
    public let instanceName: String
    /// The root's own stored row (certificate and sealed key).
    public let credential: StoredCredential
    let certificate: Certificate
    private let privateKey: P256.Signing.PrivateKey

    /// The root certificate, DER.
    public var certificateDER: [UInt8] { credential.certificateDER }
    /// The root certificate, PEM: the trust anchor of `ca.pem` in audit exports.
    public var certificatePEM: String {
        PEMDocument(type: "CERTIFICATE", derBytes: credential.certificateDER).pemString
    }

    private init(
        instanceName: String, credential: StoredCredential, certificate: Certificate, key: P256.Signing.PrivateKey
    ) {
        self.instanceName = instanceName
        self.credential = credential
        self.certificate = certificate
        self.privateKey = key
    }

    /// Creates a new root: `CN=<instance> Root CA, O=<instance>`, basicConstraints CA (critical),
    /// keyUsage keyCertSign + cRLSign (critical), valid from `notBefore` for `years`.
    public static func create(
        instanceName: String, masterKey: MasterKey, notBefore: Date, years: Int = rootValidityYears
    ) throws(OneGateError) -> CertificateAuthority {
        let key = P256.Signing.PrivateKey()
        let serial = CertificateSerial.random()
        let name = SignerSubject.authority(instanceName: instanceName)
        let start = CertificateDates.wholeSeconds(notBefore)
        let end = CertificateDates.adding(years: years, to: start)
        let certificate: Certificate
        do {
            let publicKey = Certificate.PublicKey(key.publicKey)
            let keyID = SubjectKeyIdentifier(hash: publicKey)
            let extensions = try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                keyID
                AuthorityKeyIdentifier(keyIdentifier: keyID.keyIdentifier)
            }
            certificate = try Certificate(
                version: .v3, serialNumber: serial.number, publicKey: publicKey, notValidBefore: start,
                notValidAfter: end, issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
                extensions: extensions, issuerPrivateKey: Certificate.PrivateKey(key))
        } catch {
            throw .signingFailure("create_ca")
        }
        let credential = StoredCredential(
            serial: serial.hex, subject: subjectKey, certificateDER: try CertificateDates.der(certificate),
            encryptedPrivateKey: try masterKey.seal(privateKey: key, serial: serial.hex), notBefore: start,
            notAfter: end)
        return CertificateAuthority(
            instanceName: instanceName, credential: credential, certificate: certificate, key: key)
    }

    /// Loads a root saved earlier; throws `keyDecryptionFailed` with the wrong master key.
    public init(credential: StoredCredential, masterKey: MasterKey, instanceName: String) throws(OneGateError) {
        guard let certificate = try? Certificate(derEncoded: credential.certificateDER) else {
            throw .signingFailure("load_ca")
        }
        let key = try masterKey.openPrivateKey(credential.encryptedPrivateKey, serial: credential.serial)
        guard Certificate.PublicKey(key.publicKey) == certificate.publicKey else { throw .keyDecryptionFailed }
        self.init(instanceName: instanceName, credential: credential, certificate: certificate, key: key)
    }

    /// Issues a certificate and a new key for `identity`, valid from `notBefore` for `years` (never
    /// past the root's own end). Back-date `notBefore` to sign events recorded in the past.
    public func issue(
        for identity: SignerIdentity, notBefore: Date, years: Int = signerValidityYears, masterKey: MasterKey
    ) throws(OneGateError) -> StoredCredential {
        try issueWithKey(for: identity, notBefore: notBefore, years: years, masterKey: masterKey).credential
    }

    /// `issue`, also returning the fresh private key so that the caller need not decrypt it again.
    func issueWithKey(
        for identity: SignerIdentity, notBefore: Date, years: Int = signerValidityYears, masterKey: MasterKey
    ) throws(OneGateError) -> (credential: StoredCredential, key: P256.Signing.PrivateKey) {
        let key = P256.Signing.PrivateKey()
        let serial = CertificateSerial.random()
        // A signer certificate must lie inside the root's validity, or chains fail at either end.
        let start = max(CertificateDates.wholeSeconds(notBefore), credential.notBefore)
        let end = min(CertificateDates.adding(years: years, to: start), credential.notAfter)
        let certificate: Certificate
        do {
            let publicKey = Certificate.PublicKey(key.publicKey)
            let extensions = try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true, nonRepudiation: true))
                SubjectKeyIdentifier(hash: publicKey)
                AuthorityKeyIdentifier(
                    keyIdentifier: SubjectKeyIdentifier(hash: self.certificate.publicKey).keyIdentifier)
            }
            certificate = try Certificate(
                version: .v3, serialNumber: serial.number, publicKey: publicKey, notValidBefore: start,
                notValidAfter: end, issuer: self.certificate.subject,
                subject: try SignerSubject.distinguishedName(for: identity, instanceName: instanceName),
                signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions,
                issuerPrivateKey: Certificate.PrivateKey(privateKey))
        } catch {
            throw .signingFailure("issue_certificate")
        }
        let credential = StoredCredential(
            serial: serial.hex, subject: identity.subjectKey, certificateDER: try CertificateDates.der(certificate),
            encryptedPrivateKey: try masterKey.seal(privateKey: key, serial: serial.hex), notBefore: start,
            notAfter: end)
        return (credential, key)
    }
}

/// A random positive 16-byte certificate serial and its hex form (the `serial` of credentials).
struct CertificateSerial {
    var bytes: [UInt8]
    var hex: String { Hex.encode(bytes) }
    var number: Certificate.SerialNumber { Certificate.SerialNumber(bytes: bytes) }

    static func random() -> CertificateSerial {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        // Top bit clear keeps the DER INTEGER positive; the next bit set keeps it exactly 16 bytes,
        // so the hex serial OneGate stores equals what OpenSSL prints.
        bytes[0] = (bytes[0] & 0x7F) | 0x40
        return CertificateSerial(bytes: bytes)
    }
}

/// Certificate time handling shared by issuance and verification.
enum CertificateDates {
    /// X.509 times have whole seconds; rounding down first makes the stored dates equal the signed ones.
    static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    static func adding(years: Int, to date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(byAdding: .year, value: years, to: date)
            ?? date.addingTimeInterval(Double(years) * 31_557_600)
    }

    static func der(_ certificate: Certificate) throws(OneGateError) -> [UInt8] {
        do {
            var serializer = DER.Serializer()
            try serializer.serialize(certificate)
            return serializer.serializedBytes
        } catch {
            throw .signingFailure("serialize_certificate")
        }
    }
}
