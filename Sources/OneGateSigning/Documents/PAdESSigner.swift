import Crypto
public import Foundation
public import OneGateCore
public import OneGateDocuments

/// Signs OneGate's PDFs: fills a signature field in an incremental update with a PAdES B-B
/// signature (detached CMS over the `/ByteRange`), made with the key of the person or unit named.
public struct PAdESSigner: Sendable {
    public let signer: InstanceSigner

    public init(signer: InstanceSigner) {
        self.signer = signer
    }

    /// Fills `slot` of `pdf`, signed as `identity` at `details.time`. Returns the new revision
    /// and the CMS signature embedded in it.
    public func sign(
        _ pdf: [UInt8], slot: String, as identity: SignerIdentity, appearance: SignatureAppearance,
        details: SignatureDetails
    ) async throws -> (pdf: [UInt8], cms: [UInt8]) {
        // The CMS size is known before signing but for the ECDSA signature (at most 72 bytes DER):
        // reserve exactly that, so no file carries kilobytes of zeros.
        let credential = try await signer.credential(for: identity, at: details.time)
        let sizeProbe = try await DetachedCMS.sign(
            digest: [UInt8](repeating: 0, count: 32), signingTime: details.time,
            certificate: credential.certificateDER, chain: [signer.authority.certificateDER]
        ) { _ in [UInt8](repeating: 0, count: 72) }
        let update = try PDFSignatureUpdate(
            pdf: pdf, slot: slot, appearance: appearance, details: details, reservedBytes: sizeProbe.count + 8)
        let digest = Array(SHA256.hash(data: update.signedBytes))
        let cms = try await detachedSignature(digest: digest, as: identity, at: details.time)
        return (try update.embed(cms: cms), cms)
    }

    /// A detached CMS signature over content with this SHA-256 digest (the `.p7s` files).
    public func detachedSignature(digest: [UInt8], as identity: SignerIdentity, at time: Date) async throws -> [UInt8] {
        let signer = self.signer
        // The key for `time` is chosen once: the certificate in the CMS is the one that signs.
        let credential = try await signer.credential(for: identity, at: time)
        return try await DetachedCMS.sign(
            digest: digest, signingTime: time, certificate: credential.certificateDER,
            chain: [signer.authority.certificateDER]
        ) { attributes in
            let signed = try await signer.signDocument(attributes, as: identity, at: time)
            guard signed.credential.serial == credential.serial else {
                throw OneGateError.signingFailure("key changed while signing")
            }
            return signed.signature
        }
    }
}
