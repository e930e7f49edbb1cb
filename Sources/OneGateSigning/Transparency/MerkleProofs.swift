/// Why a root or proof cannot be computed.
public enum MerkleError: Error, Sendable, Hashable {
    /// A tree size below zero.
    case invalidSize(Int)
    /// A leaf index outside the tree (negative, or not below its size).
    case indexOutOfRange(index: Int, size: Int)
    /// A consistency proof asked from a larger tree to a smaller one.
    case sizesOutOfOrder(from: Int, to: Int)
    /// The node source lacks a perfect subtree the computation needs (the log is shorter than asked).
    case missingNode(level: Int, index: Int)
}

/// Roots, inclusion proofs and consistency proofs of an RFC 6962 / RFC 9162 §2.1 Merkle tree, and their
/// verification.
///
/// Proofs are computed from perfect-subtree hashes (``MerkleNodeSource``), O(log n) lookups each; they are
/// exactly RFC 6962's PATH and PROOF, so any RFC 9162 verifier accepts them.
public enum MerkleTree {
    // MARK: Computing

    /// MTH(D[0:size]): the root of the tree of the first `size` leaves.
    public static func root(size: Int, in nodes: some MerkleNodeSource) async throws -> [UInt8] {
        guard size >= 0 else { throw MerkleError.invalidSize(size) }
        var hashes: [[UInt8]] = []
        for address in MerkleSubtrees.rootNodes(size: size) {
            hashes.append(try await nodes.perfectSubtreeHash(level: address.level, index: address.index))
        }
        return MerkleSubtrees.root(combining: hashes)
    }

    /// PATH(index, D[0:size]) (RFC 6962 §2.1.1): the audit path of the leaf at `index` in the tree of the
    /// first `size` leaves, from the leaf's sibling up to the root's children.
    public static func inclusionProof(
        index: Int, size: Int, in nodes: some MerkleNodeSource
    ) async throws
        -> [[UInt8]]
    {
        guard size >= 0 else { throw MerkleError.invalidSize(size) }
        guard index >= 0, index < size else { throw MerkleError.indexOutOfRange(index: index, size: size) }
        // The RFC's recursion walked from the top: each step keeps the half holding the leaf and records the
        // other half's hash. The RFC lists those hashes innermost first, hence the reversal.
        var topDown: [[UInt8]] = []
        var low = 0
        var high = size
        while high - low > 1 {
            let split = low + largestPowerOfTwo(below: high - low)
            if index < split {
                topDown.append(try await hash(leaves: split..<high, in: nodes))
                high = split
            } else {
                topDown.append(try await hash(leaves: low..<split, in: nodes))
                low = split
            }
        }
        return topDown.reversed()
    }

    /// PROOF(from, D[0:to]) (RFC 6962 §2.1.2): the proof that the tree of the first `to` leaves extends the
    /// tree of the first `from` leaves. Empty when `from` is 0 or equals `to`.
    public static func consistencyProof(
        from oldSize: Int, to newSize: Int, in nodes: some MerkleNodeSource
    )
        async throws -> [[UInt8]]
    {
        guard oldSize >= 0 else { throw MerkleError.invalidSize(oldSize) }
        guard newSize >= 0 else { throw MerkleError.invalidSize(newSize) }
        guard oldSize <= newSize else { throw MerkleError.sizesOutOfOrder(from: oldSize, to: newSize) }
        if oldSize == 0 || oldSize == newSize { return [] }
        // SUBPROOF(m, D[low:high], b), unrolled from the top as in inclusionProof. While every step went left
        // (b true), the subtree where the walk stops is the old tree itself, whose root the verifier already
        // has; after a step right it is only the old tree's last subtree, so the proof must carry it.
        var topDown: [[UInt8]] = []
        var low = 0
        var high = newSize
        var complete = true
        while oldSize != high {
            let split = low + largestPowerOfTwo(below: high - low)
            if oldSize <= split {
                topDown.append(try await hash(leaves: split..<high, in: nodes))
                high = split
            } else {
                topDown.append(try await hash(leaves: low..<split, in: nodes))
                low = split
                complete = false
            }
        }
        if !complete {
            topDown.append(try await hash(leaves: low..<high, in: nodes))
        }
        return topDown.reversed()
    }

