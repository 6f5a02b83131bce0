import Foundation

/// Runs `store-drill`, the child process the crash and concurrency tests use; it is
/// built beside the test bundle.
enum StoreDrill {
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("store-drill")
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs to the end; true when it exited 0.
    @discardableResult
    static func run(_ arguments: [String]) throws -> Bool {
        let process = try start(arguments)
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
