import Foundation
import Hummingbird

/// A client of the registry and one of its shared secrets. The same id may be listed twice with
/// two secrets: both are accepted, which is how a secret is rotated without downtime.
public struct RegistryClientCredential: Sendable, Hashable {
    public var id: String
    public var secret: String

    public init(id: String, secret: String) {
        self.id = id
        self.secret = secret
    }
}

/// What the reference registry serves: its clients and its records.
public struct RegistryServiceConfiguration: Sendable {
    public var clients: [RegistryClientCredential]
    public var people: [RegistryPerson]
    public var enterprises: [RegistryEnterprise]
    /// How many lookups the in-memory log keeps; the oldest go first, so a long demo cannot
    /// grow the process without bound.
    public var logCapacity: Int

    public init(
        clients: [RegistryClientCredential], people: [RegistryPerson], enterprises: [RegistryEnterprise],
        logCapacity: Int = 10_000
    ) {
        self.clients = clients
        self.people = people
        self.enterprises = enterprises
        self.logCapacity = logCapacity
    }
}

/// Why a registry could not be set up.
public struct RegistrySetupError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    init(_ description: String) { self.description = description }
}

/// The reference population and business registry (`onegate registry`) that plays the national
/// registries behind the data-sharing platform in development, tests and the demo (once-only.md
/// §4), over real HTTP and with the contract of docs/registry.md.
///
/// Endpoints: `GET /population/v1/people/{identifier}`, `GET /business/v1/enterprises/{taxCode}`
/// and `GET /audit/v1/lookups?identifier=`, all signed (`RegistrySignature`). Every lookup is
/// written to a log kept in memory: this is a single-process development service.
public final class RegistryService: Sendable {
    let secrets: [String: [String]]
    let people: [String: RegistryPerson]
    let enterprises: [String: RegistryEnterprise]
    let log: RegistryLookupLog

    /// Sets the registry up; throws when a client or a record is unusable or listed twice.
    public init(configuration: RegistryServiceConfiguration) throws {
        var secrets: [String: [String]] = [:]
        for client in configuration.clients {
            guard !client.id.isEmpty, !client.secret.isEmpty else {
                throw RegistrySetupError("A client needs an id and a secret: \"\(client.id)\"")
            }
            // Ids go into the canonical string as they are, so they must be a valid header value.
            guard client.id.allSatisfy({ $0.isASCII && !$0.isWhitespace && !$0.isNewline }) else {
                throw RegistrySetupError("Client ids are visible ASCII without spaces: \"\(client.id)\"")
            }
            if secrets[client.id, default: []].contains(client.secret) { continue }
            secrets[client.id, default: []].append(client.secret)
        }
        var people: [String: RegistryPerson] = [:]
        for person in configuration.people {
            guard people[person.identifier] == nil else {
                throw RegistrySetupError("Personal identifier listed twice: \(person.identifier)")
            }
            people[person.identifier] = person
        }
        var enterprises: [String: RegistryEnterprise] = [:]
        for enterprise in configuration.enterprises {
            guard enterprises[enterprise.taxCode] == nil else {
                throw RegistrySetupError("Tax code listed twice: \(enterprise.taxCode)")
            }
            enterprises[enterprise.taxCode] = enterprise
        }
        guard configuration.logCapacity > 0 else { throw RegistrySetupError("The log capacity must be positive.") }
        self.secrets = secrets
        self.people = people
        self.enterprises = enterprises
        self.log = RegistryLookupLog(capacity: configuration.logCapacity)
    }

    /// Adds the registry's endpoints to `router`.
    public func addRoutes<Context: RequestContext>(to router: some RouterMethods<Context>) {
        router.get("/population/v1/people/:identifier") { request, context in
            await self.lookUp(request, register: "population", key: context.parameters.get("identifier")) {
                self.people[$0].map { Self.json($0) }
            }
        }
        router.get("/business/v1/enterprises/:taxCode") { request, context in
            await self.lookUp(request, register: "business", key: context.parameters.get("taxCode")) {
                self.enterprises[$0].map { Self.json($0) }
            }
        }
        router.get("/audit/v1/lookups") { request, _ in await self.lookups(request) }
    }

