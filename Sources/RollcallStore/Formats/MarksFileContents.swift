import RollcallCore
import SystemPackage

/// One group's marks file for an academic year, read but not decoded: for a caller that
/// asks only whether a year changed (a publish to the trust compares a digest of its
/// files' bytes with the one it last sent) and reads the year's marks only if it did.
public struct MarksFileContents: Sendable {
    public let group: String
    public let bytes: [UInt8]
}

extension Store {
    /// Every group's marks file of an academic year, by group.
    public func marksFiles(academicYear: String) throws(StoreError) -> [MarksFileContents] {
        try withStoreLock { () throws(StoreError) in
            var files: [MarksFileContents] = []
            for key in marksFileKeys(academicYear: academicYear).sorted() {
                let path = layout.marks(key)
                if let bytes = try DurableFile.read(path) { files.append(MarksFileContents(group: key.group, bytes: bytes)) }
            }
            return files
        }
    }
}
