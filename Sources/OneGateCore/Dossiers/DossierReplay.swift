import Foundation

/// "Events are the record": rebuilds a dossier row from its events by re-applying the lifecycle.
///
/// Each event's type and data give back the action (or the opening) that produced it; applying it with
/// the same procedure version, calendar, moment and actor reproduces the row. Replay also checks
/// itself: every re-applied action must produce exactly the recorded event data and identifier, so a
/// row that does not follow from its events, or a calendar that no longer gives the recorded due
/// dates, is reported (`replay_mismatch`) instead of silently rebuilt differently.
///
/// Not in the events, by design, and so taken from the ``Seed``: the row id and tenant (storage keys),
/// the hash of the applicant's lookup secret (kept out of the signed, exported record), the form
/// answers (events carry only their digest, `formDigest`), and the applicant of a dossier received at a
/// counter (until events carry it). `lastEventHash` needs the digest function (or
/// ``rebuild(signedEvents:procedure:calendar:seed:digest:)``, whose events carry their hashes).
public enum DossierReplay {
    /// The facts of a dossier row that its events do not carry.
    public struct Seed: Sendable, Hashable {
        /// The row id (storage key).
        public var id: String
        /// The province (tenant) key.
        public var tenant: String
        /// The hash of the applicant's lookup secret.
        public var secretHash: String
        /// The applicant: needed for dossiers opened by an officer (the event names the officer, not
        /// the applicant); an online submission's actor is the applicant and wins when both are known.
        public var applicantID: String?
        /// The final form answers (the stored row's). Checked against the last `formDigest` when a
        /// digest function is given.
        public var data: [String: JSONValue]

        /// Makes a seed.
        public init(id: String, tenant: String, secretHash: String, applicantID: String?, data: [String: JSONValue]) {
            self.id = id
            self.tenant = tenant
            self.secretHash = secretHash
            self.applicantID = applicantID
            self.data = data
        }

        /// The seed of a stored row (to check that row against its events).
        public init(row: Dossier) {
            self.init(
                id: row.id, tenant: row.tenant, secretHash: row.secretHash, applicantID: row.applicantID,
                data: row.data)
        }
    }

    /// Hex SHA-256 of bytes (`EventSigner.digest`); injected because the core has no cryptography.
    public typealias Digest = @Sendable ([UInt8]) -> String

    /// Rebuilds the row of the dossier whose events are `events` (in order, from `seq` 1).
    ///
    /// - Parameters:
    ///   - procedure: the procedure version the dossier was received under (checked against the opening
    ///     event).
    ///   - calendar: the instance calendar; it must give the due dates that were recorded.
    ///   - digest: when given, the `prev` chain and the last `formDigest` are checked and
    ///     `lastEventHash` is set; without it `lastEventHash` is left empty.
    /// - Throws: `replay_invalid` (no events, a gap in `seq`, an unknown event type, a malformed or
    ///   missing field), `replay_mismatch` (the events do not reproduce themselves, or the seed does not
    ///   match them), or the lifecycle's own error when a recorded action is refused.
    public static func rebuild(
        events: [EventEnvelope], procedure: Procedure, calendar: WorkingCalendar, seed: Seed, digest: Digest? = nil
    ) throws(OneGateError) -> Dossier {
        try rebuild(events, hashes: nil, procedure: procedure, calendar: calendar, seed: seed, digest: digest)
    }

    /// Rebuilds from stored events: decodes their canonical bytes and takes `lastEventHash` from the
    /// stored hash (checked against `digest` when given).
    public static func rebuild(
        signedEvents: [SignedEvent], procedure: Procedure, calendar: WorkingCalendar, seed: Seed,
        digest: Digest? = nil
    ) throws(OneGateError) -> Dossier {
        var envelopes: [EventEnvelope] = []
        for event in signedEvents {
            let envelope = try EventEnvelope(canonical: event.canonical)
            if let digest, digest(event.canonical) != event.hash {
                throw mismatch(seq: envelope.seq, field: "hash")
            }
            envelopes.append(envelope)
        }
        return try rebuild(
            envelopes, hashes: signedEvents.map(\.hash), procedure: procedure, calendar: calendar,
            seed: seed, digest: digest)
    }

