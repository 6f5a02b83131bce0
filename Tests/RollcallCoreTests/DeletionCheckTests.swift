import Foundation
import Testing
@testable import RollcallCore

/// Deletion from the admission register, ground by ground, with dates worked by hand in
/// the fixture calendar: Summer 1 runs to Fri 22 May 2026 with the May Day bank holiday
/// (Mon 4 May) closed, half term is 25 to 29 May, Summer 2 starts Mon 1 June.
@Suite("Deleting a name on a ground of regulation 9")
struct DeletionCheckTests {
    let ann = pupil("938432125001", "Ann")
    let lead = Recorder(login: "lead")

    /// Thu 30 Apr to Thu 4 Jun 2026: 2 days, the bank holiday, 4, 5, 5, half term, 4 = 20 school days.
    static let run: [String] = {
        var days = ["2026-04-30", "2026-05-01", "2026-05-05", "2026-05-06", "2026-05-07", "2026-05-08"]
        days += ["2026-05-11", "2026-05-12", "2026-05-13", "2026-05-14", "2026-05-15"]
        days += ["2026-05-18", "2026-05-19", "2026-05-20", "2026-05-21", "2026-05-22"]
        return days + ["2026-06-01", "2026-06-02", "2026-06-03", "2026-06-04"]
    }()

    /// Ann absent every session of the run and on Fri 5 June: N mostly, a G week and an O
    /// day among them; present every day before the run.
    func absent(except changes: [Session: Mark?] = [:]) throws -> SchoolRecords {
        var marks: [Session: Mark?] = both("2026-06-05", .reasonNotYetEstablished)
        for (index, date) in Self.run.enumerated() {
            let code: AttendanceCode = (11..<16).contains(index) ? .holidayNotGranted : index == 3 ? .otherUnauthorised : .reasonNotYetEstablished
            marks.merge(both(date, code)) { $1 }
        }
        return try records([ann], through: "2026-06-05", except: [ann.upn: marks.merging(changes) { $1 }])
    }

    func enquiries(on date: String) throws -> [InterventionRecord] {
        [InterventionRecord(number: 1, intervention: try Intervention(upn: ann.upn, date: day(date), kind: .localAuthorityJointEnquiries),
                            by: lead, at: Date(timeIntervalSince1970: 0))]
    }

    func deletion(_ ground: DeletionGround, on date: String = "2026-06-05", otherSchool: String? = nil, noticeDate: String? = nil,
                  leaveEnded: String? = nil, confirmed: [String]? = nil) throws -> Deletion {
        try Deletion(upn: ann.upn, ground: ground, date: day(date), reason: "As the file shows", otherSchool: otherSchool,
                     noticeDate: noticeDate.map(day), leaveEnded: leaveEnded.map(day),
                     confirmed: confirmed ?? ground.confirmations.map(\.key))
    }

    func refusal(_ deletion: Deletion, records: SchoolRecords, log: [InterventionRecord] = [], today: String = "2026-06-05") -> DeletionRefusal? {
        do {
            try DeletionCheck.check(deletion, pupil: ann, records: records, log: log, today: day(today))
            return nil
        } catch {
            return error
        }
    }

    @Test func twentyDaysAcrossABankHolidayWeekendsAndHalfTermMeetGroundI() throws {
        let school = try absent()
        #expect(refusal(try deletion(.i), records: school, log: try enquiries(on: "2026-05-20")) == nil)
    }

    @Test func nineteenDaysAreNotEnoughAndTheRefusalSaysWhereTheRunStops() throws {
        // Deleting on Thursday 4 June: the run is Thu 30 Apr to Wed 3 Jun, 19 days; Wed 29 Apr Ann was present.
        let refused = refusal(try deletion(.i, on: "2026-06-04"), records: try absent(), log: try enquiries(on: "2026-05-20"), today: "2026-06-04")
        #expect(refused == .shortRun(days: 19, brokenBy: "2026-04-29 AM /"))
        #expect(refused?.description == "ground (i) needs at least 20 school days in a row, up to the deletion, every session G, N or O: there are 19, broken by 2026-04-29 AM /")
    }

