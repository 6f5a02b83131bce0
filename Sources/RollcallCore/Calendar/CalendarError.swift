/// Why a set of term dates cannot be a school calendar.
public enum CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    case badYearName(String)
    case noTerms(year: String)
    case termEndsBeforeStart(term: String)
    case termsOverlap(String, String)
    case termOutsideYear(term: String, year: String)
    case closureNotOnSchoolDay(CalendarDate)
    case duplicateYear(String)

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
        }
    }
}
