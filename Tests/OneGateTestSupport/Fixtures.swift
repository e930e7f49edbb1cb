import Foundation
import OneGateCore

/// A small province for tests: one province, a service centre, a department, two communes and a
/// historical district; officers for every role; two citizens; three procedures.
public enum Fixtures {
    public static let tenant = "000.00.00.H40"
    public static let centre = "000.00.01.H40"
    public static let justice = "000.00.12.H40"
    public static let police = "000.00.30.H40"
    public static let communeA = "000.01.40.H40"
    public static let communeB = "000.02.40.H40"
    public static let oldDistrict = "000.09.00.H40"
    public static let password = "correct horse battery"

    public static func text(_ vi: String, _ en: String) -> LocalizedText { LocalizedText(vi: vi, en: en) }

    public static let units: [AdministrativeUnit] = [
        AdministrativeUnit(
            code: tenant, name: text("Ủy ban nhân dân tỉnh Mẫu", "Sample Province"), kind: .province, parent: nil),
        AdministrativeUnit(
            code: centre, name: text("Trung tâm Phục vụ hành chính công", "Service Centre"),
            kind: .serviceCentre, parent: tenant),
        AdministrativeUnit(
            code: justice, name: text("Sở Tư pháp", "Department of Justice"), kind: .department, parent: tenant),
        AdministrativeUnit(
            code: police, name: text("Công an tỉnh", "Provincial Police"), kind: .verticalOffice, parent: tenant),
        AdministrativeUnit(
            code: communeA, name: text("Ủy ban nhân dân phường Hạ Long", "Ha Long Ward"), kind: .commune,
            parent: tenant, effectiveFrom: LocalDate(string: "2025-07-01"), predecessors: [oldDistrict]),
        AdministrativeUnit(
            code: communeB, name: text("Ủy ban nhân dân xã Vân Đồn", "Van Don Commune"), kind: .commune,
            parent: tenant, effectiveFrom: LocalDate(string: "2025-07-01")),
        AdministrativeUnit(
            code: oldDistrict, name: text("Ủy ban nhân dân huyện Cũ", "Old District"), kind: .district,
            parent: tenant, effectiveTo: LocalDate(string: "2025-06-30"), successors: [communeA]),
    ]

    public static func officer(_ username: String, _ roles: [(Role, String)]) -> Officer {
        Officer(
            id: "officer-\(username)", username: username, fullName: "Cán bộ \(username)",
            roles: roles.map { RoleAssignment(role: $0.0, unit: $0.1) })
    }

    public static let officers: [Officer] = [
        officer("admin", [(.admin, tenant)]),
        officer("auditor", [(.auditor, tenant)]),
        officer("reception.a", [(.reception, communeA)]),
        officer("specialist.a", [(.specialist, communeA)]),
        officer("specialist.a2", [(.specialist, communeA)]),
        officer("leader.a", [(.leader, communeA)]),
        officer("clerk.a", [(.clerk, communeA)]),
        officer("reception.b", [(.reception, communeB)]),
        officer("specialist.b", [(.specialist, communeB)]),
        officer("reception.centre", [(.reception, centre)]),
        officer("specialist.justice", [(.specialist, justice)]),
        officer("leader.justice", [(.leader, justice)]),
        officer("clerk.justice", [(.clerk, justice)]),
        officer("specialist.police", [(.specialist, police)]),
    ]

    public static let citizens: [Applicant] = [
        Applicant(
            id: "applicant-an", kind: .person, identifier: "022090001234", fullName: "Nguyễn Văn An", username: "an"),
        Applicant(
            id: "applicant-binh", kind: .person, identifier: "022090005678", fullName: "Trần Thị Bình", username: "binh"
        ),
    ]

    static func steps(_ minutes: [String: Int], interAgency: String? = nil) -> [ProcessStep] {
        var steps = [
            ProcessStep(
                id: "receive", name: text("Tiếp nhận", "Receive"), role: .reception,
                allottedMinutes: minutes["receive"] ?? 60),
            ProcessStep(
                id: "transfer", name: text("Chuyển hồ sơ", "Transfer"), role: .reception,
                allottedMinutes: minutes["transfer"] ?? 60),
            ProcessStep(
                id: "appraise", name: text("Thẩm định", "Appraise"), role: .specialist,
                allottedMinutes: minutes["appraise"] ?? 240),
            ProcessStep(
                id: "approve", name: text("Phê duyệt", "Approve"), role: .leader,
                allottedMinutes: minutes["approve"] ?? 60),
            ProcessStep(
                id: "issue", name: text("Ban hành", "Issue"), role: .clerk, allottedMinutes: minutes["issue"] ?? 60),
        ]
        if let interAgency {
            steps.insert(
                ProcessStep(
                    id: "inter_agency", name: text("Liên thông", "Inter-agency"), role: .specialist,
                    unit: interAgency, allottedMinutes: 480, interAgency: true), at: 3)
        }
        return steps
    }

