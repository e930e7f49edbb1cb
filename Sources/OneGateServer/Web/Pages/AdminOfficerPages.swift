import Foundation
import Hummingbird
import OneGateCore

/// Officers and their roles: the officers of a unit, a new account, granting and withdrawing a
/// role at a unit, deactivating and reactivating an account.
///
/// Signed-in officers are cached for a minute (`SessionManager`), so a withdrawn role or a
/// deactivated account takes effect on the next request after that minute, on every server.
extension AdminPages {
    /// The roles an administrator can grant to an officer (citizens are not officers).
    static let officerRoles: [Role] = [.reception, .specialist, .leader, .clerk, .auditor, .unitAdmin, .admin]

    @Sendable func officers(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        guard let unit = QueryText(request)["unit"] ?? scope.topUnits.first?.code else {
            throw OneGateError.notFound("unit")
        }
        try scope.require(scope.manages(unit))
        guard let selected = scope.tree[unit] else { throw OneGateError.notFound("unit") }
        let rows = try await web.store.officers(tenant: tenant, unit: unit).map { officer in
            [
                "id": officer.id, "username": officer.username, "fullName": officer.fullName,
                "roles": officer.roles.filter { $0.unit == unit }.map { visitor.text(Self.roleName($0.role)) }
                    .joined(separator: ", "),
                "active": officer.active,
            ] as [String: Any]
        }
        return adminPage(
            "admin-officers", title: visitor.text("admin_officers_title"), visitor: visitor, request: request,
            data: [
                "unit": unit, "unitName": visitor.text(selected.name), "officers": rows, "hasOfficers": !rows.isEmpty,
                "units": unitOptions(scope, visitor: visitor, selected: unit),
            ])
    }

