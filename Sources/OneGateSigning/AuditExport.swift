public import Foundation
public import OneGateCore
import SwiftASN1

/// Writes a dossier's signed events in the layout of signatures.md, which OpenSSL and coreutils
/// verify without OneGate:
///
/// ```
/// manifest.json      {"dossier","eventCount","instance","lastHash", …} (RFC 8785, one line)
/// ca.pem             the trust anchor(s) and intermediates
/// events/0001.json   the canonical bytes of event 1, exactly
/// events/0001.sig    its DER signature
/// events/0001.pem    the signer's certificate
/// ```
///
/// The manifest also lists, under `revocations`, the revocation instants of the signers'
/// certificates that were revoked, so that `AuditFolderVerifier` can apply the revocation rule
/// from the files alone. The manifest is an index, not signed: every fact that matters is checked
/// against the signed events.
public enum AuditExport {
    /// One file of an export, by its relative path (`/`-separated).
    public struct File: Sendable, Hashable {
        /// Relative path with `/` separators, e.g. `events/0001.json`.
        public var path: String
        /// The file's bytes.
        public var contents: [UInt8]
    }

    /// The export's files, in order: manifest, CA, then each event's `.json`, `.sig`, `.pem`.
    ///
    /// - Parameters:
    ///   - events: the dossier's whole chain, in `seq` order.
    ///   - certificates: signer certificates (PEM) by serial; every event's serial must be present.
    ///   - caPEM: the trust anchor(s), PEM (`InstanceSigner.caCertificatePEM`).
    ///   - revocations: revocation instants by serial (only those of the events' signers are kept).
    public static func files(
        events: [SignedEvent], dossierCode: String, instanceName: String, certificates: [String: String],
        caPEM: String, revocations: [String: Date] = [:]
    ) throws(OneGateError) -> [File] {
        var files: [File] = []
        var revoked: [String: JSONValue] = [:]
        let width = max(4, String(events.count).count)
        for (index, event) in events.enumerated() {
            guard let pem = certificates[event.certificateSerial],
                let document = try? PEMDocument(pemString: pem), document.discriminator == "CERTIFICATE"
            else { throw .missingCertificate(serial: event.certificateSerial) }
            let base = "events/" + eventNumber(index + 1, width: width)
            files.append(File(path: base + ".json", contents: event.canonical))
            files.append(File(path: base + ".sig", contents: event.signature))
            // Re-serialised so the file is exactly one well-formed PEM block with a final newline.
            files.append(File(path: base + ".pem", contents: Array((document.pemString + "\n").utf8)))
            if let at = revocations[event.certificateSerial] {
                revoked[event.certificateSerial] = .string(Timestamp.format(at))
            }
        }
        var manifest: [String: JSONValue] = [
            "format": "onegate-audit-export/1",
            "dossier": .string(dossierCode),
            "instance": .string(instanceName),
            "eventCount": .int(Int64(events.count)),
            "lastHash": .string(events.last.map { Hex.sha256($0.canonical) } ?? EventEnvelope.genesis),
            "algorithm": "ECDSA P-256 SHA-256, RFC 8785 canonical JSON",
        ]
        if !revoked.isEmpty { manifest["revocations"] = .object(revoked) }
        let caText = caPEM.hasSuffix("\n") ? caPEM : caPEM + "\n"
        return [
            File(path: "manifest.json", contents: CanonicalJSON.encode(.object(manifest)) + [0x0A]),
            File(path: "ca.pem", contents: Array(caText.utf8)),
        ] + files
    }

    /// Writes the export into `folder`, which must be missing or empty (a stale `events/0009.json`
    /// left from another export would otherwise join the chain).
    public static func write(
        events: [SignedEvent], dossierCode: String, instanceName: String, certificates: [String: String],
        caPEM: String, revocations: [String: Date] = [:], to folder: URL
    ) throws {
        let files = try files(
            events: events, dossierCode: dossierCode, instanceName: instanceName, certificates: certificates,
            caPEM: caPEM, revocations: revocations)
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
            throw OneGateError(
                .conflict, "export_folder_not_empty", vi: "Thư mục xuất dữ liệu phải trống.",
                en: "The export folder must be empty.")
        }
        try manager.createDirectory(at: folder.appendingPathComponent("events"), withIntermediateDirectories: true)
        for file in files {
            try Data(file.contents).write(to: folder.appendingPathComponent(file.path), options: .atomic)
        }
    }

    /// The same files as a ZIP archive (stored entries), for the API download. Entry times are the
    /// last event's `at`, so that the same chain always gives the same bytes.
    public static func zip(
        events: [SignedEvent], dossierCode: String, instanceName: String, certificates: [String: String],
        caPEM: String, revocations: [String: Date] = [:]
    ) throws(OneGateError) -> [UInt8] {
        let files = try files(
            events: events, dossierCode: dossierCode, instanceName: instanceName, certificates: certificates,
            caPEM: caPEM, revocations: revocations)
        var archive = ZipArchive(modified: events.last?.at ?? Date(timeIntervalSince1970: 315_532_800))
        for file in files { try archive.add(path: file.path, contents: file.contents) }
        return archive.finished()
    }

    /// `0001`, `0042`, … (wider past 9999 events).
    static func eventNumber(_ position: Int, width: Int = 4) -> String {
        let digits = String(position)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
