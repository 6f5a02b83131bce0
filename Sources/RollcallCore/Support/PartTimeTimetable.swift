/// Where a pupil's part-time timetable stands: one rule for the register's `PT` flag
/// and the follow-up that asks for its review.
///
/// A part-time timetable is agreed with the family and logged (`part-time-timetable`,
/// with a review date), reviewed (`part-time-review`, with the next) and ended
/// (`part-time-ended`); the latest of these on or before a day says where it stands. A
/// school that codes `C2` without logging the agreement still has the pupil on one: with
/// no part-time entry in the log, a `C2` this academic year up to the day counts.
public enum PartTimeTimetable {
    static let kinds: Set<InterventionKind> = [.partTimeTimetable, .partTimeReview, .partTimeEnded]

    /// The pupil's latest part-time entry on or before `day`, the later-logged of two on
    /// the same day.
    public static func latest(for upn: UPN, in log: [InterventionRecord], asOf day: CalendarDate) -> InterventionRecord? {
        log.filter { $0.intervention.upn == upn && kinds.contains($0.intervention.kind) && $0.intervention.date <= day }
            .max { ($0.intervention.date, $0.number) < ($1.intervention.date, $1.number) }
    }

    /// Whether the pupil is on a part-time timetable on `day`.
    public static func isOn(_ pupil: Pupil, asOf day: CalendarDate, log: [InterventionRecord], book: AttendanceBook,
                            calendar: SchoolCalendar) -> Bool {
        if let latest = latest(for: pupil.upn, in: log, asOf: day) { return latest.intervention.kind != .partTimeEnded }
        guard let year = calendar.yearSoFar(asOf: day), let row = book.row(of: pupil.upn) else { return false }
        // Read in place, a half day at a time: every pupil of the TSM list asks.
        let partTime = AttendanceCode.partTimeTimetable.number
        var date = year.lowerBound
        while date <= year.upperBound {
            if Session.Part.allCases.contains(where: { row.number(at: Session(date, $0)) == partTime }) { return true }
            date = date.advanced(by: 1)
        }
        return false
    }
}
