/// The rolling period of 10 school weeks over which unauthorised absence is counted,
/// as of a day.
///
/// Rollcall's reading of the framework: the 10 most recent school weeks up to and
/// including the week that holds the day (a holiday week is passed over, so a day in
/// half term looks back over the weeks before it), counting sessions from the Monday
/// of the earliest of them up to the day itself. The window spans terms and years.
public struct PenaltyWindow: Hashable, Sendable {
    /// The school weeks in the window, oldest first; fewer than 10 only when the
    /// calendar does not go back that far.
    public let weeks: [SchoolWeek]
    /// The Monday of the earliest school week.
    public let start: CalendarDate
    /// The day the window is taken as of.
    public let end: CalendarDate

    /// nil when the calendar has no school week on or before the day.
    public init?(asOf date: CalendarDate, calendar: SchoolCalendar) {
        let weeks = calendar.schoolWeeks(endingWith: date, count: PenaltyThreshold.schoolWeeks)
        guard let first = weeks.first else { return nil }
        self.weeks = weeks
        start = first.monday
        end = date
    }

    public var days: ClosedRange<CalendarDate> { start...end }
}
