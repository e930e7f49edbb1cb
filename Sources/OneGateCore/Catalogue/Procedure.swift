import Foundation

/// The administrative level at which a procedure is decided.
public enum ProcedureLevel: String, Sendable, Hashable, Codable, CaseIterable {
    case province, department, commune
    case interAgency = "inter_agency"
}

/// How far a procedure is offered online (the national classification).
public enum OnlineLevel: String, Sendable, Hashable, Codable, CaseIterable {
    case full, partial, none
}

/// What a procedure ends with.
public enum ResultKind: String, Sendable, Hashable, Codable, CaseIterable {
    case certificate, licence, decision, extract, copy, confirmation, registration
}

/// A fee: a fixed amount in the smallest currency unit (đồng), optionally free when online.
public struct Fee: Sendable, Hashable, Codable {
    public var amount: Int64
    public var description: LocalizedText?
    /// Waived when the dossier is submitted online (a common incentive, e.g. enterprise registration).
    public var freeOnline: Bool

    public init(amount: Int64, description: LocalizedText? = nil, freeOnline: Bool = false) {
        self.amount = amount
        self.description = description
        self.freeOnline = freeOnline
    }

    public static let free = Fee(amount: 0)
}

/// A document the applicant must (or may) provide.
public struct RequiredDocument: Sendable, Hashable, Codable {
    /// Stable identifier of the requirement within the procedure, e.g. `birth_notice`.
    public var id: String
    public var name: LocalizedText
    /// The document type of the catalogue's type list, so that vault documents and results can be reused.
    public var documentType: String
    public var required: Bool

    public init(id: String, name: LocalizedText, documentType: String, required: Bool = true) {
        self.id = id
        self.name = name
        self.documentType = documentType
        self.required = required
    }
}

/// One step of a procedure's process, with the role responsible and its allotted office time.
public struct ProcessStep: Sendable, Hashable, Codable {
    public var id: String
    public var name: LocalizedText
    public var role: Role
    /// The unit that does the step; `nil` means the dossier's competent unit.
    public var unit: String?
    public var allottedMinutes: Int
    /// An inter-agency step handled by another unit (liên thông).
    public var interAgency: Bool

    public init(
        id: String, name: LocalizedText, role: Role, unit: String? = nil, allottedMinutes: Int,
        interAgency: Bool = false
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.unit = unit
        self.allottedMinutes = allottedMinutes
        self.interAgency = interAgency
    }
}

/// An administrative procedure of the catalogue, at one version. A dossier keeps the version it
/// was received under, so editing the catalogue never re-times or re-prices old dossiers.
public struct Procedure: Sendable, Hashable, Codable, Identifiable {
    /// National procedure code, e.g. `1.001193`.
    public var code: String
    public var version: Int
    public var name: LocalizedText
    public var topic: LocalizedText
    public var level: ProcedureLevel
    /// Unit codes, or unit kinds written `kind:commune`, that may decide dossiers of this procedure.
    public var competentUnits: [String]
    public var documents: [RequiredDocument]
    public var form: FormDefinition
    public var timeLimit: TimeLimit
    public var fee: Fee
    public var onlineLevel: OnlineLevel
    public var fullOnlineEligible: Bool
    public var process: [ProcessStep]
    public var resultKind: ResultKind
    public var resultName: LocalizedText
    public var legalBasis: String
    public var effectiveFrom: LocalDate?

    public var id: String { "\(code)@\(version)" }

    public init(
        code: String, version: Int = 1, name: LocalizedText, topic: LocalizedText, level: ProcedureLevel,
        competentUnits: [String], documents: [RequiredDocument], form: FormDefinition, timeLimit: TimeLimit,
        fee: Fee, onlineLevel: OnlineLevel, fullOnlineEligible: Bool, process: [ProcessStep],
        resultKind: ResultKind, resultName: LocalizedText, legalBasis: String, effectiveFrom: LocalDate? = nil
    ) {
        self.code = code
        self.version = version
        self.name = name
        self.topic = topic
        self.level = level
        self.competentUnits = competentUnits
        self.documents = documents
        self.form = form
        self.timeLimit = timeLimit
        self.fee = fee
        self.onlineLevel = onlineLevel
        self.fullOnlineEligible = fullOnlineEligible
        self.process = process
        self.resultKind = resultKind
        self.resultName = resultName
        self.legalBasis = legalBasis
        self.effectiveFrom = effectiveFrom
    }

    /// Whether `unit` may decide dossiers of this procedure.
    public func isCompetent(_ unit: AdministrativeUnit) -> Bool {
        competentUnits.contains { $0 == unit.code || $0 == "kind:\(unit.kind.rawValue)" }
    }

    /// Checks the definition itself, so that an import cannot bring a procedure no dossier could use.
    public func validate() throws(OneGateError) {
        func fail(_ field: String, _ en: String, _ vi: String) -> OneGateError {
            OneGateError(
                .unprocessable, "invalid_procedure", vi: vi, en: en, details: ["field": field, "procedure": code])
        }
        guard !code.isEmpty, code.count <= 40, !code.contains(where: \.isWhitespace) else {
            throw fail("code", "The procedure code is empty or malformed.", "Mã thủ tục trống hoặc sai định dạng.")
        }
        guard (1...1_000_000).contains(version) else {
            throw fail("version", "The version must be from 1 to 1,000,000.", "Phiên bản phải từ 1 đến 1.000.000.")
        }
        guard !name.vi.isEmpty else {
            throw fail("name.vi", "The Vietnamese name is required.", "Thiếu tên tiếng Việt.")
        }
        guard !competentUnits.isEmpty else {
            throw fail(
                "competentUnits", "At least one competent unit is required.", "Cần ít nhất một đơn vị có thẩm quyền.")
        }
        guard timeLimit.amount >= 0, fee.amount >= 0 else {
            throw fail("timeLimit", "Time limit and fee must not be negative.", "Thời hạn và phí không được âm.")
        }
        guard Set(documents.map(\.id)).count == documents.count else {
            throw fail("documents", "Document requirement ids must be unique.", "Mã thành phần hồ sơ bị trùng.")
        }
        guard Set(form.fields.map(\.name)).count == form.fields.count else {
            throw fail("form", "Form field names must be unique.", "Tên trường biểu mẫu bị trùng.")
        }
        guard process.allSatisfy({ $0.allottedMinutes >= 0 }) else {
            throw fail("process", "Allotted times must not be negative.", "Thời gian bước xử lý không được âm.")
        }
        if onlineLevel == .full && !fullOnlineEligible {
            throw fail(
                "onlineLevel", "A procedure offered full online must be eligible for it.",
                "Thủ tục toàn trình phải thuộc diện đủ điều kiện toàn trình.")
        }
    }

    /// The fee due for a dossier received through `channel`.
    public func feeDue(channel: Channel) -> Int64 {
        channel == .online && fee.freeOnline ? 0 : fee.amount
    }

    /// Folded text that the catalogue search matches against.
    public var searchText: String {
        TextFolding.fold([code, name.vi, name.en, topic.vi, topic.en].joined(separator: " "))
    }

    /// True when the business content is the same (ignoring the version number), so an import that
    /// changes nothing does not create a new version.
    public func sameContent(as other: Procedure) -> Bool {
        var left = self
        var right = other
        left.version = 0
        right.version = 0
        return left == right
    }
}
