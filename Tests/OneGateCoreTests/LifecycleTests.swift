import Foundation
import OneGateTestSupport
import Testing

@testable import OneGateCore

/// The lifecycle as pure functions: no store, no signer.
struct LifecycleTests {
    let calendar = try! WorkingCalendar(configuration: .vietnam)
    let monday = Date(timeIntervalSince1970: 1_772_416_800)  // Mon 2026-03-02 09:00 +07

    func context(
        _ procedure: Procedure = Fixtures.birthRegistration, at now: Date, code: String? = nil
    ) -> LifecycleContext {
        LifecycleContext(procedure: procedure, calendar: calendar, now: now, actorID: "officer-test", newCode: code)
    }

    func newDossier(channel: Channel, procedure: Procedure = Fixtures.birthRegistration) -> Dossier {
        Dossier(
            id: "d1", tenant: Fixtures.tenant, reference: "SREF", secretHash: "x", procedure: procedure,
            applicantID: "applicant-an", channel: channel, assisted: false, receivingUnit: Fixtures.communeA,
            competentUnit: Fixtures.communeA, data: Fixtures.birthData,
            components: [DossierComponent(requirement: "birth_notice", document: String(repeating: "a", count: 64))],
            submittedAt: monday)
    }

    @Test func counterReceptionStartsTheClockAtOnce() throws {
        let opened = try Lifecycle.open(newDossier(channel: .counter), context: context(at: monday, code: "C-1"))
        #expect(opened.eventType == "receive_at_counter")
        #expect(opened.dossier.state == .received)
        #expect(opened.dossier.code == "C-1")
        // Example 1 of calendar.md: 3 working days from Monday 2 March → Thursday 5 March 17:00.
        #expect(opened.dossier.dueAt == Date(timeIntervalSince1970: 1_772_704_800))
    }

    @Test func onlineSubmissionWaitsForTheReceptionCheck() throws {
        let opened = try Lifecycle.open(newDossier(channel: .online), context: context(at: monday))
        #expect(opened.dossier.state == .submitted)
        #expect(opened.dossier.code == nil)
        #expect(opened.dossier.receivedAt == nil)
        // 8 working hours from Monday 09:00 → Tuesday 09:00.
        #expect(opened.dossier.receptionDue == monday.addingTimeInterval(86_400))
    }

