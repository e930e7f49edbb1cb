/// A position in the lifecycle: the state, and the step when `in_progress`.
public struct LifecyclePosition: Sendable, Hashable, Codable, CustomStringConvertible {
    public var state: DossierState
    public var step: ProcessingStep?

    public init(_ state: DossierState, _ step: ProcessingStep? = nil) {
        self.state = state
        self.step = step
    }

    public var description: String { step.map { "\(state.rawValue)(\($0.rawValue))" } ?? state.rawValue }
}

/// The transition table of lifecycle.md, as data: which action is allowed where, by which roles,
/// and where it can lead. `Lifecycle.apply` enforces it; tests check no action escapes it.
public enum TransitionTable {
    /// The roles that may perform an action (admins may always act; citizens only on their own dossiers).
    public static func roles(for action: ActionName) -> [Role] {
        switch action {
        case .submit: return [.citizen, .reception]
        case .receiveAtCounter, .accept, .refuse: return [.reception]
        case .requestSupplement: return [.reception, .specialist]
        case .assign: return [.reception, .leader]
        case .appraise, .submitForApproval, .sendToOtherAgency, .assessFee: return [.specialist]
        case .returnFromOtherAgency: return [.specialist]
        case .supplement: return [.citizen, .reception]
        case .pay: return [.citizen, .reception]
        case .extend, .stop, .approve, .returnForRework: return [.leader]
        case .issue: return [.clerk]
        case .deliver: return [.reception, .clerk]
        case .withdraw: return [.citizen, .reception]
        }
    }

    /// Every (from, action) pair that is allowed, with the positions it may lead to.
    public static let allowed: [ActionName: [LifecyclePosition: Set<LifecyclePosition>]] = {
        let working: [ProcessingStep] = [.assigned, .appraising]
        var table: [ActionName: [LifecyclePosition: Set<LifecyclePosition>]] = [:]
        func add(_ action: ActionName, _ from: LifecyclePosition, _ to: LifecyclePosition...) {
            table[action, default: [:]][from, default: []].formUnion(to)
        }
        let before: [LifecyclePosition] =
            [.init(.submitted), .init(.received), .init(.supplementRequested), .init(.awaitingPayment)]
            + ProcessingStep.allCases.map { .init(.inProgress, $0) }
        add(.accept, .init(.submitted), .init(.received))
        add(.requestSupplement, .init(.submitted), .init(.supplementRequested))
        for step in working + [.atOtherAgency] {
            add(.requestSupplement, .init(.inProgress, step), .init(.supplementRequested))
        }
        add(.refuse, .init(.submitted), .init(.refused))
        add(.refuse, .init(.received), .init(.refused))
        add(.assign, .init(.received), .init(.inProgress, .assigned))
        for step in working { add(.assign, .init(.inProgress, step), .init(.inProgress, .assigned)) }
        add(.appraise, .init(.inProgress, .assigned), .init(.inProgress, .appraising))
        add(.appraise, .init(.inProgress, .appraising), .init(.inProgress, .appraising))
        for step in working {
            add(.submitForApproval, .init(.inProgress, step), .init(.inProgress, .awaitingApproval))
            add(.sendToOtherAgency, .init(.inProgress, step), .init(.inProgress, .atOtherAgency))
            add(.assessFee, .init(.inProgress, step), .init(.awaitingPayment))
        }
        add(.returnFromOtherAgency, .init(.inProgress, .atOtherAgency), .init(.inProgress, .appraising))
        add(.supplement, .init(.supplementRequested), .init(.submitted))
        for step in working + [.atOtherAgency] {
            add(.supplement, .init(.supplementRequested), .init(.inProgress, step))
        }
        for step in working { add(.pay, .init(.awaitingPayment), .init(.inProgress, step)) }
        for step in ProcessingStep.allCases where step != .awaitingIssue {
            add(.extend, .init(.inProgress, step), .init(.inProgress, step))
            add(.stop, .init(.inProgress, step), .init(.stopped))
        }
        add(.approve, .init(.inProgress, .awaitingApproval), .init(.inProgress, .awaitingIssue))
        add(.returnForRework, .init(.inProgress, .awaitingApproval), .init(.inProgress, .appraising))
        add(.issue, .init(.inProgress, .awaitingIssue), .init(.processed))
        add(.deliver, .init(.processed), .init(.returned))
        for position in before { add(.withdraw, position, .init(.withdrawn)) }
        return table
    }()

    /// Whether `action` is allowed from `position`.
    public static func isAllowed(_ action: ActionName, from position: LifecyclePosition) -> Bool {
        allowed[action]?[position] != nil
    }
}
