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

    /// nil for a reader's lock on a store that cannot be written and has no lock file
    /// yet (a backup copy, a full disk): no writer can be at work there, so there is
    /// nothing to wait for.
    private let descriptor: Int32?
    let path: FilePath
    /// Whether the lock file could not be opened for writing: the store cannot be
    /// written here (a read-only mount or copy, a full disk).
    private(set) var isReadOnly = false

    init(_ path: FilePath, _ mode: Mode) throws(StoreError) {
        self.path = path
        do throws(StoreError) {
            guard let (directory, name) = try DirectoryHandle.parent(of: path, creating: true),
                  let descriptor = try directory.openFile(name, flags: O_RDWR, creating: true) else {
                throw .io(path: path.string, action: "open lock", errno: .noSuchFileOrDirectory)
            }
            self.descriptor = descriptor
        } catch {
            guard mode == .shared, case let .io(_, _, code) = error, FileLock.meansReadOnly(code) else { throw error }
            isReadOnly = true
            // flock works on a descriptor opened for reading alone.
            if let (directory, name) = try? DirectoryHandle.parent(of: path, creating: false),
               let descriptor = try? directory.openFile(name, flags: O_RDONLY) {
                self.descriptor = descriptor
            } else {
                descriptor = nil
            }
        }
        try change(to: mode)
    }

    /// The errors that say the store cannot be written here, rather than that it is
    /// damaged: a reader goes on.
    static func meansReadOnly(_ code: Errno) -> Bool {
        [.readOnlyFileSystem, .permissionDenied, .noSpace, .notPermitted].contains(code) || code.rawValue == EDQUOT
    }

    /// Moves between shared and exclusive. The change is not atomic: another process may
    /// get in between, so callers re-check what they saw under the old mode.
    func change(to mode: Mode) throws(StoreError) {
        guard let descriptor else { return }
        while flock(descriptor, mode.operation) != 0 {
            if errno == EINTR { continue }
            throw .io(path: path.string, action: "lock", errno: Errno(rawValue: errno))
        }
    }

    func unlock() {
        guard let descriptor else { return }
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
