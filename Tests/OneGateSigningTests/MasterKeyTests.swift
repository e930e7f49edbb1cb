import Foundation
import OneGateCore
import OneGateSigning
import Testing

@Suite("Master key: private keys sealed at rest")
struct MasterKeyTests {
    @Test("Seal then open returns the plaintext; the sealed box hides it")
    func roundTrip() throws {
        let key = try MasterKey(secret: "a-long-enough-instance-secret")
        let plaintext = Array(0..<32).map { UInt8($0) }
        let sealed = try key.seal(plaintext, context: "serial-1")
        #expect(sealed.count == 12 + 32 + 16)  // nonce ‖ ciphertext ‖ tag
        #expect(!sealed.indices.dropLast(31).contains { Array(sealed[$0..<$0 + 32]) == plaintext })
        #expect(try key.open(sealed, context: "serial-1") == plaintext)
        // A fresh nonce each time: sealing twice never gives the same bytes.
        #expect(try key.seal(plaintext, context: "serial-1") != sealed)
    }

    @Test("The same secret derives the same key across instances")
    func deterministic() throws {
        let sealed = try MasterKey(secret: "a-long-enough-instance-secret").seal([1, 2, 3], context: "c")
        #expect(try MasterKey(secret: "a-long-enough-instance-secret").open(sealed, context: "c") == [1, 2, 3])
    }

    @Test("Wrong secret, other context or altered bytes fail with key_decryption_failed")
    func failures() throws {
        let key = try MasterKey(secret: "a-long-enough-instance-secret")
        let sealed = try key.seal([9, 9, 9], context: "serial-1")
        let wrong = try MasterKey(secret: "another-instance-secret-value")
        #expect(throws: OneGateError.keyDecryptionFailed) { try wrong.open(sealed, context: "serial-1") }
        #expect(throws: OneGateError.keyDecryptionFailed) { try key.open(sealed, context: "serial-2") }
        var altered = sealed
        altered[14] ^= 0x01
        #expect(throws: OneGateError.keyDecryptionFailed) { try key.open(altered, context: "serial-1") }
        #expect(throws: OneGateError.keyDecryptionFailed) { try key.open([1, 2, 3], context: "serial-1") }
    }

    @Test("A short secret is refused")
    func weakSecret() {
        #expect(throws: OneGateError.weakInstanceSecret) { try MasterKey(secret: "short") }
    }
}
