import Foundation
import OneGateCore

/// Plausible answers to a procedure's application form, valid against its definition.
public enum DemoForms {
    public static func sampleData(
        _ procedure: Procedure, applicant: Applicant, random: inout SeededGenerator
    ) -> [String: JSONValue] {
        var data: [String: JSONValue] = [:]
        for field in procedure.form.fields {
            switch field.type {
            case .text:
                data[field.name] = .string(field.name.contains("name") ? applicant.fullName : "Nội dung kê khai mẫu")
            case .multiline: data[field.name] = .string("Trình bày nội dung đề nghị giải quyết thủ tục.")
            case .number:
                let low = Int(field.minimum ?? 1)
                let high = max(low, Int(field.maximum ?? Double(low + 5)))
                data[field.name] = .int(Int64(Int.random(in: low...high, using: &random)))
            case .date:
                data[field.name] = .string(
                    "19\(Int.random(in: 60...99, using: &random))-0\(Int.random(in: 1...9, using: &random))-1\(Int.random(in: 0...9, using: &random))"
                )
            case .select:
                data[field.name] = (field.options?.randomElement(using: &random)).map(JSONValue.string) ?? .null
            case .boolean: data[field.name] = .bool(true)
            case .email: data[field.name] = "congdan@example.vn"
            case .phone: data[field.name] = .string(applicant.phone ?? "0912345678")
            case .personalID:
                data[field.name] = .string(applicant.kind == .person ? applicant.identifier : "022090000001")
            case .taxCode: data[field.name] = .string(applicant.kind == .business ? applicant.identifier : "5700100256")
            }
        }
        return data.filter { $0.value != .null }
    }
}
