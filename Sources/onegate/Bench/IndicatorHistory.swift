import Foundation
import OneGateCore
import OneGateDemo

/// Generates dossiers for the indicator benchmark with the pure domain only: each history is
/// walked with ``Lifecycle`` at the moments its actions happen, every event is canonicalised,
/// chained and signed as ``DossierService`` records it, and the final row's counters are its
/// ``CounterProjection`` contributions. No store round trip: the rows go to the bulk path.
struct IndicatorHistory: Sendable {
    let tenant: String
    let calendar: WorkingCalendar
    let tree: UnitTree
    let procedures: [Procedure]
    let officers: [String: [Officer]]
    let applicants: [Applicant]
    let codeFormat: DossierCodeFormat
    let documentHash: String
    let signer: any EventSigner
    let start: Date
    let now: Date
    let count: Int
    let seed: UInt64

    init(
        tenant: String, calendar: WorkingCalendar, tree: UnitTree, procedures: [Procedure], officers: [Officer],
        applicants: [Applicant], codeFormat: DossierCodeFormat, documentHash: String, signer: any EventSigner,
        start: Date, now: Date, count: Int, seed: UInt64 = 766
    ) {
        var index: [String: [Officer]] = [:]
        for officer in officers {
            for assignment in officer.roles {
                index["\(assignment.unit)|\(assignment.role.rawValue)", default: []].append(officer)
            }
        }
        self.tenant = tenant
        self.calendar = calendar
        self.tree = tree
        self.procedures = procedures
        self.officers = index
        self.applicants = applicants
        self.codeFormat = codeFormat
        self.documentHash = documentHash
        self.signer = signer
        self.start = start
        self.now = now
        self.count = count
        self.seed = seed
    }

    /// What one generating task keeps between batches: code sequences and the competent units of
    /// each procedure on the current day.
    struct Worker: Sendable {
        let index: Int
        let of: Int
        var sequences: [String: Int] = [:]
        var touched: Set<String> = []
        var day: LocalDate?
        var candidates: [[AdministrativeUnit]] = []
        var centre: AdministrativeUnit?
        var skipped = 0
        var open = 0
    }

    private enum Ending { case early, onTime, late }

    /// Stops a history when its next action would be after now: the dossier stays open.
    private struct ReachedNow: Error {}

    func officer(_ role: Role, at unit: String, _ random: inout SeededGenerator) -> Officer? {
        officers["\(unit)|\(role.rawValue)"]?.randomElement(using: &random)
    }

