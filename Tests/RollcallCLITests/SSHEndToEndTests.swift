import Foundation
import RollcallTestSupport
import Testing

/// Staff over SSH, end to end: a real sshd set up by `scripts/install --service`, the real
/// OpenSSH client (in tmux where a person would have a terminal), and the store on disk.
@Suite("Staff over a real sshd", .serialized, .enabled(if: LocalSSHD.unavailable == nil, "sshd needs root and OpenSSH (scripts/bootstrap installs it)"))
struct SSHEndToEndTests {
    let me = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
    /// Monday 8 September 2025, 08:30 in England: a school day the register is open.
    let monday = "2025-09-08T07:30:00Z"

    /// The small school with amy (tutor of 7A, an ed25519 key) and lead (attendance lead,
    /// an RSA key), put afresh in the store of the run's one sshd (`LocalSSHD.shared`).
    func school() async throws -> (cli: CLI, server: LocalSSHD, amy: String, lead: String) {
        let server = try await LocalSSHD.shared.value
        try await server.reset()
        return (server.cli, server, server.keys.amy, server.keys.lead)
    }

    @Test func aTutorMarksTheirOwnRegisterInTheScreensAndTheMarksAreOnDisk() async throws {
        let (cli, server, amy, _) = try await school()
        let tmux = try await Tmux(server.interactive(key: amy, now: monday), environment: ["TERM": "xterm-256color"])
        defer { tmux.kill() }
        try await tmux.waitFor("registers for Mon 8 Sep 2025 AM")
        try await tmux.send("Enter")
        try await tmux.waitFor("2 unmarked of 2")
        try await tmux.type("/")
        try await tmux.waitFor("1 unmarked of 2")
        try await tmux.type("/")
        try await tmux.waitFor("0 unmarked of 2")
        try await tmux.type("q")
        try await tmux.waitFor("[exited 0]")
        let file = try String(contentsOfFile: cli.store + "/marks/2025-26/7A.json", encoding: .utf8)
        #expect(file.contains("\"2025-09-08 AM\": {\"takenBy\": \"amy\""))
        let export = try await server.local(["export", "marks", "--from", "2025-09-08", "--to", "2025-09-08"]).output
        #expect(export.contains("\(SmallSchool.lukasz),2025-09-08,AM,/,,\r\n"))
        #expect(export.contains("\(SmallSchool.siobhan),2025-09-08,AM,/,,\r\n"))
    }

