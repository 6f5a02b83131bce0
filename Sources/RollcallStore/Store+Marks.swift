import Foundation
import RollcallCore
import SystemPackage

/// One mark to record: which pupil, in which group's register, for which session. A nil
/// mark clears the pupil's entry (a mark entered in error), which is an amendment.
public struct MarkEntry: Hashable, Sendable {
    public let upn: UPN
    public let group: String
    public let session: Session
    public let mark: Mark?
    /// Groups the pupil was in before `group` (`Pupil.formerForms`): if one of them holds
    /// a mark for the session, that mark is the one recorded against, in that group's
    /// register, so a pupil never has two marks for one session.
    public let formerGroups: [String]

    public init(upn: UPN, group: String, session: Session, mark: Mark?, formerGroups: [String] = []) {
        self.upn = upn
        self.group = group
        self.session = session
        self.mark = mark
        self.formerGroups = formerGroups
    }

    /// The entry recorded in another group's register.
    func placed(in group: String) -> MarkEntry {
        MarkEntry(upn: upn, group: group, session: session, mark: mark)
    }
}

/// What a write did, mark by mark.
public struct RecordSummary: Hashable, Sendable {
    public internal(set) var recorded = 0
    public internal(set) var unchanged = 0
    public internal(set) var amendments: [Amendment] = []

    public init() {}
}

extension Store {
    /// A group's register for a session, as it is on disk now.
    public func register(group: String, session: Session) throws(StoreError) -> Register {
        let key = MarksFileKey(session: session, group: group)
        return try withStoreLock { () throws(StoreError) in try marksFile(key).register(for: session) }
    }

    /// Every register of every group in an academic year.
    public func registers(academicYear: String) throws(StoreError) -> [Register] {
        try withStoreLock { () throws(StoreError) in
            var registers: [Register] = []
            for key in marksFileKeys(academicYear: academicYear) {
                registers += try marksFile(key).registers.values
            }
            return registers
        }
    }

    /// The academic years that have marks on disk, oldest first.
    public func academicYearsWithMarks() -> [String] {
        DurableFile.list(layout.marksDirectory).filter { !$0.hasPrefix(".") }
    }

    /// Records marks, all of them or none.
    ///
    /// Each group-and-year file touched is locked (in a fixed order, so two writers
    /// never wait on each other in a circle), read again under the lock, merged and
    /// written, so tutors marking different pupils of one register never lose each
    /// other's marks. A changed code is an amendment: without a reason the whole write
    /// is refused before anything is written. Recording the same marks again changes
    /// nothing.
    @discardableResult
    public func record(
        _ entries: [MarkEntry], by recorder: Recorder, at instant: Date, reason: String? = nil
    ) throws(StoreError) -> RecordSummary {
        let instant = Date(timeIntervalSince1970: instant.timeIntervalSince1970.rounded(.down))
        return try withStoreLock { () throws(StoreError) in
            // Held until the marks are written: a pupil cannot change form under this write.
            let pupilsLock = try FileLock(layout.lock("pupils"), .shared)
            defer { pupilsLock.unlock() }
            let entries = try placed(entries, pupils: pupilsOnDisk(entries.map(\.upn)))
            let byFile = Dictionary(grouping: entries) { MarksFileKey(session: $0.session, group: $0.group) }
            let keys = byFile.keys.sorted()
            var locks: [FileLock] = []
            defer { locks.forEach { $0.unlock() } }
            for key in keys {
                guard StoreLayout.canStore(group: key.group) else { throw .groupNameTooLong(key.group) }
                locks.append(try FileLock(layout.lock(key.lockName), .exclusive))
                DurableFile.sweepTemporaries(of: layout.marks(key))
            }

            var summary = RecordSummary()
            var changed: [MarksFileEdit] = []
            for key in keys {
                let path = layout.marks(key)
                var file = try MarksFileEdit(key: key, path: path, bytes: DurableFile.read(path))
                var isChanged = false
                for entry in byFile[key] ?? [] {
                    let before = try file.register(for: entry.session)
                    var register = before
                    let outcome: Register.Outcome
                    do {
                        if let mark = entry.mark {
                            outcome = try register.record(mark, for: entry.upn, by: recorder, at: instant, reason: reason)
                        } else {
                            outcome = try register.clear(entry.upn, by: recorder, at: instant, reason: reason ?? "")
                        }
                    } catch {
                        throw .amendmentRefused("\(error)")
                    }
                    switch outcome {
                    case .recorded: summary.recorded += 1
                    case .unchanged: summary.unchanged += 1
                    case let .amended(amendment): summary.amendments.append(amendment)
                    }
                    // Minutes late or a note can change with the code unchanged.
                    if outcome != .unchanged || register != before {
                        isChanged = true
                        file.replace(register)
                    }
                }
                if isChanged { changed.append(file) }
            }
            try write(changed, amendments: summary.amendments)
            return summary
        }
    }

