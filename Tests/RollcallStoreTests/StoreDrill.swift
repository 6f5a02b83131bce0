import Foundation
import RollcallTestSupport

/// Runs `store-drill`, the child process the crash and concurrency tests use; it is
/// built beside the test bundle.
enum StoreDrill {
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("store-drill")
    }

    static func start(_ arguments: [String]) async throws -> ChildProcess.Running {
        try await ChildProcess.start(executable.path, arguments)
    }

    /// Runs to the end; true when it exited 0.
    @discardableResult
    static func run(_ arguments: [String]) async throws -> Bool {
        try await start(arguments).exit() == 0
    }
}
