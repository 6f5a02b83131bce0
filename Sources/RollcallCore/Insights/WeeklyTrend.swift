/// The whole school's figures week by week: the trend a dashboard draws.
public struct WeeklyTrend: Sendable {
    public struct Week: Hashable, Sendable {
        public let week: SchoolWeek
        public let figures: AttendanceFigures
    }

    /// Oldest first, one entry per school week.
    public let weeks: [Week]

    /// Every school week from the start of `days` up to its end, each counted only up to
    /// that end (so this week stops at today).
    public init(_ records: SchoolRecords, days: ClosedRange<CalendarDate>) {
        var weeks: [Week] = []
        var monday = days.lowerBound.monday
        while monday <= days.upperBound {
            if records.calendar.schoolWeek(containing: monday) != nil {
                let span = max(monday, days.lowerBound)...min(monday.advanced(by: 6), days.upperBound)
                let sessions = records.calendar.sessions(in: span)
                var tally = AttendanceTally()
                for pupil in records.pupils {
                    let row = records.book.row(of: pupil.upn)
                    tally += AttendanceTally(pupil: pupil, period: span, sessions: sessions) { row?.code(at: $0) }
                }
                weeks.append(Week(week: SchoolWeek(monday: monday), figures: AttendanceFigures(tally)))
            }
            monday = monday.advanced(by: 7)
        }
        self.weeks = weeks
    }
}
