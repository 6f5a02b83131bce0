import _CryptoExtras
import Crypto
import Foundation

/// A password as PostgreSQL keeps it (`SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey`,
/// RFC 5802 and 7677), worked out on this side so that the password itself is never sent:
/// a statement log, `pg_stat_statements` or a replica's WAL holds only the verifier, from
/// which the password cannot be read back.
struct ScramVerifier {
    /// PostgreSQL's own default (`scram_iterations`).
    static let iterations = 4096

    let text: String

    init(password: String, salt: [UInt8] = ScramVerifier.randomSalt()) throws {
        let salted = try KDF.Insecure.PBKDF2.deriveKey(from: Array(password.utf8), salt: salt, using: .sha256, outputByteCount: 32,
                                                       unsafeUncheckedRounds: ScramVerifier.iterations)
        let clientKey = Data(HMAC<SHA256>.authenticationCode(for: Array("Client Key".utf8), using: salted))
        let storedKey = Data(SHA256.hash(data: clientKey))
        let serverKey = Data(HMAC<SHA256>.authenticationCode(for: Array("Server Key".utf8), using: salted))
        text = "SCRAM-SHA-256$\(ScramVerifier.iterations):\(Data(salt).base64EncodedString())$"
            + "\(storedKey.base64EncodedString()):\(serverKey.base64EncodedString())"
    }

    static func randomSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}
