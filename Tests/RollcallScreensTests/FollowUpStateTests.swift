import RollcallCore
import Testing
@testable import RollcallScreens
@testable import RollcallTUI

@Suite("The follow-up list")
struct FollowUpStateTests {
    func followUps() -> FollowUpState {
        FollowUpState(dashboard: Dashboard(DashboardSchool.records, today: DashboardSchool.today, minute: DashboardSchool.minute),
                      size: Size(width: 100, height: 24))
    }

    @Test func zoesUnexplainedMorningNeedsACallAndHerSocialWorker() {
        let lines = followUps().render().lines
        // Zoë's two, and the 5 pupils on roll whose entries lack what regulation 8 asks
        // for (the fixture has no addresses or starting days), listed after them.
        #expect(lines[0] == "Follow-ups · 7")
        #expect(lines[2].hasPrefix("Pupil                  Form  Rule               What happened, what next"))
        #expect(lines[3].hasPrefix("Ó Súilleabháin, Zoë    7A    First-day call     N today (AM): call home"))
        #expect(lines[4].hasPrefix("Ó Súilleabháin, Zoë    7A    Tell the worker    N today (AM): tell the social worker"))
    }

    @Test func doneAsksForANoteThenLogsWhatClearsTheRow() throws {
        var state = followUps()
        #expect(state.handle(.character("d")).isEmpty)
        #expect(state.render().lines[23] == "Log the call for Ó Súilleabháin. Note: _")
        for character in "Dad: ill" { _ = state.handle(.character(character)) }
        let effects = state.handle(.enter)
        guard case let .perform(.log(intervention)) = effects.first?.asked else {
            Issue.record("nothing logged: \(effects)")
            return
        }
        #expect(intervention.kind == .firstDayCall)
        #expect(intervention.upn == Form7A.zoe.upn)
        #expect(intervention.date == DashboardSchool.today)
        #expect(intervention.note == "Dad: ill")
        // Esc abandons a note without logging.
        _ = state.handle(.down)
        _ = state.handle(.character("d"))
        #expect(state.handle(.escape).isEmpty)
        #expect(state.prompt == nil)
    }
}
