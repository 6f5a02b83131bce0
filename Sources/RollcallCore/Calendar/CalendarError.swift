/// Why a set of term dates cannot be a school calendar.
public enum CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    case badYearName(String)
    case noTerms(year: String)
    case termEndsBeforeStart(term: String)
    case termsOverlap(String, String)
    case termOutsideYear(term: String, year: String)
    case closureNotOnSchoolDay(CalendarDate)
    case duplicateYear(String)
    /// A new calendar for a year would stop counting sessions that hold marks: every
    /// figure built on them (possible sessions, the penalty window) would change unseen.
    case removesMarkedSessions(marks: Int, sessions: Int, first: Session)
    /// A new calendar that changes days gone by without the reason an amendment needs.
    case changesThePast([String])
    /// A term's name or a closure's reason that a screen could not show as it is.
    case unfitText(field: String, String)

    public var description: String {
        switch self {
        case let .badYearName(name):
            "academic_year '\(name)' is not a year like 2025-26"
        case let .noTerms(year):
            "academic year \(year) has no terms"
        case let .termEndsBeforeStart(term):
            "term '\(term)' ends before it starts"
        case let .termsOverlap(first, second):
            "terms '\(first)' and '\(second)' overlap"
        case let .termOutsideYear(term, year):
            "term '\(term)' falls outside 1 September to 31 August of \(year)"
        case let .closureNotOnSchoolDay(date):
            "the closure on \(date) is not on a weekday inside a term"
        case let .duplicateYear(name):
            "academic year \(name) is given twice"
        case let .changesThePast(changes):
            "this calendar changes days that have passed, which the register's figures rest on: " + changes.prefix(5).joined(separator: "; ")
                + (changes.count > 5 ? "; and \(changes.count - 5) more" : "")
                + ". An admin may amend them with --reason, kept in the calendar's log ('rollcall audit --calendar')"
        case let .unfitText(field, problem):
            "\(field) \(problem)"
        case let .removesMarkedSessions(marks, sessions, first):
            "this calendar would stop \(sessions) session\(sessions == 1 ? "" : "s") holding \(marks) mark\(marks == 1 ? "" : "s") from being school sessions, the first \(first); the calendar in use is kept (amend those marks first if the school really was closed)"
        }
    }
}
