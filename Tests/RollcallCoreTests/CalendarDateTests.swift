import PropertyBased
import Testing
@testable import RollcallCore

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test func readsAndWritesISODates() {
        let date = day("2025-09-03")
        #expect(date.parts == (2025, 9, 3))
        #expect(date.description == "2025-09-03")
        #expect(day("1970-01-01").dayNumber == 0)
        #expect(day("2000-03-01").dayNumber == 11_017)
    }

    @Test("impossible or badly written dates are refused", arguments: [
        "2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-9-1", "03/09/2025", "2025-09-03x", "",
    ])
    func refusesImpossibleDates(text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func leapDaysExist() {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2000-02-29") != nil)
        #expect(CalendarDate("1900-02-29") == nil)
    }

    @Test("weekdays of known dates", arguments: [
        ("2025-09-01", Weekday.monday), ("2024-12-25", .wednesday), ("2026-01-01", .thursday),
        ("2025-11-23", .sunday), ("1969-12-31", .wednesday),
    ])
    func weekdaysAreRight(text: String, weekday: Weekday) {
        #expect(day(text).weekday == weekday)
    }

    @Test func mondayOfTheWeek() {
        #expect(day("2025-11-23").monday == day("2025-11-17"))
        #expect(day("2025-11-17").monday == day("2025-11-17"))
        #expect(day("2026-01-01").monday == day("2025-12-29"))
    }

    @Test func textRoundTripsForAnyDay() async {
        await propertyCheck(input: Gen.int(in: -100_000...100_000)) { number in
            let date = CalendarDate(dayNumber: Int32(number))
            #expect(CalendarDate(date.description) == date)
            #expect(date.monday.weekday == .monday)
            #expect(date.monday.distance(to: date) == date.weekday.index)
        }
    }
}

@Suite("The attendance book")
struct AttendanceBookTests {
    @Test func theBookFindsMarksGivenInAnyOrder() {
        let pupil = upn("B801200005001")
        let registers = [pm("2025-09-05"), am("2025-09-01"), pm("2025-09-03")].map {
            Register(group: "7A", session: $0, marks: [pupil: Mark(.illness)])
        }
        let book = AttendanceBook(registers: registers)
        #expect(book.marks(for: pupil).map(\.session) == [am("2025-09-01"), pm("2025-09-03"), pm("2025-09-05")])
        #expect(book.code(for: pupil, at: pm("2025-09-03")) == .illness)
        #expect(book.code(for: pupil, at: am("2025-09-03")) == nil)
        #expect(book.code(for: pupil, at: am("2025-08-29")) == nil && book.code(for: pupil, at: am("2025-09-08")) == nil)
        #expect(book.hasMark(for: pupil, in: day("2025-09-02")...day("2025-09-03")))
        #expect(!book.hasMark(for: pupil, in: day("2025-09-06")...day("2025-09-30")))
        #expect(!book.hasMark(for: upn("P207000016049"), in: day("2025-09-01")...day("2025-09-30")))
    }
}
