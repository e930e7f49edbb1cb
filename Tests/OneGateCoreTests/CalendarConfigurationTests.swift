import Foundation
import Testing

@testable import OneGateCore

@Suite("Calendar configuration")
struct CalendarConfigurationTests {
    typealias F = CalendarFixtures

    @Test("Defaults")
    func defaults() {
        let configuration = CalendarConfiguration.vietnam
        #expect(configuration.timeZoneIdentifier == "Asia/Ho_Chi_Minh")
        #expect(
            configuration.officeHours == [
                OfficePeriod(startMinute: 480, endMinute: 720), OfficePeriod(startMinute: 780, endMinute: 1020),
            ])
        #expect(configuration.sameDayCutoffMinute == 900)
        #expect(configuration.onlineReceptionCheck == TimeLimit(amount: 8, unit: .workingHours))
        #expect(configuration.overrides.isEmpty)
    }

    @Test("An empty JSON object is the default configuration; the default survives a round trip")
    func coding() throws {
        #expect(try JSONDecoder().decode(CalendarConfiguration.self, from: Data("{}".utf8)) == .vietnam)
        let data = try JSONEncoder().encode(CalendarConfiguration.vietnam)
        #expect(try JSONDecoder().decode(CalendarConfiguration.self, from: data) == .vietnam)
        let custom = CalendarConfiguration(
            overrides: [YearOverrides(year: 2026, source: "x", makeUpWorkingDays: [F.day(2026, 3, 7)])])
        let customData = try JSONEncoder().encode(custom)
        #expect(try JSONDecoder().decode(CalendarConfiguration.self, from: customData) == custom)
    }

    @Test("Bad settings are refused with a precise error")
    func errors() {
        #expect(throws: CalendarError.unknownTimeZone("Mars/Olympus_Mons")) {
            try WorkingCalendar(configuration: CalendarConfiguration(timeZoneIdentifier: "Mars/Olympus_Mons"))
        }
        let badHours: [[OfficePeriod]] = [
            [],
            [OfficePeriod(startMinute: 1020, endMinute: 480)],
            [OfficePeriod(startMinute: 600, endMinute: 600)],
            [OfficePeriod(startMinute: 480, endMinute: 720), OfficePeriod(startMinute: 700, endMinute: 1020)],
            [OfficePeriod(startMinute: 780, endMinute: 1020), OfficePeriod(startMinute: 480, endMinute: 720)],
            [OfficePeriod(startMinute: -10, endMinute: 720)],
            [OfficePeriod(startMinute: 480, endMinute: 1441)],
        ]
        for hours in badHours {
            #expect(throws: CalendarError.invalidOfficeHours) {
                try WorkingCalendar(configuration: CalendarConfiguration(officeHours: hours))
            }
        }
        #expect(throws: CalendarError.invalidSameDayCutoff(2000)) {
            try WorkingCalendar(configuration: CalendarConfiguration(sameDayCutoffMinute: 2000))
        }
        #expect(throws: CalendarError.invalidTimeLimit("0 working_hours")) {
            try WorkingCalendar(
                configuration: CalendarConfiguration(onlineReceptionCheck: TimeLimit(amount: 0, unit: .workingHours)))
        }
        #expect(CalendarError.invalidOfficeHours.description.contains("office hours"))
    }

    @Test("Custom office hours and cut-off")
    func customHours() throws {
        let calendar = try WorkingCalendar(
            configuration: CalendarConfiguration(
                officeHours: [
                    OfficePeriod(startMinute: 7 * 60 + 30, endMinute: 11 * 60 + 30),
                    OfficePeriod(startMinute: 13 * 60 + 30, endMinute: 16 * 60 + 30),
                ],
                sameDayCutoffMinute: 16 * 60))
        #expect(
            calendar.due(for: TimeLimit(amount: 3, unit: .workingDays), from: F.vn(2026, 3, 2, 10)).due
                == F.vn(2026, 3, 5, 16, 30))
        #expect(
            calendar.due(for: TimeLimit(amount: 1, unit: .sameDay), from: F.vn(2026, 3, 4, 15, 30)).due
                == F.vn(2026, 3, 4, 16, 30))
        #expect(calendar.adding(officeMinutes: 420, to: F.vn(2026, 3, 2, 7, 30)) == F.vn(2026, 3, 2, 16, 30))
        #expect(calendar.officeMinutes(from: F.vn(2026, 3, 2), to: F.vn(2026, 3, 3)) == 420)
    }

    @Test("Another zone: office hours are local wall-clock hours, also across a daylight-saving change")
    func otherZone() throws {
        let calendar = try WorkingCalendar(configuration: CalendarConfiguration(timeZoneIdentifier: "Europe/Paris"))
        var paris = Calendar(identifier: .gregorian)
        paris.timeZone = calendar.timeZone
        func local(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
            paris.date(from: DateComponents(year: 2026, month: 3, day: day, hour: hour, minute: minute))
                ?? Date(timeIntervalSince1970: 0)
        }
        // Clocks go forward on Sunday 29 March 2026; Monday 08:30 is still 08:30 on the wall.
        #expect(calendar.adding(officeMinutes: 60, to: local(27, 16, 30)) == local(30, 8, 30))
        #expect(calendar.officeMinutes(from: local(27, 16, 30), to: local(30, 8, 30)) == 60)
        #expect(calendar.due(for: TimeLimit(amount: 1, unit: .workingDays), from: local(27, 10)).due == local(30, 17))
        // Lunar holidays stay on Vietnam's dates whatever the zone.
        #expect(!calendar.isWorkingDay(F.day(2026, 2, 17)))
    }
}

@Suite("Calendar description")
struct CalendarDescriptionTests {
    @Test("A working calendar describes itself in one line")
    func oneLine() throws {
        let calendar = try CalendarFixtures.vietnam()
        #expect(
            calendar.description
                == "WorkingCalendar(Asia/Ho_Chi_Minh, office hours 08:00–12:00, 13:00–17:00, cut-off 15:00, "
                + "0 yearly override(s))")
    }
}
