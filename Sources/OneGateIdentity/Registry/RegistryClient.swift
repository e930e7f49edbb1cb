import AsyncHTTPClient
import Foundation
import NIOCore
import OneGateCore

/// Where the registries are and OneGate's credentials with them.
public struct RegistryClientConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// The gateway's base URL, e.g. `http://127.0.0.1:8082`; a path (`https://gw/ndxp`) is kept
    /// and signed as part of every request's path.
    public var baseURL: String
    /// The client id the registry (or the data-sharing platform) issued to OneGate.
    public var clientID: String
    /// The shared secret that goes with `clientID`.
    public var secret: String
    /// How long one attempt may take, connection and whole answer included.
    public var timeout: Duration
    /// How many times a failed attempt is tried again (connection errors, timeouts and 5xx only).
    public var retries: Int

    public init(
        baseURL: String, clientID: String, secret: String, timeout: Duration = .seconds(2), retries: Int = 2
    ) {
        var baseURL = baseURL
        while baseURL.hasSuffix("/") { baseURL.removeLast() }
        self.baseURL = baseURL
        self.clientID = clientID
        self.secret = secret
        self.timeout = timeout
        self.retries = retries
    }

    /// Without the secret, so that a configuration can be logged.
    public var description: String {
        "RegistryClientConfiguration(baseURL: \(baseURL), clientID: \(clientID), timeout: \(timeout), retries: \(retries))"
    }
}

/// OneGate's adapter to the national population and business registries (once-only.md §4): signed
/// lookups over HTTP with the contract of docs/registry.md, each carrying its purpose and actor.
///
/// An attempt that fails to connect, times out or gets a 5xx is tried again after 100 ms, then
/// 300 ms (then 900 ms, …, at most 1 s); anything else is final. When the registry stays out of
/// reach the error says so in words a page can show, so the officer or citizen types the details
/// instead of waiting.
public final class RegistryClient: Sendable {
    public let configuration: RegistryClientConfiguration
    private let http: HTTPClient
    /// The path part of the base URL, percent-encoded, prefixed to every signed path.
    private let basePath: String
    /// Why the base URL cannot be used, if it cannot: every lookup then fails at once with this.
    private let baseURLProblem: String?

    /// Answers above this size are not registry records.
    static let maximumAnswer = 1 << 20

    /// A client for the registries. `http` defaults to `defaultHTTPClient`, which gives up on a
    /// refused connection at once; `HTTPClient.shared` works too, but keeps retrying the
    /// connection by itself until each attempt's timeout, so a registry that is down takes
    /// (retries + 1) × timeout to report.
    public init(configuration: RegistryClientConfiguration, http: HTTPClient = RegistryClient.defaultHTTPClient) {
        self.configuration = configuration
        self.http = http
        let url = URLComponents(string: configuration.baseURL)
        let path = url?.percentEncodedPath ?? ""
        basePath = path.hasSuffix("/") ? String(path.dropLast()) : path
        if let url, let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            url.host?.isEmpty == false, url.query == nil, url.fragment == nil
        {
            baseURLProblem = nil
        } else {
            baseURLProblem = "the base URL \(configuration.baseURL) is not an http(s) URL without query or fragment"
        }
    }

