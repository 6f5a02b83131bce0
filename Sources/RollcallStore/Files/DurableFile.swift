#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SystemPackage

/// Reading and replacing whole files so that a crash at any moment leaves either the old
/// contents or the new, never a mixture, and so that a replacement is on disk when the
/// call returns: write a temporary file beside the target, fsync it, rename it over the
/// target, fsync the directory.
enum DurableFile {
    /// Files hold pupil data, and one service account owns the store (the deployment
    /// behind `rollcall gate`): owner only, whatever the umask.
    static let fileMode: FilePermissions = [.ownerReadWrite]
    static let directoryMode: FilePermissions = [.ownerReadWriteExecute]

    static func read(_ path: FilePath) throws(StoreError) -> [UInt8]? {
        try readStamped(path)?.bytes
    }

    /// The stamp of the regular file at `path` as it is now, without reading it; nil when
    /// there is none (or a link stands there, which no reader follows).
    static func stamp(_ path: FilePath) -> FileStamp? {
        guard let (directory, name) = try? DirectoryHandle.parent(of: path, creating: false),
              let status = directory.status(of: name), status.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileStamp(status)
    }

    /// The file's bytes and the stamp of the very version read (taken from the open
    /// file, so a rename over it meanwhile cannot mix two versions).
    static func readStamped(_ path: FilePath) throws(StoreError) -> (bytes: [UInt8], stamp: FileStamp)? {
        guard let (directory, name) = try DirectoryHandle.parent(of: path, creating: false),
              let descriptor = try directory.openFile(name, flags: O_RDONLY) else { return nil }
        defer { close(descriptor) }
        // Sized by fstat and read in place: a year's marks are 70 files of 300 KB. The
        // loop still reads to the end, in case the file grew since.
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .io(path: path.string, action: "stat", errno: Errno(rawValue: errno))
        }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let read = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if read < 0 {
                if errno == EINTR { continue }
                throw .io(path: path.string, action: "read", errno: Errno(rawValue: errno))
            }
            if read == 0 {
                bytes.removeLast(bytes.count - count)
                return (bytes, FileStamp(status))
            }
            count += read
        }
    }

    /// Writes `bytes` to a new temporary file next to `path` and makes it durable; the
    /// caller renames it into place (alone, or as one step of a transaction). A write
    /// that fails removes its temporary file: nothing is left behind.
    static func writeTemporary(_ bytes: [UInt8], beside path: FilePath, tag: String, durable: Bool = true) throws(StoreError) -> FilePath {
        guard let (directory, name) = try DirectoryHandle.parent(of: path, creating: true) else {
            throw .io(path: path.string, action: "create", errno: .noSuchFileOrDirectory)
        }
        let temporaryName = ".\(name).\(tag).tmp"
        let temporary = path.sibling(temporaryName)
        guard let descriptor = try directory.openFile(temporaryName, flags: O_WRONLY | O_TRUNC, creating: true) else {
            throw .io(path: temporary.string, action: "create", errno: .noSuchFileOrDirectory)
        }
        defer { close(descriptor) }
        var failure: StoreError?
        var written = 0
        while written < bytes.count, failure == nil {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0, errno != EINTR { failure = .io(path: temporary.string, action: "write", errno: Errno(rawValue: errno)) }
            if count > 0 { written += count }
        }
        if failure == nil, durable, fsync(descriptor) != 0 {
            failure = .io(path: temporary.string, action: "fsync", errno: Errno(rawValue: errno))
        }
        if let failure {
            unlinkat(directory.descriptor, temporaryName, 0)
            throw failure
        }
        return temporary
    }

    /// Atomically puts `temporary` in the place of `path` (both in one folder) and makes
    /// the rename durable. A rename that fails removes the temporary file.
    static func commit(_ temporary: FilePath, to path: FilePath, durable: Bool = true) throws(StoreError) {
        let (temporaryFolder, from) = temporary.folderAndName
        guard temporaryFolder == path.folderAndName.folder,
              let (directory, name) = try DirectoryHandle.parent(of: path, creating: false) else {
            throw .io(path: path.string, action: "rename", errno: .noSuchFileOrDirectory)
        }
        guard directory.kind(of: from) == S_IFREG else { throw .notAFile(path: temporary.string) }
        if renameat(directory.descriptor, from, directory.descriptor, name) != 0 {
            let code = errno
            unlinkat(directory.descriptor, from, 0)
            throw .io(path: path.string, action: "rename", errno: Errno(rawValue: code))
        }
        if durable { try sync(directory) }
    }

    /// Replaces a whole file durably: write, fsync, rename, fsync the directory.
    static func replace(_ path: FilePath, with bytes: [UInt8], tag: String) throws(StoreError) {
        let temporary = try writeTemporary(bytes, beside: path, tag: tag)
        try commit(temporary, to: path)
    }

    /// Replaces a file that can be made again from others (a digest): atomically, so a
    /// reader sees the old or the new, but without waiting for the disk. After a crash it
    /// may be stale or empty, and whoever reads it next makes it again.
    static func replaceDerived(_ path: FilePath, with bytes: [UInt8], tag: String) throws(StoreError) {
        let temporary = try writeTemporary(bytes, beside: path, tag: tag, durable: false)
        try commit(temporary, to: path, durable: false)
    }

    static func syncDirectory(_ directory: FilePath) throws(StoreError) {
        guard let handle = try DirectoryHandle.reach(directory, creating: false) else {
            throw .io(path: directory.string, action: "open", errno: .noSuchFileOrDirectory)
        }
        try sync(handle)
    }

    private static func sync(_ directory: DirectoryHandle) throws(StoreError) {
        let descriptor = try directory.readable()
        defer { close(descriptor) }
        if fsync(descriptor) != 0 {
            throw .io(path: directory.path.string, action: "fsync", errno: Errno(rawValue: errno))
        }
    }

    /// Creates a directory and any missing parents, owner only.
    static func makeDirectory(_ directory: FilePath) throws(StoreError) {
        _ = try DirectoryHandle.reach(directory, creating: true)
    }

    /// Removes temporary files of `path` left by writers that died before renaming them.
    /// Only a holder of the file's lock may call this: no live writer has one then.
    static func sweepTemporaries(of path: FilePath) {
        let (folder, name) = path.folderAndName
        guard let directory = try? DirectoryHandle.reach(FilePath(folder), creating: false) else { return }
        for entry in list(directory) where entry.hasPrefix(".\(name).") && entry.hasSuffix(".tmp") {
            if directory.kind(of: entry) == S_IFREG { unlinkat(directory.descriptor, entry, 0) }
        }
    }

    static func exists(_ path: FilePath) -> Bool {
        guard let (directory, name) = try? DirectoryHandle.parent(of: path, creating: false) else { return false }
        return directory.kind(of: name) != nil
    }

    static func remove(_ path: FilePath) throws(StoreError) {
        guard let (directory, name) = try DirectoryHandle.parent(of: path, creating: false) else { return }
        if unlinkat(directory.descriptor, name, 0) != 0, errno != ENOENT {
            throw .io(path: path.string, action: "remove", errno: Errno(rawValue: errno))
        }
    }

    /// Renames `path` to `target` within the store, without following a link at either
    /// end; for setting a rejected journal aside.
    static func move(_ path: FilePath, to target: FilePath) throws(StoreError) {
        guard let (from, name) = try DirectoryHandle.parent(of: path, creating: false),
              let (to, targetName) = try DirectoryHandle.parent(of: target, creating: true) else {
            throw .io(path: path.string, action: "move", errno: .noSuchFileOrDirectory)
        }
        if renameat(from.descriptor, name, to.descriptor, targetName) != 0 {
            throw .io(path: path.string, action: "move", errno: Errno(rawValue: errno))
        }
        try sync(to)
        try sync(from)
    }

    /// The names in a directory, without `.` and `..`; empty if it does not exist or is
    /// reached through a link.
    static func list(_ directory: FilePath) -> [String] {
        guard let handle = try? DirectoryHandle.reach(directory, creating: false) else { return [] }
        return list(handle)
    }

    static func list(_ directory: DirectoryHandle) -> [String] {
        guard let descriptor = try? directory.readable(), let handle = fdopendir(descriptor) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
