import Testing
@testable import RollcallCore

/// Which days are well below what is usual for a school, worked by hand on whole weeks.
@Suite("Unusual days")
struct UnusualDaysTests {
    /// A day of a 1,000-pupil school (2,000 sessions) at `rate` percent: large enough that
    /// sampling error is under the 3-point margin.
    static func tally(_ rate: Int, of possible: Int = 2_000) -> AttendanceTally {
        let attended = rate * possible / 100
        var tally = AttendanceTally()
        for _ in 0..<attended { tally.add(.presentAM) }
        for _ in attended..<possible { tally.add(.illness) }
        return tally
    }

    /// Seven school weeks from Monday 3 November 2025, every day at `rate` unless `odd` says otherwise.
    static func weeks(_ rate: Int = 95, count: Int = 7, odd: [String: Int] = [:], possible: Int = 2_000)
        -> [(date: CalendarDate, tally: AttendanceTally)] {
        let monday = CalendarDate(year: 2025, month: 11, day: 3)!
        return (0..<(7 * count)).map { monday.advanced(by: $0) }.filter { !$0.isWeekend }.map { date in
            (date, tally(odd[date.description] ?? rate, of: possible))
        }
    }

    @Test func aDayFarBelowTheSameWeekdaysAroundItIsUnusual() {
        // Wednesday 26 November at 80%: its Wednesdays either side are all 95%, so 95 is
        // usual and anything below 92 is unusual.
        let judged = UnusualDays.judge(Self.weeks(odd: ["2025-11-26": 80, "2025-11-27": 92, "2025-11-28": 91]))
        #expect(judged.filter(\.isUnusual).map(\.date.description) == ["2025-11-26", "2025-11-28"])
        let wednesday = judged.first { $0.date.description == "2025-11-26" }
        #expect(wednesday?.expected == 95)
        // 92 is exactly 3 points below: not more than the margin.
        #expect(judged.first { $0.date.description == "2025-11-27" }?.isUnusual == false)
    }

    @Test func aSchoolWhoseMondaysSwingIsNotFlaggedForEveryLowMonday() {
        // Mondays alternate 90 and 98: the usual Monday is 94, each 4 points from it, so
        // the margin is 3 x 4 = 12 points: 85 is within it, 81 is not.
        let mondays = ["2025-11-03": 90, "2025-11-10": 98, "2025-11-17": 90, "2025-12-01": 98, "2025-12-08": 90, "2025-12-15": 98]
        let within = UnusualDays.judge(Self.weeks(odd: mondays.merging(["2025-11-24": 85]) { $1 }))
        #expect(within.first { $0.date.description == "2025-11-24" }.map { ($0.expected, $0.isUnusual) }! == (94, false))
        let below = UnusualDays.judge(Self.weeks(odd: mondays.merging(["2025-11-24": 81]) { $1 }))
        #expect(below.first { $0.date.description == "2025-11-24" }?.isUnusual == true)
    }

    @Test func aHolidayIsPassedOverAndTooFewWeeksTellNothing() {
        // Two weeks, then a week's holiday, then two more: the last Friday's Fridays are the
        // three before it, across the holiday; at 80 it is unusual.
        let days = Self.weeks(count: 5, odd: ["2025-12-05": 80]).filter { !(CalendarDate(year: 2025, month: 11, day: 17)!...CalendarDate(year: 2025, month: 11, day: 21)!).contains($0.date) }
        let judged = UnusualDays.judge(days)
        #expect(judged.filter(\.isUnusual).map(\.date.description) == ["2025-12-05"])
        // With two weeks in all no weekday has three others: nothing is flagged, nothing expected.
        let short = UnusualDays.judge(Self.weeks(count: 2, odd: ["2025-11-05": 10]))
        #expect(short.allSatisfy { !$0.isUnusual && $0.expected == nil })
    }

