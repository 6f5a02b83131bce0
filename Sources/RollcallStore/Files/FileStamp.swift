#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which version of a file this is, as the file system tells it: inode, size and the
/// times of the last change. Every write in the store is a rename of a new file over the
/// old, so a new version has a new inode as well as new times; a derived file records
/// the stamp of each file it was made from, and is stale for any file whose stamp moved.
struct FileStamp: Equatable, CustomStringConvertible {
    let description: String

    init(_ status: stat) {
        description = "inode \(status.st_ino), \(status.st_size) bytes, modified \(status.st_mtim.tv_sec).\(FileStamp.nanoseconds(status.st_mtim.tv_nsec)), changed \(status.st_ctim.tv_sec).\(FileStamp.nanoseconds(status.st_ctim.tv_nsec))"
    }

    init(text: String) {
        description = text
    }

    /// The stamp of the file at `path` now; nil when it cannot be read.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }

    private static func nanoseconds(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 9 - digits.count)) + digits
    }
}
