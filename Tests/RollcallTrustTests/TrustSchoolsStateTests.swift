import Foundation
import RollcallCore
import RollcallScreens
import RollcallTUI
import Testing
@testable import RollcallTrust

@Suite("The trust's schools as drawn")
struct TrustSchoolsStateTests {
    let size = Size(width: 80, height: 12)

    @Test func eachSchoolIsARowOfItsOwnDashboardFigures() {
        let lines = TrustSchoolsState(overview: HandWorkedTrust.overview, size: size).render().lines
        #expect(lines[0].hasPrefix("Trust: This half term · 3"))
        #expect(lines[3] == "School              Pupils Attend%   PA   PA%  SA   SA% Penalty Open Published")
        // The trust's row first: its 5 pupils as one, 86 of 100 sessions attended (86.0%, not
        // the 88.4 an average of the schools' rates would give), 2 of 5 persistent, 1 severe.
        #expect(lines[4] == "Trust                    5    86.0    2  40.0   1  20.0       1    3")
        #expect(lines[5] == "Northfield Academy       3    76.7    2  66.7   1  33.3       1    3 11-20 18:05")
        #expect(lines[6] == "Southgate School         2   100.0    0   0.0   0   0.0       0    0 11-20 18:10")
        #expect(lines[7] == "Eastbrook Primary        0       -    0     -   0     -       0    0 never")
        #expect(lines[11].trimmingCharacters(in: .whitespaces) == "←→ period  Enter school  D days  ? help  s sort  / filter  Esc back  q quit")
    }

    @Test func theArrowsChangeThePeriodAsOnTheDashboardKeepingTheSchoolChosen() {
        var state = TrustSchoolsState(overview: HandWorkedTrust.overview, size: size)
        // The trust's row has nothing to open: Enter there does nothing.
        #expect(state.handle(.enter).opened.isEmpty)
        #expect(state.handle(.character("j")).isEmpty)
        #expect(state.handle(.character("j")).isEmpty)
        #expect(state.handle(.right).isEmpty)
        #expect(state.period == .thisTerm)
        #expect(state.handle(.character("l")).isEmpty)
        #expect(state.period == .thisYear)
        let lines = state.render().lines
        #expect(lines[0].hasPrefix("Trust: This year · 3"))
        // 186 of 200 sessions: 93.0%; 1 of 5 persistent.
        #expect(lines[4] == "Trust                    5    93.0    1  20.0   0   0.0       1    3")
        #expect(lines[5] == "Northfield Academy       3    88.3    1  33.3   0   0.0       1    3 11-20 18:05")
        #expect(state.table.selected?.cells.first?.text == "Southgate School")
        // A longer period than the year there is not.
        #expect(state.handle(.right).isEmpty)
        #expect(state.period == .thisYear)
        #expect(state.handle(.enter).opened == [TrustScreen.school(urn: "100002", period: .thisYear)])
    }

    @Test func typingFindsASchoolAndEnterOpensIt() {
        var state = TrustSchoolsState(overview: HandWorkedTrust.overview, size: size)
        for key in [Key.character("/")] + "east".map(Key.character) + [.enter] { #expect(state.handle(key).isEmpty) }
        #expect(state.render().lines[0].hasPrefix("Trust: This half term · 1 of 3"))
        #expect(state.handle(.enter).opened == [TrustScreen.school(urn: "100003", period: .thisHalfTerm)])
        // Esc clears the filter first, then goes back.
        #expect(state.handle(.escape).isEmpty)
        #expect(state.handle(.escape).map(\.isBack) == [true])
        #expect(state.handle(.character("q")).map(\.isQuit) == [true])
    }

    @Test func sortingByAColumnPutsTheWorstFirst() {
        var state = TrustSchoolsState(overview: HandWorkedTrust.overview, size: size)
        for _ in 0..<5 { _ = state.handle(.character("s")) }
        // The fifth column is PA%: largest first, a school without a rate last, and the
        // trust's row above them all.
        #expect(state.render().lines[0].hasSuffix("sorted by PA% ↓"))
        #expect(state.table.shown.map { $0.cells[0].text } == ["Trust", "Northfield Academy", "Southgate School", "Eastbrook Primary"])
    }

    /// At 80 columns the name column has 19 cells; a longer name is read whole, on two lines.
    @Test func aLongSchoolNameIsKeptWholeAtEightyColumns() {
        let long = TrustOverview.School(urn: "100009", name: "The Blessed Sacrament Catholic Primary School", publishedAt: nil, penaltyReached: 0,
                                        followUpsOpen: 0, figures: [:])
        let overview = TrustOverview(today: HandWorkedTrust.overview.today, schools: HandWorkedTrust.overview.schools + [long])
        let lines = TrustSchoolsState(overview: overview, size: Size(width: 80, height: 14)).render().lines
        let text = lines[3...12].map { String($0.prefix(19)).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(text.contains("The Blessed Sacrament Catholic Primary School"), "\(lines)")
        // The footer fits too: every key it names, help and quit last.
        #expect(lines[13].trimmingCharacters(in: .whitespaces) == "←→ period  Enter school  D days  ? help  s sort  / filter  Esc back  q quit")
    }

    @Test func aSchoolThatCouldNotBeReadIsNamedOnOpening() {
        let message = "school 100004's calendar could not be read: publish --full from the school mends it"
        let overview = TrustOverview(today: HandWorkedTrust.overview.today, schools: HandWorkedTrust.overview.schools, unreadable: [message])
        var state = TrustSchoolsState(overview: overview, size: Size(width: 100, height: 12))
        let footer = state.render().lines[11]
        #expect(footer.hasPrefix(message))
        #expect(state.render()[0, 11].role == .warning)
        // Every other school is there, and the next key gives the keys back.
        #expect(state.render().lines[0].hasPrefix("Trust: This half term · 3"))
        _ = state.handle(.character("j"))
        #expect(state.render().lines[11].hasPrefix("←→ period"))
    }

    @Test func questionMarkListsTheKeys() {
        var state = TrustSchoolsState(overview: HandWorkedTrust.overview, size: Size(width: 80, height: 30))
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

@Suite("The trust's guide")
struct TrustGuideTests {
    /// docs/trust.md's key table is generated from the trust's key tables: run the
    /// suite with RECORD_KEYS=1 to write it again after changing a key.
    @Test func theTrustGuidesKeyTableIsTheScreensKeyTable() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/trust.md").standardizedFileURL
        let guide = try String(contentsOf: file, encoding: .utf8)
        let generated = KeyGuide.regenerate(guide, screens: [("trust", TrustSchoolsCommand.helpSections),
                                                              ("trust-days", [TrustDaysCommand.keys.section])])
        if ProcessInfo.processInfo.environment["RECORD_KEYS"] == "1", generated != guide {
            try generated.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(guide.contains("<!-- keys: trust -->") && guide.contains("<!-- keys: trust-days -->"))
        #expect(generated == guide, "docs/trust.md's key table differs from the trust's screen: run the tests with RECORD_KEYS=1")
    }
}

extension Screen {
    /// A key at nine in the morning.
    mutating func handle(_ key: Key) -> [ScreenEffect] { handle(key, in: ScreenContext(minute: 9 * 60)) }
}

extension ScreenEffect {
    var isBack: Bool { if case .back = self { true } else { false } }
    var isQuit: Bool { if case .quit = self { true } else { false } }
}

extension Array where Element == ScreenEffect {
    /// The trust's screens these effects open, in order.
    var opened: [TrustScreen] {
        compactMap { effect in
            guard case let .open(origin) = effect else { return nil }
            return origin as? TrustScreen
        }
    }
}
