/// One pupil on one follow-up list: the rule, the evidence, and in words what happened.
public struct FollowUp: Sendable {
    public let pupil: Pupil
    public let rule: FollowUpRule
    /// What happened, in a sentence a member of staff acts on: with the numbers to ring
    /// where the rule is a call, for the school's own eyes.
    public let detail: String
    /// The same sentence without any contact's name, relationship, telephone or address:
    /// all that leaves the school (a trust's view). Contacts stay in the school.
    public let sharedDetail: String
    /// The sessions behind the entry, where it is about sessions.
    public let sessions: [Session]
    /// The school days counted, where it is about days.
    public let schoolDays: Int?
    /// Where the run, or the wait, began.
    public let since: CalendarDate?
    /// For the penalty threshold: the support so far and what comes next.
    public let penalty: PenaltyFollowUp?
    /// Still to act on. Only penalty-threshold entries stay listed once acted on, because
    /// that list is, by contract, the penalty report's pupils.
    public let isOpen: Bool

    /// `FollowUps` makes these; a trust rebuilds them from what a school published.
    /// `shared` is `detail` where the sentence names no contact.
    public init(_ pupil: Pupil, _ rule: FollowUpRule, _ detail: String, shared: String? = nil, sessions: [Session] = [], schoolDays: Int? = nil,
         since: CalendarDate? = nil, penalty: PenaltyFollowUp? = nil, isOpen: Bool = true) {
        self.pupil = pupil
        self.rule = rule
        self.detail = detail
        sharedDetail = shared ?? detail
        self.sessions = sessions
        self.schoolDays = schoolDays
        self.since = since
        self.penalty = penalty
        self.isOpen = isOpen
    }

    /// The entry as it may leave the school (a trust's view, `report followups --shared`):
    /// its words without any contact, and a penalty notice's parent as "parent 1",
    /// "parent 2", in the order the school's contacts list them.
    public var shared: FollowUp {
        FollowUp(pupil, rule, sharedDetail, sessions: sessions, schoolDays: schoolDays, since: since,
                 penalty: penalty.map { penalty in
                     PenaltyFollowUp(unauthorisedSessions: penalty.unauthorisedSessions, sessionsNotYetActedOn: penalty.sessionsNotYetActedOn,
                                     support: penalty.support, nextStep: penalty.nextStep,
                                     notices: penalty.notices.enumerated().map { ParentNotices(parent: "parent \($0.offset + 1)", inLastThreeYears: $0.element.inLastThreeYears) })
                 },
                 isOpen: isOpen)
    }
}

/// What the penalty-threshold entry knows beyond the count: support first.
public struct PenaltyFollowUp: Sendable {
    public let unauthorisedSessions: Int
    /// Unauthorised sessions in the window not already tied to a notice or a decision.
    public let sessionsNotYetActedOn: Int
    /// Support logged from the start of the academic year (or the window, if earlier).
    public let support: [InterventionRecord]
    public let nextStep: String
    public let notices: [ParentNotices]

    public init(unauthorisedSessions: Int, sessionsNotYetActedOn: Int, support: [InterventionRecord], nextStep: String,
                notices: [ParentNotices]) {
        self.unauthorisedSessions = unauthorisedSessions
        self.sessionsNotYetActedOn = sessionsNotYetActedOn
        self.support = support
        self.nextStep = nextStep
        self.notices = notices
    }

    public var supportEvidenced: Bool { !support.isEmpty }
}
