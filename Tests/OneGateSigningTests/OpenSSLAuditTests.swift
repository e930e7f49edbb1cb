import Foundation
import OneGateCore
import OneGateSigning
import Testing

/// The promise of signatures.md: an auditor with nothing but OpenSSL and coreutils can check an
/// export. These tests run exactly those commands on a real export.
@Suite("Audit export verified by OpenSSL", .serialized)
struct OpenSSLAuditTests {
    /// A history dated in the last days, so that OpenSSL (which checks certificates at the
    /// present) sees every certificate valid; one of them revoked after its use.
    private func export() async throws -> (folder: URL, events: [SignedEvent], signer: InstanceSigner) {
        let now = Date()
        let signer = try await InstanceSigner.start(
            store: InMemoryCredentialStore(), masterKey: try Fixture.masterKey(), instanceName: Fixture.instance,
            now: { now })
        let events = try await Fixture.history(signer: signer, start: now.addingTimeInterval(-3 * 86_400))
        try await signer.revoke(serial: events[2].certificateSerial, at: now.addingTimeInterval(-86_400))
        let folder = try Shell.temporaryFolder("onegate-audit")
        try write(events, signer: signer, to: folder)
        return (folder, events, signer)
    }

    private func write(_ events: [SignedEvent], signer: InstanceSigner, to folder: URL) throws {
        var certificates: [String: String] = [:]
        var revocations: [String: Date] = [:]
        for event in events {
            certificates[event.certificateSerial] = signer.certificatePEM(serial: event.certificateSerial)
            revocations[event.certificateSerial] = signer.credential(serial: event.certificateSerial)?.revokedAt
        }
        try AuditExport.write(
            events: events, dossierCode: "000.00.12.H40-260302-0042", instanceName: Fixture.instance,
            certificates: certificates, caPEM: signer.caCertificatePEM, revocations: revocations, to: folder)
    }

    @Test("openssl verify, x509 -pubkey, dgst -verify and sha256sum accept every event")
    func opensslAcceptsEveryEvent() async throws {
        let (folder, events, _) = try await export()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            AuditFolderVerifier.verify(folder: folder) == VerificationReport(ok: true, checkedEvents: 5, failure: nil))

