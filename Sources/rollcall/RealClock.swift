import Foundation
import RollcallCore

/// The real date and time, by which everyone but an admin is judged
/// (`StaffList.mayPretend`), whatever `--today` or `ROLLCALL_TIME` say.
///
/// Tests of the rules need a tutor whose real day is a school day of their calendar, so
/// a debug build (the test suite's) reads `ROLLCALL_TEST_NOW` (`2025-09-08T09:10:00Z`).
/// A release build, the one a school installs, never does: it would be the same hole.
enum RealClock {
    static var now: Date {
        #if DEBUG
        if let text = ProcessInfo.processInfo.environment["ROLLCALL_TEST_NOW"], let date = ISO8601DateFormatter().date(from: text) {
            return date
        }
        #endif
        return Date()
    }

    static var today: CalendarDate { CalendarDate(now, in: School.timeZone) }
    static var minute: Int { School.minuteOfDay(now) }
}
