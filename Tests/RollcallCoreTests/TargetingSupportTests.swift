import Foundation
import Testing
@testable import RollcallCore

/// The targeting support meeting's list, worked by hand in the fixture calendar. As of
/// Tue 7 Oct 2025 the year so far is 25 school days (Wed 3 Sep to Tue 7 Oct, no closure):
/// 50 possible sessions. The last 4 school weeks are Mon 15 Sep to Tue 7 Oct: 17 days,
/// 34 sessions.
@Suite("The targeting support meeting's list")
struct TargetingSupportTests {
    let ann = pupil("938432125001", "Ann")
    let bob = pupil("938432125002", "Bob")
    let cat = pupil("938432125003", "Cat", form: "7B", fsm: true, socialWorker: true)
    let dan = pupil("938432125004", "Dan")
    var eve: Pupil {
        var eve = pupil("938432125005", "Eve")
        eve.leavingDate = day("2025-10-01")
        return eve
    }
    let lead = Recorder(login: "lead")

    func sessions(_ from: String, _ to: String) throws -> [Session] {
        try calendar().sessions(in: day(from)...day(to))
    }

    func marks(_ sessions: [Session], _ code: AttendanceCode) -> [Session: Mark?] {
        Dictionary(uniqueKeysWithValues: sessions.map { ($0, Mark(code)) })
    }

    func list() throws -> TargetingSupport {
        let asOf = day("2025-10-07")
        // Ann: 4 sessions of C2 in the first week, none since: 8.0%, at risk, improving.
        // Bob: 5 N on 22 to 24 Sep: 10.0%, persistent; the last 4 weeks 29/34 = 85.3%
        //      against 45/50 = 90.0%: worsening.
        // Cat: ill from 3 Sep to the morning of 19 Sep, 25 sessions: 50.0%, severe; the
        //      last 4 weeks 25/34 = 73.5% against 50.0%: improving.
        // Dan: 3 O, 6.0%: not listed. Eve: ill throughout, but left on 1 Oct: not listed.
        let except: [UPN: [Session: Mark?]] = try [
            ann.upn: marks(sessions("2025-09-04", "2025-09-05"), .partTimeTimetable),
            bob.upn: marks(sessions("2025-09-22", "2025-09-23") + [am("2025-09-24")], .reasonNotYetEstablished),
            cat.upn: marks(sessions("2025-09-03", "2025-09-18") + [am("2025-09-19")], .illness),
            dan.upn: marks(sessions("2025-09-03", "2025-09-03") + [am("2025-09-04")], .otherUnauthorised),
            eve.upn: marks(sessions("2025-09-03", "2025-10-01"), .illness),
        ]
        let records = try records([ann, bob, cat, dan, eve], through: "2025-10-07", except: except)
        let contacts = [
            Contact(upn: bob.upn, name: "Rob Bob", relationship: "Father", phones: ["07700 900002"]),
            Contact(upn: bob.upn, name: "Jo Bob", relationship: "Mother", phones: ["07700 900001"], livesWithPupil: true),
            Contact(upn: cat.upn, name: "Sam Worker", relationship: "Social worker", role: .socialWorker, phones: ["0161 496 0000"]),
            Contact(upn: cat.upn, name: "Pat Cat", relationship: "Grandmother", livesWithPupil: true, emergencyPhone: "07700 900003"),
        ]
        let log = try [
            Intervention(upn: bob.upn, date: day("2025-09-25"), kind: .letter),
            Intervention(upn: bob.upn, date: day("2025-10-01"), kind: .earlyHelpReferral, reviewDate: day("2025-10-20")),
            Intervention(upn: bob.upn, date: day("2025-10-10"), kind: .meeting),
            Intervention(upn: ann.upn, date: day("2025-06-10"), kind: .meeting, reviewDate: day("2025-06-20")),
        ].enumerated().map { InterventionRecord(number: $0.offset + 1, intervention: $0.element, by: lead, at: Date(timeIntervalSince1970: 0)) }
        let followUps = FollowUps(records, contacts: contacts, log: log, asOf: asOf).list()
        return TargetingSupport(records, contacts: contacts, log: log, followUps: followUps, asOf: asOf)
    }

    @Test func severeThenPersistentThenAtRiskAndNoOneElse() throws {
        let entries = try list().entries
        #expect(entries.map(\.pupil.surname) == ["Cat", "Bob", "Ann"])
        #expect(entries.map(\.standing) == [.severe, .persistent, .atRisk])
        #expect(entries.map { $0.year.absenceRate?.description } == ["50.0", "10.0", "8.0"])
        #expect(entries.map { $0.year.possible } == [50, 50, 50])
    }

    @Test func theTrendIsTheLastFourWeeksAgainstTheYear() throws {
        let entries = try list().entries
        #expect(entries.map { $0.recent.possible } == [34, 34, 34])
        #expect(entries.map { $0.recent.attendanceRate?.description } == ["73.5", "85.3", "100.0"])
        #expect(entries.map(\.trend) == [.improving, .worsening, .improving])
    }

    @Test func aPointEitherWayIsATrendLessIsSteady() {
        func figures(_ attended: Int, of possible: Int) -> AttendanceFigures {
            var tally = AttendanceTally()
            tally.present = attended
            tally.unauthorisedAbsence = possible - attended
            return AttendanceFigures(tally)
        }
        let year = figures(180, of: 200) // 90.0%
        #expect(TargetingSupport.trend(figures(182, of: 200), against: year) == .improving) // 91.0: exactly 1 point
        #expect(TargetingSupport.trend(figures(181, of: 200), against: year) == .steady) // 90.5
        #expect(TargetingSupport.trend(figures(179, of: 200), against: year) == .steady) // 89.5
        #expect(TargetingSupport.trend(figures(178, of: 200), against: year) == .worsening) // 89.0
        #expect(TargetingSupport.standing(of: figures(184, of: 200)) == .atRisk) // 8.0% absent
        #expect(TargetingSupport.standing(of: figures(1841, of: 2000)) == nil) // 7.95%, which shows as 8.0
    }

    @Test func whoToRingAndWhatTheFlagsAre() throws {
        let entries = try list().entries
        let cat = entries[0], bob = entries[1], ann = entries[2]
        #expect(bob.parent?.name == "Jo Bob" && bob.phone == "07700 900001")
        #expect(cat.parent?.name == "Pat Cat" && cat.phone == "07700 900003")
        #expect(ann.parent == nil && ann.phone == nil)
        #expect(cat.flags == ["FSM", "social worker"])
        #expect(ann.flags == ["part-time timetable"] && ann.partTime)
        #expect(bob.flags.isEmpty)
    }

    @Test func supportLoggedThisYearEarlyHelpAndWhatIsDue() throws {
        let entries = try list().entries
        let bob = entries[1], ann = entries[2]
        // The meeting on 10 Oct is after the day asked about; Ann's June meeting was last year.
        #expect(bob.interventions.map { "\($0.date) \($0.kind.rawValue)" } == ["2025-09-25 letter", "2025-10-01 early-help-referral"])
        #expect(bob.earlyHelp && !ann.earlyHelp)
        #expect(bob.nextReview == day("2025-10-20"))
        #expect(ann.interventions.isEmpty && ann.nextReview == nil)
        // Bob's N of 22 Sep has had 5 school days and more: it is on the resolve-N list.
        #expect(bob.openFollowUps.contains(.resolveN))
        #expect(!ann.openFollowUps.contains(.resolveN))
    }
}
