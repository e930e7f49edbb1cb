import Crypto
import Foundation
import SwiftASN1
import X509

/// Detached CMS SignedData (RFC 5652) as PAdES baseline B-B and CAdES want it: signed attributes
/// content type, signing time, message digest and the signing certificate (ESS
/// signing-certificate-v2, RFC 5035), ECDSA P-256 with SHA-256, the signer's certificate and its
/// chain included.
///
/// Built here rather than with swift-certificates' CMS (behind `@_spi(CMS)`), which adds no
/// signing-certificate-v2 attribute, so its signatures are not PAdES B-B.
public enum DetachedCMS {
    /// Signs the SHA-256 `digest` of the content.
    /// - Parameters:
    ///   - certificate: the signer's certificate, DER.
    ///   - chain: issuing certificates to include, DER.
    ///   - sign: ECDSA P-256 over SHA-256 of the given bytes, DER (the signer's key).
    public static func sign(
        digest: [UInt8], signingTime: Date, certificate: [UInt8], chain: [[UInt8]],
        sign: ([UInt8]) async throws -> [UInt8]
    ) async throws -> [UInt8] {
        let (issuer, serial) = try CertificateFields.issuerAndSerial(certificate)
        let sha256 = DERWriter.sequence(DERWriter.oid(CMSObjectID.sha256))
        let attributes = [
            attribute(CMSObjectID.contentType, DERWriter.oid(CMSObjectID.data)),
            attribute(CMSObjectID.signingTime, DERWriter.utcTime(signingTime)),
            attribute(CMSObjectID.messageDigest, DERWriter.octetString(digest)),
            attribute(
                CMSObjectID.signingCertificateV2,
                // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; the hash
                // algorithm is the default SHA-256 and so omitted (DER).
                DERWriter.sequence(
                    DERWriter.sequence(
                        DERWriter.sequence(DERWriter.octetString(Array(SHA256.hash(data: certificate))))))),
        ]
        // The signature covers the attributes encoded as a SET OF (RFC 5652 §5.4).
        let signedAttributes = DERWriter.setOf(attributes)
        let signature = try await sign(signedAttributes)
        let signerInfo = DERWriter.sequence(
            DERWriter.integer(1),
            DERWriter.sequence(issuer, serial),
            sha256,
            [0xA0] + Array(signedAttributes.dropFirst()),
            DERWriter.sequence(DERWriter.oid(CMSObjectID.ecdsaWithSHA256)),
            DERWriter.octetString(signature))
        let signedData = DERWriter.sequence(
            DERWriter.integer(1),
            DERWriter.setOf([sha256]),
            DERWriter.sequence(DERWriter.oid(CMSObjectID.data)),
            DERWriter.context(0, ([certificate] + chain).flatMap { $0 }),
            DERWriter.setOf([signerInfo]))
        return DERWriter.sequence(DERWriter.oid(CMSObjectID.signedData), DERWriter.context(0, signedData))
    }

    private static func attribute(_ type: String, _ value: [UInt8]) -> [UInt8] {
        DERWriter.sequence(DERWriter.oid(type), DERWriter.setOf([value]))
    }
}

/// What a detached CMS signature says, read without trusting it.
public struct CMSSignatureInfo: Sendable {
    /// The certificates it carries, DER.
    public var certificates: [[UInt8]]
    /// The signer's certificate (matched by issuer and serial), DER.
    public var signerCertificate: [UInt8]
    public var signingTime: Date?
    public var messageDigest: [UInt8]
    /// The signed attributes re-encoded as the SET OF that was signed.
    public var signedAttributes: [UInt8]
    public var signature: [UInt8]

