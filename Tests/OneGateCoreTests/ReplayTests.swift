import Foundation
import OneGateTestSupport
import Testing

@testable import OneGateCore

/// Rebuilding a dossier row from its events: a long journey touching every action, what the seed must
/// supply, and the checks that catch a row or an event that does not follow.
struct ReplayTests {
    static let component = DossierComponent(
        requirement: "parent_id", document: String(repeating: "c", count: 64),
        digitised: true, reused: true)

    /// An online birth registration through every kind of action, with form data changed by a supplement.
    static func journey() throws -> DossierRecorder {
        var recorder = DossierRecorder(Fixtures.birthRegistration)
        let item = SupplementItem(requirement: "parent_id", description: "Giấy tờ của cha mẹ")
        try recorder.open(KPI.fresh(Fixtures.birthRegistration, channel: .online, at: KPI.local("2026-03-02 08:00")))
        try recorder.apply(
            .requestSupplement(items: [item], reason: "Thiếu giấy tờ"), at: KPI.local("2026-03-02 09:00"))
        try recorder.apply(.supplement(components: [component], data: ["copies": 2]), at: KPI.local("2026-03-02 10:00"))
        try recorder.apply(.accept, at: KPI.local("2026-03-02 11:00"))
        try recorder.apply(.assign(officerID: "officer-specialist.a"), at: KPI.local("2026-03-02 13:00"))
        try recorder.apply(.appraise(note: "Đang xác minh"), at: KPI.local("2026-03-02 14:00"))
        try recorder.apply(
            .sendToOtherAgency(unit: Fixtures.police, note: "Xác minh cư trú"),
            at: KPI.local("2026-03-02 15:00"))
        try recorder.apply(.requestSupplement(items: [item], reason: "Bản sao mờ"), at: KPI.local("2026-03-03 09:00"))
        try recorder.apply(
            .supplement(components: [component], data: ["copies": 3, "child_name": "Nguyễn Thị Hoa"]),
            at: KPI.local("2026-03-04 15:00"))
        try recorder.apply(.returnFromOtherAgency(note: "Đã xác minh"), at: KPI.local("2026-03-05 09:00"))
        try recorder.apply(.assessFee(amount: 8_000, reference: "PHI-9"), at: KPI.local("2026-03-05 10:00"))
        try recorder.apply(.pay(method: .online, reference: "TT-9"), at: KPI.local("2026-03-05 11:00"))
        try recorder.apply(
            .extend(newDue: KPI.local("2026-03-12 17:00"), reason: "Chờ xác minh"),
            at: KPI.local("2026-03-05 14:00"))
        try recorder.apply(
            .submitForApproval(outcome: .granted, summary: "Đề nghị cấp"), at: KPI.local("2026-03-06 09:00"))
        try recorder.apply(.returnForRework(comment: "Sửa tên"), at: KPI.local("2026-03-06 10:00"))
        try recorder.apply(.submitForApproval(outcome: .granted, summary: "Đã sửa"), at: KPI.local("2026-03-09 09:00"))
        try recorder.apply(.approve(comment: ""), at: KPI.local("2026-03-09 10:00"))
        try recorder.apply(.issue(resultNumber: "15/KS"), at: KPI.local("2026-03-09 11:00"))
        try recorder.apply(.deliver(channel: .electronic), at: KPI.local("2026-03-09 14:00"))
        return recorder
    }

    static func rebuild(_ recorder: DossierRecorder, seed: DossierReplay.Seed? = nil) throws -> Dossier {
        try DossierReplay.rebuild(
            events: recorder.envelopes, procedure: recorder.procedure, calendar: KPI.calendar,
            seed: seed ?? DossierReplay.Seed(row: try recorder.row), digest: KPI.digest)
    }

