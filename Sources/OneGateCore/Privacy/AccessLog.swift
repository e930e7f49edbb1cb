import Foundation

/// Appends reads of personal data to each person's signed, chained access log. A read that cannot
/// be logged is refused by the caller (the log is written before the data is shown).
public struct AccessLog: Sendable {
    public let store: any AccessLogStore
    public let signer: any EventSigner
    public let tenant: String

    public init(store: any AccessLogStore, signer: any EventSigner, tenant: String) {
        self.store = store
        self.signer = signer
        self.tenant = tenant
    }

    /// The canonical bytes of an entry.
    public static func canonical(_ access: DataAccess, seq: Int, prev: String) -> [UInt8] {
        var object: [String: JSONValue] = [
            "subject": .string(access.subject), "seq": .int(Int64(seq)), "actor": .string(access.actor),
            "actorName": .string(access.actorName), "action": .string(access.action.rawValue),
            "resource": .string(access.resource), "purpose": .string(access.purpose),
            "at": .string(Timestamp.format(access.at)), "prev": .string(prev),
        ]
        if let unit = access.unit { object["unit"] = .string(unit) }
        return CanonicalJSON.encode(.object(object))
    }

    /// Records `access` at the end of the person's chain.
    @discardableResult
    public func record(_ access: DataAccess) async throws -> AccessRecord {
        var access = access
        access.at = Timestamp.truncate(access.at)
        // Two reads of one person's data at the same moment race for the next `seq`: the loser
        // chains again after a short random pause (each round at least one of them wins).
        for attempt in 0..<64 {
            if attempt > 0 { try await Task.sleep(for: .milliseconds(Int.random(in: 1...(2 + min(attempt, 20))))) }
            let last = try await store.lastAccess(subject: access.subject, tenant: tenant)
            let seq = (last?.seq ?? 0) + 1
            let prev = last?.hash ?? EventEnvelope.genesis
            let canonical = Self.canonical(access, seq: seq, prev: prev)
            let (signature, serial) = try await signer.sign(canonical, as: .receptionService)
            let record = AccessRecord(
                subject: access.subject, seq: seq, access: access, canonical: canonical,
                hash: signer.digest(canonical), prev: prev, signature: signature, certificateSerial: serial)
            do {
                try await store.appendAccess(record, tenant: tenant)
                return record
            } catch let error as OneGateError where error == .versionConflict {
                continue
            }
        }
        throw OneGateError.versionConflict
    }

    /// Checks the person's chain: order, links, hashes, and that each entry's bytes say what its
    /// columns say. Signatures are checked by `verifySignature` (the signing adapter). Returns the
    /// 1-based position of the first bad entry, or nil.
    public func firstBrokenLink(
        subject: String, verifySignature: (AccessRecord) -> Bool
    ) async throws -> Int? {
        var prev = EventEnvelope.genesis
        for (index, record) in try await store.accessChain(subject: subject, tenant: tenant).enumerated() {
            guard record.seq == index + 1, record.prev == prev, signer.digest(record.canonical) == record.hash,
                Self.canonical(record.access, seq: record.seq, prev: record.prev) == record.canonical,
                verifySignature(record)
            else { return index + 1 }
            prev = record.hash
        }
        return nil
    }
}
