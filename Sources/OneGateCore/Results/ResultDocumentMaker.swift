import Foundation

/// Makes the signed PDF of a result (an adapter: layout, PDF and signatures live outside the
/// domain). The leader's signature is made within the leader's approval and the seal within the
/// clerk's issue, each with that person's or unit's own key.
public protocol ResultDocumentMaker: Sendable {
    /// The result (or reasoned refusal) laid out and signed by the approving leader.
    func leaderSigned(
        _ dossier: Dossier, procedure: Procedure, leader: Officer, at: Date
    ) async throws -> [UInt8]
    /// The leader-signed PDF numbered and sealed by the issuing unit, as an incremental update, and
    /// the unit's detached CMS signature over the whole final file (`result.p7s`).
    func sealed(
        _ leaderSigned: [UInt8], dossier: Dossier, procedure: Procedure, number: String, clerk: Officer, at: Date
    ) async throws -> (pdf: [UInt8], detached: [UInt8])
}

/// The transparency log's entries, as RFC 8785 canonical JSON (what the leaf hash covers).
public enum TransparencyEntries {
    /// An issued result.
    public static func issued(_ result: IssuedResult, instance: String) -> [UInt8] {
        CanonicalJSON.encode(
            .object([
                "kind": .string(result.digitised ? "digitised_result" : "result"), "instance": .string(instance),
                "dossier": .string(result.dossierCode), "number": .string(result.number),
                "document": .string(result.document), "leaderDocument": .string(result.leaderDocument),
                "unit": .string(result.unit), "granted": .bool(result.granted),
                "issuedAt": .string(Timestamp.format(result.issuedAt)),
            ]))
    }

    /// A revocation (or a supersession) of an issued result.
    public static func revoked(_ result: IssuedResult, instance: String, by officer: String, at: Date) -> [UInt8] {
        CanonicalJSON.encode(
            .object([
                "kind": .string(result.status == .superseded ? "supersession" : "revocation"),
                "instance": .string(instance), "dossier": .string(result.dossierCode), "number": .string(result.number),
                "document": .string(result.document), "reason": .string(result.revocationReason ?? ""),
                "supersededBy": result.supersededBy.map(JSONValue.string) ?? .null, "officer": .string(officer),
                "at": .string(Timestamp.format(at)),
            ]))
    }

    /// The leaf hash, SHA-256(0x00 ‖ entry), with the signer's digest.
    public static func leafHash(_ entry: [UInt8], digest: (([UInt8]) -> String)) -> [UInt8] {
        hexBytes(digest([0] + entry))
    }

    static func hexBytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var iterator = hex.utf8.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            out.append(UInt8(nibble(high) << 4 | nibble(low)))
        }
        return out
    }

    private static func nibble(_ character: UInt8) -> UInt8 {
        switch character {
        case 0x30...0x39: return character - 0x30
        case 0x61...0x66: return character - 0x61 + 10
        case 0x41...0x46: return character - 0x41 + 10
        default: return 0
        }
    }
}