        for (index, event) in events.enumerated() {
            let name = String(format: "events/%04d", index + 1)
            let verify = try Shell.run(["openssl", "verify", "-CAfile", "ca.pem", "\(name).pem"], in: folder)
            #expect(verify.ok && verify.stdout.contains("\(name).pem: OK"), "\(verify.stdout)\(verify.stderr)")

            let pubkey = try Shell.run(["openssl", "x509", "-in", "\(name).pem", "-pubkey", "-noout"], in: folder)
            #expect(pubkey.ok)
            try Data(pubkey.stdout.utf8).write(to: folder.appendingPathComponent("pub.pem"))
            let dgst = try Shell.run(
                ["openssl", "dgst", "-sha256", "-verify", "pub.pem", "-signature", "\(name).sig", "\(name).json"],
                in: folder)
            #expect(dgst.ok && dgst.stdout.contains("Verified OK"), "\(name): \(dgst.stdout)\(dgst.stderr)")

            let sum = try Shell.run(["sha256sum", "\(name).json"], in: folder)
            let hash = String(sum.stdout.prefix(64))
            #expect(hash == event.hash)
            if index + 1 < events.count {
                let next = try EventEnvelope(canonical: events[index + 1].canonical)
                #expect(next.prev == hash, "sha256sum of \(name).json is the next event's prev")
            } else {
                let manifest = try String(contentsOf: folder.appendingPathComponent("manifest.json"), encoding: .utf8)
                #expect(manifest.contains("\"lastHash\":\"\(hash)\""))
            }
        }
        // The exported bytes are the stored bytes, exactly.
        let first = try Data(contentsOf: folder.appendingPathComponent("events/0001.json"))
        #expect(Array(first) == events[0].canonical)
    }

    @Test("One flipped byte: openssl dgst fails for that event, and the folder verifier names it")
    func flippedByteIsCaught() async throws {
        let (folder, _, _) = try await export()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("events/0003.json")
        var bytes = Array(try Data(contentsOf: file))
        let index = try #require(bytes.firstIndex(of: UInt8(ascii: "p")))  // inside "appraise"
        bytes[index] = UInt8(ascii: "q")
        try Data(bytes).write(to: file)

        let pubkey = try Shell.run(["openssl", "x509", "-in", "events/0003.pem", "-pubkey", "-noout"], in: folder)
        try Data(pubkey.stdout.utf8).write(to: folder.appendingPathComponent("pub.pem"))
        let dgst = try Shell.run(
            ["openssl", "dgst", "-sha256", "-verify", "pub.pem", "-signature", "events/0003.sig", "events/0003.json"],
            in: folder)
        #expect(!dgst.ok)
        #expect(dgst.stdout.contains("Verification failure") || dgst.stderr.contains("Verification failure"))

        let report = AuditFolderVerifier.verify(folder: folder)
        #expect(!report.ok && report.checkedEvents == 2)
        #expect(report.failure?.file == "events/0003.json" && report.failure?.check == .signature, "\(report)")
        #expect(report.failure?.seq == 3)
    }

    @Test("Folder checks: missing files, a truncated chain, a foreign ca.pem, revocation from the manifest")
    func folderFailures() async throws {
        let (folder, events, signer) = try await export()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default

        try manager.removeItem(at: folder.appendingPathComponent("events/0002.sig"))
        var report = AuditFolderVerifier.verify(folder: folder)
        #expect(report.failure?.file == "events/0002.sig" && report.failure?.check == .missingFile, "\(report)")

        // The last event removed and the manifest left as it was: the manifest catches it.
        let truncated = try Shell.temporaryFolder("onegate-audit")
        defer { try? manager.removeItem(at: truncated) }
        try write(events, signer: signer, to: truncated)
        for suffix in ["json", "sig", "pem"] {
            try manager.removeItem(at: truncated.appendingPathComponent("events/0005.\(suffix)"))
        }
        report = AuditFolderVerifier.verify(folder: truncated)
        #expect(report.failure?.check == .missingFile && report.failure?.file == "events/0005.json", "\(report)")
        let manifest = truncated.appendingPathComponent("manifest.json")
        let rewritten = try String(contentsOf: manifest, encoding: .utf8)
            .replacingOccurrences(of: "\"eventCount\":5", with: "\"eventCount\":4")
        try Data(rewritten.utf8).write(to: manifest)
        report = AuditFolderVerifier.verify(folder: truncated)
        #expect(report.failure?.check == .manifest && report.checkedEvents == 4, "\(report)")

        // Another instance's root as ca.pem.
        let foreign = try Shell.temporaryFolder("onegate-audit")
        defer { try? manager.removeItem(at: foreign) }
        try write(events, signer: signer, to: foreign)
        let other = try await InstanceSigner.start(
            store: InMemoryCredentialStore(), masterKey: try Fixture.masterKey(), instanceName: "Other")
        try Data(other.caCertificatePEM.utf8).write(to: foreign.appendingPathComponent("ca.pem"))
        report = AuditFolderVerifier.verify(folder: foreign)
        #expect(report.failure?.check == .certificateChain && report.failure?.file == "events/0001.pem", "\(report)")

        // A revocation listed in the manifest before event 3 was signed fails event 3.
        let revoked = try Shell.temporaryFolder("onegate-audit")
        defer { try? manager.removeItem(at: revoked) }
        try await signer.revoke(serial: events[2].certificateSerial, at: events[2].at)
        try write(events, signer: signer, to: revoked)
        report = AuditFolderVerifier.verify(folder: revoked)
        #expect(report.failure?.check == .revoked && report.failure?.file == "events/0003.pem", "\(report)")
    }

    @Test("The zip holds the same files and passes unzip -t / python zipfile -t")
    func zipArchive() async throws {
        let (folder, events, signer) = try await export()
        defer { try? FileManager.default.removeItem(at: folder) }
        var certificates: [String: String] = [:]
        var revocations: [String: Date] = [:]
        for event in events {
            certificates[event.certificateSerial] = signer.certificatePEM(serial: event.certificateSerial)
            revocations[event.certificateSerial] = signer.credential(serial: event.certificateSerial)?.revokedAt
        }
        let zip = try AuditExport.zip(
            events: events, dossierCode: "000.00.12.H40-260302-0042", instanceName: Fixture.instance,
            certificates: certificates, caPEM: signer.caCertificatePEM, revocations: revocations)
        let work = try Shell.temporaryFolder("onegate-zip")
        defer { try? FileManager.default.removeItem(at: work) }
        try Data(zip).write(to: work.appendingPathComponent("audit.zip"))

        if Shell.has("unzip") {
            let test = try Shell.run(["unzip", "-t", "audit.zip"], in: work)
            #expect(test.ok && test.stdout.contains("No errors detected"), "\(test.stdout)\(test.stderr)")
            #expect(try Shell.run(["unzip", "-q", "audit.zip", "-d", "out"], in: work).ok)
        } else {
            let test = try Shell.run(["python3", "-m", "zipfile", "-t", "audit.zip"], in: work)
            #expect(test.ok, "\(test.stdout)\(test.stderr)")
            #expect(try Shell.run(["python3", "-m", "zipfile", "-e", "audit.zip", "out"], in: work).ok)
        }
        if Shell.has("python3") {
            #expect(try Shell.run(["python3", "-m", "zipfile", "-t", "audit.zip"], in: work).ok)
        }
        let extracted = work.appendingPathComponent("out")
        #expect(AuditFolderVerifier.verify(folder: extracted).ok)
        for path in ["manifest.json", "ca.pem", "events/0001.json", "events/0003.sig", "events/0005.pem"] {
            let a = try Data(contentsOf: folder.appendingPathComponent(path))
            let b = try Data(contentsOf: extracted.appendingPathComponent(path))
            #expect(a == b, "\(path) differs between folder and zip")
        }
    }

    @Test("Exporting into a folder that is not empty is refused")
    func nonEmptyFolder() async throws {
        let (folder, events, signer) = try await export()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: OneGateError.self) { try write(events, signer: signer, to: folder) }
    }
}
