/// A pupil at or over the penalty-notice threshold: a row of the penalty list.
public struct PupilPenalty: Hashable, Sendable {
    public let pupil: Pupil
    public let position: PenaltyPosition

    /// Every pupil whose unauthorised sessions in the window as of `date` reach
    /// `minimum` (the threshold unless asked otherwise), most sessions first, then by
    /// UPN. Empty when the calendar has no school week on or before the day.
    public static func report(
        _ pupils: [Pupil], book: AttendanceBook, calendar: SchoolCalendar, asOf date: CalendarDate,
        minimum: Int = PenaltyThreshold.unauthorisedSessions
    ) -> [PupilPenalty] {
        guard let window = PenaltyWindow(asOf: date, calendar: calendar) else { return [] }
        let sessions = calendar.sessions(in: window.days)
        return pupils
            .map { pupil in
                let row = book.row(of: pupil.upn)
                return PupilPenalty(pupil: pupil, position: PenaltyPosition(window: window, sessions: sessions) { row?.code(at: $0) })
            }
            .filter { $0.position.unauthorisedSessions >= minimum }
            .sorted {
                ($0.position.unauthorisedSessions, $1.pupil.upn) > ($1.position.unauthorisedSessions, $0.pupil.upn)
            }
    }
}
