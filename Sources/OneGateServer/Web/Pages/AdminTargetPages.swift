import Foundation
import Hummingbird
import OneGateCore

/// Digital-transformation targets per unit, year and indicator (docs/indicators.md, "Targets"):
/// the national template applies by unit kind, a target set on a unit applies below it too, and
/// a unit may only tighten what it inherits (`TargetBook` enforces this).
extension AdminPages {
    /// The indicators a target can be set for: the shares where higher is better.
    static let targetIndicators: [IndicatorID] = [
        .dossiersFullOnline, .proceduresFullOnline, .processedFullyElectronic, .dossiersOnline, .reusedData,
        .satisfaction, .proceduresOnline, .digitisedAtReception, .resultsElectronic, .onTime, .paidOnline,
    ]

    static let targetYears = 2020...2100

    @Sendable func targets(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        let query = QueryText(request)
        guard let unit = query["unit"] ?? scope.topUnits.first?.code else { throw OneGateError.notFound("unit") }
        try scope.require(scope.manages(unit))
        guard scope.tree[unit] != nil else { throw OneGateError.notFound("unit") }
        let thisYear = web.service.calendar.localDate(of: web.service.clock.now()).year
        let year = try query.integer("year", default: thisYear, in: Self.targetYears)
        let book = try await storedTargets()
        let typed = Dictionary(
            uniqueKeysWithValues: book.targets.filter { $0.unit == unit && $0.year == year }.map {
                ($0.indicator, Self.percentText($0.value))
            })
        return targetPage(
            unit: unit, year: year, book: book, typed: typed, scope: scope, visitor: visitor, request: request,
            errors: FormErrors())
    }

    private func storedTargets() async throws -> TargetBook {
        try InstanceSettings.targets(from: try await web.store.setting(InstanceSettings.targetsKey))
    }

    @Sendable func saveTargets(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        let form = try await web.readForm(request, visitor)
        guard let unit = form["unit"], scope.tree[unit] != nil else { throw OneGateError.notFound("unit") }
        try scope.require(scope.manages(unit))
        guard let year = Int(form["year"] ?? ""), Self.targetYears.contains(year) else {
            throw OneGateError.invalid(field: "year", vi: "Năm không hợp lệ.", en: "The year is not valid.")
        }
        var book = try await storedTargets()
        var errors = FormErrors()
        var typed: [IndicatorID: String] = [:]
        for indicator in Self.targetIndicators {
            let field = "target_\(indicator.rawValue)"
            let text = form[field] ?? ""
            typed[indicator] = text
            book.remove(unit: unit, year: year, indicator: indicator)
            guard !text.isEmpty else { continue }
            guard let percent = Self.percent(text) else {
                errors.add(field, visitor.text("admin_target_invalid"))
                continue
            }
            do {
                try book.set(
                    Target(unit: unit, year: year, indicator: indicator, value: percent / 100), tree: scope.tree)
            } catch {
                var message = visitor.text(error.message)
                if let inherited = error.details["inherited"].flatMap(Double.init) {
                    message += " (\(visitor.text("admin_target_inherited")): \(Self.percentText(inherited)) %)"
                }
                errors.add(field, message)
            }
        }
        guard errors.isEmpty else {
            return targetPage(
                unit: unit, year: year, book: try await storedTargets(), typed: typed, scope: scope, visitor: visitor,
                request: request, errors: errors)
        }
        try await web.store.setSetting(InstanceSettings.targetsKey, value: try InstanceSettings.text(book.targets))
        return web.redirect("/admin/targets?unit=\(Web.queryEscape(unit))&year=\(year)&notice=targets_saved")
    }

    private func targetPage(
        unit: String, year: Int, book: TargetBook, typed: [IndicatorID: String], scope: AdminScope, visitor: Visitor,
        request: Request, errors: FormErrors
    ) -> Response {
        let tree = scope.tree
        var inheritedBook = book
        for indicator in Self.targetIndicators { inheritedBook.remove(unit: unit, year: year, indicator: indicator) }
        let rows = Self.targetIndicators.map { indicator in
            let field = "target_\(indicator.rawValue)"
            let effective = book.effective(unit: unit, year: year, indicator: indicator, tree: tree)
            let inherited = inheritedBook.effective(unit: unit, year: year, indicator: indicator, tree: tree)
            var row: [String: Any] = [
                "label": visitor.text(indicator.label), "id": field, "value": typed[indicator] ?? "",
                "effective": effective.map { Self.percentText($0.value) + " %" } ?? "—",
                "origin": effective.map { origin($0.origin, visitor: visitor) } ?? "",
                "inherited": inherited.map { Self.percentText($0.value) + " %" } ?? "—",
                "invalid": errors[field] != nil,
            ]
            if let error = errors[field] { row["error"] = error }
            return row
        }
        return adminPage(
            "admin-targets", title: visitor.text("admin_targets_title"), visitor: visitor, request: request,
            data: [
                "unit": unit, "unitName": tree[unit].map { visitor.text($0.name) } ?? unit, "year": year,
                "rows": rows, "units": unitOptions(scope, visitor: visitor, selected: unit),
            ], errors: errors)
    }

    private func origin(_ origin: TargetOrigin, visitor: Visitor) -> String {
        switch origin {
        case .national(let category):
            return visitor.text(
                category == .locality ? "admin_target_national_locality" : "admin_target_national_branch")
        case .unit(let code):
            return visitor.text("admin_target_set_by") + " "
                + (web.service.units.value[code].map { visitor.text($0.name) } ?? code) + ")"
        }
    }

    /// A percentage typed with a dot or a comma as the decimal mark, with or without `%`.
    static func percent(_ text: String) -> Double? {
        let cleaned = text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: ",", with: ".")
            .trimmingCharacters(in: .whitespaces)
        guard !cleaned.isEmpty, cleaned.allSatisfy({ $0.isNumber || $0 == "." }), let value = Double(cleaned),
            (0...100).contains(value)
        else { return nil }
        return value
    }

    /// A share as a percentage without needless decimals: 0.7 → "70", 0.755 → "75.5".
    static func percentText(_ share: Double) -> String {
        let percent = (share * 1000).rounded() / 10
        return percent == percent.rounded() ? String(Int(percent)) : String(percent)
    }
}