    @Test func oneIllnessMarkBreaksTheRun() throws {
        // Counting back from Thu 4 Jun: 4 days of June, 5 of 18-22 May, Fri 15 and Thu 14 May: 11, then Wed 13 PM is I.
        let school = try absent(except: [pm("2026-05-13"): Mark(.illness)])
        #expect(refusal(try deletion(.i), records: school, log: try enquiries(on: "2026-05-20")) == .shortRun(days: 11, brokenBy: "2026-05-13 PM I"))
    }

    @Test func groundINeedsJointEnquiriesSinceTheRunBeganAndTheConfirmation() throws {
        let school = try absent()
        #expect(refusal(try deletion(.i), records: school) == .noJointEnquiries(since: day("2026-04-30")))
        #expect(refusal(try deletion(.i), records: school, log: try enquiries(on: "2026-04-29")) == .noJointEnquiries(since: day("2026-04-30")))
        let unconfirmed = refusal(try deletion(.i, confirmed: []), records: school, log: try enquiries(on: "2026-04-30"))
        #expect(unconfirmed == .notConfirmed(.i, DeletionGround.i.confirmations[0]))
        #expect(unconfirmed?.description.hasPrefix("ground (i) (20 days absent, whereabouts unknown) needs --confirm no-grounds-for-sickness: ") == true)
    }

    @Test func aDeletionIsNeverBackdated() throws {
        let refused = refusal(try deletion(.i, on: "2026-06-04"), records: try absent(), log: try enquiries(on: "2026-05-20"))
        #expect(refused == .backdated(date: day("2026-06-04"), today: day("2026-06-05")))
        #expect(refused?.description == "a deletion cannot be dated before today (2026-06-05); 2026-06-04 would backdate the register")
    }

    @Test func groundHNeedsTenSchoolDaysAfterTheLeaveWithoutAReturn() throws {
        // Leave ended Fri 15 May. School days after it: 18-22 May (5), half term, 1-5 June (5).
        let away = try absent()
        #expect(refusal(try deletion(.h, on: "2026-06-08", leaveEnded: "2026-05-15"), records: away, today: "2026-06-08") == nil)
        #expect(refusal(try deletion(.h, leaveEnded: "2026-05-15"), records: away)
                == .tooSoonAfterLeave(ended: day("2026-05-15"), schoolDays: 9))
        #expect(refusal(try deletion(.h), records: away) == .needs(.h, "the last day of the granted leave (--leave-ended)"))
        // Back on Tuesday 2 June: not a ground at all.
        let back = try absent(except: [am("2026-06-02"): Mark(.presentAM)])
        #expect(refusal(try deletion(.h, on: "2026-06-08", leaveEnded: "2026-05-15"), records: back, today: "2026-06-08")
                == .attendedAfterLeave(am("2026-06-02"), .presentAM))
    }

    @Test func groundFNeedsTheParentsWrittenNoticeNotAfterTheDeletion() throws {
        let school = try absent()
        #expect(refusal(try deletion(.f), records: school) == .needs(.f, "the date of the parent's written notice (--notice-date)"))
        #expect(refusal(try deletion(.f, noticeDate: "2026-06-08"), records: school)
                == .factAfterToday(.noticeDate, date: day("2026-06-08"), today: day("2026-06-05")))
        #expect(refusal(try deletion(.f, noticeDate: "2026-06-01"), records: school) == nil)
    }

    @Test func groundANeedsTheOtherSchoolAndItsExceptionsRuledOut() throws {
        let school = try absent()
        #expect(refusal(try deletion(.a), records: school) == .needs(.a, "the other school's name (--other-school)"))
        #expect(refusal(try deletion(.a, otherSchool: "Hollins Park Academy", confirmed: []), records: school)
                == .notConfirmed(.a, DeletionGround.a.confirmations[0]))
        #expect(refusal(try deletion(.a, otherSchool: "Hollins Park Academy"), records: school) == nil)
    }

    @Test func aPupilNotOnRollOrDeletedAlreadyCannotBeDeleted() throws {
        var gone = ann
        gone.leavingDate = day("2026-06-05")
        let school = try absent()
        #expect(throws: DeletionRefusal.alreadyDeleted(on: day("2026-06-05"))) {
            try DeletionCheck.check(try deletion(.k), pupil: gone, records: school, log: [], today: day("2026-06-05"))
        }
        var later = ann
        later.admissionDate = day("2026-06-08")
        #expect(throws: DeletionRefusal.notOnRoll(date: day("2026-06-05"))) {
            try DeletionCheck.check(try deletion(.k), pupil: later, records: school, log: [], today: day("2026-06-05"))
        }
        #expect(throws: DeletionRefusal.reasonRequired) {
            try Deletion(upn: ann.upn, ground: .k, date: day("2026-06-05"), reason: "  ")
        }
    }

    @Test func everyGroundAsksForWhatItNeedsConfirmed() {
        #expect(DeletionGround.allCases.count == 15)
        #expect(DeletionGround.allCases.allSatisfy { !$0.confirmations.isEmpty })
        let keys = DeletionGround.allCases.flatMap { $0.confirmations.map(\.key) }
        #expect(Set(keys).count == keys.count)
    }
}

