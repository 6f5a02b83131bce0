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
