import Foundation
import GRDB
import OneGateCore
import OneGateDocuments
import OneGateRuntime
import OneGateSigning
import OneGateTestSupport
import Testing

/// Results as signed documents through the real service and store (every backend): the leader's
/// signature at approval, the seal and number at issue, the result row and its transparency log
/// entry in the issue's transaction, verification, revocation; proofs checked by an independent
/// implementation, and a tampered log detected.
struct ResultIssueTests {
    /// Walks one online dossier of `an` to `processed` with result number `number`.
    static func issue(_ test: StoreHarness, number: String) async throws -> Dossier {
        try await issueBirthRegistration(service: test.service, clock: test.clock, number: number) {
            try await test.upload(by: $0)
        }
    }

    static func verifier(_ test: StoreHarness) -> (ResultVerifier, TransparencyLog) {
        let log = TransparencyLog(
            store: test.store, signer: test.signer, tenant: Fixtures.tenant, instanceName: "Tỉnh Mẫu (test)")
        return (ResultVerifier(store: test.store, signer: test.signer, log: log, tenant: Fixtures.tenant), log)
    }

    @Test(arguments: StoreBackend.available)
    func issuedResultIsSignedTwiceLoggedAndVerifiable(_ backend: StoreBackend) async throws {
        try await withStore(backend) { test in
            let dossier = try await Self.issue(test, number: "15/KS")
            #expect(dossier.state == .processed)
            let result = try #require(try await test.store.result(dossierID: dossier.id, tenant: Fixtures.tenant))
            #expect(result.number == "15/KS" && result.status == .valid && !result.digitised && result.logIndex == 0)
            let final = try #require(try await test.store.document(sha256: result.document, tenant: Fixtures.tenant))
            let leader = try #require(
                try await test.store.document(sha256: result.leaderDocument, tenant: Fixtures.tenant))
            #expect(Array(final.bytes.prefix(leader.bytes.count)) == leader.bytes, "the seal is an incremental update")
            #expect(PDFSignatureScanner.signatures(in: final.bytes).count == 2)
            // The signed events fix both revisions by hash.
            let events = try await test.store.events(dossierID: dossier.id, tenant: Fixtures.tenant)
            func data(_ type: String) -> JSONValue? {
                let event = events.last { $0.type == type }
                return event.flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.canonical)) }?["data"]
            }
            #expect(data("approve")?["resultDocument"] == .string(result.leaderDocument))
            #expect(data("issue")?["resultDocument"] == .string(result.document))
            // The hashes are recorded beside the transition: the history still replays to the row.
            let store = try #require(test.store as? any OneGateStore & StoreExport)
            let rebuild = try await CounterRebuild(store: store, service: test.service).run()
            #expect(rebuild.isClean && rebuild.dossiers == 1, "\(rebuild.rowProblems)")

            let (verifier, log) = Self.verifier(test)
            let byCode = try await verifier.verify(code: dossier.publicIdentifier, number: "15/KS", now: test.clock.now)
            #expect(byCode.verdict == .authentic && byCode.includedInLog == true, "\(byCode.reasons)")
            #expect(byCode.signatures.map(\.kind) == [.personal, .seal] && byCode.signatures.allSatisfy(\.valid))
            let upload = try await verifier.verify(pdf: final.bytes, now: test.clock.now)
            #expect(upload.verdict == .authentic && upload.result?.dossierID == dossier.id)
            var tampered = final.bytes
            tampered[tampered.count / 3] ^= 0x01
            let bad = try await verifier.verify(pdf: tampered, now: test.clock.now)
            #expect(bad.verdict == .notAuthentic && bad.reasons.contains("modified_after_signing"))
            let leaderOnly = try await verifier.verify(pdf: leader.bytes, now: test.clock.now)
            #expect(leaderOnly.verdict == .notAuthentic && leaderOnly.reasons.contains("not_issued_here"))
            let unknown = try await verifier.verify(
                code: dossier.publicIdentifier, number: "16/KS", now: test.clock.now)
            #expect(unknown.verdict == .notFound)

            // Revocation: the row says so, the log grows, verification says revoked.
            var revoked = result
            revoked.status = .revoked
            revoked.revokedAt = test.clock.now
            revoked.revocationReason = "Cấp sai thông tin"
            let entry = TransparencyEntries.revoked(
                revoked, instance: "Tỉnh Mẫu (test)", by: "officer-leader.a", at: test.clock.now)
            let index = try await test.store.revokeResult(
                revoked, entry: TransparencyEntry(entry: entry, leafHash: MerkleHash.leaf(entry), at: test.clock.now))
            let size = try await test.store.transparencySize(tenant: Fixtures.tenant)
            #expect(index == 1 && size == 2)
            let after = try await verifier.verify(code: dossier.publicIdentifier, number: "15/KS", now: test.clock.now)
            #expect(after.standing == .revoked && after.result?.revocationLogIndex == 1)
            let head = try await log.currentHead()
            #expect(head.size == 2)
        }
    }

    @Test func proofsCheckIndependentlyAndATamperedLogIsDetected() async throws {
        try await withStore(.sqlite) { test in
            let (verifier, log) = Self.verifier(test)
            var dossiers: [Dossier] = []
            var heads: [TreeHead] = []
            for number in 1...5 {
                dossiers.append(try await Self.issue(test, number: "\(number)/KS"))
                heads.append(try await log.currentHead())
            }
            #expect(heads.map(\.size) == [1, 2, 3, 4, 5])
            var inclusion: [JSONValue] = []
            var consistency: [JSONValue] = []
            let last = heads.last!
            for index in 0..<5 {
                let leaf = try #require(try await log.leafHash(index))
                let proof = try await log.inclusionProof(index: index, size: last.size)
                inclusion.append(
                    .object([
                        "leaf_hash": .string(Hex.encode(leaf)), "index": .int(Int64(index)),
                        "size": .int(Int64(last.size)),
                        "proof": .array(proof.map { .string(Hex.encode($0)) }), "root": .string(last.root),
                    ]))
            }
            for old in heads.dropLast() {
                let proof = try await log.consistencyProof(from: old.size, to: last.size)
                consistency.append(
                    .object([
                        "old_size": .int(Int64(old.size)), "new_size": .int(Int64(last.size)),
                        "old_root": .string(old.root),
                        "new_root": .string(last.root), "proof": .array(proof.map { .string(Hex.encode($0)) }),
                    ]))
            }
            let document = JSONValue.object(["inclusion": .array(inclusion), "consistency": .array(consistency)])
            let good = try Self.python(document)
            #expect(good.status == 0 && good.output.contains("9 passed, 0 failed"), "\(good.output)")

            // Someone edits the stored log: entry 2 now claims another document.
            let queue = try DatabaseQueue(path: try #require(test.sqlitePath))
            try await queue.write { db in
                try db.execute(
                    sql: "UPDATE transparency_log SET entry = replace(entry, 'granted', 'GRANTED') WHERE idx = 2")
                try db.execute(sql: "UPDATE transparency_log SET leaf_hash = zeroblob(32) WHERE idx = 3")
            }
            let tamperedEntry = try await verifier.verify(
                code: dossiers[2].publicIdentifier, number: "3/KS", now: test.clock.now)
            #expect(tamperedEntry.verdict == .notAuthentic && tamperedEntry.includedInLog == false)
            // A fresh reader of the edited log (an auditor, another server) gets another root than
            // the one the instance signed, so the signed head and the log disagree.
            let fresh = TransparencyLog(
                store: test.store, signer: test.signer, tenant: Fixtures.tenant, instanceName: "x")
            let freshRoot = try await fresh.root(size: 5)
            #expect(Hex.encode(freshRoot) != last.root)
            let proof = try await fresh.consistencyProof(from: heads[1].size, to: 5)
            #expect(
                !MerkleTree.verifyConsistency(
                    oldSize: heads[1].size, newSize: 5, oldRoot: Hex.decode(heads[1].root),
                    newRoot: Hex.decode(last.root), proof: proof))
        }
    }

    static func python(_ document: JSONValue) throws -> (status: Int32, output: String) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/merkle-verify.py").path]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(CanonicalJSON.encode(document)))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
