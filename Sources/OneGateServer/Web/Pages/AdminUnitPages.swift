import Foundation
import Hummingbird
import OneGateCore

/// Units: the tree, one unit, creating and editing. Units are never deleted: a merged unit gets an
/// end date and successors, and the successors get it as a predecessor.
extension AdminPages {
    @Sendable func units(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        let rows = scope.managedUnitsInTreeOrder().map { unit, depth in
            [
                "code": unit.code, "name": visitor.text(unit.name), "indent": String(repeating: "– ", count: depth),
                "kind": visitor.text(Self.kindLabel(unit.kind)), "from": Self.show(unit.effectiveFrom),
                "to": Self.show(unit.effectiveTo), "successors": unit.successors.joined(separator: ", "),
            ] as [String: Any]
        }
        return adminPage(
            "admin-units", title: visitor.text("admin_units_title"), visitor: visitor, request: request,
            data: ["units": rows, "hasUnits": !rows.isEmpty, "mayCreateRoot": scope.isInstanceAdmin])
    }

    @Sendable func unit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        let code = try context.parameters.require("code")
        try scope.require(scope.manages(code))
        guard let unit = scope.tree[code] else { throw OneGateError.notFound("unit") }
        let tree = scope.tree
        func link(_ code: String) -> [String: Any] {
            ["code": code, "name": tree[code].map { visitor.text($0.name) } ?? code, "linked": scope.manages(code)]
        }
        let children = tree.children(of: code).map { link($0.code) }
        var data: [String: Any] = [
            "code": unit.code, "nameVi": unit.name.vi, "nameEn": unit.name.en,
            "kind": visitor.text(Self.kindLabel(unit.kind)), "from": Self.show(unit.effectiveFrom),
            "to": Self.show(unit.effectiveTo), "successors": unit.successors.map { link($0) },
            "predecessors": unit.predecessors.map { link($0) }, "children": children,
            "hasChildren": !children.isEmpty,
        ]
        if let parent = unit.parent { data["parent"] = link(parent) }
        return adminPage(
            "admin-unit", title: visitor.text(unit.name), visitor: visitor, request: request, data: data)
    }

    @Sendable func newUnit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        let parent = QueryText(request)["parent"] ?? scope.topUnits.first?.code
        try scope.require(scope.isInstanceAdmin || !scope.topUnits.isEmpty)
        let draft = AdministrativeUnit(code: "", name: .t("", ""), kind: .commune, parent: parent)
        return unitForm(draft, isNew: true, scope: scope, visitor: visitor, request: request, errors: FormErrors())
    }

    @Sendable func editUnit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        let code = try context.parameters.require("code")
        try scope.require(scope.manages(code))
        guard let unit = scope.tree[code] else { throw OneGateError.notFound("unit") }
        return unitForm(unit, isNew: false, scope: scope, visitor: visitor, request: request, errors: FormErrors())
    }

    @Sendable func createUnit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        let form = try await web.readForm(request, visitor)
        return try await saveUnit(form, existing: nil, scope: scope, visitor: visitor, request: request)
    }

    @Sendable func updateUnit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = web.visitor(request, context)
        let scope = try scope(visitor)
        let code = try context.parameters.require("code")
        try scope.require(scope.manages(code))
        guard let existing = scope.tree[code] else { throw OneGateError.notFound("unit") }
        let form = try await web.readForm(request, visitor)
        return try await saveUnit(form, existing: existing, scope: scope, visitor: visitor, request: request)
    }

    /// Checks a submitted unit, then stores it together with the predecessor links its successors
    /// must mirror, and reloads the tree every request authorises against.
    private func saveUnit(
        _ form: FormData, existing: AdministrativeUnit?, scope: AdminScope, visitor: Visitor, request: Request
    ) async throws -> Response {
        let tree = scope.tree
        var errors = FormErrors()
        let code = existing?.code ?? String((form["code"] ?? "").prefix(60))
        if existing == nil {
            if code.isEmpty {
                errors.add("code", visitor.text("admin_unit_code_missing"))
            } else if !AdministrativeUnit.isValidCode(code) {
                errors.add("code", visitor.text("admin_unit_code_invalid"))
            } else if tree[code] != nil {
                errors.add("code", visitor.text("admin_unit_code_taken"))
            }
        }
        let nameVi = form["nameVi"] ?? ""
        if nameVi.isEmpty || nameVi.count > 300 { errors.add("nameVi", visitor.text("admin_unit_name_missing")) }
        let nameEn = String((form["nameEn"] ?? "").prefix(300))
        let kind = UnitKind(rawValue: form["kind"] ?? "")
        if kind == nil { errors.add("kind", visitor.text("admin_unit_kind_missing")) }

        let parent = form["parent"]
        if let parent {
            if tree[parent] == nil {
                errors.add("parent", visitor.text("admin_unit_parent_unknown"))
            } else if parent != existing?.parent, !scope.manages(parent) {
                errors.add("parent", visitor.text("admin_unit_parent_outside"))
            } else if let existing, tree.isWithin(parent, subtreeOf: existing.code) {
                errors.add("parent", visitor.text("admin_unit_parent_cycle"))
            }
        } else if existing?.parent != nil || !scope.isInstanceAdmin {
            // Only the instance administrator may make a new root; nobody may detach a unit.
            errors.add("parent", visitor.text("admin_unit_parent_missing"))
        }
        let from = Self.date(form["effectiveFrom"], field: "effectiveFrom", errors: &errors, visitor: visitor)
        let to = Self.date(form["effectiveTo"], field: "effectiveTo", errors: &errors, visitor: visitor)
        if let from, let to, to < from { errors.add("effectiveTo", visitor.text("admin_unit_dates_order")) }
        let successors = Self.codes(form["successors"])
        for successor in successors {
            if successor == code || tree[successor] == nil {
                errors.add("successors", visitor.text("admin_unit_successor_unknown"))
            } else if !scope.manages(successor) {
                errors.add("successors", visitor.text("admin_unit_successor_outside"))
            }
        }
        var unit = AdministrativeUnit(
            code: code, name: LocalizedText(vi: nameVi, en: nameEn), kind: kind ?? existing?.kind ?? .commune,
            parent: parent, effectiveFrom: from, effectiveTo: to, successors: successors,
            predecessors: existing?.predecessors ?? [])
        guard errors.isEmpty, kind != nil else {
            return unitForm(
                unit, isNew: existing == nil, scope: scope, visitor: visitor, request: request, errors: errors)
        }
        unit.successors = successors
        var changed = [unit]
        let before = Set(existing?.successors ?? [])
        for other in Set(successors).union(before) {
            guard var linked = tree[other] else { continue }
            let shouldLink = successors.contains(other)
            let isLinked = linked.predecessors.contains(code)
            if shouldLink, !isLinked { linked.predecessors.append(code) }
            if !shouldLink, isLinked { linked.predecessors.removeAll { $0 == code } }
            if shouldLink != isLinked { changed.append(linked) }
        }
        try await web.store.saveUnits(changed, tenant: tenant)
        web.service.units.replace(UnitTree(try await web.store.units(tenant: tenant)))
        let notice = existing == nil ? "unit_created" : "unit_saved"
        return web.redirect("/admin/units/\(Web.queryEscape(code))?notice=\(notice)")
    }

    private func unitForm(
        _ unit: AdministrativeUnit, isNew: Bool, scope: AdminScope, visitor: Visitor, request: Request,
        errors: FormErrors
    ) -> Response {
        var parents = unitOptions(scope, visitor: visitor, selected: unit.parent)
        if !isNew { parents.removeAll { scope.tree.isWithin($0["value"] as? String ?? "", subtreeOf: unit.code) } }
        if let parent = unit.parent, !parents.contains(where: { $0["value"] as? String == parent }) {
            // The current parent of a unit admin's own top unit lies outside their subtree; keeping
            // it must stay possible.
            let name = scope.tree[parent].map { visitor.text($0.name) } ?? parent
            parents.insert(["value": parent, "label": "\(name) (\(parent))", "selected": true], at: 0)
        }
        if scope.isInstanceAdmin && (isNew || unit.parent == nil) {
            parents.insert(
                ["value": "", "label": visitor.text("admin_unit_no_parent"), "selected": unit.parent == nil], at: 0)
        }
        let kinds = UnitKind.allCases.map { kind in
            ["value": kind.rawValue, "label": visitor.text(Self.kindLabel(kind)), "selected": kind == unit.kind]
                as [String: Any]
        }
        var fields = [
            AdminField(name: "nameVi", label: visitor.text("admin_unit_name_vi"), value: unit.name.vi),
            AdminField(
                name: "nameEn", label: visitor.text("admin_unit_name_en"), value: unit.name.en,
                hint: visitor.text("admin_optional_hint")),
            AdminField(name: "kind", label: visitor.text("admin_unit_kind"), kind: .select(options: kinds)),
            AdminField(name: "parent", label: visitor.text("admin_unit_parent"), kind: .select(options: parents)),
            AdminField(
                name: "effectiveFrom", label: visitor.text("admin_unit_from"),
                value: unit.effectiveFrom?.description ?? "", kind: .input(type: "date"),
                hint: visitor.text("admin_date_hint")),
            AdminField(
                name: "effectiveTo", label: visitor.text("admin_unit_to"), value: unit.effectiveTo?.description ?? "",
                kind: .input(type: "date"), hint: visitor.text("admin_unit_to_hint")),
            AdminField(
                name: "successors", label: visitor.text("admin_unit_successors"),
                value: unit.successors.joined(separator: " "), hint: visitor.text("admin_unit_successors_hint")),
        ]
        if isNew {
            fields.insert(
                AdminField(
                    name: "code", label: visitor.text("admin_unit_code"), value: unit.code,
                    hint: visitor.text("admin_unit_code_hint")), at: 0)
        }
        let title = isNew ? visitor.text("admin_unit_new") : visitor.text("admin_unit_edit")
        return adminPage(
            "admin-unit-form", title: title, visitor: visitor, request: request,
            data: [
                "isNew": isNew, "code": unit.code, "name": visitor.text(unit.name),
                "action": isNew ? "/admin/units" : "/admin/units/\(unit.code)",
                "fields": fields.map { $0.values(errors) },
            ], errors: errors)
    }

    /// Unit codes typed with spaces, commas or new lines between them.
    static func codes(_ text: String?) -> [String] {
        var seen: Set<String> = []
        return (text ?? "").split { $0 == "," || $0 == ";" || $0.isWhitespace }.map(String.init)
            .filter { seen.insert($0).inserted }
    }

    static func kindLabel(_ kind: UnitKind) -> LocalizedText {
        switch kind {
        case .province: return .t("Tỉnh, thành phố", "Province")
        case .ministry: return .t("Bộ, ngành", "Ministry")
        case .department: return .t("Sở, ban, ngành", "Department")
        case .commune: return .t("Xã, phường, đặc khu", "Commune or ward")
        case .district: return .t("Huyện (trước 2025)", "District (before 2025)")
        case .serviceCentre: return .t("Trung tâm phục vụ hành chính công", "Public service centre")
        case .verticalOffice: return .t("Cơ quan ngành dọc", "Vertical office")
        }
    }
}
