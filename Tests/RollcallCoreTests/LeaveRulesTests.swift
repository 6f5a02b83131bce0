import Testing
@testable import RollcallCore

/// Regulation 11 as Core holds it, on the autumn term of 2025 (half term 27 to 31 October).
@Suite("Leave rules")
struct LeaveRulesTests {
    let calendar = try! SchoolCalendar(years: [try! AcademicYear(name: "2025-26", terms: [
        Term(name: "Autumn 1", start: CalendarDate("2025-09-01")!, end: CalendarDate("2025-10-24")!),
        Term(name: "Autumn 2", start: CalendarDate("2025-11-03")!, end: CalendarDate("2025-12-19")!),
    ])])

    @Test(arguments: [(LeaveKind.exceptional, "C"), (.performance, "C1"), (.employmentAbroad, "C1"), (.interview, "J1"), (.examStudy, "S")])
    func eachKindIsMarkedWithItsCode(kind: LeaveKind, symbol: String) {
        #expect(kind.code.symbol == symbol)
    }

    @Test func theSessionsAskedForRunFromTheFirstSessionToTheLastAcrossAHalfTerm() throws {
        // Thursday 23 October PM to Monday 3 November AM: Thu PM, Fri AM+PM, then Monday AM
        // after the half-term week: 4 sessions, the closed days passed over.
        let sessions = try LeaveRules.sessions(from: CalendarDate("2025-10-23")!, .pm, to: CalendarDate("2025-11-03")!, .am, calendar: calendar)
        #expect(sessions.map(\.description) == ["2025-10-23 PM", "2025-10-24 AM", "2025-10-24 PM", "2025-11-03 AM"])
        #expect(throws: LeaveRefusal.backwards(Session(CalendarDate("2025-10-23")!, .pm), Session(CalendarDate("2025-10-23")!, .am))) {
            try LeaveRules.sessions(from: CalendarDate("2025-10-23")!, .pm, to: CalendarDate("2025-10-23")!, .am, calendar: calendar)
        }
    }

    @Test func aGrantCoversOnlySessionsAskedForAndIsNeverRetrospective() throws {
        let asked = [Session(CalendarDate("2025-10-06")!, .am), Session(CalendarDate("2025-10-06")!, .pm)]
        let application = try #require(LeaveApplication.all([LeaveRecord(number: 1, event: .requested(LeaveRequest(
            upn: try UPN("B801200005001"), kind: .interview, sessions: asked, applicant: "Jo", received: CalendarDate("2025-09-10")!)),
            by: Recorder(login: "lead"), at: .distantPast)]).first)
        let tuesday = Session(CalendarDate("2025-10-07")!, .am)
        #expect(throws: LeaveRefusal.notAsked(tuesday, 1)) {
            try LeaveRules.checkGrant(application, sessions: [tuesday], reason: "x") { _ in false }
        }
        #expect(throws: LeaveRefusal.begun(asked[0])) {
            try LeaveRules.checkGrant(application, sessions: asked, reason: "x") { $0 == asked[0] }
        }
        // The afternoon alone, asked for, not begun: granted.
        try LeaveRules.checkGrant(application, sessions: [asked[1]], reason: "Only the afternoon") { $0 == asked[0] }
        #expect(throws: LeaveRefusal.needsReason) { try LeaveRules.checkGrant(application, sessions: asked, reason: "  ") { _ in false } }
    }

    @Test func aSchoolsClockSaysWhenASessionHasBegun() throws {
        let school = try School(name: "Test Academy")
        let monday = CalendarDate("2025-10-06")!
        // Registration at 08:40 and 13:20 when the school has not said.
        #expect(!school.hasBegun(Session(monday, .am), today: monday, minute: 8 * 60 + 39))
        #expect(school.hasBegun(Session(monday, .am), today: monday, minute: 8 * 60 + 40))
        #expect(!school.hasBegun(Session(monday, .pm), today: monday, minute: 13 * 60 + 19))
        #expect(school.hasBegun(Session(monday, .pm), today: monday.advanced(by: 1), minute: 0))
    }
}
