/// Where a log's Merkle hashes come from when a proof is computed.
///
/// Every range an RFC 6962 proof needs decomposes into *perfect* subtrees: 2^level leaves starting at
/// leaf `index * 2^level`. Their hashes never change once the last leaf is appended, so a store can keep
/// them (about two per leaf) and answer any root or proof with O(log n) lookups instead of rehashing
/// the whole log.
public protocol MerkleNodeSource: Sendable {
    /// The hash of the perfect subtree of 2^`level` leaves starting at leaf `index * 2^level`
    /// (level 0 is the leaf hash itself).
    ///
    /// Only subtrees whose last leaf is already in the log are asked for. A source that lacks one throws,
    /// preferably ``MerkleError/missingNode(level:index:)``.
    func perfectSubtreeHash(level: Int, index: Int) async throws -> [UInt8]
}

/// The position of a perfect subtree: 2^`level` leaves starting at leaf `index * 2^level`.
public struct MerkleNodeAddress: Sendable, Hashable {
    /// The height of the subtree; 0 for a single leaf.
    public let level: Int
    /// The position of the subtree among those of its level, from the left.
    public let index: Int

    /// The subtree of 2^`level` leaves starting at leaf `index * 2^level`.
    public init(level: Int, index: Int) {
        self.level = level
        self.index = index
    }
}

/// A perfect subtree's hash, as a store persists it (one row keyed by `level` and `index`).
public struct MerklePerfectNode: Sendable, Hashable {
    /// The height of the subtree; 0 for a single leaf.
    public let level: Int
    /// The position of the subtree among those of its level, from the left.
    public let index: Int
    /// The Merkle tree hash of the subtree's leaves.
    public let hash: [UInt8]

    /// The perfect subtree at (`level`, `index`) with its `hash`.
    public init(level: Int, index: Int, hash: [UInt8]) {
        self.level = level
        self.index = index
        self.hash = hash
    }

    /// Where the subtree sits.
    public var address: MerkleNodeAddress { MerkleNodeAddress(level: level, index: index) }
}

/// What a store needs to keep the perfect subtrees of an append-only log, one append at a time.
///
/// Appending leaf `i` completes exactly the perfect subtrees whose last leaf is `i`: the leaf itself, and one
/// more per trailing 1-bit of `i` (each is the node over its left sibling, completed earlier, and the subtree
/// just completed). A store therefore, in the transaction that appends the leaf:
///
/// 1. reads the hashes at ``siblings(appendingLeafAt:)`` (already stored, never changing),
/// 2. inserts every node of ``completedNodes(appendingLeafAt:leafHash:siblings:)``,
///
/// and never updates a row. After `n` appends it holds ``nodeCount(size:)`` nodes, fewer than 2n.
public enum MerkleSubtrees {
    /// The already stored perfect subtrees that appending the leaf at `index` combines with, from the lowest
    /// level up (the left siblings on the way from the new leaf to the highest subtree it completes).
    public static func siblings(appendingLeafAt index: Int) -> [MerkleNodeAddress] {
        precondition(index >= 0, "a leaf index is never negative")
        var siblings: [MerkleNodeAddress] = []
        var position = index
        var level = 0
        // An odd position is a right child: completing it completes its parent too.
        while position & 1 == 1 {
            siblings.append(MerkleNodeAddress(level: level, index: position - 1))
            position >>= 1
            level += 1
        }
        return siblings
    }

    /// The perfect subtrees completed by appending the leaf with `leafHash` at `index`, from the leaf up,
    /// given the hashes of ``siblings(appendingLeafAt:)`` in the same order.
    ///
    /// This form suits a store that fetches the siblings in one query, or asynchronously.
    public static func completedNodes(
        appendingLeafAt index: Int, leafHash: [UInt8], siblings: [[UInt8]]
    ) -> [MerklePerfectNode] {
        let addresses = Self.siblings(appendingLeafAt: index)
        precondition(addresses.count == siblings.count, "one hash for each of siblings(appendingLeafAt:)")
        var nodes = [MerklePerfectNode(level: 0, index: index, hash: leafHash)]
        var hash = leafHash
        for (address, sibling) in zip(addresses, siblings) {
            hash = MerkleHash.node(sibling, hash)
            nodes.append(MerklePerfectNode(level: address.level + 1, index: address.index >> 1, hash: hash))
        }
        return nodes
    }