    /// A process-wide HTTP client for the registries (like `HTTPClient.shared`, never shut down):
    /// a refused connection fails the attempt immediately, since `RegistryClient` has its own retry
    /// policy, and redirects are not followed, since a registry has no reason to send signed
    /// requests elsewhere.
    public static let defaultHTTPClient: HTTPClient = {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(2), read: .seconds(10)))
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// The person with personal identifier `identifier` in the population registry; nil when the
    /// registry has nobody with it.
    ///
    /// - Parameters:
    ///   - purpose: the dossier code or the legal basis the lookup is for (recorded by the registry).
    ///   - actor: who asks, `officer:<id>` or `citizen:<id>`.
    public func person(
        _ identifier: String, purpose: String, actor: String
    ) async throws(RegistryError)
        -> RegistryPerson?
    {
        try await record(
            "/population/v1/people/" + Self.pathSegment(identifier), source: .population, purpose: purpose,
            actor: actor)
    }

    /// The enterprise with `taxCode` in the business registry; nil when the registry has none.
    public func enterprise(
        taxCode: String, purpose: String, actor: String
    ) async throws(RegistryError)
        -> RegistryEnterprise?
    {
        try await record(
            "/business/v1/enterprises/" + Self.pathSegment(taxCode), source: .business, purpose: purpose, actor: actor)
    }

    /// The registry's log of lookups of `identifier` (a personal identifier or a tax code), or all
    /// of it when nil: what the reference registry exposes for tests and the demo.
    public func lookups(
        identifier: String?, purpose: String, actor: String
    ) async throws(RegistryError)
        -> [RegistryLookup]
    {
        var path = "/audit/v1/lookups"
        if let identifier { path += "?identifier=" + Self.pathSegment(identifier) }
        let (status, body) = try await get(path, source: .lookupLog, purpose: purpose, actor: actor)
        guard status == 200 else { throw Self.failure(status: status, body: body, source: .lookupLog) }
        return try Self.decode(RegistryLookupList.self, body, source: .lookupLog).lookups
    }

    /// A record, nil on a 404 that the registry itself sent (`not_found`): a 404 from anything
    /// else (a wrong base URL, a proxy) must not pass for "this person does not exist".
    private func record<Record: Decodable>(
        _ path: String, source: RegistryError.Source, purpose: String, actor: String
    ) async throws(RegistryError) -> Record? {
        let (status, body) = try await get(path, source: source, purpose: purpose, actor: actor)
        switch status {
        case 200: return try Self.decode(Record.self, body, source: source)
        case 404 where (try? RegistryJSON.decoder().decode(RegistryProblem.self, from: body))?.error == "not_found":
            return nil
        default: throw Self.failure(status: status, body: body, source: source)
        }
    }

    /// Sends a signed GET, trying again as the type's documentation says; returns the first answer
    /// that is not a 5xx.
    private func get(
        _ path: String, source: RegistryError.Source, purpose: String, actor: String
    ) async throws(RegistryError) -> (status: Int, body: Data) {
        if let baseURLProblem { throw RegistryError(.unavailable, source, baseURLProblem) }
        let attempts = max(0, configuration.retries) + 1
        var lastProblem = ""
        var made = 0
        for attempt in 1...attempts {
            if attempt > 1 {
                do {
                    try await Task.sleep(for: Self.backoff(beforeRetry: attempt - 1))
                } catch {
                    throw RegistryError(.unavailable, source, "cancelled while waiting to retry (\(lastProblem))")
                }
            }
            made += 1
            switch await send(path, purpose: purpose, actor: actor) {
            case .answered(let status, _) where (500...599).contains(status):
                lastProblem = "the registry answered \(status)"
            case .answered(let status, let body):
                return (status, body)
            case .transient(let problem):
                lastProblem = problem
            case .final(let code, let problem):
                throw RegistryError(code, source, problem)
            }
            if Task.isCancelled { break }
        }
        // The path is not in the detail: it holds a personal identifier, and details get logged.
        throw RegistryError(
            .unavailable, source,
            "\(configuration.baseURL) \(source.rawValue): \(lastProblem), after \(made) attempt(s)")
    }

    /// What one attempt came to.
    enum Attempt: Sendable {
        case answered(Int, Data)
        /// Worth another attempt: no connection, a timeout, a connection lost mid-answer.
        case transient(String)
        /// Not worth another: the same request would fail the same way.
        case final(RegistryError.Code, String)
    }

    /// One signed attempt, timestamped now, raced against the timeout: AsyncHTTPClient's deadline
    /// covers the answer's head only, and a registry that stalls in the body must time out too.
    private func send(_ path: String, purpose: String, actor: String) async -> Attempt {
        let signedPath = basePath + path
        var request = HTTPClientRequest(url: configuration.baseURL + path)
        request.method = .GET
        request.headers.add(name: "Accept", value: "application/json")
        for (name, value) in RegistrySignature.headers(
            method: "GET", path: signedPath, client: configuration.clientID, secret: configuration.secret,
            purpose: purpose, actor: actor)
        {
            request.headers.add(name: name, value: value)
        }
        let http = self.http
        let timeout = configuration.timeout
        let signedRequest = request
        return await withTaskGroup(of: Attempt?.self) { group in
            group.addTask {
                do {
                    let response = try await http.execute(signedRequest, deadline: .now() + Self.timeAmount(timeout))
                    let body = try await response.body.collect(upTo: Self.maximumAnswer)
                    return .answered(Int(response.status.code), Data(body.readableBytesView))
                } catch let error as HTTPClientError where error == .deadlineExceeded {
                    return .transient("no answer within \(timeout)")
                } catch is NIOTooManyBytesError {
                    return .final(.malformed, "the answer is larger than \(Self.maximumAnswer) bytes")
                } catch {
                    return .transient("\(error)")
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .transient("no answer within \(timeout)")
        }
    }

    /// 100 ms, 300 ms, 900 ms, then 1 s: short, because someone is waiting at a form.
    static func backoff(beforeRetry retry: Int) -> Duration {
        var delay = Duration.milliseconds(100)
        for _ in 1..<max(1, retry) { delay *= 3 }
        return min(delay, .seconds(1))
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// The error for an answer that is neither the record nor `not_found`.
    static func failure(status: Int, body: Data, source: RegistryError.Source) -> RegistryError {
        let problem = (try? RegistryJSON.decoder().decode(RegistryProblem.self, from: body))?.error
        switch status {
        case 404:
            // Not the registry's `not_found`: something else answered (a wrong base URL, a proxy).
            return RegistryError(.malformed, source, "404 without the registry's not_found: check the base URL")
        case 400...499:
            return RegistryError(
                .refused, source, "the registry answered \(status) \(problem ?? "without an error code")")
        default:
            return RegistryError(.malformed, source, "unexpected answer \(status) \(problem ?? "")")
        }
    }

    static func decode<Value: Decodable>(
        _ type: Value.Type, _ body: Data, source: RegistryError.Source
    )
        throws(RegistryError) -> Value
    {
        do {
            return try RegistryJSON.decoder().decode(type, from: body)
        } catch {
            throw RegistryError(.malformed, source, "the answer is not a \(type): \(error)")
        }
    }

    /// An identifier as one path segment: only the unreserved characters are left as they are.
    static func pathSegment(_ text: String) -> String {
        var allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

/// Why a registry lookup did not come back with an answer.
public struct RegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// The registry could not be reached, timed out or kept failing (5xx), after the retries.
        case unavailable = "registry_unavailable"
        /// The registry refused the request (4xx): bad signature or credentials, stale clock,
        /// missing purpose or actor. Retrying the same request would not help.
        case refused = "registry_refused"
        /// The registry answered something that is not the contract's.
        case malformed = "registry_malformed"
    }

    /// Which of the registry's services was asked, so the message names the right database.
    public enum Source: String, Sendable, Hashable {
        case population, business
        case lookupLog = "lookup_log"
    }

    public var code: Code
    public var source: Source
    /// For logs and administrators; never contains the identifier looked up.
    public var detail: String

    public init(_ code: Code, _ source: Source, _ detail: String) {
        self.code = code
        self.source = source
        self.detail = detail
    }

    /// What a page shows: which database failed, and that the person should type the details.
    public var message: LocalizedText {
        let database: LocalizedText
        switch source {
        case .population:
            database = LocalizedText(vi: "cơ sở dữ liệu quốc gia về dân cư", en: "national population database")
        case .business:
            database = LocalizedText(
                vi: "cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp", en: "national business registration database")
        case .lookupLog:
            database = LocalizedText(
                vi: "nhật ký tra cứu của cơ sở dữ liệu quốc gia", en: "lookup log of the national databases")
        }
        switch code {
        case .unavailable:
            return LocalizedText(
                vi: "Không tra cứu được \(database.vi) lúc này; vui lòng nhập thông tin.",
                en: "The \(database.en) cannot be reached now; please enter the details.")
        case .refused:
            return LocalizedText(
                vi: "\(Self.capitalised(database.vi)) từ chối yêu cầu tra cứu; vui lòng nhập thông tin.",
                en: "The \(database.en) refused the lookup; please enter the details.")
        case .malformed:
            return LocalizedText(
                vi: "\(Self.capitalised(database.vi)) trả lời không đúng định dạng; vui lòng nhập thông tin.",
                en: "The \(database.en) gave an answer that cannot be read; please enter the details.")
        }
    }

    public var description: String { "\(code.rawValue) (\(source.rawValue)): \(detail)" }

    private static func capitalised(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
