import Foundation
import Testing

@testable import OneGateCore

@Suite("Office-minute arithmetic, pauses and extensions")
struct CalendarOfficeTimeTests {
    typealias F = CalendarFixtures

    // 2026-03-02 is a Monday; 2026-03-06 a Friday; 7–8 March a weekend.

    @Test("Adding from 12:30 (lunch) starts at 13:00")
    func fromLunch() throws {
        let calendar = try F.vietnam()
        #expect(calendar.adding(officeMinutes: 60, to: F.vn(2026, 3, 2, 12, 30)) == F.vn(2026, 3, 2, 14))
        #expect(calendar.officeMinutes(from: F.vn(2026, 3, 2, 12, 30), to: F.vn(2026, 3, 2, 13, 30)) == 30)
    }

    @Test("Adding from 17:00 starts at the next opening")
    func fromClosing() throws {
        let calendar = try F.vietnam()
        #expect(calendar.adding(officeMinutes: 60, to: F.vn(2026, 3, 2, 17)) == F.vn(2026, 3, 3, 9))
        #expect(calendar.officeMinutes(from: F.vn(2026, 3, 2, 17), to: F.vn(2026, 3, 3, 8)) == 0)
    }

    @Test("Adding from 07:00 starts at 08:00")
    func fromEarlyMorning() throws {
        let calendar = try F.vietnam()
        #expect(calendar.adding(officeMinutes: 60, to: F.vn(2026, 3, 2, 7)) == F.vn(2026, 3, 2, 9))
        #expect(calendar.officeMinutes(from: F.vn(2026, 3, 2, 7), to: F.vn(2026, 3, 2, 9)) == 60)
    }

    @Test("A result exactly at a period end stays there")
    func periodEnds() throws {
        let calendar = try F.vietnam()
        #expect(calendar.adding(officeMinutes: 480, to: F.vn(2026, 3, 2, 8)) == F.vn(2026, 3, 2, 17))
        #expect(calendar.adding(officeMinutes: 240, to: F.vn(2026, 3, 2, 8)) == F.vn(2026, 3, 2, 12))
        #expect(calendar.adding(officeMinutes: 241, to: F.vn(2026, 3, 2, 8)) == F.vn(2026, 3, 2, 13, 1))
        #expect(calendar.adding(officeMinutes: 481, to: F.vn(2026, 3, 2, 8)) == F.vn(2026, 3, 3, 8, 1))
    }

    @Test("Across a weekend and across Tết")
    func acrossNonWorkingDays() throws {
        let calendar = try F.vietnam()
        #expect(calendar.adding(officeMinutes: 60, to: F.vn(2026, 3, 6, 16, 30)) == F.vn(2026, 3, 9, 8, 30))
        #expect(calendar.adding(officeMinutes: 1, to: F.vn(2026, 3, 7, 10)) == F.vn(2026, 3, 9, 8, 1))
        #expect(calendar.officeMinutes(from: F.vn(2026, 3, 6, 16), to: F.vn(2026, 3, 9, 9)) == 120)
        #expect(calendar.officeMinutes(from: F.vn(2026, 3, 7, 9), to: F.vn(2026, 3, 8, 15)) == 0)
        #expect(calendar.officeMinutes(from: F.vn(2026, 3, 6, 8), to: F.vn(2026, 3, 13, 8)) == 5 * 480)
        #expect(calendar.adding(officeMinutes: 30, to: F.vn(2026, 2, 13, 16, 45)) == F.vn(2026, 2, 23, 8, 15))
        #expect(calendar.officeMinutes(from: F.vn(2026, 2, 13, 12), to: F.vn(2026, 2, 23, 12)) == 240 + 240)
    }

    @Test("Zero, negative and inverted inputs change nothing")
    func degenerate() throws {
        let calendar = try F.vietnam()
        let moment = F.vn(2026, 3, 7, 10)
        #expect(calendar.adding(officeMinutes: 0, to: moment) == moment)
        #expect(calendar.adding(officeMinutes: -30, to: moment) == moment)
        #expect(calendar.officeMinutes(from: F.vn(2026, 3, 3, 10), to: F.vn(2026, 3, 2, 10)) == 0)
        #expect(calendar.officeMinutes(from: moment, to: moment) == 0)
        // Whole minutes only: 59 seconds of office time is 0 minutes.
        #expect(calendar.officeMinutes(from: F.vn(2026, 3, 2, 10), to: F.vn(2026, 3, 2, 10, 0, 59)) == 0)
    }

