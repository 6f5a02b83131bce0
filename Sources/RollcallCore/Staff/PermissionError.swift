/// Why a member of staff may not do what they asked.
public enum PermissionError: Error, Equatable, Sendable, CustomStringConvertible {
    case notOnStaffList(login: String)
    case notTheirForm(login: String, group: String)
    case notToday(login: String, session: Session)
    case needsAttendanceRole(login: String, what: String)
    case needsAdmin(login: String, what: String)
    case needsDecider(login: String, role: StaffRole)

    public var description: String {
        switch self {
        case let .notOnStaffList(login):
            "'\(login)' is not on the school's staff list; ask the attendance lead to add you"
        case let .notTheirForm(login, group):
            "'\(login)' is not a tutor of \(group) and cannot mark its register"
        case let .notToday(login, session):
            "'\(login)' can mark only today's registers, not \(session); ask the attendance office"
        case let .needsAttendanceRole(login, what):
            "\(what) needs the attendance lead, office or an admin; '\(login)' is a tutor"
        case let .needsAdmin(login, what):
            "\(what) needs an admin; '\(login)' is not one"
        case let .needsDecider(login, role):
            "Granting or refusing leave needs the attendance lead or an admin (the headteacher, or whom they name); "
                + "'\(login)' is \(role == .office ? "in the office" : "a \(role.rawValue)")"
        }
    }
}
