#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RollcallCore
import SystemPackage

extension Store {
    /// Reads every file of the store, verifies each chained log against its head and the
    /// store's list of logs,
    /// compares each year's digest with the marks files, and walks every folder for
    /// links, files of the wrong kind, mode or owner, and leftovers; one problem each.
    /// Empty means healthy; problems that are only debris a crash left
    /// (`StoreError.isLeftByACrash`) leave the record whole.
    ///
    /// It changes nothing: a journal waiting to be finished is named, not finished, and
    /// no digest is saved. It holds the store lock exclusive, so no write is under way
    /// and every temporary file it finds was left by one that failed.
    public func check() -> [StoreError] {
        var problems: [StoreError] = []
        func attempt(_ body: () throws(StoreError) -> Void) {
            do { try body() } catch { problems.append(error) }
        }
        DirectoryHandle.remember(root)
        let lock: FileLock
        do {
            lock = try FileLock(layout.lock("store"), .shared)
            try lock.change(to: .exclusive)
        } catch {
            return [error]
        }
        defer { lock.unlock() }
        attempt { () throws(StoreError) in _ = try checked(School.self, at: layout.school) }
        var upns: [UPN: FilePath] = [:]
        for path in [layout.pupils, layout.leavers] {
            attempt { () throws(StoreError) in
                // One entry a pupil: a second would be read in place of the first.
                for pupil in try checked(PupilsFile.self, at: path)?.pupils ?? [] {
                    if let other = upns.updateValue(path, forKey: pupil.upn) {
                        problems.append(.damaged(path: path.string, line: nil, field: "pupils",
                                                 detail: "pupil \(pupil.upn.text) has two entries" + (other == path ? "" : " (the other in \(other.name))")
                                                     + ": which is the pupil's cannot be known; mend it from a backup"))
                    }
                }
            }
        }
        attempt { () throws(StoreError) in _ = try checked(GroupsFile.self, at: layout.groups) }
        attempt { () throws(StoreError) in _ = try checked(StaffList.self, at: layout.staff) }
        attempt { () throws(StoreError) in _ = try checked(ContactsFile.self, at: layout.contacts) }
        attempt { () throws(StoreError) in _ = try checked(PriorAttendanceFile.self, at: layout.priorAttendance) }
        for name in DurableFile.list(layout.calendarDirectory) where name.hasSuffix(".json") {
            attempt { () throws(StoreError) in _ = try checked(AcademicYear.self, at: layout.calendarDirectory.appending(name)) }
        }
        for name in DurableFile.list(layout.letterDirectory) where name.hasSuffix(".md") {
            attempt { () throws(StoreError) in
                let path = layout.letterDirectory.appending(name)
                if let bytes = try DurableFile.read(path), String(validating: bytes, as: UTF8.self) == nil {
                    throw .damaged(path: path.string, line: nil, field: nil, detail: "not UTF-8 text")
                }
            }
        }
        for year in academicYearsWithMarks() {
            // Where each pupil's mark for each session stands: a second one is named.
            var placed: [UPN: [Session: MarksFileKey]] = [:]
            for key in marksFileKeys(academicYear: year) {
                attempt { () throws(StoreError) in
                    for register in try marksFile(key).registers.values {
                        for upn in register.marks.keys {
                            if let other = placed[upn]?[register.session] {
                                problems.append(.twoMarks(upn: upn.text, session: register.session.description,
                                                          paths: [layout.marks(other).string, layout.marks(key).string]))
                            } else {
                                placed[upn, default: [:]][register.session] = key
                            }
                        }
                    }
                }
            }
            attempt { () throws(StoreError) in problems += try digestProblems(academicYear: year) }
        }
        let requireHeads = (try? keepsHeads()) ?? false
        for kept in chainedLogs {
            attempt { () throws(StoreError) in problems += try kept.verify(ChainedLog(path: kept.path), requireHeads) }
        }
        attempt { () throws(StoreError) in _ = try ChainedLog.listed(in: layout.audit.folder) }
        problems += journalProblems()
        problems += treeProblems(in: root, owner: Store.owner(of: root))
        return problems
    }

    /// A file read as `read` does, refusing one whose JSON gives a key twice (a decoder
    /// would keep the second without a word).
    private func checked<T: Decodable>(_ type: T.Type, at path: FilePath) throws(StoreError) -> T? {
        guard let bytes = try DurableFile.read(path) else { return nil }
        if let key = JSONScanner.duplicateKey(in: bytes) {
            throw .damaged(path: path.string, line: nil, field: key, detail: "this key is given twice: which value stands cannot be known; mend it from a backup")
        }
        return try JSONFile.decode(type, from: bytes, path: path)
    }