    private static func rebuild(
        _ events: [EventEnvelope], hashes: [String]?, procedure: Procedure, calendar: WorkingCalendar, seed: Seed,
        digest: Digest?
    ) throws(OneGateError) -> Dossier {
        guard let first = events.first else { throw invalid(seq: 0, field: "events") }
        var previousHash = EventEnvelope.genesis
        var dossier: Dossier?
        for (index, event) in events.enumerated() {
            guard event.seq == index + 1 else { throw invalid(seq: event.seq, field: "seq") }
            if digest != nil, event.prev != previousHash { throw mismatch(seq: event.seq, field: "prev") }
            let hash = hashes?[index] ?? digest.map { $0(event.canonicalBytes) } ?? ""
            let fields = try EventFields(event)
            var transition: LifecycleTransition
            if let current = dossier {
                let action = try action(from: fields, seed: seed)
                let context = LifecycleContext(
                    procedure: procedure, calendar: calendar, now: event.at,
                    actorID: event.actor.id, newCode: action == .accept ? try fields.string("code") : nil)
                transition = try Lifecycle.apply(action, to: current, context: context)
            } else {
                transition = try open(fields, procedure: procedure, calendar: calendar, seed: seed)
            }
            try verify(transition, against: fields)
            transition.dossier.version = event.seq
            transition.dossier.lastEventHash = hash
            previousHash = hash
            dossier = transition.dossier
        }
        guard let rebuilt = dossier else { throw invalid(seq: first.seq, field: "events") }
        if let digest, let recorded = events.last(where: { $0.data["formDigest"] != nil })?.data["formDigest"] {
            guard recorded.stringValue == digest(CanonicalJSON.encode(.object(seed.data))) else {
                throw mismatch(seq: rebuilt.version, field: "formDigest")
            }
        }
        return rebuilt
    }

    /// Re-opens the dossier from its first event (`submit` or `receive_at_counter`).
    private static func open(
        _ fields: EventFields, procedure: Procedure, calendar: WorkingCalendar, seed: Seed
    ) throws(OneGateError) -> LifecycleTransition {
        let event = fields.event
        guard event.type == ActionName.submit.rawValue || event.type == ActionName.receiveAtCounter.rawValue else {
            throw invalid(seq: event.seq, field: "type")
        }
        guard try fields.string("procedure") == procedure.code, try fields.int("procedureVersion") == procedure.version
        else { throw mismatch(seq: event.seq, field: "procedureVersion") }
        guard let channel = Channel(rawValue: try fields.string("channel")) else {
            throw invalid(seq: event.seq, field: "channel")
        }
        // An online submission is made by the applicant; a counter reception by an officer, whose event
        // names the officer, so the applicant comes from the event data (once recorded) or the seed.
        let actorApplicant = event.actor.role == Role.citizen.rawValue ? event.actor.id : nil
        let recorded = fields.optionalString("applicant") ?? actorApplicant
        if let recorded, let seeded = seed.applicantID, recorded != seeded {
            throw mismatch(seq: event.seq, field: "applicant")
        }
        guard let applicant = recorded ?? seed.applicantID else { throw invalid(seq: event.seq, field: "applicant") }
        let fresh = Dossier(
            id: seed.id, tenant: seed.tenant, reference: try fields.string("reference"), secretHash: seed.secretHash,
            procedure: procedure, applicantID: applicant, channel: channel, assisted: fields.bool("assisted"),
            receivingUnit: try fields.string("receivingUnit"), competentUnit: try fields.string("competentUnit"),
            data: seed.data, components: try fields.components("components"), submittedAt: event.at)
        let context = LifecycleContext(
            procedure: procedure, calendar: calendar, now: event.at,
            actorID: event.actor.id, newCode: fields.optionalString("code"))
        return try Lifecycle.open(fresh, context: context)
    }

    /// The action an event records.
    private static func action(from fields: EventFields, seed: Seed) throws(OneGateError) -> DossierAction {
        let seq = fields.event.seq
        guard let name = ActionName(rawValue: fields.event.type) else { throw invalid(seq: seq, field: "type") }
        switch name {
        case .submit, .receiveAtCounter:
            throw invalid(seq: seq, field: "type")
        case .accept:
            return .accept
        case .requestSupplement:
            return .requestSupplement(items: try fields.items("items"), reason: try fields.string("reason"))
        case .refuse:
            return .refuse(reason: try fields.string("reason"), redirect: fields.optionalString("redirect"))
        case .assign:
            return .assign(officerID: try fields.string("assignee"))
        case .appraise:
            return .appraise(note: try fields.string("note"))
        case .submitForApproval:
            guard let outcome = Outcome(rawValue: try fields.string("outcome")) else {
                throw invalid(seq: seq, field: "outcome")
            }
            return .submitForApproval(outcome: outcome, summary: try fields.string("summary"))
        case .sendToOtherAgency:
            return .sendToOtherAgency(unit: try fields.string("unit"), note: try fields.string("note"))
        case .returnFromOtherAgency:
            return .returnFromOtherAgency(note: try fields.string("note"))
        case .supplement:
            // The answers supplied are not in the event, only their names: take them from the final data
            // (a later supplement may have changed them again, which leaves the final data the same).
            var answers: [String: JSONValue] = [:]
            for name in try fields.strings("fields") {
                guard let value = seed.data[name] else { throw mismatch(seq: seq, field: "fields.\(name)") }
                answers[name] = value
            }
            return .supplement(components: try fields.components("components"), data: answers)
        case .assessFee:
            return .assessFee(amount: Int64(try fields.int("amount")), reference: try fields.string("reference"))
        case .pay:
            guard let method = PaymentMethod(rawValue: try fields.string("method")) else {
                throw invalid(seq: seq, field: "method")
            }
            return .pay(method: method, reference: try fields.string("reference"))
        case .extend:
            guard let newDue = Timestamp.parse(try fields.string("newDue")) else {
                throw invalid(seq: seq, field: "newDue")
            }
            return .extend(newDue: newDue, reason: try fields.string("reason"))
        case .stop:
            return .stop(legalReason: try fields.string("legalReason"))
        case .approve:
            return .approve(comment: try fields.string("comment"))
        case .returnForRework:
            return .returnForRework(comment: try fields.string("comment"))
        case .issue:
            return .issue(resultNumber: try fields.string("resultNumber"))
        case .deliver:
            guard let channel = DeliveryChannel(rawValue: try fields.string("channel")) else {
                throw invalid(seq: seq, field: "channel")
            }
            return .deliver(channel: channel)
        case .withdraw:
            return .withdraw(reason: fields.optionalString("reason") ?? "")
        }
    }

