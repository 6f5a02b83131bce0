import Foundation
import Testing

/// `rollcall trust ...` hands its words, as given, to `rollcall-trust`.
@Suite("rollcall trust")
struct CLITrustTests {
    @Test func theTrustsCommandsRunAsRollcallTrust() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let stub = try cli.file("rollcall-trust", "#!/bin/sh\nprintf '%s|' \"$@\"\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: stub)
        let ran = try cli.run(["trust", "report", "schools", "--from", "2025-09-01", "--format", "json"], environment: ["ROLLCALL_TRUST": stub])
        #expect(ran.status == 0 && ran.output == "report|schools|--from|2025-09-01|--format|json|")
        let missing = try cli.run(["trust", "init"], environment: ["ROLLCALL_TRUST": "", "PATH": "/nonexistent"])
        #expect(missing.status != 0 && missing.errors.contains("rollcall-trust is not installed"))
    }
}
