import Foundation
import OneGateCore

/// A procedure's application form as the pages show and read it: one input per field of the
/// catalogue's `FormDefinition`, and one upload (or pick from the applicant's documents) per
/// required document. Used by the citizen's application and the counter's reception.
struct ApplicationForm {
    let procedure: Procedure
    let visitor: Visitor

    /// The field name of the form input for a catalogue field (prefixed so that it cannot collide
    /// with the page's own inputs such as `_csrf` or `intent`).
    static func inputName(_ field: FormField) -> String { "f_" + field.name }
    static func uploadName(_ document: RequiredDocument) -> String { "doc_" + document.id }
    static func pickName(_ document: RequiredDocument) -> String { "pick_" + document.id }

    /// The answers typed into the form, converted to the catalogue's types. Empty inputs are left
    /// out so that "required" problems name them.
    func values(from form: FormData) -> [String: JSONValue] {
        var values: [String: JSONValue] = [:]
        for field in procedure.form.fields {
            let raw = form[Self.inputName(field)]
            switch field.type {
            case .boolean:
                values[field.name] = .bool(raw == "true")
            case .number:
                guard let raw else { continue }
                let normalized = raw.replacingOccurrences(of: ",", with: ".")
                if let int = Int64(normalized) {
                    values[field.name] = .int(int)
                } else if let double = Double(normalized) {
                    values[field.name] = .double(double)
                } else {
                    values[field.name] = .string(raw)
                }
            default:
                if let raw { values[field.name] = .string(raw) }
            }
        }
        return values
    }

    /// The inputs to render, with the current values and each field's error message.
    func fields(
        values: [String: JSONValue], problems: [FormDefinition.Problem], prefilled: [String: String] = [:]
    ) -> [[String: Any]] {
        procedure.form.fields.map { field in
            let value = values[field.name]
            let text: String
            switch value {
            case .string(let string): text = string
            case .int(let int): text = String(int)
            case .double(let double): text = String(double)
            default: text = ""
            }
            let problem = problems.first { $0.field == field.name }
            var entry: [String: Any] = [
                "id": Self.inputName(field), "name": Self.inputName(field), "label": visitor.text(field.label),
                "required": field.required, "value": text, "error": problem.map { visitor.text($0.message) } ?? "",
                "hasError": problem != nil,
                "prefilledFrom": prefilled[field.name].map { visitor.text("prefilled_\($0)") } ?? "",
            ]
            switch field.type {
            case .multiline: entry["isTextarea"] = true
            case .select:
                entry["isSelect"] = true
                entry["options"] = (field.options ?? []).map {
                    ["value": $0, "label": field.optionLabel($0, language: visitor.language), "selected": $0 == text]
                }
            case .boolean:
                entry["isCheckbox"] = true
                entry["checked"] = value == .bool(true)
            default:
                entry["isInput"] = true
                entry["inputType"] = Self.inputType(field.type)
                entry["inputMode"] = Self.inputMode(field.type)
                entry["autocomplete"] = Self.autocomplete(field.type)
                if let max = field.maxLength { entry["maxLength"] = max }
            }
            return entry
        }
    }

    /// One entry per required document, with what is attached and what the applicant's vault can
    /// give: first the issued results that satisfy it (a `result:<code>` requirement, results that
    /// still stand), then their uploads.
    func documents(
        components: [DossierComponent], fileNames: [String: String], vault: [VaultEntry], problems: [String: String],
        date: (Date) -> String
    ) -> [[String: Any]] {
        procedure.documents.map { document in
            let attached = components.first { $0.requirement == document.id && $0.document != nil }
            let wanted = Vault.resultProcedure(of: document)
            let results = vault.filter {
                $0.source != .upload && $0.usable && $0.procedureCode == wanted && wanted != nil
            }
            let uploads = vault.filter { $0.source == .upload }
            func choice(_ entry: VaultEntry) -> [String: Any] {
                let label: String
                if entry.source == .upload {
                    label = "\(entry.name), \(entry.size.map(Self.size) ?? ""), \(date(entry.date))"
                } else {
                    label =
                        "\(entry.name) \(visitor.text("vault_number")) \(entry.number ?? "") — \(entry.issuer), \(date(entry.date))"
                }
                return ["sha256": entry.sha256, "label": label, "selected": entry.sha256 == attached?.document]
            }
            let resultChoices = results.map(choice)
            let uploadChoices = uploads.map(choice)
            return [
                "id": document.id, "name": visitor.text(document.name), "required": document.required,
                "uploadName": Self.uploadName(document), "pickName": Self.pickName(document),
                "attached": attached != nil,
                "attachedName": attached.map { fileNames[document.id] ?? String($0.document?.prefix(12) ?? "") } ?? "",
                "results": resultChoices, "hasResults": !resultChoices.isEmpty,
                "owned": uploadChoices, "hasOwned": !uploadChoices.isEmpty || !resultChoices.isEmpty,
                "error": problems[document.id] ?? "", "hasError": problems[document.id] != nil,
            ]
        }
    }

    static func inputType(_ type: FieldType) -> String {
        switch type {
        case .number: return "number"
        case .date: return "date"
        case .email: return "email"
        case .phone: return "tel"
        default: return "text"
        }
    }

    static func inputMode(_ type: FieldType) -> String {
        switch type {
        case .number, .personalID, .taxCode: return "numeric"
        case .phone: return "tel"
        case .email: return "email"
        default: return "text"
        }
    }

    static func autocomplete(_ type: FieldType) -> String {
        switch type {
        case .email: return "email"
        case .phone: return "tel"
        default: return "off"
        }
    }

    static func kind(_ contentType: String) -> String {
        switch contentType {
        case "application/pdf": return "PDF"
        case "image/jpeg": return "JPEG"
        case "image/png": return "PNG"
        default: return contentType
        }
    }

    static func size(_ bytes: Int) -> String {
        bytes < 1024
            ? "\(bytes) B"
            : bytes < 1_048_576 ? "\(bytes / 1024) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