    @Test func aLongJourneyRebuildsExactly() throws {
        let recorder = try Self.journey()
        let live = try recorder.row
        #expect(live.state == .returned && live.supplementRequests == 1 && live.extended && live.version == 19)
        let rebuilt = try Self.rebuild(recorder)
        #expect(ReplayComparison.differences(live, rebuilt) == [])
        #expect(rebuilt == live)
        #expect(
            CounterProjection.totals(of: [rebuilt], procedure: { _ in recorder.procedure }, calendar: KPI.calendar)
                == netCounters(recorder.deltas))
    }

    @Test func everyPrefixOfTheHistoryRebuildsTheRowAsItWasThen() throws {
        var recorder = DossierRecorder(Fixtures.criminalRecord)
        try recorder.open(KPI.fresh(Fixtures.criminalRecord, unit: Fixtures.justice, at: KPI.local("2026-03-02 08:00")))
        var rows = [try recorder.row]
        let steps: [(DossierAction, String)] = [
            (.assign(officerID: "officer-specialist.justice"), "2026-03-02 09:00"),
            (.assessFee(amount: 200_000, reference: "PHI-1"), "2026-03-02 10:00"),
            (.pay(method: .counter, reference: "BL-1"), "2026-03-03 10:00"),
            (.stop(legalReason: "Điều 10"), "2026-03-04 10:00"),
        ]
        for (action, at) in steps {
            try recorder.apply(action, at: KPI.local(at))
            rows.append(try recorder.row)
        }
        for (count, row) in rows.enumerated() {
            // The form data is the row's own, which this history never changes.
            let rebuilt = try DossierReplay.rebuild(
                events: Array(recorder.envelopes.prefix(count + 1)),
                procedure: Fixtures.criminalRecord, calendar: KPI.calendar, seed: DossierReplay.Seed(row: row),
                digest: KPI.digest)
            #expect(rebuilt == row, "after \(count + 1) events")
        }
    }

    @Test func theOpeningEventNamesTheApplicant() throws {
        // The opening event records the applicant, so a counter dossier rebuilds without the seed's.
        var recorder = DossierRecorder(Fixtures.birthRegistration)
        try recorder.open(KPI.fresh(Fixtures.birthRegistration, at: KPI.local("2026-03-02 08:00")))
        var seed = DossierReplay.Seed(row: try recorder.row)
        seed.applicantID = nil
        #expect(try Self.rebuild(recorder, seed: seed) == (try recorder.row))
        // Online, the actor of the submission is the applicant.
        var online = DossierRecorder(Fixtures.birthRegistration)
        try online.open(KPI.fresh(Fixtures.birthRegistration, channel: .online, at: KPI.local("2026-03-02 08:00")))
        var onlineSeed = DossierReplay.Seed(row: try online.row)
        onlineSeed.applicantID = nil
        #expect(try Self.rebuild(online, seed: onlineSeed) == (try online.row))
        onlineSeed.applicantID = "someone-else"
        #expect(throws: OneGateError.self) { try Self.rebuild(online, seed: onlineSeed) }
    }

    @Test func formDataThatDoesNotMatchTheDigestIsReported() throws {
        let recorder = try Self.journey()
        var seed = DossierReplay.Seed(row: try recorder.row)
        seed.data["copies"] = 4
        do {
            _ = try Self.rebuild(recorder, seed: seed)
            Issue.record("a changed form was accepted")
        } catch let error as OneGateError {
            #expect(error.code == "replay_mismatch" && error.details["field"] == "formDigest")
        }
        // Without a digest function the form cannot be checked, and the hash chain is not known.
        let unchecked = try DossierReplay.rebuild(
            events: recorder.envelopes, procedure: recorder.procedure,
            calendar: KPI.calendar, seed: seed)
        #expect(unchecked.data["copies"] == 4 && unchecked.lastEventHash == "")
    }

    @Test func aTamperedEventIsReported() throws {
        let recorder = try Self.journey()
        let seed = DossierReplay.Seed(row: try recorder.row)
        func attempt(_ change: (inout [EventEnvelope]) -> Void) -> String? {
            var events = recorder.envelopes
            change(&events)
            do {
                _ = try DossierReplay.rebuild(
                    events: events, procedure: recorder.procedure, calendar: KPI.calendar,
                    seed: seed)
                return nil
            } catch {
                return "\(error.code):\(error.details["field"] ?? "")"
            }
        }
        // A moved due date on acceptance no longer follows from the calendar.
        #expect(
            attempt { events in
                events[3].data = .object(
                    (events[3].data.objectValue ?? [:]).merging(["due": "2026-03-20T10:00:00.000Z"]) { $1 })
            } == "replay_mismatch:data.due")
        #expect(attempt { $0.remove(at: 5) } == "replay_invalid:seq")
        #expect(attempt { $0[0].type = "accept" } == "replay_invalid:type")
        #expect(attempt { $0[4].type = "teleport" } == "replay_invalid:type")
        #expect(
            attempt { events in
                events[4].data = .object((events[4].data.objectValue ?? [:]).filter { $0.key != "assignee" })
            } == "replay_invalid:assignee")
        #expect(attempt { $0[1].dossier = "another" } == "replay_mismatch:dossier")
        // With the digest, a broken chain is reported too.
        var events = recorder.envelopes
        events[2].prev = EventEnvelope.genesis
        #expect(throws: OneGateError.self) {
            try DossierReplay.rebuild(
                events: events, procedure: recorder.procedure, calendar: KPI.calendar, seed: seed,
                digest: KPI.digest)
        }
    }

    @Test func theProcedureVersionMustBeTheOneReceivedUnder() throws {
        let recorder = try Self.journey()
        var newer = recorder.procedure
        newer.version = 2
        #expect(throws: OneGateError.self) {
            try DossierReplay.rebuild(
                events: recorder.envelopes, procedure: newer, calendar: KPI.calendar,
                seed: DossierReplay.Seed(row: try recorder.row))
        }
    }

    @Test func storedSignedEventsRebuildWithTheirHashes() throws {
        let recorder = try Self.journey()
        let signed = recorder.envelopes.map { envelope in
            SignedEvent(
                dossierID: "d-1", seq: envelope.seq, type: envelope.type, at: envelope.at, actor: envelope.actor,
                canonical: envelope.canonicalBytes, signature: [], certificateSerial: "1",
                hash: KPI.digest(envelope.canonicalBytes))
        }
        let seed = DossierReplay.Seed(row: try recorder.row)
        let rebuilt = try DossierReplay.rebuild(
            signedEvents: signed, procedure: recorder.procedure,
            calendar: KPI.calendar, seed: seed)
        #expect(rebuilt == (try recorder.row), "the stored hash gives lastEventHash without a digest function")
        var tampered = signed
        tampered[3].hash = EventEnvelope.genesis
        #expect(throws: OneGateError.self) {
            try DossierReplay.rebuild(
                signedEvents: tampered, procedure: recorder.procedure, calendar: KPI.calendar,
                seed: seed, digest: KPI.digest)
        }
    }

    @Test func noEventsIsAnError() {
        #expect(throws: OneGateError.self) {
            try DossierReplay.rebuild(
                events: [], procedure: Fixtures.birthRegistration, calendar: KPI.calendar,
                seed: DossierReplay.Seed(id: "x", tenant: Fixtures.tenant, secretHash: "", applicantID: nil, data: [:]))
        }
    }
}

/// Field-by-field comparison of two rows, for readable failures.
enum ReplayComparison {
    static func differences(_ live: Dossier, _ rebuilt: Dossier) -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let left = try? JSONSerialization.jsonObject(with: encoder.encode(live)) as? [String: Any],
            let right = try? JSONSerialization.jsonObject(with: encoder.encode(rebuilt)) as? [String: Any]
        else { return ["<not encodable>"] }
        func bytes(_ value: Any?) -> Data? {
            value.flatMap {
                try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys, .fragmentsAllowed])
            }
        }
        return Set(left.keys).union(right.keys).sorted().filter { bytes(left[$0]) != bytes(right[$0]) }
    }
}
