import Foundation
import OneGateCore
import OneGateDocuments
import OneGateSigning

/// The printable forms as signed PDFs: the same content as their HTML pages (gathered once by
/// `OfficerPrintForms.gather`, the ledger's rows by `IndicatorLedgerPages.ledgerRows`), laid out
/// as official documents in the visitor's language and sealed by the reception service when asked.
struct FormDocuments {
    let web: Web
    let visitor: Visitor

    static let unavailable = OneGateError(
        .unavailable, "documents_unavailable", vi: "Chức năng văn bản chưa sẵn sàng.",
        en: "Documents are not available.")

    var factory: DocumentFactory {
        get throws {
            guard let factory = web.dependencies.documents else { throw Self.unavailable }
            return factory
        }
    }

    /// Form 01–06 of `dossier`, signed. `forApplicant` leaves officers' names out (the applicant's
    /// own copy of the receipt names the receiving unit instead).
    func signed(
        _ form: OfficerPrintForms.PrintedForm, dossier: Dossier, forApplicant: Bool = false
    ) async throws
        -> [UInt8]
    {
        let factory = try factory
        let procedure = try await web.service.procedureVersion(dossier.procedureCode, dossier.procedureVersion)
        let now = web.service.clock.now()
        let facts = try await factory.facts(
            dossier, procedure: procedure, at: form.date, language: visitor.language, unit: form.unit)
        let document = self.document(form, facts: facts, created: now, forApplicant: forApplicant)
        return try await sign(document, slot: form.number == "01" ? "reception" : "officer", at: now)
    }

    /// Renders and seals `document`, keeping the glyphs of the seal's appearance in the fonts.
    func sign(_ document: OfficialDocument, slot: String, at now: Date) async throws -> [UInt8] {
        let factory = try factory
        var document = document
        let line = "\(visitor.text("pdf_signed_by")): OneGate · \(web.dependencies.instanceName)"
        document.reservedText +=
            line + "Thời gian: " + DocumentFactory.moment(now, calendar: web.service.calendar) + "0123456789"
        return try await factory.signedForm(document, slot: slot, signerLine: line, at: now)
    }

    // MARK: - Forms 01–06

