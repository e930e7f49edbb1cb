import Crypto
public import Foundation
public import OneGateCore
public import OneGateDocuments

/// Lays out and signs OneGate's documents from a dossier: the result at approval (the leader's
/// signature) and issue (the unit's seal, with the number), and the forms on demand (signed with
/// the reception service's seal, since the form restates what the signed events recorded).
public struct DocumentFactory: ResultDocumentMaker {
    public let store: any OneGateStore
    public let pades: PAdESSigner
    public let calendars: Snapshot<WorkingCalendar>
    public let units: Snapshot<UnitTree>
    public let instanceName: String
    /// The public address of the instance, for the verification links (`https://…`).
    public let publicURL: String
    public let tenant: String

    public init(
        store: any OneGateStore, signer: InstanceSigner, calendars: Snapshot<WorkingCalendar>,
        units: Snapshot<UnitTree>, instanceName: String, publicURL: String, tenant: String
    ) {
        self.store = store
        self.pades = PAdESSigner(signer: signer)
        self.calendars = calendars
        self.units = units
        self.instanceName = instanceName
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.tenant = tenant
    }

    /// The short link the QR code carries: `/v/<dossier code>` opens the public verification.
    public func verificationURL(code: String) -> String {
        "\(publicURL)/v/\(code)"
    }

    /// The facts every document of `dossier` states, in `language`.
    public func facts(
        _ dossier: Dossier, procedure: Procedure, at: Date, language: Language = .vi, unit: String? = nil
    ) async throws -> DocumentFacts {
        let calendar = calendars.value
        let applicant = try await store.applicant(id: dossier.applicantID)
        let local = calendar.localDate(of: at)
        let issuerUnit = units.value[unit ?? dossier.competentUnit]
        let superiorUnit = issuerUnit?.parent.flatMap { units.value[$0] }
        let root = units.value.roots.first
        let place = root.map { Self.placeName($0.name.text(language)) } ?? instanceName
        var facts = DocumentFacts(
            language: language.rawValue, system: "OneGate · \(instanceName)", place: place,
            superior: superiorUnit.map { $0.name.text(language).uppercased() },
            issuer: (issuerUnit?.name.text(language) ?? dossier.competentUnit).uppercased(),
            dossierCode: dossier.publicIdentifier, procedureCode: procedure.code,
            procedureName: procedure.name.text(language), applicantName: applicant?.fullName ?? "",
            applicantIdentifier: applicant?.identifier ?? "", day: local.day, month: local.month, year: local.year,
            issuedAt: Self.moment(at, calendar: calendar),
            verificationURL: verificationURL(code: dossier.publicIdentifier))
        facts.issuerName = issuerUnit?.name.text(language)
        return facts
    }

    /// `2026-03-02 09:15 (UTC+07:00)`.
    public static func moment(_ date: Date, calendar: WorkingCalendar) -> String {
        let seconds = calendar.timeZone.secondsFromGMT(for: date)
        let sign = seconds < 0 ? "-" : "+"
        let offset = String(format: "%@%02d:%02d", sign, abs(seconds) / 3600, abs(seconds) % 3600 / 60)
        return "\(calendar.localMoment(of: date)) (UTC\(offset))"
    }

    /// `Ủy ban nhân dân tỉnh Quảng Ninh` → `Quảng Ninh`: the place in a document's date line.
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

    // MARK: - Results

    public func leaderSigned(
        _ dossier: Dossier, procedure: Procedure, leader: Officer, at: Date
    ) async throws
        -> [UInt8]
    {
        let facts = try await facts(dossier, procedure: procedure, at: at)
        let granted = (dossier.draftOutcome ?? dossier.outcome ?? .granted) == .granted
        let answers = procedure.form.fields.compactMap { field -> (String, String)? in
            guard let value = dossier.data[field.name] else { return nil }
            let text = field.display(value, language: .vi)
            return text.isEmpty ? nil : (field.label.vi, text)
        }
        let summary = Self.lastSummary(try await store.events(dossierID: dossier.id, tenant: tenant))
        var document = ProcedureDocuments.result(
            facts, resultName: procedure.resultName.vi, granted: granted, legalBasis: procedure.legalBasis,
            answers: Array(answers.prefix(12)), summary: summary, validity: nil, leaderTitle: "THỦ TRƯỞNG ĐƠN VỊ",
            leaderName: leader.fullName, created: at)
        document.reservedText = leader.fullName + facts.issuer + facts.place
        let rendered = try DocumentRenderer().render(document)
        return try await pades.sign(
            rendered.bytes, slot: "leader", as: .officer(id: leader.id, name: leader.fullName),
            appearance: SignatureAppearance(
                lines: ["Ký số bởi: \(leader.fullName)", "Thời gian: \(Self.moment(at, calendar: calendars.value))"],
                style: .personal),
            details: SignatureDetails(
                signerName: leader.fullName, reason: "Phê duyệt kết quả", location: facts.place, time: at)
        ).pdf
    }

    public func sealed(
        _ leaderSigned: [UInt8], dossier: Dossier, procedure: Procedure, number: String, clerk: Officer, at: Date
    ) async throws -> (pdf: [UInt8], detached: [UInt8]) {
        let unit = units.value[dossier.competentUnit]
        let unitName = unit?.name.vi ?? dossier.competentUnit
        let local = calendars.value.localDate(of: at)
        let seal = SignerIdentity.unitSeal(code: dossier.competentUnit, name: unitName)
        let pdf = try await pades.sign(
            leaderSigned, slot: "seal", as: seal,
            appearance: SignatureAppearance(
                lines: [
                    unitName.uppercased(), "Số: \(number)",
                    String(format: "Ban hành ngày %02d/%02d/%04d", local.day, local.month, local.year),
                ], style: .seal),
            details: SignatureDetails(
                signerName: unitName, reason: "Ban hành văn bản số \(number)", location: unitName, time: at)
        ).pdf
        let detached = try await pades.detachedSignature(
            digest: Array(SHA256.hash(data: pdf)), as: seal, at: at)
        return (pdf, detached)
    }

    /// The summary the handling officer wrote when submitting for approval.
    static func lastSummary(_ events: [SignedEvent]) -> String {
        guard let event = events.last(where: { $0.type == ActionName.submitForApproval.rawValue }),
            let object = try? JSONDecoder().decode(JSONValue.self, from: Data(event.canonical)),
            case .string(let summary)? = object["data"]?["summary"]
        else { return "" }
        return summary
    }

    // MARK: - Forms

    /// Renders and signs a form with the reception service's seal.
    public func signedForm(
        _ document: OfficialDocument, slot: String, signerLine: String, at: Date
    ) async throws
        -> [UInt8]
    {
        let rendered = try DocumentRenderer().render(document)
        return try await pades.sign(
            rendered.bytes, slot: slot, as: .receptionService,
            appearance: SignatureAppearance(
                lines: [signerLine, "Thời gian: \(Self.moment(at, calendar: calendars.value))"], style: .seal),
            details: SignatureDetails(
                signerName: instanceName, reason: document.title, location: instanceName, time: at)
        ).pdf
    }
}
