/// Where a school's absence fell over a period: sessions missed by code (the reason),
/// and by weekday and session. Governors ask "why" and "when" before "who".
///
/// It walks the same sessions `AttendanceTally` counts (the open sessions on which each
/// pupil was on roll), so its codes add up to the period's authorised and unauthorised
/// absence in `rollcall report summary`.
public struct AbsenceBreakdown: Sendable {
    /// Absence codes with at least one session, authorised first, most sessions first.
    public let byCode: [(code: AttendanceCode, sessions: Int)]
    /// Monday AM to Friday PM, over every pupil.
    public let byWeekday: WeekdayPattern

    public init(_ rows: [PupilAttendance], book: AttendanceBook, calendar: SchoolCalendar, period: ClosedRange<CalendarDate>) {
        let sessions = calendar.sessions(in: period)
        var counts: [AttendanceCode: Int] = [:]
        var pattern = WeekdayPattern()
        for pupil in rows.map(\.pupil) {
            guard let onRoll = pupil.onRoll(during: period), let row = book.row(of: pupil.upn) else { continue }
            for session in sessions where onRoll.contains(session.date) {
                guard let code = row.code(at: session) else { continue }
                pattern.add(session, code)
                if code.category.countsAsAbsence { counts[code, default: 0] += 1 }
            }
        }
        byCode = counts.sorted { lhs, rhs in
            let left = (lhs.key.category == .authorisedAbsence ? 0 : 1, -lhs.value, lhs.key.symbol)
            let right = (rhs.key.category == .authorisedAbsence ? 0 : 1, -rhs.value, rhs.key.symbol)
            return left < right
        }.map { ($0.key, $0.value) }
        byWeekday = pattern
    }
}
