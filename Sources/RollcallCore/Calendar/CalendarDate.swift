/// A day in the school's calendar, with no time of day and no time zone.
///
/// Registers are kept per day and session, never per instant, so a date is a count
/// of days since 1970-01-01. Arithmetic and comparison are integer operations, which
/// keeps walking a six-year calendar cheap.
public struct CalendarDate: Hashable, Comparable, Sendable, Strideable {
    /// Days since 1970-01-01 (which was a Thursday).
    public let dayNumber: Int32

    public init(dayNumber: Int32) {
        self.dayNumber = dayNumber
    }

    /// A date from its parts, or nil if there is no such day (30 February, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1,
              day <= CalendarDate.daysIn(month: month, year: year)
        else { return nil }
        dayNumber = Int32(CalendarDate.days(year: year, month: month, day: day))
    }

    public var parts: (year: Int, month: Int, day: Int) {
        CalendarDate.civil(days: Int(dayNumber))
    }

    public var year: Int { parts.year }
    public var month: Int { parts.month }
    public var day: Int { parts.day }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday, index 3 counting Monday as 0.
        let index = (Int(dayNumber) + 3) % 7
        return Weekday.allCases[index < 0 ? index + 7 : index]
    }

    public var isWeekend: Bool { weekday == .saturday || weekday == .sunday }

    /// The Monday of the Monday-to-Sunday week that holds this date.
    public var monday: CalendarDate { advanced(by: -weekday.index) }

    public func advanced(by days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + Int32(days))
    }

    public func distance(to other: CalendarDate) -> Int {
        Int(other.dayNumber - dayNumber)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        lhs.dayNumber < rhs.dayNumber
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's days_from_civil).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `days(year:month:day:)` (Hinnant's civil_from_days).
    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
