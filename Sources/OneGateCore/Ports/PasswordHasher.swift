/// Password hashing (scrypt in the signing adapter). Verification must take the same time whether
/// or not the account exists, so callers verify against a dummy hash for unknown users.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) throws -> String
    func verify(_ password: String, against hash: String) -> Bool
}
