import RollcallCore
import SystemPackage

/// One group's marks file for an academic year, read but not decoded: for a caller that
/// first asks whether the file changed (a publish to the trust compares a digest of
/// the bytes with the one it last sent) and decodes only the files that did.
public struct MarksFileContents: Sendable {
    public let group: String
    public let bytes: [UInt8]
    let key: MarksFileKey
    let path: FilePath

    /// The group's registers, checked as every read of a marks file is.
    public func registers() throws(StoreError) -> [Register] {
        Array(try MarksFile.decode(bytes, key: key, path: path).registers.values)
    }
}

extension Store {
    /// Every group's marks file of an academic year, by group.
    public func marksFiles(academicYear: String) throws(StoreError) -> [MarksFileContents] {
        try withStoreLock { () throws(StoreError) in
            var files: [MarksFileContents] = []
            for key in marksFileKeys(academicYear: academicYear).sorted() {
                let path = layout.marks(key)
                if let bytes = try DurableFile.read(path) { files.append(MarksFileContents(group: key.group, bytes: bytes, key: key, path: path)) }
            }
            return files
        }
    }
}
