import Foundation
import OneGateCore
import OneGateSigning

/// A result as the API shows it: no personal data (the holder has the PDF).
struct ResultView: Encodable {
    var dossierCode: String
    var number: String
    var unit: String
    var granted: Bool
    var digitised: Bool
    var issuedAt: String
    var validUntil: String?
    var status: String
    var revokedAt: String?
    var revocationReason: String?
    var supersededBy: String?
    var document: String
    var logIndex: Int?
    var revocationLogIndex: Int?

    init(_ result: IssuedResult) {
        dossierCode = result.dossierCode
        number = result.number
        unit = result.unit
        granted = result.granted
        digitised = result.digitised
        issuedAt = Timestamp.format(result.issuedAt)
        validUntil = result.validUntil.map(Timestamp.format)
        status = result.status.rawValue
        revokedAt = result.revokedAt.map(Timestamp.format)
        revocationReason = result.revocationReason
        supersededBy = result.supersededBy
        document = result.document
        logIndex = result.logIndex
        revocationLogIndex = result.revocationLogIndex
    }
}

/// The answer of a verification.
struct ResultVerificationView: Encodable {
    struct Signature: Encodable {
        var signer: String
        var kind: String
        var signedAt: String?
        var valid: Bool
        var coversWholeFile: Bool
        var problem: String?
    }

    var verdict: String
    var reasons: [String]
    var standing: String?
    var result: ResultView?
    var signatures: [Signature]
    var includedInLog: Bool?
    var treeSize: Int?
    var rootHash: String?
    var instance: String

    init(_ verification: ResultVerification, instance: String) {
        verdict = verification.verdict.rawValue
        reasons = verification.reasons
        standing = verification.standing?.rawValue
        result = verification.result.map(ResultView.init)
        signatures = verification.signatures.map {
            Signature(
                signer: $0.signer, kind: $0.kind.rawValue, signedAt: $0.signedAt.map(Timestamp.format), valid: $0.valid,
                coversWholeFile: $0.coversWholeFile, problem: $0.problem)
        }
        includedInLog = verification.includedInLog
        treeSize = verification.treeHead?.size
        rootHash = verification.treeHead?.root
        self.instance = instance
    }
}

/// A signed tree head with what an auditor needs to check it with OpenSSL: the exact bytes signed
/// (base64), the DER signature (base64) and the signer's certificate (PEM).
struct TreeHeadView: Encodable {
    var treeSize: Int
    var rootHash: String
    var timestamp: String
    var signed: String
    var signature: String
    var certificate: String

    init(_ head: TreeHead, dependencies: AppDependencies) async throws {
        treeSize = head.size
        rootHash = head.root
        timestamp = Timestamp.format(head.at)
        signed = Data(head.canonical).base64EncodedString()
        signature = Data(head.signature).base64EncodedString()
        certificate = try await dependencies.audit.certificatePEM(serial: head.certificateSerial) ?? ""
    }
}

struct TreeHeadList: Encodable {
    var items: [TreeHeadView]
    var limit: Int
    var offset: Int
}

/// A leaf: its entry (canonical JSON, base64 and as JSON) and hash.
struct EntryView: Encodable {
    var index: Int
    var leafHash: String
    var entry: String
    var entryJSON: JSONValue?
    var at: String

    init(_ leaf: TransparencyLeaf) {
        index = leaf.index
        leafHash = Hex.encode(leaf.leafHash)
        entry = Data(leaf.entry).base64EncodedString()
        entryJSON = try? JSONDecoder().decode(JSONValue.self, from: Data(leaf.entry))
        at = Timestamp.format(leaf.at)
    }
}

struct InclusionView: Encodable {
    var index: Int
    var treeSize: Int
    var leafHash: String
    var auditPath: [String]
}

struct ConsistencyView: Encodable {
    var fromSize: Int
    var toSize: Int
    var fromRoot: String
    var toRoot: String
    var proof: [String]
}
