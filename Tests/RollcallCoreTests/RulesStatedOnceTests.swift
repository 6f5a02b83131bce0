import Foundation
import Testing
@testable import RollcallCore

/// Rules the screens, commands and letters once each worked out for themselves, now
/// stated once in Core: what "this year" means, where a part-time timetable stands,
/// whether a save is an amendment, and how a pupil, a sex and a threshold are written.
@Suite("Rules stated once")
struct RulesStatedOnceTests {
    let ann = pupil("938432125001", "Ann")
    let lead = Recorder(login: "lead")

    @Test func theYearSoFarRunsFromItsFirstDayToTheDayAsked() throws {
        let calendar = try calendar()
        // 2025-26 begins on Wednesday 3 September.
        #expect(calendar.yearSoFar(asOf: day("2025-09-02")) == nil)
        #expect(calendar.yearSoFar(asOf: day("2025-09-03")) == day("2025-09-03")...day("2025-09-03"))
        #expect(calendar.yearSoFar(asOf: day("2026-03-10")) == day("2025-09-03")...day("2026-03-10"))
        #expect(calendar.yearSoFar(asOf: day("2030-01-06")) == nil)
    }

    @Test func attendanceThisYearIsWorkedOutFromTheYearSoFar() throws {
        // Wednesday 3 to Friday 12 September: 8 school days, 16 sessions; ill all Friday
        // 5th: 14 of 16 attended, 87.5%.
        let school = try records([ann], through: "2025-09-12", except: [ann.upn: both("2025-09-05", .illness)])
        let figures = AttendanceFigures.yearSoFar(of: ann, asOf: day("2025-09-12"), calendar: school.calendar) {
            school.book.code(for: ann.upn, at: $0)
        }
        #expect(figures?.possible == 16)
        #expect(figures?.attendanceRate?.description == "87.5")
        #expect(AttendanceFigures.yearSoFar(of: ann, asOf: day("2025-09-01"), calendar: school.calendar) { _ in nil } == nil)
    }

    func logged(_ entries: [(String, InterventionKind, String?)]) throws -> [InterventionRecord] {
        try entries.enumerated().map { index, entry in
            InterventionRecord(number: index + 1, intervention: try Intervention(
                upn: ann.upn, date: day(entry.0), kind: entry.1, reviewDate: entry.2.map(day)), by: lead, at: Date(timeIntervalSince1970: 0))
        }
    }

    @Test func aPartTimeTimetableIsWhatTheLogSaysAndAC2WhenTheLogIsSilent() throws {
        // Ann is coded C2 on Wednesday 10 September afternoon.
        let school = try records([ann], through: "2025-09-12", except: [ann.upn: [pm("2025-09-10"): Mark(.partTimeTimetable)]])
        func isOn(_ date: String, _ log: [InterventionRecord]) -> Bool {
            PartTimeTimetable.isOn(ann, asOf: day(date), log: log, book: school.book, calendar: school.calendar)
        }
        // Nothing logged: the C2 says so from its day.
        #expect(!isOn("2025-09-09", []))
        #expect(isOn("2025-09-10", []))
        // Logged: agreed on the 8th, ended on the 11th; the C2 no longer decides.
        let log = try logged([("2025-09-08", .partTimeTimetable, "2025-10-08"), ("2025-09-11", .partTimeEnded, nil)])
        #expect(!isOn("2025-09-05", log))
        #expect(isOn("2025-09-08", log))
        #expect(!isOn("2025-09-11", log))
        #expect(!isOn("2025-09-12", log))
        // Two entries on one day: the one logged later stands.
        let sameDay = try logged([("2025-09-08", .partTimeEnded, nil), ("2025-09-08", .partTimeReview, "2025-10-08")])
        #expect(PartTimeTimetable.latest(for: ann.upn, in: sameDay, asOf: day("2025-09-08"))?.number == 2)
        #expect(isOn("2025-09-08", sameDay))
    }

    @Test(arguments: [
        (nil, nil, false), (Mark(.presentAM), nil, false), (Mark(.presentAM), Mark(.presentAM), false),
        (Mark(.illness), Mark(.presentAM), true), (nil, Mark(.presentAM), true),
        (Mark(.late, minutesLate: 12), Mark(.late, minutesLate: 10), true),
        (Mark(.late, minutesLate: 10, note: "bus"), Mark(.late, minutesLate: 10), true),
    ] as [(Mark?, Mark?, Bool)])
    func aSaveIsAnAmendmentWhenItChangesOrClearsASavedMark(mark: Mark?, existing: Mark?, amends: Bool) {
        let session = am("2025-09-10")
        #expect(StaffAction.recording(mark, over: existing, group: "7A", session: session)
                == (amends ? .amend(group: "7A", session: session) : .mark(group: "7A", session: session)))
    }

    @Test func namesSexesAndThresholdsAreWrittenOneWay() throws {
        let shiv = Pupil(upn: try UPN(body: "938432125003"), surname: "O'Brien", forename: "Siobhán", preferredName: "Shiv",
                         dateOfBirth: day("2014-03-01"), yearGroup: 7, form: "7A", sex: .female)
        #expect(shiv.listName == "O'Brien, Shiv")
        #expect(CohortDimension.sex.cohort(of: shiv) == "Female")
        #expect(CohortDimension(rawValue: "sex") == .sex)
        #expect(AbsenceThreshold.persistent.label == "10%+" && AbsenceThreshold.severe.label == "50%+")
    }
}
