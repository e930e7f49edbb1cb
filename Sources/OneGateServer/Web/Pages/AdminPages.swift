import Foundation
import Hummingbird
import OneGateCore

/// The administration pages under `/admin`: units, officers and their roles, the catalogue of
/// procedures, the yearly holiday overrides and the digital-transformation targets.
///
/// Every handler checks who may do what itself (through ``AdminScope``), for reading and for
/// changing; hiding a link is only a courtesy.
struct AdminPages {
    let web: Web

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("admin", use: overview)

        router.get("admin/units", use: units)
        router.get("admin/units/new", use: newUnit)
        router.post("admin/units", use: createUnit)
        router.get("admin/units/{code}", use: unit)
        router.get("admin/units/{code}/edit", use: editUnit)
        router.post("admin/units/{code}", use: updateUnit)

        router.get("admin/officers", use: officers)
        router.get("admin/officers/new", use: newOfficer)
        router.post("admin/officers", use: createOfficer)
        router.get("admin/officers/{id}", use: officer)
        router.post("admin/officers/{id}/roles", use: addRole)
        router.post("admin/officers/{id}/roles/remove", use: removeRole)
        router.post("admin/officers/{id}/active", use: setActive)

        router.get("admin/procedures", use: procedures)
        router.get("admin/procedures/{code}", use: procedure)
        router.get("admin/procedures/{code}/edit", use: editProcedure)
        router.post("admin/procedures/{code}", use: saveProcedure)

        router.get("admin/calendar", use: calendarYears)
        router.get("admin/calendar/{year}", use: calendarYear)
        router.post("admin/calendar/{year}", use: saveCalendarYear)

        router.get("admin/targets", use: targets)
        router.post("admin/targets", use: saveTargets)
    }

    var tenant: String { web.dependencies.tenant }

    /// The administrator behind a request, or a refusal: sign-in for nobody, 403 for anyone
    /// who administers nothing.
    func scope(_ visitor: Visitor) throws -> AdminScope {
        let officer = try web.requireOfficer(visitor)
        let scope = AdminScope(officer: officer, tree: web.service.units.value, tenant: tenant)
        guard officer.active, scope.isAdministrator else { throw OneGateError.forbidden }
        return scope
    }

    // MARK: - Overview

    @Sendable func overview(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        var sections: [[String: Any]] = [
            [
                "href": "/admin/units", "label": visitor.text("admin_units_title"),
                "text": visitor.text("admin_units_lead"),
            ],
            [
                "href": "/admin/officers", "label": visitor.text("admin_officers_title"),
                "text": visitor.text("admin_officers_lead"),
            ],
        ]
        if scope.managesCatalogue {
            sections.append([
                "href": "/admin/procedures", "label": visitor.text("admin_procedures_title"),
                "text": visitor.text("admin_procedures_lead"),
            ])
        }
        if scope.isInstanceAdmin {
            sections.append([
                "href": "/admin/calendar", "label": visitor.text("admin_calendar_title"),
                "text": visitor.text("admin_calendar_lead"),
            ])
        }
        sections.append([
            "href": "/admin/targets", "label": visitor.text("admin_targets_title"),
            "text": visitor.text("admin_targets_lead"),
        ])
        let managed = scope.topUnits.map { visitor.text($0.name) + " (\($0.code))" }
        return web.page(
            "admin-home", title: visitor.text("admin_title"), visitor: visitor,
            data: [
                "sections": sections, "managed": managed, "isInstanceAdmin": scope.isInstanceAdmin,
            ])
    }

    // MARK: - Shared helpers

    /// A page of the admin area with its notice (after a redirect) and errors.
    func adminPage(
        _ template: String, title: String, visitor: Visitor, request: Request, data: [String: Any],
        errors: FormErrors = FormErrors()
    ) -> Response {
        var values = data
        if let key = QueryText(request)["notice"], Self.notices.contains(key) {
            values["notice"] = visitor.text("admin_notice_\(key)")
        }
        for (key, value) in errors.values { values[key] = value }
        return web.page(
            template, title: title, visitor: visitor, data: values,
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// The notices a redirect may ask for (`?notice=`); anything else is ignored, so that a link
    /// cannot put words of its own on the page.
    static let notices: Set<String> = [
        "unit_created", "unit_saved", "officer_created", "role_added", "role_removed", "officer_deactivated",
        "officer_reactivated", "procedure_saved", "procedure_unchanged", "calendar_saved", "targets_saved",
    ]

    /// Units as options of a select, in tree order with their depth shown, limited to those the
    /// administrator manages.
    func unitOptions(
        _ scope: AdminScope, visitor: Visitor, selected: String?, includeHistorical: Bool = true
    )
        -> [[String: Any]]
    {
        let today = web.service.calendar.localDate(of: web.service.clock.now())
        return scope.managedUnitsInTreeOrder().compactMap { unit, depth in
            if !includeHistorical, !unit.isActive(on: today) { return nil }
            return [
                "value": unit.code,
                "label": String(repeating: "– ", count: depth) + visitor.text(unit.name) + " (\(unit.code))",
                "selected": unit.code == selected,
            ]
        }
    }

    /// A date typed as `yyyy-MM-dd` (what a date input sends) or `dd/MM/yyyy` (how dates are
    /// written here); nil when empty, an error when neither.
    static func date(_ text: String?, field: String, errors: inout FormErrors, visitor: Visitor) -> LocalDate? {
        guard let text, !text.isEmpty else { return nil }
        if let date = LocalDate(string: text), date.isValid { return date }
        let parts = text.split(separator: "/")
        if parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) {
            let date = LocalDate(year: year, month: month, day: day)
            if date.isValid { return date }
        }
        errors.add(field, visitor.text("admin_error_date"))
        return nil
    }

    /// A day as people read it here: `dd/MM/yyyy`.
    static func show(_ date: LocalDate?) -> String {
        guard let date else { return "" }
        return String(format: "%02d/%02d/%04d", date.day, date.month, date.year)
    }
}

