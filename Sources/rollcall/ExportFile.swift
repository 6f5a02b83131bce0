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
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
            if descriptor < 0 {
                if errno == EEXIST { continue }
                throw Failure("cannot create \(path): \(String(cString: strerror(errno)))")
            }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            try handle.write(contentsOf: Data(contents.utf8))
            try handle.synchronize()
            return path
        }
        throw Failure("\(directory) already holds 99 exports named \(stem); move some away")
    }
}
