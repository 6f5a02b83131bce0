import Foundation
import Testing
@testable import RollcallCore

/// The termly pack's figures: its period and last year's, and where the absence fell.
@Suite("The termly pack")
struct TermlyPackTests {
    /// The fixture year with a whole year before it, for "the same period last year".
    func twoYears() throws -> SchoolCalendar {
        let before = try AcademicYear(name: "2024-25", terms: [
            Term(name: "Autumn 1", start: day("2024-09-04"), end: day("2024-10-25")),
            Term(name: "Autumn 2", start: day("2024-11-04"), end: day("2024-12-20")),
            Term(name: "Spring 1", start: day("2025-01-06"), end: day("2025-02-14")),
        ])
        return try SchoolCalendar(years: [before, year2025_26()])
    }

    @Test func aTermByItsFirstWordIsBothHalvesUpToToday() throws {
        let period = try PackPeriod.term("autumn", year: nil, today: day("2025-11-20"), calendar: twoYears())
        #expect(period.title == "Autumn term 2025-26")
        #expect(period.days == day("2025-09-03")...day("2025-11-20"))
        // Last year's autumn term is cut at the same date, so the two compare like with like.
        #expect(period.lastYear == day("2024-09-04")...day("2024-11-20"))
    }

    @Test func aTermOverIsComparedWithAllOfLastYears() throws {
        let period = try PackPeriod.term("Autumn 2", year: nil, today: day("2026-01-10"), calendar: twoYears())
        #expect(period.title == "Autumn 2 2025-26")
        #expect(period.days == day("2025-11-03")...day("2025-12-19"))
        #expect(period.lastYear == day("2024-11-04")...day("2024-12-20"))
    }

    @Test func aYearWithoutTheTermOrNoYearBeforeHasNoComparison() throws {
        // The fixture's 2024-25 holds only Summer 2.
        let autumn = try PackPeriod.term("Autumn", year: nil, today: day("2025-11-20"), calendar: calendar())
        #expect(autumn.lastYear == nil)
        let summer = try PackPeriod.term("Summer", year: "2024-25", today: day("2025-11-20"), calendar: calendar())
        #expect(summer.title == "Summer term 2024-25" && summer.days == day("2025-06-02")...day("2025-07-22") && summer.lastYear == nil)
    }

