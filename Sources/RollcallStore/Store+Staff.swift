import RollcallCore
import SystemPackage

extension Store {
    /// The staff list; empty when the school has not imported one (all is allowed).
    public func staff() throws(StoreError) -> StaffList {
        try withStoreLock { () throws(StoreError) in try read(StaffList.self, at: layout.staff) ?? StaffList() }
    }

    public func saveStaff(_ staff: StaffList) throws {
        try update(layout.staff, lock: "staff", empty: staff) { $0 = staff }
    }
}
