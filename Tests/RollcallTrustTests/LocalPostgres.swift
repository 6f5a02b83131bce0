import Foundation

/// A throwaway PostgreSQL cluster for one test, on 127.0.0.1 (`scripts/local-postgres`),
/// stopped and removed by `stop()`.
final class LocalPostgres {
    let directory: String
    /// The superuser's URL.
    let url: String

    static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../scripts/local-postgres").standardized.path
    }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rollcall-pg-\(UUID().uuidString)").path
        let result = try run(LocalPostgres.script, ["start", directory])
        guard result.status == 0 else { throw Failed(description: "local-postgres start: \(result.errors)") }
        url = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The same server as another login.
    func url(user: String, password: String) -> String {
        let address = url.split(separator: "@", maxSplits: 1)[1]
        return "postgres://\(user):\(password)@\(address)"
    }

    func stop() {
        _ = try? run(LocalPostgres.script, ["stop", directory])
    }

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }
}

struct Finished {
    let status: Int32
    let output: String
    let errors: String
}

/// Runs a program to its end, its output in files. posix_spawn and waitpid, not Process:
/// Foundation's Process can miss the exit of a child whose own child (the database
/// server pg_ctl starts) lives on.
func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Finished {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let outPath = folder.appendingPathComponent("out").path, errPath = folder.appendingPathComponent("err").path
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let words = [executable] + arguments
    let argv = words.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let pairs = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { pairs.forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, executable, &actions, nil, argv, pairs) == 0 else {
        throw LocalPostgres.Failed(description: "cannot run \(executable)")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exited = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return Finished(status: exited, output: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                    errors: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
}

/// `rollcall-trust`, as built beside the tests.
var trustExecutable: String {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rollcall-trust").path
}