    /// MTH(D[leaves]) from perfect subtrees.
    ///
    /// The ranges the proofs ask for are either perfect and aligned (one lookup) or end at the tree's right
    /// edge with a start aligned to a larger power of two; then the left part of the RFC 6962 split is
    /// perfect and only the right part recurses, O(log n) lookups in all. Any other range is still hashed
    /// correctly, down to its leaves if need be.
    static func hash(leaves: Range<Int>, in nodes: some MerkleNodeSource) async throws -> [UInt8] {
        let count = leaves.count
        if count & (count - 1) == 0, leaves.lowerBound % count == 0 {
            return try await nodes.perfectSubtreeHash(
                level: count.trailingZeroBitCount, index: leaves.lowerBound / count)
        }
        let split = leaves.lowerBound + largestPowerOfTwo(below: count)
        let left = try await hash(leaves: leaves.lowerBound..<split, in: nodes)
        let right = try await hash(leaves: split..<leaves.upperBound, in: nodes)
        return MerkleHash.node(left, right)
    }

    /// k of RFC 6962: the largest power of two smaller than `count` (which is at least 2).
    static func largestPowerOfTwo(below count: Int) -> Int {
        precondition(count >= 2, "only a tree of two leaves or more is split")
        return 1 << (Int.bitWidth - 1 - (count - 1).leadingZeroBitCount)
    }

    // MARK: Verifying

    /// Whether `proof` shows the leaf with `leafHash` at `index` in the tree of `size` leaves with `root`
    /// (RFC 9162 §2.1.3.2).
    public static func verifyInclusion(
        leafHash: [UInt8], index: Int, size: Int, proof: [[UInt8]], root: [UInt8]
    ) -> Bool {
        guard index >= 0, index < size else { return false }
        // Hashes of another length cannot come from this tree; refusing them keeps a malformed proof from
        // ever reaching the comparison.
        guard isHash(leafHash), isHash(root), proof.allSatisfy(isHash) else { return false }
        var fn = index
        var sn = size - 1
        var r = leafHash
        for p in proof {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                r = MerkleHash.node(p, r)
                // On the right edge the RFC tree skips levels where the node has no right sibling.
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                r = MerkleHash.node(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && r == root
    }

    /// Whether `proof` shows that the tree of `newSize` leaves with `newRoot` extends the tree of `oldSize`
    /// leaves with `oldRoot` (RFC 9162 §2.1.4.2).
    ///
    /// Equal sizes need an empty proof and equal roots. An old size of 0 needs an empty proof and the empty
    /// tree's root as `oldRoot`, since no other root is the head of an empty log.
    public static func verifyConsistency(
        oldSize: Int, newSize: Int, oldRoot: [UInt8], newRoot: [UInt8], proof: [[UInt8]]
    ) -> Bool {
        guard oldSize >= 0, oldSize <= newSize else { return false }
        guard isHash(oldRoot), isHash(newRoot), proof.allSatisfy(isHash) else { return false }
        if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
        if oldSize == 0 { return proof.isEmpty && oldRoot == MerkleHash.emptyRoot }
        guard !proof.isEmpty else { return false }
        // A power-of-two old tree is itself a node of the new one, so RFC 6962 leaves it out of the proof.
        let path = oldSize & (oldSize - 1) == 0 ? [oldRoot] + proof : proof
        var fn = oldSize - 1
        var sn = newSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var fr = path[0]
        var sr = path[0]
        for c in path.dropFirst() {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                fr = MerkleHash.node(c, fr)
                sr = MerkleHash.node(c, sr)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                sr = MerkleHash.node(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        return fr == oldRoot && sr == newRoot && sn == 0
    }

    private static func isHash(_ bytes: [UInt8]) -> Bool {
        bytes.count == MerkleHash.size
    }
}
