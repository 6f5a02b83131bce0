/// One pupil's figures over a period: a row of the pupil report.
public struct PupilAttendance: Hashable, Sendable {
    public let pupil: Pupil
    public let figures: AttendanceFigures

    public init(pupil: Pupil, figures: AttendanceFigures) {
        self.pupil = pupil
        self.figures = figures
    }

    /// Figures for every pupil with at least one mark in the period, sorted by UPN.
    ///
    /// A pupil with no mark at all in the period (left before it, joined after it, or
    /// dual registered elsewhere with nothing recorded here) is not reported.
    public static func report(
        _ pupils: [Pupil], book: AttendanceBook, calendar: SchoolCalendar, period: ClosedRange<CalendarDate>
    ) -> [PupilAttendance] {
        let sessions = calendar.sessions(in: period)
        // The pupils' places sorted, not the pupils: a pupil is a large value to move.
        return pupils.indices
            .filter { book.hasMark(for: pupils[$0].upn, in: period) }
            .sorted { pupils[$0].upn < pupils[$1].upn }
            .map { index in
                let pupil = pupils[index], row = book.row(of: pupil.upn)
                let tally = AttendanceTally(pupil: pupil, period: period, sessions: sessions) { row?.code(at: $0) }
                return PupilAttendance(pupil: pupil, figures: AttendanceFigures(tally))
            }
    }
}
