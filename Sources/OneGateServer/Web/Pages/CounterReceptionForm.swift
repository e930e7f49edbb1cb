import Foundation
import OneGateCore

/// A scan attached at the counter: stored already, by its hash, and owned by the officer.
struct AttachedScan: Sendable {
    var sha256: String
    var filename: String
}

/// One problem with the counter form, shown in the summary and next to its field.
struct CounterProblem: Sendable {
    /// The id of the input the message belongs to.
    var field: String
    var message: LocalizedText
}

/// What the counter reception form holds: the applicant in front of the officer, the
/// procedure's form answers and the scans of the paper components. Read from a submitted form,
/// and shown back (in the form, on the review page) as typed.
struct CounterApplication: Sendable {
    /// The idempotency key rendered into the form, so that a double submit opens one dossier.
    var key: String
    var receivingUnit: String
    var competentUnit: String
    var channel: Channel
    var kind: ApplicantKind
    var identifier: String
    var fullName: String
    var phone: String
    var address: String
    /// The answers as typed, by form field name.
    var answers: [String: String]
    var data: [String: JSONValue]
    var scans: [String: AttachedScan]

    /// An empty form for a procedure, with the officer's first reception unit chosen.
    static func blank(procedure: Procedure, units: [String], competent: [String]) -> CounterApplication {
        let receiving = units.first ?? ""
        return CounterApplication(
            key: IdentifierSource.randomToken(length: 24), receivingUnit: receiving,
            competentUnit: competent.contains(receiving) ? receiving : (competent.first ?? ""), channel: .counter,
            kind: .person, identifier: "", fullName: "", phone: "", address: "", answers: [:], data: [:], scans: [:])
    }

