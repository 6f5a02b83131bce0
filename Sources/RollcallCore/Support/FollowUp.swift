/// One pupil on one follow-up list: the rule, the evidence, and in words what happened.
public struct FollowUp: Sendable {
    public let pupil: Pupil
    public let rule: FollowUpRule
    /// What happened, in a sentence a member of staff acts on.
    public let detail: String
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
    public init(_ pupil: Pupil, _ rule: FollowUpRule, _ detail: String, sessions: [Session] = [], schoolDays: Int? = nil,
         since: CalendarDate? = nil, penalty: PenaltyFollowUp? = nil, isOpen: Bool = true) {
        self.pupil = pupil
        self.rule = rule
        self.detail = detail
        self.sessions = sessions
        self.schoolDays = schoolDays
        self.since = since
        self.penalty = penalty
        self.isOpen = isOpen
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
