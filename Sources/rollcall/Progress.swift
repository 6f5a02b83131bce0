import Foundation

/// Progress for long work, on standard error, shown only once the work has taken a
/// second, so quick commands stay quiet.
final class Progress {
    private let started = Date()
    private var lastShown: Date?
    private let isTerminal = isatty(STDERR_FILENO) == 1

    func report(_ what: String, _ done: Int, of total: Int) {
        let now = Date()
        guard now.timeIntervalSince(started) > 1, lastShown.map({ now.timeIntervalSince($0) > 0.25 }) ?? true else { return }
        lastShown = now
        let line = "\(what): \(done) of \(total)"
        FileHandle.standardError.write(Data((isTerminal ? "\r\(line)\u{1B}[K" : line + "\n").utf8))
    }

    func say(_ text: String) {
        guard Date().timeIntervalSince(started) > 1 else { return }
        FileHandle.standardError.write(Data(((isTerminal && lastShown != nil ? "\r\u{1B}[K" : "") + text + "\n").utf8))
        lastShown = nil
    }

    func finish() {
        if isTerminal, lastShown != nil { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
