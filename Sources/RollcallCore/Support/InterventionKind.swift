/// What a school did for, or about, a pupil's attendance. The raw values are what the
/// store, the CSV and the command line use.
public enum InterventionKind: String, CaseIterable, Sendable, Codable {
    case firstDayCall = "first-day-call"
    case letter
    case meeting
    case homeVisit = "home-visit"
    case earlyHelpReferral = "early-help-referral"
    case attendanceContract = "attendance-contract"
    /// A part-time timetable agreed with a parent; it carries its review date.
    case partTimeTimetable = "part-time-timetable"
    /// A part-time timetable reviewed and continued, with its next review date.
    case partTimeReview = "part-time-review"
    case partTimeEnded = "part-time-ended"
    case noticeToImprove = "notice-to-improve"
    /// Issued to one parent, for the sessions it names.
    case penaltyNoticeIssued = "penalty-notice-issued"
    case penaltyNoticePaid = "penalty-notice-paid"
    case penaltyNoticeWithdrawn = "penalty-notice-withdrawn"
    /// A decision, with its reason, not to issue a notice for the sessions it names.
    case decisionNotToIssue = "decision-not-to-issue"
    case localAuthorityReferral = "la-referral"
    /// The local authority told, as the guidance requires (10 days unauthorised, 15 ill).
    case localAuthorityNotified = "la-notified"
    /// The pupil's social worker or youth justice worker told of an unexplained absence.
    case workerTold = "worker-told"
    /// The school and the local authority tried together to find a pupil who is missing:
    /// what deletion on ground (i) needs.
    case localAuthorityJointEnquiries = "la-joint-enquiries"
    /// A return made to the local authority (regulation 13), about an admission or a deletion.
    case localAuthorityReturn = "la-return"

    /// Help offered to the family: what a school must show before a penalty notice.
    public var isSupport: Bool {
        switch self {
        case .letter, .meeting, .homeVisit, .earlyHelpReferral, .attendanceContract, .partTimeTimetable, .partTimeReview:
            true
        default:
            false
        }
    }

    public var title: String {
        switch self {
        case .firstDayCall: "First-day call"
        case .letter: "Letter"
        case .meeting: "Meeting"
        case .homeVisit: "Home visit"
        case .earlyHelpReferral: "Early-help referral"
        case .attendanceContract: "Attendance contract"
        case .partTimeTimetable: "Part-time timetable agreed"
        case .partTimeReview: "Part-time timetable reviewed"
        case .partTimeEnded: "Part-time timetable ended"
        case .noticeToImprove: "Notice to improve"
        case .penaltyNoticeIssued: "Penalty notice issued"
        case .penaltyNoticePaid: "Penalty notice paid"
        case .penaltyNoticeWithdrawn: "Penalty notice withdrawn"
        case .decisionNotToIssue: "Decision not to issue a notice"
        case .localAuthorityReferral: "Referral to the local authority"
        case .localAuthorityNotified: "Local authority notified"
        case .workerTold: "Social / youth justice worker told"
        case .localAuthorityJointEnquiries: "Joint enquiries with the local authority"
        case .localAuthorityReturn: "Return to the local authority"
        }
    }
}
