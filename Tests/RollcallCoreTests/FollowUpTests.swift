import Foundation
import Testing
@testable import RollcallCore

@Suite("Support first: the follow-up lists")
struct FollowUpTests {
    let ann = pupil("938432125001", "Ann")
    let bob = pupil("938432125002", "Bob", socialWorker: true)
    let lead = Recorder(login: "lead")

    func days(_ dates: [String], _ code: AttendanceCode) -> [Session: Mark?] {
        dates.reduce(into: [:]) { marks, date in marks.merge(both(date, code)) { $1 } }
    }

    func logged(_ interventions: [Intervention]) -> [InterventionRecord] {
        interventions.enumerated().map { InterventionRecord(number: $0.offset + 1, intervention: $0.element, by: lead, at: Date(timeIntervalSince1970: 0)) }
    }

    func entries(_ school: SchoolRecords, _ rule: FollowUpRule, asOf date: String, contacts: [Contact] = [],
                 log: [Intervention] = []) -> [FollowUp] {
        FollowUps(school, contacts: contacts, log: logged(log), asOf: day(date)).list().filter { $0.rule == rule }
    }

    @Test func tenDaysUnauthorisedCountAcrossHalfTermAndAnInsetDay() throws {
        // O from Mon 20 to Fri 24 October (5 days), half term, Monday 3 November closed
        // for INSET, O Tuesday 4 to Monday 10 November (5 days): 10 by the Monday.
        let dates = ["2025-10-20", "2025-10-21", "2025-10-22", "2025-10-23", "2025-10-24",
                     "2025-11-04", "2025-11-05", "2025-11-06", "2025-11-07", "2025-11-10"]
        let school = try records([ann, bob], through: "2025-11-10", except: [ann.upn: days(dates, .otherUnauthorised)])
        // As of Sunday 9 November the run ends on Friday 7th: 9 school days.
        #expect(AbsenceRun(ann, codes: FollowUps.unauthorised, asOf: day("2025-11-09"), records: school).count == 9)
        #expect(entries(school, .notifyLAUnauthorised10, asOf: "2025-11-09").isEmpty)
        let listed = entries(school, .notifyLAUnauthorised10, asOf: "2025-11-10")
        #expect(listed.map(\.pupil.surname) == ["Ann"])
        #expect(listed.first?.schoolDays == 10)
        #expect(listed.first?.since == day("2025-10-20"))
        // Logging the notification on the day the count was reached clears it; one logged
        // before does not.
        let early = try Intervention(upn: ann.upn, date: day("2025-11-07"), kind: .localAuthorityNotified)
        let onTime = try Intervention(upn: ann.upn, date: day("2025-11-10"), kind: .localAuthorityNotified)
        #expect(entries(school, .notifyLAUnauthorised10, asOf: "2025-11-10", log: [early]).count == 1)
        #expect(entries(school, .notifyLAUnauthorised10, asOf: "2025-11-10", log: [onTime]).isEmpty)
    }

    @Test func aPresentAfternoonBreaksTheRun() throws {
        var marks = days(["2025-09-08", "2025-09-09", "2025-09-10"], .otherUnauthorised)
        marks[pm("2025-09-09")] = Mark(.presentPM)
        let school = try records([ann], through: "2025-09-10", except: [ann.upn: marks])
        #expect(AbsenceRun(ann, codes: FollowUps.unauthorised, asOf: day("2025-09-10"), records: school).days == [day("2025-09-10")])
    }

    @Test func fifteenDaysOfIllnessCountInARowOrInAll() throws {
        // Ten days ill in September and five more in October, apart: 15 in all.
        let september = (8...19).map { "2025-09-\(String(format: "%02d", $0))" }.filter { !day($0).isWeekend }
        let october = ["2025-10-06", "2025-10-07", "2025-10-08", "2025-10-09", "2025-10-10"]
        let school = try records([ann], through: "2025-10-13", except: [ann.upn: days(september + october, .illness)])
        #expect(entries(school, .notifyLAIllness15, asOf: "2025-10-09").isEmpty)
        let listed = entries(school, .notifyLAIllness15, asOf: "2025-10-13")
        #expect(listed.map(\.schoolDays) == [15])
        #expect(listed.first?.detail == "ill 0 school days in a row, 15 this year: tell the local authority")
    }

    @Test func twentyDaysGNOInARowAreADeletionCandidate() throws {
        let dates = (0..<28).map { day("2025-09-15").advanced(by: $0) }.filter { !$0.isWeekend }.map(\.description)
        let school = try records([ann], through: "2025-10-22",
                                 except: [ann.upn: days(Array(dates.prefix(10)), .reasonNotYetEstablished)
                                    .merging(days(Array(dates.dropFirst(10)), .otherUnauthorised)) { $1 }])
        // 20 school days: 15 September to 10 October.
        #expect(entries(school, .deletion20Days, asOf: "2025-10-09").isEmpty)
        let listed = entries(school, .deletion20Days, asOf: "2025-10-10")
        #expect(listed.first?.schoolDays == 20)
        #expect(listed.first?.detail.contains("local authority") == true)
    }

