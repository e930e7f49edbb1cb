public import Foundation
import OneGateCore
import SwiftASN1
import X509

/// Verifies an audit export folder (see `AuditExport`) from its files only, with `ca.pem` as the
/// trust anchor: the same checks as `EventVerifier`, then the manifest's event count and last
/// hash. It names the first failing check and the file at fault.
///
/// ```swift
/// let report = AuditFolderVerifier.verify(folder: URL(fileURLWithPath: "audit-0042"))
/// // FAILED after 2 event(s): events/0003.sig: signature: …
/// ```
public enum AuditFolderVerifier {
    /// Verifies the folder; never throws: an unreadable file is a failed check.
    public static func verify(folder: URL) -> VerificationReport {
        func read(_ path: String) -> [UInt8]? {
            (try? Data(contentsOf: folder.appendingPathComponent(path))).map { Array($0) }
        }
        func failure(
            _ seq: Int?, _ file: String, _ check: VerificationCheck, _ detail: String, after: Int
        )
            -> VerificationReport
        {
            .failed(VerificationFailure(seq: seq, file: file, check: check, detail: detail), after: after)
        }

        guard let manifestBytes = read("manifest.json") else {
            return failure(nil, "manifest.json", .missingFile, "manifest.json is missing", after: 0)
        }
        guard let manifest = try? JSONDecoder().decode(JSONValue.self, from: Data(manifestBytes)),
            let expectedCount = manifest["eventCount"]?.intValue, let expectedLast = manifest["lastHash"]?.stringValue
        else {
            return failure(nil, "manifest.json", .manifest, "manifest.json lacks eventCount or lastHash", after: 0)
        }
        var revocations: [String: Date] = [:]
        for (serial, value) in manifest["revocations"]?.objectValue ?? [:] {
            if let text = value.stringValue, let at = Timestamp.parse(text) { revocations[serial] = at }
        }
        guard let caBytes = read("ca.pem") else {
            return failure(nil, "ca.pem", .missingFile, "ca.pem is missing", after: 0)
        }
        guard let trust = try? TrustStore(pem: String(decoding: caBytes, as: UTF8.self)), !trust.anchors.isEmpty else {
            return failure(nil, "ca.pem", .certificate, "ca.pem holds no readable self-signed root", after: 0)
        }

        let count = max(Int(expectedCount), highestEventNumber(in: folder))
        let width = max(4, String(count).count)
        var checker = EventCheck(trust: trust)
        var previousHash = EventEnvelope.genesis
        for position in stride(from: 1, through: count, by: 1) {
            let base = "events/" + AuditExport.eventNumber(position, width: width)
            let done = position - 1
            guard let canonical = read(base + ".json") else {
                return failure(position, base + ".json", .missingFile, "the event file is missing", after: done)
            }
            guard let signature = read(base + ".sig") else {
                return failure(position, base + ".sig", .missingFile, "the signature file is missing", after: done)
            }
            guard let pem = read(base + ".pem") else {
                return failure(position, base + ".pem", .missingFile, "the certificate file is missing", after: done)
            }
            do throws(EventCheck.Failure) {
                let envelope = try EventCheck.envelope(from: canonical)
                try EventCheck.link(envelope, position: position, previousHash: previousHash)
                guard let certificate = try? Certificate(pemEncoded: String(decoding: pem, as: UTF8.self)) else {
                    throw EventCheck.Failure(.certificate, "the certificate does not parse")
                }
                try checker.signer(
                    envelope, canonical: canonical, signature: signature, certificate: certificate,
                    revokedAt: revocations[Hex.encode(certificate.serialNumber.bytes)])
            } catch {
                return failure(position, base + fileExtension(for: error.check), error.check, error.detail, after: done)
            }
            previousHash = Hex.sha256(canonical)
        }
        guard count == expectedCount else {
            return failure(
                nil, "manifest.json", .manifest,
                "the manifest counts \(expectedCount) events; the folder holds \(count)",
                after: count)
        }
        guard previousHash == expectedLast else {
            return failure(
                nil, "manifest.json", .manifest, "lastHash is not the SHA-256 of the last event", after: count)
        }
        return .passed(count)
    }

    /// The file a failed check points at: the certificate for certificate checks, else the event
    /// itself (for a bad signature the event is the likelier culprit, and the file auditors diff).
    private static func fileExtension(for check: VerificationCheck) -> String {
        switch check {
        case .certificate, .certificateChain, .certificateValidity, .keyUsage, .signerBinding, .revoked: return ".pem"
        default: return ".json"
        }
    }

    /// The highest `NNNN` of `events/NNNN.json|sig|pem`, so that files beyond the manifest's count
    /// are not silently ignored.
    private static func highestEventNumber(in folder: URL) -> Int {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("events").path)) ?? []
        return names.compactMap { name in
            name.split(separator: ".").first.flatMap { Int($0) }
        }.max() ?? 0
    }
}
