/// OpenID Connect for citizens (once-only.md): the client that signs people in with the national
/// e-ID (authorisation code flow with PKCE, ID tokens verified with jwt-kit), and the reference
/// identity provider that plays the e-ID over real HTTP in development, tests and the demo.
public enum OneGateIdentity {}
