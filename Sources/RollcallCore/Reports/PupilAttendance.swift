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
        return pupils
            .filter { book.hasMark(for: $0.upn, in: period) }
            .sorted { $0.upn < $1.upn }
            .map { pupil in
                let row = book.row(of: pupil.upn)
                let tally = AttendanceTally(pupil: pupil, period: period, sessions: sessions) { row?.code(at: $0) }
                return PupilAttendance(pupil: pupil, figures: AttendanceFigures(tally))
            }
    }
}
