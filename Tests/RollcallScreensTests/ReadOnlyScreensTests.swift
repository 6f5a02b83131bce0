import RollcallCore
import Testing
@testable import RollcallScreens
@testable import RollcallTUI

/// The school's screens opened read-only, as a trust's view opens them: no key that
/// writes is offered, in the footer or the help, and pressing one does nothing.
@Suite("The school's screens, read-only")
struct ReadOnlyScreensTests {
    let size = Size(width: 100, height: 40)
    var dashboard: Dashboard { Dashboard(DashboardSchool.records, today: DashboardSchool.today, minute: DashboardSchool.minute) }

    func helpText(_ screen: inout some Screen) -> String {
        _ = screen.handle(.character("?"))
        return screen.render().lines.joined(separator: "\n")
    }

    @Test func theDashboardWritesNoPack() {
        var state = DashboardState(schoolName: "Test Academy", dashboard: dashboard, period: .thisYear, size: size, readOnly: true)
        #expect(state.handle(.character("e")).isEmpty)
        #expect(state.message == nil)
        #expect(!helpText(&state).contains("termly pack"))
        // Written, the same screen offers it.
        var writable = DashboardState(schoolName: "Test Academy", dashboard: dashboard, period: .thisYear, size: size)
        #expect(helpText(&writable).contains("write the termly pack (HTML) for this period"))
    }

    @Test func theRollDeletesNoNameAndItsListsExportNothing() {
        var state = DashboardState(schoolName: "Test Academy", dashboard: dashboard, period: .thisYear, size: size, readOnly: true)
        guard case var .push(roll as RollState)? = state.handle(.character("r")).first else {
            Issue.record("r opened no roll")
            return
        }
        #expect(roll.handle(.character("D")).isEmpty)
        #expect(roll.walk == nil)
        #expect(roll.handle(.character("e")).isEmpty)
        #expect(!roll.render().lines[39].contains("delete") && !roll.render().lines[39].contains("export"))
        let help = helpText(&roll)
        #expect(!help.contains("delete the pupil's name") && !help.contains("export"))
        #expect(help.contains("open the pupil's history"))
    }

    @Test func theFollowUpsLogNothing() {
        var state = FollowUpState(dashboard: dashboard, size: size, readOnly: true)
        #expect(state.handle(.character("d")).isEmpty)
        #expect(state.prompt == nil)
        #expect(!state.render().lines[39].contains("d done"))
        #expect(!helpText(&state).contains("done: log what clears the row"))
    }

    @Test func everyListTheDashboardOpensExportsNothing() {
        var state = DashboardState(schoolName: "Test Academy", dashboard: dashboard, period: .thisYear, size: size, readOnly: true)
        for key in ["p", "t", "c", "n", "m", "f", "y", "a"] {
            guard case var .push(list as TableState)? = state.handle(.character(Character(key))).first else {
                Issue.record("\(key) opened no list")
                continue
            }
            #expect(list.handle(.character("e")).isEmpty, "\(key)")
            #expect(!list.render().lines[39].contains("export"), "\(key)")
        }
        guard case var .push(cohorts as CohortState)? = state.handle(.character("x")).first else {
            Issue.record("x opened no cohorts")
            return
        }
        #expect(cohorts.handle(.character("e")).isEmpty)
    }
}