    func document(
        _ form: OfficerPrintForms.PrintedForm, facts: DocumentFacts, created: Date, forApplicant: Bool
    ) -> OfficialDocument {
        let data = form.data
        func text(_ key: String) -> String { (data[key] as? String) ?? "" }
        func flag(_ key: String) -> Bool { (data[key] as? Bool) ?? false }
        let title = visitor.text("form_\(form.number)_heading")
        let to = DocumentBlock.paragraph("\(visitor.text("form_to")) \(text("applicantName"))")
        let about = "\(text("procedureName")) (\(visitor.text("dossier_code")) \(text("code")))."
        let officerName = text("officerName").isEmpty ? text("headUnit") : text("officerName")
        func make(_ blocks: [DocumentBlock], signer: String, name: String) -> OfficialDocument {
            ProcedureDocuments.form(
                facts, number: form.number, title: title, blocks: blocks,
                signerTitle: visitor.text(signer).uppercased(),
                signerName: name, created: created)
        }
        switch form.number {
        case "01":
            return receipt(form, facts: facts, created: created, forApplicant: forApplicant)
        case "02":
            let items = ((data["items"] as? [[String: Any]]) ?? []).map { item -> String in
                let description = (item["description"] as? String) ?? ""
                guard let requirement = item["requirement"] as? String, !requirement.isEmpty else { return description }
                return "\(requirement): \(description)"
            }
            return make(
                [
                    to, .paragraph("\(visitor.text("form_02_intro")) \(about)"),
                    .field(label: visitor.text("form_02_reason"), value: text("reason")),
                    .heading(visitor.text("form_02_items")), .list(items),
                    .paragraph(visitor.text("form_02_closing")),
                ], signer: "form_officer", name: officerName)
        case "03":
            var blocks: [DocumentBlock] = [
                to, .paragraph("\(visitor.text("form_03_intro")) \(about)"),
                .paragraph("\(visitor.text("form_03_reason")):"), .heading(text("reason")),
            ]
            if flag("hasRedirect") {
                blocks.append(.field(label: visitor.text("form_03_redirect"), value: text("redirect")))
            }
            blocks.append(.paragraph(visitor.text("form_03_closing")))
            return make(blocks, signer: "form_officer", name: officerName)
        case "04":
            return make(
                [
                    to, .paragraph("\(text("competentUnit")) \(visitor.text("form_04_intro")) \(about)"),
                    .field(label: visitor.text("form_04_previous"), value: text("previousDue")),
                    .field(label: visitor.text("form_04_reason"), value: text("reason")),
                    .field(label: visitor.text("form_04_new"), value: text("newDue")),
                    .paragraph(visitor.text("form_04_closing")),
                ], signer: "form_leader", name: officerName)
        case "05":
            return make(
                [
                    to, .paragraph("\(text("competentUnit")) \(visitor.text("form_05_intro")) \(about)"),
                    .field(label: visitor.text("form_05_stopped_at"), value: text("stoppedAt")),
                    .field(label: visitor.text("form_05_legal_reason"), value: text("legalReason")),
                    .paragraph(visitor.text("form_05_closing")),
                ], signer: "form_leader", name: officerName)
        default:
            let rows = ((data["rows"] as? [[String: Any]]) ?? []).map { row in
                ["name", "unit", "actor", "startedAt", "endedAt", "allotted", "spent", "timeliness"].map {
                    (row[$0] as? String) ?? ""
                }
            }
            let columns: [(String, Double)] = [
                ("officer_step", 0.13), ("unit", 0.12), ("officer_step_actor", 0.12), ("form_06_received", 0.15),
                ("form_06_handed_over", 0.15), ("officer_step_allotted", 0.09), ("officer_step_spent", 0.1),
                ("officer_step_timeliness", 0.14),
            ]
            return make(
                [
                    .field(label: visitor.text("dossier_code"), value: text("code")),
                    .field(label: visitor.text("applicant"), value: text("applicantName")),
                    .field(label: visitor.text("procedure"), value: text("procedureName")),
                    .field(label: visitor.text("received_at"), value: text("receivedAt")),
                    .field(label: visitor.text("form_01_appointment"), value: text("dueAt")),
                    .heading(visitor.text("form_06_caption")),
                    .table(columns: columns.map { TableColumn(visitor.text($0.0), share: $0.1) }, rows: rows),
                ], signer: "form_officer", name: text("headUnit"))
        }
    }

    /// Form 01: what was received, the fee and the appointment; never the lookup secret.
    private func receipt(
        _ form: OfficerPrintForms.PrintedForm, facts: DocumentFacts, created: Date, forApplicant: Bool
    ) -> OfficialDocument {
        let data = form.data
        func text(_ key: String) -> String { (data[key] as? String) ?? "" }
        let components = ((data["components"] as? [[String: Any]]) ?? []).map { component -> String in
            var kind: String
            if (component["digitised"] as? Bool) == true {
                kind = visitor.text("officer_mark_digitised")
            } else if (component["electronic"] as? Bool) == true {
                kind = visitor.text("officer_mark_electronic")
            } else {
                kind = visitor.text("officer_mark_paper")
            }
            if (component["reused"] as? Bool) == true { kind += " · \(visitor.text("officer_mark_reused"))" }
            return "\((component["name"] as? String) ?? "") — \(kind)"
        }
        var channel = text("channel")
        if (data["assisted"] as? Bool) == true { channel += " — \(visitor.text("form_assisted"))" }
        let receivedBy = forApplicant || text("officerName").isEmpty ? text("receivingUnit") : text("officerName")
        var document = ProcedureDocuments.receipt(
            facts, components: components, appointment: text("dueAt"), fee: text("fee"), channel: channel,
            receivedBy: receivedBy, created: created)
        var contact: [DocumentBlock] = []
        if (data["hasPhone"] as? Bool) == true {
            contact.append(.field(label: visitor.text("counter_phone"), value: text("applicantPhone")))
        }
        if (data["hasAddress"] as? Bool) == true {
            contact.append(.field(label: visitor.text("counter_address"), value: text("applicantAddress")))
        }
        let afterIdentifier =
            document.blocks.firstIndex {
                if case .field(_, let value) = $0 { return value == facts.applicantIdentifier }
                return false
            }.map { $0 + 1 } ?? document.blocks.count
        document.blocks.insert(contentsOf: contact, at: afterIdentifier)
        let closing: [DocumentBlock] = [
            .field(label: visitor.text("procedure_time_limit"), value: text("timeLimit")),
            .field(label: visitor.text("form_01_result_at"), value: text("receivingUnit")),
            .note(visitor.text("form_01_secret_reprint")),
        ]
        document.blocks.insert(contentsOf: closing, at: max(0, document.blocks.count - 1))
        return document
    }