    @Sendable func newOfficer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        let unit = QueryText(request)["unit"]
        if let unit { try scope.require(scope.manages(unit)) }
        return officerForm(
            username: "", fullName: "", role: .specialist, unit: unit, scope: scope, visitor: visitor,
            request: request, errors: FormErrors())
    }

    @Sendable func createOfficer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        let form = try await web.readForm(request, visitor, limit: 16_384)
        var errors = FormErrors()
        let username = (form["username"] ?? "").lowercased()
        if username.range(of: #"^[a-z0-9][a-z0-9._-]{2,59}$"#, options: .regularExpression) == nil {
            errors.add("username", visitor.text("admin_officer_username_invalid"))
        } else {
            // Sign-in tries officers first, so an officer named like an applicant would hide them.
            let officerTaken = try await web.store.officerLogin(username: username) != nil
            let applicantTaken = try await web.store.applicantLogin(username: username) != nil
            if officerTaken || applicantTaken { errors.add("username", visitor.text("admin_officer_username_taken")) }
        }
        let fullName = form["fullName"] ?? ""
        if fullName.isEmpty || fullName.count > 200 {
            errors.add("fullName", visitor.text("admin_officer_name_missing"))
        }
        // Passwords are taken as typed: spaces are allowed and count.
        let password = form.all("password").first ?? ""
        if password.count < 8 || password.count > 200 {
            errors.add("password", visitor.text("admin_officer_password_short"))
        }
        let role = Role(rawValue: form["role"] ?? "")
        let unit = form["unit"]
        if role == nil || !Self.officerRoles.contains(role!) {
            errors.add("role", visitor.text("admin_role_missing"))
        }
        if unit == nil || scope.tree[unit!] == nil {
            errors.add("unit", visitor.text("admin_role_unit_missing"))
        } else if let role, let unit, !scope.mayAssign(role, at: unit) {
            errors.add(role == .admin ? "role" : "unit", visitor.text("admin_role_outside"))
        }
        guard errors.isEmpty, let role, let unit else {
            return officerForm(
                username: username, fullName: fullName, role: role, unit: unit, scope: scope, visitor: visitor,
                request: request, errors: errors)
        }
        let officer = Officer(
            id: web.service.ids.id(), username: username, fullName: fullName,
            roles: [RoleAssignment(role: role, unit: unit)])
        try await web.store.saveOfficer(
            officer, passwordHash: try web.dependencies.passwords.hash(password), tenant: tenant)
        return web.redirect("/admin/officers/\(Web.queryEscape(officer.id))?notice=officer_created")
    }

    private func officerForm(
        username: String, fullName: String, role: Role?, unit: String?, scope: AdminScope, visitor: Visitor,
        request: Request, errors: FormErrors
    ) -> Response {
        let fields = [
            AdminField(
                name: "username", label: visitor.text("admin_officer_username"), value: username,
                hint: visitor.text("admin_officer_username_hint"), autocomplete: "off"),
            AdminField(
                name: "fullName", label: visitor.text("admin_officer_full_name"), value: fullName,
                autocomplete: "off"),
            AdminField(
                name: "password", label: visitor.text("admin_officer_password"), kind: .input(type: "password"),
                hint: visitor.text("admin_officer_password_hint"), autocomplete: "new-password"),
            AdminField(
                name: "role", label: visitor.text("admin_role"),
                kind: .select(options: roleOptions(scope, visitor: visitor, selected: role))),
            AdminField(
                name: "unit", label: visitor.text("admin_role_unit"),
                kind: .select(options: unitOptions(scope, visitor: visitor, selected: unit, includeHistorical: false))),
        ]
        return adminPage(
            "admin-officer-form", title: visitor.text("admin_officer_new"), visitor: visitor, request: request,
            data: ["fields": fields.map { $0.values(errors) }, "unit": unit ?? ""], errors: errors)
    }

    private func roleOptions(_ scope: AdminScope, visitor: Visitor, selected: Role?) -> [[String: Any]] {
        Self.officerRoles.filter { $0 != .admin || scope.isInstanceAdmin }.map { role in
            ["value": role.rawValue, "label": visitor.text(Self.roleName(role)), "selected": role == selected]
        }
    }

    // MARK: - One officer

    @Sendable func officer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        let officer = try await visibleOfficer(context, scope: scope)
        return officerPage(officer, scope: scope, visitor: visitor, request: request, errors: FormErrors())
    }

    /// The officer named in the path, when the administrator may see them; "not found" and
    /// "forbidden" stay distinct because officer ids are not secret.
    private func visibleOfficer(_ context: AppRequestContext, scope: AdminScope) async throws -> Officer {
        let id = try context.parameters.require("id")
        guard let officer = try await web.store.officer(id: id) else { throw OneGateError.notFound("officer") }
        try scope.require(scope.sees(officer))
        return officer
    }

    private func officerPage(
        _ officer: Officer, scope: AdminScope, visitor: Visitor, request: Request, errors: FormErrors,
        role: Role? = nil, unit: String? = nil
    ) -> Response {
        let isSelf = officer.id == scope.officer.id
        let roles = officer.roles.map { assignment in
            [
                "role": assignment.role.rawValue, "roleName": visitor.text(Self.roleName(assignment.role)),
                "unit": assignment.unit,
                "unitName": scope.tree[assignment.unit].map { visitor.text($0.name) } ?? assignment.unit,
                "mayRemove": scope.mayAssign(assignment.role, at: assignment.unit)
                    && !(isSelf && [.admin, .unitAdmin].contains(assignment.role)),
            ] as [String: Any]
        }
        let fields = [
            AdminField(
                name: "role", label: visitor.text("admin_role"),
                kind: .select(options: roleOptions(scope, visitor: visitor, selected: role))),
            AdminField(
                name: "unit", label: visitor.text("admin_role_unit"),
                kind: .select(options: unitOptions(scope, visitor: visitor, selected: unit, includeHistorical: false))),
        ]
        return adminPage(
            "admin-officer", title: officer.fullName, visitor: visitor, request: request,
            data: [
                "id": officer.id, "username": officer.username, "fullName": officer.fullName,
                "active": officer.active, "roles": roles, "hasRoles": !roles.isEmpty,
                "fields": fields.map { $0.values(errors) },
                "mayToggle": scope.managesAll(of: officer) && !isSelf,
                "backUnit": officer.roles.first { scope.manages($0.unit) }?.unit ?? "",
            ], errors: errors)
    }

    @Sendable func addRole(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        var officer = try await visibleOfficer(context, scope: scope)
        let form = try await web.readForm(request, visitor, limit: 8192)
        var errors = FormErrors()
        let role = Role(rawValue: form["role"] ?? "")
        let unit = form["unit"]
        if role == nil || !Self.officerRoles.contains(role!) { errors.add("role", visitor.text("admin_role_missing")) }
        if unit == nil || scope.tree[unit!] == nil {
            errors.add("unit", visitor.text("admin_role_unit_missing"))
        } else if let role, let unit {
            if !scope.mayAssign(role, at: unit) {
                errors.add(role == .admin ? "role" : "unit", visitor.text("admin_role_outside"))
            } else if officer.roles.contains(RoleAssignment(role: role, unit: unit)) {
                errors.add("role", visitor.text("admin_role_held"))
            }
        }
        guard errors.isEmpty, let role, let unit else {
            return officerPage(
                officer, scope: scope, visitor: visitor, request: request, errors: errors, role: role, unit: unit)
        }
        officer.roles.append(RoleAssignment(role: role, unit: unit))
        try await saveOfficer(officer)
        return web.redirect("/admin/officers/\(Web.queryEscape(officer.id))?notice=role_added")
    }

    @Sendable func removeRole(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        var officer = try await visibleOfficer(context, scope: scope)
        let form = try await web.readForm(request, visitor, limit: 8192)
        guard let role = Role(rawValue: form["role"] ?? ""), let unit = form["unit"],
            officer.roles.contains(RoleAssignment(role: role, unit: unit))
        else { throw OneGateError.notFound("role") }
        try scope.require(scope.mayAssign(role, at: unit))
        // Withdrawing one's own administration could leave nobody able to give it back.
        try scope.require(!(officer.id == scope.officer.id && [.admin, .unitAdmin].contains(role)))
        officer.roles.removeAll { $0 == RoleAssignment(role: role, unit: unit) }
        try await saveOfficer(officer)
        return web.redirect("/admin/officers/\(Web.queryEscape(officer.id))?notice=role_removed")
    }

    @Sendable func setActive(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        var officer = try await visibleOfficer(context, scope: scope)
        let form = try await web.readForm(request, visitor, limit: 4096)
        try scope.require(scope.managesAll(of: officer) && officer.id != scope.officer.id)
        guard let value = form["active"], value == "true" || value == "false" else {
            throw OneGateError.invalid(field: "active", vi: "Giá trị không hợp lệ.", en: "Invalid value.")
        }
        officer.active = value == "true"
        try await saveOfficer(officer)
        let notice = officer.active ? "officer_reactivated" : "officer_deactivated"
        return web.redirect("/admin/officers/\(Web.queryEscape(officer.id))?notice=\(notice)")
    }

    /// Stores a changed officer under their current password hash (the store upserts the whole
    /// row, hash included, and offers no other way to change roles).
    private func saveOfficer(_ officer: Officer) async throws {
        guard let (stored, hash) = try await web.store.officerLogin(username: officer.username),
            stored.id == officer.id
        else { throw OneGateError.notFound("officer") }
        try await web.store.saveOfficer(officer, passwordHash: hash, tenant: tenant)
    }

    static func roleName(_ role: Role) -> LocalizedText {
        switch role {
        case .admin: return .t("Quản trị hệ thống", "Administrator")
        case .unitAdmin: return .t("Quản trị đơn vị", "Unit administrator")
        default: return DossierPresenter.roleLabel(role.rawValue)
        }
    }
}
