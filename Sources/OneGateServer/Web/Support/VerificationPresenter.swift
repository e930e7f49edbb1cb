import Foundation
import OneGateCore
import OneGateSigning

/// What the verification page shows of a `ResultVerification`, in the visitor's language: the
/// verdict and one sentence per reason, the standing, the public facts (no personal data), the
/// signatures and the transparency log.
struct VerificationPresenter {
    let web: Web
    let visitor: Visitor

    func values(_ verification: ResultVerification, uploadedName: String? = nil) async throws -> [String: Any] {
        var verdict: [String: Any] = [
            "authentic": verification.verdict == .authentic,
            "notAuthentic": verification.verdict == .notAuthentic,
            "notFound": verification.verdict == .notFound,
        ]
        switch verification.verdict {
        case .authentic: verdict["heading"] = visitor.text("verify_authentic")
        case .notAuthentic: verdict["heading"] = visitor.text("verify_not_authentic")
        case .notFound:
            verdict["heading"] = visitor.text(uploadedName == nil ? "verify_not_found" : "verify_upload_not_found")
        }
        var seen: Set<String> = []
        let reasons = verification.reasons.filter { seen.insert($0).inserted }.map { code -> [String: Any] in
            let key = "verify_reason_\(code)"
            return ["text": WebTexts.all[key] == nil ? visitor.text("verify_reason_other") : visitor.text(key)]
        }
        // Nothing found by code and number needs no list of reasons; an upload says why.
        let showReasons = verification.verdict == .notAuthentic || uploadedName != nil
        verdict["reasons"] = showReasons ? reasons : []
        verdict["hasReasons"] = showReasons && !reasons.isEmpty
        verdict["file"] = uploadedName ?? ""
        var values: [String: Any] = ["verdict": verdict]
        if let result = verification.result {
            verdict["digitised"] = result.digitised
            values["verdict"] = verdict
            values["facts"] = try await facts(result)
            if let standing = verification.standing {
                values["standing"] = Self.standing(standing, result, web, visitor)
            }
        }
        let signatures = verification.signatures.map { check -> [String: Any] in
            [
                "signer": check.signer.isEmpty ? visitor.text("verify_kind_unknown") : check.signer,
                "kind": visitor.text("verify_kind_\(check.kind.rawValue)"),
                "signedAt": web.dateTime(check.signedAt),
                "valid": check.valid,
                "check": check.valid
                    ? visitor.text("verify_signature_valid") : Self.problem(check.problem, visitor),
            ]
        }
        values["signatures"] = signatures
        values["hasSignatures"] = !signatures.isEmpty
        if let included = verification.includedInLog {
            var log: [String: Any] = ["included": included]
            if included, let head = verification.treeHead {
                log["text"] = "\(visitor.text("verify_log_included")) \(head.size)."
                log["root"] = head.root
                log["signedAt"] = web.dateTime(head.at)
            } else {
                log["text"] = visitor.text("verify_log_not_included")
            }
            values["log"] = log
        }
        return values
    }

    /// The facts anyone may know about a result: procedure, result, issuing unit, date, number.
    func facts(_ result: IssuedResult) async throws -> [String: Any] {
        let dossier = try await web.store.dossier(id: result.dossierID, tenant: web.dependencies.tenant)
        var procedure: Procedure?
        if let dossier {
            procedure = try? await web.service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
        }
        let resultName =
            result.granted
            ? procedure.map { visitor.text($0.resultName) } ?? "" : visitor.text("verify_refusal_name")
        return [
            "procedureName": procedure.map { visitor.text($0.name) } ?? dossier?.procedureCode ?? "",
            "resultName": resultName,
            "unit": DossierPresenter(web: web, visitor: visitor).unitName(result.unit),
            "issuedAt": web.date(result.issuedAt), "resultNumber": result.number,
            "digitised": result.digitised,
        ]
    }

    /// The standing in words, with the revocation's date and reason or the replacing number.
    static func standing(
        _ standing: ResultStanding, _ result: IssuedResult, _ web: Web, _ visitor: Visitor
    )
        -> [String: Any]
    {
        var details: [[String: String]] = []
        switch standing {
        case .valid:
            break
        case .revoked, .superseded:
            if let replacement = result.supersededBy {
                details.append(["label": visitor.text("verify_superseded_by"), "value": replacement])
            }
            if let at = result.revokedAt {
                details.append(["label": visitor.text("verify_revoked_at"), "value": web.date(at)])
            }
            if let reason = result.revocationReason, !reason.isEmpty {
                details.append(["label": visitor.text("verify_revocation_reason"), "value": reason])
            }
        case .expired:
            if let until = result.validUntil {
                details.append(["label": visitor.text("verify_valid_until"), "value": web.date(until)])
            }
        }
        return [
            "text": visitor.text("verify_standing_\(standing.rawValue)"), "valid": standing == .valid,
            "details": details, "hasDetails": !details.isEmpty,
        ]
    }

    static func problem(_ code: String?, _ visitor: Visitor) -> String {
        let key = "verify_problem_\(code ?? "unreadable")"
        return WebTexts.all[key] == nil ? visitor.text("verify_problem_unreadable") : visitor.text(key)
    }
}
