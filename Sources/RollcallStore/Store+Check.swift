#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RollcallCore
import SystemPackage

extension Store {
    /// Reads every file of the store and verifies the audit chain; one problem per
    /// damaged file, broken link or file that others could read. Empty means healthy.
    public func check() -> [StoreError] {
        var problems: [StoreError] = []
        func attempt(_ body: () throws(StoreError) -> Void) {
            do { try body() } catch { problems.append(error) }
        }
        attempt { () throws(StoreError) in
            try withStoreLock { () throws(StoreError) in
                attempt { () throws(StoreError) in _ = try read(School.self, at: layout.school) }
                attempt { () throws(StoreError) in _ = try read(PupilsFile.self, at: layout.pupils) }
                attempt { () throws(StoreError) in _ = try read(PupilsFile.self, at: layout.leavers) }
                attempt { () throws(StoreError) in _ = try read(GroupsFile.self, at: layout.groups) }
                for name in DurableFile.list(layout.calendarDirectory) where name.hasSuffix(".json") {
                    attempt { () throws(StoreError) in
                        _ = try read(AcademicYear.self, at: layout.calendarDirectory.appending(name))
                    }
                }
                for year in academicYearsWithMarks() {
                    for key in marksFileKeys(academicYear: year) {
                        attempt { () throws(StoreError) in _ = try marksFile(key) }
                    }
                }
                attempt { () throws(StoreError) in _ = try read(ContactsFile.self, at: layout.contacts) }
                attempt { () throws(StoreError) in problems += try ChainedLog(path: layout.audit).verify(ChainedLog.amendment) }
                attempt { () throws(StoreError) in
                    problems += try ChainedLog(path: layout.interventions).verify(ChainedLog.intervention)
                }
            }
        }
        problems += exposedFiles(in: root)
        return problems
    }

    /// Files and folders that users outside the owner and group could reach.
    private func exposedFiles(in directory: FilePath) -> [StoreError] {
        var problems: [StoreError] = []
        var status = stat()
        if stat(directory.string, &status) == 0, status.st_mode & 0o007 != 0 {
            problems.append(.exposed(path: directory.string, mode: String(status.st_mode & 0o777, radix: 8)))
        }
        for name in DurableFile.list(directory) {
            let path = directory.appending(name)
            guard stat(path.string, &status) == 0 else { continue }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                problems += exposedFiles(in: path)
            } else if status.st_mode & 0o007 != 0 {
                problems.append(.exposed(path: path.string, mode: String(status.st_mode & 0o777, radix: 8)))
            }
        }
        return problems
    }
}
