import Foundation
import OneGateCore

/// One generated dossier's path through the lifecycle, at the times it happened.
struct DossierWalk {
    let context: DemoHistory.Context
    let service: DossierService
    let clock: ManualClock

    private enum Ending { case early, onTime, late }

    /// Stops the walk when the next step would be in the future: the dossier stays open there.
    private struct ReachedNow: Error {}

    func run(position: Double, random: inout SeededGenerator, into summary: inout DemoHistory.Summary) async throws {
        let calendar = context.calendar
        guard let procedure = context.procedures.randomElement(using: &random),
            let applicant = context.applicants.randomElement(using: &random)
        else { return }
        let onlineShare = 0.30 + 0.45 * position
        var channel: Channel = random.chance(onlineShare) ? .online : (random.chance(0.05) ? .post : .counter)
        if procedure.onlineLevel == .none { channel = random.chance(0.05) ? .post : .counter }
        let span = context.now.timeIntervalSince(context.start)
        let submitted = workingMoment(context.start.addingTimeInterval(span * position), random: &random)
        guard submitted < context.now else { return }
        guard let (competent, receiving) = units(for: procedure, on: submitted, random: &random),
            let reception = context.officers.pick(.reception, at: receiving, using: &random),
            let specialist = context.officers.pick(.specialist, at: competent, using: &random),
            let leader = context.officers.pick(.leader, at: competent, using: &random),
            let clerk = context.officers.pick(.clerk, at: competent, using: &random)
        else { summary.skippedSteps += 1; return }
        let input = ApplicationInput(
            procedureCode: procedure.code, receivingUnit: receiving, competentUnit: competent,
            secret: IdentifierSource.randomToken(length: 10),
            data: DemoForms.sampleData(procedure, applicant: applicant, random: &random),
            components: procedure.documents.filter(\.required).map {
                DossierComponent(requirement: $0.id, document: context.documentHash, digitised: channel != .online)
            })
        clock.set(submitted)
        var dossier: Dossier
        switch channel {
        case .online:
            dossier = try await fresh(service.submitOnline(input, by: applicant, idempotency: nil))
        case .counter, .post:
            dossier = try await fresh(
                service.receiveAtCounter(
                    input, applicant: applicant, channel: channel, assisted: random.chance(0.03), by: reception,
                    idempotency: nil))
        }
        summary.dossiers += 1
        summary.events += 1
        var cursor = submitted

        func act(_ action: DossierAction, by officer: Officer?, after minutes: Int) async throws {
            let moment = calendar.adding(officeMinutes: max(1, minutes), to: cursor)
            guard moment < context.now else { throw ReachedNow() }
            clock.set(moment)
            let principal: Principal = officer.map(Principal.officer) ?? .applicant(applicant)
            dossier = try await fresh(service.perform(action, on: dossier.id, by: principal, idempotency: nil))
            cursor = moment
            summary.events += 1
        }
        let byApplicant: Officer? = channel == .online ? nil : reception

        do {
            if channel == .online {
                if random.chance(0.05) {
                    try await act(
                        .requestSupplement(
                            items: [
                                SupplementItem(
                                    requirement: procedure.documents.first?.id,
                                    description: "Bản chụp chưa rõ nét, đề nghị tải lại.")
                            ], reason: "Hồ sơ chưa hợp lệ"),
                        by: reception, after: Int.random(in: 30...300, using: &random))
                    try await act(
                        .supplement(components: [], data: [:]), by: byApplicant,
                        after: Int.random(in: 240...1400, using: &random))
                }
                if random.chance(0.03) {
                    try await act(
                        .refuse(
                            reason: "Thủ tục không thuộc thẩm quyền giải quyết của đơn vị.",
                            redirect: "Ủy ban nhân dân tỉnh"), by: reception,
                        after: Int.random(in: 30...300, using: &random))
                    return
                }
                try await act(.accept, by: reception, after: Int.random(in: 20...420, using: &random))
            }
            guard let receivedAt = dossier.receivedAt, let due = dossier.dueAt else { return }
            if random.chance(0.015) {
                try await act(
                    .withdraw(reason: "Công dân không còn nhu cầu."), by: byApplicant,
                    after: Int.random(in: 10...200, using: &random))
                return
            }
            let ending: Ending = random.chance(0.50) ? .early : (random.chance(0.86) ? .onTime : .late)
            // Every step takes a share of the office time left until the wanted end, so that the
            // outcome mix (about half early, 40% on time, under 10% late) comes out as planned.
            var target = self.target(ending, receivedAt: receivedAt, due: due, random: &random)
            func part(_ share: Double) -> Int { max(1, Int(Double(minutes(until: target, from: cursor)) * share)) }
            try await act(
                .assign(officerID: specialist.id), by: dossier.state == .received ? reception : leader,
                after: part(0.1))
            try await act(.appraise(note: "Đã kiểm tra thành phần hồ sơ."), by: specialist, after: part(0.2))
            if let other = procedure.process.first(where: { $0.interAgency })?.unit,
                let partner = context.officers.pick(.specialist, at: other, using: &random), other != competent
            {
                try await act(
                    .sendToOtherAgency(unit: other, note: "Chuyển liên thông."), by: specialist, after: part(0.1))
                try await act(.returnFromOtherAgency(note: "Đã xử lý phần liên thông."), by: partner, after: part(0.3))
            }
            let requests = random.chance(0.07) ? (random.chance(0.2) ? 2 : 1) : 0
            for round in 0..<requests {
                try await act(
                    .requestSupplement(
                        items: [
                            SupplementItem(
                                requirement: procedure.documents.first?.id,
                                description: round == 0
                                    ? "Bổ sung bản sao giấy tờ tùy thân." : "Bổ sung xác nhận nơi cư trú.")
                        ],
                        reason: "Cần bổ sung hồ sơ"), by: specialist, after: part(0.1))
                let paused = Int.random(in: 240...2400, using: &random)
                try await act(.supplement(components: [], data: [:]), by: byApplicant, after: paused)
                target = calendar.adding(officeMinutes: paused, to: target)
            }
            if procedure.fee.amount > 0, dossier.feeAmount > 0, random.chance(0.6) {
                try await act(
                    .assessFee(amount: dossier.feeAmount, reference: "PHI-\(dossier.reference)"),
                    by: specialist, after: part(0.1))
                let method: PaymentMethod = channel == .online && random.chance(0.8) ? .online : .counter
                try await act(
                    .pay(method: method, reference: "TT-\(dossier.reference)"),
                    by: method == .online ? nil : reception, after: part(0.2))
            }
            if ending == .late, random.chance(0.4), let currentDue = dossier.dueAt {
                let latest = calendar.latestExtensionMoment(forDue: currentDue)
                if latest > cursor {
                    let newDue = calendar.adding(officeMinutes: 3 * 480, to: currentDue)
                    try? await act(
                        .extend(newDue: newDue, reason: "Cần xác minh thêm với cơ quan liên quan."),
                        by: leader, after: max(1, minutes(until: latest, from: cursor) / 2))
                }
            }
            if random.chance(0.01) {
                try await act(
                    .stop(legalReason: "Theo đề nghị của cơ quan có thẩm quyền (Điều 10, Nghị định 61/2018/NĐ-CP)."),
                    by: leader, after: part(0.3))
                return
            }
            let refusal = random.chance(0.03)
            try await act(
                .submitForApproval(
                    outcome: refusal ? .refusal : .granted,
                    summary: refusal ? "Đề xuất từ chối: không đủ điều kiện." : "Đề xuất giải quyết."),
                by: specialist, after: part(0.4))
            if random.chance(0.05) {
                try await act(
                    .returnForRework(comment: "Đề nghị rà soát lại căn cứ pháp lý."), by: leader, after: part(0.3))
                try await act(
                    .submitForApproval(outcome: .granted, summary: "Đã rà soát, đề xuất giải quyết."),
                    by: specialist, after: part(0.3))
            }
            try await act(.approve(comment: "Đồng ý."), by: leader, after: part(0.5))
            try await act(
                .issue(
                    resultNumber:
                        "\(Int.random(in: 1...9999, using: &random))/\(procedure.resultKind.rawValue.uppercased())"),
                by: clerk, after: part(1))
            let delivery: DeliveryChannel = channel == .online ? .electronic : (random.chance(0.7) ? .counter : .post)
            try await act(
                .deliver(channel: delivery), by: delivery == .counter ? reception : clerk,
                after: Int.random(in: 30...960, using: &random))
        } catch is ReachedNow {
            summary.open += 1
        }
    }

