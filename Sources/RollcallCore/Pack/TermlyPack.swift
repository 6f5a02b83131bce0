/// What governors and the trust board review each term (chapter 3 of the guidance): the
/// school's figures against last year's, where the absence is, how the cohorts compare,
/// what support has been given, and the roll. Cohorts, never children: no name is held
/// here, only counts and figures.
///
/// Every figure is one `rollcall report summary` gives for the same days: the headline
/// is its School row, the year groups and cohort gaps its rows by dimension, and each
/// week its School row for that week.
public struct TermlyPack: Sendable {
    public let schoolName: String
    public let period: PackPeriod
    /// The school over the period.
    public let school: CohortFigures
    /// The school over the same period last year, nil when the store has no marks for it.
    public let lastYear: CohortFigures?
    /// Week by week, from the start of the academic year to the end of the period.
    public let weeks: WeeklyTrend
    /// The terms of that academic year, for the boundaries on the weekly chart.
    public let terms: [Term]
    public let byYearGroup: CohortSummary
    /// The gaps the guidance asks schools to watch: FSM, SEN, EAL and sex.
    public let gaps: [CohortSummary]
    public let absence: AbsenceBreakdown
    /// Pupils on each follow-up list at the end of the period, every list shown.
    public let followUps: [(rule: FollowUpRule, pupils: Int)]
    /// Entries logged in the period by kind, kinds with none left out.
    public let interventions: [(kind: InterventionKind, count: Int)]
    /// Names entered and deleted in the period, deletions by ground.
    public let roll: Roll
    /// Requests for leave received in the period, and refused leave taken.
    public let leave: LeaveCounts

    public static let gapDimensions: [CohortDimension] = [.fsm, .sen, .eal, .sex]

    /// `records` must cover `TermlyPack.days(for:calendar:)`; `followUps` are as of the
    /// period's last day.
    public init(schoolName: String, period: PackPeriod, records: SchoolRecords, log: [InterventionRecord], followUps: [FollowUp],
                deletions: [UPN: Deletion], leave: [LeaveApplication] = []) {
        self.schoolName = schoolName
        self.period = period
        let calendar = records.calendar
        let rows = PupilAttendance.report(records.pupils, book: records.book, calendar: calendar, period: period.days)
        byYearGroup = CohortSummary(rows, by: .yearGroup)
        school = byYearGroup.school
        gaps = TermlyPack.gapDimensions.map { CohortSummary(rows, by: $0) }
        lastYear = period.lastYear.flatMap { days in
            let figures = CohortSummary(PupilAttendance.report(records.pupils, book: records.book, calendar: calendar, period: days),
                                        by: .yearGroup).school
            return figures.pupilsWithPossibleSessions > 0 ? figures : nil
        }
        let year = calendar.academicYear(containing: period.days.upperBound)
        weeks = WeeklyTrend(records, days: min(year?.firstDay ?? period.days.lowerBound, period.days.lowerBound)...period.days.upperBound)
        terms = year?.terms ?? []
        absence = AbsenceBreakdown(rows, book: records.book, calendar: calendar, period: period.days)
        self.followUps = FollowUpRule.allCases.map { rule in
            (rule, Set(followUps.filter { $0.rule == rule && $0.isOpen }.map(\.pupil.upn)).count)
        }
        let logged = log.map(\.intervention).filter { period.days.contains($0.date) }
        interventions = InterventionKind.allCases.compactMap { kind in
            let count = logged.count { $0.kind == kind }
            return count == 0 ? nil : (kind, count)
        }
        roll = Roll(pupils: records.pupils, deletions: deletions, followUps: followUps, days: period.days, asOf: period.days.upperBound)
        self.leave = LeaveCounts(leave, period: period.days) { records.book.code(for: $0, at: $1) }
    }

    /// The days whose records the pack reads: last year's period, the academic year up
    /// to the period's end, and what the follow-ups as of that end look back over.
    public static func days(for period: PackPeriod, calendar: SchoolCalendar) -> ClosedRange<CalendarDate> {
        let end = period.days.upperBound
        let starts = [period.days.lowerBound, period.lastYear?.lowerBound, calendar.academicYear(containing: end)?.firstDay,
                      Dashboard.days(asOf: end, calendar: calendar).lowerBound].compactMap { $0 }
        return min(starts.min() ?? end, end)...end
    }

    /// How many entries of a kind were logged in the period: penalty notices issued,
    /// paid and withdrawn, and decisions not to issue, among them.
    public func logged(_ kind: InterventionKind) -> Int {
        interventions.first { $0.kind == kind }?.count ?? 0
    }
}
