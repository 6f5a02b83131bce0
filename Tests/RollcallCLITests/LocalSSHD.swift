import Foundation
import RollcallTestSupport
import Testing

/// A throwaway OpenSSH server set up as a school's would be (`scripts/local-sshd`, which
/// runs `scripts/install --service`), and the real `ssh`, `scp` and `sftp` to reach it.
struct LocalSSHD {
    static let account = "rollcall-test"
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts")

    /// Why the server cannot run here, or nil.
    static var unavailable: String? {
        if getuid() != 0 { return "sshd switches to the service account, which needs root" }
        for tool in ["/usr/sbin/sshd", "/usr/bin/ssh", "/usr/bin/ssh-keygen", "/usr/bin/scp", "/usr/bin/sftp"]
        where !FileManager.default.isExecutableFile(atPath: tool) {
            return "\(tool) is missing (scripts/bootstrap installs openssh-server and openssh-client)"
        }
        return nil
    }

    /// Where it is installed: a folder only root can write, as sshd wants for the keys command.
    let directory = "/var/lib/rollcall-sshd-\(UUID().uuidString.prefix(8))"
    let port: String
    /// The school the server serves: its store is put afresh for each test (`reset`).
    let cli: CLI
    /// amy's (a tutor's, ed25519) and lead's (the attendance lead's, RSA) private keys.
    let keys: (amy: String, lead: String)
    /// The store as each test starts it: the small school, its staff and both keys.
    private let template: CLI

    /// The run's one server, started on first use and stopped when the test process exits.
    static let shared = Task<LocalSSHD, any Error> {
        let server = try await LocalSSHD()
        startedHere = (server.directory, server.cli.directory.path, server.template.directory.path)
        atexit {
            guard let (directory, school, template) = LocalSSHD.startedHere else { return }
            ChildProcess.runBlocking(LocalSSHD.scripts.appendingPathComponent("local-sshd").path, ["stop", directory, LocalSSHD.account])
            try? FileManager.default.removeItem(atPath: school)
            try? FileManager.default.removeItem(atPath: template)
        }
        return server
    }

    nonisolated(unsafe) private static var startedHere: (String, String, String)?

    /// Makes the school and its keys, installs the rollcall under test, gives it the
    /// school's store and starts sshd.
    private init() async throws {
        let me = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
        template = try CLI()
        try await SmallSchool.make(template)
        try template.staff([(me, "admin", []), (LocalSSHD.account, "admin", []), ("amy", "tutor", ["7A"]), ("lead", "attendance_lead", [])])
        keys = (try await LocalSSHD.key(template, "amy"), try await LocalSSHD.key(template, "lead", type: ["-t", "rsa", "-b", "2048"]))
        for (login, key) in [("amy", keys.amy), ("lead", keys.lead)] {
            let added = try await template.run(["keys", "add", login, key + ".pub"])
            guard added.status == 0 else { throw Failure(what: "keys add", errors: added.errors) }
        }
        cli = try CLI()
        try FileManager.default.copyItem(atPath: template.store, toPath: cli.store)
        let started = try await CLI.execute(LocalSSHD.scripts.appendingPathComponent("local-sshd").path,
                                            ["start", directory, CLI.executable.path, cli.store, LocalSSHD.account])
        guard started.status == 0 else { throw Failure(what: "local-sshd start", errors: started.errors) }
        port = started.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Puts the school's store back as the template has it, owned by the service account.
    func reset() async throws {
        try FileManager.default.removeItem(atPath: cli.store)
        try FileManager.default.copyItem(atPath: template.store, toPath: cli.store)
        let owned = try await CLI.execute("/bin/chown", ["-R", "\(LocalSSHD.account):", cli.store])
        guard owned.status == 0 else { throw Failure(what: "chown", errors: owned.errors) }
    }

    /// A new key pair in the test's folder: the private key's path.
    static func key(_ cli: CLI, _ name: String, type: [String] = ["-t", "ed25519"]) async throws -> String {
        let path = cli.directory.appendingPathComponent(name).path
        let made = try await CLI.execute("/usr/bin/ssh-keygen", ["-q", "-N", "", "-C", "\(name)@laptop", "-f", path] + type)
        guard made.status == 0 else { throw Failure(what: "ssh-keygen", errors: made.errors) }
        return path
    }

    /// The client's options: this key only, this server, and the debug build's clock on
    /// a school day (`ROLLCALL_TEST_NOW`, which the test server accepts).
    func options(key: String, now: String) -> [String] {
        ["-F", "/dev/null", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityFile=\(key)",
         "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
         "-o", "SetEnv=ROLLCALL_TEST_NOW=\(now)"]
    }

    var host: String { "\(LocalSSHD.account)@127.0.0.1" }

    /// `ssh school COMMAND...` with `key`, as a script would run it (no pty).
    func ssh(key: String, now: String, _ command: [String], extra: [String] = [], input: Data = Data()) async throws -> CLI.Result {
        try await CLI.execute("/usr/bin/ssh", options(key: key, now: now) + extra + ["-p", port, host] + command, input: input)
    }

    /// The ssh command that opens the screens in a terminal (with `-t`), for tmux.
    func interactive(key: String, now: String, _ command: [String] = []) -> [String] {
        ["/usr/bin/ssh"] + options(key: key, now: now) + ["-t", "-p", port, host] + command
    }

    /// Runs rollcall on the server as the service account, as an admin there would.
    func local(_ arguments: [String]) async throws -> CLI.Result {
        let binary = directory + "/bin/rollcall"
        return try await CLI.execute("/usr/sbin/runuser", ["-u", LocalSSHD.account, "--", "/usr/bin/env", "ROLLCALL_STORE=\(cli.store)", binary] + arguments)
    }

    /// The access log's events, oldest first.
    func accessLog() async throws -> [[String: Any]] {
        let log = try await local(["audit", "--access", "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(log.output.utf8)) as? [[String: Any]])
    }

    struct Failure: Error, CustomStringConvertible {
        let what: String
        let errors: String
        var description: String { "\(what) failed: \(errors)" }
    }
}
