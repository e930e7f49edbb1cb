import Foundation

/// Who did something, as recorded (and signed) in an event.
public struct EventActor: Sendable, Hashable, Codable {
    /// Officer id, applicant id, or `reception-service` for the platform itself.
    public var id: String
    /// The role acted in (`citizen` and `system` events are sealed by the reception service).
    public var role: String
    public var unit: String

    public init(id: String, role: String, unit: String) {
        self.id = id
        self.role = role
        self.unit = unit
    }

    /// The platform's own identity, used for online submissions and automatic actions.
    public static func system(unit: String) -> EventActor {
        EventActor(id: SignerIdentity.receptionServiceID, role: "system", unit: unit)
    }
}

/// The object that is canonicalised (RFC 8785) and signed for every dossier transition (signatures.md).
public struct EventEnvelope: Sendable, Hashable {
    /// The dossier's code, or its submission reference while it has no code yet.
    public var dossier: String
    public var seq: Int
    public var type: String
    public var at: Date
    public var actor: EventActor
    public var data: JSONValue
    /// Hex SHA-256 of the previous event's canonical bytes, or 64 zeros for the first event.
    public var prev: String

    public static let genesis = String(repeating: "0", count: 64)

    public init(
        dossier: String, seq: Int, type: String, at: Date, actor: EventActor, data: JSONValue, prev: String
    ) {
        self.dossier = dossier
        self.seq = seq
        self.type = type
        self.at = at
        self.actor = actor
        self.data = data
        self.prev = prev
    }

    /// The envelope as a JSON value, ready for canonicalisation.
    public var jsonValue: JSONValue {
        .object([
            "dossier": .string(dossier),
            "seq": .int(Int64(seq)),
            "type": .string(type),
            "at": .string(Timestamp.format(at)),
            "actor": .object(["id": .string(actor.id), "role": .string(actor.role), "unit": .string(actor.unit)]),
            "data": data,
            "prev": .string(prev),
        ])
    }

    /// The canonical bytes that are hashed and signed.
    public var canonicalBytes: [UInt8] { CanonicalJSON.encode(jsonValue) }

    /// Reads an envelope back from canonical bytes (for verification and export).
    public init(canonical bytes: [UInt8]) throws(OneGateError) {
        let failure = OneGateError(
            .unprocessable, "malformed_event", vi: "Sự kiện không đúng định dạng.", en: "The event is malformed.")
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)),
            let dossier = value["dossier"]?.stringValue, let seq = value["seq"]?.intValue,
            let type = value["type"]?.stringValue, let atText = value["at"]?.stringValue,
            let at = Timestamp.parse(atText), let actor = value["actor"], let actorID = actor["id"]?.stringValue,
            let role = actor["role"]?.stringValue, let unit = actor["unit"]?.stringValue,
            let prev = value["prev"]?.stringValue
        else { throw failure }
        self.init(
            dossier: dossier, seq: Int(seq), type: type, at: at, actor: EventActor(id: actorID, role: role, unit: unit),
            data: value["data"] ?? .null, prev: prev)
    }
}

/// Instants written into signed data: UTC, millisecond precision, always the same form.
public enum Timestamp {
    /// `2026-03-03T02:15:00.000Z`. Plain arithmetic (days to civil date, proleptic Gregorian),
    /// because every event and every API answer formats several instants.
    public static func format(_ date: Date) -> String {
        // To the nearest millisecond: an instant stored as a double sits a hair off its millisecond.
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = millis.floorDiv(1000)
        let fraction = Int(millis - seconds * 1000)
        let days = seconds.floorDiv(86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = z.floorDiv(146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        let year = Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
        var text = ""
        text.reserveCapacity(24)
        func append(_ value: Int, _ width: Int) {
            let digits = String(value)
            if digits.count < width { text += String(repeating: "0", count: width - digits.count) }
            text += digits
        }
        append(year, 4)
        text += "-"
        append(month, 2)
        text += "-"
        append(day, 2)
        text += "T"
        append(secondOfDay / 3600, 2)
        text += ":"
        append(secondOfDay % 3600 / 60, 2)
        text += ":"
        append(secondOfDay % 60, 2)
        text += "."
        append(fraction, 3)
        text += "Z"
        return text
    }

    /// Parses RFC 3339 instants with or without fractional seconds.
    public static func parse(_ text: String) -> Date? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withFraction.date(from: text) { return date }
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        return plain.date(from: text)
    }

    /// Rounds to the nearest millisecond, so that a stored instant equals the signed one exactly.
    public static func truncate(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}

extension Int64 {
    fileprivate func floorDiv(_ divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
