import RollcallCore
import SystemPackage

extension Store {
    /// The staff list; empty when the school has not imported one (all is allowed).
    public func staff() throws(StoreError) -> StaffList {
        try withStoreLock { () throws(StoreError) in try read(StaffList.self, at: layout.staff) ?? StaffList() }
    }

    /// Changes the staff list under its lock: `change` sees the list as it is on disk
    /// now, so a rule about who may replace it is checked against the list it replaces.
    public func saveStaff(_ change: (inout StaffList) throws -> Void) throws {
        try update(layout.staff, lock: "staff", empty: StaffList(), change)
    }
}
