/// What leave of absence is asked for: the only grounds regulation 11 lets a school
/// grant it on (a part-time timetable, C2, is agreed through the interventions log). The
/// raw values are what the command line and the leave log use.
public enum LeaveKind: String, CaseIterable, Sendable {
    /// Exceptional circumstances, the school deciding how many days (a holiday is
    /// generally not exceptional): C.
    case exceptional
    /// A regulated performance, under a local authority's licence or exemption: C1.
    case performance
    /// Regulated employment abroad, under a justice's licence: C1.
    case employmentAbroad = "employment-abroad"
    /// An interview for employment or a place at another institution: J1.
    case interview
    /// Study for a public examination, agreed in advance: S.
    case examStudy = "exam-study"

    /// The code each granted session is marked with.
    public var code: AttendanceCode {
        switch self {
        case .exceptional: .exceptionalCircumstances
        case .performance, .employmentAbroad: .performanceOrEmploymentAbroad
        case .interview: .interview
        case .examStudy: .examStudy
        }
    }

    /// Whether only a parent the pupil normally lives with may apply (reg 11(2), (6)).
    public var needsParentLivedWith: Bool {
        switch self {
        case .exceptional, .performance, .employmentAbroad: true
        case .interview, .examStudy: false
        }
    }

    /// What must come with the request, where the grant rests on a document.
    public var evidenceNeeded: String? {
        switch self {
        case .performance: "the local authority's licence (or exemption) for the performance"
        case .employmentAbroad: "the justice's licence for the employment abroad"
        case .exceptional, .interview, .examStudy: nil
        }
    }

    public var title: String {
        switch self {
        case .exceptional: "Exceptional circumstances"
        case .performance: "Regulated performance"
        case .employmentAbroad: "Employment abroad"
        case .interview: "Interview"
        case .examStudy: "Exam study"
        }
    }
}
