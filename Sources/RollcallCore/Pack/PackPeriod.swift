/// The days a termly pack covers, and the same days a year before for comparison.
///
/// Governors and the local authority think in terms: `--term Autumn` is the autumn
/// term (both half terms), `--term "Autumn 2"` one half term, in the academic year
/// asked for or the current one. The pack never counts a session after today, so a term
/// still running stops at today and last year's is cut at the same date, so the two
/// compare like with like.
public struct PackPeriod: Hashable, Sendable {
    /// "Autumn term 2025-26", or "2025-09-03 to 2025-11-20".
    public let title: String
    public let days: ClosedRange<CalendarDate>
    /// The same period a year before, where the calendar holds that year; nil otherwise.
    public let lastYear: ClosedRange<CalendarDate>?

    public init(title: String, days: ClosedRange<CalendarDate>, lastYear: ClosedRange<CalendarDate>?) {
        self.title = title
        self.days = days
        self.lastYear = lastYear
    }

    /// The period between two days, compared with the same dates a year before.
    public static func dates(_ days: ClosedRange<CalendarDate>, title: String? = nil, calendar: SchoolCalendar) -> PackPeriod {
        let start = days.lowerBound.sameDayLastYear, end = days.upperBound.sameDayLastYear
        let covered = calendar.coverage.map { $0.overlaps(start...end) } ?? false
        return PackPeriod(title: title ?? "\(days.lowerBound) to \(days.upperBound)", days: days, lastYear: covered ? start...end : nil)
    }

    /// A term or half term by name (case does not matter), in the academic year named, or
    /// the one holding `today`.
    public static func term(_ name: String, year yearName: String?, today: CalendarDate,
                            calendar: SchoolCalendar) throws(PackPeriodError) -> PackPeriod {
        let year: AcademicYear
        if let yearName {
            guard let named = calendar.academicYear(named: yearName) else {
                throw .noSuchYear(yearName, known: calendar.years.map(\.name))
            }
            year = named
        } else {
            guard let current = calendar.academicYear(containing: today) ?? calendar.years.last(where: { $0.firstDay <= today }) else {
                throw .noSuchYear(AcademicYear.name(containing: today), known: calendar.years.map(\.name))
            }
            year = current
        }
        let terms = matching(name, in: year)
        guard let first = terms.first, let last = terms.last else {
            throw .noSuchTerm(name, year: year.name, known: year.terms.map(\.name))
        }
        guard first.start <= today else { throw .notStarted(first.name, starts: first.start) }
        let days = first.start...min(last.end, today)
        // "Autumn term 2025-26" for a whole term, "Autumn 2 2025-26" for a half term named.
        let named = terms.count == 1 && first.name.lowercased() == name.lowercased() && first.name.contains(" ")
        let title = named ? "\(first.name) \(year.name)" : "\(DashboardPeriod.season(of: first)) term \(year.name)"
        return PackPeriod(title: title, days: days, lastYear: lastYear(of: name, before: year, cut: days, at: last.end, calendar: calendar))
    }

    /// The terms a name picks out: one whose name it is, or every term whose name begins
    /// with it as a word ("Autumn" for "Autumn 1" and "Autumn 2").
    private static func matching(_ name: String, in year: AcademicYear) -> [Term] {
        let wanted = name.lowercased()
        let exact = year.terms.filter { $0.name.lowercased() == wanted }
        return exact.isEmpty ? year.terms.filter { DashboardPeriod.season(of: $0).lowercased() == wanted } : exact
    }

    /// The same-named terms of the year before, cut at the same date when this year's
    /// term is still running.
    private static func lastYear(of name: String, before year: AcademicYear, cut days: ClosedRange<CalendarDate>,
                                 at termEnd: CalendarDate, calendar: SchoolCalendar) -> ClosedRange<CalendarDate>? {
        guard let previous = calendar.years.last(where: { $0.lastDay < year.firstDay }) else { return nil }
        let terms = matching(name, in: previous)
        guard let first = terms.first, let last = terms.last else { return nil }
        let end = days.upperBound < termEnd ? min(last.end, days.upperBound.sameDayLastYear) : last.end
        return first.start <= end ? first.start...end : nil
    }
}

/// Why a pack's period cannot be worked out.
public enum PackPeriodError: Error, Equatable, Sendable, CustomStringConvertible {
    case noSuchYear(String, known: [String])
    case noSuchTerm(String, year: String, known: [String])
    case notStarted(String, starts: CalendarDate)

    public var description: String {
        switch self {
        case let .noSuchYear(name, known):
            "the calendar has no academic year \(name) (it has: \(known.isEmpty ? "none yet" : known.joined(separator: ", ")))"
        case let .noSuchTerm(name, year, known):
            "\(year) has no term '\(name)'; its terms are \(known.joined(separator: ", ")), and a first word such as '\(known.first.map { String($0.split(separator: " ").first ?? "") } ?? "Autumn")' takes the whole term"
        case let .notStarted(name, starts):
            "\(name) has not started: it starts on \(starts)"
        }
    }
}

extension CalendarDate {
    /// The same date a year earlier; 29 February becomes the 28th.
    public var sameDayLastYear: CalendarDate {
        let (year, month, day) = parts
        return CalendarDate(year: year - 1, month: month, day: day) ?? CalendarDate(year: year - 1, month: month, day: day - 1)!
    }
}
