/// The periods an attendance lead looks at, each worked out from the calendar as of a day.
///
/// Calendars list half terms as terms ("Autumn 1", "Autumn 2"), so "this term" is the
/// run of terms that share the first word of their name; a school that imports whole
/// terms gets the same term for both. Every period ends on the day asked about: future
/// sessions are never counted.
public enum DashboardPeriod: String, CaseIterable, Sendable {
    case thisWeek = "this-week"
    case lastWeek = "last-week"
    case thisHalfTerm = "this-half-term"
    case thisTerm = "this-term"
    case thisYear = "this-year"

    public var title: String {
        switch self {
        case .thisWeek: "This week"
        case .lastWeek: "Last week"
        case .thisHalfTerm: "This half term"
        case .thisTerm: "This term"
        case .thisYear: "This year"
        }
    }

    /// The days of the period as of `today`, or nil when the calendar has none (before
    /// the first term, or last week when there was no school week before this one).
    public func days(asOf today: CalendarDate, calendar: SchoolCalendar) -> ClosedRange<CalendarDate>? {
        switch self {
        case .thisWeek:
            let monday = today.monday
            return monday...today
        case .lastWeek:
            let weeks = calendar.schoolWeeks(endingWith: today.monday.advanced(by: -1), count: 1)
            return weeks.first.map { $0.monday...min($0.sunday, today) }
        case .thisHalfTerm:
            return Self.latestTerm(asOf: today, calendar: calendar).map { $0.start...min($0.end, today) }
        case .thisTerm:
            guard let year = calendar.academicYear(containing: today),
                  let current = Self.latestTerm(asOf: today, calendar: calendar) else { return nil }
            let season = Self.season(of: current)
            let start = year.terms.first { Self.season(of: $0) == season }?.start ?? current.start
            return start...min(current.end, today)
        case .thisYear:
            guard let year = calendar.academicYear(containing: today), year.firstDay <= today else { return nil }
            return year.firstDay...today
        }
    }

    /// The term running on the day, or the last one before it (in a holiday).
    static func latestTerm(asOf today: CalendarDate, calendar: SchoolCalendar) -> Term? {
        calendar.academicYear(containing: today)?.terms.last { $0.start <= today }
    }

    static func season(of term: Term) -> Substring {
        term.name.split(separator: " ").first ?? Substring(term.name)
    }
}
