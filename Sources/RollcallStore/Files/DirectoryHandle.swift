#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SystemPackage

/// An open directory reached one name at a time, from `/` or from a store's root opened
/// that way, none of the names a symbolic link.
///
/// The store is a legal record, so it never lets a link decide where a read or a write
/// goes: a link planted as `audit/` or `marks/2025-26/7A.json` would otherwise send an
/// append or a rename into some other file of the service account's. Every file is
/// opened relative to a handle like this one (`openat` and its kin) with `O_NOFOLLOW`,
/// so no name on the way is resolved through a link, and nothing can be swapped
/// between the check and the use. The store's root is resolved once when it is opened
/// (`Store.open`): links above it are the administrator's choice.
final class DirectoryHandle: Sendable {
    let descriptor: Int32
    /// The path the handle was opened by, as text: a walk builds it a name at a time, and
    /// `FilePath`'s component view costs more than the system calls in a debug build.
    private let pathText: String

    /// The path the handle was opened by, for messages.
    var path: FilePath { FilePath(pathText) }

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        pathText = path
    }

    deinit { close(descriptor) }

    /// Only search permission is needed for the directories on the way (`O_PATH`), so a
    /// store under a folder the account may enter but not list still opens.
    #if os(Linux)
    /// `O_PATH`, which Glibc's module does not export (it wants `_GNU_SOURCE`).
    private static let pathOnly: Int32 = 0o10000000
    private static let walkFlags = pathOnly | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC
    #else
    private static let walkFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC
    #endif

    /// Stores' roots, each opened by a walk from `/` (`remember`): a walk to a file of a
    /// store starts from its root's handle, so marking a pupil opens two folders, not
    /// every folder from `/`. Every operation on a store checks first that the root's
    /// path still names the folder held open (`remember` again), so a store moved away or
    /// deleted and made again is walked to afresh; a few are kept, the newest last.
    private static let roots = Roots()
    private static let rootsKept = 8

    /// The kept roots behind a plain lock: held only to look up or change the list.
    private final class Roots: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [(path: String, handle: DirectoryHandle)] = []

        func withLock<T>(_ body: (inout [(path: String, handle: DirectoryHandle)]) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(&list)
        }
    }

    /// Opens `root` (a store's directory, its links already resolved) for later walks,
    /// unless the handle kept for it is still that folder's.
    static func remember(_ root: FilePath) {
        let text = root.string
        if let kept = roots.withLock({ $0.last { $0.path == text } }), kept.handle.isStill(root) { return }
        roots.withLock { $0.removeAll { $0.path == text } }
        guard let handle = try? reach(root, creating: false) else { return }
        roots.withLock { roots in
            roots.removeAll { $0.path == text }
            roots.append((text, handle))
            if roots.count > rootsKept { roots.removeFirst(roots.count - rootsKept) }
        }
    }

    /// Whether `path` still names the folder this handle holds open: a store moved away
    /// or deleted and made again is walked to afresh.
    private func isStill(_ path: FilePath) -> Bool {
        var open = stat(), named = stat()
        guard fstat(descriptor, &open) == 0, fstatat(AT_FDCWD, path.string, &named, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino && open.st_nlink > 0
    }

    /// The directory `directory`, or nil when it (or one above it) does not exist and
    /// `creating` is false. With `creating`, missing folders are made, owner only.
    static func reach(_ directory: FilePath, creating: Bool) throws(StoreError) -> DirectoryHandle? {
        var handle: DirectoryHandle
        // Absolute, and normal as `FilePath` keeps it: no empty names, no trailing slash.
        let target = directory.string
        var rest = Substring(target)
        let root = roots.withLock { roots in
            roots.filter { target == $0.path || target.hasPrefix($0.path.hasSuffix("/") ? $0.path : $0.path + "/") }
                .max { $0.path.count < $1.path.count }
        }
        if let root {
            handle = root.handle
            rest = rest.dropFirst(root.path.count)
        } else {
            handle = DirectoryHandle(descriptor: openat(AT_FDCWD, "/", walkFlags), path: "/")
            guard handle.descriptor >= 0 else { throw .io(path: "/", action: "open", errno: Errno(rawValue: errno)) }
        }
        for component in rest.split(separator: "/") {
            let name = String(component)
            let next = handle.pathText.hasSuffix("/") ? handle.pathText + name : handle.pathText + "/" + name
            var descriptor = openat(handle.descriptor, name, walkFlags)
            if descriptor < 0, errno == ENOENT {
                guard creating else { return nil }
                if mkdirat(handle.descriptor, name, mode_t(DurableFile.directoryMode.rawValue)) != 0, errno != EEXIST {
                    throw .io(path: next, action: "create directory", errno: Errno(rawValue: errno))
                }
                descriptor = openat(handle.descriptor, name, walkFlags)
                // mkdir's mode is narrowed by the umask; the store's folders are 0700 whatever it is.
                if descriptor >= 0 { fchmodat(handle.descriptor, name, mode_t(DurableFile.directoryMode.rawValue), 0) }
            }
            guard descriptor >= 0 else { throw handle.failure(opening: name, errno: errno) }
            handle = DirectoryHandle(descriptor: descriptor, path: next)
        }
        return handle
    }

    /// The directory holding `path`, and the last name of `path` to use relative to it.
    static func parent(of path: FilePath, creating: Bool) throws(StoreError) -> (directory: DirectoryHandle, name: String)? {
        let (folder, name) = path.folderAndName
        guard !name.isEmpty, let directory = try reach(FilePath(folder), creating: creating) else { return nil }
        return (directory, name)
    }

    /// Opens `name` in this directory without following a link; a link, a folder or
    /// anything but a regular file (a FIFO would block every command) is an error.
    func openFile(_ name: String, flags: Int32, creating: Bool = false) throws(StoreError) -> Int32? {
        var flags = flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK
        if creating { flags |= O_CREAT }
        let descriptor = openat(self.descriptor, name, flags, mode_t(DurableFile.fileMode.rawValue))
        if descriptor < 0 {
            if errno == ENOENT && !creating { return nil }
            throw failure(opening: name, errno: errno)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw .notAFile(path: path.appending(name).string)
        }
        // Files the store makes are the owner's only, whatever the umask; one made by
        // someone else is left as it is, and `check` names it.
        if creating, status.st_mode & 0o7777 != mode_t(DurableFile.fileMode.rawValue), status.st_uid == geteuid() {
            fchmod(descriptor, mode_t(DurableFile.fileMode.rawValue))
        }
        return descriptor
    }

    /// The kind of entry `name` is, without following a link; nil when there is none.
    func kind(of name: String) -> mode_t? {
        var status = stat()
        guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return status.st_mode & S_IFMT
    }

    /// The status of `name` itself (a link's own, never its target's).
    func status(of name: String) -> stat? {
        var status = stat()
        guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return status
    }

    /// A file descriptor on this directory that can be read and synced (a walk's handle
    /// may only be good for opening names in it).
    func readable() throws(StoreError) -> Int32 {
        let readable = openat(descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard readable >= 0 else { throw .io(path: path.string, action: "open", errno: Errno(rawValue: errno)) }
        return readable
    }

    /// What went wrong opening `name`: a link where a file or folder should be is named
    /// as such, since it is the one failure someone meant.
    private func failure(opening name: String, errno code: Int32) -> StoreError {
        let full = pathText.hasSuffix("/") ? pathText + name : pathText + "/" + name
        if kind(of: name) == S_IFLNK { return .symlink(path: full) }
        return .io(path: full, action: "open", errno: Errno(rawValue: code))
    }
}
