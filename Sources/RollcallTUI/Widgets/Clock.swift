import RollcallCore

/// Times and days as a school writes them.
public enum Clock {
    /// `09:10` for 550 minutes after midnight.
    public static func text(_ minute: Int) -> String {
        let hours = String(minute / 60), minutes = String(minute % 60)
        return (hours.count == 1 ? "0" : "") + hours + ":" + (minutes.count == 1 ? "0" : "") + minutes
    }

    /// `Mon 8 Sep 2025`.
    public static func day(_ date: CalendarDate) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(date.weekday.shortName) \(date.day) \(months[date.month - 1]) \(date.year)"
    }
}
