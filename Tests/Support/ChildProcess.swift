#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A program a test runs, waited for without holding one of Swift Testing's threads: it
/// is spawned with posix_spawn, its output goes to files, and it is reaped by a thread of
/// its own while the test awaits. Pure tests run on the pool meanwhile; with two cores,
/// two tests blocked on children would stop the whole suite.
public enum ChildProcess {
    public struct Finished: Sendable {
        public let status: Int32
        public let output: String
        public let errors: String
    }

    /// A started program.
    public struct Running: Sendable {
        public let pid: pid_t

        /// Its exit status once it ends (128 plus the signal that ended it, as a shell says).
        public func exit() async -> Int32 {
            await withCheckedContinuation { continuation in
                Thread {
                    var status: Int32 = 0
                    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                    let signal = status & 0x7f
                    continuation.resume(returning: signal == 0 ? (status >> 8) & 0xff : 128 + signal)
                }.start()
            }
        }

        public func signal(_ number: Int32) {
            kill(pid, number)
        }
    }

    public struct SpawnFailure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts `executable` with standard input, output and errors from and to files.
    ///
    /// A program a test has just written (a copied binary) can be held open for writing
    /// by a child another test is spawning at that moment, which inherited the
    /// descriptor: exec says ETXTBSY until that child has exec'd too, a moment later, so
    /// the start is tried again after a millisecond's await.
    public static func start(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                             input: String = "/dev/null", output: String = "/dev/null", errors: String = "/dev/null") async throws -> Running {
        for _ in 0..<200 {
            let result = spawn(executable, arguments, environment: environment, input: input, output: output, errors: errors)
            switch result {
            case let .success(pid): return Running(pid: pid)
            case let .failure(failure) where failure.code == ETXTBSY: try await Task.sleep(for: .milliseconds(1))
            case let .failure(failure): throw SpawnFailure(description: "cannot run \(executable): \(String(cString: strerror(failure.code)))")
            }
        }
        throw SpawnFailure(description: "cannot run \(executable): \(String(cString: strerror(ETXTBSY)))")
    }

    /// posix_spawn's error number.
    private struct SpawnCode: Error {
        let code: Int32
    }

    /// One posix_spawn: the child's pid, or the error number.
    private static func spawn(_ executable: String, _ arguments: [String], environment: [String: String]?,
                              input: String, output: String, errors: String) -> Result<pid_t, SpawnCode> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let variables = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { variables.forEach { free($0) } }
        // A thread of the test pool may run with signals blocked or ignored, and a child
        // inherits both: tmux's server, and the program it runs, would then never see
        // SIGWINCH or SIGHUP. Every child starts with none blocked and each at its default.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, variables)
        return result == 0 ? .success(pid) : .failure(SpawnCode(code: result))
    }

    /// Copies a program for a test to run, writing it through a descriptor no child can
    /// inherit (`O_CLOEXEC`): Foundation's copy leaves one that a child spawned meanwhile
    /// by another test holds open, and exec then fails with ETXTBSY.
    public static func copyProgram(_ source: String, to target: String) throws {
        guard let bytes = FileManager.default.contents(atPath: source) else { throw SpawnFailure(description: "cannot read \(source)") }
        try writeProgram(bytes, to: target)
    }

    /// Writes a program (a stub script, a copied binary) the same way.
    public static func writeProgram(_ bytes: Data, to target: String) throws {
        let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o700)
        guard descriptor >= 0 else { throw SpawnFailure(description: "cannot write \(target)") }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw SpawnFailure(description: "cannot write \(target)") }
    }

    /// Runs `executable` to its end, blocking: only for a `defer`, which cannot await
    /// (stopping a server a test started).
    @discardableResult
    public static func runBlocking(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) -> Int32? {
        guard case let .success(pid) = spawn(executable, arguments, environment: environment,
                                             input: "/dev/null", output: "/dev/null", errors: "/dev/null") else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Runs `executable` to its end with `input` on its standard input.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           input: Data = Data()) async throws -> Finished {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = ["in", "out", "err"].map { folder.appendingPathComponent($0).path }
        try input.write(to: URL(fileURLWithPath: paths[0]))
        let status = try await start(executable, arguments, environment: environment, input: paths[0], output: paths[1], errors: paths[2]).exit()
        func text(_ path: String) -> String { (FileManager.default.contents(atPath: path)).map { String(decoding: $0, as: UTF8.self) } ?? "" }
        return Finished(status: status, output: text(paths[1]), errors: text(paths[2]))
    }
}