    static func isKey(_ text: String) -> Bool {
        (16...64).contains(text.count) && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// Reads the form: checks and stores the uploaded scans (by content, as the document API
    /// does), checks the applicant and the answers against the procedure's form, and returns
    /// every problem at once.
    static func read(
        _ form: FormData, procedure: Procedure, officer: Officer, web: Web
    ) async throws -> (CounterApplication, [CounterProblem]) {
        var problems: [CounterProblem] = []
        let key = form["_key"].flatMap { isKey($0) ? $0 : nil } ?? IdentifierSource.randomToken(length: 24)
        let kind = ApplicantKind(rawValue: form["kind"] ?? "") ?? .person
        var application = CounterApplication(
            key: key, receivingUnit: form["receivingUnit"] ?? "", competentUnit: form["competentUnit"] ?? "",
            channel: form["channel"] == Channel.post.rawValue ? .post : .counter, kind: kind,
            identifier: (form["identifier"] ?? "").filter { !$0.isWhitespace },
            fullName: String((form["fullName"] ?? "").prefix(200)), phone: String((form["phone"] ?? "").prefix(30)),
            address: String((form["address"] ?? "").prefix(500)), answers: [:], data: [:], scans: [:])
        if application.receivingUnit.isEmpty
            || !web.service.authorizer.officer(officer, has: [.reception], at: application.receivingUnit)
        {
            problems.append(
                .init(field: "receivingUnit", message: .t("Chọn đơn vị tiếp nhận.", "Choose the receiving unit.")))
        }
        if !Applicant.validate(kind: kind, identifier: application.identifier) {
            problems.append(
                .init(
                    field: "identifier",
                    message: kind == .person
                        ? .t(
                            "Số định danh cá nhân phải gồm 12 chữ số.",
                            "A personal identification number has 12 digits.")
                        : .t(
                            "Mã số thuế phải gồm 10 hoặc 13 chữ số.", "A tax code has 10 or 13 digits.")))
        }
        if application.fullName.isEmpty {
            problems.append(
                .init(
                    field: "fullName",
                    message: .t("Nhập họ và tên người nộp (hoặc tên tổ chức).", "Enter the applicant's full name.")))
        }
        if !application.phone.isEmpty, !(9...15).contains(application.phone.filter(\.isNumber).count) {
            problems.append(
                .init(field: "phone", message: .t("Số điện thoại không hợp lệ.", "Not a valid phone number.")))
        }
        for field in procedure.form.fields {
            let raw = String((form.all("f_\(field.name)").first ?? "").prefix(4000))
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            application.answers[field.name] = field.type == .multiline ? raw : trimmed
            switch field.type {
            case .boolean:
                application.data[field.name] = .bool(trimmed == "true")
            case .number:
                guard !trimmed.isEmpty else { continue }
                if let whole = Int64(trimmed) {
                    application.data[field.name] = .int(whole)
                } else if let number = Double(trimmed.replacingOccurrences(of: ",", with: ".")), number.isFinite {
                    application.data[field.name] = .double(number)
                } else {
                    application.data[field.name] = .string(trimmed)
                }
            default:
                if !trimmed.isEmpty { application.data[field.name] = .string(trimmed) }
            }
        }
        for problem in procedure.form.problems(in: application.data) {
            problems.append(.init(field: "f-\(problem.field)", message: problem.message))
        }
        for requirement in procedure.documents {
            let field = "doc_\(requirement.id)"
            if let file = form.file(field) {
                do {
                    let sha256 = try await web.storeUpload(file, owner: officer.id)
                    application.scans[requirement.id] = AttachedScan(
                        sha256: sha256, filename: String(file.filename.suffix(120)))
                } catch let refused as OneGateError {
                    problems.append(.init(field: "doc-\(requirement.id)", message: refused.message))
                }
            } else if let sha256 = form["\(field)_sha"], sha256.count == 64, sha256.allSatisfy(\.isHexDigit),
                try await web.store.documentOwned(sha256: sha256, by: officer.id, tenant: web.dependencies.tenant)
            {
                // Scanned on an earlier try of this form (or before the review step): kept.
                application.scans[requirement.id] = AttachedScan(
                    sha256: sha256, filename: String((form["\(field)_name"] ?? "").prefix(120)))
            } else if requirement.required {
                problems.append(
                    .init(
                        field: "doc-\(requirement.id)",
                        message: .t(
                            "Tải lên bản quét của thành phần này.", "Upload the scan of this component.")))
            }
        }
        return (application, problems)
    }

    /// The components of the dossier: every scan, digitised at the counter.
    var components: [DossierComponent] {
        scans.keys.sorted().map { DossierComponent(requirement: $0, document: scans[$0]?.sha256, digitised: true) }
    }

    var applicant: Applicant {
        Applicant(
            id: "", kind: kind, identifier: identifier, fullName: fullName, phone: phone.isEmpty ? nil : phone,
            address: address.isEmpty ? nil : address)
    }

    /// The request as the idempotency record remembers it: the same answers give the same
    /// fingerprint whatever the multipart boundary or the order of the fields.
    func fingerprint(procedure: Procedure, assisted: Bool) -> [UInt8] {
        let parts = [
            "counter", procedure.code, receivingUnit, competentUnit, channel.rawValue, assisted ? "assisted" : "",
            kind.rawValue, identifier, fullName, phone, address,
            String(decoding: CanonicalJSON.encode(.object(data)), as: UTF8.self),
            components.map { "\($0.requirement)=\($0.document ?? "")" }.joined(separator: ","),
        ]
        return Array(parts.joined(separator: "\n").utf8)
    }

    /// Maps a refusal of the service to the form's fields where it names one.
    static func problems(from failure: OneGateError) -> [CounterProblem] {
        if let list = failure.details["problems"] {
            return list.split(separator: ",").map { entry in
                let name = entry.split(separator: ":").first.map(String.init) ?? ""
                let field =
                    name.hasPrefix("documents.") ? "doc-\(name.dropFirst("documents.".count))" : "f-\(name)"
                return CounterProblem(field: field, message: failure.message)
            }
        }
        switch failure.details["field"] {
        case "applicant.identifier": return [.init(field: "identifier", message: failure.message)]
        case "competentUnit": return [.init(field: "competentUnit", message: failure.message)]
        case "receivingUnit": return [.init(field: "receivingUnit", message: failure.message)]
        default: break
        }
        if let requirement = failure.details["requirement"] {
            return [.init(field: "doc-\(requirement)", message: failure.message)]
        }
        return [.init(field: "receivingUnit", message: failure.message)]
    }
}
