import Crypto
import Foundation
import OneGateCore
import _CryptoExtras

/// Password hashes with scrypt (RFC 7914), stored as `scrypt$N$r$p$salt$hash` (base64), so that
/// the cost can be raised later without invalidating stored hashes.
public struct ScryptPasswordHasher: PasswordHasher {
    public let rounds: Int
    public let blockSize: Int
    public let parallelism: Int

    /// `rounds` is scrypt's N; 2^14 takes about 40 ms and 16 MiB here, a fair cost for a login.
    public init(rounds: Int = 1 << 14, blockSize: Int = 8, parallelism: Int = 1) {
        self.rounds = rounds
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    public func hash(_ password: String) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let key = try derive(password, salt: salt, rounds: rounds, blockSize: blockSize, parallelism: parallelism)
        return [
            "scrypt", String(rounds), String(blockSize), String(parallelism), Data(salt).base64EncodedString(),
            Data(key).base64EncodedString(),
        ].joined(separator: "$")
    }

    public func verify(_ password: String, against hash: String) -> Bool {
        let parts = hash.split(separator: "$").map(String.init)
        guard parts.count == 6, parts[0] == "scrypt", let rounds = Int(parts[1]), let blockSize = Int(parts[2]),
            let parallelism = Int(parts[3]), rounds <= 1 << 20, blockSize <= 16, parallelism <= 4,
            let salt = Data(base64Encoded: parts[4]), let expected = Data(base64Encoded: parts[5]),
            let actual = try? derive(
                password, salt: Array(salt), rounds: rounds, blockSize: blockSize,
                parallelism: parallelism)
        else { return false }
        guard actual.count == expected.count else { return false }
        return zip(actual, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private func derive(
        _ password: String, salt: [UInt8], rounds: Int, blockSize: Int, parallelism: Int
    ) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(
            from: Array(password.utf8), salt: salt, outputByteCount: 32, rounds: rounds, blockSize: blockSize,
            parallelism: parallelism)
        return key.withUnsafeBytes { Array($0) }
    }
}
