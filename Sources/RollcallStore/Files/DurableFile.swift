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
    /// Files hold pupil data: owner and group may read and write (several tutors share a
    /// store through a staff group), others get nothing whatever the umask.
    static let fileMode: FilePermissions = [.ownerReadWrite, .groupReadWrite]
    static let directoryMode: FilePermissions = [.ownerReadWriteExecute, .groupReadWriteExecute]

    static func read(_ path: FilePath) throws(StoreError) -> [UInt8]? {
        try readStamped(path)?.bytes
    }

    /// The file's bytes and the stamp of the very version read (taken from the open
    /// file, so a rename over it meanwhile cannot mix two versions).
    static func readStamped(_ path: FilePath) throws(StoreError) -> (bytes: [UInt8], stamp: FileStamp)? {
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(path, .readOnly)
        } catch {
            if errnoValue(error) == .noSuchFileOrDirectory { return nil }
            throw .io(path: path.string, action: "open", errno: errnoValue(error))
        }
        defer { try? descriptor.close() }
        // Sized by fstat and read in place: a year's marks are 70 files of 300 KB. The
        // loop still reads to the end, in case the file grew since.
        var status = stat()
        guard fstat(descriptor.rawValue, &status) == 0 else {
            throw .io(path: path.string, action: "stat", errno: Errno(rawValue: errno))
        }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let read: Int
            do {
                read = try bytes.withUnsafeMutableBytes { try descriptor.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[count...])) }
            } catch {
                throw .io(path: path.string, action: "read", errno: errnoValue(error))
            }
            if read == 0 {
                bytes.removeLast(bytes.count - count)
                return (bytes, FileStamp(status))
            }
            count += read
        }
    }

    /// Writes `bytes` to a new temporary file next to `path` and makes it durable; the
    /// caller renames it into place (alone, or as one step of a transaction).
    static func writeTemporary(_ bytes: [UInt8], beside path: FilePath, tag: String, durable: Bool = true) throws(StoreError) -> FilePath {
        let directory = path.removingLastComponent()
        try makeDirectory(directory)
        let temporary = directory.appending(".\(path.lastComponent?.string ?? "file").\(tag).tmp")
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(
                temporary, .writeOnly, options: [.create, .truncate], permissions: fileMode)
        } catch {
            throw .io(path: temporary.string, action: "create", errno: errnoValue(error))
        }
        do {
            defer { try? descriptor.close() }
            do {
                _ = try descriptor.writeAll(bytes)
            } catch {
                throw StoreError.io(path: temporary.string, action: "write", errno: errnoValue(error))
            }
            if durable, fsync(descriptor.rawValue) != 0 {
                throw StoreError.io(path: temporary.string, action: "fsync", errno: Errno(rawValue: errno))
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .io(path: temporary.string, action: "write", errno: .ioError)
        }
        return temporary
    }

    /// Atomically puts `temporary` in the place of `path` and makes the rename durable.
    static func commit(_ temporary: FilePath, to path: FilePath) throws(StoreError) {
        if rename(temporary.string, path.string) != 0 {
            throw .io(path: path.string, action: "rename", errno: Errno(rawValue: errno))
        }
        try syncDirectory(path.removingLastComponent())
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
        if rename(temporary.string, path.string) != 0 {
            throw .io(path: path.string, action: "rename", errno: Errno(rawValue: errno))
        }
    }

    static func syncDirectory(_ directory: FilePath) throws(StoreError) {
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(directory, .readOnly, options: [.directory])
        } catch {
            throw .io(path: directory.string, action: "open", errno: errnoValue(error))
        }
        defer { try? descriptor.close() }
        if fsync(descriptor.rawValue) != 0 {
            throw .io(path: directory.string, action: "fsync", errno: Errno(rawValue: errno))
        }
    }

    /// Creates a directory and any missing parents, owner and group only.
    static func makeDirectory(_ directory: FilePath) throws(StoreError) {
        if directory.isEmpty || exists(directory) { return }
        try makeDirectory(directory.removingLastComponent())
        if mkdir(directory.string, mode_t(directoryMode.rawValue)) != 0, errno != EEXIST {
            throw .io(path: directory.string, action: "create directory", errno: Errno(rawValue: errno))
        }
    }

    /// Removes temporary files of `path` left by writers that died before renaming them.
    /// Only a holder of the file's lock may call this: no live writer has one then.
    static func sweepTemporaries(of path: FilePath) {
        guard let name = path.lastComponent?.string else { return }
        let directory = path.removingLastComponent()
        for entry in list(directory) where entry.hasPrefix(".\(name).") && entry.hasSuffix(".tmp") {
            try? remove(directory.appending(entry))
        }
    }

    /// The errno behind an error from swift-system, which throws untyped errors.
    static func errnoValue(_ error: any Error) -> Errno {
        error as? Errno ?? .ioError
    }

    static func exists(_ path: FilePath) -> Bool {
        access(path.string, F_OK) == 0
    }

    static func remove(_ path: FilePath) throws(StoreError) {
        if unlink(path.string) != 0, errno != ENOENT {
            throw .io(path: path.string, action: "remove", errno: Errno(rawValue: errno))
        }
    }

    /// The names in a directory, without `.` and `..`; empty if it does not exist.
    static func list(_ directory: FilePath) -> [String] {
        guard let handle = opendir(directory.string) else { return [] }
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
