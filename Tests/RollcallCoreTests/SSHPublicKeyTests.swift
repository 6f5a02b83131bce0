import Foundation
import Testing
@testable import RollcallCore

/// Keys made with ssh-keygen (OpenSSH 9) for these tests; the sizes are what `ssh-keygen
/// -lf` printed for them.
enum TestKeys {
    static let amy = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBA24AcfhKjwwMreEstqUmWHvJ/g2wJEwG8PFfpwtLOS amy@laptop"
    static let lead = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCt5rRQ1hSX8EN0fyyKnOI8a/bkuJbJwAneq2Khx1Hml24clOww9TEWL5nR3csD/zxN4Hlh1mWQKu3a+pFbIJg8BWFMVCbhc+kux/cizobu6Z8CkKqsIIsqCHQnDnuVG5udfzFgZseIpJND+gsdDAgmalplaUYfDnElGuZro9tb5NNBklCJc/p7saAZgTW9m8jzNvKDYmv3u3GYTFxDo8Vwr5Cz+d/GWG6nJeeMWc4YwqS7IgUTk8vbMSOG91xO5JZXSsDHmRLXOMXXJllnqB3h5Me6gQ4HyQTrs9TqmBeA0MdSHHSPgVrhe2qeaG2j8RMCWXSEu+KB/zFBIeIQc3Jd lead@office"
    static let rsa1024 = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC+VzIiP6XUQVqHAIrV+oTg3iq2S/pCobqfYZwl6oys7abIG/nFvhgQzsCEfn6gJYsorUZeylhCZV6R7YiYYoMcI+fJ0HMFDOQg/KSDQJ4l3TPOou042IfZyxyCbRxeOhH0NyZ9yaJENuWeEjc8YYEzhLO8KlOgWQOinKut1gcUvw== old@box"
    static let ecdsa = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBLXFSDSCisYlugbiTqpeyNTZKJu14+lY+leYO6fk4SjL624+sh3dBJIZlYb6i4Zm8pn24D52ZMN3PO3Am4lzr70= ec@box"
}

@Suite("Staff SSH keys")
struct SSHPublicKeyTests {
    @Test func theKeyTypesOpenSSHTrustsAreTaken() throws {
        let amy = try SSHPublicKey(line: TestKeys.amy)
        #expect(amy.type == "ssh-ed25519" && amy.comment == "amy@laptop" && amy.blob.count == 51)
        #expect(amy.line == TestKeys.amy)
        #expect(try SSHPublicKey(line: TestKeys.lead).comment == "lead@office")
        #expect(try SSHPublicKey(line: TestKeys.ecdsa).type == "ecdsa-sha2-nistp256")
        // A trailing newline and no comment are both fine.
        #expect(try SSHPublicKey(line: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBA24AcfhKjwwMreEstqUmWHvJ/g2wJEwG8PFfpwtLOS\n").comment == "")
    }

    @Test func anRSAKeyUnder2048BitsIsRefusedWithItsSize() {
        #expect(throws: SSHKeyError.rsaTooShort(bits: 1024)) { try SSHPublicKey(line: TestKeys.rsa1024) }
    }

    @Test func aLabelThatIsNotTheKeysOwnTypeIsRefused() {
        // The ed25519 key's bytes labelled as RSA: sshd would refuse it, and so do we.
        let body = TestKeys.amy.split(separator: " ")[1]
        #expect(throws: SSHKeyError.typeMismatch("ssh-rsa")) { try SSHPublicKey(line: "ssh-rsa \(body)") }
    }

    @Test(arguments: [
        ("ssh-dss AAAAB3NzaC1kc3MAAACBAP", SSHKeyError.unsupportedType("ssh-dss")),
        ("ssh-ed25519 not*base64", .notBase64),
        ("ssh-ed25519", .notAKeyLine),
        ("command=\"sh\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBA24AcfhKjwwMreEstqUmWHvJ/g2wJEwG8PFfpwtLOS", .unsupportedType("command=\"sh\"")),
        ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBA24AcfhKjwwMre", .truncated),
    ])
    func whatIsNotAKeyIsRefused(line: String, error: SSHKeyError) {
        #expect(throws: error) { try SSHPublicKey(line: line) }
    }
}
