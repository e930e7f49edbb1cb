import Foundation
import Testing

@testable import OneGateSigning

@Suite("Merkle tree (RFC 6962 / RFC 9162 §2.1)")
struct MerkleTreeTests {
    // MARK: Certificate Transparency reference data (transparency-dev/merkle testonly)

    static let ctEntries: [[UInt8]] = [
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    ].map(bytes)

    /// Roots of the first 1...8 entries.
    static let ctRoots: [[UInt8]] = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ].map(bytes)

    /// Every perfect subtree of the 8-entry tree, `[level][index]`.
    static let ctNodes: [[[UInt8]]] = [
        [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
        ],
        [
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        ],
        [
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
        ["5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"],
    ].map { $0.map(bytes) }

    /// Reference inclusion proofs: (0-based index, size, path).
    static let ctInclusion: [(index: Int, size: Int, proof: [String])] = [
        (0, 1, []),
        (
            0, 8,
            [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ]
        ),
        (
            5, 8,
            [
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        ),
        (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
        (
            1, 5,
            [
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ]
        ),
    ]

    /// Reference consistency proofs: (old size, new size, proof).
    static let ctConsistency: [(old: Int, new: Int, proof: [String])] = [
        (1, 1, []),
        (
            1, 8,
            [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ]
        ),
        (
            6, 8,
            [
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        ),
        (
            2, 5,
            [
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ]
        ),
        (
            6, 7,
            [
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        ),
    ]

    // MARK: Reference vectors

    @Test("leaf, node and empty-tree hashes")
    func hashes() {
        #expect(Hex.encode(MerkleHash.emptyRoot) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(MerkleHash.leaf([]) == Self.ctRoots[0])
        #expect(MerkleHash.node(Self.ctNodes[0][0], Self.ctNodes[0][1]) == Self.ctNodes[1][0])
        // Domain separation: the same bytes hashed as leaf and as node differ.
        #expect(MerkleHash.leaf(Self.ctNodes[0][0] + Self.ctNodes[0][1]) != Self.ctNodes[1][0])
    }

    @Test("roots of the reference entries for sizes 0 to 8")
    func referenceRoots() async throws {
        let nodes = MemoryMerkleNodes(entries: Self.ctEntries)
        #expect(try await MerkleTree.root(size: 0, in: nodes) == MerkleHash.emptyRoot)
        for size in 1...8 {
            #expect(try await MerkleTree.root(size: size, in: nodes) == Self.ctRoots[size - 1], "size \(size)")
            #expect(Naive.root(Self.ctEntries.prefix(size).map(MerkleHash.leaf)) == Self.ctRoots[size - 1])
        }
    }

    @Test("perfect subtrees kept one append at a time are the reference node hashes")
    func referenceNodes() async throws {
        let nodes = MemoryMerkleNodes(entries: Self.ctEntries)
        for (level, hashes) in Self.ctNodes.enumerated() {
            for (index, hash) in hashes.enumerated() {
                #expect(try await nodes.perfectSubtreeHash(level: level, index: index) == hash)
            }
        }
        await #expect(throws: MerkleError.missingNode(level: 3, index: 1)) {
            try await nodes.perfectSubtreeHash(level: 3, index: 1)
        }
        await #expect(throws: MerkleError.missingNode(level: 4, index: 0)) {
            try await nodes.perfectSubtreeHash(level: 4, index: 0)
        }
    }

    @Test("reference inclusion proofs are computed and verified")
    func referenceInclusion() async throws {
        let nodes = MemoryMerkleNodes(entries: Self.ctEntries)
        for vector in Self.ctInclusion {
            let expected = vector.proof.map(bytes)
            let proof = try await MerkleTree.inclusionProof(index: vector.index, size: vector.size, in: nodes)
            #expect(proof == expected, "PATH(\(vector.index), D[\(vector.size)])")
            #expect(
                MerkleTree.verifyInclusion(
                    leafHash: MerkleHash.leaf(Self.ctEntries[vector.index]), index: vector.index, size: vector.size,
                    proof: expected, root: Self.ctRoots[vector.size - 1]))
        }
    }

    @Test("reference consistency proofs are computed and verified")
    func referenceConsistency() async throws {
        let nodes = MemoryMerkleNodes(entries: Self.ctEntries)
        for vector in Self.ctConsistency {
            let expected = vector.proof.map(bytes)
            let proof = try await MerkleTree.consistencyProof(from: vector.old, to: vector.new, in: nodes)
            #expect(proof == expected, "PROOF(\(vector.old), D[\(vector.new)])")
            #expect(
                MerkleTree.verifyConsistency(
                    oldSize: vector.old, newSize: vector.new, oldRoot: Self.ctRoots[vector.old - 1],
                    newRoot: Self.ctRoots[vector.new - 1], proof: expected))
        }
    }

    // MARK: Every pair up to 64 leaves

    @Test("every inclusion proof up to 64 leaves equals the naive one, verifies, and refuses tampering")
    func everyInclusionProof() async throws {
        let leaves = Self.leafHashes(64)
        let nodes = MemoryMerkleNodes(leafHashes: leaves)
        for size in 1...64 {
            let root = Naive.root(Array(leaves[0..<size]))
            #expect(try await MerkleTree.root(size: size, in: nodes) == root)
            for index in 0..<size {
                let proof = try await MerkleTree.inclusionProof(index: index, size: size, in: nodes)
                #expect(proof == Naive.path(index, leaves[0..<size]), "PATH(\(index), D[\(size)])")
                #expect(
                    MerkleTree.verifyInclusion(
                        leafHash: leaves[index], index: index, size: size, proof: proof, root: root),
                    "PATH(\(index), D[\(size)])")
                for probe in Self.tamperedInclusions(leaf: leaves[index], index: index, size: size, proof, root) {
                    #expect(
                        !MerkleTree.verifyInclusion(
                            leafHash: probe.leaf, index: probe.index, size: probe.size, proof: probe.proof,
                            root: probe.root), "PATH(\(index), D[\(size)]) accepted \(probe.name)")
                }
            }
        }
    }

    @Test("every consistency proof up to 64 leaves equals the naive one, verifies, and refuses tampering")
    func everyConsistencyProof() async throws {
        let leaves = Self.leafHashes(64)
        let nodes = MemoryMerkleNodes(leafHashes: leaves)
        let roots = (0...64).map { Naive.root(Array(leaves[0..<$0])) }
        for new in 0...64 {
            for old in 0...new {
                let proof = try await MerkleTree.consistencyProof(from: old, to: new, in: nodes)
                #expect(proof == Naive.proof(old, leaves[0..<new]), "PROOF(\(old), D[\(new)])")
                #expect(
                    MerkleTree.verifyConsistency(
                        oldSize: old, newSize: new, oldRoot: roots[old], newRoot: roots[new], proof: proof),
                    "PROOF(\(old), D[\(new)])")
                for probe in Self.tamperedConsistencies(old: old, new: new, roots[old], roots[new], proof) {
                    #expect(
                        !MerkleTree.verifyConsistency(
                            oldSize: probe.old, newSize: probe.new, oldRoot: probe.oldRoot, newRoot: probe.newRoot,
                            proof: probe.proof), "PROOF(\(old), D[\(new)]) accepted \(probe.name)")
                }
            }
        }
    }

    @Test("a right-edge range and an unaligned range hash like MTH")
    func anyRangeHashes() async throws {
        let leaves = Self.leafHashes(40)
        let nodes = MemoryMerkleNodes(leafHashes: leaves)
        for range in [0..<40, 32..<37, 16..<40, 3..<7, 5..<6, 1..<33, 12..<28] {
            #expect(try await MerkleTree.hash(leaves: range, in: nodes) == Naive.root(Array(leaves[range])))
        }
    }

    // MARK: Errors and edge cases

    @Test("impossible requests throw MerkleError")
    func errors() async throws {
        let nodes = MemoryMerkleNodes(leafHashes: Self.leafHashes(10))
        await #expect(throws: MerkleError.indexOutOfRange(index: 10, size: 10)) {
            try await MerkleTree.inclusionProof(index: 10, size: 10, in: nodes)
        }
        await #expect(throws: MerkleError.indexOutOfRange(index: -1, size: 10)) {
            try await MerkleTree.inclusionProof(index: -1, size: 10, in: nodes)
        }
        await #expect(throws: MerkleError.indexOutOfRange(index: 0, size: 0)) {
            try await MerkleTree.inclusionProof(index: 0, size: 0, in: nodes)
        }
        await #expect(throws: MerkleError.invalidSize(-1)) {
            try await MerkleTree.root(size: -1, in: nodes)
        }
        await #expect(throws: MerkleError.sizesOutOfOrder(from: 7, to: 6)) {
            try await MerkleTree.consistencyProof(from: 7, to: 6, in: nodes)
        }
        await #expect(throws: MerkleError.invalidSize(-2)) {
            try await MerkleTree.consistencyProof(from: -2, to: 6, in: nodes)
        }
        // Asking beyond the log reaches a subtree the source does not have.
        await #expect(throws: MerkleError.self) {
            try await MerkleTree.root(size: 11, in: nodes)
        }
        await #expect(throws: MerkleError.self) {
            try await MerkleTree.inclusionProof(index: 3, size: 12, in: nodes)
        }
        await #expect(throws: MerkleError.self) {
            try await MerkleTree.consistencyProof(from: 3, to: 16, in: nodes)
        }
    }

    @Test("verifiers refuse out-of-range sizes, malformed hashes and the trivial cases done wrong")
    func verifierEdges() {
        let leaves = Self.leafHashes(4)
        let root = Naive.root(leaves)
        let one = leaves[0]
        // A one-leaf tree: its root is the leaf hash and the path is empty.
        #expect(MerkleTree.verifyInclusion(leafHash: one, index: 0, size: 1, proof: [], root: one))
        #expect(!MerkleTree.verifyInclusion(leafHash: one, index: 0, size: 0, proof: [], root: one))
        #expect(!MerkleTree.verifyInclusion(leafHash: one, index: 1, size: 1, proof: [], root: one))
        #expect(!MerkleTree.verifyInclusion(leafHash: one, index: -1, size: 1, proof: [], root: one))
        #expect(!MerkleTree.verifyInclusion(leafHash: [], index: 0, size: 1, proof: [], root: []))
        #expect(!MerkleTree.verifyInclusion(leafHash: one, index: 0, size: 1, proof: [[]], root: one))
        let path = Naive.path(1, leaves[0..<4])
        #expect(MerkleTree.verifyInclusion(leafHash: leaves[1], index: 1, size: 4, proof: path, root: root))
        #expect(!MerkleTree.verifyInclusion(leafHash: leaves[1], index: 1, size: 4, proof: path + [[]], root: root))

        // Equal sizes: equal roots, nothing to prove.
        #expect(MerkleTree.verifyConsistency(oldSize: 4, newSize: 4, oldRoot: root, newRoot: root, proof: []))
        #expect(!MerkleTree.verifyConsistency(oldSize: 4, newSize: 4, oldRoot: root, newRoot: one, proof: []))
        #expect(!MerkleTree.verifyConsistency(oldSize: 4, newSize: 4, oldRoot: root, newRoot: root, proof: [root]))
        // From the empty log: only its own root, and no proof.
        let empty = MerkleHash.emptyRoot
        #expect(MerkleTree.verifyConsistency(oldSize: 0, newSize: 4, oldRoot: empty, newRoot: root, proof: []))
        #expect(MerkleTree.verifyConsistency(oldSize: 0, newSize: 0, oldRoot: empty, newRoot: empty, proof: []))
        #expect(!MerkleTree.verifyConsistency(oldSize: 0, newSize: 4, oldRoot: one, newRoot: root, proof: []))
        #expect(!MerkleTree.verifyConsistency(oldSize: 0, newSize: 4, oldRoot: empty, newRoot: root, proof: [empty]))
        // Backwards and negative.
        #expect(!MerkleTree.verifyConsistency(oldSize: 4, newSize: 1, oldRoot: root, newRoot: one, proof: []))
        #expect(!MerkleTree.verifyConsistency(oldSize: -1, newSize: 4, oldRoot: empty, newRoot: root, proof: []))
        // Growth needs a proof.
        #expect(!MerkleTree.verifyConsistency(oldSize: 1, newSize: 4, oldRoot: one, newRoot: root, proof: []))
    }

    // MARK: Incremental store

    @Test("a store appending one leaf at a time keeps exactly the perfect subtrees")
    func incrementalStore() async throws {
        let leaves = Self.leafHashes(300)
        // A stand-in for a database table keyed by (level, index), written one append at a time.
        var table: [MerkleNodeAddress: [UInt8]] = [:]
        var memory = MemoryMerkleNodes()
        for (index, leaf) in leaves.enumerated() {
            let siblings = MerkleSubtrees.siblings(appendingLeafAt: index)
            #expect(siblings.count == (~index).trailingZeroBitCount)
            let fetched = siblings.map { table[$0]! }
            let completed = MerkleSubtrees.completedNodes(appendingLeafAt: index, leafHash: leaf, siblings: fetched)
            let viaLookup = MerkleSubtrees.completedNodes(appendingLeafAt: index, leafHash: leaf) { level, index in
                table[MerkleNodeAddress(level: level, index: index)]!
            }
            #expect(completed == viaLookup)
            #expect(completed.count == siblings.count + 1)
            for node in completed {
                // A perfect subtree's hash never changes: each row is inserted once.
                #expect(table.updateValue(node.hash, forKey: node.address) == nil)
                let first = node.index << node.level
                #expect(first + (1 << node.level) == index + 1, "the node ends at the new leaf")
                #expect(node.hash == Naive.root(Array(leaves[first...index])))
            }
            memory.append(leafHash: leaf)
            let size = index + 1
            #expect(table.count == MerkleSubtrees.nodeCount(size: size))
            // The root of a signed tree head, from the stored nodes within the same transaction.
            let rootHashes = MerkleSubtrees.rootNodes(size: size).map { table[$0]! }
            let root = MerkleSubtrees.root(combining: rootHashes)
            #expect(root == Naive.root(Array(leaves[0..<size])), "size \(size)")
            #expect(try await MerkleTree.root(size: size, in: memory) == root)
        }
        for (address, hash) in table {
            #expect(try await memory.perfectSubtreeHash(level: address.level, index: address.index) == hash)
        }
        #expect(MerkleSubtrees.rootNodes(size: 0).isEmpty)
        #expect(MerkleSubtrees.root(combining: []) == MerkleHash.emptyRoot)
        #expect(
            MerkleSubtrees.rootNodes(size: 13) == [
                MerkleNodeAddress(level: 3, index: 0), MerkleNodeAddress(level: 2, index: 2),
                MerkleNodeAddress(level: 0, index: 12),
            ])
    }

    /// Counts the source's lookups, to hold proofs to O(log n).
    struct CountingNodes: MerkleNodeSource {
        let nodes: MemoryMerkleNodes
        let counter = Counter()

        final class Counter: @unchecked Sendable {
            private let lock = NSLock()
            private var value = 0
            func increment() { lock.withLock { value += 1 } }
            var count: Int { lock.withLock { value } }
        }

        func perfectSubtreeHash(level: Int, index: Int) async throws -> [UInt8] {
            counter.increment()
            return try await nodes.perfectSubtreeHash(level: level, index: index)
        }
    }

    @Test("proofs over a big log need O(log n) lookups")
    func logarithmicLookups() async throws {
        let size = 5_000
        let source = CountingNodes(nodes: MemoryMerkleNodes(leafHashes: Self.leafHashes(size)))
        let levels = Int.bitWidth - size.leadingZeroBitCount
        var random = TestRandom(seed: 7)
        for _ in 0..<50 {
            let newSize = Int.random(in: 1...size, using: &random)
            let index = Int.random(in: 0..<newSize, using: &random)
            let oldSize = Int.random(in: 0...newSize, using: &random)
            let before = source.counter.count
            _ = try await MerkleTree.inclusionProof(index: index, size: newSize, in: source)
            _ = try await MerkleTree.consistencyProof(from: oldSize, to: newSize, in: source)
            _ = try await MerkleTree.root(size: newSize, in: source)
            #expect(source.counter.count - before <= 6 * levels, "sizes \(oldSize), \(newSize), index \(index)")
        }
    }

    // MARK: Independent verifier

    @Test("scripts/merkle-verify.py accepts 400 proofs of a 300-leaf log and refuses a tampered one")
    func pythonVerifier() async throws {
        let leaves = Self.leafHashes(300)
        let nodes = MemoryMerkleNodes(leafHashes: leaves)
        var random = TestRandom(seed: 6962)
        var document = VerifierInput(inclusion: [], consistency: [])
        for _ in 0..<200 {
            let size = Int.random(in: 1...300, using: &random)
            let index = Int.random(in: 0..<size, using: &random)
            document.inclusion.append(
                .init(
                    leafHash: Hex.encode(leaves[index]), index: index, size: size,
                    proof: try await MerkleTree.inclusionProof(index: index, size: size, in: nodes).map {
                        Hex.encode($0)
                    },
                    root: Hex.encode(try await MerkleTree.root(size: size, in: nodes))))
        }
        // The random pairs, plus the edges: from the empty log, to the same size, and to the full log.
        var pairs = [(0, 300), (300, 300), (1, 300), (256, 300), (299, 300), (17, 17)]
        for _ in 0..<194 {
            let new = Int.random(in: 1...300, using: &random)
            pairs.append((Int.random(in: 0...new, using: &random), new))
        }
        for (old, new) in pairs {
            document.consistency.append(
                .init(
                    oldSize: old, newSize: new, oldRoot: Hex.encode(try await MerkleTree.root(size: old, in: nodes)),
                    newRoot: Hex.encode(try await MerkleTree.root(size: new, in: nodes)),
                    proof: try await MerkleTree.consistencyProof(from: old, to: new, in: nodes).map { Hex.encode($0) }))
        }

        let good = try Self.runVerifier(document)
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        #expect(good.stdout == "400 passed, 0 failed\n", "\(good.stderr)")

        // One flipped bit in one proof hash.
        var tampered = document
        let victim = tampered.inclusion.firstIndex { !$0.proof.isEmpty }!
        var hash = bytes(tampered.inclusion[victim].proof[0])
        hash[0] ^= 0x01
        tampered.inclusion[victim].proof[0] = Hex.encode(hash)
        let bad = try Self.runVerifier(tampered)
        #expect(bad.status != 0)
        #expect(bad.stdout == "399 passed, 1 failed\n", "\(bad.stderr)")
    }

    struct VerifierInput: Encodable {
        struct Inclusion: Encodable {
            var leafHash: String
            var index: Int
            var size: Int
            var proof: [String]
            var root: String
        }
        struct Consistency: Encodable {
            var oldSize: Int
            var newSize: Int
            var oldRoot: String
            var newRoot: String
            var proof: [String]
        }
        var inclusion: [Inclusion]
        var consistency: [Consistency]
    }

    /// Runs `python3 scripts/merkle-verify.py` from the repository root with `input` as JSON on stdin.
    static func runVerifier(_ input: VerifierInput) throws -> (status: Int32, stdout: String, stderr: String) {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let folder = try Shell.temporaryFolder("onegate-merkle")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputFile = folder.appendingPathComponent("proofs.json")
        try encoder.encode(input).write(to: inputFile)

        // This file is Tests/OneGateSigningTests/MerkleTreeTests.swift.
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/merkle-verify.py"]
        process.currentDirectoryURL = repository
        // Stdin from a file: the input is larger than a pipe's buffer, and a file needs no writer thread.
        let stdin = try FileHandle(forReadingFrom: inputFile)
        defer { try? stdin.close() }
        process.standardInput = stdin
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // The script bounds its stderr, so reading stdout to the end first cannot block it.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self)
        )
    }

    // MARK: Helpers

    /// Leaf hashes of `count` distinct entries.
    static func leafHashes(_ count: Int) -> [[UInt8]] {
        (0..<count).map { MerkleHash.leaf(Array("entry \($0)".utf8)) }
    }

    struct InclusionProbe {
        var name: String
        var leaf: [UInt8]
        var index: Int
        var size: Int
        var proof: [[UInt8]]
        var root: [UInt8]
    }

    /// Wrong claims around a valid inclusion proof, after the corruptions of transparency-dev/merkle's tests.
    static func tamperedInclusions(
        leaf: [UInt8], index: Int, size: Int, _ proof: [[UInt8]], _ root: [UInt8]
    )
        -> [InclusionProbe]
    {
        let other = MerkleHash.leaf(Array("not in the log".utf8))
        var probes = [
            InclusionProbe(name: "index - 1", leaf: leaf, index: index - 1, size: size, proof: proof, root: root),
            InclusionProbe(name: "index + 1", leaf: leaf, index: index + 1, size: size, proof: proof, root: root),
            InclusionProbe(name: "index ^ 2", leaf: leaf, index: index ^ 2, size: size, proof: proof, root: root),
            InclusionProbe(name: "size * 2", leaf: leaf, index: index, size: size * 2, proof: proof, root: root),
            InclusionProbe(name: "size / 2", leaf: leaf, index: index, size: size / 2, proof: proof, root: root),
            InclusionProbe(name: "other leaf", leaf: other, index: index, size: size, proof: proof, root: root),
            InclusionProbe(
                name: "empty root", leaf: leaf, index: index, size: size, proof: proof, root: MerkleHash.emptyRoot),
            InclusionProbe(name: "other root", leaf: leaf, index: index, size: size, proof: proof, root: other),
            InclusionProbe(
                name: "trailing root", leaf: leaf, index: index, size: size, proof: proof + [root], root: root),
            InclusionProbe(
                name: "leading root", leaf: leaf, index: index, size: size, proof: [root] + proof, root: root),
            InclusionProbe(
                name: "trailing empty", leaf: leaf, index: index, size: size, proof: proof + [[]], root: root),
        ]
        for position in proof.indices {
            var flipped = proof
            flipped[position][0] ^= 0x08
            probes.append(
                InclusionProbe(
                    name: "bit flipped in proof[\(position)]", leaf: leaf, index: index, size: size, proof: flipped,
                    root: root))
        }
        if !proof.isEmpty {
            probes.append(
                InclusionProbe(
                    name: "truncated", leaf: leaf, index: index, size: size, proof: proof.dropLast(), root: root))
        }
        if proof.count > 1 {
            var swapped = proof
            swapped.swapAt(0, 1)
            probes.append(
                InclusionProbe(name: "swapped", leaf: leaf, index: index, size: size, proof: swapped, root: root))
        }
        return probes
    }

    struct ConsistencyProbe {
        var name: String
        var old: Int
        var new: Int
        var oldRoot: [UInt8]
        var newRoot: [UInt8]
        var proof: [[UInt8]]
    }

    /// Wrong claims around a valid consistency proof, after the corruptions of transparency-dev/merkle's tests.
    static func tamperedConsistencies(
        old: Int, new: Int, _ oldRoot: [UInt8], _ newRoot: [UInt8], _ proof: [[UInt8]]
    )
        -> [ConsistencyProbe]
    {
        let other = MerkleHash.leaf(Array("not a root".utf8))
        var probes = [
            ConsistencyProbe(
                name: "other old root", old: old, new: new, oldRoot: other, newRoot: newRoot, proof: proof),
            ConsistencyProbe(
                name: "trailing empty", old: old, new: new, oldRoot: oldRoot, newRoot: newRoot, proof: proof + [[]]),
            ConsistencyProbe(
                name: "trailing old root", old: old, new: new, oldRoot: oldRoot, newRoot: newRoot,
                proof: proof + [oldRoot]),
            ConsistencyProbe(
                name: "leading new root", old: old, new: new, oldRoot: oldRoot, newRoot: newRoot,
                proof: [newRoot] + proof),
        ]
        // Every log extends the empty one whatever its root, so a new root can only be wrong beside an old tree.
        if old > 0 || new == 0 {
            probes.append(
                ConsistencyProbe(
                    name: "other new root", old: old, new: new, oldRoot: oldRoot, newRoot: other, proof: proof))
        }
        // The trivial proofs are empty: nothing more to corrupt, and sizes are only meaningful with a proof.
        guard !proof.isEmpty else { return probes }
        probes += [
            ConsistencyProbe(name: "old - 1", old: old - 1, new: new, oldRoot: oldRoot, newRoot: newRoot, proof: proof),
            ConsistencyProbe(name: "old + 1", old: old + 1, new: new, oldRoot: oldRoot, newRoot: newRoot, proof: proof),
            ConsistencyProbe(name: "old ^ 2", old: old ^ 2, new: new, oldRoot: oldRoot, newRoot: newRoot, proof: proof),
            ConsistencyProbe(name: "new * 2", old: old, new: new * 2, oldRoot: oldRoot, newRoot: newRoot, proof: proof),
            ConsistencyProbe(name: "new / 2", old: old, new: new / 2, oldRoot: oldRoot, newRoot: newRoot, proof: proof),
            ConsistencyProbe(
                name: "swapped roots", old: old, new: new, oldRoot: newRoot, newRoot: oldRoot, proof: proof),
            ConsistencyProbe(name: "empty proof", old: old, new: new, oldRoot: oldRoot, newRoot: newRoot, proof: []),
            ConsistencyProbe(
                name: "truncated", old: old, new: new, oldRoot: oldRoot, newRoot: newRoot, proof: proof.dropLast()),
            ConsistencyProbe(
                name: "leading proof[0]", old: old, new: new, oldRoot: oldRoot, newRoot: newRoot,
                proof: [proof[0]] + proof),
        ]
        for position in proof.indices {
            var flipped = proof
            flipped[position][0] ^= 0x10
            probes.append(
                ConsistencyProbe(
                    name: "bit flipped in proof[\(position)]", old: old, new: new, oldRoot: oldRoot,
                    newRoot: newRoot, proof: flipped))
        }
        return probes
    }
}

