import Foundation
import OneGateCore
import OneGateServer
import OneGateSigning

/// The audit endpoints' view of the signing adapter.
public struct SigningAuditAuthority: AuditAuthority {
    let signer: InstanceSigner
    let instanceName: String

    public init(signer: InstanceSigner, instanceName: String) {
        self.signer = signer
        self.instanceName = instanceName
    }

    public func trustAnchorsPEM() async throws -> String { signer.caCertificatePEM }

    public func verify(events: [SignedEvent]) async throws -> String? {
        let report = try signer.verifier().verify(events)
        return report.ok ? nil : report.failure?.description ?? "verification failed"
    }

    public func exportZip(events: [SignedEvent], dossierCode: String) async throws -> [UInt8] {
        let (certificates, revocations) = Self.signers(of: events, in: signer)
        return try AuditExport.zip(
            events: events, dossierCode: dossierCode, instanceName: instanceName, certificates: certificates,
            caPEM: signer.caCertificatePEM, revocations: revocations)
    }

    /// The certificates (PEM) and revocation times of the events' signers.
    public static func signers(
        of events: [SignedEvent], in signer: InstanceSigner
    ) -> (certificates: [String: String], revocations: [String: Date]) {
        var certificates: [String: String] = [:]
        var revocations: [String: Date] = [:]
        for serial in Set(events.map(\.certificateSerial)) {
            certificates[serial] = signer.certificatePEM(serial: serial)
            revocations[serial] = signer.credential(serial: serial)?.revokedAt
        }
        return (certificates, revocations)
    }

    public func certificatePEM(serial: String) async throws -> String? { signer.certificatePEM(serial: serial) }
}