    // MARK: - Form 07

    /// The tracking ledger of a unit for a period: every row in one table (the renderer carries a
    /// long table over to the next pages).
    func ledger(
        unit: String, periodKey: String, periodLabel: String, rows: [[String: Any]], officer: Officer, at now: Date
    ) throws -> OfficialDocument {
        let factory = try factory
        let tree = web.service.units.value
        let issuer = tree[unit]
        let superior = issuer?.parent.flatMap { tree[$0] }
        let local = web.service.calendar.localDate(of: now)
        let unitName = issuer.map { visitor.text($0.name) } ?? unit
        let title = visitor.text("ind_ledger_title")
        let facts = DocumentFacts(
            language: visitor.language.rawValue, system: "OneGate · \(web.dependencies.instanceName)",
            place: tree.roots.first.map { Self.placeName(visitor.text($0.name)) } ?? web.dependencies.instanceName,
            superior: superior.map { visitor.text($0.name).uppercased() }, issuer: unitName.uppercased(),
            dossierCode: "\(unit) · \(periodKey)", procedureCode: "", procedureName: title, applicantName: "",
            applicantIdentifier: "", day: local.day, month: local.month, year: local.year,
            issuedAt: DocumentFactory.moment(now, calendar: web.service.calendar),
            verificationURL: "\(factory.publicURL)/verify")
        let columns: [(String, Double)] = [
            ("ind_number", 0.065), ("dossier_code", 0.145), ("applicant", 0.115), ("procedure", 0.115),
            ("received_at", 0.15), ("due", 0.15), ("ind_finished_at", 0.15), ("ind_result", 0.11),
        ]
        let cells = rows.map { row -> [String] in
            var result = (row["result"] as? String) ?? ""
            if let timeliness = row["timeliness"] as? String, !timeliness.isEmpty { result += " (\(timeliness))" }
            return [
                "\((row["number"] as? Int) ?? 0)", (row["code"] as? String) ?? "", (row["applicant"] as? String) ?? "",
                (row["procedure"] as? String) ?? "", (row["receivedAt"] as? String) ?? "",
                (row["dueAt"] as? String) ?? "", (row["finishedAt"] as? String) ?? "", result,
            ]
        }
        var blocks: [DocumentBlock] = [
            .field(label: visitor.text("ind_unit"), value: unitName),
            .field(label: visitor.text("ind_period"), value: periodLabel),
            .field(label: visitor.text("pdf_ledger_total"), value: "\(rows.count)"),
        ]
        blocks.append(
            rows.isEmpty
                ? .paragraph(visitor.text("ind_no_dossiers"))
                : .table(columns: columns.map { TableColumn(visitor.text($0.0), share: $0.1) }, rows: cells))
        return ProcedureDocuments.form(
            facts, number: "07", title: title.uppercased(), blocks: blocks,
            signerTitle: visitor.text("pdf_ledger_signer").uppercased(), signerName: officer.fullName, created: now)
    }

    /// `Ủy ban nhân dân tỉnh Quảng Ninh` → `Quảng Ninh`: the place in the ledger's date line, as
    /// the documents of a dossier write it.
    static func placeName(_ unitName: String) -> String {
        for prefix in [
            "Ủy ban nhân dân tỉnh ", "Ủy ban nhân dân thành phố ", "UBND tỉnh ", "Tỉnh ", "Thành phố ",
            "People's Committee of ", "Province of ",
        ]
        where unitName.lowercased().hasPrefix(prefix.lowercased()) {
            return String(unitName.dropFirst(prefix.count))
        }
        return unitName
    }
}
