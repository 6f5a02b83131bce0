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

    /// The stamp of every regular file in `directory`, by name, from one walk to it: a
    /// digest checks 70 marks files' stamps on every report.
    static func stamps(in directory: FilePath) -> [String: FileStamp] {
        guard let handle = try? DirectoryHandle.reach(directory, creating: false) else { return [:] }
        var stamps: [String: FileStamp] = [:]
        for name in DurableFile.list(handle) {
            if let status = handle.status(of: name), status.st_mode & S_IFMT == S_IFREG { stamps[name] = FileStamp(status) }
        }
        return stamps
    }
}
