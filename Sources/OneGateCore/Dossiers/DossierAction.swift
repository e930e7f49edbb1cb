import Foundation

/// The names of lifecycle actions, as used in the API path and in event types.
public enum ActionName: String, Sendable, Hashable, Codable, CaseIterable {
    case submit
    case receiveAtCounter = "receive_at_counter"
    case accept
    case requestSupplement = "request_supplement"
    case refuse, assign, appraise
    case submitForApproval = "submit_for_approval"
    case sendToOtherAgency = "send_to_other_agency"
    case returnFromOtherAgency = "return_from_other_agency"
    case supplement
    case assessFee = "assess_fee"
    case pay, extend, stop, approve, issue
    case returnForRework = "return_for_rework"
    case deliver, withdraw
}

/// How a fee was paid.
public enum PaymentMethod: String, Sendable, Hashable, Codable {
    case online, counter
}

/// How a result is handed over.
public enum DeliveryChannel: String, Sendable, Hashable, Codable {
    case electronic, counter, post
}

/// A lifecycle action on an existing dossier, with what it carries. Creating a dossier (submit,
/// receive at a counter) is a separate use case.
public enum DossierAction: Sendable, Hashable {
    case accept
    case requestSupplement(items: [SupplementItem], reason: String)
    case refuse(reason: String, redirect: String?)
    case assign(officerID: String)
    case appraise(note: String)
    case submitForApproval(outcome: Outcome, summary: String)
    case sendToOtherAgency(unit: String, note: String)
    case returnFromOtherAgency(note: String)
    case supplement(components: [DossierComponent], data: [String: JSONValue])
    case assessFee(amount: Int64, reference: String)
    case pay(method: PaymentMethod, reference: String)
    case extend(newDue: Date, reason: String)
    case stop(legalReason: String)
    case approve(comment: String)
    case issue(resultNumber: String)
    case returnForRework(comment: String)
    case deliver(channel: DeliveryChannel)
    case withdraw(reason: String)

    public var name: ActionName {
        switch self {
        case .accept: return .accept
        case .requestSupplement: return .requestSupplement
        case .refuse: return .refuse
        case .assign: return .assign
        case .appraise: return .appraise
        case .submitForApproval: return .submitForApproval
        case .sendToOtherAgency: return .sendToOtherAgency
        case .returnFromOtherAgency: return .returnFromOtherAgency
        case .supplement: return .supplement
        case .assessFee: return .assessFee
        case .pay: return .pay
        case .extend: return .extend
        case .stop: return .stop
        case .approve: return .approve
        case .issue: return .issue
        case .returnForRework: return .returnForRework
        case .deliver: return .deliver
        case .withdraw: return .withdraw
        }
    }
}
