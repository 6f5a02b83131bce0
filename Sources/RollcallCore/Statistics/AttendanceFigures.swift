/// The figures of the guidance for one pupil, or one set of sessions: rates over possible
/// sessions, and whether the absence is persistent or severe.
public struct AttendanceFigures: Hashable, Sendable {
    public let tally: AttendanceTally

    public init(_ tally: AttendanceTally) {
        self.tally = tally
    }

    public var possible: Int { tally.possible }

    /// (Present + approved educational activity) / possible.
    public var attendanceRate: Percentage? { Percentage(tally.attended, of: possible) }
    /// (Authorised + unauthorised) / possible: with the attendance rate it makes 100.
    public var absenceRate: Percentage? { Percentage(tally.absent, of: possible) }
    public var authorisedRate: Percentage? { Percentage(tally.authorisedAbsence, of: possible) }
    public var unauthorisedRate: Percentage? { Percentage(tally.unauthorisedAbsence, of: possible) }

    public func meets(_ threshold: AbsenceThreshold) -> Bool {
        absenceRate?.isAtLeast(threshold.percent) ?? false
    }

    public var isPersistentAbsentee: Bool { meets(.persistent) }
    public var isSevereAbsentee: Bool { meets(.severe) }
}

extension AttendanceFigures {
    /// A pupil's figures for the academic year so far (`SchoolCalendar.yearSoFar`), from
    /// their codes; nil before the year has begun.
    public static func yearSoFar(of pupil: Pupil, asOf date: CalendarDate, calendar: SchoolCalendar,
                                 code: (Session) -> AttendanceCode?) -> AttendanceFigures? {
        calendar.yearSoFar(asOf: date).map { AttendanceFigures(AttendanceTally(pupil: pupil, period: $0, calendar: calendar, code: code)) }
    }
}
