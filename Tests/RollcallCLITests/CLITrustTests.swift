import Foundation
import RollcallTestSupport
import Testing

/// `rollcall trust ...` hands its words, as given, to `rollcall-trust`.
@Suite("rollcall trust")
struct CLITrustTests {
    @Test func theTrustsCommandsRunAsRollcallTrust() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        let stub = cli.directory.appendingPathComponent("rollcall-trust").path
        try ChildProcess.writeProgram(Data("#!/bin/sh\nprintf '%s|' \"$@\"\n".utf8), to: stub)
        let ran = try await cli.run(["trust", "report", "schools", "--from", "2025-09-01", "--format", "json"], environment: ["ROLLCALL_TRUST": stub])
        #expect(ran.status == 0 && ran.output == "report|schools|--from|2025-09-01|--format|json|")
        let tui = try await cli.run(["tui", "--trust", "--database", "postgres://lead@127.0.0.1/trust"], environment: ["ROLLCALL_TRUST": stub])
        #expect(tui.status == 0 && tui.output == "tui|--database|postgres://lead@127.0.0.1/trust|", "\(tui.errors)")
        #expect(try await cli.run(["tui", "--database", "postgres://lead@127.0.0.1/trust"]).errors.contains("--database is for --trust"))
        // Built beside rollcall, it is found there.
        let beside = try await cli.run(["trust", "report", "--help"], environment: ["ROLLCALL_TRUST": ""])
        #expect(beside.status == 0 && beside.output.contains("followups"), "\(beside.errors)")
        // A rollcall copied alone says how to get it.
        let alone = cli.directory.appendingPathComponent("alone")
        try FileManager.default.createDirectory(at: alone, withIntermediateDirectories: true)
        try ChildProcess.copyProgram(CLI.executable.path, to: alone.appendingPathComponent("rollcall").path)
        let missing = try await CLI.execute(alone.appendingPathComponent("rollcall").path, ["trust", "init"],
                                      environment: ["ROLLCALL_TRUST": "", "PATH": "/nonexistent", "HOME": "/nonexistent"])
        #expect(missing.status != 0 && missing.errors.contains("rollcall-trust is not installed"), "\(missing.errors)")
    }

    /// A member of staff over SSH cannot reach the trust's database through the gate.
    @Test func theGateRunsNoTrustCommand() async throws {
        let me = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        try cli.staff([(me, "admin", []), ("lead", "attendance_lead", [])])
        let stub = cli.directory.appendingPathComponent("rollcall-trust").path
        try ChildProcess.writeProgram(Data("#!/bin/sh\necho ran\n".utf8), to: stub)
        let refused = try await cli.run(["gate", "lead"], environment: ["ROLLCALL_TEST_NOW": "2025-09-12T08:30:00Z", "ROLLCALL_TRUST": stub,
                                                                  "SSH_ORIGINAL_COMMAND": "trust publish --database postgres://x@127.0.0.1/db"])
        #expect(refused.status != 0 && refused.errors.contains("'trust' cannot be run here") && !refused.output.contains("ran"))
        for command in ["tui --trust", "tui --trust --database=postgres://x@127.0.0.1/db", "tui --database postgres://x@127.0.0.1/db"] {
            let tui = try await cli.run(["gate", "lead"], environment: ["ROLLCALL_TEST_NOW": "2025-09-12T08:30:00Z", "ROLLCALL_TRUST": stub,
                                                              "SSH_ORIGINAL_COMMAND": command])
            #expect(tui.status != 0 && tui.errors.contains("--trust cannot be given here") && !tui.output.contains("ran"), "\(command)")
        }
    }
}