    private func fresh(_ result: ServiceResult) throws -> Dossier {
        guard case .fresh(let dossier, _) = result else {
            throw OneGateError(.internalFailure, "demo_replay", vi: "Lỗi sinh dữ liệu mẫu.", en: "Unexpected replay.")
        }
        return dossier
    }

    /// When processing should end for the wanted outcome.
    private func target(_ ending: Ending, receivedAt: Date, due: Date, random: inout SeededGenerator) -> Date {
        let calendar = context.calendar
        let dueDay = calendar.localDate(of: due)
        let available = minutes(until: due, from: receivedAt)
        switch ending {
        case .early where calendar.localDate(of: receivedAt) < dueDay && available > 480:
            let beforeDueDay = max(30, available - 480)
            return calendar.adding(officeMinutes: Int.random(in: 30...beforeDueDay, using: &random), to: receivedAt)
        case .late:
            return calendar.adding(officeMinutes: Int.random(in: 60...1440, using: &random), to: due)
        default:
            let window = min(available, 420)
            return calendar.adding(
                officeMinutes: -Int.random(in: 0...max(0, window - 10), using: &random) + available,
                to: receivedAt)
        }
    }

    private func minutes(until end: Date, from start: Date) -> Int {
        context.calendar.officeMinutes(from: start, to: end)
    }

    /// A moment in office hours on or after `instant`.
    private func workingMoment(_ instant: Date, random: inout SeededGenerator) -> Date {
        context.calendar.adding(officeMinutes: Int.random(in: 1...400, using: &random), to: instant)
    }

    /// Units active on the day of submission: before the 2025 reform, the merged communes.
    private func units(for procedure: Procedure, on instant: Date, random: inout SeededGenerator) -> (String, String)? {
        let tree = context.units
        let day = context.calendar.localDate(of: instant)
        let candidates = tree.units.values.filter { procedure.isCompetent($0) && $0.isActive(on: day) }
            .sorted { $0.code < $1.code }
        guard let competent = candidates.randomElement(using: &random) else { return nil }
        if competent.kind == .commune { return (competent.code, competent.code) }
        let centre = tree.units.values.first { $0.kind == .serviceCentre && $0.isActive(on: day) }
        if let centre, random.chance(0.7) { return (competent.code, centre.code) }
        return (competent.code, competent.code)
    }
}