    @Test func theTutorIsRefusedAnotherFormAnEarlierDayAndAnotherToday() async throws {
        let (cli, server, amy, _) = try await school()
        let tmux = try await Tmux(server.interactive(key: amy, now: monday, ["tui", "--group", "7B", "--session", "AM"]),
                            environment: ["TERM": "xterm-256color"])
        defer { tmux.kill() }
        try await tmux.waitFor("1 unmarked of 1")
        try await tmux.type("/")
        try await tmux.waitFor("'amy' is not a tutor of 7B and cannot mark its register")
        try await tmux.type("q")
        try await tmux.waitFor("[exited 0]")
        let earlier = try await server.ssh(key: amy, now: monday, ["mark", "--date", "2025-09-05", "--session", "AM",
                                                             "\(SmallSchool.lukasz)=I", "--reason", "'Mum rang'"])
        #expect(earlier.status != 0)
        #expect(earlier.errors.contains("Changing a mark of an earlier day (2025-09-05 AM) needs the attendance lead, office or an admin; 'amy' is a tutor"),
                "\(earlier.errors)")
        let pretending = try await server.ssh(key: amy, now: monday, ["tui", "--today", "2025-09-05"])
        #expect(pretending.status != 0)
        #expect(pretending.errors.contains("--today cannot be given here"), "\(pretending.errors)")
        let export = try await server.local(["export", "marks", "--from", "2025-09-05"]).output
        #expect(!export.contains("\(SmallSchool.tomas),2025-09-08"))
        #expect(export.contains("\(SmallSchool.lukasz),2025-09-05,AM,/,,"))
    }

    @Test func aLeadsRSAKeyGetsTheSameReportBytesAsTheServer() async throws {
        let (cli, server, _, lead) = try await school()
        let remote = try await server.ssh(key: lead, now: monday, ["report", "penalty", "--format", "json"])
        #expect(remote.status == 0, "\(remote.errors)")
        let here = try await server.local(["report", "penalty", "--format", "json", "--today", "2025-09-08"])
        #expect(here.status == 0, "\(here.errors)")
        #expect(!remote.output.isEmpty && remote.output == here.output)
        // A file comes on standard input: the lead imports contacts over the connection.
        let contacts = "upn,name,relationship,phone,lives_with_pupil\n\(SmallSchool.lukasz),Anna Kowalska,Mother,07700 900123,Y\n"
        let imported = try await server.ssh(key: lead, now: monday, ["import", "contacts", "-"], input: Data(contacts.utf8))
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(try String(contentsOfFile: cli.store + "/contacts.json", encoding: .utf8).contains("Anna Kowalska"))
    }

    @Test func everythingSSHOffersBesidesTheGateIsRefused() async throws {
        let (cli, server, amy, _) = try await school()
        let stranger = try await LocalSSHD.key(cli, "stranger")
        let unknown = try await server.ssh(key: stranger, now: monday, ["report", "summary"])
        #expect(unknown.status == 255 && unknown.errors.contains("Permission denied (publickey)"), "\(unknown.errors)")
        // The test server allows passwords for everyone; the drop-in does not for the account.
        let password = try await server.ssh(key: amy, now: monday, ["report", "summary"],
                                      extra: ["-o", "PubkeyAuthentication=no", "-o", "PreferredAuthentications=password,keyboard-interactive"])
        #expect(password.status == 255 && password.errors.contains("Permission denied (publickey)"), "\(password.errors)")
        let shell = try await server.ssh(key: amy, now: monday, ["sh", "-c", "id"])
        #expect(shell.status != 0 && !shell.output.contains("uid="))
        #expect(shell.errors.contains("'sh' cannot be run here"))
        // -W and -L both ask for a direct-tcpip channel: a tunnel to the server's own sshd.
        let tunnel = try await server.ssh(key: amy, now: monday, [], extra: ["-W", "127.0.0.1:\(server.port)"])
        #expect(tunnel.status == 255 && !tunnel.output.contains("SSH-2.0"), "\(tunnel.errors)")
        #expect(try await forwarded(server, key: amy).isEmpty)
        let sent = try cli.file("sent.txt", "planted\n")
        let target = "/tmp/rollcall-scp-\(UUID().uuidString)"
        let copy = ["-F", "/dev/null", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityFile=\(amy)",
                    "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-P", server.port]
        let scp = try await CLI.execute("/usr/bin/scp", copy + [sent, "\(server.host):\(target)"])
        let legacy = try await CLI.execute("/usr/bin/scp", ["-O"] + copy + [sent, "\(server.host):\(target)"])
        let sftp = try await CLI.execute("/usr/bin/sftp", ["-b", "-"] + copy + [server.host], input: Data("put \(sent) \(target)\n".utf8))
        #expect(scp.status != 0 && legacy.status != 0 && sftp.status != 0)
        #expect(legacy.errors.contains("'scp' cannot be run here"), "\(legacy.errors)")
        #expect(!FileManager.default.fileExists(atPath: target))
        // Each connection that reached the gate has one start and one end.
        let events = try await server.accessLog()
        let starts = events.filter { $0["event"] as? String == "start" }.count
        #expect(starts >= 3 && starts == events.filter { $0["event"] as? String == "end" }.count)
        #expect(events.map { $0["command"] as? String }.contains("sh"))
    }

    /// A port forward through `ssh -L`: what reaches the local end from the server's sshd.
    func forwarded(_ server: LocalSSHD, key: String) async throws -> String {
        let local = Int.random(in: 40_000...60_000)
        // posix_spawn, not Process: Foundation waits for its children one at a time, so a
        // child that lives on would keep every later Process from being seen to end.
        let words = ["/usr/bin/ssh"] + server.options(key: key, now: monday)
            + ["-N", "-L", "127.0.0.1:\(local):127.0.0.1:\(server.port)", "-p", server.port, server.host]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        try #require(posix_spawn(&pid, words[0], nil, nil, argv, environ) == 0)
        defer {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        // Wait for the forward to listen, then read what comes through it.
        for _ in 0..<100 {
            let bash = try await CLI.execute("/bin/bash", ["-c", "exec 3<>/dev/tcp/127.0.0.1/\(local) && timeout 2 cat <&3"])
            if bash.status != 1 || !bash.errors.contains("refused") { return bash.output }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the forward never listened")
        return ""
    }

    @Test func aDroppedConnectionLosesNoSavedMarkAndTheLogClosesIt() async throws {
        let (cli, server, amy, _) = try await school()
        let tmux = try await Tmux(server.interactive(key: amy, now: monday, ["tui", "--group", "7A", "--session", "AM"]),
                            environment: ["TERM": "xterm-256color"])
        try await tmux.waitFor("2 unmarked of 2")
        try await tmux.type("/")
        try await tmux.waitFor("1 unmarked of 2")
        // The laptop's lid closes: the client dies and the connection with it.
        tmux.kill()
        let deadline = Date().addingTimeInterval(20)
        var events = try await server.accessLog()
        while events.count < 2, Date() < deadline {
            try await Task.sleep(for: .milliseconds(100))
            events = try await server.accessLog()
        }
        #expect(events.map { $0["event"] as? String } == ["start", "end"])
        #expect(events.allSatisfy { $0["login"] as? String == "amy" && $0["command"] as? String == "tui" })
        let export = try await server.local(["export", "marks", "--from", "2025-09-08", "--to", "2025-09-08"]).output
        #expect(export.contains("\(SmallSchool.lukasz),2025-09-08,AM,/,,\r\n"))
        #expect(!export.contains(SmallSchool.siobhan))
        let check = try await server.local(["check"])
        #expect(check.status == 0, "\(check.output)\(check.errors)")
    }
}
