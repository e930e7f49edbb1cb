import OneGateCore
import SwiftASN1
import X509

/// Who a certificate belongs to, as far as verification cares.
enum CertificateHolder: Sendable, Hashable, CustomStringConvertible {
    case officer(id: String)
    case unitSeal(code: String)
    case receptionService
    case unknown

    var description: String {
        switch self {
        case .officer(let id): return "officer \(id)"
        case .unitSeal(let code): return "unit seal \(code)"
        case .receptionService: return "reception service"
        case .unknown: return "unknown holder"
        }
    }
}

/// How identities are written into certificate subjects, and read back.
///
/// - officer: `O=<instance>, CN=<name>, UID=<officer id>`
/// - unit seal: `O=<instance>, CN=<unit name>, serialNumber=<unit code>`
/// - reception service: `O=<instance>, CN=<instance> Reception Service, serialNumber=reception-service`
/// - root CA: `O=<instance>, CN=<instance> Root CA`
///
/// The identifier attribute is what binds a signature to the actor recorded in an event, so it is
/// the only part verification reads; names are for people.
enum SignerSubject {
    /// RFC 4519 `uid` (0.9.2342.19200300.100.1.1).
    static let uid: ASN1ObjectIdentifier = [0, 9, 2342, 19_200_300, 100, 1, 1]
    /// X.520 `serialNumber` (2.5.4.5): the holder's identifier, not the certificate's serial.
    static let serialNumber: ASN1ObjectIdentifier = [2, 5, 4, 5]

    static func authority(instanceName: String) -> DistinguishedName {
        makeName(organisation: instanceName, commonName: "\(instanceName) Root CA", identifier: nil)
    }

    static func distinguishedName(for identity: SignerIdentity, instanceName: String) throws -> DistinguishedName {
        switch identity {
        case .officer(let id, let name):
            return makeName(
                organisation: instanceName, commonName: name,
                identifier: RelativeDistinguishedName.Attribute(type: uid, utf8String: id))
        case .unitSeal(let code, let name):
            return makeName(organisation: instanceName, commonName: name, identifier: try serialAttribute(code))
        case .receptionService:
            return makeName(
                organisation: instanceName, commonName: "\(instanceName) Reception Service",
                identifier: try serialAttribute(SignerIdentity.receptionServiceID))
        }
    }

    /// Reads the holder back from a certificate's subject (see the layout above).
    static func holder(of certificate: Certificate) -> CertificateHolder {
        var uidValue: String?
        var serialValue: String?
        for rdn in certificate.subject {
            for attribute in rdn {
                if attribute.type == uid { uidValue = String(attribute.value) }
                if attribute.type == serialNumber { serialValue = String(attribute.value) }
            }
        }
        if let uidValue { return .officer(id: uidValue) }
        if let serialValue {
            return serialValue == SignerIdentity.receptionServiceID ? .receptionService : .unitSeal(code: serialValue)
        }
        return .unknown
    }

    /// `holder(of:)` for DER bytes; `nil` when they are not a certificate.
    static func holder(ofDER der: [UInt8]) -> CertificateHolder? {
        (try? Certificate(derEncoded: der)).map(holder(of:))
    }

    private static func makeName(
        organisation: String, commonName: String, identifier: RelativeDistinguishedName.Attribute?
    ) -> DistinguishedName {
        var rdns = [
            RelativeDistinguishedName(.init(type: .RDNAttributeType.organizationName, utf8String: organisation)),
            RelativeDistinguishedName(.init(type: .RDNAttributeType.commonName, utf8String: commonName)),
        ]
        if let identifier { rdns.append(RelativeDistinguishedName(identifier)) }
        return DistinguishedName(rdns)
    }

    /// X.520 wants serialNumber as a PrintableString; codes outside that alphabet fall back to UTF-8
    /// rather than failing, since only OneGate reads the value back.
    private static func serialAttribute(_ value: String) throws -> RelativeDistinguishedName.Attribute {
        if let printable = try? RelativeDistinguishedName.Attribute(type: serialNumber, printableString: value) {
            return printable
        }
        return RelativeDistinguishedName.Attribute(type: serialNumber, utf8String: value)
    }
}
