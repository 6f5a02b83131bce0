import RollcallCore
import SystemPackage

extension Store {
    struct PupilsFile: Codable {
        var pupils: [Pupil]
    }

    struct GroupsFile: Codable {
        var groups: [Group]
    }

    /// Every pupil ever on roll, leavers included: their marks are kept for six years.
    public func pupils() throws(StoreError) -> [Pupil] {
        try withStoreLock { () throws(StoreError) in
            guard let bytes = try DurableFile.read(layout.pupils) else { return [] }
            if let pupils = PupilsFile.fastRead(bytes) { return pupils }
            return try JSONFile.decode(PupilsFile.self, from: bytes, path: layout.pupils).pupils
        }
    }

    /// Changes the pupil list under its lock: `change` sees the list as it is on disk now.
    public func updatePupils(_ change: (inout [Pupil]) throws -> Void) throws {
        try update(layout.pupils, lock: "pupils", empty: PupilsFile(pupils: [])) { file in
            try change(&file.pupils)
            file.pupils.sort { $0.upn < $1.upn }
        }
    }

    public func groups() throws(StoreError) -> [Group] {
        try withStoreLock { () throws(StoreError) in try read(GroupsFile.self, at: layout.groups)?.groups ?? [] }
    }

    public func updateGroups(_ change: (inout [Group]) throws -> Void) throws {
        try update(layout.groups, lock: "groups", empty: GroupsFile(groups: [])) { file in
            try change(&file.groups)
            file.groups.sort { $0.name < $1.name }
        }
    }
}
