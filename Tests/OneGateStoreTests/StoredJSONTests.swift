import Foundation
import GRDB
import OneGateCore
import OneGateTestSupport
import Testing

@testable import OneGateSQLite

/// The packed form of dossier bodies and event bytes (`StoredJSON`): lossless, smaller, readable
/// forever (the dictionaries are pinned by values packed elsewhere), and rows written before it
/// still read.
struct StoredJSONTests {
    static let approveEvent =
        #"{"actor":{"id":"officer-lanhdao.snnmt","role":"leader","unit":"000.00.14.H40"},"at":"2024-12-30T07:04:11.302Z","#
        + #""data":{"comment":"Đồng ý.","outcome":"granted"},"dossier":"000.00.01.H40-241227-0001","#
        + #""prev":"33273da830c9198f37c58ef8288e4f310b6c0dc6ab4573253204e0e55abb496e","seq":6,"type":"approve"}"#

    @Test
    func packedValuesComeBackByteForByte() throws {
        let event = Array(Self.approveEvent.utf8)
        let packed = StoredJSON.pack(event, as: .event)
        #expect(packed.first == 0x01)
        #expect(packed.count < event.count / 2)
        #expect(try StoredJSON.bytes(packed.databaseValue) == event)

        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 300, 5_000, 70_000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            for format in [StoredJSON.Format.event, .dossier] {
                #expect(try StoredJSON.bytes(StoredJSON.pack(bytes, as: format).databaseValue) == bytes)
            }
        }
    }

    /// Values packed by Python's zlib (level 9, 32 KB window) against the same dictionaries: a
    /// change to a dictionary, or a reader that depends on how this writer deflates, fails here.
    @Test
    func dictionariesArePinnedByValuesPackedElsewhere() throws {
        let event = try #require(
            Data(
                hex:
                    "01ad97cb0d80300c432702a571d2a6e3f493ee3f02f480848a101746b09f6cd95ff95ed8bf1cfb2777393fc1069a3ae790"
                    + "083b887f8af70db304e6552bc009bd18a8e5906d2035351fc6662e03816a6cd45b2c553481154ce2e4aaa556c9d12f"
                    + "afe2b31e0e"))
        #expect(String(decoding: try StoredJSON.bytes(event.databaseValue), as: UTF8.self) == Self.approveEvent)
        let dossier = try #require(
            Data(hex: "02c3ddaa0036bc8059c3d2c0c2c81c549f1118f6062143584b013a0c608cbfc88c457288592d00"))
        #expect(
            String(decoding: try StoredJSON.bytes(dossier.databaseValue), as: UTF8.self)
                == #"{"applicantID":"applicant-022186908273","channel":"counter","code":"000.00.01.H40-250602-0003","#
                + #""state":"returned","steps":[],"version":6}"#)
    }

    @Test
    func plainValuesReadAsTheyAre() throws {
        let text = #"{"a":"Đồng ý"}"#
        #expect(try StoredJSON.bytes(text.databaseValue) == Array(text.utf8))
        #expect(try StoredJSON.bytes(Data(text.utf8).databaseValue) == Array(text.utf8))
        #expect(try StoredJSON.plain(Data(text.utf8).databaseValue) == Data(text.utf8).databaseValue)
    }

    @Test
    func damagedValuesAreAStableError() throws {
        let packed = StoredJSON.pack(Array(Self.approveEvent.utf8), as: .event)
        for damaged in [packed.prefix(packed.count / 2), packed.prefix(1), packed + Data([0x00, 0x01])] {
            #expect {
                try StoredJSON.bytes(Data(damaged).databaseValue)
            } throws: { error in
                (error as? OneGateError)?.code == "stored_value_corrupt"
            }
        }
    }

    /// New rows are packed on disk; rows written before packing (plain text bodies, plain event
    /// bytes) are read by the same store and verify.
    @Test
    func rowsWrittenBeforePackingStillRead() async throws {
        let instance = try await TestInstance.make()
        defer { instance.remove() }
        let id = try await issueBirthRegistration(service: instance.service, clock: instance.clock, number: "7/KS") {
            try await instance.upload(by: $0)
        }.id
        let store = instance.store
        let before = try #require(try await store.dossier(id: id, tenant: Fixtures.tenant))
        let events = try await store.events(dossierID: id, tenant: Fixtures.tenant)
        #expect(events.count > 3)

        let kinds = try await store.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT typeof(body) AS kind, hex(substr(body, 1, 1)) AS first FROM dossiers WHERE id = ?
                    UNION ALL SELECT typeof(canonical), hex(substr(canonical, 1, 1)) FROM events WHERE dossier_id = ?
                    """,
                arguments: [id, id]
            ).map { "\($0["kind"] as String):\($0["first"] as String)" }
        }
        #expect(kinds.first == "blob:02")
        #expect(Set(kinds.dropFirst()) == ["blob:01"])

        // Rewrite the rows as an older version stored them, then read through a fresh store.
        let plainBody = String(
            decoding: try StoredJSON.bytes(
                try await store.read { db in
                    try DatabaseValue.fetchOne(db, sql: "SELECT body FROM dossiers WHERE id = ?", arguments: [id])
                        ?? .null
                }), as: UTF8.self)
        try await store.write { db in
            try db.execute(sql: "UPDATE dossiers SET body = ? WHERE id = ?", arguments: [plainBody, id])
            for event in events {
                try db.execute(
                    sql: "UPDATE events SET canonical = ? WHERE dossier_id = ? AND seq = ?",
                    arguments: [Data(event.canonical), id, event.seq])
            }
        }
        let reopened = try SQLiteStore(path: instance.folder.appendingPathComponent("onegate.sqlite").path)
        #expect(try await reopened.dossier(id: id, tenant: Fixtures.tenant) == before)
        #expect(try await reopened.events(dossierID: id, tenant: Fixtures.tenant) == events)
    }
}

extension Data {
    fileprivate init?(hex: String) {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.init(bytes)
    }
}
