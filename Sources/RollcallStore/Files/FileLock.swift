#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SystemPackage

/// An advisory lock (flock) on a lock file, held until `unlock()` or process exit.
///
/// flock locks belong to the open file description, so the kernel releases them when a
/// process dies: a crashed tutor's session never leaves a register locked.
final class FileLock {
    enum Mode {
        case shared
        case exclusive

        var operation: Int32 { self == .shared ? LOCK_SH : LOCK_EX }
    }

    private let descriptor: FileDescriptor
    let path: FilePath

    init(_ path: FilePath, _ mode: Mode) throws(StoreError) {
        try DurableFile.makeDirectory(path.removingLastComponent())
        do {
            descriptor = try FileDescriptor.open(
                path, .readWrite, options: [.create], permissions: DurableFile.fileMode)
        } catch {
            throw .io(path: path.string, action: "open lock", errno: DurableFile.errnoValue(error))
        }
        self.path = path
        try change(to: mode)
    }

    /// Moves between shared and exclusive. The change is not atomic: another process may
    /// get in between, so callers re-check what they saw under the old mode.
    func change(to mode: Mode) throws(StoreError) {
        while flock(descriptor.rawValue, mode.operation) != 0 {
            if errno == EINTR { continue }
            throw .io(path: path.string, action: "lock", errno: Errno(rawValue: errno))
        }
    }

    func unlock() {
        _ = flock(descriptor.rawValue, LOCK_UN)
        try? descriptor.close()
    }
}
