import Foundation
import SystemPackage

extension Store {
    /// The pupils file last read by this process, by path, with the stamp of the version
    /// it was read from. Marking a pupil checks their form on disk (`record`), and
    /// parsing a 2,000-pupil file for every mark tripled its time; the stamp (inode,
    /// size, change times: every write is a rename of a new file) says whether the file
    /// is still that version, so a changed file is always read again. Nothing is kept on
    /// disk, so there is nothing to tamper with.
    final class KeptPupils: @unchecked Sendable {
        static let shared = KeptPupils()
        private let lock = NSLock()
        private var kept: [String: (stamp: FileStamp, file: PupilsFile)] = [:]

        func file(_ path: FilePath, read: () throws(StoreError) -> PupilsFile) throws(StoreError) -> PupilsFile {
            guard let stamp = DurableFile.stamp(path) else { return try read() }
            if let hit = lock.withLock({ kept[path.string] }), hit.stamp == stamp { return hit.file }
            let file = try read()
            // Kept only if the file is still the version stamped before the read.
            if DurableFile.stamp(path) == stamp { lock.withLock { kept[path.string] = (stamp, file) } }
            return file
        }
    }
}
