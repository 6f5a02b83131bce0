import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A new file for a list exported from a screen or a letter: never over an existing file
/// (a second the same day gets `-2`), created readable by its owner and group only,
/// because it holds pupils' personal data.
enum ExportFile {
    static func create(named stem: String, extension suffix: String = "csv", contents: String,
                       in directory: String = FileManager.default.currentDirectoryPath) throws -> String {
        for attempt in 1...99 {
            let path = "\(directory)/\(stem)\(attempt == 1 ? "" : "-\(attempt)").\(suffix)"
            if try write(contents, toNew: path) { return path }
        }
        throw Failure("\(directory) already holds 99 exports named \(stem); move some away")
    }

    /// Writes a file the person named, which must not exist yet: not a file written over,
    /// nor a link followed to one somewhere else.
    static func create(at path: String, contents: String) throws {
        guard try write(contents, toNew: path) else {
            throw Failure("\(path) already exists: nothing is written over a file; give another name or move it away")
        }
    }

    /// false when something is already at `path`.
    private static func write(_ contents: String, toNew path: String) throws -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        if descriptor < 0 {
            if errno == EEXIST { return false }
            throw Failure("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: Data(contents.utf8))
        try handle.synchronize()
        return true
    }
}