    /// Generates dossier `index` (of `count`, spread evenly over the period), or nil when its
    /// submission would be in the future or nobody could handle it.
    func dossier(_ index: Int, worker: inout Worker) async throws -> BulkDossier? {
        var random = SeededGenerator(seed: seed &* 1_000_003 &+ UInt64(index))
        let position = (Double(index) + 0.5) / Double(max(count, 1))
        let span = now.timeIntervalSince(start)
        let submitted = Timestamp.truncate(
            calendar.adding(
                officeMinutes: Int.random(in: 1...400, using: &random), to: start.addingTimeInterval(span * position)))
        guard submitted < now else { return nil }
        let day = calendar.localDate(of: submitted)
        if worker.day != day {
            worker.day = day
            let active = tree.units.values.filter { $0.isActive(on: day) }.sorted { $0.code < $1.code }
            worker.candidates = procedures.map { procedure in active.filter { procedure.isCompetent($0) } }
            worker.centre = active.first { $0.kind == .serviceCentre }
        }
        var pick: (Procedure, String, String, Officer, Officer, Officer, Officer)?
        for _ in 0..<8 {
            let which = Int.random(in: 0..<procedures.count, using: &random)
            guard let competentUnit = worker.candidates[which].randomElement(using: &random) else { continue }
            let competent = competentUnit.code
            var receiving = competent
            if competentUnit.kind != .commune, let centre = worker.centre, random.chance(0.7) {
                receiving = centre.code
            }
            if let reception = officer(.reception, at: receiving, &random),
                let specialist = officer(.specialist, at: competent, &random),
                let leader = officer(.leader, at: competent, &random),
                let clerk = officer(.clerk, at: competent, &random)
            {
                pick = (procedures[which], competent, receiving, reception, specialist, leader, clerk)
                break
            }
        }
        guard let (procedure, competent, receiving, reception, specialist, leader, clerk) = pick,
            let applicant = applicants.randomElement(using: &random)
        else {
            worker.skipped += 1
            return nil
        }
        let onlineShare = 0.30 + 0.45 * position
        var channel: Channel = random.chance(onlineShare) ? .online : (random.chance(0.05) ? .post : .counter)
        if procedure.onlineLevel == .none { channel = random.chance(0.05) ? .post : .counter }
        let secret = token(10, &random)
        var dossier = Dossier(
            id: String(format: "bench-%010d", index), tenant: tenant, reference: "S" + token(11, &random),
            secretHash: signer.digest(Array(secret.utf8)), procedure: procedure, applicantID: applicant.id,
            channel: channel, assisted: channel == .counter && random.chance(0.03), receivingUnit: receiving,
            competentUnit: competent,
            data: DemoForms.sampleData(procedure, applicant: applicant, random: &random),
            components: procedure.documents.filter(\.required).map {
                DossierComponent(requirement: $0.id, document: documentHash, digitised: channel != .online)
            }, submittedAt: submitted)
        var events: [SignedEvent] = []
        var cursor = submitted

        func record(
            _ transition: LifecycleTransition, before: Dossier?, actor: EventActor, as identity: SignerIdentity
        ) async throws {
            var next = transition.dossier
            var data = transition.eventData
            if before == nil || before?.data != next.data {
                data["formDigest"] = .string(signer.digest(CanonicalJSON.encode(.object(next.data))))
            }
            let envelope = EventEnvelope(
                dossier: next.publicIdentifier, seq: next.version + 1, type: transition.eventType, at: cursor,
                actor: actor, data: .object(data), prev: next.lastEventHash)
            let canonical = envelope.canonicalBytes
            let hash = signer.digest(canonical)
            let (signature, serial) = try await signer.sign(canonical, as: identity)
            next.version += 1
            next.lastEventHash = hash
            events.append(
                SignedEvent(
                    dossierID: next.id, seq: envelope.seq, type: envelope.type, at: cursor, actor: actor,
                    canonical: canonical, signature: signature, certificateSerial: serial, hash: hash))
            dossier = next
        }
        func code(at moment: Date) -> String {
            let day = calendar.localDate(of: moment)
            let key = receiving + "|" + DossierCodeFormat.sequenceDay(day)
            // Worker w of n takes w+1, w+1+n, …: unique without sharing state.
            let used = worker.sequences[key, default: 0]
            let sequence = used == 0 ? worker.index + 1 : used + worker.of
            worker.sequences[key] = sequence
            worker.touched.insert(key)
            return codeFormat.code(unit: receiving, day: day, sequence: sequence)
        }
        func context(_ actor: Officer?, code: String? = nil) -> LifecycleContext {
            LifecycleContext(
                procedure: procedure, calendar: calendar, now: cursor, actorID: actor?.id ?? applicant.id,
                newCode: code)
        }
        func staff(_ officer: Officer, _ role: Role, _ unit: String) -> (EventActor, SignerIdentity) {
            (
                EventActor(id: officer.id, role: role.rawValue, unit: unit),
                .officer(id: officer.id, name: officer.fullName)
            )
        }
        let applicantSide: (EventActor, SignerIdentity) =
            channel == .online
            ? (EventActor(id: applicant.id, role: Role.citizen.rawValue, unit: receiving), .receptionService)
            : staff(reception, .reception, receiving)
        func act(
            _ action: DossierAction, _ who: (EventActor, SignerIdentity), _ officer: Officer?, after minutes: Int
        ) async throws {
            let moment = Timestamp.truncate(calendar.adding(officeMinutes: max(1, minutes), to: cursor))
            guard moment < now else { throw ReachedNow() }
            cursor = moment
            var allocated: String?
            if case .accept = action { allocated = code(at: moment) }
            let transition = try Lifecycle.apply(action, to: dossier, context: context(officer, code: allocated))
            try await record(transition, before: dossier, actor: who.0, as: who.1)
        }

        if channel == .online {
            try await record(
                try Lifecycle.open(dossier, context: context(nil)), before: nil, actor: applicantSide.0,
                as: applicantSide.1)
        } else {
            let opened = try Lifecycle.open(dossier, context: context(reception, code: code(at: submitted)))
            try await record(opened, before: nil, actor: applicantSide.0, as: applicantSide.1)
        }
        let atReception = staff(reception, .reception, receiving)
        do {
            if channel == .online {
                if random.chance(0.03) {
                    try await act(
                        .refuse(reason: "Thủ tục không thuộc thẩm quyền giải quyết của đơn vị.", redirect: nil),
                        atReception, reception, after: Int.random(in: 30...300, using: &random))
                    return finished(dossier, events, procedure)
                }
                try await act(.accept, atReception, reception, after: Int.random(in: 20...420, using: &random))
            }
            guard let receivedAt = dossier.receivedAt, let due = dossier.dueAt else {
                return finished(dossier, events, procedure)
            }
            if random.chance(0.015) {
                try await act(
                    .withdraw(reason: "Công dân không còn nhu cầu."), applicantSide, nil,
                    after: Int.random(in: 10...200, using: &random))
                return finished(dossier, events, procedure)
            }
            let ending: Ending = random.chance(0.50) ? .early : (random.chance(0.86) ? .onTime : .late)
            var target = self.target(ending, receivedAt: receivedAt, due: due, random: &random)
            func part(_ share: Double) -> Int {
                max(1, Int(Double(calendar.officeMinutes(from: cursor, to: target)) * share))
            }
            try await act(.assign(officerID: specialist.id), atReception, reception, after: part(0.1))
            // A few dossiers are forgotten: open, and past due once their appointment passes.
            if random.chance(0.02) { throw ReachedNow() }
            let asSpecialist = staff(specialist, .specialist, competent)
            let asLeader = staff(leader, .leader, competent)
            if random.chance(0.05) {
                try await act(
                    .requestSupplement(
                        items: [
                            SupplementItem(
                                requirement: procedure.documents.first?.id,
                                description: "Bổ sung bản sao giấy tờ tùy thân.")
                        ], reason: "Cần bổ sung hồ sơ"), asSpecialist, specialist, after: part(0.1))
                let paused = Int.random(in: 240...2400, using: &random)
                try await act(.supplement(components: [], data: [:]), applicantSide, nil, after: paused)
                target = calendar.adding(officeMinutes: paused, to: target)
            }
            if procedure.fee.amount > 0, dossier.feeAmount > 0, random.chance(0.6) {
                try await act(
                    .assessFee(amount: dossier.feeAmount, reference: "PHI-\(dossier.reference)"), asSpecialist,
                    specialist, after: part(0.1))
                let method: PaymentMethod = channel == .online && random.chance(0.8) ? .online : .counter
                try await act(
                    .pay(method: method, reference: "TT-\(dossier.reference)"),
                    method == .online
                        ? (
                            EventActor(id: applicant.id, role: Role.citizen.rawValue, unit: receiving),
                            .receptionService
                        )
                        : atReception, method == .online ? nil : reception, after: part(0.2))
            }
            if ending == .late, random.chance(0.4), let currentDue = dossier.dueAt {
                let latest = calendar.latestExtensionMoment(forDue: currentDue)
                if latest > cursor {
                    let before = (dossier, events, cursor)
                    do {
                        try await act(
                            .extend(
                                newDue: calendar.adding(officeMinutes: 3 * 480, to: currentDue),
                                reason: "Cần xác minh thêm với cơ quan liên quan."), asLeader, leader,
                            after: max(1, calendar.officeMinutes(from: cursor, to: latest) / 2))
                    } catch is OneGateError {
                        (dossier, events, cursor) = before
                    }
                }
            }
            if random.chance(0.01) {
                try await act(
                    .stop(legalReason: "Theo đề nghị của cơ quan có thẩm quyền (Điều 10, Nghị định 61/2018/NĐ-CP)."),
                    asLeader, leader, after: part(0.3))
                return finished(dossier, events, procedure)
            }
            let refusal = random.chance(0.03)
            try await act(
                .submitForApproval(
                    outcome: refusal ? .refusal : .granted,
                    summary: refusal ? "Đề xuất từ chối: không đủ điều kiện." : "Đề xuất giải quyết."),
                asSpecialist, specialist, after: part(0.4))
            try await act(.approve(comment: "Đồng ý."), asLeader, leader, after: part(0.5))
            try await act(
                .issue(
                    resultNumber:
                        "\(Int.random(in: 1...9999, using: &random))/\(procedure.resultKind.rawValue.uppercased())"),
                staff(clerk, .clerk, competent), clerk, after: part(1))
            if random.chance(0.8) {
                let delivery: DeliveryChannel =
                    channel == .online ? .electronic : (random.chance(0.7) ? .counter : .post)
                try await act(
                    .deliver(channel: delivery),
                    delivery == .counter ? atReception : staff(clerk, .clerk, competent),
                    delivery == .counter ? reception : clerk, after: Int.random(in: 30...960, using: &random))
            }
        } catch is ReachedNow {
            worker.open += 1
        }
        return finished(dossier, events, procedure)
    }

