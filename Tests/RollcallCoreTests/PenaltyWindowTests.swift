import Testing
@testable import RollcallCore

@Suite("The penalty-notice threshold")
struct PenaltyWindowTests {
    func position(asOf date: String, _ marks: [Session: AttendanceCode]) throws -> PenaltyPosition {
        let calendar = try calendar()
        let window = try #require(PenaltyWindow(asOf: day(date), calendar: calendar))
        return PenaltyPosition(window: window, calendar: calendar) { marks[$0] }
    }

    /// Unauthorised marks on both sessions of consecutive school days from `first`.
    func absences(from first: String, days: [Int], code: AttendanceCode = .otherUnauthorised) -> [Session: AttendanceCode] {
        var marks: [Session: AttendanceCode] = [:]
        for offset in days {
            let date = day(first).advanced(by: offset)
            marks[Session(date, .am)] = code
            marks[Session(date, .pm)] = code
        }
        return marks
    }

    @Test func theWindowIsTenSchoolWeeksSkippingHalfTerm() throws {
        // As of Friday 9 January 2026. School weeks back: 5 Jan, 15 Dec, 8 Dec, 1 Dec,
        // 24 Nov, 17 Nov, 10 Nov, 3 Nov (INSET Monday: still a school week), then half
        // term (27 Oct) is skipped, 20 Oct, 13 Oct. The two Christmas weeks are skipped.
        let window = try #require(PenaltyWindow(asOf: day("2026-01-09"), calendar: calendar()))
        #expect(window.weeks.count == 10)
        #expect(window.start == day("2025-10-13"))
        #expect(window.end == day("2026-01-09"))
        #expect(window.weeks.last?.monday == day("2026-01-05"))
        #expect(!window.weeks.contains(SchoolWeek(monday: day("2025-10-27"))))
        #expect(!window.weeks.contains(SchoolWeek(monday: day("2025-12-22"))))
    }

    @Test func tenSessionsAcrossTheChristmasHolidayReachTheThreshold() throws {
        // Thu 18 and Fri 19 Dec morning (Friday afternoon is closed): 3 sessions;
        // Mon 5 to Wed 7 Jan and Thursday morning: 7 sessions. 10 in all.
        var marks = absences(from: "2026-01-05", days: [0, 1, 2], code: .holidayNotGranted)
        marks[am("2026-01-08")] = .reasonNotYetEstablished
        marks[am("2025-12-18")] = .otherUnauthorised
        marks[pm("2025-12-18")] = .arrivedAfterRegisterClosed
        marks[am("2025-12-19")] = .otherUnauthorised
        let result = try position(asOf: "2026-01-09", marks)
        #expect(result.unauthorisedSessions == 10)
        #expect(result.thresholdReached)
    }

    @Test func nineSessionsDoNotReachTheThreshold() throws {
        var marks = absences(from: "2026-01-05", days: [0, 1, 2, 3]) // 8 sessions
        marks[am("2026-01-09")] = .holidayNotGranted
        let result = try position(asOf: "2026-01-09", marks)
        #expect(result.unauthorisedSessions == 9)
        #expect(!result.thresholdReached)
    }

    @Test func onlyGNOUCount() throws {
        var marks = absences(from: "2026-01-05", days: [0, 1, 2, 3], code: .illness)
        marks.merge(absences(from: "2025-12-08", days: [0, 1, 2, 3, 4], code: .medicalAppointment)) { $1 }
        marks[am("2026-01-09")] = .late
        #expect(try position(asOf: "2026-01-09", marks).unauthorisedSessions == 0)
    }

    @Test func sessionsBeforeTheWindowOrAfterTheDayDoNotCount() throws {
        // Window as of Wed 7 Jan 2026 starts Monday 13 Oct 2025.
        var marks = absences(from: "2025-10-10", days: [0]) // Fri before the window: 2
        marks[am("2025-10-13")] = .otherUnauthorised // first session of the window: 1
        marks[pm("2026-01-07")] = .otherUnauthorised // the day itself: 1
        marks[am("2026-01-08")] = .otherUnauthorised // after the day: not counted
        #expect(try position(asOf: "2026-01-07", marks).unauthorisedSessions == 2)
    }

    @Test func aWindowAsOfADayInHalfTermLooksBackOverTheWeeksBefore() throws {
        // Wed 18 Feb 2026 is in half term: the 10 school weeks are 9 Feb back to 24 Nov.
        let window = try #require(PenaltyWindow(asOf: day("2026-02-18"), calendar: calendar()))
        #expect(window.start == day("2025-11-24"))
        #expect(window.weeks.last?.monday == day("2026-02-09"))
        let marks = absences(from: "2026-02-09", days: [0, 1, 2, 3, 4]) // 10 sessions
        #expect(try position(asOf: "2026-02-18", marks).thresholdReached)
    }

    @Test func theWindowSpansTheSummerHolidayIntoTheLastSchoolYear() throws {
        // As of Fri 12 Sep 2025: weeks of 8 Sep and 1 Sep, then back over the summer to
        // 21 Jul, 14 Jul, 7 Jul, 30 Jun, 23 Jun, 16 Jun, 9 Jun, 2 Jun 2025.
        let window = try #require(PenaltyWindow(asOf: day("2025-09-12"), calendar: calendar()))
        #expect(window.weeks.count == 10)
        #expect(window.start == day("2025-06-02"))
        var marks = absences(from: "2025-07-21", days: [0, 1]) // Mon-Tue before summer: 4
        marks.merge(absences(from: "2025-09-08", days: [0, 1, 2])) { $1 } // 6 more
        #expect(try position(asOf: "2025-09-12", marks).unauthorisedSessions == 10)
    }

    @Test func noWindowBeforeTheCalendarBegins() throws {
        #expect(PenaltyWindow(asOf: day("2024-01-10"), calendar: try calendar()) == nil)
    }
}