    /// The pupil's mark for a session and the group whose register holds it, looked for
    /// in `groups` in order: a pupil who moved form has earlier marks in a former form's.
    public func mark(of upn: UPN, at session: Session, inAnyOf groups: [String]) throws(StoreError) -> (group: String, mark: Mark)? {
        var files: [MarksFileKey: MarksFile] = [:]
        return try withStoreLock { () throws(StoreError) in try mark(of: upn, at: session, inAnyOf: groups, reading: &files) }
    }

    private func mark(of upn: UPN, at session: Session, inAnyOf groups: [String],
                      reading files: inout [MarksFileKey: MarksFile]) throws(StoreError) -> (group: String, mark: Mark)? {
        for group in groups {
            let key = MarksFileKey(session: session, group: group)
            if files[key] == nil { files[key] = try marksFile(key) }
            if let mark = files[key]?.registers[session]?.marks[upn] { return (group, mark) }
        }
        return nil
    }

    /// Each entry in the register that already holds the pupil's mark for its session:
    /// a former group's, when the pupil was marked there. Only pupils who moved cost a
    /// read, of their former groups' files.
    ///
    /// The pupil's forms are the ones on disk now (`pupils`), not those of the screen
    /// that made the entry: a register opened before a pupil moved form cannot mark them
    /// there, where the new form's tutor would mark them too. A mark in a group the pupil
    /// is no longer in is refused unless it changes one that group's register holds.
    private func placed(_ entries: [MarkEntry], pupils: [UPN: Pupil]) throws(StoreError) -> [MarkEntry] {
        var files: [MarksFileKey: MarksFile] = [:]
        var placed: [MarkEntry] = []
        for entry in entries {
            let pupil = pupils[entry.upn]
            let formerGroups = pupil.map { $0.formerForms ?? [] } ?? entry.formerGroups
            let former = formerGroups.filter { $0 != entry.group }
            let found = former.isEmpty ? nil : try mark(of: entry.upn, at: entry.session, inAnyOf: former, reading: &files)
            if let pupil, found == nil, entry.group != pupil.form,
               try mark(of: entry.upn, at: entry.session, inAnyOf: [entry.group], reading: &files) == nil {
                throw .pupilMoved(name: pupil.listName, upn: entry.upn.text, group: entry.group, form: pupil.form)
            }
            placed.append(found.map { entry.placed(in: $0.group) } ?? entry)
        }
        return placed
    }

    /// The pupils `upns` name, as on disk: this year's file, and the leavers' only for a
    /// pupil it lacks. The caller holds the pupils' lock.
    private func pupilsOnDisk(_ upns: [UPN]) throws(StoreError) -> [UPN: Pupil] {
        let wanted = Set(upns)
        var found: [UPN: Pupil] = [:]
        let current = try KeptPupils.shared.file(layout.pupils) { () throws(StoreError) in try readPupils(layout.pupils) }
        for pupil in current.pupils where wanted.contains(pupil.upn) { found[pupil.upn] = pupil }
        if found.count < wanted.count, current.leaversBefore != nil {
            let leavers = try KeptPupils.shared.file(layout.leavers) { () throws(StoreError) in try readPupils(layout.leavers) }
            for pupil in leavers.pupils where wanted.contains(pupil.upn) { found[pupil.upn] = pupil }
        }
        return found
    }

