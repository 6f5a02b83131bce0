@testable import RollcallCore

/// Dates written as a person reads them; a typo in a test date should fail loudly.
func day(_ text: String) -> CalendarDate {
    guard let date = CalendarDate(text) else { fatalError("bad test date \(text)") }
    return date
}

func am(_ text: String) -> Session { Session(day(text), .am) }
func pm(_ text: String) -> Session { Session(day(text), .pm) }

/// Term dates like a real English secondary school's, with half terms as gaps between
/// terms and three closures:
/// - 2025-11-03 (Mon) INSET day, both sessions;
/// - 2025-12-19 (Fri) afternoon closed before Christmas;
/// - 2026-05-04 (Mon) May Day bank holiday.
func year2025_26() throws -> AcademicYear {
    try AcademicYear(
        name: "2025-26",
        terms: [
            Term(name: "Autumn 1", start: day("2025-09-03"), end: day("2025-10-24")),
            Term(name: "Autumn 2", start: day("2025-11-03"), end: day("2025-12-19")),
            Term(name: "Spring 1", start: day("2026-01-05"), end: day("2026-02-13")),
            Term(name: "Spring 2", start: day("2026-02-23"), end: day("2026-03-27")),
            Term(name: "Summer 1", start: day("2026-04-13"), end: day("2026-05-22")),
            Term(name: "Summer 2", start: day("2026-06-01"), end: day("2026-07-22")),
        ],
        closures: [
            Closure(date: day("2025-11-03"), parts: [.am, .pm], reason: "INSET"),
            Closure(date: day("2025-12-19"), parts: [.pm], reason: "Early finish"),
            Closure(date: day("2026-05-04"), parts: [.am, .pm], reason: "May Day"),
        ])
}

/// The summer term of the year before, to test windows that cross the summer holiday.
func summer2025() throws -> AcademicYear {
    try AcademicYear(
        name: "2024-25",
        terms: [Term(name: "Summer 2", start: day("2025-06-02"), end: day("2025-07-22"))])
}

func calendar() throws -> SchoolCalendar {
    try SchoolCalendar(years: [summer2025(), year2025_26()])
}

func upn(_ text: String) -> UPN {
    do { return try UPN(text) } catch { fatalError("bad test UPN \(text): \(error)") }
}
