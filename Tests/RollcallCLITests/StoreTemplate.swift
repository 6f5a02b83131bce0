import Foundation

/// Stores the tests start from, made once per run and copied for each test with a plain
/// directory copy: the small school is four commands, a demo a second of work, and
/// dozens of tests start from each.
enum StoreTemplate {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var made: [String: Task<String, any Error>] = [:]
    private static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rollcall-templates-\(getpid())")

    /// Copies the template `name` into `cli`'s store, making it first (by `make`, into a
    /// CLI of its own) if this run has not yet.
    static func copy(_ name: String, into cli: CLI, make: @escaping @Sendable (CLI) async throws -> Void) async throws {
        let task = lock.withLock {
            if let task = made[name] { return task }
            if made.isEmpty { atexit { try? FileManager.default.removeItem(at: StoreTemplate.folder) } }
            let task = Task<String, any Error> {
                let template = try CLI(directory: folder)
                try await make(template)
                return template.store
            }
            made[name] = task
            return task
        }
        try FileManager.default.copyItem(atPath: try await task.value, toPath: cli.store)
    }
}
