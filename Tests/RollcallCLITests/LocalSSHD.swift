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
    let cli: CLI

    /// Installs the rollcall under test, gives it `cli`'s store and starts sshd.
    init(_ cli: CLI) async throws {
        self.cli = cli
        let started = try await CLI.execute(LocalSSHD.scripts.appendingPathComponent("local-sshd").path,
                                      ["start", directory, CLI.executable.path, cli.store, LocalSSHD.account])
        guard started.status == 0 else { throw Failure(what: "local-sshd start", errors: started.errors) }
        port = started.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func stop() {
        ChildProcess.runBlocking(LocalSSHD.scripts.appendingPathComponent("local-sshd").path, ["stop", directory, LocalSSHD.account])
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
