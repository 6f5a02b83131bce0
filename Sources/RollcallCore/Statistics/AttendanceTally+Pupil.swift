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
        self.init()
        guard let onRoll = pupil.onRoll(during: period) else { return }
        for session in calendar.sessions(in: onRoll) {
            add(code(session))
        }
    }
}
