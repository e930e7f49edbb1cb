import Crypto

/// The hashes of an RFC 6962 / RFC 9162 §2.1.1 Merkle tree over SHA-256.
///
/// Leaves and interior nodes are hashed with different one-byte prefixes, so that no leaf entry can be
/// presented as an interior node (the second-preimage attack on plain Merkle trees).
public enum MerkleHash {
    /// The length in bytes of every hash in the tree.
    public static let size = 32

    /// The hash of a leaf: SHA-256(0x00 ‖ entry).
    public static func leaf(_ entry: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: entry)
        return Array(hasher.finalize())
    }

    /// The hash of an interior node: SHA-256(0x01 ‖ left ‖ right).
    public static func node(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: [0x01])
        hasher.update(data: left)
        hasher.update(data: right)
        return Array(hasher.finalize())
    }

    /// The root of the empty tree: SHA-256 of the empty string.
    public static let emptyRoot: [UInt8] = Array(SHA256.hash(data: [UInt8]()))
}