    public static let birthRegistration = Procedure(
        code: "1.001193", name: text("Đăng ký khai sinh", "Birth registration"), topic: text("Hộ tịch", "Civil status"),
        level: .commune, competentUnits: ["kind:commune"],
        documents: [
            RequiredDocument(
                id: "birth_notice", name: text("Giấy chứng sinh", "Birth notice"), documentType: "birth_notice"),
            RequiredDocument(
                id: "parent_id", name: text("Giấy tờ tùy thân của cha mẹ", "Parents' identity papers"),
                documentType: "identity_card", required: false),
        ],
        form: FormDefinition(fields: [
            FormField(name: "child_name", label: text("Họ tên trẻ", "Child's full name"), type: .text),
            FormField(name: "date_of_birth", label: text("Ngày sinh", "Date of birth"), type: .date),
            FormField(
                name: "copies", label: text("Số bản sao", "Number of copies"), type: .number, required: false,
                minimum: 0, maximum: 10),
        ]),
        timeLimit: TimeLimit(amount: 3, unit: .workingDays), fee: .free, onlineLevel: .full, fullOnlineEligible: true,
        process: steps([:]), resultKind: .certificate, resultName: text("Giấy khai sinh", "Birth certificate"),
        legalBasis: "Luật Hộ tịch 2014")

    public static let criminalRecord = Procedure(
        code: "DEMO.0002", name: text("Cấp Phiếu lý lịch tư pháp", "Criminal record certificate"),
        topic: text("Tư pháp", "Justice"), level: .department, competentUnits: [justice],
        documents: [
            RequiredDocument(
                id: "application", name: text("Tờ khai", "Application form"), documentType: "application_form"),
            // Once-only: satisfied by the birth registration's electronic result, from the vault.
            RequiredDocument(
                id: "birth_certificate", name: text("Giấy khai sinh", "Birth certificate"),
                documentType: "result:1.001193", required: false),
        ],
        form: FormDefinition(fields: [
            FormField(name: "full_name", label: text("Họ và tên", "Full name"), type: .text),
            FormField(
                name: "personal_id", label: text("Số định danh cá nhân", "Personal identification number"),
                type: .personalID),
            FormField(
                name: "purpose", label: text("Mục đích", "Purpose"), type: .select, options: ["work", "study", "other"]),
        ]),
        timeLimit: TimeLimit(amount: 10, unit: .workingDays), fee: Fee(amount: 200_000), onlineLevel: .partial,
        fullOnlineEligible: true, process: steps([:], interAgency: police), resultKind: .certificate,
        resultName: text("Phiếu lý lịch tư pháp", "Criminal record certificate"),
        legalBasis: "Luật Lý lịch tư pháp 2009")

    public static let counterOnly = Procedure(
        code: "DEMO.0003", name: text("Chứng thực bản sao từ bản chính", "Certified copy from an original"),
        topic: text("Chứng thực", "Certification"), level: .commune, competentUnits: ["kind:commune"],
        documents: [
            RequiredDocument(id: "original", name: text("Bản chính", "The original"), documentType: "original")
        ],
        form: FormDefinition(fields: [
            FormField(name: "pages", label: text("Số trang", "Pages"), type: .number, minimum: 1)
        ]),
        timeLimit: TimeLimit(amount: 0, unit: .sameDay), fee: Fee(amount: 2_000), onlineLevel: .none,
        fullOnlineEligible: false, process: steps([:]), resultKind: .copy,
        resultName: text("Bản sao", "Certified copy"),
        legalBasis: "Nghị định 23/2015/NĐ-CP")

    public static let procedures = [birthRegistration, criminalRecord, counterOnly]

    /// Valid form data for the birth registration.
    public static let birthData: [String: JSONValue] = ["child_name": "Nguyễn Thị Hoa", "date_of_birth": "2026-02-28"]
}