/// RFC 6962 §2.1 written as literally as possible over the whole list of leaf hashes: the reference the
/// perfect-subtree computations must match.
private enum Naive {
    static func split(_ count: Int) -> Int {
        var k = 1
        while k * 2 < count { k *= 2 }
        return k
    }

    /// MTH(D[n]) of leaves already hashed.
    static func root(_ leaves: [[UInt8]]) -> [UInt8] {
        mth(leaves[...])
    }

    static func mth(_ leaves: ArraySlice<[UInt8]>) -> [UInt8] {
        switch leaves.count {
        case 0: return MerkleHash.emptyRoot
        case 1: return leaves.first!
        default:
            let k = leaves.startIndex + split(leaves.count)
            return MerkleHash.node(mth(leaves[..<k]), mth(leaves[k...]))
        }
    }

    /// PATH(m, D[n]).
    static func path(_ m: Int, _ leaves: ArraySlice<[UInt8]>) -> [[UInt8]] {
        guard leaves.count > 1 else { return [] }
        let k = split(leaves.count)
        let middle = leaves.startIndex + k
        if m < k {
            return path(m, leaves[..<middle]) + [mth(leaves[middle...])]
        }
        return path(m - k, leaves[middle...]) + [mth(leaves[..<middle])]
    }

    /// PROOF(m, D[n]); empty for m = 0 as for m = n.
    static func proof(_ m: Int, _ leaves: ArraySlice<[UInt8]>) -> [[UInt8]] {
        m == 0 ? [] : subproof(m, leaves, true)
    }

    static func subproof(_ m: Int, _ leaves: ArraySlice<[UInt8]>, _ complete: Bool) -> [[UInt8]] {
        let n = leaves.count
        if m == n { return complete ? [] : [mth(leaves)] }
        let k = split(n)
        let middle = leaves.startIndex + k
        if m <= k {
            return subproof(m, leaves[..<middle], complete) + [mth(leaves[middle...])]
        }
        return subproof(m - k, leaves[middle...], false) + [mth(leaves[..<middle])]
    }
}

/// SplitMix64: seeded, so a failing random case can be replayed.
private struct TestRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Bytes of a hex string (test data only: traps on malformed input).
private func bytes(_ hex: String) -> [UInt8] {
    let digits = Array(hex.utf8)
    return stride(from: 0, to: digits.count, by: 2).map {
        UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)!
    }
}
