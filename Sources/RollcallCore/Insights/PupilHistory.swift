/// One pupil's whole story for the academic year up to a day: the figures over three
/// spans, the codes behind them, patterns, lateness, the penalty position with the
/// sessions that make it, and every amendment to their marks.
public struct PupilHistory: Sendable {
    /// What a school session on the calendar holds for the pupil.
    public enum Day: Hashable, Sendable {
        case marked(AttendanceCode)
        /// On roll, the session has happened, and there is no mark.
        case missing
        /// Not yet due: after the day asked about, or later today than `now`.
        case future
        /// Not on roll that day.
        case offRoll
    }

    public let pupil: Pupil
    public let asOf: CalendarDate
    public let year: (name: String, figures: AttendanceFigures)?
    public let term: (name: String, figures: AttendanceFigures)?
    /// The last four school weeks up to the day.
    public let recent: AttendanceFigures
    /// Each code the pupil has this year with how many sessions, most first.
    public let codes: [(code: AttendanceCode, sessions: Int)]
    public let pattern: WeekdayPattern
    public let lateness: Lateness
    public let penalty: PenaltyPosition?
    /// The pupil's amendments, newest first.
    public let amendments: [Amendment]
    public let contacts: [Contact]
    /// The pupil's interventions log, newest first.
    public let interventions: [InterventionRecord]
    /// The pupil's requests for leave of absence, newest first.
    public let leave: [LeaveApplication]
    /// The pupil's placements of education off site, newest first.
    public let offsite: [OffsiteArrangement]
    /// The pupil's years at earlier schools, as their CTF brought them: never counted here.
    public let earlierSchools: [AttendanceYear]
    /// Every school session of the academic year, in order, with what it holds.
    public let sessions: [(session: Session, day: Day)]

    /// `now`, when given, is the session currently due: later sessions of the day are not
    /// yet missing.
    public init(_ pupil: Pupil, records: SchoolRecords, amendments: [Amendment], asOf date: CalendarDate, now: Session? = nil,
                contacts: [Contact] = [], interventions: [InterventionRecord] = [], leave: [LeaveApplication] = [],
                offsite: [OffsiteArrangement] = [], earlierSchools: [AttendanceYear] = []) {
        let calendar = records.calendar, book = records.book
        self.pupil = pupil
        asOf = date
        func figures(_ days: ClosedRange<CalendarDate>) -> AttendanceFigures {
            AttendanceFigures(AttendanceTally(pupil: pupil, period: days, calendar: calendar) { book.code(for: pupil.upn, at: $0) })
        }
        let academicYear = calendar.academicYear(containing: date)
        year = academicYear.flatMap { year in calendar.yearSoFar(asOf: date).map { (year.name, figures($0)) } }
        term = DashboardPeriod.thisTerm.days(asOf: date, calendar: calendar).flatMap { days in
            DashboardPeriod.latestTerm(asOf: date, calendar: calendar).map { (String(DashboardPeriod.season(of: $0)), figures(days)) }
        }
        let weeks = calendar.schoolWeeks(endingWith: date, count: 4)
        recent = weeks.first.map { figures($0.monday...date) } ?? AttendanceFigures(AttendanceTally())

        var counts: [AttendanceCode: Int] = [:]
        var pattern = WeekdayPattern()
        var lateness = Lateness()
        var sessions: [(Session, Day)] = []
        for session in academicYear.map({ calendar.sessions(in: $0.firstDay...$0.lastDay) }) ?? [] {
            let mark = book.mark(for: pupil.upn, at: session)
            let day: Day
            if let mark {
                day = .marked(mark.code)
                if session.date <= date {
                    counts[mark.code, default: 0] += 1
                    pattern.add(session, mark.code)
                    lateness.add(mark)
                }
            } else if !pupil.isOnRoll(on: session.date) {
                day = .offRoll
            } else {
                day = session.date > date || now.map { session > $0 } == true ? .future : .missing
            }
            sessions.append((session, day))
        }
        codes = counts.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }.map { ($0.key, $0.value) }
        self.pattern = pattern
        self.lateness = lateness
        self.sessions = sessions
        penalty = PenaltyWindow(asOf: date, calendar: calendar).map { window in
            PenaltyPosition(window: window, calendar: calendar) { book.code(for: pupil.upn, at: $0) }
        }
        self.amendments = amendments.filter { $0.upn == pupil.upn }.sorted { $0.at > $1.at }
        self.contacts = contacts.filter { $0.upn == pupil.upn }
        self.interventions = interventions.filter { $0.intervention.upn == pupil.upn }
            .sorted { ($0.intervention.date, $0.number) > ($1.intervention.date, $1.number) }
        self.leave = leave.filter { $0.request.upn == pupil.upn }.reversed()
        self.offsite = offsite.filter { $0.placement.upn == pupil.upn }.reversed()
        self.earlierSchools = earlierSchools.sorted { $0.year > $1.year }
    }
}
