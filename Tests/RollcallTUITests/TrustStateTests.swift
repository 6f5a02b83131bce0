import RollcallCore
import Testing
@testable import RollcallTUI

@Suite("The trust's schools as drawn")
struct TrustStateTests {
    let size = Size(width: 80, height: 12)

    @Test func eachSchoolIsARowOfItsOwnDashboardFigures() {
        let lines = TrustState(overview: TrustSchools.overview, size: size).render().lines
        #expect(lines[0].hasPrefix("Trust: This half term · 3"))
        #expect(lines[3] == "School              Pupils Attend%   PA   PA%  SA   SA% Penalty Open Published")
        #expect(lines[4] == "Northfield Academy       3    76.7    2  66.7   1  33.3       1    3 11-20 18:05")
        #expect(lines[5] == "Southgate School         2   100.0    0   0.0   0   0.0       0    0 11-20 18:10")
        #expect(lines[6] == "Eastbrook Primary        0       -    0     -   0     -       0    0 never")
        #expect(lines[11] == "←→ period  Enter school  ? help  s sort  r reverse  / filter  Esc back  q quit")
    }

    @Test func theArrowsChangeThePeriodAsOnTheDashboardKeepingTheSchoolChosen() {
        var state = TrustState(overview: TrustSchools.overview, size: size)
        #expect(state.handle(.character("j")).isEmpty)
        #expect(state.handle(.right).isEmpty)
        #expect(state.period == .thisTerm)
        #expect(state.handle(.character("l")).isEmpty)
        #expect(state.period == .thisYear)
        let lines = state.render().lines
        #expect(lines[0].hasPrefix("Trust: This year · 3"))
        #expect(lines[4] == "Northfield Academy       3    88.3    1  33.3   0   0.0       1    3 11-20 18:05")
        #expect(state.table.selected?.cells.first?.text == "Southgate School")
        // A longer period than the year there is not.
        #expect(state.handle(.right).isEmpty)
        #expect(state.period == .thisYear)
        #expect(state.handle(.enter).asked == [.open(.school(urn: "100002", period: .thisYear))])
    }

    @Test func typingFindsASchoolAndEnterOpensIt() {
        var state = TrustState(overview: TrustSchools.overview, size: size)
        for key in [Key.character("/")] + "east".map(Key.character) + [.enter] { #expect(state.handle(key).isEmpty) }
        #expect(state.render().lines[0].hasPrefix("Trust: This half term · 1 of 3"))
        #expect(state.handle(.enter).asked == [.open(.school(urn: "100003", period: .thisHalfTerm))])
        // Esc clears the filter first, then goes back.
        #expect(state.handle(.escape).isEmpty)
        #expect(state.handle(.escape).asked == [.back])
        #expect(state.handle(.character("q")).asked == [.quit])
    }

    @Test func sortingByAColumnPutsTheWorstFirst() {
        var state = TrustState(overview: TrustSchools.overview, size: size)
        for _ in 0..<5 { _ = state.handle(.character("s")) }
        // The fifth column is PA%: largest first, a school without a rate last.
        #expect(state.render().lines[0].hasSuffix("sorted by PA% ↓"))
        #expect(state.table.shown.map { $0.cells[0].text } == ["Northfield Academy", "Southgate School", "Eastbrook Primary"])
    }

    @Test func questionMarkListsTheKeys() {
        var state = TrustState(overview: TrustSchools.overview, size: Size(width: 80, height: 30))
        #expect(state.handle(.character("?")).isEmpty)
        let text = state.render().lines.joined(separator: "\n")
        #expect(text.contains("Keys on the trust's schools"))
        #expect(text.contains("the school's dashboard: its year groups, lists and pu"))
        // Enter and the arrows are the trust's here, not a list's.
        #expect(!text.contains("open the pupil's history"))
        #expect(text.contains("│ <              sort by the column before"))
        #expect(!text.contains("export"))
        #expect(state.handle(.escape).isEmpty)
        #expect(!state.table.isShowingHelp)
    }
}
