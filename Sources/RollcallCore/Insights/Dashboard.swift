/// What the attendance lead's dashboard shows, all worked out here so that the screen
/// only draws it and `rollcall report` gives the same figures for the same period.
///
/// The overview (the trend and each period's figures) comes first; the lists that do
/// not depend on the period chosen (today's calls, the penalty list, unresolved `N`,
/// missing registers this week, the follow-ups) are worked out from it once.
public struct Dashboard: Sendable {
    public let overview: DashboardOverview
    /// Pupils at the penalty threshold and those close to it (7 or more), worst first.
    public let penalty: [PupilPenalty]
    public let calling: [Pupil]
    public let unresolvedN: [UnresolvedN]
    /// Registers of this school week, up to the current session, lacking marks.
    public let missing: [MissingMarks]
    /// Every follow-up list, support first.
    public let followUps: [FollowUp]
    /// Parents and workers, for the calling list.
    public let contacts: [Contact]
    /// The deletions that stand, by pupil.
    public let deletions: [UPN: Deletion]
    /// The admission register this term: what the dashboard counts, worked out once.
    public let termRoll: Roll

    public var records: SchoolRecords { overview.records }
    public var today: CalendarDate { overview.today }
    /// The register most recently due: today's current session, or the last before.
    public var session: Session? { overview.session }
    public var trend: WeeklyTrend { overview.trend }

    /// `published` are follow-up lists a school worked out itself, with its contacts: a
    /// trust, which holds no contacts, shows those rather than work out lists without them.
    /// `pmRegisterCloses`: the minute the afternoon register closes, after which a
    /// session expected off site today with no mark is followed up.
    public init(_ overview: DashboardOverview, contacts: [Contact] = [], log: [InterventionRecord] = [],
                deletions: [UPN: Deletion] = [:], leave: [LeaveApplication] = [], offsite: [OffsiteArrangement] = [],
                pmRegisterCloses: Int = 24 * 60, ctfSent: [UPN: CalendarDate] = [:], followUps published: [FollowUp]? = nil) {
        self.overview = overview
        self.deletions = deletions
        let records = overview.records, today = overview.today
        penalty = PupilPenalty.report(records.pupils, book: records.book, calendar: records.calendar, asOf: today,
                                      minimum: PenaltyThreshold.closeFrom)
        calling = overview.session.map { CallingList.pupils(records, session: $0) } ?? []
        unresolvedN = UnresolvedN.list(records, asOf: today)
        missing = overview.session.map { MissingMarks.list(records, days: $0.date.monday...$0.date, upTo: $0) } ?? []
        followUps = published ?? FollowUps(records, contacts: contacts, log: log, asOf: today, deletions: deletions, leave: leave,
                                           offsite: offsite, dayOver: overview.minute >= pmRegisterCloses, ctfSent: ctfSent,
                                           penalty: penalty, unresolved: unresolvedN).list()
        self.contacts = contacts
        leaveList = Dashboard.leaveList(leave, records: records, today: today)
        termRoll = Dashboard.roll(records, deletions: deletions, followUps: followUps, period: .thisTerm, today: today)
    }

    /// The overview and the lists together, for a caller that shows both at once.
    public init(_ records: SchoolRecords, today: CalendarDate, minute: Int, contacts: [Contact] = [], log: [InterventionRecord] = [],
                deletions: [UPN: Deletion] = [:], leave: [LeaveApplication] = [], offsite: [OffsiteArrangement] = [],
                pmRegisterCloses: Int = 24 * 60, ctfSent: [UPN: CalendarDate] = [:], followUps published: [FollowUp]? = nil) {
        self.init(DashboardOverview(records, today: today, minute: minute), contacts: contacts, log: log, deletions: deletions,
                  leave: leave, offsite: offsite, pmRegisterCloses: pmRegisterCloses, ctfSent: ctfSent, followUps: published)
    }

    /// The leave the dashboard lists: every request still to decide, leave granted that
    /// begins this term, and refused leave taken, each with the sessions that make it so.
    /// Worked out once: its line is drawn with every frame.
    public let leaveList: [(application: LeaveApplication, state: LeaveState)]

    private static func leaveList(_ leave: [LeaveApplication], records: SchoolRecords, today: CalendarDate)
        -> [(application: LeaveApplication, state: LeaveState)] {
        let term = DashboardPeriod.thisTerm.days(asOf: today, calendar: records.calendar)
        return leave.compactMap { application in
            switch application.outcome {
            case .undecided:
                return (application, .toDecide)
            case .granted:
                guard let first = application.grantedSessions.first, let term, term.lowerBound <= first.date else { return nil }
                return (application, .granted(sessions: application.grantedSessions.count))
            case .refused:
                let taken = application.takenAfterRefusal(asOf: today) { records.book.code(for: application.request.upn, at: $0) }
                return taken.isEmpty ? nil : (application, .refusedTaken(sessions: taken.count))
            case .withdrawn:
                return nil
            }
        }
    }

    /// Why a request is on the dashboard's leave list.
    public enum LeaveState: Hashable, Sendable {
        case toDecide
        case granted(sessions: Int)
        case refusedTaken(sessions: Int)
    }

    /// The admission register over `period`'s days (this term when the period has none).
    public func roll(for period: DashboardPeriod) -> Roll {
        Dashboard.roll(records, deletions: deletions, followUps: followUps, period: period, today: today)
    }

    private static func roll(_ records: SchoolRecords, deletions: [UPN: Deletion], followUps: [FollowUp], period: DashboardPeriod,
                             today: CalendarDate) -> Roll {
        let days = period.days(asOf: today, calendar: records.calendar) ?? today...today
        return Roll(pupils: records.pupils, deletions: deletions, followUps: followUps, days: days, asOf: today)
    }

    /// The days whose marks the dashboard and a pupil's history read as of a day: the
    /// academic year so far, and further back where the penalty window or last week
    /// reaches into the year before.
    public static func days(asOf today: CalendarDate, calendar: SchoolCalendar) -> ClosedRange<CalendarDate> {
        let starts = [DashboardPeriod.thisYear.days(asOf: today, calendar: calendar)?.lowerBound,
                      PenaltyWindow(asOf: today, calendar: calendar)?.start,
                      DashboardPeriod.lastWeek.days(asOf: today, calendar: calendar)?.lowerBound].compactMap { $0 }
        return min(starts.min() ?? today, today)...today
    }

    public func figures(for period: DashboardPeriod) -> DashboardOverview.PeriodFigures { overview.figures(for: period) }
}
