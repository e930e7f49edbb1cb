import Foundation
import Hummingbird
import OneGateCore

/// The government's yearly decisions on days off (calendar overrides). They are saved in the
/// store's settings and the service's calendar is replaced at once, so due dates computed from
/// then on follow them; `Instance.open` applies the saved ones on every start.
extension AdminPages {
    static let calendarYears = 2000...2100

    @Sendable func calendarYears(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        try scope.require(scope.isInstanceAdmin)
        if let text = QueryText(request)["year"] {
            guard let year = Int(text), Self.calendarYears.contains(year) else {
                var errors = FormErrors()
                errors.add("year", visitor.text("admin_calendar_year_invalid"))
                return try await calendarList(visitor: visitor, request: request, errors: errors, year: text)
            }
            return web.redirect("/admin/calendar/\(year)")
        }
        return try await calendarList(visitor: visitor, request: request, errors: FormErrors(), year: "")
    }

    private func calendarList(
        visitor: Visitor, request: Request, errors: FormErrors, year: String
    ) async throws
        -> Response
    {
        let stored = Set(try await storedOverrides().map(\.year))
        let calendar = web.service.calendar
        let rows = calendar.configuration.overrides.map { entry in
            [
                "year": entry.year, "source": entry.source ?? "", "extra": entry.extraDaysOff.count,
                "makeUp": entry.makeUpWorkingDays.count, "cancelled": entry.cancelledDaysOff.count,
                "origin": visitor.text(
                    stored.contains(entry.year) ? "admin_calendar_origin_settings" : "admin_calendar_origin_file"),
            ] as [String: Any]
        }
        let thisYear = calendar.localDate(of: web.service.clock.now()).year
        let field = AdminField(
            name: "year", label: visitor.text("admin_calendar_year"), value: year, kind: .input(type: "number"))
        return adminPage(
            "admin-calendar", title: visitor.text("admin_calendar_title"), visitor: visitor, request: request,
            data: [
                "years": rows, "hasYears": !rows.isEmpty, "thisYear": thisYear, "nextYear": thisYear + 1,
                "field": field.values(errors),
            ], errors: errors)
    }

    private func storedOverrides() async throws -> [YearOverrides] {
        try InstanceSettings.calendarOverrides(from: try await web.store.setting(InstanceSettings.calendarOverridesKey))
    }

    private func requestedYear(_ context: AppRequestContext) throws -> Int {
        guard let year = Int(try context.parameters.require("year")), Self.calendarYears.contains(year) else {
            throw OneGateError.notFound("year")
        }
        return year
    }

    @Sendable func calendarYear(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        try scope.require(scope.isInstanceAdmin)
        let year = try requestedYear(context)
        let entry = web.service.calendar.configuration.overrides.first { $0.year == year } ?? YearOverrides(year: year)
        return calendarForm(
            YearOverridesDraft(entry), year: year, visitor: visitor, request: request, errors: FormErrors())
    }

    @Sendable func saveCalendarYear(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        try scope.require(scope.isInstanceAdmin)
        let year = try requestedYear(context)
        let form = try await web.readForm(request, visitor)
        let draft = YearOverridesDraft(form)
        let current = web.service.calendar
        var errors = FormErrors()
        let entry = draft.overrides(year: year, rules: current.rules, errors: &errors, visitor: visitor)
        var calendar: WorkingCalendar?
        if errors.isEmpty, let entry {
            do {
                let configuration = current.configuration
                var changed = configuration
                changed.overrides = InstanceSettings.merging([entry], into: configuration.overrides)
                calendar = try WorkingCalendar(configuration: changed)
            } catch {
                // The checks above mirror the calendar's own; this is the safety net for anything new.
                errors.add("extraDaysOff", visitor.text("admin_calendar_rejected") + " \(error)")
            }
        }
        guard errors.isEmpty, let entry, let calendar else {
            return calendarForm(draft, year: year, visitor: visitor, request: request, errors: errors)
        }
        // An entry with empty lists is kept: it stands for "no decision this year" and so also
        // overrides a decision for that year in the configuration file on the next start.
        let stored = InstanceSettings.merging([entry], into: try await storedOverrides())
        try await web.store.setSetting(InstanceSettings.calendarOverridesKey, value: try InstanceSettings.text(stored))
        web.service.calendars.replace(calendar)
        return web.redirect("/admin/calendar/\(year)?notice=calendar_saved")
    }

