/// Where a pupil stands against the penalty-notice threshold as of a day.
public struct PenaltyPosition: Hashable, Sendable {
    public let window: PenaltyWindow
    /// Sessions coded `G N O U` in the window.
    public let unauthorisedSessions: Int

    public init(window: PenaltyWindow, calendar: SchoolCalendar, code: (Session) -> AttendanceCode?) {
        self.window = window
        unauthorisedSessions = calendar.sessions(in: window.days).count { code($0)?.isUnauthorised == true }
    }

    /// 10 or more: a penalty notice must be considered (support first).
    public var thresholdReached: Bool {
        unauthorisedSessions >= PenaltyThreshold.unauthorisedSessions
    }
}
