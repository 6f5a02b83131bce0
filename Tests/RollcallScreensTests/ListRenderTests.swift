import Foundation
import RollcallCore
import Testing
@testable import RollcallScreens
@testable import RollcallTUI

@Suite("Lists and a pupil's history as drawn")
struct ListRenderTests {
    func list(_ key: Character, period: DashboardPeriod = .thisYear) throws -> TableState {
        var state = DashboardSchool.dashboard(period: period)
        guard case let .push(screen) = state.handle(.character(key)).first else { throw ListError.none }
        return try #require(screen as? TableState)
    }

    enum ListError: Error { case none }

    func press(_ keys: [Key], on state: inout TableState) -> [ScreenEffect] {
        keys.flatMap { state.handle($0) }
    }

    @Test func persistentAbsenteesWorstFirstWithTheNewOneFlagged() throws {
        let lines = try list("p").render().lines
        #expect(Array(lines.prefix(6)) == [
            "Persistent and severe absentees · 2",
            "This year, Mon 1 Sep 2025 to Fri 12 Sep 2025: 10%+ of possible sessions missed",
            "(50%+ severe); new: crossed 10% this week",
            "Pupil                UPN           Form  Possible Absent% Unauth% Level      New",
            "Elsewhere, Ed        N938432125006 7B          19    36.8    36.8 persistent",
            "Ó Súilleabháin, Zoë  T938432125001 7A          19    26.3    26.3 persistent new",
        ])
    }

    @Test func callsNameTheFlagsAndMissingMarksTheRegister() throws {
        #expect(try list("c").render().lines[4] == "Ó Súilleabháin, Zoë  7A    SW EHC     no contacts imported         T938432125001")
        // With contacts: the parent she lives with first, then her social worker.
        let contacts = [
            Contact(upn: Form7A.zoe.upn, name: "Sam Ó Súilleabháin", relationship: "Father", phones: ["07700 900111"]),
            Contact(upn: Form7A.zoe.upn, name: "Dana Whitfield", relationship: "Social worker", role: .socialWorker, phones: ["01632 960002"]),
            Contact(upn: Form7A.zoe.upn, name: "Jo Ó Súilleabháin", relationship: "Mother", phones: ["07700 900123"], livesWithPupil: true),
        ]
        let dashboard = Dashboard(DashboardSchool.records, today: DashboardSchool.today, minute: DashboardSchool.minute, contacts: contacts)
        var state = DashboardState(schoolName: "Test Academy", dashboard: dashboard, size: Size(width: 100, height: 24))
        guard case let .push(screen) = state.handle(.character("c")).first, var calls = screen as? TableState else { throw ListError.none }
        #expect(calls.render().lines[3]
            == "Ó Súilleabháin, Zoë  7A    SW EHC     Mother 07700 900123; Father 07700 900111; Social T938432125001")
        guard case let .export(export) = press([.character("e")], on: &calls).first?.asked else { throw ListError.none }
        #expect(export.rows[0][3] == "Mother 07700 900123; Father 07700 900111; Social worker 01632 960002")
        #expect(try list("m").render().lines[3] == "7A                                     2025-09-12 AM        1       4 incomplete")
        #expect(try list("t").render().lines[4] == "Elsewhere, Ed                   N938432125006 7B         7 close     2025-09-01")
    }

    @Test func formsAddUpToTheSchool() throws {
        // 7A: 85 possible, 6 missed (Zoë 5, Łukasz 1): 92.9%; 7B is Ed alone: 12/19.
        #expect(Array(try list("f").render().lines[3...6]) == [
            "Form                         Pupils Attend% Absent% Unauth%   PA   PA%  SA   SA%",
            "7A*                               5    92.9     7.1     5.9    1  20.0   0   0.0",
            "7B*                               1    63.2    36.8    36.8    1 100.0   0   0.0",
            "School*                           6    87.5    12.5    11.5    2  33.3   0   0.0",
        ])
    }

    @Test func sortingFilteringAndOpeningAPupil() throws {
        var pupils = try list("a")
        #expect(pupils.shown.map(\.cells[0].text).first == "Wiśniewski, Łukasz")
        // Sort by the name column, then by attendance: numbers sort largest first.
        _ = press([.character("s")], on: &pupils)
        #expect(pupils.shown.map(\.cells[0].text) == [
            "adams, Amy", "Elsewhere, Ed", "Gone, Gwen", "O'Brien, Shiv", "Ó Súilleabháin, Zoë", "Wiśniewski, Łukasz",
        ])
        _ = press([.character("s"), .character("s"), .character("s"), .character("s")], on: &pupils)
        #expect(pupils.render().lines[0].hasSuffix("sorted by Attend% ↓"))
        _ = press([.character("r")], on: &pupils)
        #expect(pupils.shown.map(\.cells[0].text).prefix(2) == ["Elsewhere, Ed", "Ó Súilleabháin, Zoë"])
        // Typing filters without accents or case; Enter keeps the filter and opens nothing.
        _ = press([.character("/"), .character("z"), .character("o"), .character("e"), .enter], on: &pupils)
        #expect(pupils.shown.map(\.cells[0].text) == ["Ó Súilleabháin, Zoë"])
        #expect(pupils.render().lines[0].hasPrefix("Pupils · 1 of 6 "))
        #expect(pupils.render().lines[0].hasSuffix(" sorted by Attend% ↑"))
        guard case let .open(.pupil(upn)) = press([.enter], on: &pupils).first?.asked else { Issue.record("Enter opened nothing"); return }
        #expect(upn == Form7A.zoe.upn)
        // Esc clears the filter first, then goes back.
        #expect(press([.escape], on: &pupils).isEmpty)
        #expect(pupils.shown.count == 6)
        guard case .back = press([.escape], on: &pupils).first else { Issue.record("Esc did not go back"); return }
    }

    @Test func anExportHoldsTheRowsAsShown() throws {
        var absentees = try list("p")
        _ = press([.character("/"), .character("7"), .character("b"), .enter], on: &absentees)
        guard case let .export(export) = press([.character("e")], on: &absentees).first?.asked else {
            Issue.record("no export")
            return
        }
        #expect(export.name == "persistent-absence")
        #expect(export.columns == ["Pupil", "UPN", "Form", "Possible", "Absent%", "Unauth%", "Level", "New"])
        #expect(export.rows == [["Elsewhere, Ed", "N938432125006", "7B", "19", "36.8", "36.8", "persistent", ""]])
    }

    @Test func thousandsOfRowsFilterAndScroll() {
        let rows = (0..<5000).map { TableRow([TableCell("Pupil \($0)"), .number($0 % 97)]) }
        var table = TableState(title: "Many", note: "", columns: [TableColumn("Name", width: 10, flexible: true), .number("N")],
                               rows: rows, exportName: "many", size: Size(width: 80, height: 24))
        _ = table.handle(.end)
        #expect(table.render().lines[22].hasPrefix("Pupil 4999"))
        _ = table.handle(.character("/"))
        for character in "4999" { _ = table.handle(.character(character)) }
        #expect(table.shown.count == 1)
        #expect(table.render().lines[2].hasPrefix("Pupil 4999"))
    }

    @Test func cohortsChangeCharacteristicsWithDAndC() throws {
        var state = DashboardSchool.dashboard(period: .thisYear)
        guard case let .push(screen) = state.handle(.character("x")).first, var cohorts = screen as? CohortState else {
            Issue.record("no cohort screen")
            return
        }
        #expect(cohorts.render().lines[4] == "Not FSM / EHC plan*               1    73.7    26.3    26.3    1 100.0   0   0.0")
        // c steps the second through EAL and year group to none: FSM alone.
        _ = cohorts.handle(.character("c"))
        #expect(cohorts.render().lines[0] == "Cohorts: FSM × EAL · 2")
        _ = cohorts.handle(.character("c"))
        _ = cohorts.handle(.character("c"))
        #expect(cohorts.render().lines[0] == "Cohorts: FSM · 2")
        #expect(cohorts.render().lines[4] == "Not FSM*                          6    87.5    12.5    11.5    2  33.3   0   0.0")
        // d: the first becomes EAL; c then crosses it with the first of the rest, sex.
        _ = cohorts.handle(.character("d"))
        #expect(cohorts.render().lines[0] == "Cohorts: EAL · 2")
        _ = cohorts.handle(.character("c"))
        #expect(cohorts.render().lines[0] == "Cohorts: EAL × Sex · 2")
        #expect(cohorts.render().lines[4] == "Not EAL / Not recorded*           6    87.5    12.5    11.5    2  33.3   0   0.0")
    }

    func zoe(amendments: [Amendment] = [], height: Int = 40) -> PupilHistoryState {
        let history = PupilHistory(Form7A.zoe, records: DashboardSchool.records, amendments: amendments, asOf: DashboardSchool.today,
                                   now: Session(DashboardSchool.today, .am))
        return PupilHistoryState(history: history, size: Size(width: 80, height: height))
    }

    @Test func aPupilsHistoryShowsWhyTheyAreListed() {
        let lines = zoe().render().lines
        #expect(Array(lines.prefix(19)) == [
            "Ó Súilleabháin, Zoë · T938432125001 · 7A · Year 7          as of Fri 12 Sep 2025",
            "Born 2014-01-01 · EHC plan",
            "Has a social worker: tell them of unexplained absence",
            "",
            "                 Possible   Attend   Absent     Auth   Unauth",
            "Year 2025-26           19    73.7%    26.3%     0.0%    26.3%  persistent",
            "Autumn term            19    73.7%    26.3%     0.0%    26.3%  persistent",
            "Last 4 weeks           19    73.7%    26.3%     0.0%    26.3%  persistent",
            "",
            "Penalty: 5 unauthorised sessions in the 10 school weeks from Mon 1 Sep 2025",
            "  10 reaches the threshold.",
            "  8 Sep AM O, 8 Sep PM O, 9 Sep AM O, 9 Sep PM O, 12 Sep AM N",
            "",
            "Late: 0 before the register closed (L, 0 minutes in all), 0 after (U)",
            "Missed most: Monday mornings, 1 of 2 (50.0%)",
            "              Mon    Tue    Wed    Thu    Fri",
            "  absent AM    1/2    1/2    0/2    0/2    1/2",
            "  absent PM    1/2    1/2    0/2    0/2    0/1",
            "Codes: / 7  \\ 7  O 4  N 1",
        ])
        // The calendar: the first week present, O on Monday and Tuesday, N on Friday
        // morning, Friday afternoon still to come.
        #expect(lines.contains("Sep 25 //////////    UUUU////U·    ··········    ··········    ····"))
    }

    @Test func theAmendmentsAreAtTheEndNewestFirst() throws {
        let at = Date(timeIntervalSince1970: 1_757_664_000) // 2025-09-12 08:00 UTC, 09:00 in London
        let amendments = [
            try Amendment(upn: Form7A.zoe.upn, group: "7A", session: Session(day("2025-09-08"), .am), original: .reasonNotYetEstablished,
                          amended: .otherUnauthorised, reason: "No reason given after three calls", at: at, by: Recorder(login: "lead")),
            try Amendment(upn: Form7A.lukasz.upn, group: "7A", session: Session(day("2025-09-08"), .am), original: .illness,
                          amended: .presentAM, reason: "Someone else's", at: at, by: Recorder(login: "lead")),
        ]
        var state = zoe(amendments: amendments, height: 24)
        _ = state.handle(.character("G"))
        let lines = state.render().lines
        #expect(Array(lines[20...23]) == [
            "Amendments (1)",
            "2025-09-08 AM  N → O  by lead on 2025-09-12 09:00",
            "    No reason given after three calls",
            "lines 14-35 of 35 · j/k scroll  Space page  Esc back  ? help  q quit",
        ])
    }
}
