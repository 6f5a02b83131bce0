import Foundation
import RollcallCore

/// Times and days as a school writes them.
public enum Clock {
    public static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `09:10` for 550 minutes after midnight.
    public static func text(_ minute: Int) -> String {
        let hours = String(minute / 60), minutes = String(minute % 60)
        return (hours.count == 1 ? "0" : "") + hours + ":" + (minutes.count == 1 ? "0" : "") + minutes
    }

    /// `Mon 8 Sep 2025`.
    public static func day(_ date: CalendarDate) -> String {
        "\(date.weekday.shortName) \(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// `2025-09-09 10:12` on the school's clock: when an amendment was made.
    public static func instant(_ instant: Date) -> String {
        "\(School.day(instant)) \(text(School.minuteOfDay(instant)))"
    }

    /// `Sep 25`: a month of the year calendar.
    public static func month(_ date: CalendarDate) -> String {
        let year = date.year % 100
        return "\(months[date.month - 1]) \(year < 10 ? "0" : "")\(year)"
    }
}
