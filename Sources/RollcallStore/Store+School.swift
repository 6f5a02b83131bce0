import RollcallCore
import SystemPackage

extension Store {
    public func school() throws(StoreError) -> School {
        guard let school = try withStoreLock({ () throws(StoreError) in try read(School.self, at: layout.school) }) else {
            throw .damaged(path: layout.school.string, line: nil, field: nil, detail: "the file is missing")
        }
        return school
    }

    public func saveSchool(_ school: School) throws {
        try update(layout.school, lock: "school", empty: school) { $0 = school }
    }
}
