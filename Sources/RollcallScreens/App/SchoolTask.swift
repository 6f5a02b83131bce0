import RollcallCore
import RollcallTUI

/// Work a school's screen asks for that only the program can do.
public enum SchoolTask: ScreenTask, Hashable {
    /// Save a mark from the register.
    case save(MarkChange)
    /// Change a pupil's marks (an old N to O, from the follow-ups), with the reason.
    case amend(upn: UPN, sessions: [Session], to: AttendanceCode, reason: String)
    /// Add an entry to the interventions log.
    case log(Intervention)
    /// Delete a pupil's name from the admission register, after its ground's checks.
    case delete(Deletion)
    /// Write the termly pack (`rollcall report pack`) for a dashboard period.
    case pack(title: String, days: ClosedRange<CalendarDate>)

    public var failure: String {
        switch self {
        case .save: "Not saved"
        case .amend: "Not amended"
        case .log: "Not logged"
        case .delete: "Not deleted"
        case .pack: "No pack written"
        }
    }
}
