import RollcallCore
import RollcallTUI
import Testing
@testable import RollcallTrust

/// The trust's schools day by day, as drawn: a dip on the same day in two schools shows
/// as a column of marks, and Enter opens that day at every school.
@Suite("The trust's days as drawn")
struct TrustDaysStateTests {
    /// Four school weeks from Monday 3 November 2025 at 95% (2,000 sessions a day), with
    /// Wednesday 12 November at `dip`.
    static func school(dip: Int) -> [SchoolDay] {
        let monday = CalendarDate(year: 2025, month: 11, day: 3)!
        let days = (0..<28).map { monday.advanced(by: $0) }.filter { !$0.isWeekend }.map { date -> (date: CalendarDate, tally: AttendanceTally) in
            var tally = AttendanceTally()
            let attended = (date.description == "2025-11-12" ? dip : 95) * 20
            for _ in 0..<attended { tally.add(.presentAM) }
            for _ in attended..<2_000 { tally.add(.illness) }
            return (date, tally)
        }
        return UnusualDays.judge(days)
    }

    var state: TrustDaysState {
        TrustDaysState(schools: [("North Academy", Self.school(dip: 60)), ("South Academy", Self.school(dip: 70))], size: Size(width: 80, height: 12))
    }

    @Test func aDipOnTheSameDayInTwoSchoolsIsAColumnOfMarks() {
        let lines = state.render().lines
        #expect(lines[0] == "Trust: day by day · Mon 3 Nov 2025 to Fri 28 Nov 2025")
        // Twenty school days beside the names; Mondays are numbered above them.
        #expect(lines[2].hasPrefix(String(repeating: " ", count: 21) + "3    10   17   24"))
        for (line, name) in zip(lines[3...5], ["Trust", "North Academy", "South Academy"]) {
            #expect(line.hasPrefix(name))
            // The eighth school day, Wednesday 12 November, is marked in every row.
            let cells = Array(line.dropFirst(21).prefix(20))
            #expect(cells.count == 20 && cells[7] == "!" && cells.filter { $0 == "!" }.count == 1, "\(line)")
        }
        #expect(state.render()[21 + 7, 4].role == .unauthorised)
    }

    @Test func theArrowsChooseADayAndEnterOpensItAtEverySchool() {
        var state = state
        // The last day is chosen first; back eight days is Wednesday 12 November.
        for _ in 0..<12 { _ = state.handle(.left, in: ScreenContext(minute: 540)) }
        _ = state.handle(.character("j"), in: ScreenContext(minute: 540))
        #expect(state.render().lines[11].hasPrefix("North Academy, Wed 12 Nov 2025: 60.0% (usual 95.0%) unusual"))
        guard case let .push(screen as TableState)? = state.handle(.enter, in: ScreenContext(minute: 540)).first else {
            Issue.record("Enter opened no day")
            return
        }
        let lines = screen.render().lines
        #expect(lines[0].hasPrefix("Wed 12 Nov 2025 at every school · 2"))
        // The trust's row first: 4,000 sessions, 2,600 attended (65.0%) against 95.0.
        #expect(lines[4] == "Trust                                                4000    65.0   95.0 unusual")
        #expect(lines[5] == "North Academy                                        2000    60.0   95.0 unusual")
        #expect(lines[6] == "South Academy                                        2000    70.0   95.0 unusual")
    }
}
