extension AttendanceTally {
    /// Tallies one pupil over a period: every open school session on which the pupil was
    /// on roll, with the pupil's code for it or counted as missing.
    ///
    /// The calendar, not the marks, says which sessions there were, so a register that
    /// was never taken shows up as missing rather than vanishing from the figures.
    public init(
        pupil: Pupil, period: ClosedRange<CalendarDate>, calendar: SchoolCalendar,
        code: (Session) -> AttendanceCode?
    ) {
        self.init(pupil: pupil, period: period, sessions: calendar.sessions(in: period), code: code)
    }

    /// The same, with the period's sessions worked out once for a whole school.
    init(pupil: Pupil, period: ClosedRange<CalendarDate>, sessions: [Session], code: (Session) -> AttendanceCode?) {
        self.init()
        guard let onRoll = pupil.onRoll(during: period) else { return }
        for session in sessions where onRoll.contains(session.date) {
            add(code(session))
        }
    }
}

extension AttendanceTally {
    /// Tallies one pupil from how many of each code a database counted on the open
    /// sessions of `sessions` on which the pupil was on roll: the sessions left over are
    /// missing, as the walk above counts them. So a trust that counts in SQL gets the
    /// figures a school's own walk gives.
    public init(pupil: Pupil, period: ClosedRange<CalendarDate>, sessions: [Session], counts: [AttendanceCode: Int]) {
        self.init()
        for (code, count) in counts {
            for _ in 0..<count { add(code) }
        }
        guard let onRoll = pupil.onRoll(during: period) else { return }
        let onRollSessions = sessions.count { onRoll.contains($0.date) }
        missing = max(0, onRollSessions - (possible + notCounted))
    }
}
