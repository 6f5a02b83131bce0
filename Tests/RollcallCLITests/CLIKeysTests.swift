import Foundation
import Testing

/// `rollcall keys`: who can reach the school over SSH, decided by an admin and answered
/// for sshd. Keys made with ssh-keygen; their fingerprints are what `ssh-keygen -lf` printed.
@Suite("Staff SSH keys from the command line")
struct CLIKeysTests {
    static let amy = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBA24AcfhKjwwMreEstqUmWHvJ/g2wJEwG8PFfpwtLOS amy@laptop"
    static let amyFingerprint = "SHA256:caa7Tn64ffFgpJDSpYp9m+/2Yhs6iBkwbyNIaNaYHhk"
    static let lead = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCt5rRQ1hSX8EN0fyyKnOI8a/bkuJbJwAneq2Khx1Hml24clOww9TEWL5nR3csD/zxN4Hlh1mWQKu3a+pFbIJg8BWFMVCbhc+kux/cizobu6Z8CkKqsIIsqCHQnDnuVG5udfzFgZseIpJND+gsdDAgmalplaUYfDnElGuZro9tb5NNBklCJc/p7saAZgTW9m8jzNvKDYmv3u3GYTFxDo8Vwr5Cz+d/GWG6nJeeMWc4YwqS7IgUTk8vbMSOG91xO5JZXSsDHmRLXOMXXJllnqB3h5Me6gQ4HyQTrs9TqmBeA0MdSHHSPgVrhe2qeaG2j8RMCWXSEu+KB/zFBIeIQc3Jd lead@office"
    static let leadFingerprint = "SHA256:ktTw8I/+iZRMIzLFtNG/MT6JHu16YQKsUyUV6ggSZ0E"
    let me = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()

    func school(myRole: String = "admin") async throws -> CLI {
        let cli = try CLI()
        try await SmallSchool.make(cli)
        try cli.staff([(me, myRole, []), ("amy", "tutor", ["7A"]), ("lead", "attendance_lead", []), ("head", "admin", [])])
        return cli
    }

    func words(_ line: String) -> [String] { line.split(separator: " ").map(String.init) }

    @Test func anAdminAddsKeysAndSshdGetsTheirForcedCommandLines() async throws {
        let cli = try await school()
        defer { cli.remove() }
        let added = try await cli.run(["keys", "add", "amy", try cli.file("amy.pub", CLIKeysTests.amy + "\n")])
        #expect(added.status == 0, "\(added.errors)")
        #expect(added.output == "amy: ssh-ed25519 \(CLIKeysTests.amyFingerprint)\n")
        #expect(try await cli.run(["keys", "add", "lead", try cli.file("lead.pub", "# the lead's laptop\n\n" + CLIKeysTests.lead)]).status == 0)
        let list = try await cli.run(["keys", "list", "--format", "json"])
        let keys = try #require(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
        #expect(keys.map { $0["login"] as? String } == ["amy", "lead"])
        #expect(keys.map { $0["fingerprint"] as? String } == [CLIKeysTests.amyFingerprint, CLIKeysTests.leadFingerprint])
        #expect(keys.map { $0["type"] as? String } == ["ssh-ed25519", "ssh-rsa"])
        #expect(keys.map { $0["added_by"] as? String } == [me, me])
        // sshd's question, %t %k: the line that forces the gate, with restrict and a pty.
        let amy = words(CLIKeysTests.amy)
        let lookup = try await cli.run(["keys", "lookup", amy[0], amy[1], "--binary", "/usr/local/bin/rollcall"])
        #expect(lookup.output == "command=\"/usr/local/bin/rollcall gate amy\",restrict,pty \(amy[0]) \(amy[1]) amy\n")
        let all = try await cli.run(["keys", "authorized-keys", "--binary", "/usr/local/bin/rollcall"])
        #expect(all.output.split(separator: "\n").count == 2)
        #expect(all.output.contains("command=\"/usr/local/bin/rollcall gate lead\",restrict,pty ssh-rsa "))
        // Removed, and sshd gets nothing for it.
        let removed = try await cli.run(["keys", "remove", CLIKeysTests.amyFingerprint])
        #expect(removed.output == "Removed amy's ssh-ed25519 key \(CLIKeysTests.amyFingerprint)\n")
        #expect(try await cli.run(["keys", "lookup", amy[0], amy[1]]).output.isEmpty)
        // Every change is in the keys log, and check verifies its chain.
        let log = try String(contentsOfFile: cli.store + "/audit/keys.jsonl", encoding: .utf8)
        #expect(log.split(separator: "\n").count == 3)
        #expect(log.contains("\"action\":\"remove\""))
        #expect(try await cli.run(["check"]).status == 0)
    }

