/// A relying party registered with the identity provider.
public struct RegisteredClient: Sendable, Hashable {
    /// The `client_id`.
    public var id: String
    /// The client secret of a confidential client; nil (or empty) for a public client, which then
    /// proves possession of the code by PKCE alone.
    public var secret: String?
    /// The redirect URIs the client may use; a request must name one of them exactly (no prefix or
    /// pattern matching, which is how open redirectors and code theft happen).
    public var redirectURIs: [String]

    public init(id: String, secret: String?, redirectURIs: [String]) {
        self.id = id
        self.secret = secret
        self.redirectURIs = redirectURIs
    }

    /// Whether the client must authenticate at the token endpoint.
    var isConfidential: Bool { !(secret ?? "").isEmpty }
}
