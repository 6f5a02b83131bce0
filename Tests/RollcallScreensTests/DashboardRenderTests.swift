import RollcallCore
import Testing
@testable import RollcallScreens
@testable import RollcallTUI

@Suite("The dashboard as drawn")
struct DashboardRenderTests {
    func press(_ keys: [Key], on state: inout DashboardState) -> [ScreenEffect] {
        keys.flatMap { state.handle($0) }
    }

    @Test func theYearSoFarShowsTheHandWorkedFigures() {
        // 104 possible sessions (19 each for five pupils, less Amy's unmarked Friday, and
        // Gwen's 10 before she left); 13 missed: Łukasz's M (1), Zoë's O and N (5), Ed's
        // O (7). Attendance 91/104 = 87.5%; authorised 1/104 = 1.0%; unauthorised 12/104
        // = 11.5%. Persistent: Zoë (5/19) and Ed (7/19) of 6; only Zoë is new this week.
        // Weekly trend: week one 53/60 = 88.3%, week two 38/44 = 86.4%.
        let lines = DashboardSchool.dashboard().render().lines
        // Follow-ups: Zoë's N this morning needs a call home and her social worker told; and the
        // 5 pupils on roll have entries without the address and starting day regulation 8 asks for.
        #expect(Array(lines.prefix(18)) == [
            "Test Academy · Attendance · Fri 12 Sep 2025 AM",
            "◀ This year, Mon 1 Sep 2025 to Fri 12 Sep 2025 ▶",
            "",
            "School  Attendance 87.5%  Absence 12.5%: authorised 1.0%, unauthorised 11.5%",
            "        Persistent 2 of 6 (33.3%)   Severe 0 (0.0%)              1 new this week",
            "Trend   █▁ weekly attendance 86.4%-88.3%",
            "",
            "Year group   Pupils Attend% Absent% Unauth%   PA   PA%  SA   SA%",
            "Year 7*           6    87.5    12.5    11.5    2  33.3   0   0.0",
            "* under 10 pupils: a child or two moves these rates a lot",
            "",
            "Lists",
            "w  Follow-ups to act on                   7",
            "p  Persistent and severe absentees        2 (1 new this week)",
            "t  Penalty threshold reached              0 (1 close, 7-9)",
            "c  Calls to make, unexplained AM          1",
            "n  N older than 5 school days             0",
            "m  Registers missing marks this week      1 (0 not taken)",
        ])
        #expect(lines[23] == "←→ period  w p t c n m v r f y x a open a list  / find a pupil  ? help  q quit")
    }

    /// Lists that cannot be worked out (the interventions log unreadable, say) leave the
    /// school's figures on the screen, say why, and open no list that needs them.
    @Test func listsThatCannotBeWorkedOutLeaveTheFiguresAndSayWhy() {
        struct Unreadable: Error, CustomStringConvertible { var description: String { "audit/interventions.jsonl is damaged" } }
        var state = DashboardSchool.opening { _ in throw Unreadable() }
        let settled = state.settle(), again = state.settle()
        #expect(settled && !again)
        let lines = state.render().lines
        #expect(lines[3] == "School  Attendance 87.5%  Absence 12.5%: authorised 1.0%, unauthorised 11.5%")
        #expect(lines[12] == "w  Follow-ups to act on                   …")
        #expect(lines[23] == "The lists could not be worked out: audit/interventions.jsonl is damaged")
        #expect(press([.character("w")], on: &state).isEmpty)
        #expect(state.message == "The lists could not be worked out, so this one cannot open")
        // The period's own lists need no more than its figures.
        guard case let .push(screen) = press([.character("p")], on: &state).first else {
            Issue.record("the absentees did not open")
            return
        }
        #expect(screen.render().lines[0].hasPrefix("Persistent and severe absentees"))
    }

    /// A log planted with a terminal's escape sequence in a field makes the lists fail with
    /// that field quoted: the footer shows it as placeholders, never as a command.
    @Test func aFailureQuotingAPlantedEscapeReachesNoTerminalRaw() {
        struct Planted: Error, CustomStringConvertible { var description: String { "field 'by': '\u{1B}]52;c;aGk=\u{07}\u{1B}[2J' is not valid here" } }
        var state = DashboardSchool.opening { _ in throw Planted() }
        _ = state.settle()
        let footer = state.render().lines[23]
        #expect(footer.hasPrefix("The lists could not be worked out: field 'by': "))
        #expect(!footer.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(footer.debugDescription)")
    }

    /// The app opens the dashboard with its trend and its period's figures worked out
    /// side by side: the frame is the one worked out a step at a time.
    @Test func theFiguresWorkedOutSideBySideDrawTheSameFrame() {
        for period in DashboardPeriod.allCases {
            let opening = DashboardOverview.opening(DashboardSchool.records, today: DashboardSchool.today, minute: DashboardSchool.minute,
                                                    period: period)
            let together = DashboardState(schoolName: "Test Academy", opening: opening, size: Size(width: 80, height: 24))
            #expect(together.period == period)
            #expect(together.render().lines == DashboardSchool.opening(period: period).render().lines)
        }
    }

    @Test func thisWeekAloneMakesZoeASevereAbsentee() {
        // 8 to 12 September, Friday morning so far: 44 possible (9 each, Amy 8; Gwen has
        // left). Zoë missed 5 of 9 (55.6%, severe), Ed 1 of 9 (11.1%): 38/44 = 86.4%.
        var state = DashboardSchool.dashboard()
        #expect(press([.left, .left, .left, .character("h")], on: &state).isEmpty)
        #expect(state.period == .thisWeek)
        let lines = state.render().lines
        #expect(lines[1] == "◀ This week, Mon 8 Sep 2025 to Fri 12 Sep 2025 ▶")
        #expect(lines[3] == "School  Attendance 86.4%  Absence 13.6%: authorised 0.0%, unauthorised 13.6%")
        #expect(lines[4] == "        Persistent 2 of 5 (40.0%)   Severe 1 (20.0%)")
        #expect(lines[8] == "Year 7*           5    86.4    13.6    13.6    2  40.0   1  20.0")
        // Nothing earlier in a week-long period to compare with: no one is "new".
        #expect(lines[13] == "p  Persistent and severe absentees        2")
        // The period stops at the ends.
        _ = press([.left], on: &state)
        #expect(state.period == .thisWeek)
        _ = press(Array(repeating: .right, count: 9), on: &state)
        #expect(state.period == .thisYear)
    }

    @Test func eachListKeyOpensItsList() {
        var state = DashboardSchool.dashboard()
        let titles = ["w", "p", "t", "c", "n", "m", "f", "y", "x", "a"].map { key -> String in
            guard case let .push(screen) = press([.character(Character(key))], on: &state).first else { return "nothing" }
            return screen.render().lines[0]
        }
        #expect(titles == [
            "Follow-ups · 7", "Persistent and severe absentees · 2", "Penalty threshold · 1", "Calls to make · 1", "N to resolve · 0",
            "Missing marks · 1", "Forms · 3", "Year groups · 2", "Cohorts: FSM × SEN · 3", "Pupils · 6",
        ])
        #expect(press([.escape], on: &state).count == 1)
    }

    /// `e` asks for the pack of the period on screen; the program's answer (where it
    /// wrote it, or why not) takes the footer.
    @Test func eAsksForThePackOfThePeriodShown() {
        var state = DashboardSchool.dashboard()
        guard case let .perform(.pack(title, days)) = press([.character("e")], on: &state).first?.asked else {
            Issue.record("e asked for no pack")
            return
        }
        #expect(title == "This year" && days == day("2025-09-01")...day("2025-09-12"))
        guard case let .perform(.pack(week, weekDays)) = press([.left, .left, .left, .left, .character("e")], on: &state).last?.asked else {
            Issue.record("e asked for no pack")
            return
        }
        #expect(week == "This week" && weekDays == day("2025-09-08")...day("2025-09-12"))
        state.receive(Outcome(SchoolTask.pack(title: week, days: weekDays), message: "Wrote the pack for this week to ./rollcall-pack.html", isError: false))
        #expect(state.render().lines[23].hasPrefix("Wrote the pack for this week to ./rollcall-pack.html"))
    }

    /// Gwen's name deleted on Friday 5 September on ground (g), her return to the local
    /// authority not yet made: the dashboard counts her by ground, the roll lists why.
    @Test func theRollListsWhoWasDeletedAndWhyAndWhatIsDue() throws {
        let deletion = try Deletion(upn: Form7A.left.upn, ground: .g, date: day("2025-09-05"), reason: "Moved to Leeds",
                                    confirmed: ["not-reasonable-distance"])
        let dashboard = Dashboard(DashboardSchool.records, today: DashboardSchool.today, minute: DashboardSchool.minute,
                                  deletions: [Form7A.left.upn: deletion])
        var state = DashboardState(schoolName: "Test Academy", dashboard: dashboard, period: .thisYear, size: Size(width: 100, height: 24))
        let lines = state.render().lines
        #expect(lines.contains("r  Roll this term: joined, deleted        0 in, 1 out: (g) 1"))
        guard case let .push(screen) = press([.character("r")], on: &state).first else {
            Issue.record("r opened nothing")
            return
        }
        let roll = screen.render().lines
        // Her deletion; then to act on, her overdue return and the five pupils on roll whose entries lack items.
        #expect(roll[0] == "Roll · 7")
        #expect(roll[1].contains("0 in, 1 out; deleted: (g) moved away 1"))
        #expect(roll[3].hasPrefix("Gone, Gwen") && roll[3].contains("deleted") && roll[3].contains("2025-09-05") && roll[3].contains("(g) moved away"))
        #expect(roll[4].hasPrefix("Gone, Gwen") && roll[4].contains("return overdue") && roll[4].contains("2025-09-05") && roll[4].contains("of a deletion, ground (g)"), "\(roll[4])")
        #expect(roll[5...9].allSatisfy { $0.contains("details missing") })
    }

    @Test func theHelpOverlayListsEveryDashboardKey() {
        var state = DashboardSchool.dashboard()
        _ = press([.character("?")], on: &state)
        let screen = state.render().lines.joined(separator: "\n")
        for binding in DashboardCommand.keys.bindings {
            #expect(screen.contains(binding.help), "\(binding.help)")
        }
        _ = press([.character("x")], on: &state)
        #expect(!state.render().lines.joined().contains("Keys on the dashboard"))
    }

    @Test func aSmallTerminalSaysSo() {
        let lines = DashboardSchool.dashboard(size: Size(width: 50, height: 12)).render().lines
        #expect(lines[0].hasPrefix("Terminal too small: 64x20 needed"))
    }
}