    @Test func termsThatCannotBeHadAreRefusedByName() throws {
        let calendar = try calendar()
        #expect(throws: PackPeriodError.notStarted("Summer 1", starts: day("2026-04-13"))) {
            try PackPeriod.term("Summer", year: nil, today: day("2025-11-20"), calendar: calendar)
        }
        do {
            _ = try PackPeriod.term("Michaelmas", year: nil, today: day("2025-11-20"), calendar: calendar)
            Issue.record("an unknown term was accepted")
        } catch {
            #expect(error.description.contains("2025-26 has no term 'Michaelmas'; its terms are Autumn 1, Autumn 2, Spring 1"))
        }
        #expect(throws: PackPeriodError.noSuchYear("2019-20", known: ["2024-25", "2025-26"])) {
            try PackPeriod.term("Autumn", year: "2019-20", today: day("2025-11-20"), calendar: calendar)
        }
    }

    @Test func datesAreComparedWithTheSameDatesAYearBefore() throws {
        let calendar = try calendar()
        let june = PackPeriod.dates(day("2026-06-03")...day("2026-07-01"), calendar: calendar)
        #expect(june.title == "2026-06-03 to 2026-07-01" && june.lastYear == day("2025-06-03")...day("2025-07-01"))
        // Nothing of September 2024 is in the fixture calendar.
        #expect(PackPeriod.dates(day("2025-09-03")...day("2025-09-30"), calendar: calendar).lastYear == nil)
        #expect(day("2028-02-29").sameDayLastYear == day("2027-02-28"))
    }

    /// Week of Mon 8 Sep 2025, 3 pupils, 30 possible sessions: Ann ill all Monday, Cat at
    /// the dentist Monday morning, Bob absent without reason Friday afternoon.
    @Test func absenceByCodeAndByWeekdayAddUpToTheTally() throws {
        let ann = pupil("938432125001", "Ann"), bob = pupil("938432125002", "Bob"), cat = pupil("938432125003", "Cat")
        let records = try records([ann, bob, cat], through: "2025-09-12", except: [
            ann.upn: both("2025-09-08", .illness), bob.upn: [pm("2025-09-12"): Mark(.otherUnauthorised)],
            cat.upn: [am("2025-09-08"): Mark(.medicalAppointment)],
        ])
        let week = day("2025-09-08")...day("2025-09-12")
        let rows = PupilAttendance.report(records.pupils, book: records.book, calendar: records.calendar, period: week)
        let breakdown = AbsenceBreakdown(rows, book: records.book, calendar: records.calendar, period: week)
        #expect(breakdown.byCode.map { "\($0.code.symbol) \($0.sessions)" } == ["I 2", "M 1", "O 1"])
        let slots = breakdown.byWeekday.slots.map { "\($0.weekday.shortName) \($0.part.rawValue) \($0.absent)/\($0.possible)" }
        #expect(slots == ["Mon AM 2/3", "Mon PM 1/3", "Tue AM 0/3", "Tue PM 0/3", "Wed AM 0/3", "Wed PM 0/3",
                          "Thu AM 0/3", "Thu PM 0/3", "Fri AM 0/3", "Fri PM 1/3"])
        let school = CohortSummary(rows, by: .yearGroup).school.tally
        #expect(school.authorisedAbsence == 3 && school.unauthorisedAbsence == 1 && school.possible == 30)
    }

    @Test func thePackCountsWhatWasLoggedInThePeriodAndEveryList() throws {
        let ann = pupil("938432125001", "Ann"), bob = pupil("938432125002", "Bob")
        let records = try records([ann, bob], through: "2025-09-19", except: [bob.upn: both("2025-09-08", .reasonNotYetEstablished)])
        let lead = Recorder(login: "lead")
        let log = try [
            Intervention(upn: bob.upn, date: day("2025-09-08"), kind: .firstDayCall),
            Intervention(upn: bob.upn, date: day("2025-09-10"), kind: .letter),
            Intervention(upn: ann.upn, date: day("2025-09-11"), kind: .letter),
            Intervention(upn: bob.upn, date: day("2025-09-22"), kind: .meeting),
        ].enumerated().map { InterventionRecord(number: $0.offset + 1, intervention: $0.element, by: lead, at: Date(timeIntervalSince1970: 0)) }
        let period = PackPeriod.dates(day("2025-09-08")...day("2025-09-19"), calendar: records.calendar)
        let followUps = FollowUps(records, contacts: [], log: log, asOf: day("2025-09-19")).list()
        let pack = TermlyPack(schoolName: "Test", period: period, records: records, log: log, followUps: followUps, deletions: [:])
        #expect(pack.interventions.map { "\($0.kind.rawValue) \($0.count)" } == ["first-day-call 1", "letter 2"])
        #expect(pack.logged(.penaltyNoticeIssued) == 0 && pack.logged(.letter) == 2)
        #expect(pack.followUps.map(\.rule) == FollowUpRule.allCases)
        // Bob's Ns of 8 Sep have had 5 school days after them; nobody has an address.
        #expect(pack.followUps.first { $0.rule == .resolveN }?.pupils == 1)
        #expect(pack.followUps.first { $0.rule == .admissionDetails }?.pupils == 2)
        // Two weeks of 2 pupils: 40 possible, 2 absent; the weeks run from the year's first.
        #expect(pack.school.sessions.possible == 40 && pack.school.tally.unauthorisedAbsence == 2)
        #expect(pack.weeks.weeks.map(\.week.monday) == [day("2025-09-01"), day("2025-09-08"), day("2025-09-15")])
        #expect(pack.lastYear == nil)
        #expect(pack.terms.map(\.name).first == "Autumn 1")
    }
}
