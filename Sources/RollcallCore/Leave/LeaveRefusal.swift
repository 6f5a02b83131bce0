/// Why a request for leave, or its decision, cannot be logged: each in words that say
/// what the guidance asks instead.
public enum LeaveRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    case backwards(Session, Session)
    case notASchoolSession(Session)
    case noSessions
    case receivedAfterToday(CalendarDate, today: CalendarDate)
    case retrospective(received: CalendarDate, first: Session)
    case offRoll(String, Session)
    case needsEvidence(LeaveKind, String)
    case notAContact(String, [String])
    case ambiguousApplicant(String, [String])
    case notAParentLivedWith(String, LeaveKind)
    case needsReason
    case noSuchRequest(Int)
    case decided(Int, LeaveApplication.Outcome)
    case withdrawn(Int)
    case notAsked(Session, Int)
    case begun(Session)

    public var description: String {
        switch self {
        case let .backwards(first, last):
            "the leave would end (\(last)) before it begins (\(first))"
        case let .notASchoolSession(session):
            "\(session) is not a school session: leave is asked for the pupil's school sessions"
        case .noSessions:
            "no school session is asked for"
        case let .receivedAfterToday(received, today):
            "--received \(received) is after today (\(today))"
        case let .retrospective(received, first):
            "received \(received), after the first session asked for (\(first)): leave is never granted retrospectively"
        case let .offRoll(name, session):
            "\(name) is not on roll on \(session.date): leave is only for a pupil's own sessions"
        case let .needsEvidence(kind, needed):
            "leave for \(kind.title.lowercased()) needs --evidence: \(needed)"
        case let .notAContact(typed, contacts):
            "\(EntryLimits.quoted(typed)) is not a contact of the pupil on record "
                + (contacts.isEmpty ? "(the pupil has none; 'rollcall import contacts' adds them)"
                                    : "(" + contacts.map { EntryLimits.quoted($0) }.joined(separator: ", ") + ")")
        case let .ambiguousApplicant(typed, candidates):
            "\(EntryLimits.quoted(typed)) could be " + candidates.map { EntryLimits.quoted($0) }.joined(separator: " or ")
                + ": give the applicant's whole name"
        case let .notAParentLivedWith(name, kind):
            "\(EntryLimits.quoted(name)) is not a parent the pupil normally lives with: only such a parent may ask for leave "
                + "for \(kind.title.lowercased()) (regulation 11)"
        case .needsReason:
            "a decision needs --reason: what the school weighed"
        case let .noSuchRequest(number):
            "there is no leave request \(number)"
        case let .decided(number, outcome):
            "leave request \(number) was already \(outcome.rawValue): a decision stands (a grant can be withdrawn before it begins)"
        case let .withdrawn(number):
            "leave request \(number) was withdrawn"
        case let .notAsked(session, number):
            "\(session) was not asked for in leave request \(number): a grant covers only sessions asked for"
        case let .begun(session):
            "\(session) has begun: leave is decided before it is taken, never retrospectively"
        }
    }
}
