import Testing
@testable import RollcallCore

@Suite("The school calendar")
struct SchoolCalendarTests {
    @Test func weekendsInsideATermAreNotSchoolDays() throws {
        let calendar = try calendar()
        #expect(calendar.isSchoolDay(day("2025-09-05"))) // Friday
        #expect(!calendar.isSchoolDay(day("2025-09-06"))) // Saturday
        #expect(!calendar.isSchoolDay(day("2025-09-07"))) // Sunday
        #expect(calendar.sessions(on: day("2025-09-06")).isEmpty)
    }

    @Test func daysOutsideTermsAreNotSchoolDays() throws {
        let calendar = try calendar()
        #expect(!calendar.isSchoolDay(day("2025-09-02"))) // the day before term
        #expect(!calendar.isSchoolDay(day("2025-10-29"))) // half term
        #expect(!calendar.isSchoolDay(day("2027-01-05"))) // beyond the calendar
    }

    @Test func closuresShutTheirSessionsOnly() throws {
        let calendar = try calendar()
        #expect(!calendar.isSchoolDay(day("2025-11-03"))) // INSET, AM+PM
        #expect(calendar.isSchoolSession(am("2025-12-19")))
        #expect(!calendar.isSchoolSession(pm("2025-12-19")))
        #expect(calendar.sessions(on: day("2025-12-19")) == [am("2025-12-19")])
        #expect(calendar.isSchoolDay(day("2025-12-19")))
    }

    @Test func countsTheSessionsOfATerm() throws {
        // Autumn 1, Wed 3 Sep to Fri 24 Oct 2025: 3 days, then 7 whole weeks = 38 days.
        let sessions = try calendar().sessions(in: day("2025-09-03")...day("2025-10-24"))
        #expect(sessions.count == 76)
        #expect(sessions.first == am("2025-09-03"))
        #expect(sessions.last == pm("2025-10-24"))
        #expect(sessions == sessions.sorted())
    }

    @Test func aHalfTermWeekIsNotASchoolWeek() throws {
        #expect(try calendar().schoolWeek(containing: day("2025-10-29")) == nil)
    }

    @Test func aWeekWithOneINSETDayIsStillASchoolWeek() throws {
        let calendar = try calendar()
        #expect(calendar.schoolWeek(containing: day("2025-11-03")) == SchoolWeek(monday: day("2025-11-03")))
        // The INSET Monday leaves four open days: eight sessions.
        #expect(calendar.sessions(in: day("2025-11-03")...day("2025-11-09")).count == 8)
    }

    @Test func schoolWeeksSkipHolidaysAndCrossYears() throws {
        let weeks = try calendar().schoolWeeks(endingWith: day("2025-09-10"), count: 3)
        // Week of 8 Sep, week of 1 Sep (term starts Wednesday 3rd), then back over the
        // summer holiday to the week of 21 July 2025 (term ends Tuesday 22nd).
        #expect(weeks.map(\.monday) == [day("2025-07-21"), day("2025-09-01"), day("2025-09-08")])
    }

    @Test func theAcademicYearOfADay() throws {
        let calendar = try calendar()
        #expect(calendar.academicYear(containing: day("2026-08-20"))?.name == "2025-26")
        #expect(calendar.academicYear(containing: day("2025-08-31"))?.name == "2024-25")
        #expect(AcademicYear.name(containing: day("2099-09-01")) == "2099-00")
    }

    @Test func refusesACalendarThatDoesNotHangTogether() {
        let autumn = Term(name: "Autumn", start: day("2025-09-03"), end: day("2025-12-19"))
        #expect(throws: CalendarError.badYearName("2025-27")) {
            try AcademicYear(name: "2025-27", terms: [autumn])
        }
        #expect(throws: CalendarError.noTerms(year: "2025-26")) {
            try AcademicYear(name: "2025-26", terms: [])
        }
        #expect(throws: CalendarError.termsOverlap("Autumn", "Overlap")) {
            try AcademicYear(name: "2025-26", terms: [
                autumn, Term(name: "Overlap", start: day("2025-12-01"), end: day("2026-01-10")),
            ])
        }
        #expect(throws: CalendarError.termEndsBeforeStart(term: "Backwards")) {
            try AcademicYear(name: "2025-26", terms: [
                Term(name: "Backwards", start: day("2025-12-19"), end: day("2025-09-03")),
            ])
        }
        #expect(throws: CalendarError.termOutsideYear(term: "Autumn", year: "2026-27")) {
            try AcademicYear(name: "2026-27", terms: [autumn])
        }
        #expect(throws: CalendarError.closureNotOnSchoolDay(day("2025-09-06"))) {
            try AcademicYear(name: "2025-26", terms: [autumn], closures: [
                Closure(date: day("2025-09-06"), parts: [.am], reason: "Saturday"),
            ])
        }
        #expect(throws: CalendarError.duplicateYear("2025-26")) {
            let year = try AcademicYear(name: "2025-26", terms: [autumn])
            _ = try SchoolCalendar(years: [year, year])
        }
    }
}
