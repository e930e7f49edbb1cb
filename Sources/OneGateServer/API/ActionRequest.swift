import Foundation
import OneGateCore

/// The body of `POST /dossiers/{id}/actions/{action}`: one shape for every action, each action
/// reading the members it needs and refusing the request when one is missing.
struct ActionRequest: Decodable {
    struct Item: Decodable {
        var requirement: String?
        var description: String
    }

    struct Component: Decodable {
        var requirement: String
        var document: String?
        var digitised: Bool?
    }

    var items: [Item]?
    var reason: String?
    var redirect: String?
    var officerId: String?
    var note: String?
    var outcome: Outcome?
    var summary: String?
    var unit: String?
    var components: [Component]?
    var data: [String: JSONValue]?
    var amount: Int64?
    var reference: String?
    var method: PaymentMethod?
    var newDue: Date?
    var legalReason: String?
    var comment: String?
    var resultNumber: String?
    var channel: DeliveryChannel?

    func action(_ name: ActionName) throws -> DossierAction {
        func need<T>(_ value: T?, _ field: String) throws -> T {
            guard let value else {
                throw OneGateError.invalid(
                    field: field, vi: "Thiếu thông tin bắt buộc: \(field).",
                    en: "Missing required value: \(field).")
            }
            return value
        }
        switch name {
        case .submit, .receiveAtCounter:
            throw OneGateError.notFound("action")
        case .accept: return .accept
        case .requestSupplement:
            return .requestSupplement(
                items: try need(items, "items").map {
                    SupplementItem(requirement: $0.requirement, description: $0.description)
                },
                reason: try need(reason, "reason"))
        case .refuse: return .refuse(reason: try need(reason, "reason"), redirect: redirect)
        case .assign: return .assign(officerID: try need(officerId, "officerId"))
        case .appraise: return .appraise(note: try need(note, "note"))
        case .submitForApproval:
            return .submitForApproval(outcome: outcome ?? .granted, summary: try need(summary, "summary"))
        case .sendToOtherAgency: return .sendToOtherAgency(unit: try need(unit, "unit"), note: note ?? "")
        case .returnFromOtherAgency: return .returnFromOtherAgency(note: note ?? "")
        case .supplement:
            return .supplement(
                components: (components ?? []).map {
                    DossierComponent(
                        requirement: $0.requirement, document: $0.document, digitised: $0.digitised ?? false)
                },
                data: data ?? [:])
        case .assessFee:
            return .assessFee(amount: try need(amount, "amount"), reference: try need(reference, "reference"))
        case .pay: return .pay(method: method ?? .online, reference: try need(reference, "reference"))
        case .extend: return .extend(newDue: try need(newDue, "newDue"), reason: try need(reason, "reason"))
        case .stop: return .stop(legalReason: try need(legalReason, "legalReason"))
        case .approve: return .approve(comment: comment ?? "")
        case .issue: return .issue(resultNumber: try need(resultNumber, "resultNumber"))
        case .returnForRework: return .returnForRework(comment: try need(comment, "comment"))
        case .deliver: return .deliver(channel: channel ?? .electronic)
        case .withdraw: return .withdraw(reason: reason ?? "")
        }
    }
}

/// The body of a new dossier (online submission or counter reception).
struct ApplicationRequest: Decodable {
    struct Component: Decodable {
        var requirement: String
        var document: String?
        var digitised: Bool?
    }

    struct ApplicantInput: Decodable {
        var kind: ApplicantKind?
        var identifier: String
        var fullName: String
        var phone: String?
        var email: String?
        var address: String?
    }

    var procedureCode: String
    var receivingUnit: String?
    var competentUnit: String?
    var data: [String: JSONValue]?
    var components: [Component]?
    /// Counter reception only.
    var applicant: ApplicantInput?
    var channel: Channel?
    var assisted: Bool?

    func input(secret: String) -> ApplicationInput {
        ApplicationInput(
            procedureCode: procedureCode, receivingUnit: receivingUnit, competentUnit: competentUnit, secret: secret,
            data: data ?? [:],
            components: (components ?? []).map {
                DossierComponent(requirement: $0.requirement, document: $0.document, digitised: $0.digitised ?? false)
            })
    }
}