/// A deletion rests only on what has happened by today, and a pupil has one at a time.
@Suite("A deletion rests on no fact from the future")
struct DeletionFromTheFutureTests {
    let checks = DeletionCheckTests()

    @Test func groundHCannotBeLinedUpForALaterDayToSkipItsChecks() throws {
        // Friday 5 June: a deletion for Friday 19 June would check the ten school days after
        // leave from a day nobody has seen yet, while Ann may be present today.
        let school = try checks.absent()
        #expect(checks.refusal(try checks.deletion(.h, on: "2026-06-19", leaveEnded: "2026-06-01"), records: school)
                == .cannotBeLinedUp(.h, date: day("2026-06-19"), today: day("2026-06-05")))
        for ground in [DeletionGround.f, .i, .j, .k] {
            #expect(checks.refusal(try checks.deletion(ground, on: "2026-06-08", otherSchool: "X", noticeDate: "2026-06-01"), records: school)
                    == .cannotBeLinedUp(ground, date: day("2026-06-08"), today: day("2026-06-05")))
        }
    }

    @Test func aLeaveThatHasNotEndedOrANoticeNotYetWrittenIsRefused() throws {
        let school = try checks.absent()
        #expect(checks.refusal(try checks.deletion(.h, leaveEnded: "2026-06-10"), records: school)
                == .factAfterToday(.leaveEnded, date: day("2026-06-10"), today: day("2026-06-05")))
        #expect(checks.refusal(try checks.deletion(.f, noticeDate: "2026-06-06"), records: school)
                == .factAfterToday(.noticeDate, date: day("2026-06-06"), today: day("2026-06-05")))
    }

    @Test func aMoveKnownNowMayBeLinedUpButThenItStands() throws {
        let school = try checks.absent()
        // Ground (g): the family moves away on Friday 19 June, known today.
        #expect(checks.refusal(try checks.deletion(.g, on: "2026-06-19"), records: school) == nil)
        var linedUp = checks.ann
        linedUp.leavingDate = day("2026-06-19")
        // A second deletion, for today or any day, is refused while the first stands.
        for date in ["2026-06-05", "2026-06-26"] {
            #expect(throws: DeletionRefusal.alreadyDeleted(on: day("2026-06-19"))) {
                try DeletionCheck.check(try checks.deletion(.k, on: date), pupil: linedUp, records: school, log: [], today: day("2026-06-05"))
            }
        }
    }

    @Test func theGroundsSayWhichMayBeLinedUpAndGroundINamesTheRealCommand() {
        #expect(DeletionGround.allCases.filter(\.canBeLinedUp).map(\.rawValue) == ["a", "b", "c", "d", "e", "g", "l", "m", "n", "o"])
        #expect(DeletionRefusal.noJointEnquiries(since: day("2026-04-30")).description.contains("rollcall intervention add la-joint-enquiries"))
    }
}