    @Test func sshdGetsNothingForAnUnknownKeyNonsenseOrALoginNoLongerOnTheStaffList() async throws {
        let cli = try await school()
        defer { cli.remove() }
        try await cli.run(["keys", "add", "amy", try cli.file("amy.pub", CLIKeysTests.amy)])
        let lead = words(CLIKeysTests.lead), amy = words(CLIKeysTests.amy)
        for (type, key) in [(lead[0], lead[1]), ("ssh-ed25519", "not-base64"), ("ssh-rsa", amy[1]), ("", "")] {
            let result = try await cli.run(["keys", "lookup", type, key])
            #expect(result.status == 0 && result.output.isEmpty, "\(type) \(key): \(result.output)")
        }
        // Amy leaves the staff list: her key no longer lets her in, though it stays logged.
        try cli.staff([(me, "admin", []), ("lead", "attendance_lead", [])])
        #expect(try await cli.run(["keys", "lookup", amy[0], amy[1]]).output.isEmpty)
    }

    @Test func onlyAnAdminChangesKeysAndAKeyIsOnePersons() async throws {
        let cli = try await school(myRole: "attendance_lead")
        defer { cli.remove() }
        let refused = try await cli.run(["keys", "add", "amy", try cli.file("amy.pub", CLIKeysTests.amy)])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("Adding or removing SSH keys needs an admin; '\(me)' is not one"))
        #expect(!FileManager.default.fileExists(atPath: cli.store + "/audit/keys.jsonl"))
        try cli.staff([(me, "admin", []), ("amy", "tutor", ["7A"]), ("lead", "attendance_lead", [])])
        try await cli.run(["keys", "add", "amy", try cli.file("amy.pub", CLIKeysTests.amy)])
        let stolen = try await cli.run(["keys", "add", "lead", try cli.file("amy.pub", CLIKeysTests.amy)])
        #expect(stolen.errors.contains("\(CLIKeysTests.amyFingerprint) is already amy's key: a key is one person's"))
        // Adding the same key to the same login again changes nothing.
        try await cli.run(["keys", "add", "amy", try cli.file("amy.pub", CLIKeysTests.amy)])
        #expect(try String(contentsOfFile: cli.store + "/audit/keys.jsonl", encoding: .utf8).split(separator: "\n").count == 1)
        // A tutor sees their own keys only.
        try cli.staff([(me, "tutor", ["7A"]), ("amy", "tutor", ["7A"]), ("head", "admin", [])])
        #expect(try await cli.run(["keys", "list"]).output.contains("amy") == false)
        #expect(try await cli.run(["keys", "list", "--login", "amy"]).errors.contains("only an admin may list another login's keys"))
    }

    @Test(arguments: [
        ("not a key at all", "'not' is not a key type Rollcall takes"),
        ("just-one-word", "not an OpenSSH public key line"),
        (CLIKeysTests.lead.replacingOccurrences(of: "ssh-rsa ", with: "ssh-ed25519 "), "the key's bytes are not a ssh-ed25519 key"),
        ("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC+VzIiP6XUQVqHAIrV+oTg3iq2S/pCobqfYZwl6oys7abIG/nFvhgQzsCEfn6gJYsorUZeylhCZV6R7YiYYoMcI+fJ0HMFDOQg/KSDQJ4l3TPOou042IfZyxyCbRxeOhH0NyZ9yaJENuWeEjc8YYEzhLO8KlOgWQOinKut1gcUvw== old@box",
         "an RSA key of 1024 bits is too short"),
        ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBA24AcfhKjwwMreEstqUmWHvJ/g2wJEwG8PFfpwtLOS a\u{1B}[2Jb", "the key's comment"),
    ])
    func aKeyThatIsNotOneSshdShouldTrustIsRefused(line: String, says: String) async throws {
        let cli = try await school()
        defer { cli.remove() }
        let result = try await cli.run(["keys", "add", "amy", try cli.file("bad.pub", line)])
        #expect(result.status != 0)
        #expect(result.errors.contains(says), "\(result.errors)")
        #expect(!result.errors.contains("\u{1B}"))
    }

    @Test func aLoginThatIsNotPlainGetsNoKeyForItWouldBeShellSyntaxInTheCommand() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        try cli.staff([(me, "admin", []), ("amy;sh", "tutor", ["7A"])])
        let result = try await cli.run(["keys", "add", "amy;sh", try cli.file("amy.pub", CLIKeysTests.amy)])
        #expect(result.status != 0)
        #expect(result.errors.contains("a login here is letters, digits, '.', '_' and '-' only"))
    }

    @Test func anEditedKeysLogIsDamageThatCheckNames() async throws {
        let cli = try await school()
        defer { cli.remove() }
        try await cli.run(["keys", "add", "amy", try cli.file("amy.pub", CLIKeysTests.amy)])
        // Someone with the service account's files moves amy's key to the head.
        let path = cli.store + "/audit/keys.jsonl"
        let log = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"login\":\"amy\"", with: "\"login\":\"head\"")
        try log.write(toFile: path, atomically: false, encoding: .utf8)
        let check = try await cli.run(["check"])
        #expect(check.status != 0)
        #expect(check.output.contains("keys.jsonl") || check.errors.contains("keys.jsonl"))
    }
}
