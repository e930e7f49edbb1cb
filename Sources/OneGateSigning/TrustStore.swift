import Foundation
import SwiftASN1
import X509

/// Trust anchors and intermediates, and the certification path from a signer's certificate up to
/// an anchor.
///
/// Path building is done here rather than with X509's `Verifier`, which is asynchronous and only
/// says that a chain failed: verification must name the failing check (chain vs validity at the
/// event's time), and must judge validity at each event's `at`, not at the present.
struct TrustStore: Sendable {
    let anchors: [Certificate]
    let intermediates: [Certificate]

    init(anchors: [Certificate], intermediates: [Certificate] = []) {
        self.anchors = anchors
        self.intermediates = intermediates
    }

    /// Reads `ca.pem`-style text: self-signed certificates are anchors, the others intermediates.
    init(pem: String) throws {
        var anchors: [Certificate] = []
        var intermediates: [Certificate] = []
        for document in try PEMDocument.parseMultiple(pemString: pem) where document.discriminator == "CERTIFICATE" {
            let certificate = try Certificate(derEncoded: document.derBytes)
            if certificate.subject == certificate.issuer,
                certificate.publicKey.isValidSignature(certificate.signature, for: certificate)
            {
                anchors.append(certificate)
            } else {
                intermediates.append(certificate)
            }
        }
        self.init(anchors: anchors, intermediates: intermediates)
    }

    /// The path `[leaf, …, anchor]` whose every certificate is signed by the next, which ends at a
    /// trust anchor, and whose issuers are CAs allowed to sign certificates; `nil` when none exists.
    func path(for leaf: Certificate) -> [Certificate]? {
        var path = [leaf]
        var current = leaf
        // Depth bound: a loop of cross-signed intermediates must not spin forever.
        for _ in 0..<8 {
            if anchors.contains(current) { return path }
            let candidates = (anchors + intermediates).filter {
                $0.subject == current.issuer && $0 != current && Self.mayIssue($0)
                    && $0.publicKey.isValidSignature(current.signature, for: current)
            }
            guard let issuer = candidates.first(where: { anchors.contains($0) }) ?? candidates.first else {
                return nil
            }
            path.append(issuer)
            current = issuer
        }
        return nil
    }

    /// basicConstraints CA, and keyCertSign when key usage is present (RFC 5280 §4.2.1.3, §4.2.1.9).
    private static func mayIssue(_ certificate: Certificate) -> Bool {
        guard case .isCertificateAuthority = try? certificate.extensions.basicConstraints else { return false }
        if let usage = try? certificate.extensions.keyUsage { return usage.keyCertSign }
        return true
    }

    /// The first certificate of `path` that was not valid at `date`, if any.
    static func firstInvalid(in path: [Certificate], at date: Date) -> Certificate? {
        path.first { date < $0.notValidBefore || date > $0.notValidAfter }
    }
}
