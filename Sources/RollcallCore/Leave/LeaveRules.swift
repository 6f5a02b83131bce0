/// What the guidance lets a school do with leave of absence (reg 11; paragraphs 37-40):
/// a request comes in advance, from someone who may make it, for the pupil's school
/// sessions; it is decided once, by an authorised person, before the leave begins.
public enum LeaveRules {
    /// The school sessions from `from`'s `firstPart` to `to`'s `lastPart`. Each end must
    /// itself be a school session; the days between that are not (a weekend, a closure)
    /// are passed over.
    public static func sessions(from: CalendarDate, _ firstPart: Session.Part = .am, to: CalendarDate, _ lastPart: Session.Part = .pm,
                                calendar: SchoolCalendar) throws(LeaveRefusal) -> [Session] {
        let first = Session(from, firstPart), last = Session(to, lastPart)
        guard first <= last else { throw .backwards(first, last) }
        for end in [first, last] where !calendar.isSchoolSession(end) { throw .notASchoolSession(end) }
        return calendar.sessions(in: from...to).filter { $0 >= first && $0 <= last }
    }

    /// The request, checked: received by today and no later than the first session asked
    /// for, for sessions the pupil is on roll, from one of the pupil's contacts (a parent
    /// the pupil lives with where the kind needs one), with the evidence the kind needs.
    /// The applicant comes back named as the contacts name them.
    public static func request(_ request: LeaveRequest, pupil: Pupil, contacts: [Contact], today: CalendarDate) throws(LeaveRefusal) -> LeaveRequest {
        guard let first = request.sessions.first else { throw .noSessions }
        guard request.received <= today else { throw .receivedAfterToday(request.received, today: today) }
        guard request.received <= first.date else { throw .retrospective(received: request.received, first: first) }
        if let off = request.sessions.first(where: { !pupil.isOnRoll(on: $0.date) }) { throw .offRoll(pupil.listName, off) }
        if let needed = request.kind.evidenceNeeded, request.evidence == nil { throw .needsEvidence(request.kind, needed) }
        let own = contacts.filter { $0.upn == pupil.upn }
        let applicant: Contact
        do {
            applicant = try ParentName.match(request.applicant, among: own)
        } catch {
            switch error {
            case let .ambiguousParent(typed, candidates): throw .ambiguousApplicant(typed, candidates)
            default: throw .notAContact(request.applicant, own.map(\.name))
            }
        }
        if request.kind.needsParentLivedWith, applicant.role != .parent || !applicant.livesWithPupil {
            throw .notAParentLivedWith(applicant.name, request.kind)
        }
        return LeaveRequest(upn: request.upn, kind: request.kind, sessions: request.sessions, applicant: applicant.name,
                            received: request.received, evidence: request.evidence, note: request.note)
    }

    /// Whether `sessions` may be granted on `application`: still to decide, each asked
    /// for, and the first not yet begun (`hasBegun`, on the school's clock).
    public static func checkGrant(_ application: LeaveApplication, sessions: [Session], reason: String,
                                  hasBegun: (Session) -> Bool) throws(LeaveRefusal) {
        try checkUndecided(application, reason: reason)
        guard let first = sessions.min() else { throw .noSessions }
        if let stray = sessions.first(where: { !application.request.sessions.contains($0) }) { throw .notAsked(stray, application.number) }
        guard !hasBegun(first) else { throw .begun(first) }
    }

    /// Whether the application may be refused: still to decide, with a reason.
    public static func checkUndecided(_ application: LeaveApplication, reason: String) throws(LeaveRefusal) {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw .needsReason }
        switch application.outcome {
        case .undecided: return
        case .withdrawn: throw .withdrawn(application.number)
        case .granted, .refused: throw .decided(application.number, application.outcome)
        }
    }

    /// Whether the application may be withdrawn: not already, and, if granted, before its
    /// first granted session has begun (leave taken stays taken).
    public static func checkWithdrawal(_ application: LeaveApplication, reason: String, hasBegun: (Session) -> Bool) throws(LeaveRefusal) {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw .needsReason }
        if application.outcome == .withdrawn { throw .withdrawn(application.number) }
        if let first = application.grantedSessions.first, hasBegun(first) { throw .begun(first) }
    }
}
