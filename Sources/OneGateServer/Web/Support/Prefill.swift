import Foundation
import OneGateCore
import OneGateIdentity

/// Once-only prefill of an application form: what the person's account (from the e-ID when they
/// signed in with it) and the population registry already know, put into the form's fields of
/// the same meaning and marked with where it came from. The registry lookup is logged in the
/// person's access log like any read of their data; when the registry cannot be reached the form
/// says so and the person types the details.
struct Prefill {
    let web: Web

    struct Outcome {
        var data: [String: JSONValue] = [:]
        /// Field name → source (`eid`, `account`, `registry`).
        var sources: [String: String] = [:]
        /// The registry's error message when it could not be asked.
        var registryProblem: LocalizedText?
    }

    func values(for procedure: Procedure, applicant: Applicant, eidSession: Bool) async -> Outcome {
        var outcome = Outcome()
        let names = Set(procedure.form.fields.map(\.name))
        let accountSource = eidSession ? "eid" : "account"
        func put(_ field: String, _ value: String?, _ source: String) {
            guard names.contains(field), let value, !value.isEmpty, outcome.data[field] == nil else { return }
            outcome.data[field] = .string(value)
            outcome.sources[field] = source
        }
        if let registry = web.dependencies.registry, applicant.kind == .person {
            do {
                let person = try await registry.person(
                    applicant.identifier, purpose: "Tự điền tờ khai thủ tục \(procedure.code)",
                    actor: "citizen:\(applicant.id)")
                // The lookup is written to the person's access log before its answer is used; if
                // it cannot be written, the answer is not shown (the person types the details).
                if await logLookup(applicant: applicant, procedure: procedure), let person {
                    put("full_name", person.fullName, "registry")
                    put("personal_id", person.identifier, "registry")
                    put("address", person.currentAddress, "registry")
                    put("current_address", person.currentAddress, "registry")
                    put("permanent_address", person.permanentAddress, "registry")
                }
            } catch {
                outcome.registryProblem = error.message
            }
        }
        put("full_name", applicant.fullName, accountSource)
        put("personal_id", applicant.identifier, accountSource)
        put("phone", applicant.phone, accountSource)
        put("email", applicant.email, accountSource)
        put("address", applicant.address, accountSource)
        return outcome
    }

    private func logLookup(applicant: Applicant, procedure: Procedure) async -> Bool {
        do {
            try await DataAccessRecorder(dependencies: web.dependencies).log.record(
                DataAccess(
                    subject: applicant.id, actor: "system", actorName: "Cổng dịch vụ công (tự điền tờ khai)",
                    unit: nil, action: .registryLookup, resource: "CSDL quốc gia về dân cư",
                    purpose: "Nộp hồ sơ thủ tục \(procedure.code)", at: web.service.clock.now()))
            return true
        } catch {
            return false
        }
    }

    /// `field=source;…` for a hidden form field, and back.
    static func encode(_ sources: [String: String]) -> String {
        sources.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    }

    static func decode(_ text: String?) -> [String: String] {
        var sources: [String: String] = [:]
        for pair in (text ?? "").split(separator: ";").prefix(50) {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, ["eid", "account", "registry"].contains(String(parts[1])) else { continue }
            sources[String(parts[0].prefix(64))] = String(parts[1])
        }
        return sources
    }
}
