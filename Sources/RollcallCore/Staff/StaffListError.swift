/// Why a new staff list was refused: each would switch the rules off or lock the
/// school out of its own registers.
public enum StaffListError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case noAdmin
    case wouldRemoveYourAdmin(login: String)
    case needsAdmin(login: String)

    public var description: String {
        switch self {
        case .empty:
            "the staff list is empty; an empty list would let anyone do anything, so the list in use is kept"
        case .noAdmin:
            "the staff list names no admin; nobody could then change it again, so the list in use is kept"
        case let .wouldRemoveYourAdmin(login):
            "the staff list would take the admin role from '\(login)', who is importing it; add them as admin, or have another admin import it"
        case let .needsAdmin(login):
            "replacing the staff list needs an admin; '\(login)' is not one"
        }
    }
}