    /// Writes changed files and their amendments. One file with no amendment is a
    /// plain atomic replace; anything more goes through a journal.
    private func write(_ files: [MarksFileEdit], amendments: [Amendment]) throws(StoreError) {
        guard !files.isEmpty else { return }
        let transaction = UUID().uuidString.lowercased()
        var contents: [(path: FilePath, bytes: [UInt8])] = []
        for file in files { contents.append((layout.marks(file.key), file.encoded())) }
        try writeTogether(contents, audit: amendments.map(AuditRecord.init), transaction: transaction)
    }

    func marksFile(_ key: MarksFileKey) throws(StoreError) -> MarksFile {
        let path = layout.marks(key)
        guard let bytes = try DurableFile.read(path) else { return MarksFile(key: key) }
        return try MarksFile.decode(bytes, key: key, path: path)
    }

    func marksFileKeys(academicYear: String) -> [MarksFileKey] {
        DurableFile.list(layout.marksYear(academicYear)).compactMap { name in
            guard name.hasSuffix(".json"), !name.hasPrefix("."),
                  let group = StoreLayout.groupName(fromFileName: String(name.dropLast(5)))
            else { return nil }
            return MarksFileKey(academicYear: academicYear, group: group)
        }
    }

    /// Every amendment ever made, oldest first.
    public func amendments() throws(StoreError) -> [AuditEntry] {
        try withStoreLock { () throws(StoreError) in try ChainedLog(path: layout.audit).entries(ChainedLog.amendment) }
    }
}

extension Store {
    /// Every mark of some academic years, read straight into a book: what reports and the
    /// screens work from. A year is read from its digest (`MarksDigest`), and from the
    /// marks files of groups whose marks changed since the digest was saved; a 2,000-pupil
    /// school's year takes milliseconds.
    /// With `days`, only the marks of those days are kept (the penalty window, say).
    /// With `groups`, only those groups' marks files are read, and no digest.
    /// With `minutesAndNotes` false, late marks' minutes and marks' notes may be left
    /// out, for a report that counts codes (the penalty list): a year's digest holds
    /// 13,000 of them, a third of the time it takes to read.
    public func book(academicYears names: [String], within days: ClosedRange<CalendarDate>? = nil,
                     groups: Set<String>? = nil, minutesAndNotes: Bool = true) throws(StoreError) -> AttendanceBook {
        let spans = names.compactMap(AcademicYear.span(named:))
        guard let first = spans.map(\.lowerBound).min(), let last = spans.map(\.upperBound).max() else {
            return AttendanceBook(registers: [])
        }
        // Only the days asked for: a penalty window's book is a fifth of a year's.
        var span = first...last
        if let days, days.overlaps(span) { span = days.clamped(to: span) }
        return try withStoreLock { () throws(StoreError) in
            if let groups {
                var book = AttendanceBook(span: span)
                for name in names {
                    for key in marksFileKeys(academicYear: name) where groups.contains(key.group) {
                        let path = layout.marks(key)
                        guard let bytes = try DurableFile.read(path) else { continue }
                        try MarksFile.record(bytes, key: key, path: path, into: &book, within: days)
                    }
                }
                return book
            }
            var damaged: Set<String> = []
            while true {
                var book = AttendanceBook(span: span)
                var complete = true
                for name in names {
                    guard let digest = MarksDigest(academicYear: name) else { continue }
                    // A damaged digest may have put part of itself in the book: start again without it.
                    guard try digest.read(marksFileKeys(academicYear: name), layout: layout, into: &book, within: days,
                                          details: minutesAndNotes, trusting: !damaged.contains(name), notices: notices) else {
                        damaged.insert(name)
                        complete = false
                        break
                    }
                }
                if complete { return book }
            }
        }
    }
}
