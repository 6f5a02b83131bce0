import RollcallCore

/// Term dates in the pattern most English schools follow: six half terms from early
/// September to late July, with half-term weeks in late October, mid-February and at the
/// end of May, INSET days, the early-May bank holiday and an early finish before Christmas.
public enum DemoCalendar {
    public static func year(startingIn startYear: Int) throws(CalendarError) -> AcademicYear {
        func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
            // Only fixed days that exist in every year are asked for.
            CalendarDate(year: year, month: month, day: day) ?? CalendarDate(dayNumber: 0)
        }
        func onOrAfter(_ start: CalendarDate, _ weekday: Weekday) -> CalendarDate {
            start.advanced(by: (weekday.index - start.weekday.index + 7) % 7)
        }
        func onOrBefore(_ start: CalendarDate, _ weekday: Weekday) -> CalendarDate {
            start.advanced(by: -((start.weekday.index - weekday.index + 7) % 7))
        }
        let next = startYear + 1
        var autumnStart = date(startYear, 9, 3)
        while autumnStart.isWeekend { autumnStart = autumnStart.advanced(by: 1) }
        let octoberBreak = date(startYear, 10, 27).monday
        let christmas = onOrBefore(date(startYear, 12, 19), .friday)
        let springStart = onOrAfter(date(next, 1, 5), .monday)
        let februaryBreak = onOrAfter(date(next, 2, 12), .monday)
        let easter = onOrBefore(date(next, 3, 28), .friday)
        let summerStart = onOrAfter(date(next, 4, 13), .monday)
        let mayBreak = onOrBefore(date(next, 5, 31), .monday)
        var summerEnd = date(next, 7, 22)
        while summerEnd.isWeekend { summerEnd = summerEnd.advanced(by: -1) }
        let terms = [
            Term(name: "Autumn 1", start: autumnStart, end: octoberBreak.advanced(by: -3)),
            Term(name: "Autumn 2", start: octoberBreak.advanced(by: 7), end: christmas),
            Term(name: "Spring 1", start: springStart, end: februaryBreak.advanced(by: -3)),
            Term(name: "Spring 2", start: februaryBreak.advanced(by: 7), end: easter),
            Term(name: "Summer 1", start: summerStart, end: mayBreak.advanced(by: -3)),
            Term(name: "Summer 2", start: mayBreak.advanced(by: 7), end: summerEnd),
        ]
        let closures = [
            Closure(date: autumnStart, parts: [.am, .pm], reason: "INSET day"),
            Closure(date: octoberBreak.advanced(by: 7), parts: [.am, .pm], reason: "INSET day"),
            Closure(date: christmas, parts: [.pm], reason: "Early finish for Christmas"),
            Closure(date: springStart, parts: [.am, .pm], reason: "INSET day"),
            Closure(date: onOrAfter(date(next, 5, 1), .monday), parts: [.am, .pm], reason: "Early May bank holiday"),
        ]
        return try AcademicYear(name: "\(startYear)-\(String(next % 100).leftPadded(to: 2, with: "0"))", terms: terms, closures: closures)
    }
}