    /// Journals still to be finished, and every journal set aside unapplied with why.
    private func journalProblems() -> [StoreError] {
        var problems: [StoreError] = []
        for name in DurableFile.list(layout.journalDirectory) where name.hasSuffix(".json") {
            problems.append(.leftByACrash(path: layout.journalDirectory.appending(name).string,
                                   detail: "a write cut short by a crash: the next command other than check finishes it"))
        }
        let rejected = layout.journalDirectory.appending(Store.rejectedFolder)
        for name in DurableFile.list(rejected) {
            let path = rejected.appending(name)
            var detail = "it is not a journal file"
            if let bytes = try? DurableFile.read(path) {
                do {
                    _ = try JSONFile.decode(Journal.self, from: bytes, path: path).validated(root: root)
                    detail = "it was set aside when it could not be applied"
                } catch let rejection as JournalRejection {
                    detail = rejection.detail
                } catch {
                    detail = "\(error)"
                }
            }
            problems.append(.rejectedJournal(path: path.string, detail: detail + "; look at it, then remove it"))
        }
        return problems
    }

    /// Whether the year's digest, as a report would use it, holds exactly the marks
    /// files' codes: each pupil who differs is named.
    private func digestProblems(academicYear name: String) throws(StoreError) -> [StoreError] {
        let path = layout.marksDigest(name)
        guard let digest = MarksDigest(academicYear: name), DurableFile.exists(path) else { return [] }
        let keys = marksFileKeys(academicYear: name)
        var fromDigest = AttendanceBook(span: digest.span)
        guard try digest.read(keys, layout: layout, into: &fromDigest, within: nil, details: true, trusting: true, save: false) else {
            return [.damaged(path: path.string, line: nil, field: "checksum",
                             detail: "the digest was changed after Rollcall wrote it; the next report makes it again from the marks files")]
        }
        var fromMarks = AttendanceBook(span: digest.span)
        for key in keys {
            let marks = layout.marks(key)
            guard let bytes = try DurableFile.read(marks) else { continue }
            try MarksFile.record(bytes, key: key, path: marks, into: &fromMarks, within: nil)
        }
        let digestRows = Dictionary(fromDigest.codeRows.map { ($0.upn, Array($0.codes)) }, uniquingKeysWith: { $1 })
        let marksRows = Dictionary(fromMarks.codeRows.map { ($0.upn, Array($0.codes)) }, uniquingKeysWith: { $1 })
        var problems: [StoreError] = []
        for upn in Set(digestRows.keys).union(marksRows.keys).sorted() {
            let inDigest = digestRows[upn], inMarks = marksRows[upn]
            guard inDigest != inMarks else { continue }
            var detail = "its codes are not those of the marks files"
            if let inDigest, let inMarks, let column = inDigest.indices.first(where: { inDigest[$0] != inMarks[$0] }) {
                let session = Session(ordinal: Session(digest.span.lowerBound, .am).ordinal + column)
                detail = "\(session) is \(Store.symbol(inDigest[column])) in the digest but \(Store.symbol(inMarks[column])) in the marks files"
            }
            problems.append(.digestDiffers(path: path.string, upn: upn.text, detail: detail + "; the digest is only a copy, and reports would have shown its figures"))
        }
        return problems
    }

    private static func symbol(_ number: UInt8) -> String {
        number == 0 ? "unmarked" : "'\(AttendanceCode.allCases.first { $0.number == number }?.symbol ?? "?")'"
    }

    private static func owner(of path: FilePath) -> uid_t {
        var status = stat()
        return stat(path.string, &status) == 0 ? status.st_uid : geteuid()
    }

    /// Links, files that are not regular files, modes other than 0600 and 0700, another
    /// owner than the store's, and temporary files: never entering a link, so a loop of
    /// links is named, not walked.
    private func treeProblems(in directory: FilePath, owner: uid_t) -> [StoreError] {
        guard let handle = try? DirectoryHandle.reach(directory, creating: false) else { return [] }
        var problems: [StoreError] = []
        if let status = handle.status(of: ".") {
            problems += access(directory, status, expected: mode_t(DurableFile.directoryMode.rawValue), owner: owner)
        }
        for name in DurableFile.list(handle) {
            let path = directory.appending(name)
            guard let status = handle.status(of: name) else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFLNK:
                problems.append(.symlink(path: path.string))
            case S_IFDIR:
                problems += treeProblems(in: path, owner: owner)
            case S_IFREG:
                problems += access(path, status, expected: mode_t(DurableFile.fileMode.rawValue), owner: owner)
                // Another name for the same file, anywhere on the disk, changes the record unseen.
                if status.st_nlink > 1 {
                    problems.append(.access(path: path.string, detail: "has \(status.st_nlink) names (hard links): whoever holds another can change the record without Rollcall; copy it to a file of its own"))
                }
                if name.hasSuffix(".tmp") {
                    problems.append(.leftByACrash(path: path.string, detail: "a temporary file left by a write that did not finish; the next write of its folder removes it"))
                }
            default:
                problems.append(.notAFile(path: path.string))
            }
        }
        return problems
    }

    private func access(_ path: FilePath, _ status: stat, expected: mode_t, owner: uid_t) -> [StoreError] {
        var problems: [StoreError] = []
        let mode = status.st_mode & 0o7777
        if mode != expected {
            problems.append(.access(path: path.string, detail: "mode \(String(mode, radix: 8)), where the store gives \(String(expected, radix: 8)) (the service account only): run 'chmod \(String(expected, radix: 8))' on it"))
        }
        if status.st_uid != owner {
            problems.append(.access(path: path.string, detail: "owned by uid \(status.st_uid), not by the store's owner (uid \(owner))"))
        }
        return problems
    }
}
