import Foundation
import Testing

/// `scripts/install`, given the binary under test (`--binary`, so that no release build
/// runs here). The service part, account and sshd drop-in, is exercised by every
/// `SSHEndToEndTests` server, which `scripts/local-sshd` installs with it.
@Suite("scripts/install")
struct InstallTests {
    let install = LocalSSHD.scripts.appendingPathComponent("install").path

    @Test func aPrefixGetsTheBinaryThemesAndCompletions() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        let prefix = cli.directory.appendingPathComponent("usr").path
        let result = try await CLI.execute(install, ["--prefix", prefix, "--binary", CLI.executable.path])
        #expect(result.status == 0, "\(result.errors)")
        let binary = prefix + "/bin/rollcall"
        let mode = try FileManager.default.attributesOfItem(atPath: binary)[.posixPermissions] as? Int
        #expect(mode == 0o755)
        let themes = try FileManager.default.contentsOfDirectory(atPath: prefix + "/share/rollcall/themes").sorted()
        #expect(themes == ["colour-blind.json", "default.json", "high-contrast.json", "light.json", "monochrome.json"])
        let bash = try String(contentsOfFile: prefix + "/share/bash-completion/completions/rollcall", encoding: .utf8)
        let zsh = try String(contentsOfFile: prefix + "/share/zsh/site-functions/_rollcall", encoding: .utf8)
        let fish = try String(contentsOfFile: prefix + "/share/fish/vendor_completions.d/rollcall.fish", encoding: .utf8)
        #expect(bash.contains("-F _rollcall rollcall"))
        #expect(zsh.hasPrefix("#compdef rollcall"))
        #expect(fish.contains("complete -c 'rollcall'"))
        // The completions know the commands, down to the keys' subcommands.
        #expect(bash.contains("authorized-keys") && zsh.contains("authorized-keys") && fish.contains("authorized-keys"))
        #expect(result.errors.contains("No man page"))
        // The installed copy runs on its own, far from the source tree.
        let version = try await CLI.execute(binary, ["keys", "--help"])
        #expect(version.status == 0 && version.output.contains("lookup"))
        // And the trust's program is installed beside it, so that a school's publishing
        // timer finds it: the installed 'rollcall trust publish' runs.
        #expect(FileManager.default.isExecutableFile(atPath: prefix + "/bin/rollcall-trust"))
        #expect(result.errors.contains("Installed \(prefix)/bin/rollcall-trust, which 'rollcall trust' runs."))
        let publish = try await CLI.execute(binary, ["trust", "publish", "--help"])
        #expect(publish.status == 0 && publish.output.contains("--store"), "\(publish.errors)")
        let trustBash = try String(contentsOfFile: prefix + "/share/bash-completion/completions/rollcall-trust", encoding: .utf8)
        #expect(trustBash.contains("remove-school"))
    }

    @Test(arguments: [["--account", "Bad Name"], ["--prefix", "/tmp/with space"], ["--store", "/var/lib/x'y"], ["--frobnicate"]])
    func whatCannotGoInSshdsConfigurationIsRefused(arguments: [String]) async throws {
        let result = try await CLI.execute(install, ["--binary", CLI.executable.path] + arguments)
        #expect(result.status != 0)
        #expect(result.errors.hasPrefix("install: "), "\(result.errors)")
    }

    /// sshd runs the keys command only from folders root alone can write: an install in
    /// /tmp would let anyone who can write /tmp choose who logs in. Refused before any
    /// account is made.
    @Test(.enabled(if: getuid() == 0, "--service makes an account, which needs root"))
    func theServiceIsRefusedABinaryInAFolderOthersCanWrite() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        let prefix = cli.directory.appendingPathComponent("usr").path
        let result = try await CLI.execute(install, ["--prefix", prefix, "--binary", CLI.executable.path, "--service",
                                               "--account", "rollcall-refused", "--store", cli.store,
                                               "--sshd-config", cli.directory.appendingPathComponent("sshd_config").path])
        #expect(result.status != 0)
        #expect(result.errors.contains("must be root's and writable by root alone for sshd to run it"), "\(result.errors)")
        #expect(try await CLI.execute("/usr/bin/getent", ["passwd", "rollcall-refused"]).status != 0)
    }
}
