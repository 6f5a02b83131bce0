/// Where a pupil stands against the penalty-notice threshold as of a day.
public struct PenaltyPosition: Hashable, Sendable {
    public let window: PenaltyWindow
    /// The sessions coded `G N O U` in the window, oldest first: the evidence a notice
    /// decision rests on.
    public let unauthorised: [(session: Session, code: AttendanceCode)]

    public init(window: PenaltyWindow, calendar: SchoolCalendar, code: (Session) -> AttendanceCode?) {
        self.init(window: window, sessions: calendar.sessions(in: window.days), code: code)
    }

    /// The same, with the window's sessions worked out once for a whole school.
    init(window: PenaltyWindow, sessions: [Session], code: (Session) -> AttendanceCode?) {
        self.window = window
        unauthorised = sessions.compactMap { session in
            code(session).flatMap { $0.isUnauthorised ? (session, $0) : nil }
        }
    }

    public var unauthorisedSessions: Int { unauthorised.count }

    /// Close to the threshold but not at it: 7 to 9 sessions, worth support now.
    public var isClose: Bool {
        (PenaltyThreshold.closeFrom..<PenaltyThreshold.unauthorisedSessions).contains(unauthorisedSessions)
    }

    public static func == (lhs: PenaltyPosition, rhs: PenaltyPosition) -> Bool {
        lhs.window == rhs.window && lhs.unauthorised.elementsEqual(rhs.unauthorised) { $0 == $1 }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(window)
        hasher.combine(unauthorisedSessions)
    }

    /// 10 or more: a penalty notice must be considered (support first).
    public var thresholdReached: Bool {
        unauthorisedSessions >= PenaltyThreshold.unauthorisedSessions
    }
}
