/// Something a member of staff asks Rollcall to do, for deciding whether they may.
public enum StaffAction: Hashable, Sendable {
    /// Recording marks in a group's register for a session.
    case mark(group: String, session: Session)
    /// Changing a mark a register already holds.
    case amend(group: String, session: Session)
    /// Importing pupils, calendars, staff or marks.
    case importData
    /// Reading figures, reports, exports and the audit.
    case review
    /// Logging an intervention: calls and letters by anyone on the staff list, notices,
    /// decisions and the local authority by the attendance staff.
    case log(InterventionKind)
    /// Adding or removing a member of staff's SSH key: who can reach the school.
    case manageKeys
    /// Deleting a pupil's name from the admission register, or undoing a deletion.
    case changeAdmissionRegister
    /// Changing a calendar's days gone by: every figure rests on them.
    case amendCalendar
    /// Changing the school's settings (its LAESTAB): what the DfE knows it by.
    case changeSettings
    /// Logging a request for leave of absence on a parent's behalf, or its withdrawal.
    case requestLeave
    /// Granting or refusing leave: only a person the proprietor authorised (reg 11(1)).
    case decideLeave
    /// Recording an off-site placement, or ending one.
    case arrangeOffsite
}

extension StaffAction {
    /// What putting `mark` where `existing` stands asks permission for: an amendment when
    /// a mark is there and this changes it in any way or clears it (`Mark.amends`,
    /// `Register.record`), else marking. The register screen and `rollcall mark` both ask.
    public static func recording(_ mark: Mark?, over existing: Mark?, group: String, session: Session) -> StaffAction {
        let amends = mark.map { $0.amends(existing) } ?? (existing != nil)
        return amends ? .amend(group: group, session: session) : .mark(group: group, session: session)
    }
}
