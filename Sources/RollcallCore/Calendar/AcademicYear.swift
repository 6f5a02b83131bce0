/// One academic year's terms and closures, as a school publishes its term dates.
///
/// English academic years run from 1 September to 31 August and are named like
/// `2025-26`; the name decides which year a date in the summer holiday belongs to.
public struct AcademicYear: Hashable, Sendable, Codable {
    public var name: String
    public var terms: [Term]
    public var closures: [Closure]

    enum CodingKeys: String, CodingKey {
        case name = "academic_year", terms, closures
    }

    /// Checks the year hangs together: a name like `2025-26`, terms in order without
    /// overlap, and every closure on a weekday inside a term.
    public init(name: String, terms: [Term], closures: [Closure] = []) throws(CalendarError) {
        guard let startYear = AcademicYear.startYear(of: name) else {
            throw .badYearName(name)
        }
        if terms.isEmpty { throw .noTerms(year: name) }
        for term in terms where term.end < term.start {
            throw .termEndsBeforeStart(term: term.name)
        }
        let sorted = terms.sorted { $0.start < $1.start }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.start <= earlier.end {
            throw .termsOverlap(earlier.name, later.name)
        }
        let span = AcademicYear.nominalSpan(startYear: startYear)
        for term in sorted where !span.contains(term.start) || !span.contains(term.end) {
            throw .termOutsideYear(term: term.name, year: name)
        }
        // Term names and closure reasons are shown on screens and in the penalty window's evidence.
        for term in terms {
            if let problem = EntryLimits.nameProblem(term.name) { throw .unfitText(field: "a term's name", problem) }
        }
        for closure in closures {
            if let problem = EntryLimits.textProblem(closure.reason) { throw .unfitText(field: "the reason for the closure on \(closure.date)", problem) }
            if closure.date.isWeekend || !sorted.contains(where: { $0.contains(closure.date) }) {
                throw .closureNotOnSchoolDay(closure.date)
            }
        }
        self.name = name
        self.terms = sorted
        self.closures = closures.sorted { $0.date < $1.date }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            name: container.decode(String.self, forKey: .name),
            terms: container.decode([Term].self, forKey: .terms),
            closures: container.decodeIfPresent([Closure].self, forKey: .closures) ?? [])
    }

    /// 1 September to 31 August of the year the name gives.
    public var span: ClosedRange<CalendarDate> {
        AcademicYear.nominalSpan(startYear: AcademicYear.startYear(of: name) ?? 0)
    }

    public var firstDay: CalendarDate { terms.first?.start ?? span.lowerBound }
    public var lastDay: CalendarDate { terms.last?.end ?? span.upperBound }

    /// The name of the academic year that holds a date: `2025-26` for any day from
    /// 1 September 2025 to 31 August 2026.
    public static func name(containing date: CalendarDate) -> String {
        let start = startYear(containing: date)
        let end = (start + 1) % 100
        return "\(start)-\(end < 10 ? "0" : "")\(end)"
    }

    /// 1 September to 31 August of the academic year that holds a date.
    public static func span(containing date: CalendarDate) -> ClosedRange<CalendarDate> {
        nominalSpan(startYear: startYear(containing: date))
    }

    private static func startYear(containing date: CalendarDate) -> Int {
        date.month >= 9 ? date.year : date.year - 1
    }

    /// 1 September to 31 August of the year named `2025-26`; nil for a name of another shape.
    public static func span(named name: String) -> ClosedRange<CalendarDate>? {
        startYear(of: name).map(nominalSpan(startYear:))
    }

    static func startYear(of name: String) -> Int? {
        let pieces = name.split(separator: "-")
        guard pieces.count == 2, pieces[0].count == 4, pieces[1].count == 2,
              let start = Int(pieces[0]), let end = Int(pieces[1]),
              end == (start + 1) % 100
        else { return nil }
        return start
    }

    static func nominalSpan(startYear: Int) -> ClosedRange<CalendarDate> {
        let first = CalendarDate(dayNumber: Int32(CalendarDate.days(year: startYear, month: 9, day: 1)))
        let last = CalendarDate(dayNumber: Int32(CalendarDate.days(year: startYear + 1, month: 8, day: 31)))
        return first...last
    }
}

extension AcademicYear {
    /// The school sessions of this year that `replacement` does not have: a term made
    /// shorter, a closure added. Marks on them would no longer count.
    public func sessionsRemoved(by replacement: AcademicYear) -> [Session] {
        guard let old = try? SchoolCalendar(years: [self]) else { return [] }
        let new = try? SchoolCalendar(years: [replacement])
        return old.sessions(in: span).filter { !(new?.isSchoolSession($0) ?? false) }
    }
}
