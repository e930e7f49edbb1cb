import ArgumentParser
import Foundation
import OneGateCore
import OneGateRuntime
import OneGateServer

/// `onegate calendar`: due dates with their reasons, and the holidays of a year.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Working time, holidays and due dates.",
        subcommands: [Due.self, Holidays.self])

    /// The instance's calendar when a data folder is given and exists, else the defaults.
    static func calendar(_ data: String?) throws -> WorkingCalendar {
        guard let data else { return try WorkingCalendar(configuration: .vietnam) }
        let configuration = try InstanceConfiguration.load(from: URL(fileURLWithPath: data, isDirectory: true))
        return try WorkingCalendar(configuration: configuration.calendar)
    }

    struct Due: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "When is a time limit due, and why.")

        @Option(
            help: "The time limit, e.g. \"5 working_days\", \"8 working_hours\", \"30 calendar_days\", \"same_day\".")
        var limit: String
        @Option(help: "The start, in instance time (2026-02-13T10:00) or RFC 3339.") var from: String
        @Option(help: "Use this instance's calendar configuration.") var data: String?
        @Option(help: "Language of the explanation: vi or en.") var language: String = "en"

        func run() async throws {
            let calendar = try CalendarCommand.calendar(data)
            let timeLimit: TimeLimit
            do { timeLimit = try TimeLimit(parsing: limit) } catch {
                throw ValidationError("Invalid --limit \"\(limit)\".")
            }
            guard let start = LocalInstant.parse(from, calendar: calendar) else {
                throw ValidationError("Invalid --from \"\(from)\"; use 2026-02-13T10:00.")
            }
            let explanation = calendar.due(for: timeLimit, from: start)
            print(explanation.render(language: Language(rawValue: language) ?? .en))
        }
    }

    struct Holidays: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the holidays and days off of a year.")

        @Argument(help: "The year.") var year: Int
        @Option(help: "Use this instance's calendar configuration.") var data: String?
        @Option(help: "Language: vi or en.") var language: String = "en"

        func run() async throws {
            guard (1900...2199).contains(year) else { throw ValidationError("The year must be between 1900 and 2199.") }
            let calendar = try CalendarCommand.calendar(data)
            let vietnamese = language == "vi"
            for holiday in calendar.holidays(in: year) {
                let weekday = holiday.date.weekday.name(in: vietnamese ? .vi : .en)
                print(
                    "\(holiday.date)  \(weekday.padding(toLength: 9, withPad: " ", startingAt: 0))  "
                        + "\(vietnamese ? holiday.nameVi : holiday.nameEn)  [\(holiday.kind.rawValue)]")
            }
        }
    }
}
