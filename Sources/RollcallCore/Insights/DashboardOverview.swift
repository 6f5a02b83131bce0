/// What the dashboard's first frame shows: the register most recently due, the year's
/// weekly trend and each period's figures. It is worked out apart from the lists
/// (`Dashboard`), which take as long again, so that the lead sees the school's figures
/// at once and the lists' counts a moment later.
public struct DashboardOverview: Sendable {
    public let records: SchoolRecords
    public let today: CalendarDate
    /// Minutes after midnight as the dashboard works: when its afternoon register has closed.
    public let minute: Int
    /// The register most recently due: today's current session, or the last before.
    public let session: Session?
    /// The academic year so far, week by week.
    public let trend: WeeklyTrend

    public init(_ records: SchoolRecords, today: CalendarDate, minute: Int) {
        self.init(records, today: today, minute: minute, trend: DashboardOverview.trend(records, today: today))
    }

    private init(_ records: SchoolRecords, today: CalendarDate, minute: Int, trend: WeeklyTrend) {
        self.records = records
        self.today = today
        self.minute = minute
        session = records.calendar.latestSession(atOrBefore: Session.at(today, minute: minute))
        self.trend = trend
    }

    private static func trend(_ records: SchoolRecords, today: CalendarDate) -> WeeklyTrend {
        WeeklyTrend(records, days: DashboardPeriod.thisYear.days(asOf: today, calendar: records.calendar) ?? today...today)
    }

    /// The overview and the figures of the period a dashboard opens at, worked out side
    /// by side: together they are its first frame, and with two cores neither waits for
    /// the other (the trend reads the whole year, the figures the period twice).
    public static func opening(_ records: SchoolRecords, today: CalendarDate, minute: Int, period: DashboardPeriod)
        -> (overview: DashboardOverview, figures: PeriodFigures) {
        let (trend, figures) = SideBySide.run({ DashboardOverview.trend(records, today: today) },
                                              { DashboardOverview.figures(records, today: today, period: period) })
        return (DashboardOverview(records, today: today, minute: minute, trend: trend), figures)
    }

    /// The figures of one period.
    public struct PeriodFigures: Sendable {
        public let period: DashboardPeriod
        public let days: ClosedRange<CalendarDate>?
        /// One row per pupil with a mark in the period, as `rollcall report pupils`.
        public let rows: [PupilAttendance]
        public let byYearGroup: CohortSummary
        public let byForm: CohortSummary
        public let absentees: [Absentee]

        public var school: CohortFigures { byYearGroup.school }
        public var newlyPersistent: Int { absentees.count(where: \.isNewThisWeek) }
    }

    public func figures(for period: DashboardPeriod) -> PeriodFigures {
        DashboardOverview.figures(records, today: today, period: period)
    }

    private static func figures(_ records: SchoolRecords, today: CalendarDate, period: DashboardPeriod) -> PeriodFigures {
        let days = period.days(asOf: today, calendar: records.calendar)
        let rows = days.map { PupilAttendance.report(records.pupils, book: records.book, calendar: records.calendar, period: $0) } ?? []
        let earlier = days.flatMap { days in
            Absentee.endOfLastWeek(asOf: today, period: days).map {
                PupilAttendance.report(records.pupils, book: records.book, calendar: records.calendar, period: days.lowerBound...$0)
            }
        }
        return PeriodFigures(period: period, days: days, rows: rows, byYearGroup: CohortSummary(rows, by: .yearGroup),
                             byForm: CohortSummary(rows, by: .form), absentees: Absentee.list(rows, earlier: earlier))
    }
}
