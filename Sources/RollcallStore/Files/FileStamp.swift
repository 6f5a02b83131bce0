#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SystemPackage

/// Which version of a file this is, as the file system tells it: inode, size and the
/// times of the last change. Every write in the store is a rename of a new file over the
/// old, so a new version has a new inode as well as new times; a derived file records
/// the stamp of each file it was made from, and is stale for any file whose stamp moved.
struct FileStamp: Equatable, CustomStringConvertible {
    let description: String

    init(_ status: stat) {
        description = "inode \(status.st_ino), \(status.st_size) bytes, modified \(status.st_mtim.tv_sec) s \(status.st_mtim.tv_nsec) ns, changed \(status.st_ctim.tv_sec) s \(status.st_ctim.tv_nsec) ns"
    }

    init(text: String) {
        description = text
    }

    /// The stamp of the file at `path` now; nil when there is none, or a link is there
    /// or on the way (never followed: see `DirectoryHandle`).
    init?(path: FilePath) {
        guard let (directory, name) = try? DirectoryHandle.parent(of: path, creating: false),
              let status = directory.status(of: name), status.st_mode & S_IFMT == S_IFREG else { return nil }
        self.init(status)
    }
}
