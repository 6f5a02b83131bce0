import Testing
@testable import RollcallCore

/// A pupil whose name was deleted is off the lists that ask for action; a deletion lined
/// up for a later day shows from the day it is recorded.
@Suite("Off roll, off the action lists")
struct OffRollListsTests {
    /// Ann and Bob both absent unauthorised (N) every session of Mon 8 to Fri 12
    /// September: 10 sessions, the threshold. Ann's name was deleted on Friday 12.
    func school() throws -> SchoolRecords {
        var ann = pupil("938432125001", "Ann")
        ann.leavingDate = day("2025-09-12")
        let bob = pupil("938432125002", "Bob")
        var week: [Session: Mark?] = [:]
        for date in ["2025-09-08", "2025-09-09", "2025-09-10", "2025-09-11", "2025-09-12"] { week.merge(both(date, .reasonNotYetEstablished)) { $1 } }
        return try records([ann, bob], through: "2025-09-19", except: [ann.upn: week, bob.upn: week])
    }

    @Test func aPupilOffRollIsNotOnThePenaltyList() throws {
        let school = try school()
        let rows = PupilPenalty.report(school.pupils, book: school.book, calendar: school.calendar, asOf: day("2025-09-19"))
        #expect(rows.map(\.pupil.surname) == ["Bob"])
        #expect(rows.map(\.position.unauthorisedSessions) == [10])
        // On the day of deletion Ann is still on roll, and on the list.
        #expect(PupilPenalty.report(school.pupils, book: school.book, calendar: school.calendar, asOf: day("2025-09-12")).count == 2)
    }

    @Test func aLinedUpDeletionShowsAsLinedUpUntilItsDay() throws {
        var ann = pupil("938432125001", "Ann")
        ann.leavingDate = day("2025-09-26")
        let moving = try Deletion(upn: ann.upn, ground: .g, date: day("2025-09-26"), reason: "Moving to Leeds", confirmed: ["not-reasonable-distance"])
        let before = Roll(pupils: [ann], deletions: [ann.upn: moving], followUps: [], days: day("2025-09-15")...day("2025-09-19"), asOf: day("2025-09-19"))
        #expect(before.entries.map(\.kind) == [.linedUp])
        #expect(before.entries.first?.detail == "(g) moved away, takes effect on 2025-09-26")
        #expect(before.summary == "0 in, 0 out")
        let after = Roll(pupils: [ann], deletions: [ann.upn: moving], followUps: [], days: day("2025-09-22")...day("2025-09-26"), asOf: day("2025-09-26"))
        #expect(after.entries.map(\.kind) == [.deleted])
        #expect(after.summary == "0 in, 1 out: (g) 1")
    }
}
