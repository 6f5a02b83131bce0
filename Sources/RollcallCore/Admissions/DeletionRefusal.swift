/// Why a deletion was not made: the one condition of its ground, or of the register,
/// that the records or the request do not meet, in a sentence that says what to do.
public enum DeletionRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    case reasonRequired
    case unfit(field: String, String)
    case backdated(date: CalendarDate, today: CalendarDate)
    case notOnRoll(date: CalendarDate)
    case alreadyDeleted(on: CalendarDate)
    case needs(DeletionGround, String)
    case notConfirmed(DeletionGround, DeletionConfirmation)
    /// (i): the run of G, N and O days before the deletion is too short; where it broke.
    case shortRun(days: Int, brokenBy: String?)
    case noJointEnquiries(since: CalendarDate)
    /// (h): too few school days since the leave ended.
    case tooSoonAfterLeave(ended: CalendarDate, schoolDays: Int)
    case attendedAfterLeave(Session, AttendanceCode)
    case notDeleted
    /// A deletion for a later day on a ground whose fact cannot be known yet.
    case cannotBeLinedUp(DeletionGround, date: CalendarDate, today: CalendarDate)
    /// A fact the ground rests on dated after today.
    case factAfterToday(DeletionFact, date: CalendarDate, today: CalendarDate)

    public var description: String {
        switch self {
        case .reasonRequired:
            "a deletion needs a reason (--reason), kept with it"
        case let .unfit(field, problem):
            "the deletion's \(field) \(problem)"
        case let .backdated(date, today):
            "a deletion cannot be dated before today (\(today)); \(date) would backdate the register"
        case let .notOnRoll(date):
            "the pupil is not on roll on \(date)"
        case let .alreadyDeleted(date):
            "the pupil's name is deleted from \(date) already (a deletion stands, even one lined up for a later day); "
                + "'rollcall admission readmit' undoes a deletion made in error"
        case let .needs(ground, what):
            "ground \(ground.label) (\(ground.title)) needs \(what)"
        case let .notConfirmed(ground, confirmation):
            "ground \(ground.label) (\(ground.title)) needs --confirm \(confirmation.key): \(confirmation.text)"
        case let .shortRun(days, brokenBy):
            "ground \(DeletionGround.i.label) needs at least \(DeletionCheck.continuousDays) school days in a row, up to the deletion, "
                + "every session G, N or O: there \(days == 1 ? "is" : "are") \(days)" + (brokenBy.map { ", broken by \($0)" } ?? "")
        case let .noJointEnquiries(since):
            "ground \(DeletionGround.i.label) needs the school's and the local authority's joint enquiries logged on or after \(since) "
                + "(rollcall intervention add la-joint-enquiries --upn UPN)"
        case let .tooSoonAfterLeave(ended, schoolDays):
            "ground \(DeletionGround.h.label) needs at least \(DeletionCheck.daysAfterLeave) school days since the leave ended on \(ended): "
                + "there \(schoolDays == 1 ? "has" : "have") been \(schoolDays)"
        case let .attendedAfterLeave(session, code):
            "ground \(DeletionGround.h.label) is not met: the pupil attended on \(session) (\(code.symbol)) after the leave ended"
        case let .cannotBeLinedUp(ground, date, today):
            "ground \(ground.label) (\(ground.title)) rests on something that must have happened: a deletion on it is made on "
                + "the day, not lined up for \(date) from \(today) ('rollcall admission grounds' says which grounds can be)"
        case let .factAfterToday(fact, date, today):
            "\(fact.title) (\(fact.option) \(date)) is after today (\(today)): a deletion rests only on what has happened"
        case .notDeleted:
            "the pupil's name has not been deleted: there is nothing to readmit"
        }
    }
}