    @Test("officeMinutes measures exactly what adding moved, from any start")
    func inverse() throws {
        let calendar = try F.vietnam()
        var seed: UInt64 = 0x2026_0213
        func next(_ bound: UInt64) -> Int {
            // A fixed linear congruential sequence keeps the test deterministic.
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % bound)
        }
        let base = F.vn(2025, 12, 1)
        for _ in 0..<500 {
            let start = base.addingTimeInterval(Double(next(120 * 86_400 / 60) * 60))
            let minutes = 1 + next(6_000)
            let end = calendar.adding(officeMinutes: minutes, to: start)
            #expect(calendar.officeMinutes(from: start, to: end) == minutes, "\(start) + \(minutes)")
            #expect(calendar.isWorkingDay(calendar.localDate(of: end)), "\(start) + \(minutes)")
        }
    }

    @Test("A pause moves the due moment by the office time paused, to the second")
    func pauses() throws {
        let calendar = try F.vietnam()
        let due = F.vn(2026, 3, 16, 17)
        // Paused over a weekend only: nothing moves.
        #expect(calendar.resumed(due: due, pausedFrom: F.vn(2026, 3, 7, 9), resumedAt: F.vn(2026, 3, 8, 9)) == due)
        // Resumed before paused: nothing moves.
        #expect(calendar.resumed(due: due, pausedFrom: F.vn(2026, 3, 9, 9), resumedAt: F.vn(2026, 3, 9, 8)) == due)
        // 90 seconds of office time.
        #expect(
            calendar.resumed(due: due, pausedFrom: F.vn(2026, 3, 9, 9), resumedAt: F.vn(2026, 3, 9, 9, 1, 30))
                == F.vn(2026, 3, 17, 8, 1, 30))
        // A due moment inside the day keeps counting from there.
        #expect(
            calendar.resumed(
                due: F.vn(2026, 3, 20, 11), pausedFrom: F.vn(2026, 3, 10, 16), resumedAt: F.vn(2026, 3, 11, 9))
                == F.vn(2026, 3, 20, 14))
    }

    @Test("An extension is due one working day before the due moment, at the same time of day")
    func extensionDeadline() throws {
        let calendar = try F.vietnam()
        #expect(calendar.latestExtensionMoment(forDue: F.vn(2026, 3, 16, 17)) == F.vn(2026, 3, 13, 17))
        #expect(calendar.latestExtensionMoment(forDue: F.vn(2026, 3, 20, 11)) == F.vn(2026, 3, 19, 11))
        #expect(calendar.latestExtensionMoment(forDue: F.vn(2026, 2, 27, 17)) == F.vn(2026, 2, 26, 17))
        #expect(calendar.latestExtensionMoment(forDue: F.vn(2026, 2, 23, 17)) == F.vn(2026, 2, 13, 17))
        #expect(calendar.latestExtensionMoment(forDue: F.vn(2026, 4, 28, 16)) == F.vn(2026, 4, 24, 16))
    }

    @Test("Local days follow the instance's zone, not UTC")
    func localDays() throws {
        let calendar = try F.vietnam()
        // 2026-03-01 17:30 UTC is already Monday 2 March 00:30 in Vietnam.
        let instant = F.vn(2026, 3, 2, 0, 30)
        #expect(calendar.localDate(of: instant) == F.day(2026, 3, 2))
        #expect(calendar.localMoment(of: instant) == LocalMoment(date: F.day(2026, 3, 2), minute: 30))
        #expect(calendar.instant(of: LocalMoment(date: F.day(2026, 3, 2), minute: 30)) == instant)
        #expect(calendar.instant(of: LocalMoment(date: F.day(2026, 3, 2), minute: 1440)) == F.vn(2026, 3, 3))
        #expect(calendar.closeOfOffice(on: F.day(2026, 3, 7)) == F.vn(2026, 3, 7, 17))
        #expect(calendar.timeZone.identifier == "Asia/Ho_Chi_Minh")
        // Sub-second instants survive the round trip through local coordinates.
        let precise = F.vn(2026, 3, 2, 10).addingTimeInterval(0.25)
        #expect(calendar.adding(officeMinutes: 1, to: precise) == precise.addingTimeInterval(60))
    }
}
