import Foundation
import Testing

@testable import OneGateCore

@Suite("Due dates without explanation")
struct CalendarDueDateTests {
    typealias F = CalendarFixtures

    @Test("dueDate(for:from:) agrees with due(for:from:) for every unit, over a year of starts")
    func fastPathAgrees() throws {
        let calendar = try F.vietnam()
        let limits = [
            TimeLimit(amount: 1, unit: .workingDays), TimeLimit(amount: 10, unit: .workingDays),
            TimeLimit(amount: 8, unit: .workingHours), TimeLimit(amount: 30, unit: .calendarDays),
            TimeLimit(amount: 1, unit: .sameDay), TimeLimit(amount: 0, unit: .workingDays),
            TimeLimit(amount: 0, unit: .workingHours),
        ]
        let base = F.vn(2026, 1, 1)
        // Every 7 hours 13 minutes for a year reaches every time of day and every weekday.
        for step in 0..<1200 {
            let start = base.addingTimeInterval(Double(step) * (7 * 3600 + 13 * 60))
            for limit in limits {
                let explained = calendar.due(for: limit, from: start)
                let fast = calendar.dueDate(for: limit, from: start)
                #expect(fast == explained.due, "\(limit) from \(start)")
                #expect(explained.due >= start, "\(limit) from \(start)")
                // Zero working hours is the start itself, whatever day that is.
                let onWorkingDay = calendar.isWorkingDay(explained.dueLocal.date) || limit.amount == 0
                #expect(onWorkingDay, "\(limit) from \(start)")
            }
        }
    }
}