    @Test func aSmallSchoolIsNotFlaggedForAPupilOrTwo() {
        // 60 pupils, 120 sessions a day, usually 90%: one pupil away all day is 1.7 points,
        // and the margin is 3 standard errors over the day's pupils, 3 x sqrt(0.9 x 0.1 / 60)
        // = 11.6 points. A day at 85 is within it; a day at 70 (a sickness bug) is not; and
        // 80 (96 of 120 sessions, 10 below) is still within it, where 75 is not.
        let within = UnusualDays.judge(Self.weeks(90, odd: ["2025-11-26": 85], possible: 120))
        #expect(within.filter(\.isUnusual).isEmpty)
        let bug = UnusualDays.judge(Self.weeks(90, odd: ["2025-11-26": 70], possible: 120))
        #expect(bug.filter(\.isUnusual).map(\.date.description) == ["2025-11-26"])
        #expect(UnusualDays.judge(Self.weeks(90, odd: ["2025-11-26": 80], possible: 120)).filter(\.isUnusual).isEmpty)
        #expect(UnusualDays.judge(Self.weeks(90, odd: ["2025-11-26": 75], possible: 120)).filter(\.isUnusual).count == 1)
    }

    @Test func anOrdinaryTermFlagsNoDay() {
        // Rates wandering between 93 and 96 by weekday and week, as a school's do.
        var odd: [String: Int] = [:]
        for (index, day) in Self.weeks(count: 14).enumerated() { odd[day.date.description] = 93 + (index * 7) % 4 }
        #expect(UnusualDays.judge(Self.weeks(count: 14, odd: odd)).filter(\.isUnusual).isEmpty)
    }

    @Test(arguments: [(2, 10, true), (1, 4, true), (1, 5, false), (0, 1, false), (1, 1, true), (3, 40, true), (1, 40, false)])
    func theTrustsDayIsUnusualWhenTwoSchoolsOrAQuarterAre(unusual: Int, schools: Int, expected: Bool) {
        #expect(UnusualDays.isUnusualForTrust(unusualSchools: unusual, schools: schools) == expected)
    }

    @Test func aDaysTallyCountsBothSessionsOfEveryPupil() throws {
        let calendar = try SchoolCalendar(years: [try AcademicYear(name: "2025-26", terms: [
            Term(name: "Autumn", start: CalendarDate(year: 2025, month: 9, day: 1)!, end: CalendarDate(year: 2025, month: 12, day: 19)!)])])
        let born = CalendarDate(year: 2014, month: 1, day: 1)!
        let ann = Pupil(upn: try UPN("B801200005001"), surname: "Ann", forename: "A", dateOfBirth: born, yearGroup: 7, form: "7A")
        let bob = Pupil(upn: try UPN("P207000016049"), surname: "Bob", forename: "B", dateOfBirth: born, yearGroup: 7, form: "7A")
        var book = AttendanceBook(span: CalendarDate(year: 2025, month: 9, day: 1)!...CalendarDate(year: 2025, month: 9, day: 12)!)
        let monday = CalendarDate(year: 2025, month: 9, day: 8)!
        book.record(Mark(.presentAM), for: ann.upn, at: Session(monday, .am))
        book.record(Mark(.presentPM), for: ann.upn, at: Session(monday, .pm))
        book.record(Mark(.otherUnauthorised), for: bob.upn, at: Session(monday, .am))
        book.record(Mark(.late), for: bob.upn, at: Session(monday, .pm))
        let tallies = SchoolDay.tallies(SchoolRecords(calendar: calendar, pupils: [ann, bob], book: book), days: monday...monday.advanced(by: 1))
        // Monday: 4 possible, 3 attended (/, \\, L); Tuesday: nobody marked yet.
        #expect(tallies.map(\.date) == [monday, monday.advanced(by: 1)])
        #expect(AttendanceFigures(tallies[0].tally).possible == 4 && tallies[0].tally.attended == 3)
        #expect(AttendanceFigures(tallies[1].tally).possible == 0)
    }
}
