import Foundation
import OneGateCore

/// The API representation of a dossier. Everything but the secret's hash.
struct DossierView: Encodable {
    let dossier: Dossier
    let procedureName: LocalizedText?
    /// The lookup secret, present only in the answer that created the dossier.
    let secret: String?

    init(_ dossier: Dossier, procedureName: LocalizedText? = nil, secret: String? = nil) {
        self.dossier = dossier
        self.procedureName = procedureName
        self.secret = secret
    }

    private enum Key: String, CodingKey {
        case id, code, reference, secret, procedure, applicantId, channel, nationalChannel, assisted, receivingUnit,
            competentUnit, otherAgency, state, stateLabel, nationalStatus, step, paymentState, feeAmount,
            paymentReference, deliveryState, syncState, assignee, data, components, supplementItems, submittedAt,
            receptionDue, receivedAt, dueAt, timelinessDue, pausedAt, supplementRequests, extended, finishedAt,
            timeliness, draftOutcome, outcome, resultNumber, steps, version, lastEventHash, updatedAt
    }

    private struct ProcedureRef: Encodable {
        let code: String
        let version: Int
        let name: LocalizedText?
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        let d = dossier
        try c.encode(d.id, forKey: .id)
        try c.encodeIfPresent(d.code, forKey: .code)
        try c.encode(d.reference, forKey: .reference)
        try c.encodeIfPresent(secret, forKey: .secret)
        try c.encode(
            ProcedureRef(code: d.procedureCode, version: d.procedureVersion, name: procedureName), forKey: .procedure)
        try c.encode(d.applicantID, forKey: .applicantId)
        try c.encode(d.channel, forKey: .channel)
        try c.encode(d.channel.nationalCode, forKey: .nationalChannel)
        try c.encode(d.assisted, forKey: .assisted)
        try c.encode(d.receivingUnit, forKey: .receivingUnit)
        try c.encode(d.competentUnit, forKey: .competentUnit)
        try c.encodeIfPresent(d.otherAgency, forKey: .otherAgency)
        try c.encode(d.state, forKey: .state)
        try c.encode(d.state.label, forKey: .stateLabel)
        try c.encodeIfPresent(d.state.nationalCode, forKey: .nationalStatus)
        try c.encodeIfPresent(d.step, forKey: .step)
        try c.encode(d.paymentState, forKey: .paymentState)
        try c.encode(d.feeAmount, forKey: .feeAmount)
        try c.encodeIfPresent(d.paymentReference, forKey: .paymentReference)
        try c.encode(d.deliveryState, forKey: .deliveryState)
        try c.encode(d.syncState, forKey: .syncState)
        try c.encodeIfPresent(d.assignee, forKey: .assignee)
        try c.encode(d.data, forKey: .data)
        try c.encode(d.components, forKey: .components)
        try c.encode(d.supplementItems, forKey: .supplementItems)
        try c.encode(d.submittedAt, forKey: .submittedAt)
        try c.encodeIfPresent(d.receptionDue, forKey: .receptionDue)
        try c.encodeIfPresent(d.receivedAt, forKey: .receivedAt)
        try c.encodeIfPresent(d.dueAt, forKey: .dueAt)
        try c.encodeIfPresent(d.timelinessDue, forKey: .timelinessDue)
        try c.encodeIfPresent(d.pausedAt, forKey: .pausedAt)
        try c.encode(d.supplementRequests, forKey: .supplementRequests)
        try c.encode(d.extended, forKey: .extended)
        try c.encodeIfPresent(d.finishedAt, forKey: .finishedAt)
        try c.encodeIfPresent(d.timeliness, forKey: .timeliness)
        try c.encodeIfPresent(d.draftOutcome, forKey: .draftOutcome)
        try c.encodeIfPresent(d.outcome, forKey: .outcome)
        try c.encodeIfPresent(d.resultNumber, forKey: .resultNumber)
        try c.encode(d.steps, forKey: .steps)
        try c.encode(d.version, forKey: .version)
        try c.encode(d.lastEventHash, forKey: .lastEventHash)
        try c.encode(d.updatedAt, forKey: .updatedAt)
    }
}

/// A signed event as the API shows it: the canonical JSON, its hash, signature and signer.
struct EventView: Encodable {
    let seq: Int
    let type: String
    let at: Date
    let actor: EventActor
    let canonical: String
    let hash: String
    let signature: String
    let certificateSerial: String

    init(_ event: SignedEvent) {
        seq = event.seq
        type = event.type
        at = event.at
        actor = event.actor
        canonical = String(decoding: event.canonical, as: UTF8.self)
        hash = event.hash
        signature = Data(event.signature).base64EncodedString()
        certificateSerial = event.certificateSerial
    }
}
