import RollcallCore

/// What a letter's placeholders are filled with: the school's name, the family, and the
/// pupil's figures for the year so far, all from Core.
public enum LetterValues {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
                         "December"]

    /// `6 October 2025`, as a letter writes a day.
    static func long(_ day: CalendarDate) -> String { "\(day.day) \(months[day.month - 1]) \(day.year)" }

    /// `6 October 2025 (morning)`.
    static func long(_ session: Session) -> String { "\(long(session.date)) (\(session.part == .am ? "morning" : "afternoon"))" }

    public static func values(for pupil: Pupil, school: School, records: SchoolRecords, contacts: [Contact],
                              asOf date: CalendarDate, signatory: String) -> [String: String] {
        let long: (CalendarDate) -> String = { Self.long($0) }
        let start = records.calendar.academicYear(containing: date)?.firstDay ?? date
        let figures = AttendanceFigures.yearSoFar(of: pupil, asOf: date, calendar: records.calendar) { records.book.code(for: pupil.upn, at: $0) }
            ?? AttendanceFigures(AttendanceTally())
        let position = PenaltyWindow(asOf: date, calendar: records.calendar).map { window in
            PenaltyPosition(window: window, calendar: records.calendar) { records.book.code(for: pupil.upn, at: $0) }
        }
        let parents = contacts.filter { $0.upn == pupil.upn && $0.role == .parent }
        let addressed = parents.filter(\.livesWithPupil).isEmpty ? parents : parents.filter(\.livesWithPupil)
        return [
            "school": school.name,
            "date": long(date),
            "parent": addressed.isEmpty ? "Parent or carer" : addressed.map(\.name).joined(separator: " and "),
            "pupil": "\(pupil.displayForename) \(pupil.surname)",
            "forename": pupil.displayForename,
            "form": pupil.form,
            "year_group": String(pupil.yearGroup),
            "period_start": long(start),
            "possible_sessions": String(figures.possible),
            "sessions_missed": String(figures.tally.absent),
            "unauthorised_sessions": String(figures.tally.unauthorisedAbsence),
            "attendance_rate": figures.attendanceRate.map { "\($0)%" } ?? "-",
            "absence_rate": figures.absenceRate.map { "\($0)%" } ?? "-",
            "penalty_sessions": String(position?.unauthorisedSessions ?? 0),
            "penalty_window_start": position.map { long($0.window.start) } ?? "-",
            "signatory": signatory,
        ]
    }

    /// A request for leave, for the leave letters: addressed to whoever asked.
    public static func leave(_ application: LeaveApplication) -> [String: String] {
        let request = application.request, granted = application.grantedSessions
        func session(_ session: Session?) -> String { session.map { long($0) } ?? "-" }
        return [
            "applicant": request.applicant,
            "leave_kind": request.kind.title.lowercased(),
            "leave_received": long(request.received),
            "leave_first": session(request.sessions.first),
            "leave_last": session(request.sessions.last),
            "leave_asked": String(request.sessions.count),
            "leave_granted": String(granted.count),
            "granted_first": session(granted.first),
            "granted_last": session(granted.last),
            "leave_reason": application.decision?.reason ?? "",
        ]
    }
}