    /// Reads a DER ContentInfo holding SignedData with one signer and signed attributes.
    public init(der: [UInt8]) throws(CMSReadError) {
        do {
            let root = try DER.parse(der)
            let top = try Self.children(root)
            guard top.count == 2, let content = try Self.children(top[1]).first else {
                throw CMSReadError("no content")
            }
            let signedData = try Self.children(content)
            var certificates: [[UInt8]] = []
            var signerInfos: ASN1Node?
            for node in signedData.dropFirst(3) {
                if node.identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific) {
                    certificates = try Self.children(node).map { Array($0.encodedBytes) }
                } else if node.identifier == .set {
                    signerInfos = node
                }
            }
            guard let signerInfos, let signerInfo = try Self.children(signerInfos).first else {
                throw CMSReadError("no signer")
            }
            let fields = try Self.children(signerInfo)
            guard fields.count >= 6 else { throw CMSReadError("short signer info") }
            let sid = try Self.children(fields[1])
            guard sid.count == 2 else { throw CMSReadError("signer not identified by issuer and serial") }
            let attributesNode = fields[3]
            guard attributesNode.identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific) else {
                throw CMSReadError("no signed attributes")
            }
            signedAttributes = [0x31] + Array(attributesNode.encodedBytes.dropFirst())
            guard case .primitive(let signatureBytes) = fields[5].content else { throw CMSReadError("no signature") }
            signature = Array(signatureBytes)
            var digest: [UInt8]?
            for attribute in try Self.children(attributesNode) {
                let parts = try Self.children(attribute)
                guard parts.count == 2, case .primitive(let oid) = parts[0].content,
                    let value = try Self.children(parts[1]).first, case .primitive(let valueBytes) = value.content
                else { continue }
                let type = Array(oid)
                if type == Array(DERWriter.oid(CMSObjectID.messageDigest).dropFirst(2)) {
                    digest = Array(valueBytes)
                } else if type == Array(DERWriter.oid(CMSObjectID.signingTime).dropFirst(2)) {
                    signingTime = Self.utcTime(String(decoding: valueBytes, as: UTF8.self))
                }
            }
            guard let digest else { throw CMSReadError("no message digest") }
            messageDigest = digest
            let serial = Array(sid[1].encodedBytes)
            let issuer = Array(sid[0].encodedBytes)
            guard
                let signer = try certificates.first(where: { der in
                    try CertificateFields.issuerAndSerial(der) == (issuer, serial)
                })
            else { throw CMSReadError("the signer's certificate is not included") }
            signerCertificate = signer
            self.certificates = certificates
        } catch let error as CMSReadError {
            throw error
        } catch {
            throw CMSReadError("not DER: \(type(of: error))")
        }
    }

    /// Whether the signature is the signer's over the attributes and the attributes' digest is
    /// `contentDigest`.
    public func isValid(contentDigest: [UInt8]) -> Bool {
        guard contentDigest == messageDigest, let certificate = try? Certificate(derEncoded: signerCertificate),
            let key = P256.Signing.PublicKey(certificate.publicKey),
            let parsed = try? P256.Signing.ECDSASignature(derRepresentation: signature)
        else { return false }
        return key.isValidSignature(parsed, for: signedAttributes)
    }

    private static func children(_ node: ASN1Node) throws -> [ASN1Node] {
        guard case .constructed(let nodes) = node.content else { throw CMSReadError("expected a constructed value") }
        return Array(nodes)
    }

    private static func utcTime(_ text: String) -> Date? {
        guard text.count == 13 else { return nil }
        var components = DateComponents()
        let digits = Array(text.prefix(12)).map { Int(String($0)) ?? 0 }
        components.year = 2000 + digits[0] * 10 + digits[1]
        components.month = digits[2] * 10 + digits[3]
        components.day = digits[4] * 10 + digits[5]
        components.hour = digits[6] * 10 + digits[7]
        components.minute = digits[8] * 10 + digits[9]
        components.second = digits[10] * 10 + digits[11]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)
    }
}

/// A CMS blob that cannot be read; the reason is for logs and the verification page.
public struct CMSReadError: Error, Sendable, Hashable {
    public var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// The issuer and serial number of a certificate, as their exact DER encodings (what a CMS signer
/// identifier must repeat byte for byte).
enum CertificateFields {
    static func issuerAndSerial(_ der: [UInt8]) throws -> (issuer: [UInt8], serial: [UInt8]) {
        let certificate = try DER.parse(der)
        guard case .constructed(let parts) = certificate.content, let tbs = parts.first(where: { _ in true }),
            case .constructed(let fields) = tbs.content
        else { throw CMSReadError("not a certificate") }
        var list = Array(fields)
        // An explicit version ([0]) comes first in v3 certificates.
        if list.first?.identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific) {
            list.removeFirst()
        }
        guard list.count >= 3 else { throw CMSReadError("short certificate") }
        return (Array(list[2].encodedBytes), Array(list[0].encodedBytes))
    }
}
