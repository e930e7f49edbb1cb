import Foundation
import OneGateTestSupport
import PropertyBased
import Testing

@testable import OneGateCore

/// Property: whatever sequence of actions is tried, every accepted one is an edge of the transition
/// table, every refused one leaves the dossier as it was, and no action ever reaches a position the
/// table does not allow (`lifecycle_table_mismatch` never happens).
struct LifecyclePropertyTests {
    static let calendar = try! WorkingCalendar(configuration: .vietnam)
    static let start = Date(timeIntervalSince1970: 1_772_416_800)

    static func action(_ choice: Int) -> DossierAction {
        let item = SupplementItem(requirement: "birth_notice", description: "Bổ sung")
        switch choice % 18 {
        case 0: return .accept
        case 1: return .requestSupplement(items: [item], reason: "Thiếu giấy tờ")
        case 2: return .refuse(reason: "Không thuộc thẩm quyền", redirect: nil)
        case 3: return .assign(officerID: "officer-specialist.a")
        case 4: return .appraise(note: "Đã thẩm định")
        case 5: return .submitForApproval(outcome: choice % 2 == 0 ? .granted : .refusal, summary: "Đề xuất")
        case 6: return .sendToOtherAgency(unit: Fixtures.police, note: "Liên thông")
        case 7: return .returnFromOtherAgency(note: "Xong")
        case 8: return .supplement(components: [], data: [:])
        case 9: return .assessFee(amount: 50_000, reference: "PHI-1")
        case 10: return .pay(method: .online, reference: "TT-1")
        case 11: return .extend(newDue: start.addingTimeInterval(30 * 86_400), reason: "Xác minh")
        case 12: return .stop(legalReason: "Căn cứ pháp lý")
        case 13: return .approve(comment: "")
        case 14: return .issue(resultNumber: "1/KS")
        case 15: return .returnForRework(comment: "Xem lại")
        case 16: return .deliver(channel: .electronic)
        default: return .withdraw(reason: "")
        }
    }

    @Test func noSequenceEscapesTheTable() async {
        let choices = Gen.int(in: 0...35).array(of: 1...40)
        let online = Gen.bool
        await propertyCheck(count: 400, input: choices, online) { choices, online in
            var now = Self.start
            let procedure = Fixtures.birthRegistration
            let fresh = Dossier(
                id: "d", tenant: Fixtures.tenant, reference: "S", secretHash: "h", procedure: procedure,
                applicantID: "a", channel: online ? .online : .counter, assisted: false,
                receivingUnit: Fixtures.communeA, competentUnit: Fixtures.communeA, data: Fixtures.birthData,
                components: [
                    DossierComponent(requirement: "birth_notice", document: String(repeating: "b", count: 64))
                ],
                submittedAt: now)
            var dossier: Dossier
            do {
                dossier = try Lifecycle.open(
                    fresh,
                    context: LifecycleContext(
                        procedure: procedure, calendar: Self.calendar, now: now, actorID: "x", newCode: "C-1")
                ).dossier
            } catch {
                Issue.record("opening failed: \(error)")
                return
            }
            for choice in choices {
                now = now.addingTimeInterval(1800)
                let action = Self.action(choice)
                let from = LifecyclePosition(dossier.state, dossier.step)
                let context = LifecycleContext(
                    procedure: procedure, calendar: Self.calendar, now: now, actorID: "x", newCode: "C-2")
                do {
                    let next = try Lifecycle.apply(action, to: dossier, context: context).dossier
                    let to = LifecyclePosition(next.state, next.step)
                    #expect(
                        TransitionTable.allowed[action.name]?[from]?.contains(to) == true,
                        "\(action.name.rawValue): \(from) → \(to) is not in the table")
                    #expect(!dossier.state.isTerminal, "an action was accepted in terminal state \(from)")
                    dossier = next
                } catch let error as OneGateError {
                    #expect(error.code != "lifecycle_table_mismatch", "\(error)")
                    if !TransitionTable.isAllowed(action.name, from: from) {
                        #expect(error.code == "illegal_transition")
                    }
                } catch {
                    Issue.record("unexpected error \(error)")
                }
            }
            if dossier.state == .processed || dossier.state == .returned {
                #expect(dossier.finishedAt != nil && dossier.timeliness != nil && dossier.resultNumber != nil)
            }
        }
    }

    @Test func everyTableEdgeIsReachableFromSubmission() {
        // Reachability over the table itself: every position that appears as a source is reachable.
        var reached: Set<LifecyclePosition> = [.init(.submitted), .init(.received)]
        var changed = true
        while changed {
            changed = false
            for (_, edges) in TransitionTable.allowed {
                for (from, targets) in edges where reached.contains(from) {
                    for target in targets where reached.insert(target).inserted { changed = true }
                }
            }
        }
        let sources = Set(TransitionTable.allowed.values.flatMap(\.keys))
        #expect(sources.isSubset(of: reached), "unreachable: \(sources.subtracting(reached))")
        #expect(reached.contains(.init(.returned)) && reached.contains(.init(.stopped)))
    }
}
