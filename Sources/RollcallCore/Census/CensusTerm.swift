/// Which term's attendance a school census returns (EES methodology, table 6): the
/// spring census returns the autumn term, 1 August to 31 December; the summer census
/// the spring term, 1 January to Easter Sunday; the autumn census the summer term, as
/// its two halves, Easter Monday to the Sunday before the spring bank holiday, and the
/// bank holiday to 31 July, returned separately.
public enum CensusTerm: String, CaseIterable, Sendable {
    case autumn, spring, summer

    /// The periods returned for the academic year that starts in `startYear`: one, or
    /// the summer's two halves.
    public func periods(startYear: Int) -> [CensusPeriod] {
        let end = startYear + 1
        let easter = CensusTerm.easterSunday(end)
        let bankHoliday = CensusTerm.springBankHoliday(end)
        switch self {
        case .autumn:
            return [CensusPeriod(name: "autumn", days: CalendarDate(year: startYear, month: 8, day: 1)!...CalendarDate(year: startYear, month: 12, day: 31)!)]
        case .spring:
            return [CensusPeriod(name: "spring", days: CalendarDate(year: end, month: 1, day: 1)!...easter)]
        case .summer:
            return [CensusPeriod(name: "summer-1", days: easter.advanced(by: 1)...bankHoliday.advanced(by: -1)),
                    CensusPeriod(name: "summer-2", days: bankHoliday...CalendarDate(year: end, month: 7, day: 31)!)]
        }
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher).
    public static func easterSunday(_ year: Int) -> CalendarDate {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)!
    }

    /// The spring bank holiday: the last Monday in May.
    public static func springBankHoliday(_ year: Int) -> CalendarDate {
        let last = CalendarDate(year: year, month: 5, day: 31)!
        return last.advanced(by: -((last.weekday.index - Weekday.monday.index + 7) % 7))
    }
}

/// A span of days a census returns attendance for, named as its rows are.
public struct CensusPeriod: Hashable, Sendable {
    public let name: String
    public let days: ClosedRange<CalendarDate>
}
