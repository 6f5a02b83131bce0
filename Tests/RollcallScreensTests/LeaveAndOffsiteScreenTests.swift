import Foundation
import RollcallCore
@testable import RollcallScreens
@testable import RollcallTUI

import Testing

/// Leave and education off site on the school's screens: the register says who is
/// expected elsewhere and offers that code first, a pupil's history has a Leave section,
/// and the dashboard's `v` lists what is to decide, granted and taken after a refusal.
@Suite("Leave and off site on screen")
struct LeaveAndOffsiteScreenTests {
    let lead = Recorder(login: "lead")
    let nine = Date(timeIntervalSince1970: 1_757_664_000) // 2025-09-12 09:00 in London

    /// Łukasz at Riverside College on Mondays, from Monday 8 September.
    func college() throws -> [OffsiteArrangement] {
        OffsiteArrangement.all([OffsiteRecord(number: 1, event: .added(try OffsitePlacement(
            upn: Form7A.lukasz.upn, provider: "Riverside College", code: .otherApprovedActivity, from: day("2025-09-08"), to: day("2025-12-15"),
            weekdays: [.monday], contact: "Jan Lee 01632 960123")), by: lead, at: nine)])
    }

    func register(_ session: Session) throws -> RegisterState {
        let base = Form7A.register(session)
        let pupils = [Form7A.zoe, Form7A.lukasz, Form7A.siobhan, Form7A.amy, Form7A.left, Form7A.other]
        return RegisterState(schoolName: base.schoolName, group: "7A", session: session, pupils: pupils, book: Form7A.book,
                             calendar: Form7A.calendar, today: day("2025-09-08"), closes: base.closes, size: base.size, offsite: try college())
    }

    @Test func theRegisterShowsWhoIsOffSiteAndOffersTheirCodeFirst() throws {
        // Rows: Amy, Shiv, Zoë, Łukasz (Gwen left on the 5th): Łukasz's line is y = 5.
        var monday = try register(Session(day("2025-09-08"), .am))
        let line = monday.render().lines[5]
        #expect(line.hasPrefix("Wiśniewski, Łukasz @ Riverside ·"), "\(line)")
        #expect(line.hasSuffix("OFF"), "\(line)")
        #expect(monday.render()[line.count - 3, 5].role == .warning)
        // Enter on him opens the codes at B, the placement's code, not at present.
        for _ in 0..<3 { _ = monday.handle(.down) }
        _ = monday.handle(.enter)
        #expect(monday.render().lines.contains { $0.contains("B   Any other approved") || $0.contains("B   Other approved") })
        guard case let .codePicker(index) = monday.mode else { Issue.record("no picker: \(monday.mode)"); return }
        #expect(monday.pickerCodes[index] == .otherApprovedActivity)
        _ = monday.handle(.enter)
        #expect(monday.rows[3].marks[monday.column] == Mark(.otherApprovedActivity))
        // On Tuesday he is in school: no flag, no provider.
        let tuesday = try register(Session(day("2025-09-09"), .am)).render().lines[5]
        #expect(!tuesday.contains("OFF") && !tuesday.contains("Riverside"), "\(tuesday)")
    }

    /// Zoë's two requests: an interview granted in full, then a holiday refused.
    func zoesLeave() throws -> [LeaveApplication] {
        let interview = LeaveRequest(upn: Form7A.zoe.upn, kind: .interview, sessions: [Session(day("2025-09-15"), .am), Session(day("2025-09-15"), .pm)],
                                     applicant: "Kate Ó Súilleabháin", received: day("2025-09-10"), evidence: "Letter from the college")
        let holiday = LeaveRequest(upn: Form7A.zoe.upn, kind: .exceptional, sessions: [Session(day("2025-09-22"), .am)],
                                   applicant: "Kate Ó Súilleabháin", received: day("2025-09-11"))
        return LeaveApplication.all([
            LeaveRecord(number: 1, event: .requested(interview), by: lead, at: nine),
            LeaveRecord(number: 2, event: .granted(request: 1, sessions: interview.sessions, reason: "An interview for sixth form"), by: lead, at: nine),
            LeaveRecord(number: 3, event: .requested(holiday), by: lead, at: nine),
            LeaveRecord(number: 4, event: .refused(request: 2, reason: "A holiday is not exceptional"), by: lead, at: nine),
        ])
    }

    @Test func aPupilsHistoryHasALeaveSection() throws {
        let history = PupilHistory(Form7A.zoe, records: DashboardSchool.records, amendments: [], asOf: DashboardSchool.today,
                                   now: Session(DashboardSchool.today, .am), leave: try zoesLeave(), offsite: [])
        let lines = PupilHistoryState(history: history, size: Size(width: 80, height: 80)).render().lines
        let start = try #require(lines.firstIndex(of: "Leave (2)"), "\(lines)")
        #expect(lines[(start + 1)...(start + 7)].map { $0.trimmingCharacters(in: .whitespaces) } == [
            "#2 Exceptional circumstances, 2025-09-22 AM to 2025-09-22 AM  refused",
            "asked by Kate Ó Súilleabháin, received 2025-09-11",
            "lead on 2025-09-12 09:00: A holiday is not exceptional",
            "#1 Interview, 2025-09-15 AM to 2025-09-15 PM  granted 2 of 2 (J1)",
            "asked by Kate Ó Súilleabháin, received 2025-09-10; evidence: Letter from the",
            "college",
            "lead on 2025-09-12 09:00: An interview for sixth form",
        ])
    }

    @Test func theDashboardsLeaveListHasWhatIsToDecideGrantedAndTaken() throws {
        // Ed's O on Wednesday 3 to Friday 5 September was leave refused: 6 sessions taken.
        // Siobhán's request for October is still to decide; Zoë's interview is granted.
        let ed = LeaveRequest(upn: Form7A.other.upn, kind: .exceptional, sessions: Form7A.calendar.sessions(in: day("2025-09-03")...day("2025-09-05")),
                              applicant: "Sam Elsewhere", received: day("2025-09-01"))
        let siobhan = LeaveRequest(upn: Form7A.siobhan.upn, kind: .exceptional, sessions: [Session(day("2025-10-06"), .am)],
                                   applicant: "Jo O'Brien", received: day("2025-09-11"))
        let zoe = try zoesLeave()
        let leave = LeaveApplication.all([
            LeaveRecord(number: 1, event: .requested(ed), by: lead, at: nine),
            LeaveRecord(number: 2, event: .refused(request: 1, reason: "Not exceptional"), by: lead, at: nine),
            LeaveRecord(number: 3, event: .requested(siobhan), by: lead, at: nine),
        ]) + [zoe[0]]
        let dashboard = Dashboard(DashboardSchool.records, today: DashboardSchool.today, minute: DashboardSchool.minute, leave: leave)
        var state = DashboardState(schoolName: "Test Academy", dashboard: dashboard, period: .thisYear, size: Size(width: 80, height: 30))
        #expect(state.render().lines.contains("v  Leave to decide, granted, taken        1 to decide, 1 granted, 1 taken"))
        guard case let .push(screen)? = state.handle(.character("v")).first, let list = screen as? TableState else {
            Issue.record("v opened no list")
            return
        }
        let rows = list.shown.map { row in row.cells.map(\.text) }
        #expect(rows.map { [$0[0], $0[5], $0[7]] } == [
            ["Elsewhere, Ed", "2025-09-03 AM", "refused, 6 taken"],
            ["O'Brien, Shiv", "2025-10-06 AM", "to decide"],
            ["Ó Súilleabháin, Zoë", "2025-09-15 AM", "granted 2 (J1)"],
        ])
    }
}