    private func calendarForm(
        _ draft: YearOverridesDraft, year: Int, visitor: Visitor, request: Request, errors: FormErrors
    ) -> Response {
        let calendar = web.service.calendar
        let holidays = calendar.holidays(in: year).map { holiday in
            [
                "date": Self.show(holiday.date), "iso": holiday.date.description,
                "weekday": holiday.date.weekday.name(in: visitor.language), "name": holiday.name(in: visitor.language),
                "kind": visitor.text("admin_holiday_\(holiday.kind.rawValue)"),
            ] as [String: Any]
        }
        let makeUp = (calendar.configuration.overrides.first { $0.year == year }?.makeUpWorkingDays ?? []).sorted()
            .map { ["date": Self.show($0), "iso": $0.description, "weekday": $0.weekday.name(in: visitor.language)] }
        let fields = [
            AdminField(
                name: "source", label: visitor.text("admin_calendar_source"), value: draft.source,
                hint: visitor.text("admin_calendar_source_hint")),
            AdminField(
                name: "extraDaysOff", label: visitor.text("admin_calendar_extra"), value: draft.extraDaysOff,
                kind: .textarea(rows: 6), hint: visitor.text("admin_calendar_extra_hint")),
            AdminField(
                name: "makeUpWorkingDays", label: visitor.text("admin_calendar_make_up"),
                value: draft.makeUpWorkingDays, kind: .textarea(rows: 3),
                hint: visitor.text("admin_calendar_dates_hint")),
            AdminField(
                name: "cancelledDaysOff", label: visitor.text("admin_calendar_cancelled"),
                value: draft.cancelledDaysOff, kind: .textarea(rows: 3),
                hint: visitor.text("admin_calendar_cancelled_hint")),
        ]
        return adminPage(
            "admin-calendar-year", title: "\(visitor.text("admin_calendar_year_title")) \(year)", visitor: visitor,
            request: request,
            data: [
                "year": year, "previous": year - 1, "next": year + 1, "holidays": holidays,
                "hasHolidays": !holidays.isEmpty, "makeUp": makeUp, "hasMakeUp": !makeUp.isEmpty,
                "fields": fields.map { $0.values(errors) },
            ], errors: errors)
    }
}

/// A year's overrides as the form holds them: one day per line, so they can be typed without
/// scripts and come back exactly as typed when something is wrong.
struct YearOverridesDraft {
    var source = ""
    var extraDaysOff = ""
    var makeUpWorkingDays = ""
    var cancelledDaysOff = ""

    init(_ entry: YearOverrides) {
        source = entry.source ?? ""
        extraDaysOff = entry.extraDaysOff.map { "\($0.date) | \($0.nameVi) | \($0.nameEn)" }.joined(separator: "\n")
        makeUpWorkingDays = entry.makeUpWorkingDays.map(\.description).joined(separator: "\n")
        cancelledDaysOff = entry.cancelledDaysOff.map(\.description).joined(separator: "\n")
    }

    init(_ form: FormData) {
        source = form["source"] ?? ""
        extraDaysOff = form["extraDaysOff"] ?? ""
        makeUpWorkingDays = form["makeUpWorkingDays"] ?? ""
        cancelledDaysOff = form["cancelledDaysOff"] ?? ""
    }

    private static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The overrides typed, checked the way `WorkingCalendar` checks them but with the message
    /// next to the list that holds the offending day; nil with errors recorded otherwise.
    func overrides(year: Int, rules: HolidayRules, errors: inout FormErrors, visitor: Visitor) -> YearOverrides? {
        var seen: Set<LocalDate> = []
        func day(_ text: String, _ field: String) -> LocalDate? {
            var local = FormErrors()
            guard let date = AdminPages.date(text, field: field, errors: &local, visitor: visitor) else {
                errors.add(field, "\(visitor.text("admin_error_date")): \(text)")
                return nil
            }
            // A date more than a year away from the decision's year is certainly a typo.
            guard abs(date.year - year) <= 1 else {
                errors.add(field, "\(visitor.text("admin_calendar_date_far")): \(AdminPages.show(date))")
                return nil
            }
            guard seen.insert(date).inserted else {
                errors.add(field, "\(visitor.text("admin_calendar_date_twice")): \(AdminPages.show(date))")
                return nil
            }
            return date
        }
        var extra: [ExtraDayOff] = []
        for line in Self.lines(extraDaysOff) {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count <= 3, parts.count >= 2, !parts[1].isEmpty, parts[1].count <= 200 else {
                errors.add("extraDaysOff", "\(visitor.text("admin_calendar_extra_invalid")): \(line)")
                continue
            }
            guard let date = day(parts[0], "extraDaysOff") else { continue }
            let english = parts.count == 3 && !parts[2].isEmpty ? String(parts[2].prefix(200)) : parts[1]
            extra.append(ExtraDayOff(date: date, nameVi: parts[1], nameEn: english))
        }
        var makeUp: [LocalDate] = []
        for line in Self.lines(makeUpWorkingDays) {
            guard let date = day(line, "makeUpWorkingDays") else { continue }
            let ruleDays = Set(rules.holidays(in: date.year).map(\.date))
            if !date.weekday.isWeekend && !ruleDays.contains(date) {
                errors.add(
                    "makeUpWorkingDays", "\(visitor.text("admin_calendar_make_up_working")): \(AdminPages.show(date))")
            }
            makeUp.append(date)
        }
        var cancelled: [LocalDate] = []
        for line in Self.lines(cancelledDaysOff) {
            guard let date = day(line, "cancelledDaysOff") else { continue }
            if !rules.holidays(in: date.year).contains(where: { $0.date == date }) {
                errors.add(
                    "cancelledDaysOff", "\(visitor.text("admin_calendar_cancel_not_off")): \(AdminPages.show(date))")
            }
            cancelled.append(date)
        }
        if source.count > 500 { errors.add("source", visitor.text("admin_calendar_source_long")) }
        guard errors.isEmpty else { return nil }
        return YearOverrides(
            year: year, source: source.isEmpty ? nil : source, extraDaysOff: extra.sorted { $0.date < $1.date },
            cancelledDaysOff: cancelled.sorted(), makeUpWorkingDays: makeUp.sorted())
    }
}