    @Test func illegalActionNamesStateAndActionAndChangesNothing() throws {
        let opened = try Lifecycle.open(newDossier(channel: .counter), context: context(at: monday, code: "C-1"))
            .dossier
        #expect {
            _ = try Lifecycle.apply(.approve(comment: ""), to: opened, context: context(at: monday))
        } throws: { error in
            guard let failure = error as? OneGateError else { return false }
            return failure.code == "illegal_transition" && failure.details["state"] == "received"
                && failure.details["action"] == "approve" && failure.kind == .conflict
        }
    }

    @Test func fullPathToReturned() throws {
        var now = monday
        var dossier = try Lifecycle.open(newDossier(channel: .online), context: context(at: now)).dossier
        func step(_ action: DossierAction, minutes: Int = 30, code: String? = nil) throws {
            now = calendar.adding(officeMinutes: minutes, to: now)
            dossier = try Lifecycle.apply(action, to: dossier, context: context(at: now, code: code)).dossier
        }
        try step(.accept, code: "C-7")
        try step(.assign(officerID: "officer-specialist.a"))
        try step(.appraise(note: "ok"))
        try step(.submitForApproval(outcome: .granted, summary: "grant"))
        try step(.approve(comment: "yes"))
        #expect(dossier.state == .inProgress && dossier.step == .awaitingIssue)
        try step(.issue(resultNumber: "12/KS"))
        #expect(dossier.state == .processed)
        #expect(dossier.timeliness == .early)
        #expect(dossier.steps.map(\.step) == ["receive", "transfer", "appraise", "approve", "issue"])
        #expect(dossier.steps.allSatisfy { $0.endedAt != nil && $0.timeliness != nil })
        try step(.deliver(channel: .electronic))
        #expect(dossier.state == .returned)
        #expect(dossier.deliveryState == .electronic)
        #expect(throws: OneGateError.self) { try step(.withdraw(reason: "")) }
    }

    @Test func supplementationPausesAndMovesTheDueMoment() throws {
        // calendar.md example 7: 10 working days from Mon 2 March 09:00; paused Wed 4 March 11:00 →
        // Mon 9 March 15:00 (1,620 office minutes); due moves from Mon 16 March 17:00 to Fri 20 March 11:00.
        let procedure = Procedure(
            code: "X", name: Fixtures.text("Thủ tục", "Procedure"), topic: Fixtures.text("Chủ đề", "Topic"),
            level: .commune, competentUnits: ["kind:commune"], documents: Fixtures.birthRegistration.documents,
            form: Fixtures.birthRegistration.form, timeLimit: TimeLimit(amount: 10, unit: .workingDays), fee: .free,
            onlineLevel: .full, fullOnlineEligible: true, process: [], resultKind: .certificate,
            resultName: Fixtures.text("Kết quả", "Result"), legalBasis: "")
        var dossier = try Lifecycle.open(
            newDossier(channel: .counter, procedure: procedure),
            context: context(procedure, at: monday, code: "C")
        ).dossier
        #expect(dossier.dueAt == Date(timeIntervalSince1970: 1_773_655_200))  // Mon 16 March 17:00 +07
        dossier = try Lifecycle.apply(.assign(officerID: "s"), to: dossier, context: context(procedure, at: monday))
            .dossier
        let paused = Date(timeIntervalSince1970: 1_772_596_800)  // Wed 4 March 11:00 +07
        dossier = try Lifecycle.apply(
            .requestSupplement(items: [SupplementItem(requirement: nil, description: "more")], reason: "r"),
            to: dossier,
            context: context(procedure, at: paused)
        ).dossier
        #expect(dossier.state == .supplementRequested)
        let resumed = Date(timeIntervalSince1970: 1_773_043_200)  // Mon 9 March 15:00 +07
        let transition = try Lifecycle.apply(
            .supplement(components: [], data: [:]), to: dossier,
            context: context(procedure, at: resumed))
        #expect(transition.eventData["pausedMinutes"] == .int(1620))
        #expect(transition.dossier.state == .inProgress && transition.dossier.step == .assigned)
        #expect(transition.dossier.dueAt == Date(timeIntervalSince1970: 1_773_979_200))  // Fri 20 March 11:00 +07
    }

    @Test func secondSupplementationMakesTheDossierLate() throws {
        var now = monday
        var dossier = try Lifecycle.open(newDossier(channel: .counter), context: context(at: now, code: "C")).dossier
        func step(_ action: DossierAction) throws {
            now = now.addingTimeInterval(600)
            dossier = try Lifecycle.apply(action, to: dossier, context: context(at: now)).dossier
        }
        try step(.assign(officerID: "s"))
        for _ in 0..<2 {
            try step(.requestSupplement(items: [SupplementItem(requirement: nil, description: "x")], reason: "r"))
            try step(.supplement(components: [], data: [:]))
        }
        try step(.submitForApproval(outcome: .granted, summary: "s"))
        try step(.approve(comment: ""))
        try step(.issue(resultNumber: "1"))
        #expect(dossier.supplementRequests == 2)
        #expect(dossier.timeliness == .late)
    }

    @Test func extensionOnceOnlyAndNotTooLate() throws {
        var dossier = try Lifecycle.open(newDossier(channel: .counter), context: context(at: monday, code: "C")).dossier
        dossier = try Lifecycle.apply(.assign(officerID: "s"), to: dossier, context: context(at: monday)).dossier
        let due = try #require(dossier.dueAt)
        let newDue = calendar.adding(officeMinutes: 960, to: due)
        let extended = try Lifecycle.apply(
            .extend(newDue: newDue, reason: "verify"), to: dossier,
            context: context(at: monday.addingTimeInterval(3600))
        ).dossier
        #expect(extended.dueAt == newDue && extended.timelinessDue == due && extended.extended)
        #expect {
            _ = try Lifecycle.apply(
                .extend(newDue: calendar.adding(officeMinutes: 480, to: newDue), reason: "again"),
                to: extended, context: context(at: monday.addingTimeInterval(7200)))
        } throws: { ($0 as? OneGateError)?.code == "already_extended" }
        // On the due day itself it is too late for an apology letter.
        #expect {
            _ = try Lifecycle.apply(
                .extend(newDue: newDue, reason: "late"), to: dossier,
                context: context(at: due.addingTimeInterval(-3600)))
        } throws: { ($0 as? OneGateError)?.code == "extension_too_late" }
    }

    @Test func submissionProblemsAreReportedTogether() throws {
        var dossier = newDossier(channel: .online)
        dossier.data = ["child_name": "", "copies": .int(99), "surprise": "x"]
        dossier.components = []
        #expect {
            _ = try Lifecycle.open(dossier, context: context(at: monday))
        } throws: { error in
            let problems = (error as? OneGateError)?.details["problems"] ?? ""
            return problems.contains("child_name:required") && problems.contains("date_of_birth:required")
                && problems.contains("copies:too_large") && problems.contains("surprise:unknown_field")
                && problems.contains("documents.birth_notice:required")
        }
    }

    @Test func dossierCodesFollowCodesMd() {
        let format = DossierCodeFormat.vietnam
        #expect(
            format.code(unit: "000.00.12.H40", day: LocalDate(year: 2026, month: 3, day: 2), sequence: 42)
                == "000.00.12.H40-260302-0042")
        #expect(
            format.code(unit: "U", day: LocalDate(year: 2026, month: 12, day: 31), sequence: 12345) == "U-261231-12345")
    }

    @Test func foldingFindsVietnameseWithoutDiacritics() {
        #expect(TextFolding.fold("Cấp giấy phép xây dựng") == "cap giay phep xay dung")
        #expect(TextFolding.fold("ĐĂNG KÝ  khai sinh") == "dang ky khai sinh")
    }

    @Test func uploadsAreCheckedByContent() throws {
        #expect(
            try DocumentInspector.check(Array("%PDF-1.4 x".utf8), declared: "application/pdf", maximumBytes: 100)
                == "application/pdf")
        #expect(throws: OneGateError.self) {
            try DocumentInspector.check(Array("<html>".utf8), declared: "application/pdf", maximumBytes: 100)
        }
        #expect(throws: OneGateError.self) {
            try DocumentInspector.check(
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], declared: "application/pdf",
                maximumBytes: 100)
        }
        #expect(throws: OneGateError.self) {
            try DocumentInspector.check(Array(repeating: 0x25, count: 101), declared: nil, maximumBytes: 100)
        }
    }
}

/// The arithmetic formatter against Foundation's, over a spread of instants.
struct TimestampTests {
    @Test func formatMatchesFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var instant = -2_208_988_800.0  // 1900-01-01
        while instant < 7_258_118_400 {  // 2200-01-01
            let date = Date(timeIntervalSince1970: instant)
            #expect(Timestamp.format(date) == formatter.string(from: date), "\(instant)")
            instant += 86_400 * 97.31 + 3_607.123
        }
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_772_503_200.5)) == "2026-03-03T02:00:00.500Z")
        #expect(
            Timestamp.parse(Timestamp.format(Date(timeIntervalSince1970: 1_772_503_200.25)))
                == Date(timeIntervalSince1970: 1_772_503_200.25))
    }
}
