/// The six kinds of attendance code in the 2024 regulations.
///
/// The category, not the letter, decides how a session counts: reg 10 tables 1-3 of
/// SI 2024/208 group the codes this way, and DfE statistics are built on the groups.
public enum CodeCategory: String, CaseIterable, Sendable, Codable {
    case present
    case approvedEducationalActivity
    case authorisedAbsence
    case unauthorisedAbsence
    case notCounted
    case administrative

    /// Whether sessions with a code of this category are possible sessions, the
    /// denominator of every attendance and absence rate.
    public var countsAsPossible: Bool {
        switch self {
        case .present, .approvedEducationalActivity, .authorisedAbsence, .unauthorisedAbsence: true
        case .notCounted, .administrative: false
        }
    }

    /// Whether the pupil counts as attending: present at school or at an approved,
    /// supervised educational activity off site.
    public var countsAsAttended: Bool {
        self == .present || self == .approvedEducationalActivity
    }

    /// Whether the session is an absence (authorised or not) for the absence rate.
    public var countsAsAbsence: Bool {
        self == .authorisedAbsence || self == .unauthorisedAbsence
    }

    /// The heading a person reads in a code list.
    public var title: String {
        switch self {
        case .present: "Present"
        case .approvedEducationalActivity: "Approved educational activity"
        case .authorisedAbsence: "Authorised absence"
        case .unauthorisedAbsence: "Unauthorised absence"
        case .notCounted: "Not counted in possible sessions"
        case .administrative: "Administrative"
        }
    }
}