/// What one administrator may administer. `admin` held at a root unit (the province) covers the
/// whole instance; `admin` or `unit_admin` held lower covers that unit's subtree, the same rule
/// `Authorizer` applies to every other role.
struct AdminScope: Sendable {
    let officer: Officer
    let tree: UnitTree
    /// The units at which the officer holds `admin` or `unit_admin`.
    let assignments: [RoleAssignment]
    /// `admin` at a root unit: the calendar and every unit.
    let isInstanceAdmin: Bool

    init(officer: Officer, tree: UnitTree, tenant: String) {
        self.officer = officer
        self.tree = tree
        assignments = officer.active ? officer.roles.filter { $0.role == .admin || $0.role == .unitAdmin } : []
        isInstanceAdmin = assignments.contains { assignment in
            guard assignment.role == .admin else { return false }
            // Before any unit exists, the admin of the tenant must be able to create it.
            guard let unit = tree[assignment.unit] else { return assignment.unit == tenant }
            return unit.parent == nil || tree[unit.parent!] == nil
        }
    }

    var isAdministrator: Bool { !assignments.isEmpty }

    /// Whether the administrator may manage `unit` (and the officers and targets there).
    func manages(_ unit: String) -> Bool {
        isInstanceAdmin || assignments.contains { tree.isWithin(unit, subtreeOf: $0.unit) }
    }

    /// The catalogue is shared by the whole instance: editing it takes an administrator of every
    /// root unit (`admin`, or the catalogue's `unit_admin` at the province).
    var managesCatalogue: Bool {
        isInstanceAdmin || (!tree.roots.isEmpty && tree.roots.allSatisfy { manages($0.code) })
    }

    /// The highest units the administrator manages (the roots of their subtrees).
    var topUnits: [AdministrativeUnit] {
        if isInstanceAdmin { return tree.roots }
        let codes = Set(assignments.map(\.unit))
        return
            codes
            .filter { code in !codes.contains { $0 != code && tree.isWithin(code, subtreeOf: $0) } }
            .compactMap { tree[$0] }
            .sorted { $0.code < $1.code }
    }

