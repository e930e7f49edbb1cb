import Foundation
import Testing

@testable import OneGateCore

@Suite("Timeliness: early, on time, late")
struct CalendarTimelinessTests {
    typealias F = CalendarFixtures

    @Test(
        "Against a due moment of Mon 2026-03-16 17:00",
        arguments: [
            ((2026, 3, 13, 16, 0, 0), Timeliness.early),
            ((2026, 3, 15, 23, 59, 59), .early),
            ((2026, 3, 16, 0, 0, 0), .onTime),
            // 23:30 UTC on Sunday, but already Monday in Vietnam: the local day decides.
            ((2026, 3, 16, 6, 30, 0), .onTime),
            ((2026, 3, 16, 17, 0, 0), .onTime),
            ((2026, 3, 16, 17, 0, 1), .late),
            ((2026, 3, 16, 23, 0, 0), .late),
            ((2026, 3, 17, 8, 0, 0), .late),
        ])
    func closingDue(finished: (Int, Int, Int, Int, Int, Int), expected: Timeliness) throws {
        let calendar = try F.vietnam()
        let (year, month, day, hour, minute, second) = finished
        let finishedAt = F.vn(year, month, day, hour, minute, second)
        #expect(calendar.timeliness(finishedAt: finishedAt, due: F.vn(2026, 3, 16, 17)) == expected)
    }

    @Test("Against a due moment inside the day (after a pause)")
    func midDayDue() throws {
        let calendar = try F.vietnam()
        let due = F.vn(2026, 3, 20, 11)
        #expect(calendar.timeliness(finishedAt: F.vn(2026, 3, 19, 16), due: due) == .early)
        #expect(calendar.timeliness(finishedAt: F.vn(2026, 3, 20, 8), due: due) == .onTime)
        #expect(calendar.timeliness(finishedAt: F.vn(2026, 3, 20, 11), due: due) == .onTime)
        #expect(calendar.timeliness(finishedAt: F.vn(2026, 3, 20, 11, 30), due: due) == .late)
    }

    @Test("Codes and labels")
    func labels() {
        #expect(Timeliness.allCases.map(\.rawValue) == ["early", "on_time", "late"])
        #expect(Timeliness.allCases.map { $0.text(in: .vi) } == ["Trước hạn", "Đúng hạn", "Quá hạn"])
        #expect(Timeliness.onTime.text(in: .en) == "On time")
    }
}
