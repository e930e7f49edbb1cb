import Foundation
import OneGateCore
import Testing

@testable import OneGateSigning

@Suite("Certificate authority and signer certificates", .serialized)
struct CertificateAuthorityTests {
    /// `openssl x509 -text` of a PEM, as an independent reading of what was issued.
    private func text(_ pem: String, options: [String] = ["-text"]) throws -> String {
        let folder = try Shell.temporaryFolder("onegate-cert")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(pem.utf8).write(to: folder.appendingPathComponent("c.pem"))
        let output = try Shell.run(
            ["openssl", "x509", "-in", "c.pem", "-noout", "-nameopt", "RFC2253,-esc_msb"] + options, in: folder)
        #expect(output.ok, "\(output.stderr)")
        return output.stdout
    }

    private func pem(_ credential: StoredCredential) -> String {
        "-----BEGIN CERTIFICATE-----\n"
            + Data(credential.certificateDER).base64EncodedString(options: .lineLength64Characters)
            + "\n-----END CERTIFICATE-----\n"
    }

    @Test("The root: self-signed, CA:TRUE critical, keyCertSign + cRLSign, key ids, 20 years")
    func root() throws {
        let notBefore = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
        let ca = try CertificateAuthority.create(
            instanceName: "Tỉnh Mẫu", masterKey: try Fixture.masterKey(), notBefore: notBefore)
        let output = try text(ca.certificatePEM)
        #expect(output.contains("Subject: CN=Tỉnh Mẫu Root CA,O=Tỉnh Mẫu"), "\(output)")
        #expect(output.contains("Issuer: CN=Tỉnh Mẫu Root CA,O=Tỉnh Mẫu"))
        #expect(output.contains("X509v3 Basic Constraints: critical\n                CA:TRUE"))
        #expect(output.contains("X509v3 Key Usage: critical\n                Certificate Sign, CRL Sign"))
        #expect(output.contains("X509v3 Subject Key Identifier"))
        #expect(output.contains("X509v3 Authority Key Identifier"))
        #expect(output.contains("ASN1 OID: prime256v1"))
        #expect(output.contains("Signature Algorithm: ecdsa-with-SHA256"))
        #expect(output.contains("Not Before: Jan  1 00:00:00 2026 GMT"))
        #expect(output.contains("Not After : Jan  1 00:00:00 2046 GMT"))
        #expect(ca.credential.subject == "ca" && ca.credential.notBefore == notBefore)

        let serial = try text(ca.certificatePEM, options: ["-serial"])
        #expect(serial.trimmingCharacters(in: .whitespacesAndNewlines) == "serial=\(ca.credential.serial.uppercased())")
        #expect(ca.credential.serial.count == 32)

        let reloaded = try CertificateAuthority(
            credential: ca.credential, masterKey: try Fixture.masterKey(), instanceName: "Tỉnh Mẫu")
        #expect(reloaded.certificatePEM == ca.certificatePEM)
    }

    @Test("Officer, unit seal and reception certificates carry their identifier and key usage")
    func signerCertificates() throws {
        let key = try Fixture.masterKey()
        let notBefore = Date(timeIntervalSince1970: 1_767_225_600)
        let ca = try CertificateAuthority.create(instanceName: "Tỉnh Mẫu", masterKey: key, notBefore: notBefore)
        let cases: [(SignerIdentity, String, CertificateHolder)] = [
            (
                .officer(id: "officer-1", name: "Nguyễn Văn A"), "UID=officer-1,CN=Nguyễn Văn A,O=Tỉnh Mẫu",
                .officer(id: "officer-1")
            ),
            (
                .unitSeal(code: "000.00.12.H40", name: "Sở Xây dựng"),
                "serialNumber=000.00.12.H40,CN=Sở Xây dựng,O=Tỉnh Mẫu", .unitSeal(code: "000.00.12.H40")
            ),
            (
                .receptionService, "serialNumber=reception-service,CN=Tỉnh Mẫu Reception Service,O=Tỉnh Mẫu",
                .receptionService
            ),
        ]
        for (identity, subject, holder) in cases {
            let credential = try ca.issue(for: identity, notBefore: notBefore.addingTimeInterval(3600), masterKey: key)
            let output = try text(pem(credential))
            #expect(output.contains("Subject: \(subject)"), "\(output)")
            #expect(output.contains("Issuer: CN=Tỉnh Mẫu Root CA,O=Tỉnh Mẫu"))
            #expect(output.contains("X509v3 Key Usage: critical\n                Digital Signature, Non Repudiation"))
            #expect(output.contains("CA:FALSE"))
            #expect(output.contains("X509v3 Subject Key Identifier"))
            #expect(output.contains("X509v3 Authority Key Identifier"))
            #expect(output.contains("Not After : Jan  1 01:00:00 2031 GMT"))
            #expect(credential.subject == identity.subjectKey)
            #expect(SignerSubject.holder(ofDER: credential.certificateDER) == holder)
            // The sealed key opens with the master key and belongs to the certificate.
            #expect(try key.open(credential.encryptedPrivateKey, context: credential.serial).count == 32)
        }
    }
}
