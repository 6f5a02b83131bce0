/// A duty of section 5 of the guidance that Rollcall turns into a list. The raw values
/// are a contract: scripts read them from `rollcall report followups`.
public enum FollowUpRule: String, CaseIterable, Sendable {
    case firstDayCall = "first-day-call"
    case tellSocialWorker = "tell-social-worker"
    case resolveN = "resolve-n"
    case notifyLAUnauthorised10 = "notify-la-unauthorised-10"
    case notifyLAIllness15 = "notify-la-illness-15"
    case penaltyThreshold = "penalty-threshold"
    case partTimeReview = "part-time-review"
    case deletion20Days = "deletion-20-days"
    case admissionDetails = "admission-details"
    case laReturnAdmission = "la-return-admission"
    case laReturnDeletion = "la-return-deletion"
    case leaveToDecide = "leave-to-decide"
    case leaveRefusedTaken = "leave-refused-taken"
    case offsiteUnconfirmed = "offsite-unconfirmed"
    case ctfDue = "ctf-due"

    /// What puts a pupil on the list.
    public var rule: String {
        switch self {
        case .firstDayCall: "an unexplained absence (N) today and no contact logged today"
        case .tellSocialWorker: "an unexplained absence (N) today for a pupil with a social worker or youth justice worker"
        case .resolveN: "an N with 5 or more school days after it"
        case .notifyLAUnauthorised10: "10 school days in a row of unauthorised absence (G N O U)"
        case .notifyLAIllness15: "15 school days of illness (I), in a row or in all this year"
        case .penaltyThreshold: "\(PenaltyThreshold.unauthorisedSessions) or more unauthorised sessions in the rolling \(PenaltyThreshold.window)"
        case .partTimeReview: "a part-time timetable whose review date has passed"
        case .deletion20Days: "20 school days in a row coded G, N or O"
        case .admissionDetails: "an entry in the admission register without an item regulation 8 asks for"
        case .laReturnAdmission: "a name entered this year: the local authority's return is due by the end of the 5th day after"
        case .laReturnDeletion: "a name deleted: the local authority's return is due no later than the deletion"
        case .leaveToDecide: "a request for leave of absence without a decision: due before its first session"
        case .leaveRefusedTaken: "unauthorised absence during leave that was refused"
        case .offsiteUnconfirmed: "a session the pupil was expected off site with no mark once the school day is over"
        case .ctfDue: "a name deleted without a Common Transfer File sent since: due within 15 days of the deletion"
        }
    }

    /// What takes the pupil off the list.
    public var clears: String {
        switch self {
        case .firstDayCall: "log a first-day call (or a home visit or meeting) for today"
        case .tellSocialWorker: "log worker-told for today"
        case .resolveN: "amend each N to the code the reason shows, or to O if none is found"
        case .notifyLAUnauthorised10, .notifyLAIllness15: "log la-notified on or after the day the count was reached"
        case .penaltyThreshold: "a notice to improve, a penalty notice or a decision not to issue, for these sessions"
        case .partTimeReview: "log part-time-review with the next review date, or part-time-ended"
        case .deletion20Days: "the pupil found, or deleted from roll on this ground after enquiries with the local authority"
        case .admissionDetails: "import the missing items (pupils: sex, address, starting_day; contacts: address, emergency_phone)"
        case .laReturnAdmission: "log la-return --about admission"
        case .laReturnDeletion: "log la-return --about deletion"
        case .leaveToDecide: "leave decide N --grant or --refuse, with the reason (or leave withdraw N)"
        case .leaveRefusedTaken: "code each session G (a holiday) or O; at 10 or more, a penalty notice or a decision not to issue for them"
        case .offsiteUnconfirmed: "mark each session: the placement's code, or the absence the provider reports"
        case .ctfDue: "rollcall export ctf --upn U --to LAESTAB (unknown or outside where the next school is not known)"
        }
    }

    /// The interventions whose logging clears the entry (dated as `clears` says), for
    /// rules that a log entry clears.
    public var clearedBy: Set<InterventionKind> {
        switch self {
        case .firstDayCall: [.firstDayCall, .homeVisit, .meeting]
        case .tellSocialWorker: [.workerTold]
        case .notifyLAUnauthorised10, .notifyLAIllness15: [.localAuthorityNotified]
        case .laReturnAdmission, .laReturnDeletion: [.localAuthorityReturn]
        case .resolveN, .penaltyThreshold, .partTimeReview, .deletion20Days, .admissionDetails, .leaveToDecide, .leaveRefusedTaken,
             .offsiteUnconfirmed, .ctfDue: []
        }
    }

    /// The one intervention that clears the entry with nothing more than a note: what a
    /// screen can log from the list itself.
    public var oneStepClearance: InterventionKind? {
        switch self {
        case .firstDayCall: .firstDayCall
        case .tellSocialWorker: .workerTold
        case .notifyLAUnauthorised10, .notifyLAIllness15: .localAuthorityNotified
        case .resolveN, .penaltyThreshold, .partTimeReview, .deletion20Days, .admissionDetails, .laReturnAdmission, .laReturnDeletion,
             .leaveToDecide, .leaveRefusedTaken, .offsiteUnconfirmed, .ctfDue: nil
        }
    }

    public var title: String {
        switch self {
        case .firstDayCall: "First-day call"
        case .tellSocialWorker: "Tell the worker"
        case .resolveN: "Resolve N"
        case .notifyLAUnauthorised10: "LA: 10 days unauth"
        case .notifyLAIllness15: "LA: 15 days ill"
        case .penaltyThreshold: "Penalty threshold"
        case .partTimeReview: "Part-time review"
        case .deletion20Days: "Deletion: 20 days"
        case .admissionDetails: "Admission details"
        case .laReturnAdmission: "LA return: admission"
        case .laReturnDeletion: "LA return: deletion"
        case .leaveToDecide: "Leave to decide"
        case .leaveRefusedTaken: "Leave refused, taken"
        case .offsiteUnconfirmed: "Off site unconfirmed"
        case .ctfDue: "CTF due"
        }
    }
}
