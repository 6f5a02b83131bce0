import RollcallCore
import SystemPackage

extension Store {
    /// A letter template the school keeps in the store (`letters/NAME.md`), if it has one.
    public func letterTemplate(named name: String) throws(StoreError) -> (text: String, path: String)? {
        let path = layout.letterDirectory.appending("\(StoreLayout.fileName(name)).md")
        return try withStoreLock { () throws(StoreError) in
            try DurableFile.read(path).map { (String(decoding: $0, as: UTF8.self), path.string) }
        }
    }

    /// Writes a template into the store unless the school already has its own; returns
    /// the file's path and whether it was written.
    @discardableResult
    public func addLetterTemplate(named name: String, text: String) throws(StoreError) -> (path: String, written: Bool) {
        let path = layout.letterDirectory.appending("\(StoreLayout.fileName(name)).md")
        return try withStoreLock { () throws(StoreError) in
            let lock = try FileLock(layout.lock("letters"), .exclusive)
            defer { lock.unlock() }
            guard !DurableFile.exists(path) else { return (path.string, false) }
            try DurableFile.makeDirectory(layout.letterDirectory)
            try DurableFile.replace(path, with: Array(text.utf8), tag: name)
            return (path.string, true)
        }
    }
}
