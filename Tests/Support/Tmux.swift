import Foundation

/// A real terminal for end-to-end tests: tmux on a private socket at a fixed size, so
/// ncurses itself draws and reads keys. Tests poll the screen for what they expect
/// rather than sleeping.
public struct Tmux {
    public let socket = "rollcall-test-\(UUID().uuidString.prefix(8))"

    /// Starts `arguments` (the rollcall binary and its arguments) in a new window.
    public init(_ arguments: [String], environment: [String: String], width: Int = 80, height: Int = 24) throws {
        let variables = ["LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"].merging(environment) { $1 }
            .map { "\($0.key)=\(Tmux.quote($0.value))" }.sorted().joined(separator: " ")
        let command = "env \(variables) \(arguments.map(Tmux.quote).joined(separator: " ")); echo \"[exited $?]\"; sleep 600"
        try run(["new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", command])
    }

    public static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs a tmux command and returns what it printed. tmux is started with
    /// posix_spawn and reaped with waitpid: Foundation's Process can miss the exit of a
    /// client whose server lives on, and wait for ever.
    @discardableResult
    public func run(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let command = (["LC_ALL=C.UTF-8", "tmux", "-L", socket, "-f", "/dev/null"] + arguments.map(Tmux.quote)).joined(separator: " ")
            + " > " + Tmux.quote(output) + " 2>/dev/null < /dev/null"
        var pid: pid_t = 0
        let words: [String] = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { throw SpawnFailure() }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    public struct SpawnFailure: Error {}

    /// The screen as text, or with escape sequences for colours and attributes.
    public func screen(escapes: Bool = false) throws -> String {
        try run(["capture-pane", "-p", "-t", "main"] + (escapes ? ["-e"] : []))
    }

    /// Keys by tmux's names (`Enter`, `Escape`, `Up`) or literal text.
    public func send(_ keys: String...) throws {
        for key in keys { try run(["send-keys", "-t", "main", key]) }
    }

    /// Types text literally, so `/` and `\` are not taken as key names.
    public func type(_ text: String) throws {
        try run(["send-keys", "-t", "main", "-l", text])
    }

    /// Waits until the screen shows `text`; the screen as it was when found.
    @discardableResult
    public func waitFor(_ text: String, seconds: Double = 20) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            usleep(50_000)
        }
        throw Timeout(waitingFor: text, screen: last)
    }

    public func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    public func kill() {
        _ = try? run(["kill-server"])
    }

    public struct Timeout: Error, CustomStringConvertible {
        public let waitingFor: String
        public let screen: String
        public var description: String { "waited for '\(waitingFor)'; the screen was:\n\(screen)" }
    }
}