    /// The perfect subtrees completed by appending the leaf with `leafHash` at `index`, from the leaf up,
    /// reading each stored left sibling through `lookup(level, index)`.
    public static func completedNodes(
        appendingLeafAt index: Int, leafHash: [UInt8], lookup: (_ level: Int, _ index: Int) throws -> [UInt8]
    ) rethrows -> [MerklePerfectNode] {
        let siblings = try Self.siblings(appendingLeafAt: index).map { try lookup($0.level, $0.index) }
        return completedNodes(appendingLeafAt: index, leafHash: leafHash, siblings: siblings)
    }

    /// The number of perfect subtrees a log of `size` leaves has (2·size minus the 1-bits of size), which
    /// is how many nodes a store holds: a cheap completeness check.
    public static func nodeCount(size: Int) -> Int {
        precondition(size >= 0, "a log size is never negative")
        return 2 * size - size.nonzeroBitCount
    }

    /// The perfect subtrees that make up the tree of the first `size` leaves, from left to right: one per
    /// 1-bit of `size`, largest first.
    ///
    /// Their hashes, combined by ``root(combining:)``, give the tree's root; a store can sign a tree head
    /// within the append transaction that way.
    public static func rootNodes(size: Int) -> [MerkleNodeAddress] {
        precondition(size >= 0, "a log size is never negative")
        var nodes: [MerkleNodeAddress] = []
        var start = 0
        for level in stride(from: Int.bitWidth - 2, through: 0, by: -1) where size & (1 << level) != 0 {
            nodes.append(MerkleNodeAddress(level: level, index: start >> level))
            start += 1 << level
        }
        return nodes
    }

    /// The root of a tree from the hashes of its ``rootNodes(size:)``, in the same order.
    ///
    /// RFC 6962 splits a tree at the largest power of two below its size, so the root is the left-most
    /// perfect subtree over the tree of the rest: the hashes fold from the right.
    public static func root(combining hashes: [[UInt8]]) -> [UInt8] {
        guard var root = hashes.last else { return MerkleHash.emptyRoot }
        for hash in hashes.dropLast().reversed() {
            root = MerkleHash.node(hash, root)
        }
        return root
    }
}

/// The perfect subtrees of a log held in memory, for tests and small logs.
public struct MemoryMerkleNodes: MerkleNodeSource {
    /// `levels[level][index]`: the hash of the perfect subtree at (level, index).
    private var levels: [[[UInt8]]] = []

    /// A log of the leaves with these hashes, in order.
    public init(leafHashes: [[UInt8]] = []) {
        for leafHash in leafHashes {
            append(leafHash: leafHash)
        }
    }

    /// A log of these entries, in order (each hashed with ``MerkleHash/leaf(_:)``).
    public init(entries: [[UInt8]]) {
        self.init(leafHashes: entries.map(MerkleHash.leaf))
    }

    /// The number of leaves.
    public var size: Int { levels.first?.count ?? 0 }

    /// Appends a leaf, keeping its perfect subtrees exactly as a persistent store would.
    public mutating func append(leafHash: [UInt8]) {
        let completed = MerkleSubtrees.completedNodes(appendingLeafAt: size, leafHash: leafHash) { level, index in
            levels[level][index]
        }
        for node in completed {
            if levels.count == node.level { levels.append([]) }
            levels[node.level].append(node.hash)
        }
    }

    /// The hash of the perfect subtree at (`level`, `index`), or ``MerkleError/missingNode(level:index:)`` if
    /// that subtree is not complete yet.
    public func perfectSubtreeHash(level: Int, index: Int) async throws -> [UInt8] {
        guard levels.indices.contains(level), levels[level].indices.contains(index) else {
            throw MerkleError.missingNode(level: level, index: index)
        }
        return levels[level][index]
    }
}
