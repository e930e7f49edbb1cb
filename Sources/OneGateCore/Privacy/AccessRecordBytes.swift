import Foundation

/// Reads an access log entry back from its canonical bytes.
public enum AccessRecordBytes {
    public static func parse(_ canonical: [UInt8]) throws(OneGateError) -> (access: DataAccess, prev: String) {
        guard let object = try? JSONDecoder().decode(JSONValue.self, from: Data(canonical)),
            case .string(let subject)? = object["subject"], case .string(let actor)? = object["actor"],
            case .string(let actorName)? = object["actorName"], case .string(let actionText)? = object["action"],
            let action = DataAccess.Action(rawValue: actionText), case .string(let resource)? = object["resource"],
            case .string(let purpose)? = object["purpose"], case .string(let atText)? = object["at"],
            let at = Timestamp.parse(atText), case .string(let prev)? = object["prev"]
        else {
            throw OneGateError(
                .internalFailure, "access_log_unreadable", vi: "Không đọc được nhật ký truy cập.",
                en: "An access log entry cannot be read.")
        }
        var unit: String?
        if case .string(let value)? = object["unit"] { unit = value }
        return (
            DataAccess(
                subject: subject, actor: actor, actorName: actorName, unit: unit, action: action, resource: resource,
                purpose: purpose, at: at), prev
        )
    }
}
