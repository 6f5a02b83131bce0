/// The days a report covers: the current academic year up to today unless the person
/// asking says otherwise. Sessions after today are never counted, so an unmarked future
/// session is not "missing".
public enum ReportingPeriod {
    public static func resolve(
        from: CalendarDate?, to: CalendarDate?, today: CalendarDate, calendar: SchoolCalendar
    ) throws(PeriodError) -> ClosedRange<CalendarDate> {
        let end = min(to ?? today, today)
        let start: CalendarDate
        if let from {
            start = from
        } else {
            guard let year = calendar.academicYear(containing: end) else {
                throw .outsideCalendar(end, known: calendar.years.map(\.name))
            }
            start = year.firstDay
        }
        guard start <= end else { throw .endsBeforeStart(start, end) }
        return start...end
    }

    /// The same rule across a trust's schools, each with a calendar of its own: the period
    /// starts, unless `from` says otherwise, on 1 September of the academic year it ends in.
    public static func resolve(from: CalendarDate?, to: CalendarDate?, today: CalendarDate) throws(PeriodError) -> ClosedRange<CalendarDate> {
        let end = min(to ?? today, today)
        let start = from ?? AcademicYear.span(containing: end).lowerBound
        guard start <= end else { throw .endsBeforeStart(start, end) }
        return start...end
    }
}

/// Why a period cannot be reported on.
public enum PeriodError: Error, Equatable, Sendable, CustomStringConvertible {
    case outsideCalendar(CalendarDate, known: [String])
    case endsBeforeStart(CalendarDate, CalendarDate)

    public var description: String {
        switch self {
        case let .outsideCalendar(date, known) where known.isEmpty:
            "\(date) is outside any imported calendar (none is imported yet: use 'rollcall import calendar')"
        case let .outsideCalendar(date, known):
            "\(date) is outside any imported academic year (imported: \(known.joined(separator: ", "))); give --from and --to, or import that year's calendar"
        case let .endsBeforeStart(start, end):
            "the period starts on \(start), after it ends on \(end)"
        }
    }
}
