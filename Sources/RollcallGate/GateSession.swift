import Foundation

/// A session through the gate that ends exactly once: when its command returns, or when
/// SIGHUP (the SSH link dropped) or SIGTERM stops it part-way. The access log then has
/// an end line for every start line, whatever stopped the session; the screens leave on
/// those signals themselves, and any other command is ended here, its status 128 plus
/// the signal's number, as a shell reports a process killed by it.
public final class GateSession: @unchecked Sendable {
    private let lock = NSLock()
    private var ended = false
    private let writeEnd: (Int32) -> Void
    private var sources: [any DispatchSourceSignal] = []

    public init(writeEnd: @escaping (Int32) -> Void) {
        self.writeEnd = writeEnd
        for number in [SIGHUP, SIGTERM] {
            // The signal is ignored by default and handled off the main thread, which
            // may be busy in the command; the screens put their own handler in its place.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                self?.end(status: 128 + number)
                _exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Writes the end line unless it is written already.
    public func end(status: Int32) {
        lock.lock()
        defer { lock.unlock() }
        guard !ended else { return }
        ended = true
        writeEnd(status)
    }
}