    /// The re-applied action must give back the recorded event: type, identifier and data (less the
    /// form digest, which the recording service adds).
    private static func verify(_ transition: LifecycleTransition, against fields: EventFields) throws(OneGateError) {
        let event = fields.event
        guard transition.eventType == event.type else { throw mismatch(seq: event.seq, field: "type") }
        guard transition.dossier.publicIdentifier == event.dossier else {
            throw mismatch(seq: event.seq, field: "dossier")
        }
        var recorded = fields.object
        // What the service attaches beside the transition (the form's digest, the hash of a
        // result's PDF) is recorded data, not lifecycle state: checked elsewhere, not rebuilt.
        recorded["formDigest"] = nil
        recorded["resultDocument"] = nil
        guard CanonicalJSON.encode(.object(recorded)) != CanonicalJSON.encode(.object(transition.eventData)) else {
            return
        }
        let keys = Set(recorded.keys).union(transition.eventData.keys).sorted()
        let differing = keys.first { key in
            recorded[key].map { CanonicalJSON.encode($0) } != transition.eventData[key].map { CanonicalJSON.encode($0) }
        }
        throw mismatch(seq: event.seq, field: "data.\(differing ?? "")")
    }

    static func invalid(seq: Int, field: String) -> OneGateError {
        OneGateError(
            .unprocessable, "replay_invalid", vi: "Chuỗi sự kiện của hồ sơ không đầy đủ hoặc sai định dạng.",
            en: "The dossier's events are incomplete or malformed.", details: ["seq": String(seq), "field": field])
    }

    static func mismatch(seq: Int, field: String) -> OneGateError {
        OneGateError(
            .conflict, "replay_mismatch", vi: "Dữ liệu hồ sơ không khớp với chuỗi sự kiện.",
            en: "The dossier does not follow from its events.", details: ["seq": String(seq), "field": field])
    }
}

/// Typed access to one event's data, with replay errors that name the event and the field.
private struct EventFields {
    let event: EventEnvelope
    let object: [String: JSONValue]

    init(_ event: EventEnvelope) throws(OneGateError) {
        guard let object = event.data.objectValue else { throw DossierReplay.invalid(seq: event.seq, field: "data") }
        self.event = event
        self.object = object
    }

    func string(_ key: String) throws(OneGateError) -> String {
        guard let value = object[key]?.stringValue else { throw DossierReplay.invalid(seq: event.seq, field: key) }
        return value
    }

    func optionalString(_ key: String) -> String? { object[key]?.stringValue }

    func int(_ key: String) throws(OneGateError) -> Int {
        guard let value = object[key]?.intValue, let int = Int(exactly: value) else {
            throw DossierReplay.invalid(seq: event.seq, field: key)
        }
        return int
    }

    func bool(_ key: String) -> Bool {
        if case .bool(let value) = object[key] { return value }
        return false
    }

    func array(_ key: String) throws(OneGateError) -> [JSONValue] {
        guard case .array(let values) = object[key] else { throw DossierReplay.invalid(seq: event.seq, field: key) }
        return values
    }

    func strings(_ key: String) throws(OneGateError) -> [String] {
        var result: [String] = []
        for value in try array(key) {
            guard let text = value.stringValue else { throw DossierReplay.invalid(seq: event.seq, field: key) }
            result.append(text)
        }
        return result
    }

    /// Components as `Lifecycle` writes them: requirement, `sha256`, `digitised`, `reused`.
    func components(_ key: String) throws(OneGateError) -> [DossierComponent] {
        var result: [DossierComponent] = []
        for value in try array(key) {
            guard let requirement = value["requirement"]?.stringValue else {
                throw DossierReplay.invalid(seq: event.seq, field: "\(key).requirement")
            }
            result.append(
                DossierComponent(
                    requirement: requirement, document: value["sha256"]?.stringValue,
                    digitised: value["digitised"] == .bool(true), reused: value["reused"] == .bool(true)))
        }
        return result
    }

    /// Supplementation items: description and optional requirement.
    func items(_ key: String) throws(OneGateError) -> [SupplementItem] {
        var result: [SupplementItem] = []
        for value in try array(key) {
            guard let description = value["description"]?.stringValue else {
                throw DossierReplay.invalid(seq: event.seq, field: "\(key).description")
            }
            result.append(SupplementItem(requirement: value["requirement"]?.stringValue, description: description))
        }
        return result
    }
}
