import Crypto
public import Foundation
public import OneGateCore

/// The instance's transparency log (results.md): leaves come from the store (appended in the same
/// transaction as the issue or revocation they record); this keeps their perfect subtrees in
/// memory for O(log n) proofs, and signs tree heads with the reception service's seal.
///
/// Memory: two hashes per leaf (64 bytes), about 64 MB for a million results. Every server of an
/// instance reads the same leaves, so their roots agree.
public actor TransparencyLog {
    private let store: any OneGateStore
    private let signer: InstanceSigner
    private let tenant: String
    private let instanceName: String
    private var nodes = MemoryMerkleNodes()
    private var leafHashes: [[UInt8]] = []

    public init(store: any OneGateStore, signer: InstanceSigner, tenant: String, instanceName: String) {
        self.store = store
        self.signer = signer
        self.tenant = tenant
        self.instanceName = instanceName
    }

    /// Reads the leaves appended since the last call; returns the size.
    @discardableResult
    public func sync() async throws -> Int {
        while true {
            let batch = try await store.transparencyLeaves(from: nodes.size, limit: 10_000, tenant: tenant)
            guard !batch.isEmpty else { break }
            for leaf in batch where leaf.index == nodes.size {
                nodes.append(leafHash: leaf.leafHash)
                leafHashes.append(leaf.leafHash)
            }
            if batch.count < 10_000 { break }
        }
        return nodes.size
    }

    /// The signed head of the whole log: the stored one when the log has not grown since, else a
    /// new one, signed and stored.
    public func currentHead() async throws -> TreeHead {
        let size = try await sync()
        if let latest = try await store.latestTreeHead(tenant: tenant), latest.size == size { return latest }
        let root = try await MerkleTree.root(size: size, in: nodes)
        let at = Date()
        let canonical = Self.headBytes(instance: instanceName, size: size, root: root, at: at)
        let (signature, credential) = try await signer.signDocument(canonical, as: .receptionService, at: at)
        let head = TreeHead(
            size: size, root: Hex.encode(root), at: at, canonical: canonical, signature: signature,
            certificateSerial: credential.serial)
        try await store.saveTreeHead(head, tenant: tenant)
        return head
    }

    /// What a tree head signs: RFC 8785 JSON of the instance, size, root (hex) and time.
    public static func headBytes(instance: String, size: Int, root: [UInt8], at: Date) -> [UInt8] {
        CanonicalJSON.encode(
            .object([
                "instance": .string(instance), "treeSize": .int(Int64(size)), "rootHash": .string(Hex.encode(root)),
                "timestamp": .string(Timestamp.format(at)),
            ]))
    }

    /// The audit path of the leaf at `index` in the tree of `size` leaves.
    public func inclusionProof(index: Int, size: Int) async throws -> [[UInt8]] {
        try await requireSize(size)
        return try await refusingBadArguments {
            try await MerkleTree.inclusionProof(index: index, size: size, in: nodes)
        }
    }

    /// The proof that the tree of `to` leaves extends the tree of `from` leaves.
    public func consistencyProof(from: Int, to: Int) async throws -> [[UInt8]] {
        try await requireSize(to)
        return try await refusingBadArguments {
            try await MerkleTree.consistencyProof(from: from, to: to, in: nodes)
        }
    }

    /// A proof asked with sizes or indexes the log cannot answer is the caller's mistake (422), not
    /// a failure of the server.
    private func refusingBadArguments<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch is MerkleError {
            throw OneGateError.invalid(
                field: "size", vi: "Tham số của bằng chứng không hợp lệ với sổ nhật ký.",
                en: "The proof's parameters do not fit the log.")
        }
    }

    /// The root of the tree of the first `size` leaves.
    public func root(size: Int) async throws -> [UInt8] {
        try await requireSize(size)
        return try await MerkleTree.root(size: size, in: nodes)
    }

    /// The leaf hash at `index`.
    public func leafHash(_ index: Int) async throws -> [UInt8]? {
        try await requireSize(index + 1)
        return leafHashes.indices.contains(index) ? leafHashes[index] : nil
    }

    private func requireSize(_ size: Int) async throws {
        if size > nodes.size { try await sync() }
        guard size >= 0, size <= nodes.size else {
            throw OneGateError.invalid(
                field: "size", vi: "Sổ nhật ký chưa có ngần ấy mục.", en: "The log does not have that many entries.")
        }
    }
}