    @Test func todaysUnexplainedAbsenceNeedsACallAndTheWorkerTold() throws {
        let school = try records([ann, bob], through: "2025-09-10",
                                 except: [ann.upn: [am("2025-09-10"): Mark(.reasonNotYetEstablished)],
                                          bob.upn: [am("2025-09-10"): Mark(.reasonNotYetEstablished)]])
        let mum = Contact(upn: ann.upn, name: "Jo Ann", relationship: "Mother", phones: ["07700 900123"], livesWithPupil: true)
        let calls = entries(school, .firstDayCall, asOf: "2025-09-10", contacts: [mum])
        #expect(calls.map(\.pupil.surname) == ["Ann", "Bob"])
        #expect(calls.first?.detail == "N today (AM): call home: Mother Jo Ann 07700 900123")
        // What leaves the school says what to do, not whom to ring.
        #expect(calls.first?.shared.detail == "N today (AM): call home")
        let worker = Contact(upn: bob.upn, name: "Dana Whitfield", relationship: "Social worker", role: .socialWorker, phones: ["01632 960558"])
        let tell = entries(school, .tellSocialWorker, asOf: "2025-09-10", contacts: [mum, worker])
        #expect(tell.map(\.detail) == ["N today (AM): tell Social worker Dana Whitfield 01632 960558"])
        #expect(tell.map(\.shared.detail) == ["N today (AM): tell the social worker"])
        #expect(entries(school, .tellSocialWorker, asOf: "2025-09-10").map(\.pupil.surname) == ["Bob"])
        let called = try Intervention(upn: ann.upn, date: day("2025-09-10"), kind: .firstDayCall, note: "Mum: ill, will send note")
        let told = try Intervention(upn: bob.upn, date: day("2025-09-10"), kind: .workerTold)
        #expect(entries(school, .firstDayCall, asOf: "2025-09-10", log: [called, told]).map(\.pupil.surname) == ["Bob"])
        #expect(entries(school, .tellSocialWorker, asOf: "2025-09-10", log: [called, told]).isEmpty)
    }

    @Test func nOlderThanFiveSchoolDaysIsOneEntryPerPupil() throws {
        let school = try records([ann], through: "2025-09-19",
                                 except: [ann.upn: [am("2025-09-08"): Mark(.reasonNotYetEstablished), pm("2025-09-09"): Mark(.reasonNotYetEstablished)]])
        let listed = entries(school, .resolveN, asOf: "2025-09-19")
        #expect(listed.count == 1)
        #expect(listed.first?.sessions == [am("2025-09-08"), pm("2025-09-09")])
    }

