import Foundation
import RollcallCore
@testable import RollcallStore
import Testing

/// The leave and off-site logs are kept as the interventions log is: each line hash-
/// chained to the one before, read back exactly, and any hand in them named by `check`.
@Suite("The leave and off-site logs")
struct LeaveAndOffsiteLogTests {
    let ann = drillUPN(group: 0, pupil: 1)

    func request() -> LeaveRequest {
        LeaveRequest(upn: ann, kind: .performance, sessions: [Session(CalendarDate("2025-10-06")!, .am), Session(CalendarDate("2025-10-06")!, .pm)],
                     applicant: "Lily Mensah", received: CalendarDate("2025-09-10")!, evidence: "Licence LA/2025/118", note: "A panto rehearsal")
    }

    @Test func whatIsLoggedIsReadBackExactlyAndNumberedInOrder() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let store = temporary.store
        #expect(try store.logLeave(.requested(request()), by: lead, at: nine) == 1)
        #expect(try store.logLeave(.requested(request()), by: lead, at: nine) == 2)
        #expect(try store.logLeave(.granted(request: 2, sessions: [request().sessions[0]], reason: "The morning"), by: lead, at: nine) == 2)
        let applications = try store.leaveApplications()
        #expect(applications.map(\.number) == [1, 2])
        #expect(applications[0].request == request() && applications[0].outcome == .undecided)
        #expect(applications[1].grantedSessions == [request().sessions[0]] && applications[1].decision?.by == lead)
        // A decision for a request the log does not hold, or a second one, is refused under the lock.
        #expect(throws: StoreError.amendmentRefused("there is no leave request 7")) {
            try store.logLeave(.refused(request: 7, reason: "x"), by: lead, at: nine)
        }
        #expect(throws: StoreError.amendmentRefused("leave request 2 was already granted: a decision stands (a grant can be withdrawn before it begins)")) {
            try store.logLeave(.refused(request: 2, reason: "x"), by: lead, at: nine) { applications throws(LeaveRefusal) in
                try LeaveRules.checkUndecided(applications[1], reason: "x")
            }
        }
        let placement = try OffsitePlacement(upn: ann, provider: "Riverside College", code: .workExperience, from: CalendarDate("2025-09-08")!,
                                             to: CalendarDate("2025-09-12")!, weekdays: [.tuesday, .thursday], parts: [.pm], contact: "Jan Lee")
        #expect(try store.logOffsite(.added(placement), by: lead, at: nine) == 1)
        #expect(try store.logOffsite(.ended(placement: 1, lastDay: CalendarDate("2025-09-10")!), by: lead, at: nine) == 1)
        let arrangement = try #require(try store.offsiteArrangements().first)
        #expect(arrangement.placement == placement && arrangement.lastDay == CalendarDate("2025-09-10")!)
        #expect(arrangement.expects(Session(CalendarDate("2025-09-09")!, .pm)) && !arrangement.expects(Session(CalendarDate("2025-09-09")!, .am)))
        #expect(!arrangement.expects(Session(CalendarDate("2025-09-11")!, .pm)), "ended on the 10th")
        #expect(store.check().isEmpty)
    }

    @Test(arguments: ["audit/leave.jsonl", "audit/offsite.jsonl"])
    func aHandInALogIsNamedByCheck(log: String) throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        try temporary.store.logLeave(.requested(request()), by: lead, at: nine)
        try temporary.store.logLeave(.refused(request: 1, reason: "Not exceptional"), by: lead, at: nine)
        try temporary.store.logOffsite(.added(try OffsitePlacement(upn: ann, provider: "Riverside College", code: .otherApprovedActivity,
                                                                   from: CalendarDate("2025-09-08")!, to: CalendarDate("2025-12-16")!)),
                                       by: lead, at: nine)
        try temporary.store.logOffsite(.ended(placement: 1, lastDay: CalendarDate("2025-09-30")!), by: lead, at: nine)
        // A refusal turned into a grant, or a placement's end moved, after the fact.
        let text = try temporary.contents(log)
        let forged = log.hasSuffix("leave.jsonl") ? text.replacingOccurrences(of: "\"refused\"", with: "\"withdrawn\"")
            : text.replacingOccurrences(of: "2025-09-30", with: "2025-12-16")
        #expect(forged != text)
        try temporary.write(log, forged)
        #expect(temporary.store.check() == [.auditChainBroken(path: temporary.path(log), line: 2,
                                                              detail: "this entry was changed after it was written (its hash does not match)")])
        // A line whose fields are not what a log writes is named by its field.
        try temporary.write(log, text.replacingOccurrences(of: "\"event\":\"", with: "\"event\":\"x"))
        #expect(throws: StoreError.damaged(path: temporary.path(log), line: 1, field: "event",
                                           detail: log.hasSuffix("leave.jsonl") ? "'xrequested' is not valid here" : "'xadded' is not valid here")) {
            _ = log.hasSuffix("leave.jsonl") ? try temporary.store.leaveLog().count : try temporary.store.offsiteLog().count
        }
    }
}
