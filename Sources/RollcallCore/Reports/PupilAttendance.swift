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

extension PupilAttendance {
    /// The same report from counts of codes by pupil (as a database gives them, over the
    /// open sessions each pupil was on roll for): a pupil is reported when they have any
    /// mark in the period, a key of `counts` even with nothing counted.
    public static func report(
        _ pupils: [Pupil], counts: [UPN: [AttendanceCode: Int]], calendar: SchoolCalendar, period: ClosedRange<CalendarDate>
    ) -> [PupilAttendance] {
        let sessions = calendar.sessions(in: period)
        return pupils
            .filter { counts[$0.upn] != nil }
            .sorted { $0.upn < $1.upn }
            .map { pupil in
                let tally = AttendanceTally(pupil: pupil, period: period, sessions: sessions, counts: counts[pupil.upn] ?? [:])
                return PupilAttendance(pupil: pupil, figures: AttendanceFigures(tally))
            }
    }
}
