import Foundation
import OneGateCore
import OneGateTestSupport
import Testing

/// The dossier use cases end to end on the real store (every backend) and signer: every action
/// signed, chained, committed atomically with the row and the counters.
struct DossierUseCaseTests {
    func input(_ test: StoreHarness, document: String?) -> ApplicationInput {
        ApplicationInput(
            procedureCode: "1.001193", receivingUnit: Fixtures.communeA, competentUnit: Fixtures.communeA,
            secret: "SECRET2345", data: Fixtures.birthData,
            components: [DossierComponent(requirement: "birth_notice", document: document)])
    }

    @Test(arguments: StoreBackend.available)
    func onlineDossierFromSubmissionToReturnVerifies(_ backend: StoreBackend) async throws {
        try await withStore(backend) { test in
            let service = test.service
            let an = test.citizen("an")
            let document = try await test.upload(by: an.id)
            var dossier = try TestInstance.dossier(
                try await service.submitOnline(input(test, document: document), by: an, idempotency: nil))
            #expect(dossier.state == .submitted && dossier.code == nil)
            func act(_ action: DossierAction, _ username: String?, after seconds: TimeInterval = 1800) async throws {
                test.clock.set(test.clock.now.addingTimeInterval(seconds))
                let principal: Principal = username.map { .officer(test.officer($0)) } ?? .applicant(an)
                dossier = try TestInstance.dossier(
                    try await service.perform(action, on: dossier.id, by: principal, idempotency: nil))
            }
            try await act(.accept, "reception.a")
            #expect(dossier.code == "\(Fixtures.communeA)-260302-0001")
            try await act(.assign(officerID: "officer-specialist.a"), "reception.a")
            try await act(.appraise(note: "Đủ điều kiện"), "specialist.a")
            try await act(.submitForApproval(outcome: .granted, summary: "Đề nghị cấp"), "specialist.a")
            try await act(.approve(comment: "Đồng ý"), "leader.a")
            try await act(.issue(resultNumber: "15/KS"), "clerk.a")
            try await act(.deliver(channel: .electronic), "clerk.a")
            #expect(dossier.state == .returned && dossier.version == 8)

            let events = try await test.store.events(dossierID: dossier.id, tenant: Fixtures.tenant)
            #expect(
                events.map(\.type) == [
                    "submit", "accept", "assign", "appraise", "submit_for_approval", "approve", "issue", "deliver",
                ])
            #expect(events.map(\.seq) == Array(1...8))
            #expect(events.last?.hash == dossier.lastEventHash)
            let report = try test.signer.verifier().verify(events)
            #expect(report.ok, "\(report)")
            #expect(events[0].actor.role == "citizen" && events[1].actor.id == "officer-reception.a")

            let counters = try await test.store.counters(
                units: [Fixtures.communeA], periods: ["2026-03"], tenant: Fixtures.tenant)
            #expect(counters["received"] == 1 && counters["received_online"] == 1 && counters["finished"] == 1)
            #expect(counters["early"] == 1 && counters["received_digitised"] == 1)

            // Lists filter alike on every backend; an empty list of states matches nothing.
            let returned = try await test.store.dossiers(
                DossierQuery(tenant: Fixtures.tenant, units: [Fixtures.communeA], states: [.returned]))
            #expect(returned.total == 1 && returned.items.map(\.id) == [dossier.id])
            let noState = try await test.store.dossiers(DossierQuery(tenant: Fixtures.tenant, states: []))
            #expect(noState.total == 0 && noState.items.isEmpty)
            let elsewhere = try await test.store.dossiers(
                DossierQuery(tenant: Fixtures.tenant, units: [Fixtures.communeB]))
            #expect(elsewhere.total == 0)

            let code = try #require(dossier.code)
            let status = try await service.publicStatus(code: code, secret: "secret2345")
            #expect(status.id == dossier.id)
            await #expect(throws: OneGateError.self) { _ = try await service.publicStatus(code: code, secret: "WRONG") }
        }
    }

    @Test(arguments: StoreBackend.available)
    func authorisationIsPerUnitAndPerDossier(_ backend: StoreBackend) async throws {
        try await withStore(backend) { test in
            let service = test.service
            let an = test.citizen("an")
            let binh = test.citizen("binh")
            let document = try await test.upload(by: an.id)
            let dossier = try TestInstance.dossier(
                try await service.submitOnline(input(test, document: document), by: an, idempotency: nil))
            // Another commune's reception officer: cannot read, so the dossier is "not found".
            await #expect(throws: OneGateError.notFound("dossier")) {
                _ = try await service.perform(
                    .accept, on: dossier.id, by: .officer(test.officer("reception.b")), idempotency: nil)
            }
            // Another citizen: not found either.
            await #expect(throws: OneGateError.notFound("dossier")) {
                _ = try await service.readable(dossier.id, by: .applicant(binh))
            }
            // Right unit, wrong role: forbidden.
            await #expect(throws: OneGateError.forbidden) {
                _ = try await service.perform(
                    .accept, on: dossier.id, by: .officer(test.officer("specialist.a")), idempotency: nil)
            }
            // The applicant cannot accept their own dossier.
            await #expect(throws: OneGateError.forbidden) {
                _ = try await service.perform(.accept, on: dossier.id, by: .applicant(an), idempotency: nil)
            }
            // Someone else's document cannot be attached.
            let foreign = try await test.upload(by: binh.id, title: "Other")
            await #expect(throws: OneGateError.self) {
                _ = try await service.submitOnline(input(test, document: foreign), by: an, idempotency: nil)
            }
            // An admin of the province may act anywhere; the auditor reads but cannot act.
            _ = try await service.readable(dossier.id, by: .officer(test.officer("auditor")))
            await #expect(throws: OneGateError.forbidden) {
                _ = try await service.perform(
                    .accept, on: dossier.id, by: .officer(test.officer("auditor")), idempotency: nil)
            }
            let unchanged = try #require(try await test.store.dossier(id: dossier.id, tenant: Fixtures.tenant))
            #expect(unchanged.version == 1 && unchanged.state == .submitted)
        }
    }

    @Test(arguments: StoreBackend.available)
    func concurrentActionsOnOneDossierAreSerialised(_ backend: StoreBackend) async throws {
        try await withStore(backend) { test in
            let service = test.service
            let reception = test.officer("reception.a")
            let dossier = try TestInstance.dossier(
                try await service.receiveAtCounter(
                    input(test, document: nil), applicant: test.citizen("an"), channel: .counter, assisted: false,
                    by: reception, idempotency: nil))
            let outcomes = await withTaskGroup(of: Result<Dossier, any Error>.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        let officer = index % 2 == 0 ? "officer-specialist.a" : "officer-specialist.a2"
                        do {
                            return .success(
                                try TestInstance.dossier(
                                    try await service.perform(
                                        .assign(officerID: officer), on: dossier.id, by: .officer(reception),
                                        idempotency: nil)))
                        } catch { return .failure(error) }
                    }
                }
                return await group.reduce(into: [Result<Dossier, any Error>]()) { $0.append($1) }
            }
            let wins = outcomes.filter { if case .success = $0 { true } else { false } }
            #expect(wins.count >= 1)
            for outcome in outcomes {
                if case .failure(let error) = outcome {
                    let code = (error as? OneGateError)?.code
                    // A request that reads the dossier after another's assignment has committed finds
                    // it in progress, where only a leader may reassign (DossierService.authorise).
                    #expect(
                        code == "concurrent_update" || code == "illegal_transition" || code == "forbidden",
                        "\(error)")
                }
            }
            let events = try await test.store.events(dossierID: dossier.id, tenant: Fixtures.tenant)
            #expect(events.count == 1 + wins.count)
            #expect(try test.signer.verifier().verify(events).ok)
        }
    }

    @Test(arguments: StoreBackend.available)
    func idempotencyKeyReplaysTheFirstAnswerAndCreatesNothing(_ backend: StoreBackend) async throws {
        try await withStore(backend) { test in
            let service = test.service
            let reception = test.officer("reception.a")
            func claim(_ hash: String) -> IdempotencyClaim {
                IdempotencyClaim(principal: reception.id, key: "k-1", requestHash: hash) { dossier in
                    StoredResponse(status: 201, body: Array(dossier.id.utf8))
                }
            }
            let first = try await service.receiveAtCounter(
                input(test, document: nil), applicant: test.citizen("an"), channel: .counter, assisted: false,
                by: reception, idempotency: claim("h"))
            guard case .fresh(let dossier, let stored?) = first else { throw TestFailure("expected a stored answer") }
            let second = try await service.receiveAtCounter(
                input(test, document: nil), applicant: test.citizen("an"), channel: .counter, assisted: false,
                by: reception, idempotency: claim("h"))
            guard case .replayed(let replayed) = second else { throw TestFailure("expected a replay") }
            #expect(replayed == stored && replayed.body == Array(dossier.id.utf8))
            let page = try await test.store.dossiers(DossierQuery(tenant: Fixtures.tenant))
            #expect(page.total == 1)
            await #expect(throws: OneGateError.self) {
                _ = try await service.receiveAtCounter(
                    input(test, document: nil), applicant: test.citizen("an"), channel: .counter, assisted: false,
                    by: reception, idempotency: claim("different"))
            }
        }
    }

    @Test(arguments: StoreBackend.available)
    func oneIdempotencyKeySentTwiceAtOnceCreatesOneDossier(_ backend: StoreBackend) async throws {
        try await withStore(backend) { test in
            let service = test.service
            let reception = test.officer("reception.a")
            let applicant = test.citizen("an")
            let claim = IdempotencyClaim(principal: reception.id, key: "k-race", requestHash: "h") { dossier in
                StoredResponse(status: 201, body: Array(dossier.id.utf8))
            }
            let base = input(test, document: nil)
            // A client that retries before the first answer arrived: both requests race to commit.
            let answers = try await withThrowingTaskGroup(of: StoredResponse?.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        switch try await service.receiveAtCounter(
                            base, applicant: applicant, channel: .counter, assisted: false, by: reception,
                            idempotency: claim)
                        {
                        case .fresh(_, let stored): return stored
                        case .replayed(let stored): return stored
                        }
                    }
                }
                return try await group.reduce(into: [StoredResponse?]()) { $0.append($1) }
            }
            #expect(answers.count == 8 && Set(answers).count == 1, "every request gets the first answer")
            #expect(try await test.store.dossiers(DossierQuery(tenant: Fixtures.tenant)).total == 1)
        }
    }

    @Test(arguments: StoreBackend.available)
    func refusedWritesLeaveNothingBehind(_ backend: StoreBackend) async throws {
        try await withStore(backend) { test in
            let reception = test.officer("reception.a")
            var bad = input(test, document: nil)
            bad.data = [:]
            await #expect(throws: OneGateError.self) {
                _ = try await test.service.receiveAtCounter(
                    bad, applicant: test.citizen("an"), channel: .counter, assisted: false, by: reception,
                    idempotency: nil)
            }
            #expect(try await test.store.dossiers(DossierQuery(tenant: Fixtures.tenant)).total == 0)
            let counters = try await test.store.counters(
                units: [Fixtures.communeA], periods: ["2026-03"], tenant: Fixtures.tenant)
            #expect(counters.isEmpty)
        }
    }

    @Test(arguments: StoreBackend.available)
    func interAgencyPaymentExtensionAndStop(_ backend: StoreBackend) async throws {
        try await withStore(backend) { test in
            let service = test.service
            let an = test.citizen("an")
            var dossier = try TestInstance.dossier(
                try await service.receiveAtCounter(
                    ApplicationInput(
                        procedureCode: "DEMO.0002", receivingUnit: Fixtures.centre, competentUnit: nil,
                        secret: "S1234567",
                        data: ["full_name": "Nguyễn Văn An", "personal_id": "022090001234", "purpose": "work"],
                        components: [DossierComponent(requirement: "application", document: nil, digitised: true)]),
                    applicant: an, channel: .counter, assisted: false, by: test.officer("reception.centre"),
                    idempotency: nil))
            #expect(dossier.competentUnit == Fixtures.justice && dossier.feeAmount == 200_000)
            func act(_ action: DossierAction, _ username: String?) async throws {
                test.clock.set(test.clock.now.addingTimeInterval(3600))
                let principal: Principal = username.map { .officer(test.officer($0)) } ?? .applicant(an)
                dossier = try TestInstance.dossier(
                    try await service.perform(action, on: dossier.id, by: principal, idempotency: nil))
            }
            try await act(.assign(officerID: "officer-specialist.justice"), "reception.centre")
            try await act(.sendToOtherAgency(unit: Fixtures.police, note: "Tra cứu"), "specialist.justice")
            await #expect(throws: OneGateError.notFound("dossier")) {
                try await act(.returnFromOtherAgency(note: "x"), "specialist.a")
            }
            try await act(.returnFromOtherAgency(note: "Không có án tích"), "specialist.police")
            try await act(.assessFee(amount: 200_000, reference: "PHI-1"), "specialist.justice")
            #expect(dossier.state == .awaitingPayment)
            try await act(.pay(method: .online, reference: "VNPAY-1"), nil)
            #expect(dossier.paymentState == .paidOnline && dossier.state == .inProgress)
            let due = try #require(dossier.dueAt)
            try await act(
                .extend(newDue: due.addingTimeInterval(3 * 86_400), reason: "Chờ xác minh"), "leader.justice")
            try await act(.stop(legalReason: "Điều 10 Nghị định 61/2018/NĐ-CP"), "leader.justice")
            #expect(dossier.state == .stopped && dossier.finishedAt != nil)
            let events = try await test.store.events(dossierID: dossier.id, tenant: Fixtures.tenant)
            #expect(try test.signer.verifier().verify(events).ok)
        }
    }
}
