/// Every academic year a school has published, joined into one timeline of sessions.
///
/// The penalty window spans terms and school years, so questions such as "the ten most
/// recent school weeks" are asked of the whole calendar, not of one year. Which sessions
/// are open is worked out once, into one byte per day, so each question afterwards is
/// an array look-up.
public struct SchoolCalendar: Sendable, Equatable {
    public let years: [AcademicYear]
    /// First day covered by `openSessions`.
    private let origin: CalendarDate
    /// Bit 0: AM open, bit 1: PM open; one entry per day from `origin`.
    private let openSessions: [UInt8]

    public init(years: [AcademicYear]) throws(CalendarError) {
        let sorted = years.sorted { $0.firstDay < $1.firstDay }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where earlier.name == later.name {
            throw .duplicateYear(later.name)
        }
        self.years = sorted
        guard let first = sorted.first?.firstDay,
              let last = sorted.map(\.lastDay).max()
        else {
            origin = CalendarDate(dayNumber: 0)
            openSessions = []
            return
        }
        var mask = [UInt8](repeating: 0, count: first.distance(to: last) + 1)
        for year in sorted {
            for term in year.terms {
                for date in term.start...term.end where !date.isWeekend {
                    mask[first.distance(to: date)] = 0b11
                }
            }
            for closure in year.closures {
                for part in closure.parts {
                    mask[first.distance(to: closure.date)] &= ~SchoolCalendar.bit(part)
                }
            }
        }
        origin = first
        openSessions = mask
    }

    /// The days the calendar knows about, from the first term's start to the last's end.
    public var coverage: ClosedRange<CalendarDate>? {
        openSessions.isEmpty ? nil : origin...origin.advanced(by: openSessions.count - 1)
    }

    public func academicYear(named name: String) -> AcademicYear? {
        years.first { $0.name == name }
    }

    /// The academic year whose 1 September to 31 August span holds the date.
    public func academicYear(containing date: CalendarDate) -> AcademicYear? {
        academicYear(named: AcademicYear.name(containing: date))
    }

    public func isSchoolSession(_ session: Session) -> Bool {
        mask(of: session.date) & SchoolCalendar.bit(session.part) != 0
    }

    /// A day with at least one open session.
    public func isSchoolDay(_ date: CalendarDate) -> Bool {
        mask(of: date) != 0
    }

    /// The open sessions of a day, morning first. Asked once a pupil a day by every
    /// list that walks the year, so no array is made for a closed day and one, not three,
    /// for an open one.
    public func sessions(on date: CalendarDate) -> [Session] {
        switch mask(of: date) {
        case 0b01: [Session(date, .am)]
        case 0b10: [Session(date, .pm)]
        case 0b11: [Session(date, .am), Session(date, .pm)]
        default: []
        }
    }

    /// Every open session in a range of days, in order.
    public func sessions(in range: ClosedRange<CalendarDate>) -> [Session] {
        clipped(range).map { days in days.flatMap(sessions(on:)) } ?? []
    }

    /// The latest open session at or before `session`: the register most recently due.
    public func latestSession(atOrBefore session: Session) -> Session? {
        guard let coverage else { return nil }
        var date = min(session.date, coverage.upperBound)
        var candidates = sessions(on: date).filter { $0 <= session }
        while candidates.isEmpty, date > coverage.lowerBound {
            date = date.advanced(by: -1)
            candidates = sessions(on: date)
        }
        return candidates.last
    }

    /// Every school day (a day with an open session) in a range, in order.
    public func schoolDays(in range: ClosedRange<CalendarDate>) -> [CalendarDate] {
        clipped(range).map { days in days.filter(isSchoolDay) } ?? []
    }

    /// The school week holding a date, or nil when that week has no open session
    /// (a holiday week).
    public func schoolWeek(containing date: CalendarDate) -> SchoolWeek? {
        let monday = date.monday
        let open = (0..<7).contains { isSchoolDay(monday.advanced(by: $0)) }
        return open ? SchoolWeek(monday: monday) : nil
    }

    /// Up to `count` school weeks ending with the week that holds `date` (or the last
    /// school week before it, when that week is a holiday), oldest first.
    public func schoolWeeks(endingWith date: CalendarDate, count: Int) -> [SchoolWeek] {
        guard let coverage, count > 0 else { return [] }
        var weeks: [SchoolWeek] = []
        var monday = min(date, coverage.upperBound).monday
        while weeks.count < count, monday.advanced(by: 6) >= coverage.lowerBound {
            if let week = schoolWeek(containing: monday) { weeks.append(week) }
            monday = monday.advanced(by: -7)
        }
        return weeks.reversed()
    }

    private func mask(of date: CalendarDate) -> UInt8 {
        let offset = origin.distance(to: date)
        return offset >= 0 && offset < openSessions.count ? openSessions[offset] : 0
    }

    private func clipped(_ range: ClosedRange<CalendarDate>) -> ClosedRange<CalendarDate>? {
        guard let coverage, range.overlaps(coverage) else { return nil }
        return range.clamped(to: coverage)
    }

    private static func bit(_ part: Session.Part) -> UInt8 { part == .am ? 0b01 : 0b10 }
}

extension SchoolCalendar {
    /// The academic year so far as of `date`: from its first day to `date`. nil outside
    /// any academic year or before its first day, when none of it has happened. What
    /// "attendance this year" means on the register, in a pupil's history and in a letter.
    public func yearSoFar(asOf date: CalendarDate) -> ClosedRange<CalendarDate>? {
        guard let first = academicYear(containing: date)?.firstDay, first <= date else { return nil }
        return first...date
    }
}
