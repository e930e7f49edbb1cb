import Foundation

/// The type of one application form field.
public enum FieldType: String, Sendable, Hashable, Codable, CaseIterable {
    case text, multiline, number, date, select, boolean, email, phone
    case personalID = "personal_id"
    case taxCode = "tax_code"
}

/// One field of an application form, defined as data.
public struct FormField: Sendable, Hashable, Codable {
    public var name: String
    public var label: LocalizedText
    public var type: FieldType
    public var required: Bool
    public var maxLength: Int?
    public var minimum: Double?
    public var maximum: Double?
    /// Allowed values of a `select` field.
    public var options: [String]?
    /// What each option is called on forms, by value; a value without a label is shown as itself.
    public var optionLabels: [String: LocalizedText]?

    public init(
        name: String, label: LocalizedText, type: FieldType, required: Bool = true, maxLength: Int? = nil,
        minimum: Double? = nil, maximum: Double? = nil, options: [String]? = nil,
        optionLabels: [String: LocalizedText]? = nil
    ) {
        self.optionLabels = optionLabels
        self.name = name
        self.label = label
        self.type = type
        self.required = required
        self.maxLength = maxLength
        self.minimum = minimum
        self.maximum = maximum
        self.options = options
    }
}

extension FormField {
    /// How a stored answer reads in `language`: an option's label, yes/no, or the text itself.
    public func display(_ value: JSONValue?, language: Language) -> String {
        switch value {
        case .string(let text):
            if type == .select, let label = optionLabels?[text] { return label.text(language) }
            return text
        case .int(let int): return String(int)
        case .double(let double): return String(double)
        case .bool(let flag): return flag ? (language == .vi ? "Có" : "Yes") : (language == .vi ? "Không" : "No")
        default: return ""
        }
    }

    /// The label of one option in `language` (the value itself when it has none).
    public func optionLabel(_ option: String, language: Language) -> String {
        optionLabels?[option]?.text(language) ?? option
    }
}

/// A procedure's application form.
public struct FormDefinition: Sendable, Hashable, Codable {
    public var fields: [FormField]

    public init(fields: [FormField]) { self.fields = fields }

    /// One problem found in submitted form data.
    public struct Problem: Sendable, Hashable, Codable {
        public var field: String
        public var code: String
        public var message: LocalizedText
    }

    /// Every problem with `data`, all at once, so that the applicant can fix them in one go.
    public func problems(in data: [String: JSONValue]) -> [Problem] {
        var problems: [Problem] = []
        let known = Set(fields.map(\.name))
        for key in data.keys.sorted() where !known.contains(key) {
            problems.append(
                Problem(
                    field: key, code: "unknown_field",
                    message: LocalizedText(
                        vi: "Trường không có trong biểu mẫu.", en: "This field is not part of the form.")))
        }
        for field in fields {
            let value = data[field.name]
            let isEmpty =
                value == nil || value == .null || value?.stringValue?.trimmingCharacters(in: .whitespaces) == ""
            if isEmpty {
                if field.required {
                    problems.append(
                        Problem(
                            field: field.name, code: "required",
                            message: LocalizedText(
                                vi: "Vui lòng nhập \(field.label.vi.lowercased()).",
                                en: "Enter \(field.label.en.lowercased()).")))
                }
                continue
            }
            if let problem = check(field, value ?? .null) { problems.append(problem) }
        }
        return problems
    }

    private func check(_ field: FormField, _ value: JSONValue) -> Problem? {
        func problem(_ code: String, _ vi: String, _ en: String) -> Problem {
            Problem(field: field.name, code: code, message: LocalizedText(vi: vi, en: en))
        }
        switch field.type {
        case .text, .multiline, .email, .phone, .personalID, .taxCode, .date, .select:
            guard let text = value.stringValue else {
                return problem("wrong_type", "Giá trị phải là chuỗi ký tự.", "The value must be text.")
            }
            let max = field.maxLength ?? (field.type == .multiline ? 4000 : 500)
            if text.count > max {
                return problem("too_long", "Dài quá \(max) ký tự.", "Longer than \(max) characters.")
            }
            switch field.type {
            case .email where !(text.contains("@") && text.contains(".") && !text.contains(" ")):
                return problem("invalid_email", "Địa chỉ thư điện tử không hợp lệ.", "Not a valid email address.")
            case .phone where !(9...15).contains(text.filter(\.isNumber).count):
                return problem("invalid_phone", "Số điện thoại không hợp lệ.", "Not a valid phone number.")
            case .personalID where !Applicant.validate(kind: .person, identifier: text):
                return problem(
                    "invalid_personal_id", "Số định danh cá nhân phải gồm 12 chữ số.",
                    "A personal identification number has 12 digits.")
            case .taxCode where !Applicant.validate(kind: .business, identifier: text):
                return problem("invalid_tax_code", "Mã số thuế không hợp lệ.", "Not a valid tax code.")
            case .date where LocalDate(string: text) == nil:
                return problem("invalid_date", "Ngày phải theo dạng YYYY-MM-DD.", "A date must be written YYYY-MM-DD.")
            case .select where !(field.options ?? []).contains(text):
                return problem("invalid_option", "Giá trị không nằm trong danh sách.", "Not one of the allowed values.")
            default: return nil
            }
        case .number:
            let number: Double?
            switch value {
            case .int(let int): number = Double(int)
            case .double(let double): number = double
            default: number = nil
            }
            guard let number else { return problem("wrong_type", "Giá trị phải là số.", "The value must be a number.") }
            if let min = field.minimum, number < min {
                return problem("too_small", "Giá trị nhỏ hơn \(min).", "Less than \(min).")
            }
            if let max = field.maximum, number > max {
                return problem("too_large", "Giá trị lớn hơn \(max).", "More than \(max).")
            }
            return nil
        case .boolean:
            if case .bool = value { return nil }
            return problem("wrong_type", "Giá trị phải là đúng hoặc sai.", "The value must be true or false.")
        }
    }
}
