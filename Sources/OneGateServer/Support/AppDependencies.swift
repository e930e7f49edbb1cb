import Foundation
import OneGateCore
public import OneGateIdentity
public import OneGateSigning

/// Limits on what a request may carry.
public struct RequestLimits: Sendable {
    public var maximumJSONBytes: Int
    public var maximumDocumentBytes: Int
    public var maximumPageSize: Int

    public init(
        maximumJSONBytes: Int = 1_048_576, maximumDocumentBytes: Int = 20 * 1_048_576, maximumPageSize: Int = 200
    ) {
        self.maximumJSONBytes = maximumJSONBytes
        self.maximumDocumentBytes = maximumDocumentBytes
        self.maximumPageSize = maximumPageSize
    }
}

/// What the audit endpoints need from the signing adapter, without the server depending on its types.
public protocol AuditAuthority: Sendable {
    /// The trust anchor(s), PEM.
    func trustAnchorsPEM() async throws -> String
    /// Verifies a dossier's events; returns `nil` when everything checks, or the first failure.
    func verify(events: [SignedEvent]) async throws -> String?
    /// The export of signatures.md as a ZIP archive.
    func exportZip(events: [SignedEvent], dossierCode: String) async throws -> [UInt8]
    /// PEM of the certificate with this serial, if known.
    func certificatePEM(serial: String) async throws -> String?
}

/// Everything the HTTP application needs, built once by the CLI (or a test) and passed in.
public struct AppDependencies: Sendable {
    public var instanceName: String
    public var tenant: String
    public var store: any OneGateStore
    public var service: DossierService
    public var audit: any AuditAuthority
    public var passwords: any PasswordHasher
    public var sessions: SessionManager
    public var metrics: RequestMetrics
    public var limits: RequestLimits
    /// The current catalogue, shared by the pages and the API.
    public let catalogue = CatalogueCache()
    /// The key web forms' CSRF tokens are computed with; derived from the instance secret so that
    /// every server of an instance accepts the others' forms.
    public var formKey: [UInt8]
    /// Lays out and signs results and forms as PDFs.
    public var documents: DocumentFactory?
    /// The transparency log of issued and revoked results.
    public var transparency: TransparencyLog?
    /// Checks results for the public verification page and API.
    public var verifier: ResultVerifier?
    /// The national e-ID (OpenID Connect) citizens sign in with, when the instance is connected.
    public var identity: OIDCClient?
    /// The population and business registries, when the instance is connected.
    public var registry: RegistryClient?
    /// The key vault share links are signed with; derived from the instance secret so that every
    /// server of the instance accepts the others' links.
    public var shareKey: [UInt8] = (0..<32).map { _ in UInt8.random(in: 0...255) }
    /// Other agencies' systems of the data-sharing API and their access tokens; nil answers every
    /// client as unknown.
    public var sharing: SharingAuthority?

    public init(
        instanceName: String, tenant: String, store: any OneGateStore, service: DossierService,
        audit: any AuditAuthority, passwords: any PasswordHasher, limits: RequestLimits = RequestLimits(),
        formKey: [UInt8] = (0..<32).map { _ in UInt8.random(in: 0...255) }
    ) {
        self.formKey = formKey
        self.instanceName = instanceName
        self.tenant = tenant
        self.store = store
        self.service = service
        self.audit = audit
        self.passwords = passwords
        self.sessions = SessionManager(store: store, digest: service.signer.digest, clock: service.clock)
        self.metrics = RequestMetrics()
        self.limits = limits
    }

    public var calendar: WorkingCalendar { service.calendar }
}
