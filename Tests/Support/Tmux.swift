import Foundation

/// A real terminal for end-to-end tests: tmux on a private socket at a fixed size, so
/// ncurses itself draws and reads keys. Tests poll the screen for what they expect
/// rather than sleeping.
public struct Tmux {
    public let socket = "rollcall-test-\(UUID().uuidString.prefix(8))"

    /// Starts `arguments` (the rollcall binary and its arguments) in a new window.
    public init(_ arguments: [String], environment: [String: String], width: Int = 80, height: Int = 24) async throws {
        let variables = ["LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"].merging(environment) { $1 }
            .map { "\($0.key)=\(Tmux.quote($0.value))" }.sorted().joined(separator: " ")
        let command = "env \(variables) \(arguments.map(Tmux.quote).joined(separator: " ")); echo \"[exited $?]\"; sleep 600"
        try await run(["new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", command])
    }

    public static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// tmux itself, found on the PATH once.
    static let executable: String = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/tmux"
    }()

    /// Runs a tmux command and returns what it printed: spawned directly, with no shell,
    /// and awaited without holding a thread of the test pool. Reaped with waitpid
    /// (`ChildProcess`): Foundation's Process can miss the exit of a client whose server
    /// lives on.
    @discardableResult
    public func run(_ arguments: [String]) async throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C.UTF-8"
        return try await ChildProcess.run(Tmux.executable, ["-L", socket, "-f", "/dev/null"] + arguments, environment: environment).output
    }

    /// The screen as text, or with escape sequences for colours and attributes.
    public func screen(escapes: Bool = false) async throws -> String {
        try await run(["capture-pane", "-p", "-t", "main"] + (escapes ? ["-e"] : []))
    }

    /// Keys by tmux's names (`Enter`, `Escape`, `Up`) or literal text.
    public func send(_ keys: String...) async throws {
        for key in keys { try await run(["send-keys", "-t", "main", key]) }
    }

    /// Types text literally, so `/` and `\` are not taken as key names.
    public func type(_ text: String) async throws {
        try await run(["send-keys", "-t", "main", "-l", text])
    }

    /// Waits until the screen shows `text`; the screen as it was when found.
    @discardableResult
    public func waitFor(_ text: String, seconds: Double = 20) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try await screen()
            if last.contains(text) { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Timeout(waitingFor: text, screen: last)
    }

    public func resize(width: Int, height: Int) async throws {
        try await run(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    public func kill() {
        ChildProcess.runBlocking(Tmux.executable, ["-L", socket, "-f", "/dev/null", "kill-server"])
    }

    public struct Timeout: Error, CustomStringConvertible {
        public let waitingFor: String
        public let screen: String
        public var description: String { "waited for '\(waitingFor)'; the screen was:\n\(screen)" }
    }
}
