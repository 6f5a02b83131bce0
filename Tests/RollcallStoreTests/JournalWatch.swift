#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// When a journal first appears in a store's `journal/` folder, told by the kernel
/// (inotify): the watcher sleeps until a file arrives, where listing the folder in a loop
/// would keep a core busy for the whole of a crash test.
final class JournalWatch: @unchecked Sendable {
    private let descriptor: Int32
    private let started: Date
    private let lock = NSLock()
    private var found: TimeInterval?
    private var stopping = false
    /// The test awaiting the watcher's end, resumed by the watcher's thread.
    private var waiting: CheckedContinuation<Void, Never>?
    private var watching = true

    /// Watches `folder` from `started` on.
    init(_ folder: String, from started: Date) {
        self.started = started
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        inotify_add_watch(descriptor, folder, UInt32(IN_MOVED_TO | IN_CREATE))
        Thread { [self] in watch() }.start()
    }

    /// Seconds from the start to the first journal, once the watch is stopped: awaited,
    /// so the test's thread of the pool is free while the watcher finishes its last poll.
    func stop() async -> TimeInterval? {
        await withCheckedContinuation { continuation in
            let done = lock.withLock { () -> Bool in
                stopping = true
                if watching { waiting = continuation }
                return !watching
            }
            if done { continuation.resume() }
        }
        close(descriptor)
        return lock.withLock { found }
    }

    private func watch() {
        defer {
            let waiter = lock.withLock { () -> CheckedContinuation<Void, Never>? in
                watching = false
                defer { waiting = nil }
                return waiting
            }
            waiter?.resume()
        }
        var buffer = [UInt8](repeating: 0, count: 4_096)
        var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while !lock.withLock({ stopping }) {
            guard poll(&ready, 1, 20) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            // Each event: wd, mask, cookie and len (four 32-bit words), then len bytes of name.
            var offset = 0
            while offset + 16 <= count {
                let length = buffer[(offset + 12)..<(offset + 16)].reversed().reduce(0) { $0 << 8 | Int($1) }
                let name = String(decoding: buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }, as: UTF8.self)
                if name.hasSuffix(".json"), !name.hasPrefix(".") {
                    lock.withLock { if found == nil { found = Date().timeIntervalSince(started) } }
                }
                offset += 16 + length
            }
        }
    }
}