    private func finished(_ dossier: Dossier, _ events: [SignedEvent], _ procedure: Procedure) -> BulkDossier {
        BulkDossier(
            dossier: dossier, events: events,
            counters: CounterProjection.contributions(of: dossier, procedure: procedure, calendar: calendar))
    }

    /// When processing should end for the wanted outcome (as the demo history does).
    private func target(_ ending: Ending, receivedAt: Date, due: Date, random: inout SeededGenerator) -> Date {
        let dueDay = calendar.localDate(of: due)
        let available = calendar.officeMinutes(from: receivedAt, to: due)
        switch ending {
        case .early where calendar.localDate(of: receivedAt) < dueDay && available > 480:
            return calendar.adding(
                officeMinutes: Int.random(in: 30...max(30, available - 480), using: &random), to: receivedAt)
        case .late:
            return calendar.adding(officeMinutes: Int.random(in: 60...1440, using: &random), to: due)
        default:
            let window = min(available, 420)
            return calendar.adding(
                officeMinutes: -Int.random(in: 0...max(0, window - 10), using: &random) + available, to: receivedAt)
        }
    }

    private func token(_ length: Int, _ random: inout SeededGenerator) -> String {
        let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
        return String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] })
    }

    /// The code sequences a worker used since the last call (for ``BulkBatch/codeSequences``).
    static func marks(_ worker: inout Worker) -> [CodeSequenceMark] {
        defer { worker.touched.removeAll(keepingCapacity: true) }
        return worker.touched.compactMap { key in
            let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
            guard parts.count == 2, let last = worker.sequences[key] else { return nil }
            return CodeSequenceMark(unit: parts[0], day: parts[1], last: last)
        }
    }
}
