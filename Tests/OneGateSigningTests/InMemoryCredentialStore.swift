import Foundation
import OneGateCore

/// A `CredentialStore` in memory that counts its calls, so tests can see that the signer's hot
/// path never touches the store.
actor InMemoryCredentialStore: CredentialStore {
    private(set) var credentials: [String: StoredCredential] = [:]
    private(set) var reads = 0
    private(set) var saves = 0

    func allCredentials() -> [StoredCredential] {
        reads += 1
        return Array(credentials.values)
    }

    func saveCredential(_ credential: StoredCredential) {
        saves += 1
        credentials[credential.serial] = credential
    }

    func revokeCredential(serial: String, at: Date) {
        credentials[serial]?.revokedAt = at
    }

    func credentials(subject: String) -> [StoredCredential] {
        credentials.values.filter { $0.subject == subject }
    }
}