    /// A router holding only the registry's endpoints, for `onegate registry` and tests.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        addRoutes(to: router)
        return router
    }

    /// The lookup log, oldest first, for one identifier or tax code (or all of it when nil).
    public func lookups(identifier: String?) async -> [RegistryLookup] {
        await log.entries(identifier: identifier)
    }

    /// Verifies the request, answers from `record` and logs the lookup, found or not: the log is
    /// about who asked, which matters as much when the registry had nothing.
    private func lookUp(
        _ request: Request, register: String, key: String?, record: (String) -> Response?
    ) async -> Response {
        let caller: Caller
        switch verify(request) {
        case .verified(let verified): caller = verified
        case .refused(let response): return response
        }
        // Path parameters arrive as sent; identifiers need no encoding, but a client may encode anyway.
        let key = key.map { $0.removingPercentEncoding ?? $0 } ?? ""
        let answer = record(key)
        await log.append(
            RegistryLookup(
                at: Date(), client: caller.client, purpose: caller.purpose, actor: caller.actor, register: register,
                identifier: key, found: answer != nil))
        return answer ?? Self.problem("not_found", status: .notFound)
    }

    /// `GET /audit/v1/lookups?identifier=`: reading the log is signed like a lookup, since the
    /// log itself says who was looked up.
    private func lookups(_ request: Request) async -> Response {
        if case .refused(let response) = verify(request) { return response }
        let identifier = request.uri.queryParameters.get("identifier").flatMap { $0.isEmpty ? nil : $0 }
        return Self.json(RegistryLookupList(lookups: await log.entries(identifier: identifier)))
    }

    /// The authenticated caller of a request.
    struct Caller: Sendable {
        var client: String
        var purpose: String
        var actor: String
    }

    enum Verification {
        case verified(Caller)
        case refused(Response)
    }

    /// Checks a request's signature headers, in the order docs/registry.md gives: the client, the
    /// signature, the timestamp's freshness, then purpose and actor. Purpose and actor are checked
    /// last so that only an authenticated client learns what its request lacked.
    func verify(_ request: Request) -> Verification {
        let names = [
            RegistrySignature.clientHeader, RegistrySignature.purposeHeader, RegistrySignature.actorHeader,
            RegistrySignature.timestampHeader, RegistrySignature.signatureHeader,
        ]
        var values: [String: String] = [:]
        for name in names {
            let fields = request.headers[values: .init(name)!]
            // Sent twice, a header would be signed one way and read another: refuse the ambiguity.
            guard fields.count <= 1 else { return .refused(Self.problem("bad_signature", status: .unauthorized)) }
            values[name] = fields.first
        }
        guard let client = values[RegistrySignature.clientHeader], let clientSecrets = secrets[client] else {
            return .refused(Self.problem("unknown_client", status: .unauthorized))
        }
        let timestamp = values[RegistrySignature.timestampHeader] ?? ""
        let purpose = values[RegistrySignature.purposeHeader] ?? ""
        let actor = values[RegistrySignature.actorHeader] ?? ""
        let canonical = RegistrySignature.canonicalString(
            method: request.method.rawValue, path: request.head.path ?? "/", timestamp: timestamp, client: client,
            purpose: purpose, actor: actor)
        let signature = values[RegistrySignature.signatureHeader] ?? ""
        // Every secret is tried even after a match, so the timing does not tell which one is current.
        let matches = clientSecrets.map { RegistrySignature.isValid(signature, of: canonical, secret: $0) }
        guard matches.contains(true) else { return .refused(Self.problem("bad_signature", status: .unauthorized)) }
        guard let signedAt = RegistrySignature.date(fromTimestamp: timestamp),
            abs(signedAt.timeIntervalSinceNow) <= RegistrySignature.maximumSkew
        else { return .refused(Self.problem("stale_request", status: .unauthorized)) }
        guard let purposeText = RegistrySignature.text(fromHeaderValue: purpose),
            !purposeText.trimmingCharacters(in: .whitespaces).isEmpty
        else { return .refused(Self.problem("missing_purpose", status: .badRequest)) }
        guard let actorText = RegistrySignature.text(fromHeaderValue: actor), Self.isActor(actorText) else {
            return .refused(Self.problem("missing_actor", status: .badRequest))
        }
        return .verified(Caller(client: client, purpose: purposeText, actor: actorText))
    }

    /// `officer:<id>` or `citizen:<id>` with a non-empty id: the log must name a person or an
    /// officer account, never just a system.
    static func isActor(_ text: String) -> Bool {
        for prefix in ["officer:", "citizen:"] where text.hasPrefix(prefix) {
            return !text.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces).isEmpty
        }
        return false
    }

    /// Personal data must not be cached anywhere on the way.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? RegistryJSON.encoder().encode(value)) ?? Data("{}".utf8)
        let headers: HTTPFields = [.contentType: "application/json", .cacheControl: "no-store"]
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func problem(_ error: String, status: HTTPResponse.Status) -> Response {
        json(RegistryProblem(error: error), status: status)
    }
}

/// The registry's log of lookups, in memory and bounded.
actor RegistryLookupLog {
    private var entries: [RegistryLookup] = []
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func append(_ lookup: RegistryLookup) {
        entries.append(lookup)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
    }

    func entries(identifier: String?) -> [RegistryLookup] {
        guard let identifier else { return entries }
        return entries.filter { $0.identifier == identifier }
    }
}
