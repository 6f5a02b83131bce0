/// A pupil at or over the penalty-notice threshold: a row of the penalty list.
public struct PupilPenalty: Hashable, Sendable {
    public let pupil: Pupil
    public let position: PenaltyPosition

    /// Every pupil on roll on `date` whose unauthorised sessions in the window as of it
    /// reach `minimum` (the threshold unless asked otherwise), most sessions first, then
    /// by UPN. Empty when the calendar has no school week on or before the day. A pupil
    /// whose name was deleted is off the list: a notice is about a pupil of the school,
    /// and their history keeps every mark.
    public static func report(
        _ pupils: [Pupil], book: AttendanceBook, calendar: SchoolCalendar, asOf date: CalendarDate,
        minimum: Int = PenaltyThreshold.unauthorisedSessions
    ) -> [PupilPenalty] {
        guard let window = PenaltyWindow(asOf: date, calendar: calendar) else { return [] }
        let sessions = calendar.sessions(in: window.days)
        return pupils
            .filter { $0.isOnRoll(on: date) }
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
