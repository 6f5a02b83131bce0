import Foundation
import RollcallCore
import SystemPackage

extension Store {
    struct GroupsFile: Codable {
        var groups: [Group]
    }

    /// Every pupil ever on roll, leavers included: their marks are kept for six years.
    public func pupils() throws(StoreError) -> [Pupil] {
        try pupils(onRollFrom: nil)
    }

    /// Every pupil on roll on `day` or later (and perhaps some who left before it), the
    /// whole list when `day` is nil. Earlier leavers are read only for a day before the
    /// academic year `pupils.json` holds.
    public func pupils(onRollFrom day: CalendarDate?) throws(StoreError) -> [Pupil] {
        try withStoreLock { () throws(StoreError) in
            // Shared with other readers, exclusive of a writer moving pupils between files.
            let lock = try FileLock(layout.lock("pupils"), .shared)
            defer { lock.unlock() }
            let current = try readPupils(layout.pupils)
            guard let split = current.leaversBefore, day.map({ $0 < split }) ?? true else { return current.pupils }
            return try readPupils(layout.leavers).pupils + current.pupils
        }
    }

    /// Changes the pupil list under its lock: `change` sees every pupil as on disk now
    /// (and must not ask the store for them: the lock is held). Pupils who left before
    /// the academic year of `today` are then filed in `leavers.json`. With `groups`, the
    /// group list is changed under its lock too, and every file is written together: an
    /// import of pupils and their forms lands whole or not at all.
    public func updatePupils(today: CalendarDate, groups changeGroups: ((inout [Group]) throws -> Void)? = nil,
                             _ change: (inout [Pupil]) throws -> Void) throws {
        try updateAdmissionRegister(today: today, groups: changeGroups) { pupils in
            try change(&pupils)
            return []
        }
    }

    /// The same, with changes to the admission register that `change` returns, appended
    /// to its log in the same write. Whatever `change` or an import does, a deletion that
    /// stands keeps the pupil off roll from the day after it: the admission register, not
    /// a file from another system, says who is on roll.
    public func updateAdmissionRegister(today: CalendarDate, groups changeGroups: ((inout [Group]) throws -> Void)? = nil,
                                        _ change: (inout [Pupil]) throws -> [AdmissionEvent]) throws {
        var refusal: (any Error)?
        try withStoreLock { () throws(StoreError) in
            let lock = try FileLock(layout.lock("pupils"), .exclusive)
            defer { lock.unlock() }
            let groupsLock = changeGroups == nil ? nil : try FileLock(layout.lock("groups"), .exclusive)
            defer { groupsLock?.unlock() }
            DurableFile.sweepTemporaries(of: layout.pupils)
            DurableFile.sweepTemporaries(of: layout.leavers)
            let current = try readPupils(layout.pupils)
            let leavers = current.leaversBefore == nil ? [] : try readPupils(layout.leavers).pupils
            var pupils = leavers + current.pupils
            var files: [(path: FilePath, bytes: [UInt8])] = []
            var events: [AdmissionEvent] = []
            do {
                events = try change(&pupils)
                let standing = AdmissionEvent.standingDeletions(try ChainedLog(path: layout.admissions).entries(ChainedLog.admission) + events)
                for index in pupils.indices {
                    let deletion = standing[pupils[index].upn]
                    if let deletion { pupils[index].leavingDate = deletion.date }
                    pupils[index].deletionGround = deletion?.ground
                }
                if let changeGroups {
                    DurableFile.sweepTemporaries(of: layout.groups)
                    var groups = try read(GroupsFile.self, at: layout.groups)?.groups ?? []
                    try changeGroups(&groups)
                    for group in groups where !StoreLayout.canStore(group: group.name) { throw StoreError.groupNameTooLong(group.name) }
                    files.append((layout.groups, JSONFile.encode(GroupsFile(groups: groups.sorted { $0.name < $1.name }))))
                }
            } catch {
                refusal = error
                return
            }
            let split = AcademicYear.span(containing: today).lowerBound
            let (left, onRoll) = pupils.sorted { $0.upn < $1.upn }.reduce(into: ([Pupil](), [Pupil]())) { files, pupil in
                if let leaving = pupil.leavingDate, leaving < split { files.0.append(pupil) } else { files.1.append(pupil) }
            }
            files.append((layout.pupils, JSONFile.encode(PupilsFile(leaversBefore: split, pupils: onRoll))))
            if left != leavers { files.insert((layout.leavers, JSONFile.encode(PupilsFile(pupils: left))), at: 0) }
            try writeTogether(files, audit: [], admissions: events.map(AdmissionRecord.init), transaction: UUID().uuidString.lowercased())
        }
        if let refusal { throw refusal }
    }

    /// A pupils file, empty when there is none.
    func readPupils(_ path: FilePath) throws(StoreError) -> PupilsFile {
        guard let bytes = try DurableFile.read(path) else { return PupilsFile(pupils: []) }
        if let file = PupilsFile.fastRead(bytes) { return file }
        return try JSONFile.decode(PupilsFile.self, from: bytes, path: path)
    }

    public func groups() throws(StoreError) -> [Group] {
        try withStoreLock { () throws(StoreError) in try read(GroupsFile.self, at: layout.groups)?.groups ?? [] }
    }

    public func updateGroups(_ change: (inout [Group]) throws -> Void) throws {
        try update(layout.groups, lock: "groups", empty: GroupsFile(groups: [])) { file in
            try change(&file.groups)
            for group in file.groups where !StoreLayout.canStore(group: group.name) { throw StoreError.groupNameTooLong(group.name) }
            file.groups.sort { $0.name < $1.name }
        }
    }

    /// Whether a group of this name can be kept: its marks file's name must fit the file
    /// system with room for a temporary file's tag. Imports check it row by row.
    public static func canStoreGroupName(_ name: String) -> Bool {
        StoreLayout.canStore(group: name)
    }

    public static var longestGroupName: Int { StoreLayout.longestGroupFileName }
}
