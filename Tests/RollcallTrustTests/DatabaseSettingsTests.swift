import Foundation
import Testing
@testable import RollcallTrust

/// Where the database is, read as psql reads it, and pupil data never sent in the clear
/// to another machine.
@Suite("The database's settings")
struct DatabaseSettingsTests {
    @Test func aURLGivesEverything() throws {
        let settings = try DatabaseSettings.resolve(url: "postgres://lead:s%40cret@db.trust.example:6432/rollcall?sslmode=verify-ca",
                                                    environment: ["PGUSER": "ignored", "PGDATABASE": "ignored"])
        #expect(settings == DatabaseSettings(host: "db.trust.example", port: 6432, user: "lead", password: "s@cret", database: "rollcall", tls: .verifyCA))
    }

    @Test func theEnvironmentFillsWhatTheURLLeavesOut() throws {
        let settings = try DatabaseSettings.resolve(url: nil, environment: ["PGHOST": "127.0.0.1", "PGPORT": "5433", "PGUSER": "amy",
                                                                            "PGDATABASE": "trust", "PGPASSWORD": "pw"])
        #expect(settings == DatabaseSettings(host: "127.0.0.1", port: 5433, user: "amy", password: "pw", database: "trust", tls: .prefer))
        // With no database named, libpq uses the user's name.
        #expect(try DatabaseSettings.resolve(url: nil, environment: ["PGUSER": "amy"]).database == "amy")
    }

    @Test func anotherMachineIsReachedOnlyOverTLS() throws {
        #expect(try DatabaseSettings.resolve(url: "postgres://lead@db.trust.example/rollcall", environment: [:]).tls == .verifyFull)
        for mode in ["disable", "allow", "prefer"] {
            #expect(throws: DatabaseSettingsError.plainTextToRemoteHost("db.trust.example", mode)) {
                try DatabaseSettings.resolve(url: "postgres://lead@db.trust.example/rollcall?sslmode=\(mode)", environment: [:])
            }
            #expect(throws: DatabaseSettingsError.plainTextToRemoteHost("10.0.0.5", mode)) {
                try DatabaseSettings.resolve(url: nil, environment: ["PGHOST": "10.0.0.5", "PGSSLMODE": mode])
            }
        }
        // This machine may go without: a loopback address or a Unix socket.
        #expect(try DatabaseSettings.resolve(url: "postgres://lead@127.0.0.1/rollcall?sslmode=disable", environment: [:]).tls == .disable)
        #expect(try DatabaseSettings.resolve(url: nil, environment: ["PGHOST": "/var/run/postgresql"]).isLocal)
        #expect(throws: DatabaseSettingsError.badSSLMode("sometimes")) {
            try DatabaseSettings.resolve(url: nil, environment: ["PGSSLMODE": "sometimes"])
        }
    }

    @Test func aPasswordComesFromPgpassOnlyIfNoOneElseCanReadIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(".pgpass").path
        try """
            # host:port:database:user:password
            other.example:5432:*:lead:wrong
            db.trust.example:5432:rollcall:lead:pa\\:ss
            *:*:*:lead:fallback
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let url = "postgres://lead@db.trust.example/rollcall"
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        #expect(try DatabaseSettings.resolve(url: url, environment: ["HOME": folder.path]).password == "pa:ss")
        #expect(try DatabaseSettings.resolve(url: "postgres://lead@db.trust.example/other", environment: ["PGPASSFILE": file]).password == "fallback")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        #expect(try DatabaseSettings.resolve(url: url, environment: ["HOME": folder.path]).password == nil)
    }

    /// A name that begins like a loopback address is another machine's name, resolved by
    /// whoever runs DNS for it: only an address that parses as loopback is this machine.
    @Test(arguments: ["127.0.0.1.example", "127.evil.example", "127.0.0.1.nip.io", "localhost.evil.example", "::1.example", "0x7f.0.0.1"])
    func aNameThatLooksLikeLoopbackIsAnotherMachine(host: String) {
        #expect(throws: DatabaseSettingsError.plainTextToRemoteHost(host, "disable")) {
            try DatabaseSettings.resolve(url: nil, environment: ["PGHOST": host, "PGSSLMODE": "disable"])
        }
    }

    @Test(arguments: ["127.0.0.1", "127.45.6.7", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", "localhost", "LOCALHOST", "/tmp/pg"])
    func aLoopbackAddressIsThisMachine(host: String) throws {
        #expect(try DatabaseSettings.resolve(url: nil, environment: ["PGHOST": host, "PGSSLMODE": "disable"]).isLocal)
    }

    /// Worked out with Python's hashlib and hmac for the password "pencil" and the salt
    /// 0x00...0x0f, as RFC 5802 defines StoredKey and ServerKey.
    @Test func aNewRolesPasswordTravelsAsItsScramVerifier() throws {
        let verifier = try ScramVerifier(password: "pencil", salt: Array(0..<16))
        #expect(verifier.text == "SCRAM-SHA-256$4096:AAECAwQFBgcICQoLDA0ODw==$zHCdol2044/ZyWzPLi7oxApCkamKw9Z+E4U/QApd/5Y=:dd5peBOitVnLNFu7VmwP+HiDaaw4OUCv396eVCWhYiE=")
        let password = TrustRoles.makePassword()
        let sql = TrustRoles.createRoleSQL("rollcall_school_100011", verifier: try ScramVerifier(password: password).text, member: "rollcall_schools")
        #expect(!sql.contains(password))
        #expect(sql.hasPrefix("CREATE ROLE rollcall_school_100011 LOGIN PASSWORD 'SCRAM-SHA-256$4096:"))
        #expect(!sql.dropFirst("CREATE ROLE rollcall_school_100011 LOGIN PASSWORD '".count).dropLast(" IN ROLE rollcall_schools".count + 1).contains("'"))
    }
}