    /// Every managed unit, depth first from the top units, children by code, with its depth.
    func managedUnitsInTreeOrder() -> [(unit: AdministrativeUnit, depth: Int)] {
        var result: [(AdministrativeUnit, Int)] = []
        var seen: Set<String> = []
        func visit(_ unit: AdministrativeUnit, _ depth: Int) {
            guard seen.insert(unit.code).inserted, depth < 64 else { return }
            result.append((unit, depth))
            for child in tree.children(of: unit.code) { visit(child, depth + 1) }
        }
        for top in topUnits { visit(top, 0) }
        return result
    }

    /// Whether the administrator may grant or withdraw `role` at `unit`: an `admin` assignment
    /// only by an instance administrator, so that nobody can raise themselves above their scope.
    func mayAssign(_ role: Role, at unit: String) -> Bool {
        guard role != .citizen, manages(unit) else { return false }
        return role != .admin || isInstanceAdmin
    }

    /// Whether the administrator may change an officer as a whole (activate, deactivate): only
    /// when every unit the officer works at is theirs.
    func managesAll(of other: Officer) -> Bool {
        if isInstanceAdmin { return true }
        guard !other.roles.isEmpty else { return false }
        return other.roles.allSatisfy { mayAssign($0.role, at: $0.unit) }
    }

    /// Whether the administrator may see an officer: one of the officer's units is theirs.
    func sees(_ other: Officer) -> Bool {
        isInstanceAdmin || other.roles.contains { manages($0.unit) }
    }

    func require(_ allowed: Bool) throws {
        guard allowed else { throw OneGateError.forbidden }
    }
}

/// The problems found in a submitted form: a summary at the top and each message next to its
/// field (`fieldError_<name>`), as on the sign-in page.
struct FormErrors: Sendable {
    private(set) var list: [[String: String]] = []

    var isEmpty: Bool { list.isEmpty }

    /// Records the first problem of a field; later ones for the same field are dropped so that
    /// each field shows one clear message.
    mutating func add(_ field: String, _ message: String) {
        guard !list.contains(where: { $0["field"] == field }) else { return }
        list.append(["field": field, "message": message])
    }

    subscript(_ field: String) -> String? { list.first { $0["field"] == field }?["message"] }

    var values: [String: Any] {
        guard !list.isEmpty else { return [:] }
        var values = SignInPages.fieldErrors(list)
        values["errors"] = list
        values["hasErrors"] = true
        return values
    }
}

/// One form control for the `admin-field` partial: label, hint, message and control together.
struct AdminField {
    enum Kind {
        case input(type: String)
        case textarea(rows: Int)
        case select(options: [[String: Any]])
        case checkbox(checked: Bool)
    }

    var name: String
    var label: String
    var value: String = ""
    var kind: Kind = .input(type: "text")
    var hint: String?
    var autocomplete: String?

    func values(_ errors: FormErrors) -> [String: Any] {
        let error = errors[name]
        var described: [String] = []
        if hint != nil { described.append("\(name)-hint") }
        if error != nil { described.append("\(name)-error") }
        var values: [String: Any] = [
            "id": name, "name": name, "label": label, "value": value,
            "describedBy": described.joined(separator: " "), "hasDescription": !described.isEmpty,
            "invalid": error != nil,
        ]
        if let hint { values["hint"] = hint }
        if let error { values["error"] = error }
        if let autocomplete { values["autocomplete"] = autocomplete }
        switch kind {
        case .input(let type):
            values["isInput"] = true
            values["type"] = type
        case .textarea(let rows):
            values["isTextarea"] = true
            values["rows"] = rows
        case .select(let options):
            values["isSelect"] = true
            values["options"] = options
        case .checkbox(let checked):
            values["isCheckbox"] = true
            values["checked"] = checked
        }
        return values
    }

    /// Fields by name, for templates that place them one by one (`{{#f.code}}{{> admin-field}}{{/f.code}}`).
    static func table(_ fields: [AdminField], _ errors: FormErrors) -> [String: Any] {
        var table: [String: Any] = [:]
        for field in fields { table[field.name] = field.values(errors) }
        return table
    }
}
