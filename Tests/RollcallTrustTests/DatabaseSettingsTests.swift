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
}