    @Test func partTimeTimetablesComeBackWhenTheReviewIsDue() throws {
        let school = try records([ann], through: "2025-10-01")
        let agreed = try Intervention(upn: ann.upn, date: day("2025-09-08"), kind: .partTimeTimetable, reviewDate: day("2025-09-22"))
        #expect(entries(school, .partTimeReview, asOf: "2025-09-22", log: [agreed]).isEmpty)
        #expect(entries(school, .partTimeReview, asOf: "2025-09-23", log: [agreed]).first?.since == day("2025-09-22"))
        let reviewed = try Intervention(upn: ann.upn, date: day("2025-09-23"), kind: .partTimeReview, reviewDate: day("2025-10-06"))
        #expect(entries(school, .partTimeReview, asOf: "2025-09-24", log: [agreed, reviewed]).isEmpty)
        #expect(throws: InterventionError.needs(.partTimeTimetable, "a review date (log part-time-ended when it ends)")) {
            try Intervention(upn: ann.upn, date: day("2025-09-08"), kind: .partTimeTimetable)
        }
    }

    /// Ann misses Monday 8 to Friday 12 September with O: 10 sessions.
    func penaltySchool() throws -> SchoolRecords {
        try records([ann, bob], through: "2025-09-19",
                    except: [ann.upn: days(["2025-09-08", "2025-09-09", "2025-09-10", "2025-09-11", "2025-09-12"], .otherUnauthorised)])
    }

    @Test func thePenaltyListAsksForSupportFirst() throws {
        let school = try penaltySchool()
        let first = try #require(entries(school, .penaltyThreshold, asOf: "2025-09-19").first)
        #expect(first.penalty?.supportEvidenced == false)
        #expect(first.penalty?.nextStep == "offer support first, then a notice to improve")
        #expect(first.detail.contains("support not yet evidenced"))
        let meeting = try Intervention(upn: ann.upn, date: day("2025-09-15"), kind: .meeting, note: "Met mum and Ann")
        let after = try #require(entries(school, .penaltyThreshold, asOf: "2025-09-19", log: [meeting]).first)
        #expect(after.penalty?.supportEvidenced == true)
        #expect(after.penalty?.nextStep == "notice to improve")
        #expect(after.detail.contains("support: meeting 2025-09-15"))
        // The same pupils as the penalty report, always.
        #expect(entries(school, .penaltyThreshold, asOf: "2025-09-19").map(\.pupil.upn)
            == PupilPenalty.report(school.pupils, book: school.book, calendar: school.calendar, asOf: day("2025-09-19")).map(\.pupil.upn))
    }

    @Test func aNoticeIsTiedToItsSessionsAndCountedPerParentOverThreeYears() throws {
        let school = try penaltySchool()
        let window = (8...12).flatMap { [am("2025-09-\(String(format: "%02d", $0))"), pm("2025-09-\(String(format: "%02d", $0))")] }
        let mum = Contact(upn: ann.upn, name: "Jo Ann", relationship: "Mother")
        let dad = Contact(upn: ann.upn, name: "Sam Ann", relationship: "Father")
        // Mum: one notice in 2022 (over 3 years before 19 September 2025), one in 2024,
        // one withdrawn in 2025. Dad: none.
        let old = try Intervention(upn: ann.upn, date: day("2022-09-18"), kind: .penaltyNoticeIssued, parent: "Jo Ann", sessions: [am("2022-09-12")])
        let recent = try Intervention(upn: ann.upn, date: day("2024-03-01"), kind: .penaltyNoticeIssued, parent: "Jo Ann", sessions: [am("2024-02-12")])
        let withdrawnNotice = try Intervention(upn: ann.upn, date: day("2025-06-01"), kind: .penaltyNoticeIssued, parent: "Jo Ann", sessions: [am("2025-05-12")])
        let withdrawal = try Intervention(upn: ann.upn, date: day("2025-06-10"), kind: .penaltyNoticeWithdrawn, notice: 3)
        let log = [old, recent, withdrawnNotice, withdrawal]
        let entry = try #require(entries(school, .penaltyThreshold, asOf: "2025-09-19", contacts: [mum, dad], log: log).first)
        #expect(entry.penalty?.notices.map { "\($0.parent) \($0.inLastThreeYears)" } == ["Jo Ann 1", "Sam Ann 0"])
        // Shared, the parents are numbered in the contacts' order, their counts kept.
        #expect(entry.shared.penalty?.notices.map { "\($0.parent) \($0.inLastThreeYears)" } == ["parent 1 1", "parent 2 0"])
        #expect(entry.penalty?.notices.first?.nextNotice == "second notice within 3 years: £160, paid within 28 days")
        #expect(entry.penalty?.notices.last?.nextNotice == "first notice: £80 if paid within 21 days, £160 within 28")
        // A second notice in 2025 to mum: no third within 3 years for her.
        let second = try Intervention(upn: ann.upn, date: day("2025-09-19"), kind: .penaltyNoticeIssued, parent: "Jo Ann", sessions: window)
        let issued = try #require(entries(school, .penaltyThreshold, asOf: "2025-09-19", contacts: [mum, dad], log: log + [second]).first)
        #expect(issued.penalty?.notices.first?.furtherNoticeAllowed == false)
        // Those 10 sessions are now tied to that notice: nothing left to act on.
        #expect(issued.isOpen == false)
        #expect(issued.penalty?.sessionsNotYetActedOn == 0)
        // A decision not to issue needs its reason, and also covers its sessions.
        #expect(throws: InterventionError.needs(.decisionNotToIssue, "the reason")) {
            try Intervention(upn: ann.upn, date: day("2025-09-19"), kind: .decisionNotToIssue, sessions: window)
        }
        let decision = try Intervention(upn: ann.upn, date: day("2025-09-19"), kind: .decisionNotToIssue,
                                        note: "Bereavement in the family", sessions: window)
        #expect(entries(school, .penaltyThreshold, asOf: "2025-09-19", log: [decision]).first?.isOpen == false)
    }

    @Test func aTermTimeHolidayIsNotOfferedANoticeToImprove() throws {
        let school = try records([ann], through: "2025-09-19",
                                 except: [ann.upn: days(["2025-09-08", "2025-09-09", "2025-09-10", "2025-09-11", "2025-09-12"], .holidayNotGranted)])
        let entry = try #require(entries(school, .penaltyThreshold, asOf: "2025-09-19").first)
        #expect(entry.penalty?.nextStep.hasPrefix("term-time holiday") == true)
    }
}

@Suite("Runs of absence on the day asked about")
struct AbsenceRunTodayTests {
    @Test func todaysAfternoonNotYetTakenNeitherCountsNorBreaks() throws {
        let ann = pupil("938432125001", "Ann")
        var marks = [Session: Mark?]()
        for date in ["2025-09-08", "2025-09-09"] { marks.merge(both(date, .otherUnauthorised)) { $1 } }
        marks[am("2025-09-10")] = Mark(.otherUnauthorised)
        marks[pm("2025-09-10")] = .some(nil)
        let school = try records([ann], through: "2025-09-10", except: [ann.upn: marks])
        // Wednesday morning O, afternoon not taken yet: three days.
        #expect(AbsenceRun(ann, codes: FollowUps.unauthorised, asOf: day("2025-09-10"), records: school).count == 3)
        // Seen from Thursday, Wednesday afternoon is a register never taken: it breaks.
        #expect(AbsenceRun(ann, codes: FollowUps.unauthorised, asOf: day("2025-09-11"), records: school).count == 0)
    }
}
