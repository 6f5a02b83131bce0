/// Figures summed over a set of pupils: a form, a year group, a cohort, the school.
///
/// Session rates come from the summed counts (as DfE computes a school's rate), and the
/// persistent and severe absence rates are shares of the pupils who had any possible
/// session, since a pupil with none can be neither.
public struct CohortFigures: Hashable, Sendable {
    public private(set) var tally = AttendanceTally()
    /// Every pupil added, whatever their sessions.
    public private(set) var pupils = 0
    /// Pupils with at least one possible session: the denominator of absentee rates.
    public private(set) var pupilsWithPossibleSessions = 0
    public private(set) var persistentAbsentees = 0
    public private(set) var severeAbsentees = 0

    /// Below this many pupils a cohort's rates swing on one or two children and are
    /// shown as small, not hidden.
    public static let smallCohort = 10

    public init() {}

    public var isSmall: Bool { pupils < CohortFigures.smallCohort }

    /// Figures counted elsewhere: a trust rebuilds them from what a school published.
    public init(tally: AttendanceTally, pupils: Int, pupilsWithPossibleSessions: Int, persistentAbsentees: Int, severeAbsentees: Int) {
        self.tally = tally
        self.pupils = pupils
        self.pupilsWithPossibleSessions = pupilsWithPossibleSessions
        self.persistentAbsentees = persistentAbsentees
        self.severeAbsentees = severeAbsentees
    }

    public init(_ pupils: some Sequence<AttendanceFigures>) {
        self.init()
        for figures in pupils { add(figures) }
    }

    public mutating func add(_ pupil: AttendanceFigures) {
        tally += pupil.tally
        pupils += 1
        if pupil.possible > 0 { pupilsWithPossibleSessions += 1 }
        if pupil.isPersistentAbsentee { persistentAbsentees += 1 }
        if pupil.isSevereAbsentee { severeAbsentees += 1 }
    }

    /// Cohorts of different pupils as one (a trust's schools): counts and sessions
    /// summed, so its rates are the pupils' own, never an average of the cohorts' rates.
    public init(merging cohorts: some Sequence<CohortFigures>) {
        self.init()
        for cohort in cohorts {
            tally += cohort.tally
            pupils += cohort.pupils
            pupilsWithPossibleSessions += cohort.pupilsWithPossibleSessions
            persistentAbsentees += cohort.persistentAbsentees
            severeAbsentees += cohort.severeAbsentees
        }
    }

    public var sessions: AttendanceFigures { AttendanceFigures(tally) }

    public var persistentAbsenceRate: Percentage? {
        Percentage(persistentAbsentees, of: pupilsWithPossibleSessions)
    }

    public var severeAbsenceRate: Percentage? {
        Percentage(severeAbsentees, of: pupilsWithPossibleSessions)
    }
}
