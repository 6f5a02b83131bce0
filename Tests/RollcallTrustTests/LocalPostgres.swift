import Foundation
import RollcallTestSupport

/// A throwaway PostgreSQL cluster for one test, on 127.0.0.1 (`scripts/local-postgres`),
/// stopped and removed by `stop()`.
final class LocalPostgres {
    let directory: String
    /// The superuser's URL.
    let url: String

    static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../scripts/local-postgres").standardized.path
    }

    init() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rollcall-pg-\(UUID().uuidString)").path
        let result = try await run(LocalPostgres.script, ["start", directory])
        guard result.status == 0 else { throw Failed(description: "local-postgres start: \(result.errors)") }
        url = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The same server as another login.
    func url(user: String, password: String) -> String {
        let address = url.split(separator: "@", maxSplits: 1)[1]
        return "postgres://\(user):\(password)@\(address)"
    }

    func stop() {
        ChildProcess.runBlocking(LocalPostgres.script, ["stop", directory])
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

/// Runs a program to its end, its output in files, awaited without holding a thread of
/// the test pool (`ChildProcess`: posix_spawn and waitpid, not Process, which can miss
/// the exit of a child whose own child, the database server pg_ctl starts, lives on).
func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) async throws -> Finished {
    let finished = try await ChildProcess.run(executable, arguments, environment: environment)
    return Finished(status: finished.status, output: finished.output, errors: finished.errors)
}

/// `rollcall-trust`, as built beside the tests.
var trustExecutable: String {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rollcall-trust").path
}
