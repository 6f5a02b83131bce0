/// The whole school's figures week by week: the trend a dashboard draws.
public struct WeeklyTrend: Sendable {
    public struct Week: Hashable, Sendable {
        public let week: SchoolWeek
        public let figures: AttendanceFigures
    }

    /// Oldest first, one entry per school week.
    public let weeks: [Week]

    /// Every school week from the start of `days` up to its end, each counted only up to
    /// that end (so this week stops at today). Pupil by pupil, each pupil's row looked up
    /// once for all the weeks: a year is 40 weeks of 2,000 pupils.
    public init(_ records: SchoolRecords, days: ClosedRange<CalendarDate>) {
        var spans: [(week: SchoolWeek, days: ClosedRange<CalendarDate>, sessions: [Session])] = []
        var monday = days.lowerBound.monday
        while monday <= days.upperBound {
            if records.calendar.schoolWeek(containing: monday) != nil {
                let span = max(monday, days.lowerBound)...min(monday.advanced(by: 6), days.upperBound)
                spans.append((SchoolWeek(monday: monday), span, records.calendar.sessions(in: span)))
            }
            monday = monday.advanced(by: 7)
        }
        var tallies = [AttendanceTally](repeating: AttendanceTally(), count: spans.count)
        for pupil in records.pupils {
            let row = records.book.row(of: pupil.upn)
            for (index, span) in spans.enumerated() {
                tallies[index] += AttendanceTally(pupil: pupil, period: span.days, sessions: span.sessions) { row?.code(at: $0) }
            }
        }
        weeks = zip(spans, tallies).map { Week(week: $0.week, figures: AttendanceFigures($1)) }
    }
}
