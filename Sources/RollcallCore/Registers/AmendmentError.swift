/// Why a change to the register was refused.
public enum AmendmentError: Error, Equatable, Sendable, CustomStringConvertible {
    case reasonRequired(upn: UPN, session: Session)
    /// A reason, a note or minutes late outside `EntryLimits`.
    case notAllowed(field: String, problem: String)

    public var description: String {
        switch self {
        case let .reasonRequired(upn, session):
            "\(upn) already has a mark for \(session); changing it is an amendment and needs a reason"
        case let .notAllowed(field, problem):
            "\(field): \(problem)"
        }
    }
}
